package org.unspin.lexicon.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.unspin.lexicon.PhraseKey;
import org.unspin.tokenise.TokenList;
import org.unspin.tokenise.TokenType;
import org.unspin.tokenise.Tokeniser;

/**
 * Mines a clean corpus (plain-text files) for two kinds of phrase:
 * <ul>
 * <li>names: runs of capitalised words, optionally joined by lower-case connectors ("Department of
 * Agriculture"), seen at least {@link #MIN_NAME_COUNT} times away from the start of a sentence; runs with a
 * month name (dates) or with "and" unless they end in an institution word ("Food and Drug Administration")
 * are left out;</li>
 * <li>collocations: lower-case n-grams of 2..5 words inside punctuation-free stretches, seen at least
 * {@link #MIN_COLLOCATION_COUNT} times, mostly in lower case, not starting or ending with a stop word, and
 * strongly associated at every split point: Dunning's log-likelihood G² of (prefix, rest) is at least
 * {@link #MIN_LOG_LIKELIHOOD} and its pointwise mutual information at least {@link #MIN_PMI} bits; an n-gram
 * that mostly occurs inside one longer n-gram is dropped as a fragment.</li>
 * </ul>
 */
final class LexiconCorpusMiner {
    static final int MIN_NAME_COUNT = 3;
    static final int MAX_NAME_TOKENS = 6;
    static final int MIN_COLLOCATION_COUNT = 5;
    static final int MAX_N = 5;
    static final double MIN_LOG_LIKELIHOOD = 15.13; // chi-squared(1) critical value for p = 0.0001
    static final double MIN_PMI = 3.0;
    /** An n-gram that occurs this share of its time inside one (n+1)-gram is only its fragment. */
    static final double MAX_FRAGMENT_SHARE = 0.75;

    static final Set<String> STOP_WORDS = Set.of(("a about above after again against all am an and any are as at "
            + "be because been before being below between both but by can could did do does doing down during "
            + "each either every few for from further had has have having he her here hers herself him himself "
            + "his how i if in into is it its itself just let me more most much must my myself neither no nor not "
            + "now of off on once only or other ought our ours ourselves out over own same shall she should so "
            + "some such than that the their theirs them themselves then there these they this those through to "
            + "too under until up upon us very was we were what when where whether which while who whom whose "
            + "why will with within without would yet you your yours yourself yourselves also may might many "
            + "one two new made make well even still s t").split(" "));
    private static final Set<String> MONTHS = Set.of("January", "February", "March", "April", "May", "June",
            "July", "August", "September", "October", "November", "December");
    private static final Set<String> INSTITUTION_HEADS = Set.of("Act", "Administration", "Agency", "Association",
            "Authority", "Board", "Bureau", "Commission", "Committee", "Company", "Corporation", "Council", "Court",
            "Department", "Fund", "Institute", "Office", "Organization", "Plan", "Program", "Programme", "Service",
            "Services", "Society", "Treaty", "Union", "University");
    private static final Set<String> NAME_CONNECTORS = Set.of("of", "the", "and", "for", "on", "de", "to");

    private final List<Path> files;
    private final Map<String, Integer> vocabulary = new HashMap<>();
    private final List<String> words = new ArrayList<>();
    /** Word ids of the corpus in order; -1 separates punctuation-free stretches. */
    private int[] ids = new int[1 << 20];
    /** Whether the occurrence was written in lower case. */
    private boolean[] lowerCase = new boolean[1 << 20];
    private int length;
    private final Map<String, Map<String, Integer>> nameForms = new HashMap<>();

    LexiconCorpusMiner(List<Path> files) {
        this.files = files;
    }

    int[] mine(LexiconCollector collector) throws IOException {
        for (Path file : files) {
            scan(Files.readString(file, StandardCharsets.UTF_8));
        }
        int names = 0;
        for (Map.Entry<String, Map<String, Integer>> e : new TreeMap<>(nameForms).entrySet()) {
            int total = 0;
            String best = null;
            int bestCount = 0;
            for (Map.Entry<String, Integer> form : new TreeMap<>(e.getValue()).entrySet()) {
                total += form.getValue();
                if (form.getValue() > bestCount) {
                    best = form.getKey();
                    bestCount = form.getValue();
                }
            }
            if (total >= MIN_NAME_COUNT && collector.add("sotu-names", best, true)) {
                names++;
            }
        }
        int collocations = 0;
        for (String phrase : collocations()) {
            if (collector.add("sotu-collocations", phrase, false)) {
                collocations++;
            }
        }
        return new int[] {names, collocations};
    }

    private void scan(String text) {
        TokenList tokens = Tokeniser.tokenise(text);
        boolean sentenceStart = true;
        List<String> run = new ArrayList<>();
        boolean runAtSentenceStart = false;
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.token(i);
            TokenType type = tokens.type(i);
            if (type != TokenType.WORD) {
                append(-1, false);
            } else {
                String folded = PhraseKey.fold(token, 0, token.length());
                append(vocabulary.computeIfAbsent(folded, w -> {
                    words.add(w);
                    return words.size() - 1;
                }), !LexiconCollector.hasCapital(token));
            }
            boolean capitalised = type == TokenType.WORD && Character.isUpperCase(token.charAt(0))
                    && !token.equals("I");
            boolean connector = type == TokenType.WORD && !run.isEmpty() && NAME_CONNECTORS.contains(token);
            if (capitalised || connector) {
                if (run.isEmpty()) {
                    runAtSentenceStart = sentenceStart;
                }
                run.add(token);
            } else {
                endName(run, runAtSentenceStart);
                run.clear();
            }
            sentenceStart = type == TokenType.PUNCT && ".?!:;\"“”()—".contains(token)
                    || sentenceStart && type == TokenType.PUNCT;
        }
        endName(run, runAtSentenceStart);
        append(-1, false);
    }

    private void append(int id, boolean lower) {
        if (length == ids.length) {
            ids = java.util.Arrays.copyOf(ids, length * 2);
            lowerCase = java.util.Arrays.copyOf(lowerCase, length * 2);
        }
        ids[length] = id;
        lowerCase[length] = lower;
        length++;
    }

    /** Trims a run of capitalised words to a name and counts it; sentence-initial capitals prove nothing. */
    private void endName(List<String> run, boolean atSentenceStart) {
        int to = run.size(), from = atSentenceStart ? Math.min(1, to) : 0;
        while (from < to && (STOP_WORDS.contains(run.get(from).toLowerCase(Locale.ROOT))
                || NAME_CONNECTORS.contains(run.get(from)))) {
            from++;
        }
        while (to > from && NAME_CONNECTORS.contains(run.get(to - 1))) {
            to--;
        }
        List<String> name = run.subList(from, to);
        int capitals = 0;
        boolean allUpper = true;
        for (String w : name) {
            if (Character.isUpperCase(w.charAt(0))) {
                capitals++;
            }
            allUpper &= w.equals(w.toUpperCase(Locale.ROOT));
        }
        if (capitals < 2 || name.size() > MAX_NAME_TOKENS || allUpper) {
            return;
        }
        for (String w : name) {
            if (!Character.isLowerCase(w.charAt(0)) && STOP_WORDS.contains(w.toLowerCase(Locale.ROOT))) {
                return; // "SERVICE The", "Congress And": a heading or a sentence break, not a name
            }
        }
        int and = name.indexOf("and");
        if (and >= 0 && (!INSTITUTION_HEADS.contains(name.get(name.size() - 1)) || name.get(and + 1).equals("the"))) {
            return; // "Canada and Mexico" joins two names; "Food and Drug Administration" is one
        }
        for (String w : name) {
            if (MONTHS.contains(w)) {
                return; // "Congress of June", "Treasury on January": a date, not part of a name
            }
        }
        String cased = String.join(" ", name);
        nameForms.computeIfAbsent(PhraseKey.fold(cased, 0, cased.length()), k -> new HashMap<>()).merge(cased, 1,
                Integer::sum);
    }

    /** Frequent, associated n-grams; n-gram levels are counted a priori (both (n-1)-subgrams frequent). */
    private List<String> collocations() {
        List<Map<String, int[]>> levels = new ArrayList<>();
        Map<String, int[]> unigrams = new HashMap<>();
        long positions = 0;
        for (int i = 0; i < length; i++) {
            if (ids[i] >= 0) {
                positions++;
                count(unigrams, key(i, 1), lowerCase[i]);
            }
        }
        levels.add(null);
        levels.add(unigrams);
        List<List<String>> candidates = new ArrayList<>();
        for (int n = 2; n <= MAX_N; n++) {
            Map<String, int[]> shorter = levels.get(n - 1);
            Map<String, int[]> counts = new LinkedHashMap<>();
            for (int i = 0; i + n <= length; i++) {
                if (!stretch(i, n)) {
                    continue;
                }
                int[] prefix = shorter.get(key(i, n - 1)), suffix = shorter.get(key(i + 1, n - 1));
                if (prefix == null || suffix == null || prefix[0] < MIN_COLLOCATION_COUNT
                        || suffix[0] < MIN_COLLOCATION_COUNT) {
                    continue;
                }
                boolean lower = true;
                for (int j = i; j < i + n; j++) {
                    lower &= lowerCase[j];
                }
                count(counts, key(i, n), lower);
            }
            counts.values().removeIf(c -> c[0] < MIN_COLLOCATION_COUNT);
            levels.add(counts);
            List<String> accepted = new ArrayList<>();
            candidates.add(accepted);
            for (Map.Entry<String, int[]> e : counts.entrySet()) {
                String k = e.getKey();
                int[] c = e.getValue();
                if (2 * c[1] < c[0] || STOP_WORDS.contains(word(k, 0)) || STOP_WORDS.contains(word(k, n - 1))
                        || !associated(k, n, c[0], levels, positions)) {
                    continue;
                }
                accepted.add(k);
            }
        }
        List<String> result = new ArrayList<>();
        for (int n = 2; n <= MAX_N; n++) {
            Map<String, Integer> longer = longestExtensions(n < MAX_N ? levels.get(n + 1) : Map.of());
            for (String k : candidates.get(n - 2)) {
                if (!fragment(k, levels.get(n).get(k)[0], longer)) {
                    StringBuilder sb = new StringBuilder();
                    for (int j = 0; j < n; j++) {
                        sb.append(j == 0 ? "" : " ").append(word(k, j));
                    }
                    result.add(sb.toString());
                }
            }
        }
        result.sort(null);
        return result;
    }

    /** Mostly seen inside one longer n-gram ("equal pay for equal" of "equal pay for equal work"). */
    private static boolean fragment(String key, int count, Map<String, Integer> longestExtension) {
        return longestExtension.getOrDefault(key, 0) >= MAX_FRAGMENT_SHARE * count;
    }

    /** For each n-gram, the count of its most frequent one-word extension to the left or right. */
    private static Map<String, Integer> longestExtensions(Map<String, int[]> longer) {
        Map<String, Integer> max = new HashMap<>();
        for (Map.Entry<String, int[]> e : longer.entrySet()) {
            String k = e.getKey();
            max.merge(k.substring(0, k.length() - 2), e.getValue()[0], Math::max);
            max.merge(k.substring(2), e.getValue()[0], Math::max);
        }
        return max;
    }

    private boolean associated(String key, int n, int count, List<Map<String, int[]>> levels, long positions) {
        for (int split = 1; split < n; split++) {
            int left = levels.get(split).get(key.substring(0, 2 * split))[0];
            int right = levels.get(n - split).get(key.substring(2 * split))[0];
            double pmi = Math.log((double) count * positions / ((double) left * right)) / Math.log(2);
            if (pmi < MIN_PMI || logLikelihood(count, left, right, positions) < MIN_LOG_LIKELIHOOD) {
                return false;
            }
        }
        return true;
    }

    /** Dunning's G² for the 2x2 table of (left here?, right follows?). */
    static double logLikelihood(long both, long left, long right, long total) {
        long k11 = both, k12 = left - both, k21 = right - both, k22 = total - left - right + both;
        return 2 * (xlogx(k11) + xlogx(k12) + xlogx(k21) + xlogx(k22) + xlogx(total)
                - xlogx(k11 + k12) - xlogx(k21 + k22) - xlogx(k11 + k21) - xlogx(k12 + k22));
    }

    private static double xlogx(long x) {
        return x <= 0 ? 0 : x * Math.log(x);
    }

    private boolean stretch(int from, int n) {
        for (int j = from; j < from + n; j++) {
            if (ids[j] < 0) {
                return false;
            }
        }
        return true;
    }

    /** An n-gram key: two chars per word id, so any vocabulary size fits. */
    private String key(int from, int n) {
        char[] k = new char[2 * n];
        for (int j = 0; j < n; j++) {
            k[2 * j] = (char) (ids[from + j] >>> 16);
            k[2 * j + 1] = (char) ids[from + j];
        }
        return new String(k);
    }

    private String word(String key, int j) {
        return words.get((key.charAt(2 * j) << 16) | key.charAt(2 * j + 1));
    }

    private static void count(Map<String, int[]> counts, String key, boolean lower) {
        int[] c = counts.computeIfAbsent(key, k -> new int[2]);
        c[0]++;
        if (lower) {
            c[1]++;
        }
    }
}
