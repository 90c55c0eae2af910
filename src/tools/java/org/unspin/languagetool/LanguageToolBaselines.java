package org.unspin.languagetool;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import org.languagetool.JLanguageTool;
import org.languagetool.Language;
import org.languagetool.Languages;
import org.languagetool.rules.AbstractSimpleReplaceRule2;
import org.languagetool.rules.Rule;

/**
 * Stock LanguageTool set-ups that {@code unspin bench --compare} measures unspin against. All use LanguageTool's
 * own shared {@code en-US} language (tagger, disambiguator and chunker, all on) and its own sentence splitting.
 */
public final class LanguageToolBaselines {
    private LanguageToolBaselines() {
    }

    /** LanguageTool with all its default English rules, as a user gets it. */
    public static JLanguageTool defaultEnglish() {
        return new JLanguageTool(Languages.getLanguageForShortCode("en-US"));
    }

    /**
     * LanguageTool with all its default English rules plus unspin's phrase tables as an
     * {@code EN_SIMPLE_REPLACE}-style rule reading {@code replaceFile}: what a LanguageTool user gets by adding
     * {@code export-lt}'s {@code replace_custom.txt} to a stock installation.
     */
    public static JLanguageTool defaultEnglishWith(Path replaceFile) {
        JLanguageTool tool = defaultEnglish();
        Language english = tool.getLanguage();
        try {
            Rule replace = new ReplaceFileRule(JLanguageTool.getMessageBundle(english), english, replaceFile.toUri().toURL());
            tool.addRule(replace);
            tool.enableRule(replace.getId());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tool;
    }

    /**
     * LanguageTool with only what {@code unspin export-lt} gives it: the context rules and the phrase tables as
     * an {@code EN_SIMPLE_REPLACE}-style rule ({@link AbstractSimpleReplaceRule2}, LanguageTool's own matching
     * code) reading {@code replaceFile}. With {@code contextRules} null, the phrase tables alone.
     */
    public static JLanguageTool unspinExport(ContextRules contextRules, Path replaceFile) {
        Language english = Languages.getLanguageForShortCode("en-US");
        List<Rule> rules = new ArrayList<>(contextRules == null ? List.of() : contextRules.parse(english).keySet());
        try {
            rules.add(new ReplaceFileRule(JLanguageTool.getMessageBundle(english), english, replaceFile.toUri().toURL()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JLanguageTool tool = new JLanguageTool(english, List.of(), null, null, null, null, false, false, rules);
        rules.forEach(rule -> tool.enableRule(rule.getId()));
        return tool;
    }

    /** Writes {@code text} to a temporary replace file (deleted on exit) for {@link #unspinExport}. */
    public static Path temporaryReplaceFile(String text) {
        try {
            Path file = Files.createTempFile("unspin-replace", ".txt");
            file.toFile().deleteOnExit();
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** LanguageTool's {@code SimpleReplaceRule} with its file list swapped for one exported file. */
    private static final class ReplaceFileRule extends AbstractSimpleReplaceRule2 {
        private final URL file;

        ReplaceFileRule(ResourceBundle messages, Language language, URL file) {
            super(messages, language);
            this.file = file;
            useSubRuleSpecificIds();
        }

        @Override
        public List<String> getFileNames() {
            return List.of();
        }

        @Override
        public List<URL> getFilePaths() {
            return List.of(file);
        }

        @Override
        public String getId() {
            return "EN_SIMPLE_REPLACE";
        }

        @Override
        public String getDescription() {
            return "Spun phrase: $match";
        }

        @Override
        public String getShort() {
            return "Spun phrase";
        }

        @Override
        public String getMessage() {
            return "Did you mean $suggestions?";
        }

        @Override
        public Locale getLocale() {
            return Locale.ENGLISH;
        }
    }
}
