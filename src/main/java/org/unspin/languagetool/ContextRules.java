package org.unspin.languagetool;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.languagetool.Language;
import org.languagetool.rules.patterns.AbstractPatternRule;
import org.languagetool.rules.patterns.PatternRuleLoader;
import org.unspin.lexicon.DictionaryException;
import org.unspin.lexicon.ShippedFiles;
import org.xml.sax.SAXParseException;

/**
 * unspin's context rules: LanguageTool pattern-rule files ({@code grammar.xml} format), the shipped ones from
 * the class-path folder {@code dictionaries/rules/} plus any given files. The raw bytes are kept so that every
 * worker thread can parse its own rule objects ({@link #parse}); rule ids must be unique across all files.
 */
public final class ContextRules {
    public static final String SHIPPED_FOLDER = "dictionaries/rules/";

    /** File name (as used in {@code Edit.source}, e.g. {@code rules/senses.xml}) → file content. */
    private final Map<String, byte[]> files;

    private ContextRules(Map<String, byte[]> files) {
        this.files = files;
    }

    /** Shipped rule files (if {@code withShipped}) plus the given files, in that order. */
    public static ContextRules load(boolean withShipped, List<Path> extraFiles) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        if (withShipped) {
            ShippedFiles.read(ContextRules.class.getClassLoader(), SHIPPED_FOLDER, ".xml")
                    .forEach((name, bytes) -> files.put("rules/" + name, bytes));
        }
        for (Path file : extraFiles) {
            files.put(file.toString(), ShippedFiles.readBytes(file.toString(), file));
        }
        return new ContextRules(files);
    }

    /** Source name → content of every loaded file, in load order. */
    Map<String, byte[]> files() {
        return java.util.Collections.unmodifiableMap(files);
    }

    /**
     * The words of rule XML through which a rule reads more than the tokens: part-of-speech tags, lemmas
     * ({@code inflected}), chunks, unification, filters (Java code that may read anything), antipatterns and
     * disambiguation. A plain text search, so a comment naming one also counts: it errs towards the full
     * analysis, which gives the same matches, only slower.
     */
    private static final List<String> ANALYSIS_WORDS = List.of("postag", "inflected", "chunk", "unify", "filter",
            "antipattern", "disambig");

    /** Whether some loaded rule may read LanguageTool's tags, lemmas or chunks, not only its tokens. */
    boolean readsTags() {
        for (byte[] content : files.values()) {
            String xml = new String(content, java.nio.charset.StandardCharsets.UTF_8);
            if (ANALYSIS_WORDS.stream().anyMatch(xml::contains)) {
                return true;
            }
        }
        return false;
    }

    /** The source names of the loaded files, in load order. */
    public List<String> fileNames() {
        return List.copyOf(files.keySet());
    }

    /**
     * Parses every file into fresh rule objects for {@code language}, and checks that rule ids are unique.
     *
     * @return rule → source file name, in file order
     * @throws DictionaryException naming file and line for XML or rule errors
     */
    Map<AbstractPatternRule, String> parse(Language language) {
        Map<AbstractPatternRule, String> rules = new LinkedHashMap<>();
        Map<String, String> fileOfId = new HashMap<>();
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            String name = file.getKey();
            List<AbstractPatternRule> parsed;
            try {
                parsed = new PatternRuleLoader().getRules(new ByteArrayInputStream(file.getValue()), name, language);
            } catch (IOException | RuntimeException e) {
                throw new DictionaryException(name, lineOf(e), "invalid rule file: " + rootMessage(e));
            }
            for (AbstractPatternRule rule : parsed) {
                String earlier = fileOfId.putIfAbsent(rule.getId(), name);
                if (earlier != null && !earlier.equals(name)) {
                    throw new DictionaryException(name, 0, "rule id " + rule.getId() + " is also defined in " + earlier);
                }
                rules.put(rule, name);
            }
        }
        return rules;
    }

    private static int lineOf(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SAXParseException sax) {
                return Math.max(sax.getLineNumber(), 0);
            }
        }
        return 0;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.toString();
    }
}
