package org.unspin.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import java.util.Locale;
import org.unspin.Repair;
import org.unspin.edit.Edit;

/**
 * The answer of {@code /v2/check} in LanguageTool's JSON shape, so LanguageTool clients (browser add-on,
 * LTeX, editor plugins) show unspin's findings. Every edit becomes a match: rewritten findings are of type
 * "Other", report-only findings "Hint"; offsets and lengths are UTF-16 offsets into the document, as in
 * LanguageTool.
 */
final class CheckResponse {
    /** Characters of context on each side of a match, LanguageTool's default. */
    private static final int CONTEXT_CHARS = 40;

    private CheckResponse() {
    }

    /** The software object: who answers, in LanguageTool's fields. */
    static ObjectNode software(ObjectMapper json, ServerInfo info) {
        ObjectNode software = json.createObjectNode();
        software.put("name", "unspin");
        software.put("version", info.version());
        software.put("buildDate", info.buildDate());
        software.put("apiVersion", 1);
        software.put("premium", false);
        software.put("premiumHint", "");
        software.put("status", "");
        return software;
    }

    static ObjectNode of(ObjectMapper json, ServerInfo info, Languages.Language language, boolean auto,
                         AnnotatedText text, Repair repair, RuleFilter filter) {
        ObjectNode root = json.createObjectNode();
        root.set("software", software(json, info));
        root.putObject("warnings").put("incompleteResults", false);
        ObjectNode lang = root.putObject("language");
        lang.put("name", language.name());
        lang.put("code", language.longCode());
        ObjectNode detected = lang.putObject("detectedLanguage");
        detected.put("name", language.name());
        detected.put("code", language.longCode());
        // unspin has no language detector: "auto" means English, and says so through a lower confidence.
        detected.put("confidence", auto ? 0.5 : 1.0);
        detected.put("source", auto ? "unspin checks English only" : "request");
        ArrayNode matches = root.putArray("matches");
        BreakIterator sentences = BreakIterator.getSentenceInstance(ULocale.ENGLISH);
        sentences.setText(text.plain());
        for (Edit e : repair.edits()) {
            String ruleId = ruleId(e);
            String categoryId = categoryId(e.category());
            if (filter.shows(ruleId, categoryId, housekeeping(e))) {
                matches.add(match(json, e, ruleId, categoryId, text, sentences));
            }
        }
        root.putArray("ignoreRanges");
        root.set("sentenceRanges", sentenceRanges(json, text, sentences));
        return root;
    }

    /**
     * LanguageTool's {@code sentenceRanges}: {@code [start, end]} of every sentence in document offsets,
     * trailing white space left out.
     */
    private static ArrayNode sentenceRanges(ObjectMapper json, AnnotatedText text, BreakIterator sentences) {
        ArrayNode ranges = json.createArrayNode();
        String plain = text.plain();
        for (int start = sentences.first(), end = sentences.next(); end != BreakIterator.DONE;
             start = end, end = sentences.next()) {
            int last = end;
            while (last > start && Character.isWhitespace(plain.charAt(last - 1))) {
                last--;
            }
            if (last > start) {
                int from = text.toDocumentStart(start);
                ranges.addArray().add(from).add(Math.max(from, text.toDocumentEnd(last)));
            }
        }
        return ranges;
    }

    private static ObjectNode match(ObjectMapper json, Edit e, String ruleId, String categoryId,
                                    AnnotatedText text, BreakIterator sentences) {
        int start = text.toDocumentStart(e.start());
        int end = e.end() == e.start() ? start : Math.max(start, text.toDocumentEnd(e.end()));
        ObjectNode m = json.createObjectNode();
        m.put("message", e.explanation());
        m.put("shortMessage", categoryName(e.category()));
        ArrayNode replacements = m.putArray("replacements");
        if (e.replacement() != null) {
            replacements.addObject().put("value", e.replacement());
        }
        m.put("offset", start);
        m.put("length", end - start);
        m.set("context", context(json, text.document(), start, end));
        m.put("sentence", sentence(text.plain(), e.start(), sentences));
        m.putObject("type").put("typeName", e.applied() ? "Other" : "Hint");
        ObjectNode rule = m.putObject("rule");
        rule.put("id", ruleId);
        rule.put("description", ruleDescription(e));
        rule.put("issueType", issueType(e.category()));
        ObjectNode category = rule.putObject("category");
        category.put("id", categoryId);
        category.put("name", categoryName(e.category()));
        m.put("ignoreForIncompleteSentence", false);
        m.put("contextForSureMatch", 0);
        return m;
    }

    /**
     * The LanguageTool rule id of an edit: phrase-table findings are named after their category
     * ({@code UNSPIN_SPUN_NAME}), LanguageTool-style ids ({@code UNSPIN_CARRY_SANCTIONS}, {@code EN_A_VS_AN})
     * stay as they are, other rules get a prefix ({@code nfc} → {@code UNSPIN_NFC}).
     */
    static String ruleId(Edit e) {
        if (e.rule().equals("phrase-table")) {
            return "UNSPIN_" + upperId(e.category());
        }
        if (e.rule().matches("[A-Z][A-Z0-9_]*")) {
            return e.rule();
        }
        return "UNSPIN_" + upperId(e.rule());
    }

    /** Category id: LanguageTool's own grammar rules keep LanguageTool's GRAMMAR, the rest are unspin's. */
    static String categoryId(String category) {
        return category.equals("grammar") ? "GRAMMAR" : "UNSPIN_" + upperId(category);
    }

    private static String upperId(String s) {
        return s.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_");
    }

    private static boolean housekeeping(Edit e) {
        return e.category().equals("unicode") || e.category().equals("markup");
    }

    static String categoryName(String category) {
        return switch (category) {
            case "spun-name" -> "Spun name";
            case "spun-phrase" -> "Spun phrase";
            case "spun-term" -> "Spun term";
            case "context" -> "Spun word in context";
            case "grammar" -> "Grammar";
            case "unicode" -> "Unicode clean-up";
            case "markup" -> "Markup clean-up";
            default -> category;
        };
    }

    private static String ruleDescription(Edit e) {
        if (e.rule().equals("phrase-table")) {
            return categoryName(e.category()) + " from unspin's phrase tables";
        }
        if (e.rule().equals("thesaurus-lexicon")) {
            return categoryName(e.category()) + " found by unspin's generalising detector";
        }
        return categoryName(e.category()) + " (" + e.rule() + ")";
    }

    /**
     * A spun word is a wrong word, which LanguageTool's confusion rules call a misspelling, so clients
     * underline it as an error; clean-up edits are typographical.
     */
    private static String issueType(String category) {
        return switch (category) {
            case "grammar" -> "grammar";
            case "unicode", "markup" -> "typographical";
            default -> "misspelling";
        };
    }

    /** LanguageTool's context: up to 40 chars each side, "..." where cut, line breaks shown as spaces. */
    private static ObjectNode context(ObjectMapper json, String document, int start, int end) {
        int from = Math.max(0, start - CONTEXT_CHARS);
        int to = Math.min(document.length(), end + CONTEXT_CHARS);
        if (from > 0 && Character.isLowSurrogate(document.charAt(from))) {
            from--;
        }
        if (to < document.length() && Character.isLowSurrogate(document.charAt(to))) {
            to++;
        }
        String prefix = from > 0 ? "..." : "";
        String suffix = to < document.length() ? "..." : "";
        String shown = document.substring(from, to).replace('\n', ' ').replace('\r', ' ');
        ObjectNode c = json.createObjectNode();
        c.put("text", prefix + shown + suffix);
        c.put("offset", prefix.length() + start - from);
        c.put("length", end - start);
        return c;
    }

    private static String sentence(String plain, int pos, BreakIterator sentences) {
        if (plain.isEmpty()) {
            return "";
        }
        int at = Math.min(pos, plain.length() - 1);
        int end = sentences.following(at);
        int start = sentences.previous();
        return plain.substring(start, end == BreakIterator.DONE ? plain.length() : end).strip();
    }
}
