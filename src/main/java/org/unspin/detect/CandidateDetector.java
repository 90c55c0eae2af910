package org.unspin.detect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import org.unspin.corpus.CorpusModel;
import org.unspin.edit.Edit;
import org.unspin.lexicon.CanonicalLexicon;
import org.unspin.lexicon.DictionaryException;
import org.unspin.lexicon.FunctionWords;
import org.unspin.lexicon.NgramModel;
import org.unspin.lexicon.PhraseKey;
import org.unspin.lexicon.Thesaurus;
import org.unspin.tokenise.TokenList;
import org.unspin.tokenise.TokenType;

/**
 * Finds spun phrases that no table lists, by undoing the spinner's process: a span of 2..6 words that is
 * not a known phrase, but becomes one when one word (two, in spans of four or more) is replaced by a word
 * the reverse thesaurus links to the observed one.
 *
 * <p>Each proposal is scored with evidence, combined in a logistic score ({@link Weights}):
 * <ul>
 *   <li>the thesaurus link of every swapped word: direct (synonym from several sources is strongest, then
 *       one source, related, broader/narrower) or through one intermediate word (two hops);</li>
 *   <li>the trigram language model in context: how much more probable the proposal is than the observed
 *       words, and whether real text uses the observed words at all (stored bigrams);</li>
 *   <li>capitalisation: a Title Case span that becomes a known proper name;</li>
 *   <li>how much of the phrase stayed unchanged, and how trusted the lexicon source of the phrase is;</li>
 *   <li>with a user's corpus model ({@code unspin learn}): how much more often that corpus uses the proposal
 *       than the observed words. A span the corpus has seen {@value #CORPUS_SEEN} times or more is normal
 *       there and is not proposed at all.</li>
 * </ul>
 * A proposal at or above the rewrite threshold is applied, one at or above {@link Weights#reportFloor} is
 * reported, and anything lower is dropped. Thread-safe after construction.
 */
public final class CandidateDetector {

    /** The evidence features of a proposal, in the order of {@link Weights#values()}. */
    public static final List<String> FEATURES = List.of("bias", "lm-margin", "link", "weakest-link", "name",
            "unchanged-words", "trusted-source", "extra-swaps", "observed-bigrams-known", "close-rival",
            "single-word", "unigram-gain", "rival-gap", "corpus-ratio");

    private static final double LM_MARGIN_CAP = 5.0;

    /**
     * Weights of the features (logistic score: confidence = 1 / (1 + e^-(weights · features))) and the floor
     * below which a proposal is not even reported. The shipped weights ({@link #shipped()}) are fitted on the
     * evaluation's dev split
     * (see {@code unspin eval --fit}).
     */
    public record Weights(double[] values, double reportFloor) {
        /** Where the shipped weights live (written by {@code unspin eval --fit}). */
        public static final String RESOURCE = "dictionaries/detector-weights.txt";

        /** The weights shipped in {@code dictionaries/detector-weights.txt}. */
        public static Weights shipped() {
            try (java.io.InputStream in = CandidateDetector.class.getClassLoader().getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new DictionaryException(RESOURCE, 0, "not found on the class path");
                }
                return parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), RESOURCE);
            } catch (java.io.IOException e) {
                throw new DictionaryException(RESOURCE, 0, e.getMessage());
            }
        }

        /** A weights file written by {@code unspin eval --fit}. */
        public static Weights load(java.nio.file.Path file) {
            try {
                return parse(java.nio.file.Files.readString(file), file.toString());
            } catch (java.io.IOException e) {
                throw new DictionaryException(file.toString(), 0, e.getMessage());
            }
        }

        /**
         * Reads a weights table: {@code #} comments, a header {@code feature<TAB>weight}, one row per feature
         * of {@link #FEATURES} (any order, each exactly once) and a row {@code report-floor}.
         */
        public static Weights parse(String tsv, String name) {
            double[] values = new double[FEATURES.size()];
            boolean[] seen = new boolean[values.length];
            double floor = Double.NaN;
            String[] lines = tsv.split("\n", -1);
            boolean header = false;
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i].strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                if (!header) {
                    if (!line.equals("feature\tweight")) {
                        throw new DictionaryException(name, i + 1, "expected the header 'feature<TAB>weight'");
                    }
                    header = true;
                    continue;
                }
                String[] f = line.split("\t");
                double v;
                try {
                    v = f.length == 2 ? Double.parseDouble(f[1]) : Double.NaN;
                } catch (NumberFormatException e) {
                    v = Double.NaN;
                }
                if (!Double.isFinite(v)) {
                    throw new DictionaryException(name, i + 1, "expected 'feature<TAB>number'");
                }
                if (f[0].equals("report-floor")) {
                    floor = v;
                    continue;
                }
                int k = FEATURES.indexOf(f[0]);
                if (k < 0 || seen[k]) {
                    throw new DictionaryException(name, i + 1, (k < 0 ? "unknown" : "repeated") + " feature '" + f[0]
                            + "'");
                }
                seen[k] = true;
                values[k] = v;
            }
            for (int k = 0; k < seen.length; k++) {
                if (!seen[k]) {
                    throw new DictionaryException(name, lines.length, "missing feature '" + FEATURES.get(k) + "'");
                }
            }
            if (!(floor > 0 && floor < 1)) {
                throw new DictionaryException(name, lines.length, "missing or bad report-floor (0..1)");
            }
            return new Weights(values, floor);
        }

        public Weights {
            if (values.length != FEATURES.size()) {
                throw new IllegalArgumentException("need " + FEATURES.size() + " weights, got " + values.length);
            }
            values = values.clone();
        }

        /** The logistic score (log-odds) of a candidate's features. */
        public double z(double[] features) {
            double z = 0;
            for (int i = 0; i < values.length; i++) {
                z += values[i] * features[i];
            }
            return z;
        }
    }

    /**
     * A candidate original for tokens [first, first + length): what the detector saw, before deciding.
     *
     * @param canonical the phrase as it would be restored (proper form where the lexicon has one)
     * @param features  evidence, in the order of {@link #FEATURES}
     */
    public record Candidate(int first, int length, String canonical, double[] features, String explanation,
                            boolean name) {
    }

    /** Least cosine of two words' thesaurus neighbourhoods for a two-hop link. */
    static final double MIN_NEIGHBOUR_COSINE = 0.1;

    private static final boolean DEBUG = System.getenv("UNSPIN_DEBUG_DETECT") != null;
    private static final String CATEGORY = "spun-phrase";
    private static final String NAME_CATEGORY = "spun-name";

    private final CanonicalLexicon lexicon;
    private final LexiconIndex index;
    private final Thesaurus thesaurus;
    private final NgramModel lm;
    private final BiPredicate<String, String> linkFilter;
    private final Weights weights;
    private final int trustedSources;
    private final java.util.concurrent.ConcurrentHashMap<String, Thesaurus.Neighbours> neighbourCache =
            new java.util.concurrent.ConcurrentHashMap<>();
    private static final int MAX_CACHED_WORDS = 200_000;
    private static final int UNSET = -2;
    private final int[] lmIds;
    private final CorpusModel corpus;

    /** The link filter that follows every link; recognised by identity so the two-hop check can skip strings. */
    public static final BiPredicate<String, String> ALL_LINKS = (observed, original) -> true;

    /** Least count (beyond the model's lossy-counting error) at which the user's corpus makes words normal. */
    public static final int CORPUS_SEEN = 5;

    /**
     * @param lm         the language model, or null to score without it (fewer and less sure findings)
     * @param linkFilter which thesaurus links may be followed: {@code test(observed, original)}
     */
    public CandidateDetector(CanonicalLexicon lexicon, Thesaurus thesaurus, NgramModel lm,
                             BiPredicate<String, String> linkFilter, Weights weights) {
        this(lexicon, thesaurus, lm, linkFilter, weights, null);
    }

    /**
     * @param corpus n-gram counts of the user's own corpus ({@code unspin learn}), or null: the
     *               {@code corpus-ratio} feature is then 0 and no span is held back as normal
     */
    public CandidateDetector(CanonicalLexicon lexicon, Thesaurus thesaurus, NgramModel lm,
                             BiPredicate<String, String> linkFilter, Weights weights, CorpusModel corpus) {
        this.corpus = corpus;
        this.lexicon = lexicon;
        this.index = new LexiconIndex(lexicon);
        this.thesaurus = thesaurus;
        this.lm = lm;
        this.linkFilter = linkFilter;
        this.weights = weights;
        int trusted = 0;
        List<String> names = lexicon.sourceNames();
        for (int i = 0; i < names.size(); i++) {
            if (!names.get(i).startsWith("sotu-")) {
                trusted |= 1 << i;
            }
        }
        this.trustedSources = trusted;
        this.lmIds = new int[lm == null ? 0 : thesaurus.wordCount()];
        java.util.Arrays.fill(lmIds, UNSET);
    }

    /** A candidate with its score; the best of each span becomes a finding. */
    private record Proposal(Candidate candidate, double z) {
        int first() {
            return candidate.first();
        }

        int length() {
            return candidate.length();
        }

        double confidence() {
            return 1 / (1 + Math.exp(-z));
        }
    }

    /**
     * Findings in {@code tokens.text()} offsets, sorted and disjoint; confidence at or above
     * {@code minConfidence} is applied, at or above the report floor reported.
     */
    public List<Edit> find(TokenList tokens, double minConfidence) {
        List<int[]> canonicalSpans = new ArrayList<>();
        List<Candidate> candidates = candidates(tokens, canonicalSpans);
        List<Proposal> best = new ArrayList<>();
        for (List<Candidate> rivals : bySpan(candidates)) {
            Proposal top = null;
            for (Candidate c : rivals) {
                double z = weights.z(c.features());
                if (top == null || z > top.z()) {
                    top = new Proposal(c, z);
                }
            }
            if (top.confidence() >= weights.reportFloor()) {
                best.add(top);
            }
        }
        return choose(tokens, best, canonicalSpans, minConfidence);
    }

    /**
     * Every candidate original the lexicon and thesaurus allow, with its evidence; {@code canonicalSpans}
     * receives the spans that are already known phrases. Used by {@link #find} and to fit the weights.
     */
    public List<Candidate> candidates(TokenList tokens, List<int[]> canonicalSpans) {
        int n = tokens.size();
        int[] ids = new int[n];
        for (int i = 0; i < n; i++) {
            ids[i] = tokens.type(i) == TokenType.WORD ? index.tokenId(tokens, i) : -1;
        }
        boolean[] linked = wordRuns(tokens);
        List<Candidate> found = new ArrayList<>();
        int[] span = new int[LexiconIndex.MAX_TOKENS];
        for (int start = 0; start < n; start++) {
            if (tokens.type(start) != TokenType.WORD) {
                continue;
            }
            for (int len = LexiconIndex.MIN_TOKENS; len <= LexiconIndex.MAX_TOKENS; len++) {
                int last = start + len - 1;
                if (last >= n || tokens.type(last) != TokenType.WORD || !linked[last]) {
                    break;
                }
                System.arraycopy(ids, start, span, 0, len);
                if (allKnown(span, len) && index.containsExact(span, len)) {
                    canonicalSpans.add(new int[] {start, start + len});
                    continue;
                }
                final int s = start, l = len;
                java.util.Set<Integer> seen = new HashSet<>(); // a phrase differing in one place fits several masks
                for (int mask : wildMasks(len)) {
                    if (!fixedPositionsFit(span, len, mask)) {
                        continue;
                    }
                    index.lookup(span, len, mask, phrase -> {
                        Candidate c = seen.add(phrase) ? evidence(tokens, s, l, phrase) : null;
                        if (c != null) {
                            found.add(c);
                        }
                    });
                }
            }
        }
        if (lm != null) {
            singleWordCandidates(tokens, linked, found);
        }
        markRivals(found);
        return found;
    }

    /** Candidates grouped by span. */
    private static java.util.Collection<List<Candidate>> bySpan(List<Candidate> candidates) {
        Map<Long, List<Candidate>> bySpan = new java.util.LinkedHashMap<>();
        for (Candidate c : candidates) {
            bySpan.computeIfAbsent((long) c.first() << 8 | c.length(), k -> new ArrayList<>()).add(c);
        }
        return bySpan.values();
    }

    /**
     * Sets the rival features: how far the candidate's language-model margin lies above the best other
     * candidate for the same span (capped), and whether that rival is within one order of magnitude, so the
     * evidence cannot tell which original it was.
     */
    private static void markRivals(List<Candidate> candidates) {
        int margin = FEATURES.indexOf("lm-margin");
        int close = FEATURES.indexOf("close-rival"), gap = FEATURES.indexOf("rival-gap");
        for (List<Candidate> rivals : bySpan(candidates)) {
            for (Candidate c : rivals) {
                double best = Double.NEGATIVE_INFINITY;
                for (Candidate other : rivals) {
                    if (other != c && !other.canonical().equals(c.canonical())) {
                        best = Math.max(best, other.features()[margin]);
                    }
                }
                double g = best == Double.NEGATIVE_INFINITY ? LM_MARGIN_CAP : c.features()[margin] - best;
                c.features()[gap] = Math.max(-LM_MARGIN_CAP, Math.min(LM_MARGIN_CAP, g));
                c.features()[close] = g < 1.0 ? 1 : 0;
            }
        }
    }

    /** linked[i]: token i continues a run of words from token i-1 (only spaces, at most one line break). */
    static boolean[] wordRuns(TokenList tokens) {
        boolean[] linked = new boolean[tokens.size()];
        String text = tokens.text();
        for (int i = 1; i < tokens.size(); i++) {
            int gapStart = tokens.end(i - 1), gapEnd = tokens.start(i);
            if (gapStart == gapEnd) {
                continue;
            }
            int breaks = 0;
            boolean blank = true;
            for (int c = gapStart; c < gapEnd && blank; c++) {
                char ch = text.charAt(c);
                blank = Character.isWhitespace(ch) || ch == '\u00A0';
                breaks += ch == '\n' ? 1 : 0;
            }
            linked[i] = blank && breaks <= 1;
        }
        return linked;
    }

    private static boolean allKnown(int[] span, int len) {
        for (int i = 0; i < len; i++) {
            if (span[i] < 0) {
                return false;
            }
        }
        return true;
    }

    private static final int[][] WILD_MASKS = new int[LexiconIndex.MAX_TOKENS + 1][];

    static {
        for (int len = LexiconIndex.MIN_TOKENS; len <= LexiconIndex.MAX_TOKENS; len++) {
            List<Integer> masks = new ArrayList<>();
            for (int a = 0; a < len; a++) {
                masks.add(1 << a);
            }
            if (len >= 4) {
                for (int a = 0; a < len; a++) {
                    for (int b = a + 1; b < len; b++) {
                        masks.add(1 << a | 1 << b);
                    }
                }
            }
            WILD_MASKS[len] = masks.stream().mapToInt(Integer::intValue).toArray();
        }
    }

    private static int[] wildMasks(int len) {
        return WILD_MASKS[len];
    }

    private boolean fixedPositionsFit(int[] span, int len, int mask) {
        for (int p = 0; p < len; p++) {
            if ((mask & 1 << p) == 0 && !index.fits(span[p], len, p)) {
                return false;
            }
        }
        return true;
    }

    private Candidate evidence(TokenList tokens, int start, int len, int phrase) {
        String[] observed = new String[len];
        String[] canonical = new String[len];
        double linkSum = 0, weakest = 1;
        int swaps = 0;
        StringBuilder why = new StringBuilder();
        for (int p = 0; p < len; p++) {
            observed[p] = PhraseKey.fold(tokens.text(), tokens.start(start + p), tokens.end(start + p));
            canonical[p] = index.word(index.token(phrase, p));
            if (observed[p].equals(canonical[p])) {
                continue;
            }
            double link = linkStrength(observed[p], canonical[p]);
            if (link <= 0) {
                return null;
            }
            linkSum += link;
            weakest = Math.min(weakest, link);
            swaps++;
            why.append(why.length() == 0 ? "" : ", ").append(canonical[p]).append("→").append(observed[p])
                    .append(link >= 0.5 ? "" : " (near-synonyms)");
        }
        if (swaps == 0) {
            return null;
        }
        double corpusRatio = 0;
        if (corpus != null) {
            if (corpusSeesSpan(observed, canonical)) {
                return null;
            }
            corpusRatio = spanCorpusRatio(observed, canonical);
        }
        String key = String.join(" ", canonical);
        String proper = lexicon.properForm(key);
        String original = tokens.text().substring(tokens.start(start), tokens.end(start + len - 1));
        CaseStyle style = CaseStyle.of(original);
        boolean name = proper != null && (style == CaseStyle.TITLE || style == CaseStyle.UPPER);
        boolean trusted = (lexicon.sources(key) & trustedSources) != 0;

        double[] f = new double[FEATURES.size()];
        f[0] = 1;
        f[2] = linkSum / swaps;
        f[3] = weakest;
        f[4] = name ? 1 : 0;
        f[5] = len - swaps;
        f[6] = trusted ? 1 : 0;
        f[7] = swaps - 1;
        f[13] = corpusRatio;
        String lmNote = "";
        if (lm != null) {
            double[] evidence = languageModelEvidence(tokens, start, len, canonical);
            f[1] = Math.max(-LM_MARGIN_CAP, Math.min(LM_MARGIN_CAP, evidence[0] / swaps));
            f[8] = evidence[1];
            double gain = 0;
            for (int p = 0; p < len; p++) {
                if (!observed[p].equals(canonical[p])) {
                    gain += unigram(canonical[p]) - unigram(observed[p]);
                }
            }
            f[11] = cap(gain / swaps);
            lmNote = String.format(Locale.ROOT, "; language model prefers it by 10^%.1f", evidence[0]);
        }
        if (DEBUG) {
            System.err.printf(Locale.ROOT, "[detect] %s -> %s %s%n", original, key, java.util.Arrays.toString(f));
        }
        String replacement = proper != null ? proper : key;
        String explanation = "spun form of '" + replacement + "' (" + why + lmNote + ")";
        return new Candidate(start, len, replacement, f, explanation, proper != null);
    }

    /**
     * Single swapped words, judged by the language model alone: a content word that neither neighbour forms a
     * stored bigram with (real text does not use it there) gets every thesaurus original as a candidate,
     * scored by how much more probable the text becomes with it.
     */
    private void singleWordCandidates(TokenList tokens, boolean[] linked, List<Candidate> out) {
        int n = tokens.size();
        String[] words = new String[n];
        int[] ids = new int[n];
        for (int i = 0; i < n; i++) {
            words[i] = tokens.type(i) == TokenType.WORD
                    ? PhraseKey.fold(tokens.text(), tokens.start(i), tokens.end(i)) : null;
            ids[i] = words[i] == null ? -1 : lm.wordId(words[i]);
        }
        for (int i = 0; i < n; i++) {
            String w = words[i];
            if (w == null || w.length() < 3 || FunctionWords.contains(w) || !isLetters(w)
                    || (i > 0 && linked[i] && hasCapital(tokens, i))) {
                continue; // names and acronyms mid-sentence are the lexicon's business
            }
            int h1 = i > 0 && linked[i] ? ids[i - 1] : -1;
            int h2 = h1 >= 0 && i > 1 && linked[i - 1] ? ids[i - 2] : -1;
            int n1 = i + 1 < n && linked[i + 1] ? ids[i + 1] : -1;
            int n2 = n1 >= 0 && i + 2 < n && linked[i + 2] ? ids[i + 2] : -1;
            if (h1 < 0 && n1 < 0) {
                continue;
            }
            int w0 = ids[i];
            boolean usedHere = w0 >= 0 && ((h1 >= 0 && lm.storedOrder(w0, h1, -1) >= 2)
                    || (n1 >= 0 && lm.storedOrder(n1, w0, -1) >= 2));
            if (usedHere || corpusSeesWord(words, i, linked)) {
                continue;
            }
            double observedScore = contextScore(w0, h1, h2, n1, n2);
            // Candidates: words real text puts in this slot (stored bigrams with both neighbours), most
            // probable first; the thesaurus must then find them close in meaning to the observed word.
            int[] pool = contextPool(h1, n1);
            List<double[]> plausible = new ArrayList<>();
            for (int c : pool) {
                if (c == w0) {
                    continue;
                }
                double margin = contextScore(c, h1, h2, n1, n2) - observedScore;
                if (margin > MIN_SINGLE_WORD_MARGIN) {
                    plausible.add(new double[] {c, margin});
                }
            }
            for (double[] p : mostProbable(plausible, MAX_SINGLE_WORD_CANDIDATES)) {
                String o = lm.word((int) p[0]);
                if (FunctionWords.contains(o) || !isLetters(o)) {
                    continue;
                }
                double link = linkStrength(w, o);
                if (link <= 0) {
                    continue;
                }
                double[] f = new double[FEATURES.size()];
                f[0] = 1;
                f[1] = cap(p[1]);
                f[2] = f[3] = link;
                f[10] = 1;
                f[11] = cap(unigram(o) - unigram(w));
                f[13] = corpus == null ? 0 : wordCorpusRatio(words, i, o, linked);
                String explanation = String.format(Locale.ROOT, "'%s' is unusual here; '%s', %s, makes the text "
                        + "10^%.1f times likelier", w, o, link >= 0.5 ? "a thesaurus synonym" : "a near-synonym",
                        p[1]);
                out.add(new Candidate(i, 1, o, f, explanation, false));
            }
        }
    }

    /**
     * The {@code k} entries {id, margin} with the largest margins, largest first, ties in list order: what a
     * stable sort by margin followed by taking the first {@code k} gives, without sorting the whole slot pool
     * (often thousands of words).
     */
    static List<double[]> mostProbable(List<double[]> entries, int k) {
        java.util.PriorityQueue<Integer> kept = new java.util.PriorityQueue<>(k + 1, (x, y) -> {
            int c = Double.compare(entries.get(x)[1], entries.get(y)[1]);
            return c != 0 ? c : Integer.compare(y, x); // the weakest first: smaller margin, later position
        });
        for (int i = 0; i < entries.size(); i++) {
            kept.add(i);
            if (kept.size() > k) {
                kept.poll();
            }
        }
        List<Integer> order = new ArrayList<>(kept);
        order.sort((x, y) -> {
            int c = Double.compare(entries.get(y)[1], entries.get(x)[1]);
            return c != 0 ? c : Integer.compare(x, y);
        });
        List<double[]> top = new ArrayList<>(order.size());
        order.forEach(i -> top.add(entries.get(i)));
        return top;
    }

    /** The corpus count of up to three words, lowered by the model's lossy-counting error: surely seen. */
    private long surelySeen(String... words) {
        return corpus.count(words) - corpus.threshold();
    }

    /** log10 of how much more often the corpus has the canonical words than the observed ones (+1 each). */
    private double corpusRatio(String[] observed, String[] canonical) {
        return Math.log10((corpus.count(canonical) + 1.0) / (corpus.count(observed) + 1.0));
    }

    /**
     * The corpus windows of a span: the whole span up to three words; in longer spans the three words
     * around each swapped word. Returns {start, end} pairs within the span.
     */
    private static List<int[]> corpusWindows(String[] observed, String[] canonical) {
        int len = observed.length;
        if (len <= 3) {
            return List.of(new int[] {0, len});
        }
        List<int[]> windows = new ArrayList<>();
        for (int p = 0; p < len; p++) {
            if (!observed[p].equals(canonical[p])) {
                int from = Math.max(0, Math.min(p - 1, len - 3));
                windows.add(new int[] {from, from + 3});
            }
        }
        return windows;
    }

    /** Whether the corpus has seen every window of the observed span often enough to call it normal. */
    private boolean corpusSeesSpan(String[] observed, String[] canonical) {
        for (int[] w : corpusWindows(observed, canonical)) {
            if (surelySeen(java.util.Arrays.copyOfRange(observed, w[0], w[1])) < CORPUS_SEEN) {
                return false;
            }
        }
        return true;
    }

    /**
     * Mean corpus ratio of the span's windows. (Subtracting the ratio of the swapped words alone, to discount
     * mere frequency, was tried: on 250 dev documents it lowered detection from 3.8 % to 2.4 %.)
     */
    private double spanCorpusRatio(String[] observed, String[] canonical) {
        List<int[]> windows = corpusWindows(observed, canonical);
        double sum = 0;
        for (int[] w : windows) {
            sum += corpusRatio(java.util.Arrays.copyOfRange(observed, w[0], w[1]),
                    java.util.Arrays.copyOfRange(canonical, w[0], w[1]));
        }
        return cap(sum / windows.size());
    }

    /** Whether the corpus has seen word i with its left or right neighbour often enough to call it normal. */
    private boolean corpusSeesWord(String[] words, int i, boolean[] linked) {
        if (corpus == null) {
            return false;
        }
        boolean left = i > 0 && linked[i] && words[i - 1] != null;
        boolean right = i + 1 < words.length && linked[i + 1] && words[i + 1] != null;
        return (left && surelySeen(words[i - 1], words[i]) >= CORPUS_SEEN)
                || (right && surelySeen(words[i], words[i + 1]) >= CORPUS_SEEN);
    }

    /**
     * The corpus ratio of replacing word i by {@code original}, in the longest window around it (the trigram
     * with both neighbours, else a bigram with one) where the corpus has either form; 0 when it has neither.
     */
    private double wordCorpusRatio(String[] words, int i, String original, boolean[] linked) {
        boolean left = i > 0 && linked[i] && words[i - 1] != null;
        boolean right = i + 1 < words.length && linked[i + 1] && words[i + 1] != null;
        List<String[][]> windows = new ArrayList<>();
        if (left && right) {
            windows.add(new String[][] {{words[i - 1], words[i], words[i + 1]}, {words[i - 1], original, words[i + 1]}});
        }
        String[][] leftPair = left ? new String[][] {{words[i - 1], words[i]}, {words[i - 1], original}} : null;
        String[][] rightPair = right ? new String[][] {{words[i], words[i + 1]}, {original, words[i + 1]}} : null;
        if (leftPair != null && rightPair != null && windowEvidence(rightPair) > windowEvidence(leftPair)) {
            windows.add(rightPair);
            windows.add(leftPair);
        } else {
            for (String[][] pair : new String[][][] {leftPair, rightPair}) {
                if (pair != null) {
                    windows.add(pair);
                }
            }
        }
        for (String[][] w : windows) {
            if (windowEvidence(w) > 0) {
                return cap(corpusRatio(w[0], w[1]));
            }
        }
        return 0;
    }

    /** How often the corpus has either form of a window {observed, canonical}. */
    private long windowEvidence(String[][] window) {
        return corpus.count(window[0]) + corpus.count(window[1]);
    }

    /** Least language-model gain (log10) for a single-word candidate to be considered. */
    static final double MIN_SINGLE_WORD_MARGIN = 0.5;
    /** How many of the most probable fillers of a slot are checked against the thesaurus. */
    static final int MAX_SINGLE_WORD_CANDIDATES = 60;

    /** Words stored after h1 and before n1 (either side alone when the other is missing), sorted. */
    private int[] contextPool(int h1, int n1) {
        int[] after = h1 >= 0 ? lm.followers(h1) : null;
        int[] before = null;
        if (n1 >= 0) {
            before = lm.predecessors(n1);
            java.util.Arrays.sort(before);
        }
        if (after == null) {
            return before;
        }
        if (before == null) {
            return after;
        }
        return intersection(after, before);
    }

    /** The ids in both sorted arrays, sorted. */
    private static int[] intersection(int[] a, int[] b) {
        int[] out = new int[Math.min(a.length, b.length)];
        int n = 0;
        for (int i = 0, j = 0; i < a.length && j < b.length; ) {
            if (a[i] < b[j]) {
                i++;
            } else if (a[i] > b[j]) {
                j++;
            } else {
                out[n++] = a[i];
                i++;
                j++;
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /** The language-model id of a thesaurus word (-1 if the model lacks it), memoised in an array. */
    private int languageModelId(int thesaurusId) {
        int cached = lmIds[thesaurusId];
        if (cached == UNSET) {
            cached = lm.wordId(thesaurus.wordOf(thesaurusId));
            lmIds[thesaurusId] = cached; // a racing thread writes the same value
        }
        return cached;
    }

    /** log10 P of w and the two words after it, given w's history (the part of a sentence w influences). */
    private double contextScore(int w, int h1, int h2, int n1, int n2) {
        return lm.windowLog10Prob(w, h1, h2, n1, n2);
    }

    private double unigram(String word) {
        return lm == null ? 0 : lm.log10Prob(lm.wordId(word), -1, -1);
    }

    private static double cap(double v) {
        return Math.max(-LM_MARGIN_CAP, Math.min(LM_MARGIN_CAP, v));
    }

    private static boolean isLetters(String w) {
        for (int i = 0; i < w.length(); i++) {
            if (!Character.isLetter(w.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasCapital(TokenList tokens, int i) {
        for (int c = tokens.start(i); c < tokens.end(i); c++) {
            if (Character.isUpperCase(tokens.text().charAt(c))) {
                return true;
            }
        }
        return false;
    }

    private static double directStrength(Thesaurus.Link link) {
        return switch (link.kind()) {
            case SYNONYM -> Integer.bitCount(link.sources()) >= 2 ? 1.0 : 0.8;
            case RELATED -> 0.6;
            case BROADER, NARROWER -> 0.5;
        };
    }

    /**
     * How strongly the thesaurus says a spinner could write {@code observed} for {@code original}: 1.0 for a
     * synonym from two or more sources, 0.8 from one, 0.6 related, 0.5 broader or narrower, up to 0.4 for
     * words with strongly overlapping thesaurus neighbours, 0 for no link.
     */
    private double linkStrength(String observed, String original) {
        int originalId = thesaurus.id(original);
        if (originalId < 0) {
            return 0;
        }
        Thesaurus.Neighbours a = neighbours(observed);
        int direct = a.strength(originalId);
        if (direct > 0 && linkFilter.test(observed, original)) {
            return STRENGTH[direct];
        }
        // No direct link: words whose thesaurus neighbourhoods overlap strongly are near-synonyms too. Moby's
        // lists are long, so one shared neighbour means little; the cosine of the two sets decides.
        Thesaurus.Neighbours b = neighbours(original);
        if (a.ids().length == 0 || b.ids().length == 0) {
            return 0;
        }
        int[] common = intersection(a.ids(), b.ids());
        int shared = linkFilter == ALL_LINKS ? common.length : 0;
        for (int i = 0; i < common.length && linkFilter != ALL_LINKS; i++) {
            String word = thesaurus.wordOf(common[i]);
            if (linkFilter.test(observed, word) && linkFilter.test(word, original)) {
                shared++;
            }
        }
        double cosine = shared / Math.sqrt((double) a.ids().length * b.ids().length);
        return shared >= 2 && cosine >= MIN_NEIGHBOUR_COSINE ? Math.min(0.4, 2 * cosine) : 0;
    }

    /** Link strength codes of {@link Thesaurus.Neighbours} as scores. */
    private static final double[] STRENGTH = {0, 0.5, 0.6, 0.8, 1.0};

    /** A word's thesaurus neighbours, cached across calls (the cache is dropped when it grows large). */
    private Thesaurus.Neighbours neighbours(String word) {
        Thesaurus.Neighbours found = neighbourCache.get(word);
        if (found == null) {
            if (neighbourCache.size() > MAX_CACHED_WORDS) {
                neighbourCache.clear();
            }
            found = thesaurus.neighbours(word);
            neighbourCache.put(word, found);
        }
        return found;
    }

    /**
     * {margin, observedKnown}: log10 of how much more probable the text is with the canonical words than with
     * the observed ones (two words of context on each side), and the share of the observed span's word pairs
     * that the model stores as bigrams (real text uses them).
     */
    private double[] languageModelEvidence(TokenList tokens, int start, int len, String[] canonical) {
        List<String> before = contextWords(tokens, start - 1, -1);
        List<String> after = contextWords(tokens, start + len, +1);
        List<String> obs = new ArrayList<>(before);
        List<String> can = new ArrayList<>(before);
        for (int p = 0; p < len; p++) {
            obs.add(PhraseKey.fold(tokens.text(), tokens.start(start + p), tokens.end(start + p)));
            can.add(canonical[p]);
        }
        obs.addAll(after);
        can.addAll(after);
        double margin = lm.scoreSequence(can) - lm.scoreSequence(obs);
        int pairs = 0, known = 0;
        for (int p = before.size() + 1; p < before.size() + len; p++) {
            pairs++;
            if (lm.storedOrder(lm.wordId(obs.get(p)), lm.wordId(obs.get(p - 1)), -1) >= 2) {
                known++;
            }
        }
        return new double[] {margin, pairs == 0 ? 0 : (double) known / pairs};
    }

    /** Up to two word tokens next to position {@code from} going in {@code step} direction, in text order. */
    private static List<String> contextWords(TokenList tokens, int from, int step) {
        List<String> words = new ArrayList<>(2);
        for (int i = from; i >= 0 && i < tokens.size() && words.size() < 2; i += step) {
            if (tokens.type(i) != TokenType.WORD) {
                break;
            }
            words.add(PhraseKey.fold(tokens.text(), tokens.start(i), tokens.end(i)));
        }
        if (step < 0) {
            java.util.Collections.reverse(words);
        }
        return words;
    }

    /** Best proposals first; keep those that overlap no better one and cut no known phrase in half. */
    private static List<Edit> choose(TokenList tokens, List<Proposal> proposals, List<int[]> canonicalSpans,
                                     double minConfidence) {
        proposals.sort(Comparator.comparingDouble(Proposal::confidence).reversed()
                .thenComparing(Comparator.comparingInt(Proposal::length).reversed())
                .thenComparingInt(Proposal::first));
        List<Proposal> kept = new ArrayList<>();
        for (Proposal p : proposals) {
            int a = p.first(), b = p.first() + p.length();
            boolean clash = kept.stream().anyMatch(k -> a < k.first() + k.length() && k.first() < b);
            boolean cuts = canonicalSpans.stream().anyMatch(c -> a < c[1] && c[0] < b && (c[0] < a || b < c[1]));
            if (!clash && !cuts) {
                kept.add(p);
            }
        }
        kept.sort(Comparator.comparingInt(Proposal::first));
        List<Edit> edits = new ArrayList<>(kept.size());
        for (Proposal p : kept) {
            int start = tokens.start(p.first());
            int end = tokens.end(p.first() + p.length() - 1);
            String original = tokens.text().substring(start, end);
            // A proper form ("National Press Club") keeps its own case; CaseStyle knows that rule.
            Candidate c = p.candidate();
            String replacement = CaseStyle.apply(original, c.canonical());
            edits.add(new Edit(start, end, original, replacement, c.name() ? NAME_CATEGORY : CATEGORY,
                    "thesaurus-lexicon", null, Math.round(p.confidence() * 1000) / 1000.0, c.explanation(),
                    p.confidence() >= minConfidence));
        }
        return edits;
    }
}
