package org.unspin.server;

import java.util.List;

/** The languages the server answers for: English and its variants, as LanguageTool names them. */
final class Languages {
    /** One language as /v2/languages lists it. */
    record Language(String name, String code, String longCode) {
    }

    static final List<Language> ALL = List.of(
            new Language("English", "en", "en"),
            new Language("English (US)", "en", "en-US"),
            new Language("English (GB)", "en", "en-GB"),
            new Language("English (Australian)", "en", "en-AU"),
            new Language("English (Canadian)", "en", "en-CA"),
            new Language("English (New Zealand)", "en", "en-NZ"),
            new Language("English (South African)", "en", "en-ZA"));

    /** What "auto" resolves to: unspin checks English only. */
    static final Language AUTO = ALL.get(1);

    private Languages() {
    }

    /**
     * The language of a request's {@code language} parameter: a long code in any case, with '-' or '_',
     * or "auto". Anything else is a 400, listing the codes that work.
     */
    static Language forCode(String code) {
        String wanted = code.strip().replace('_', '-');
        if (wanted.equalsIgnoreCase("auto")) {
            return AUTO;
        }
        for (Language l : ALL) {
            if (l.longCode().equalsIgnoreCase(wanted)) {
                return l;
            }
        }
        throw new HttpError(400, "Error: '" + code + "' is not a language code known to unspin, which checks "
                + "English only. Supported language codes are: auto, "
                + String.join(", ", ALL.stream().map(Language::longCode).toList()));
    }

    /**
     * The variant that {@code preferredVariants} (LanguageTool: with {@code language=auto}, a list such as
     * {@code en-GB,de-AT}) names for English; American English when it names none. A malformed entry is a 400.
     */
    static Language preferred(String variants) {
        Language chosen = AUTO;
        for (String v : variants.split(",")) {
            String code = v.strip();
            if (!code.matches("[a-zA-Z]{2,3}[-_][a-zA-Z]{2,4}")) {
                throw new HttpError(400, "Error: invalid 'preferredVariants', expected language codes with a "
                        + "variant such as en-GB, got '" + code + "'");
            }
            if (code.toLowerCase(java.util.Locale.ROOT).startsWith("en") && chosen == AUTO) {
                chosen = ALL.stream().filter(l -> l.longCode().equalsIgnoreCase(code.replace('_', '-'))).findFirst()
                        .orElse(AUTO);
            }
        }
        return chosen;
    }
}
