package org.unspin.languagetool;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.languagetool.Languages;
import org.languagetool.tokenizers.Tokenizer;
import org.unspin.lexicon.DictionaryException;
import org.unspin.lexicon.PhraseEntry;
import org.unspin.lexicon.PhraseTable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * unspin's phrase tables and context rules as the two files a stock LanguageTool (6.8) English installation
 * loads from its class path without any code:
 * <ul>
 *   <li>{@value #GRAMMAR_CUSTOM}: every {@code <category>} of the rule files merged into one pattern-rule file.
 *       {@code Language.getRuleFileNames()} adds {@code /org/languagetool/rules/en/grammar_custom.xml} when the
 *       class path has it (the language-en jar has none).</li>
 *   <li>{@value #REPLACE_CUSTOM}: one {@code spun=canonical<TAB>message} line per phrase-table row at or above
 *       the confidence threshold, read by rule {@code EN_SIMPLE_REPLACE} ({@code SimpleReplaceRule}, an
 *       {@code AbstractSimpleReplaceRule2}), which loads {@code /en/replace.txt} and {@code /en/replace_custom.txt}.
 *       The language-en jar ships an empty {@code replace_custom.txt}, so the exported one is only seen when its
 *       folder comes <em>before</em> LanguageTool's jars on the class path.</li>
 * </ul>
 * Where that order cannot be had, the rows can go into {@code grammar_custom.xml} as pattern rules instead.
 */
public final class LanguageToolExport {
    /** Paths relative to the export folder, which then goes on LanguageTool's class path. */
    public static final String GRAMMAR_CUSTOM = "org/languagetool/rules/en/grammar_custom.xml";
    public static final String REPLACE_CUSTOM = "org/languagetool/rules/en/replace_custom.txt";

    /** What was exported and what was left out. */
    public record Result(String grammarXml, String replaceText, int rules, int rows, int belowThreshold,
                         List<String> skipped) {
    }

    private LanguageToolExport() {
    }

    /** Phrase tables as a replace file, context rules as {@code grammar_custom.xml}. */
    public static Result export(PhraseTable table, ContextRules rules, double minConfidence) {
        return export(table, rules, minConfidence, false);
    }

    /**
     * @param table          phrase tables; rows with confidence ≥ {@code minConfidence} are exported
     * @param rules          context rules; all of them are merged (LanguageTool shows every match as a suggestion)
     * @param minConfidence  unspin's rewrite threshold: rows below it are only reported by unspin and left out
     * @param phrasesAsRules the rows as pattern rules (category {@code UNSPIN_PHRASES}) in
     *                       {@code grammar_custom.xml} instead of a replace file, for set-ups where the export
     *                       cannot come first on the class path; {@code replaceText} is then null
     */
    public static Result export(PhraseTable table, ContextRules rules, double minConfidence, boolean phrasesAsRules) {
        StringBuilder replace = new StringBuilder();
        replace.append("# unspin phrase tables for LanguageTool's EN_SIMPLE_REPLACE rule (")
                .append(String.format(Locale.ROOT, "rows with confidence >= %.2f", minConfidence))
                .append("), written by 'unspin export-lt'.\n")
                .append("# Format: spun|spun variant=canonical<TAB>message; matched case-insensitively.\n");
        List<PhraseEntry> exported = new ArrayList<>();
        int below = 0;
        List<String> skipped = new ArrayList<>();
        for (PhraseEntry e : table.entries()) {
            if (e.confidence() < minConfidence) {
                below++;
                continue;
            }
            String problem = phrasesAsRules ? null : unsupported(e.spun(), e.canonical());
            if (problem != null) {
                skipped.add(e.source() + ": " + problem);
                continue;
            }
            replace.append(String.join("|", apostropheVariants(e.spun()))).append('=').append(e.canonical())
                    .append('\t').append(message(e)).append('\n');
            exported.add(e);
        }
        Merged merged = merge(rules, phrasesAsRules ? exported : List.of());
        return new Result(merged.xml(), phrasesAsRules ? null : replace.toString(), merged.rules(),
                exported.size(), below, List.copyOf(skipped));
    }

    /**
     * Why LanguageTool's replace-file syntax cannot hold this row, or null: '=', '|' and tab separate fields,
     * '#' starts a comment, two spaces in a row stop LanguageTool from loading the file.
     */
    static String unsupported(String spun, String canonical) {
        for (String s : List.of(spun, canonical)) {
            if (s.matches("(?s).*[=|#\\t\\n\\r].*") || s.contains("  ")) {
                return "'" + s + "' contains '=', '|', '#', a tab, a line break or two spaces";
            }
        }
        return null;
    }

    /** The spun form with straight and with curly apostrophes (unspin matches both, LanguageTool literally). */
    static Set<String> apostropheVariants(String spun) {
        Set<String> forms = new LinkedHashSet<>();
        String lower = spun.toLowerCase(Locale.ROOT);
        forms.add(lower);
        forms.add(lower.replace('\u2019', '\'').replace('\u2018', '\''));
        forms.add(lower.replace('\'', '\u2019').replace('\u2018', '\u2019'));
        return forms;
    }

    /** One-line message; '#' would end the line for LanguageTool and two spaces make it reject the file. */
    private static String message(PhraseEntry e) {
        String text = MESSAGE_START + "<suggestion>" + e.canonical() + "</suggestion>" + messageEnd(e);
        return text.replace('#', ' ').replace('\t', ' ').replaceAll(" {2,}", " ");
    }

    private static final String MESSAGE_START = "Spun phrase (unspin): the original is ";

    private static String messageEnd(PhraseEntry e) {
        return " (" + e.source() + (e.note().isBlank() ? "" : ": " + e.note()) + ").";
    }

    /** A phrase-table row as a pattern rule: the spun phrase in LanguageTool's own tokens, the canonical as suggestion. */
    private static Element phraseRule(Document doc, PhraseEntry e, Tokenizer tokenizer) {
        Element rule = doc.createElement("rule");
        String table = e.file().replaceFirst(".*[/\\\\]", "").replaceFirst("\\.tsv$", ""); // name, not path
        rule.setAttribute("id", "UNSPIN_PHRASE_" + table
                .toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_") + "_" + e.line());
        rule.setAttribute("name", e.spun() + " → " + e.canonical());
        Element pattern = doc.createElement("pattern");
        for (String token : tokenizer.tokenize(e.spun())) {
            if (token.isBlank()) {
                continue;
            }
            Element t = doc.createElement("token");
            if (token.indexOf('\'') >= 0 || token.indexOf('\u2019') >= 0) {
                t.setAttribute("regexp", "yes"); // either apostrophe, as unspin matches them
                t.setTextContent(apostropheRegex(token));
            } else {
                t.setTextContent(token);
            }
            pattern.appendChild(t);
        }
        rule.appendChild(pattern);
        Element message = doc.createElement("message");
        message.appendChild(doc.createTextNode(MESSAGE_START));
        Element suggestion = doc.createElement("suggestion");
        suggestion.setTextContent(e.canonical());
        message.appendChild(suggestion);
        message.appendChild(doc.createTextNode(messageEnd(e)));
        rule.appendChild(message);
        return rule;
    }

    /** A token as a regular expression that takes a straight or a curly apostrophe. */
    static String apostropheRegex(String token) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c == '\'' || c == '\u2019' || c == '\u2018') {
                regex.append("['\u2019]");
            } else if (Character.isLetterOrDigit(c)) {
                regex.append(c);
            } else {
                regex.append('\\').append(c);
            }
        }
        return regex.toString();
    }

    private record Merged(String xml, int rules) {
    }

    /**
     * All categories of all rule files under one {@code <rules lang="en">}, in file order, and the given
     * phrase-table rows as rules of one more category.
     */
    private static Merged merge(ContextRules rules, List<PhraseEntry> phrases) {
        try {
            DocumentBuilder builder = documentBuilder();
            Document out = builder.newDocument();
            Element root = out.createElement("rules");
            root.setAttribute("lang", "en");
            out.appendChild(root);
            root.appendChild(out.createComment(" unspin context rules for LanguageTool, written by 'unspin export-lt'"
                    + " from " + String.join(", ", rules.fileNames()) + " "));
            int count = 0;
            for (Map.Entry<String, byte[]> file : rules.files().entrySet()) {
                Document in;
                try {
                    in = builder.parse(new ByteArrayInputStream(file.getValue()));
                } catch (SAXParseException e) {
                    throw new DictionaryException(file.getKey(), Math.max(e.getLineNumber(), 0),
                            "invalid rule file: " + e.getMessage());
                } catch (SAXException e) {
                    throw new DictionaryException(file.getKey(), 0, "invalid rule file: " + e.getMessage());
                }
                Element rulesElement = in.getDocumentElement();
                if (!"rules".equals(rulesElement.getTagName())) {
                    throw new DictionaryException(file.getKey(), 0, "root element is not <rules>");
                }
                for (Node n = rulesElement.getFirstChild(); n != null; n = n.getNextSibling()) {
                    if (n instanceof Element category) {
                        if (!"category".equals(category.getTagName())) {
                            throw new DictionaryException(file.getKey(), 0,
                                    "<" + category.getTagName() + "> outside a <category> cannot be merged");
                        }
                        count += category.getElementsByTagName("rule").getLength();
                        root.appendChild(out.createTextNode("\n"));
                        root.appendChild(out.createComment(" from " + file.getKey() + " "));
                        root.appendChild(out.createTextNode("\n"));
                        root.appendChild(out.importNode(category, true));
                    }
                }
            }
            if (!phrases.isEmpty()) {
                Element category = out.createElement("category");
                category.setAttribute("id", "UNSPIN_PHRASES");
                category.setAttribute("name", "Spun phrases (unspin phrase tables)");
                Tokenizer tokenizer = Languages.getLanguageForShortCode("en-US").getWordTokenizer();
                for (PhraseEntry e : phrases) {
                    category.appendChild(out.createTextNode("\n"));
                    category.appendChild(phraseRule(out, e, tokenizer));
                }
                category.appendChild(out.createTextNode("\n"));
                root.appendChild(out.createTextNode("\n"));
                root.appendChild(out.createComment(" phrase-table rows "));
                root.appendChild(out.createTextNode("\n"));
                root.appendChild(category);
            }
            root.appendChild(out.createTextNode("\n"));
            Transformer transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            StringWriter xml = new StringWriter();
            transformer.transform(new DOMSource(out), new StreamResult(xml));
            return new Merged(xml + "\n", count);
        } catch (ParserConfigurationException | TransformerException | IOException e) {
            throw new IllegalStateException("cannot merge rule files: " + e.getMessage(), e);
        }
    }

    private static DocumentBuilder documentBuilder() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        // A DOCTYPE with internal entities (as in LanguageTool's own grammar.xml) is fine; nothing external.
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        DocumentBuilder builder = factory.newDocumentBuilder();
        // DefaultHandler throws fatal errors (reported once by us) instead of also printing them to stderr
        builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler());
        return builder;
    }
}
