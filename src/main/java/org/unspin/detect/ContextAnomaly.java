package org.unspin.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.unspin.lexicon.CorpusModel;
import org.unspin.edit.Edit;
import org.unspin.lexicon.FunctionWords;
import org.unspin.lexicon.NgramModel;
import org.unspin.lexicon.PhraseKey;
import org.unspin.lexicon.Thesaurus;
import org.unspin.tokenise.TokenList;
import org.unspin.tokenise.TokenType;

/**
 * How out of place the content words of a text look, without proposing any original: a spinner swaps about
 * one content word in seven for a thesaurus entry chosen without regard to sense, and such a word tends to be
 * rarer, to fit its neighbours worse than its frequency would predict, and to have a thesaurus neighbour that
 * fits the slot much better.
 *
 * <p>Each checked word (lower case or sentence-initial, three letters or more, not a function word) gets the
 * log-odds of a logistic model over language-model features (unigram probability, stored bigrams and trigrams
 * with its neighbours, how much the neighbours raise its probability and it theirs, whether a thesaurus
 * neighbour the link filter allows fits the context better and by how much, whether the text uses the word
 * elsewhere: a spinner's random pick rarely repeats, a topic word does) and, with a corpus model from
 * {@code unspin learn}, the word's and its bigrams' frequency in that corpus. The weights were fitted on the
 * words of 224 dev-split documents of {@code unspin eval} (see docs/evaluation.md).
 *
 * <p>Two outputs: the document score {@link Result#score()}, the mean over checked words of how far their
 * log-odds exceed a floor (0 for text where no word looks out of place), and report-only flags for single
 * words whose log-odds reach {@link #flagLogOdds()}. Thread-safe.
 */
public final class ContextAnomaly {

    /** Category of the report-only flags. */
    public static final String CATEGORY = "suspect-word";

    /** Features: bias, unigram, bigram left/right, trigram left/right, PMI left/right, neighbour present
     * left/right, best thesaurus alternative gain, has an alternative, no bigram on either side, the word occurs
     * elsewhere in the text, ln(1 + other occurrences). */
    private static final double[] LM_WEIGHTS = {-6.3084, -0.4928, -0.0183, 0.0317, -0.0600, 0.2567, -0.6734,
            -0.8859, -0.1870, 0.2037, 0.1513, 1.5649, 0.0744, -1.1452, -0.9967};
    /** The same features, then log10(1 + per-million count) of the word, its left and right bigram and the
     * trigram around it in the corpus, no corpus bigram on either side, and the corpus gain of the best
     * thesaurus alternative. */
    private static final double[] CORPUS_WEIGHTS = {-4.1058, -0.1214, 0.0606, 0.3018, 0.1805, 0.5973, -0.5444,
            -0.8758, -0.0970, 0.1210, 0.1237, 1.4528, 0.0965, -1.0671, -0.7463, -0.9081, 0.2163, 0.1408, -0.6444,
            1.1168, 0.5034};
    /** The values (0 or 1) of the stored-order features (bigram left/right, trigram left/right, no bigram) that
     * raise the LM log-odds most. */
    private static final double[] ORDERS_UPPER = {LM_WEIGHTS[2] > 0 ? 1 : 0, LM_WEIGHTS[3] > 0 ? 1 : 0,
            LM_WEIGHTS[4] > 0 ? 1 : 0, LM_WEIGHTS[5] > 0 ? 1 : 0, LM_WEIGHTS[12] > 0 ? 1 : 0};
    /** Log-odds below the floor add nothing to the document score (tuned on dev: best document AUC). */
    private static final double LM_FLOOR = -1.0;
    private static final double CORPUS_FLOOR = 0.0;
    /** Least log-odds for a flag (tuned on dev, see docs/evaluation.md). */
    private static final double LM_FLAG = 0.5;
    private static final double CORPUS_FLAG = 0.5;

    /**
     * @param checkedWords words that were assessed
     * @param score        mean over checked words of max(0, log-odds - floor); 0 if none was checked
     * @param flags        report-only findings ({@link #CATEGORY}) in {@code tokens.text()} offsets, sorted
     */
    public record Result(int checkedWords, double score, List<Edit> flags) {
        public static final Result NONE = new Result(0, 0, List.of());
    }

    private static final org.apache.commons.text.similarity.LevenshteinDistance SPELLING =
            new org.apache.commons.text.similarity.LevenshteinDistance(3);

    /**
     * Document prior from which the pipeline flags suspect words: where the prior marks the document as spun
     * ({@link Resolver#SPUN_PRIOR}). Tuned on dev against 0.8 and 0.3 (docs/evaluation.md, "The flag prior").
     */
    public static final double FLAG_PRIOR = Resolver.SPUN_PRIOR;

    private final NgramModel lm;
    private volatile Thesaurus thesaurus;
    private final CorpusModel corpus;
    private final double perMillion;

    /**
     * @param thesaurus the open thesaurus whose neighbours are tried, or null for {@link Thesaurus#shipped()},
     *                  loaded on first use (it is large, and clean documents never need it)
     * @param corpus    n-gram counts of the user's corpus, or null
     */
    public ContextAnomaly(NgramModel lm, Thesaurus thesaurus, CorpusModel corpus) {
        this.lm = java.util.Objects.requireNonNull(lm);
        this.thesaurus = thesaurus;
        this.corpus = corpus;
        this.perMillion = corpus == null ? 0 : 1e6 / Math.max(1, corpus.tokens());
    }

    /** The least log-odds at which a word is flagged. */
    public double flagLogOdds() {
        return corpus == null ? LM_FLAG : CORPUS_FLAG;
    }

    public Result assess(TokenList tokens) {
        int n = tokens.size();
        String text = tokens.text();
        String[] words = new String[n];
        for (int i = 0; i < n; i++) {
            words[i] = tokens.type(i) == TokenType.WORD ? PhraseKey.fold(text, tokens.start(i), tokens.end(i)) : null;
        }
        boolean[] linked = Restorer.wordRuns(tokens);
        Thesaurus thesaurus = thesaurus();
        // Only checked words' counts are read, so only checkable words are counted; and only the model ids of
        // checked words and the two words on each side of them are read.
        boolean[] toCheck = new boolean[n];
        java.util.Map<String, int[]> occurrences = new java.util.HashMap<>();
        int[] ids = new int[n];
        java.util.Arrays.fill(ids, NOT_LOOKED_UP);
        for (int i = 0; i < n; i++) {
            if (!checkable(words[i])) {
                continue;
            }
            occurrences.computeIfAbsent(words[i], k -> new int[1])[0]++;
            // Names and acronyms mid-sentence are not spinner material.
            toCheck[i] = !(i > 0 && linked[i] && Character.isUpperCase(text.charAt(tokens.start(i))));
            for (int j = Math.max(0, i - 2); toCheck[i] && j <= Math.min(n - 1, i + 2); j++) {
                if (ids[j] == NOT_LOOKED_UP) {
                    ids[j] = words[j] == null ? -1 : lm.wordId(words[j]);
                }
            }
        }
        double floor = corpus == null ? LM_FLOOR : CORPUS_FLOOR;
        int checked = 0;
        double sum = 0;
        List<Edit> flags = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (!toCheck[i]) {
                continue;
            }
            int[] best = {-1};
            double z = logOdds(thesaurus, words, ids, linked, i, occurrences.get(words[i])[0] - 1, best);
            checked++;
            sum += Math.max(0, z - floor);
            if (z >= flagLogOdds()) {
                double p = 1 / (1 + Math.exp(-z));
                String bestWord = best[0] < 0 ? null : thesaurus.wordOf(best[0]);
                String suggestion = bestWord == null ? null : CaseStyle.apply(tokens.token(i), bestWord);
                flags.add(Edit.at(tokens.start(i), tokens.end(i), tokens.token(i)).replacement(suggestion)
                        .category(CATEGORY).rule("context-anomaly").confidence(Math.round(p * 500) / 1000.0)
                        .explanation(String.format(Locale.ROOT,
                        "'%s' looks out of place here (a synonym swap? %.0f %% by its context)%s", tokens.token(i),
                        100 * p, bestWord == null ? "" : "; the thesaurus word that fits best is '" + bestWord + "'"))
                        .build());
            }
        }
        return new Result(checked, checked == 0 ? 0 : sum / checked, List.copyOf(flags));
    }

    /** An id not read because no checked word's context reaches it (the model's ids are 0 and up, -1 unknown). */
    private static final int NOT_LOOKED_UP = -2;

    private static boolean checkable(String w) {
        if (w == null || w.length() < 3 || FunctionWords.contains(w)) {
            return false;
        }
        for (int c = 0; c < w.length(); c++) {
            if (!Character.isLetter(w.charAt(c))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isSpellingVariant(String a, String b) {
        int d = SPELLING.apply(a, b); // -1 beyond the threshold
        return d >= 0 && d <= 2;
    }

    /**
     * The thesaurus words as the model sees them, built once: each word's model id (-1 for unknown and
     * multiword ones) and its unigram rank (-log10 P × 10^6, lower is more frequent).
     */
    private record ModelView(int[] ids, long[] ranks) {
    }

    private volatile ModelView modelView;

    /** Neighbours tried per word: the most frequent ones, where a spinner's original nearly always is. */
    static final int MAX_NEIGHBOURS = 32;

    /**
     * The neighbours the model knows, in thesaurus order; when there are more than {@link #MAX_NEIGHBOURS},
     * only that many of the most frequent in English, most frequent first (ties by thesaurus id).
     */
    private static int[] mostFrequent(int[] neighbours, ModelView view) {
        long[] keyed = new long[neighbours.length];
        int n = 0;
        for (int o : neighbours) {
            if (view.ids()[o] >= 0) {
                keyed[n++] = view.ranks()[o] << 24 | o;
            }
        }
        if (n > MAX_NEIGHBOURS) {
            java.util.Arrays.sort(keyed, 0, n);
            n = MAX_NEIGHBOURS;
        }
        int[] out = new int[n];
        for (int k = 0; k < n; k++) {
            out[k] = (int) (keyed[k] & 0xFFFFFF);
        }
        return out;
    }

    /**
     * A word's neighbours as {@link #logOdds} tries them: {@link #mostFrequent} without the spelling variants,
     * as thesaurus ids and model ids.
     */
    private record Alternatives(int[] words, int[] modelIds) {
    }

    /** Alternatives per word type: text repeats its words, and finding them is a third of the flagger's work. */
    private final java.util.concurrent.ConcurrentHashMap<String, Alternatives> alternatives =
            new java.util.concurrent.ConcurrentHashMap<>();
    /** Word types kept (about 350 bytes each, so at most 18 MB); words beyond it are looked up each time. */
    static final int MAX_CACHED_WORDS = 50_000;

    private Alternatives alternatives(Thesaurus thesaurus, ModelView view, String word) {
        Alternatives found = alternatives.get(word);
        if (found == null) {
            int[] tried = mostFrequent(thesaurus.neighbours(word).ids(), view);
            int n = 0;
            for (int o : tried) {
                if (!isSpellingVariant(word, thesaurus.wordOf(o))) {
                    tried[n++] = o; // "minimise"/"minimize" is a spelling variant, not a swap
                }
            }
            int[] modelIds = new int[n];
            for (int k = 0; k < n; k++) {
                modelIds[k] = view.ids()[tried[k]];
            }
            found = new Alternatives(java.util.Arrays.copyOf(tried, n), modelIds);
            if (alternatives.size() < MAX_CACHED_WORDS) {
                alternatives.putIfAbsent(word, found);
            }
        }
        return found;
    }

    private ModelView modelView(Thesaurus thesaurus) {
        ModelView view = modelView;
        if (view == null) {
            int[] ids = new int[thesaurus.wordCount()];
            long[] ranks = new long[ids.length];
            for (int t = 0; t < ids.length; t++) {
                String word = thesaurus.wordOf(t);
                ids[t] = word.indexOf(' ') >= 0 ? -1 : lm.wordId(word);
                ranks[t] = ids[t] < 0 ? 0 : (long) (-lm.log10Prob(ids[t], -1, -1) * 1e6);
            }
            view = new ModelView(ids, ranks);
            modelView = view;
        }
        return view;
    }

    private Thesaurus thesaurus() {
        Thesaurus t = thesaurus;
        if (t == null) {
            t = Thesaurus.shipped();
            thesaurus = t;
        }
        return t;
    }

    /**
     * The model's log-odds that word i, which occurs {@code repeats} more times in the text, was swapped in;
     * {@code best[0]} receives the thesaurus id of the neighbour that fits the context best, if any fits better.
     */
    double logOdds(Thesaurus thesaurus, String[] words, int[] ids, boolean[] linked, int i, int repeats,
                   int[] best) {
        int n = words.length;
        boolean hasLeft = i > 0 && linked[i] && words[i - 1] != null;
        boolean hasRight = i + 1 < n && linked[i + 1] && words[i + 1] != null;
        int h1 = hasLeft ? ids[i - 1] : -1;
        int h2 = h1 >= 0 && i > 1 && linked[i - 1] && words[i - 2] != null ? ids[i - 2] : -1;
        int n1 = hasRight ? ids[i + 1] : -1;
        int n2 = n1 >= 0 && i + 2 < n && linked[i + 2] && words[i + 2] != null ? ids[i + 2] : -1;
        int w = ids[i];
        double unigram = lm.log10Prob(w, -1, -1);
        // The first two terms of the word's own window (lm.windowLog10Prob); without a history, the unigram.
        double ownLeft = h1 >= 0 ? lm.log10Prob(w, h1, h2) : unigram;
        double nextUnigram = n1 >= 0 ? lm.log10Prob(n1, -1, -1) : 0;
        double ownRight = n1 >= 0 && w >= 0 ? lm.log10Prob(n1, w, h1) : nextUnigram;
        double pmiLeft = h1 >= 0 ? ownLeft - unigram : 0;
        double pmiRight = n1 >= 0 && w >= 0 ? ownRight - nextUnigram : 0;
        if (corpus == null) {
            // The bound below with each stored-order feature at its most favourable value: most words stay under
            // the floor even so, and then the stored orders need not be looked up.
            double[] upper = {1, unigram, ORDERS_UPPER[0], ORDERS_UPPER[1], ORDERS_UPPER[2], ORDERS_UPPER[3],
                    clip(pmiLeft, -3, 3), clip(pmiRight, -3, 3), flag(hasLeft), flag(hasRight), 5, 1,
                    ORDERS_UPPER[4], flag(repeats > 0), Math.log1p(repeats)};
            double bound = dot(LM_WEIGHTS, upper);
            if (bound < LM_FLOOR) {
                return bound;
            }
        }
        // One walk per side gives both orders: the trigram walk passes the bigram first.
        int orderLeft = h1 >= 0 && w >= 0 ? lm.storedOrder(w, h1, h2) : 0;
        int orderRight = n1 >= 0 && w >= 0 ? lm.storedOrder(n1, w, h1) : 0;
        boolean bigramLeft = orderLeft >= 2;
        boolean bigramRight = orderRight >= 2;
        boolean trigramLeft = orderLeft >= 3;
        boolean trigramRight = orderRight >= 3;

        // The best thesaurus alternative: by the language model, and by the corpus's bigrams.
        double bestGain = Double.NEGATIVE_INFINITY, bestCorpusGain = Double.NEGATIVE_INFINITY;
        long observedCount = corpus == null ? 0 : neighbourBigrams(words, i, words[i], hasLeft, hasRight);
        ModelView view = modelView(thesaurus);
        if (corpus == null) {
            // The best a thesaurus neighbour can add (an alternative, gaining the clipped maximum): when even
            // that stays under the floor, the word adds nothing to the score and is never flagged, so the
            // neighbours (most of the work) need not be scored. The result is the same either way.
            double[] upper = {1, unigram, flag(bigramLeft), flag(bigramRight), flag(trigramLeft),
                    flag(trigramRight), clip(pmiLeft, -3, 3), clip(pmiRight, -3, 3), flag(hasLeft), flag(hasRight),
                    5, 1, flag(!bigramLeft && !bigramRight), flag(repeats > 0), Math.log1p(repeats)};
            double bound = dot(LM_WEIGHTS, upper);
            if (bound < LM_FLOOR) {
                return bound;
            }
        }
        Alternatives tried = alternatives(thesaurus, view, words[i]);
        double observed = ownLeft; // lm.windowLog10Prob(w, h1, h2, n1, n2), summed in the same order
        if (n1 >= 0) {
            observed += ownRight;
            if (n2 >= 0) {
                observed += lm.log10Prob(n2, n1, w);
            }
        }
        // Each neighbour's window (the same sum) with h2 h1 before it and n1 n2 after, summed in one model slot
        // (the context's searches done once), which gives up once the terms left cannot lift it to `least`.
        // Only a gain above both the best so far and -3 can change anything: an equal gain does not replace the
        // best, and every gain up to -3 clips to -3 and names no suggestion. The 1e-9 covers the rounding of the
        // bound's sums (the terms are near 10).
        NgramModel.Slot slot = lm.slot(h2, h1, n1, n2);
        for (int k = 0; k < tried.words().length; k++) {
            double least = observed + Math.max(bestGain, -3) - 1e-9;
            double gain = slot.log10ProbSum(tried.modelIds()[k], least) - observed;
            if (gain > bestGain) {
                bestGain = gain;
                best[0] = gain > 0 ? tried.words()[k] : -1;
            }
            if (corpus != null) {
                long count = neighbourBigrams(words, i, thesaurus.wordOf(tried.words()[k]), hasLeft, hasRight);
                bestCorpusGain = Math.max(bestCorpusGain, Math.log10((count + 1.0) / (observedCount + 1.0)));
            }
        }
        boolean hasAlternative = tried.words().length > 0;
        double[] f = {1, unigram, flag(bigramLeft), flag(bigramRight), flag(trigramLeft), flag(trigramRight),
                clip(pmiLeft, -3, 3), clip(pmiRight, -3, 3), flag(hasLeft), flag(hasRight),
                hasAlternative ? clip(bestGain, -3, 5) : 0, flag(hasAlternative), flag(!bigramLeft && !bigramRight),
                flag(repeats > 0), Math.log1p(repeats)};
        double z = dot(corpus == null ? LM_WEIGHTS : CORPUS_WEIGHTS, f);
        if (corpus != null) {
            long left = hasLeft ? corpus.count(words[i - 1], words[i]) : 0;
            long right = hasRight ? corpus.count(words[i], words[i + 1]) : 0;
            long around = hasLeft && hasRight ? corpus.count(words[i - 1], words[i], words[i + 1]) : 0;
            double[] g = {frequency(corpus.count(words[i])), frequency(left), frequency(right), frequency(around),
                    flag(left == 0 && right == 0), hasAlternative ? clip(bestCorpusGain, -3, 3) : 0};
            for (int k = 0; k < g.length; k++) {
                z += CORPUS_WEIGHTS[f.length + k] * g[k];
            }
        }
        return z;
    }

    /** How often the corpus has {@code word} after word i-1 plus before word i+1. */
    private long neighbourBigrams(String[] words, int i, String word, boolean hasLeft, boolean hasRight) {
        return (hasLeft ? corpus.count(words[i - 1], word) : 0) + (hasRight ? corpus.count(word, words[i + 1]) : 0);
    }

    /** log10(1 + count per million corpus words), so the weights hold for corpora of any size. */
    private double frequency(long count) {
        return Math.log10(1 + count * perMillion);
    }

    private static double dot(double[] weights, double[] features) {
        double z = 0;
        for (int k = 0; k < features.length; k++) {
            z += weights[k] * features[k];
        }
        return z;
    }

    private static double flag(boolean b) {
        return b ? 1 : 0;
    }

    private static double clip(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
