package org.unspin.eval;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.unspin.edit.Edit;
import org.unspin.edit.EditSet;
import org.unspin.lexicon.CandidateDictionary;
import org.unspin.lexicon.CanonicalLexicon;
import org.unspin.lexicon.NgramModel;
import org.unspin.lexicon.PhraseTable;
import org.unspin.lexicon.Thesaurus;
import org.unspin.tokenise.TokenList;
import org.unspin.tokenise.TokenType;
import org.unspin.tokenise.Tokeniser;

/**
 * A simulated article spinner with a fixed dictionary of its own, as a spam network runs one: original word
 * or short phrase (1 to {@link #MAX_KEY_TOKENS} tokens, lower case) → 1 to 3 substitutes. The dictionary is
 * drawn once per spinner from general sources ({@link #draw}) and is the same for every document; a document
 * writes the same substitute for the same original every time it swaps it. Each document swaps a share of
 * its eligible units (words and phrases the dictionary has, matched longest first) drawn uniformly from
 * {@link #MIN_RATE}–{@link #MAX_RATE}. Title-case words are swapped like any other (names and titles are not
 * spared: "United States" → "Joined States"), keeping their case, and a name inside a substitute is written as
 * names are ("America" → "The United States", {@link #properCase}); acronyms are skipped.
 *
 * <p>Two kinds ({@link Kind}): {@code SHARED} draws from the sources the restorer uses, {@code INDEPENDENT}
 * only from sources it does not use. See docs/evaluation.md. Immutable and thread-safe.
 */
public final class SpinnerProfile {
    public static final double MIN_RATE = 0.05;
    public static final double MAX_RATE = 0.30;
    /** Longest original phrase, in tokens (the candidate dictionaries go up to 4). */
    public static final int MAX_KEY_TOKENS = CandidateDictionary.MAX_TOKENS;
    /** How many of the most frequent thesaurus entries get substitutes. */
    public static final int DEFAULT_ENTRIES = 12_000;
    /** Thesaurus link kinds a spinner substitutes from (synonym lists, not hypernym chains). */
    public static final Set<Thesaurus.Kind> KINDS = Set.of(Thesaurus.Kind.SYNONYM, Thesaurus.Kind.RELATED);

    /**
     * Grammatical words no spinner touches through a thesaurus (articles, pronouns, auxiliaries, the
     * commonest prepositions and conjunctions): their thesaurus links ("a" → "angstrom") are noise. Other
     * function words (over, because, often, however) are swapped like content words.
     */
    static final Set<String> FIXED = Set.of("a", "an", "the", "of", "to", "and", "or", "nor", "not", "no", "is",
            "are", "was", "were", "be", "been", "being", "am", "have", "has", "had", "do", "does", "did", "will",
            "would", "shall", "should", "can", "could", "may", "might", "must", "it", "its", "i", "me", "my", "we",
            "us", "our", "you", "your", "he", "him", "his", "she", "her", "they", "them", "their", "this", "that",
            "these", "those", "which", "who", "whom", "whose", "what", "in", "on", "at", "by", "for", "with",
            "from", "as", "than", "there", "here", "s", "t");

    /** Which sources the spinner's dictionary is drawn from. */
    public enum Kind {
        /**
         * The restorer's own general sources: the whole shipped thesaurus, plus the curated candidate
         * dictionary ({@code dictionaries/candidates/*.tsv} and the phrase tables cut into candidates) read
         * the other way round, original → observed.
         */
        SHARED,
        /**
         * Sources the restorer does not use: the WordNet 3.1 and MyThes links of the thesaurus (the restorer
         * gets only Moby's) and the evaluation's own closed class {@link FunctionPhrases}; a pair that equals a
         * row of the restorer's candidate dictionary is dropped.
         */
        INDEPENDENT;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Kind of(String id) {
            for (Kind k : values()) {
                if (k.id().equals(id)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("unknown spinner '" + id + "' (expected shared or independent)");
        }
    }

    private final String name;
    private final Map<String, List<String>> dictionary;
    private final int longestKey;

    private SpinnerProfile(String name, Map<String, List<String>> dictionary) {
        this.name = name;
        Map<String, List<String>> copy = new TreeMap<>();
        int longest = 1;
        for (Map.Entry<String, List<String>> e : dictionary.entrySet()) {
            List<String> subs = e.getValue().stream()
                    .filter(s -> !s.isBlank() && !s.equalsIgnoreCase(e.getKey())).distinct().toList();
            if (!subs.isEmpty()) {
                copy.put(e.getKey(), subs);
                longest = Math.max(longest, e.getKey().split(" ").length);
            }
        }
        this.dictionary = java.util.Collections.unmodifiableMap(copy);
        this.longestKey = Math.min(longest, MAX_KEY_TOKENS);
    }

    /** A spinner with exactly this dictionary (keys lower case, tokens joined by single spaces). */
    public static SpinnerProfile of(String name, Map<String, List<String>> dictionary) {
        return new SpinnerProfile(name, dictionary);
    }

    private static final Map<String, SpinnerProfile> DRAWN = new ConcurrentHashMap<>();

    /** The spinner of this kind and seed with {@link #DEFAULT_ENTRIES} entries (drawn once per JVM). */
    public static SpinnerProfile draw(Kind kind, long seed) {
        return DRAWN.computeIfAbsent(kind.id() + "/" + seed, k -> draw(kind, seed, DEFAULT_ENTRIES, languageModel()));
    }

    /**
     * Draws a spinner's dictionary: the {@code entries} most frequent thesaurus entries (single words and
     * phrases of up to {@link #MAX_KEY_TOKENS} tokens, ranked by the trigram model's probability; in
     * thesaurus order when no model is installed) that have synonym or related links, each with 1 to 3 of
     * them picked at random (multiword substitutes kept), then the kind's closed class.
     */
    public static SpinnerProfile draw(Kind kind, long seed, int entries, NgramModel lm) {
        Thesaurus thesaurus = kind == Kind.SHARED ? Thesaurus.shipped()
                : Thesaurus.shipped().restrictedTo(Thesaurus.WORDNET | Thesaurus.MYTHES);
        Set<String> forbidden = kind == Kind.INDEPENDENT ? candidatePairs() : Set.of();
        Map<String, List<String>> dict = new LinkedHashMap<>();
        // closed class first: it is what spinners do with function words and short phrases
        Map<String, List<String>> closed = kind == Kind.SHARED ? reversedCandidates() : FunctionPhrases.PAIRS;
        closed.forEach((original, subs) -> {
            List<String> kept = subs.stream().filter(s -> !forbidden.contains(pair(original, s))).toList();
            if (!kept.isEmpty()) {
                dict.put(original, pick(kept, 3, new Random(mix(seed, "closed\n" + original))));
            }
        });
        record Entry(String word, double log10) {
        }
        List<Entry> ranked = new ArrayList<>();
        for (int id = 0; id < thesaurus.wordCount(); id++) {
            String word = thesaurus.wordOf(id);
            if (!plausible(word) || FIXED.contains(word) || dict.containsKey(word)
                    || word.split(" ").length > MAX_KEY_TOKENS) {
                continue;
            }
            double log10 = lm == null ? -id : frequency(lm, word);
            if (!Double.isNaN(log10)) {
                ranked.add(new Entry(word, log10));
            }
        }
        ranked.sort(Comparator.comparingDouble(Entry::log10).reversed().thenComparing(Entry::word));
        int taken = 0;
        for (Entry e : ranked) {
            if (taken >= entries) {
                break;
            }
            List<String> subs = new ArrayList<>();
            for (Thesaurus.Link link : thesaurus.originalsFor(e.word())) {
                String s = link.original();
                if (KINDS.contains(link.kind()) && plausible(s) && !s.equals(e.word()) && !FIXED.contains(s)
                        && !forbidden.contains(pair(e.word(), s)) && !subs.contains(s)) {
                    subs.add(s);
                }
            }
            if (subs.isEmpty()) {
                continue;
            }
            Random random = new Random(mix(seed, e.word()));
            dict.put(e.word(), pick(subs, 1 + random.nextInt(3), random));
            taken++;
        }
        return new SpinnerProfile(kind.id() + " spinner, seed " + seed, dict);
    }

    /** Up to n of the items in a random order fixed by the generator. */
    private static List<String> pick(List<String> items, int n, Random random) {
        List<String> copy = new ArrayList<>(items);
        java.util.Collections.shuffle(copy, random);
        return List.copyOf(copy.subList(0, Math.min(n, copy.size())));
    }

    /** log10 probability of the entry under the model (unigram or sequence), NaN if any word is unknown. */
    private static double frequency(NgramModel lm, String entry) {
        String[] words = entry.split(" ");
        for (String w : words) {
            if (lm.wordId(w) < 0) {
                return Double.NaN;
            }
        }
        return words.length == 1 ? lm.log10Prob(lm.wordId(words[0]), -1, -1) : lm.scoreSequence(words);
    }

    /** Lower-case letters, with single spaces, hyphens or apostrophes between them; no single letters. */
    static boolean plausible(String s) {
        return s.length() > 1 && s.matches("[a-z]+(?:[ '\\-][a-z]+)*");
    }

    private static NgramModel languageModel() {
        Optional<Path> path = NgramModel.findInstalled();
        if (path.isEmpty()) {
            return null;
        }
        try {
            return NgramModel.open(path.get());
        } catch (java.io.IOException e) {
            throw new EvalDataException(path.get() + ": " + e.getMessage());
        }
    }

    /** The restorer's candidate dictionary read the other way round: original → observed forms. */
    static Map<String, List<String>> reversedCandidates() {
        Map<String, List<String>> reversed = new TreeMap<>();
        for (CandidateDictionary.Row row : restorerCandidates().all()) {
            String original = CandidateDictionary.keyOf(row.original());
            // a cut table row may change only "the" or "of"; no spinner swaps those everywhere
            if (!original.isEmpty() && !row.observed().isEmpty() && !original.equals(row.observed())
                    && !FIXED.contains(original)) {
                reversed.computeIfAbsent(original, k -> new ArrayList<>()).add(row.observed());
            }
        }
        reversed.values().forEach(java.util.Collections::sort);
        return reversed;
    }

    /** The curated candidate dictionary the restorer is given by default. */
    static CandidateDictionary restorerCandidates() {
        return CandidateDictionary.load(true, List.of(), PhraseTable.shipped());
    }

    /** Every (original, observed) pair of the restorer's candidate dictionary, as {@link #pair} keys. */
    static Set<String> candidatePairs() {
        Set<String> pairs = new HashSet<>();
        for (CandidateDictionary.Row row : restorerCandidates().all()) {
            pairs.add(pair(CandidateDictionary.keyOf(row.original()), row.observed()));
        }
        return pairs;
    }

    static String pair(String original, String substitute) {
        return CandidateDictionary.keyOf(original) + "\t" + CandidateDictionary.keyOf(substitute);
    }

    /** A 64-bit seed from a run seed and a string (String.hashCode is fixed by the Java spec). */
    static long mix(long seed, String s) {
        long h = seed * 0x9E3779B97F4A7C15L + s.hashCode();
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        return h ^ (h >>> 33);
    }

    public String name() {
        return name;
    }

    /** Original → substitutes, sorted by original. */
    public Map<String, List<String>> dictionary() {
        return dictionary;
    }

    public List<String> substitutes(String original) {
        return dictionary.getOrDefault(original, List.of());
    }

    /** Spins a document at a rate drawn from the document seed (uniform in {@link #MIN_RATE}–{@link #MAX_RATE}). */
    public Spun spin(String clean, long documentSeed) {
        Random random = new Random(documentSeed);
        double rate = MIN_RATE + (MAX_RATE - MIN_RATE) * random.nextDouble();
        return spin(clean, random, rate);
    }

    /** Spins a document, swapping {@code rate} of its eligible units. */
    public Spun spin(String clean, long documentSeed, double rate) {
        return spin(clean, new Random(documentSeed), rate);
    }

    private Spun spin(String clean, Random random, double rate) {
        TokenList tokens = Tokeniser.tokenise(clean);
        List<int[]> units = new ArrayList<>(); // token from, to (exclusive)
        List<String> keys = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            int matched = 0;
            String key = null;
            if (tokens.type(i) == TokenType.WORD) {
                StringBuilder k = new StringBuilder();
                for (int n = 1; n <= longestKey && i + n <= tokens.size(); n++) {
                    int j = i + n - 1;
                    if (tokens.type(j) != TokenType.WORD || isAcronym(tokens.token(j))
                            || (n > 1 && !inlineGap(clean, tokens.end(j - 1), tokens.start(j)))) {
                        break;
                    }
                    if (n > 1) {
                        k.append(' ');
                    }
                    k.append(tokens.token(j).toLowerCase(Locale.ROOT));
                    if (dictionary.containsKey(k.toString())) {
                        matched = n;
                        key = k.toString();
                    }
                }
            }
            if (matched > 0) {
                units.add(new int[] {i, i + matched});
                keys.add(key);
                i += matched;
            } else {
                i++;
            }
        }
        int swapCount = (int) Math.round(rate * units.size());
        // a partial Fisher-Yates shuffle picks the units to swap
        int[] order = new int[units.size()];
        for (int n = 0; n < order.length; n++) {
            order[n] = n;
        }
        for (int n = 0; n < swapCount; n++) {
            int j = n + random.nextInt(order.length - n);
            int t = order[n];
            order[n] = order[j];
            order[j] = t;
        }
        boolean[] chosen = new boolean[units.size()];
        for (int n = 0; n < swapCount; n++) {
            chosen[order[n]] = true;
        }
        Map<String, String> written = new HashMap<>(); // the document's substitute for each original
        List<Edit> swaps = new ArrayList<>();
        for (int u = 0; u < units.size(); u++) {
            if (!chosen[u]) {
                continue;
            }
            String key = keys.get(u);
            List<String> subs = dictionary.get(key);
            String substitute = written.computeIfAbsent(key, k -> subs.get(random.nextInt(subs.size())));
            int from = units.get(u)[0], to = units.get(u)[1];
            int start = tokens.start(from), end = tokens.end(to - 1);
            String original = clean.substring(start, end);
            swaps.add(Edit.at(start, end, original).replacement(matchCase(original, properCase(substitute)))
                    .category("spun-phrase").rule("simulator").confidence(1.0)
                    .explanation("simulated swap of '" + original + "'").applied(true).build());
        }
        return new Spun(clean, EditSet.apply(clean, swaps), swaps, units.isEmpty() ? 0 : (double) swapCount / units.size());
    }

    /** Spaces or tabs only, at least one: the tokens of a phrase are on one line. */
    private static boolean inlineGap(String text, int from, int to) {
        if (from >= to) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c != ' ' && c != '\t') {
                return false;
            }
        }
        return true;
    }

    static boolean isAcronym(String word) {
        int upper = 0;
        for (int i = 0; i < word.length(); i++) {
            if (Character.isUpperCase(word.charAt(i))) {
                upper++;
            }
        }
        return upper >= 2;
    }

    /**
     * The substitute with the names inside it written as the lexicon writes them ("the united states" → "the
     * United States"): a spinner's thesaurus keeps the case of proper names, as WordNet and Moby do. Only
     * names of two or more words, which are unambiguous ("china" may be porcelain).
     */
    static String properCase(String substitute) {
        String[] words = substitute.split(" ");
        if (words.length < 2) {
            return substitute;
        }
        CanonicalLexicon lexicon = CanonicalLexicon.shipped();
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < words.length) {
            int taken = 1;
            String written = words[i];
            for (int len = Math.min(MAX_KEY_TOKENS, words.length - i); len >= 2; len--) {
                String proper = lexicon.properForm(String.join(" ", Arrays.asList(words).subList(i, i + len)));
                if (proper != null) {
                    taken = len;
                    written = proper;
                    break;
                }
            }
            out.append(out.isEmpty() ? "" : " ").append(written);
            i += taken;
        }
        return out.toString();
    }

    /**
     * The substitute written in the case of what it replaces: every word Title case if the original's words
     * all are and there are several (a name or title), else the first letter capitalised if the original's
     * is, else as it is (lower case but for the names {@link #properCase} wrote).
     */
    static String matchCase(String original, String substitute) {
        String[] words = original.split("\\s+");
        boolean allTitle = words.length > 1;
        for (String w : words) {
            allTitle &= !w.isEmpty() && Character.isUpperCase(w.charAt(0));
        }
        if (allTitle) {
            StringBuilder out = new StringBuilder();
            for (String w : substitute.split(" ")) {
                if (!out.isEmpty()) {
                    out.append(' ');
                }
                out.append(w.substring(0, 1).toUpperCase(Locale.ROOT)).append(w.substring(1));
            }
            return out.toString();
        }
        if (!original.isEmpty() && Character.isUpperCase(original.charAt(0))) {
            return substitute.substring(0, 1).toUpperCase(Locale.ROOT) + substitute.substring(1);
        }
        return substitute;
    }
}
