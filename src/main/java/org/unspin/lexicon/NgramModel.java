package org.unspin.lexicon;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A back-off n-gram language model in CMU Sphinx's binary "trie" format (such as Debian's
 * {@code pocketsphinx-en-us} {@code en-us.lm.bin}), memory-mapped at open and decoded onto the heap (about 36 MB
 * for en-us). Immutable and thread-safe.
 *
 * <p>Scores are log10 probabilities. Missing n-grams back off ARPA-style: the longest stored n-gram ending in the
 * word is used, plus the backoff weights of the longer histories that were not found. The model is pruned, so
 * compare scores of alternatives in the same context rather than reading them as absolute judgements.
 */
public final class NgramModel {
    /** Where Debian's {@code pocketsphinx-en-us} package puts the general English model. */
    public static final Path DEBIAN_EN_US = Path.of("/usr/share/pocketsphinx/model/en-us/en-us.lm.bin");
    /** Sentence-start marker: only ever context, never predicted (as in {@code sphinx_lm_eval}). */
    public static final String SENTENCE_START = "<s>";
    public static final String SENTENCE_END = "</s>";
    private static final String UNKNOWN_WORD = "<unk>";
    /** Sphinx stores natural logs in base 1.0001; this converts them to log10. */
    private static final double LOG10_PER_UNIT = Math.log10(1.0001);

    private final Path file;
    private final long[] declaredCounts;
    private final long[] usedCounts;
    private final NgramLevel[] levels; // levels[k] holds the n-grams of order k + 2
    private final NgramVocabulary vocabulary;
    private final int sentenceStart;
    private final double unknownLog10;
    private final double maxLog10Prob;
    /** Per word, what {@link #log10ProbBound(int)} returns. */
    private final double[] wordBounds;
    /** The unigram records, copied from the mapped file: every lookup reads them. */
    private final float[] unigramProbs;
    private final float[] unigramBackoffs;
    private final int[] bigramStarts;

    NgramModel(Path file, ByteBuffer data, int unigramOffset, long[] declaredCounts, long[] usedCounts,
               NgramLevel[] levels, NgramVocabulary vocabulary) {
        this.file = file;
        this.declaredCounts = declaredCounts.clone();
        this.usedCounts = usedCounts.clone();
        this.levels = levels.clone();
        this.vocabulary = vocabulary;
        int words = vocabulary.size();
        this.unigramProbs = new float[words + 1];
        this.unigramBackoffs = new float[words + 1];
        this.bigramStarts = new int[words + 1];
        for (int w = 0; w <= words; w++) {
            unigramProbs[w] = data.getFloat(unigramOffset + w * 12);
            unigramBackoffs[w] = data.getFloat(unigramOffset + w * 12 + 4);
            bigramStarts[w] = data.getInt(unigramOffset + w * 12 + 8);
        }
        this.sentenceStart = vocabulary.id(SENTENCE_START);
        this.unknownLog10 = unknownWordLog10();
        this.maxLog10Prob = maxLog10Prob();
        this.wordBounds = wordBounds();
    }

    /** Maps and checks a trie-format model file. */
    public static NgramModel open(Path file) throws IOException {
        return NgramModelReader.read(file);
    }

    /** {@link #configuredPath()} if that file exists. */
    public static Optional<Path> findInstalled() {
        Path path = configuredPath();
        return Files.isRegularFile(path) ? Optional.of(path) : Optional.empty();
    }

    /** The system property {@code UNSPIN_LM}, else the environment variable {@code UNSPIN_LM}, else {@link #DEBIAN_EN_US}. */
    public static Path configuredPath() {
        String configured = System.getProperty("UNSPIN_LM", System.getenv("UNSPIN_LM"));
        return configured == null || configured.isBlank() ? DEBIAN_EN_US : Path.of(configured);
    }

    public Path file() {
        return file;
    }

    /** The highest n-gram order (3 for a trigram model). */
    public int order() {
        return declaredCounts.length;
    }

    /** Number of stored n-grams of order {@code n} (1-based), i.e. the entries actually in use. */
    public long count(int n) {
        return usedCounts[n - 1];
    }

    /** The count announced in the file header, which may exceed {@link #count} by unused trailing slots. */
    public long declaredCount(int n) {
        return declaredCounts[n - 1];
    }

    public int vocabularySize() {
        return vocabulary.size();
    }

    /** Id of the word, looked up as is and then lower-cased (the model is lower-case); -1 if unknown. */
    public int wordId(String word) {
        int id = vocabulary.id(word);
        if (id < 0) {
            String lower = word.toLowerCase(Locale.ROOT);
            if (!lower.equals(word)) {
                id = vocabulary.id(lower);
            }
        }
        return id;
    }

    public String word(int id) {
        return vocabulary.word(id);
    }

    /**
     * The log10 score given to a word the model does not know: the model's {@code <unk>} unigram if it has one,
     * else the lowest unigram log-prob of any real word (-9.47 in en-us, which has no {@code <unk>}): an unseen
     * word is taken to be as rare as the rarest seen one, and no rarer.
     */
    public double unknownLog10() {
        return unknownLog10;
    }

    /**
     * A bound that no {@link #log10Prob} exceeds: the highest stored log-prob of any order plus every backoff
     * weight that could be added to it where positive. It lets a caller stop summing a sequence that can no
     * longer reach a score it needs.
     */
    public double log10ProbBound() {
        return maxLog10Prob;
    }

    private double maxLog10Prob() {
        // units() is the prob of the longest stored n-gram plus the backoffs of the longer histories it skipped:
        // the unigram's backoff (h1) if only the unigram is stored, the bigram's (h2 h1) below a trigram model's top.
        float unigramProb = Float.NEGATIVE_INFINITY, unigramBackoff = Float.NEGATIVE_INFINITY;
        for (int id = 0; id < vocabulary.size(); id++) {
            unigramProb = Math.max(unigramProb, unigramProb(id));
            unigramBackoff = Math.max(unigramBackoff, unigramBackoff(id));
        }
        double bigramBackoff = levels.length > 0 ? Math.max(0, levels[0].maxBackoff()) : 0;
        double best = unigramProb + Math.max(0, unigramBackoff) + bigramBackoff;
        for (int k = 0; k < levels.length; k++) {
            best = Math.max(best, levels[k].maxProb() + (k == 0 ? bigramBackoff : 0));
        }
        // A little headroom for the float sums in units(); the bound need not be tight.
        return Math.max(unknownLog10, best * LOG10_PER_UNIT + 1e-3);
    }

    /**
     * A bound that no {@link #log10Prob}{@code (w, h1, h2)} exceeds, whatever the history: the highest of w's
     * stored log-probs, each plus the positive backoffs that could be added to it (as in
     * {@link #log10ProbBound()}); {@link #unknownLog10()} for a negative id. Tighter than the model-wide bound
     * for all but the commonest words, so a caller can give up on a candidate sooner.
     */
    public double log10ProbBound(int w) {
        return w < 0 ? unknownLog10 : wordBounds[w];
    }

    private double[] wordBounds() {
        float unigramBackoff = 0, bigramBackoff = levels.length > 0 ? Math.max(0, levels[0].maxBackoff()) : 0;
        for (int id = 0; id < vocabulary.size(); id++) {
            unigramBackoff = Math.max(unigramBackoff, unigramBackoff(id));
        }
        double[] bounds = new double[vocabulary.size()];
        for (int w = 0; w < bounds.length; w++) {
            double best = (double) unigramProb(w) + unigramBackoff + bigramBackoff;
            for (int b = bigramStart(w); levels.length > 0 && b < bigramStart(w + 1); b++) {
                if (levels.length == 1) {
                    best = Math.max(best, levels[0].prob(b));
                    continue;
                }
                best = Math.max(best, levels[0].prob(b) + bigramBackoff);
                for (int t = levels[0].next(b); t < levels[0].next(b + 1); t++) {
                    best = Math.max(best, levels[1].prob(t));
                }
            }
            // The same headroom as the model-wide bound, for the float sums in units().
            bounds[w] = best * LOG10_PER_UNIT + 1e-3;
        }
        return bounds;
    }

    /**
     * log10 P of w and of the (up to) two words after it, given w's history h1, h2: the part of a sentence that
     * the choice of w influences. n1 &lt; 0 (or n2 &lt; 0) means the sentence ends there.
     */
    public double windowLog10Prob(int w, int h1, int h2, int n1, int n2) {
        double s = log10Prob(w, h1, h2);
        if (n1 >= 0) {
            s += log10Prob(n1, w, h1);
            if (n2 >= 0) {
                s += log10Prob(n2, n1, w);
            }
        }
        return s;
    }

    /**
     * log10 P(w | h2 h1), where h1 is the word just before w and h2 the one before that. A negative id means
     * unknown or absent: an unknown w scores {@link #unknownLog10()}, and an unknown history word cuts the
     * history there (h1 &lt; 0 gives the unigram; h2 &lt; 0 the bigram estimate).
     */
    public double log10Prob(int w, int h1, int h2) {
        int size = vocabulary.size();
        if (w >= size || h1 >= size || h2 >= size) {
            throw new IllegalArgumentException("word id beyond the vocabulary of " + size + ": " + w + ", " + h1 + ", " + h2);
        }
        if (w < 0) {
            return unknownLog10;
        }
        int historyLength = h1 < 0 ? 0 : h2 < 0 ? 1 : 2;
        historyLength = Math.min(historyLength, order() - 1);
        long match = longestMatch(w, h1, h2, historyLength);
        return units(w, h1, h2, historyLength, match, UNSEARCHED) * LOG10_PER_UNIT;
    }

    /**
     * The sum of {@link #log10Prob} over {@code ids[from, to)}, each word given the two before it ({@code h1 =
     * ids[p - 1]}, and {@code h2 = ids[p - 2]} while h1 is known; none before index 0), added in order; negative
     * infinity as soon as the words still to come cannot lift the sum to {@code least} (see
     * {@link #log10ProbBound()}). The same double as summing log10Prob, faster: the bigram a word was found
     * with is the history its successor backs off from, so it is looked up once.
     */
    public double log10ProbSum(int[] ids, int from, int to, double least) {
        double s = 0;
        int size = vocabulary.size();
        int pair = UNSEARCHED; // index of the bigram (ids[p - 2], ids[p - 1]) in levels[0], -1 if not stored
        for (int p = from; p < to; p++) {
            int w = ids[p];
            int h1 = p > 0 ? ids[p - 1] : -1;
            int h2 = p > 1 && h1 >= 0 ? ids[p - 2] : -1;
            if (w >= size || h1 >= size || h2 >= size) {
                throw new IllegalArgumentException("word id beyond the vocabulary of " + size + ": " + w + ", " + h1
                        + ", " + h2);
            }
            if (w < 0) {
                s += unknownLog10;
                pair = UNSEARCHED;
            } else {
                int historyLength = Math.min(h1 < 0 ? 0 : h2 < 0 ? 1 : 2, order() - 1);
                long match = longestMatch(w, h1, h2, historyLength);
                s += units(w, h1, h2, historyLength, match, pair) * LOG10_PER_UNIT;
                // The bigram (h1, w) was searched for if there was a history and w has bigrams at all.
                pair = historyLength >= 1 ? (int) (match >>> 32) - 1 : UNSEARCHED;
            }
            if (s + (to - 1 - p) * maxLog10Prob < least) {
                return Double.NEGATIVE_INFINITY;
            }
        }
        return s;
    }

    /**
     * A gap h2 h1 _ n1 n2 in which many words are tried (the suspect-word flagger scores a word's thesaurus
     * neighbours in its context): {@link Slot#log10ProbSum} gives for a word w what {@link #log10ProbSum} gives
     * for {@code {h2, h1, w, n1, n2}} from w on, the same double, but the searches that do not depend on w are
     * done once, here: the history bigram "h2 h1" whose backoff w's own term may add, and the bigram "n1 n2"
     * under which the trigram "w n1 n2" is looked for. A negative h1 means no history (h2 is then not read), a
     * negative n1 that the window ends after w, a negative n2 that it ends after n1.
     */
    public Slot slot(int h2, int h1, int n1, int n2) {
        return new Slot(h2, h1, n1, n2);
    }

    /** See {@link #slot}. Immutable; cheap to make (two bigram searches). */
    public final class Slot {
        private final int h2, h1, n1, n2;
        private final int historyLength;  // of w's own term
        private final int historyBigram;  // "h2 h1" in levels[0], -1 if not stored, UNSEARCHED if not needed
        private final int lastBigram;     // "n1 n2" in levels[0], -1 if not stored or not needed
        private final int lastBegin, lastEnd; // the trigrams under it
        private final double boundAfterW, boundAfterN1; // the most the words after w (after n1) can add

        private Slot(int h2, int h1, int n1, int n2) {
            this.h1 = h1;
            this.h2 = h1 < 0 ? -1 : h2;
            this.n1 = n1;
            this.n2 = n1 < 0 ? -1 : n2;
            int size = vocabulary.size();
            if (h1 >= size || this.h2 >= size || n1 >= size || this.n2 >= size) {
                throw new IllegalArgumentException("word id beyond the vocabulary of " + size + ": " + h2 + ", "
                        + h1 + ", " + n1 + ", " + n2);
            }
            historyLength = Math.min(h1 < 0 ? 0 : this.h2 < 0 ? 1 : 2, order() - 1);
            historyBigram = historyLength == 2 ? levels[0].find(bigramStart(h1), bigramStart(h1 + 1), this.h2)
                    : UNSEARCHED;
            lastBigram = this.n2 >= 0 && levels.length > 0
                    ? levels[0].find(bigramStart(this.n2), bigramStart(this.n2 + 1), n1) : -1;
            boolean trigrams = lastBigram >= 0 && levels.length > 1;
            lastBegin = trigrams ? levels[0].next(lastBigram) : 0;
            lastEnd = trigrams ? levels[0].next(lastBigram + 1) : 0;
            boundAfterN1 = this.n2 >= 0 ? log10ProbBound(this.n2) : 0;
            boundAfterW = n1 >= 0 ? log10ProbBound(n1) + boundAfterN1 : 0;
        }

        /**
         * {@link NgramModel#log10ProbSum} of the window with w in the gap; negative infinity as soon as the words
         * still to come cannot lift it to {@code least} (by {@link #log10ProbBound(int)} of each).
         */
        public double log10ProbSum(int w, double least) {
            if (w < 0 || w >= vocabulary.size()) { // not the flagger's case: the plain sum
                int[] ids = {h2, h1, w, n1, n2};
                return NgramModel.this.log10ProbSum(ids, 2, n1 < 0 ? 3 : n2 < 0 ? 4 : 5, least);
            }
            if (log10ProbBound(w) + boundAfterW < least) {
                return Double.NEGATIVE_INFINITY;
            }
            // The terms as log10ProbSum adds them: w | h1 h2, then n1 | w h1, then n2 | n1 w.
            long match = longestMatch(w, h1, h2, historyLength);
            double s = units(w, h1, h2, historyLength, match, historyBigram) * LOG10_PER_UNIT;
            int pair = historyLength >= 1 ? (int) (match >>> 32) - 1 : UNSEARCHED;
            if (s + boundAfterW < least) {
                return Double.NEGATIVE_INFINITY;
            }
            if (n1 < 0) {
                return s;
            }
            int length = Math.min(h1 < 0 ? 1 : 2, order() - 1);
            match = longestMatch(n1, w, h1, length);
            s += units(n1, w, h1, length, match, pair) * LOG10_PER_UNIT;
            pair = length >= 1 ? (int) (match >>> 32) - 1 : UNSEARCHED;
            if (s + boundAfterN1 < least) {
                return Double.NEGATIVE_INFINITY;
            }
            if (n2 < 0) {
                return s;
            }
            // longestMatch(n2, n1, w) with its first search, for n1 under n2, done once.
            length = Math.min(2, order() - 1);
            int trigram = lastBegin < lastEnd ? levels[1].find(lastBegin, lastEnd, w) : -1;
            match = lastBigram < 0 ? 0 : (lastBigram + 1L) << 32 | (trigram + 1L);
            s += units(n2, n1, w, length, match, pair) * LOG10_PER_UNIT;
            return s < least ? Double.NEGATIVE_INFINITY : s;
        }
    }

    /**
     * Sum of log10 P(word | up to two previous words) over the sequence. No sentence markers are added: pass
     * {@code "<s>"} first (and {@code "</s>"} last) to score a whole sentence. {@code <s>} is context only and
     * adds nothing, as in {@code sphinx_lm_eval}. An unknown word adds {@link #unknownLog10()} and is not
     * used as context for the words after it.
     */
    public double scoreSequence(List<String> words) {
        double total = 0;
        int h1 = -1;
        int h2 = -1;
        for (String word : words) {
            int w = wordId(word);
            boolean contextOnly = w >= 0 && w == sentenceStart;
            if (!contextOnly) {
                total += log10Prob(w, h1, h2);
            }
            h2 = h1;
            h1 = w;
        }
        return total;
    }

    public double scoreSequence(String... words) {
        return scoreSequence(Arrays.asList(words));
    }

    /**
     * Words w for which the bigram "h1 w" is stored (what real text puts after h1), sorted by id. The index is
     * built on first use (about 2 million entries, 16 MB) and shared.
     */
    public int[] followers(int h1) {
        int[][] index = followerIndex;
        if (index == null) {
            synchronized (this) {
                if (followerIndex == null) {
                    followerIndex = buildFollowerIndex();
                }
                index = followerIndex;
            }
        }
        return h1 < 0 || h1 >= index.length ? new int[0] : index[h1];
    }

    private volatile int[][] followerIndex;

    /** Words h for which the bigram "h w" is stored (what real text puts before w), sorted by id. */
    public int[] predecessors(int w) {
        if (w < 0 || w >= vocabulary.size()) {
            return new int[0];
        }
        int begin = bigramStart(w), end = bigramStart(w + 1);
        int[] out = new int[end - begin];
        for (int i = begin; i < end; i++) {
            out[i - begin] = levels[0].word(i);
        }
        return out;
    }

    private int[][] buildFollowerIndex() {
        int words = vocabulary.size();
        int[] counts = new int[words];
        for (int w = 0; w < words; w++) {
            for (int i = bigramStart(w); i < bigramStart(w + 1); i++) {
                counts[levels[0].word(i)]++;
            }
        }
        int[][] index = new int[words][];
        for (int h = 0; h < words; h++) {
            index[h] = new int[counts[h]];
        }
        int[] filled = new int[words];
        for (int w = 0; w < words; w++) { // w ascending, so every list comes out sorted
            for (int i = bigramStart(w); i < bigramStart(w + 1); i++) {
                int h = levels[0].word(i);
                index[h][filled[h]++] = w;
            }
        }
        return index;
    }

    /**
     * The order of the longest n-gram stored for w after this history: 0 for an unknown word, 1 when only the
     * unigram is stored, 2 for the bigram "h1 w", 3 for the trigram "h2 h1 w". The model is pruned, so a low
     * order does not prove a sequence wrong, but a stored bigram shows that real text uses it.
     */
    public int storedOrder(int w, int h1, int h2) {
        if (w < 0) {
            return 0;
        }
        int historyLength = Math.min(h1 < 0 ? 0 : h2 < 0 ? 1 : 2, order() - 1);
        long match = longestMatch(w, h1, h2, historyLength);
        return (int) match != 0 ? 3 : match != 0 ? 2 : 1;
    }

    /** For {@link #skippedBackoff}: the bigram of the history has not been searched for yet. */
    private static final int UNSEARCHED = -2;

    private float units(int w, int h1, int h2, int historyLength, long match, int historyBigram) {
        int bigram = (int) (match >>> 32) - 1, trigram = (int) match - 1;
        float prob = trigram >= 0 ? levels[1].prob(trigram) : bigram >= 0 ? levels[0].prob(bigram) : unigramProb(w);
        return prob + skippedBackoff(h1, h2, historyLength, trigram >= 0 ? 2 : bigram >= 0 ? 1 : 0, historyBigram);
    }

    /**
     * Walks down from the predicted word through ever longer histories while they are stored: the index + 1 of
     * the bigram "h1 w" in its level (high 32 bits) and of the trigram "h2 h1 w" (low 32), 0 where not found or
     * not searched. The bigram is searched for whenever there is a history and w has bigrams.
     */
    private long longestMatch(int w, int h1, int h2, int historyLength) {
        int begin = bigramStart(w);
        int end = bigramStart(w + 1);
        long found = 0;
        for (int k = 0; k < historyLength && begin < end; k++) {
            NgramLevel level = levels[k];
            int index = level.find(begin, end, k == 0 ? h1 : h2);
            if (index < 0) {
                break;
            }
            found |= k == 0 ? (index + 1L) << 32 : index + 1L;
            if (!level.isMiddle()) {
                break;
            }
            begin = level.next(index);
            end = level.next(index + 1);
        }
        return found;
    }

    /**
     * Backoff weights of the histories longer than the {@code matched} words that the found n-gram used;
     * {@code historyBigram} is the index of the bigram "h2 h1" if already searched for (-1: not stored).
     */
    private float skippedBackoff(int h1, int h2, int historyLength, int matched, int historyBigram) {
        if (historyLength == 0) {
            return 0;
        }
        float backoff = matched < 1 ? unigramBackoff(h1) : 0;
        // The history "h2 h1" is stored as the bigram entry naming h2 under the unigram h1.
        if (historyLength == 2 && matched < 2) {
            int index = historyBigram != UNSEARCHED ? historyBigram
                    : levels[0].find(bigramStart(h1), bigramStart(h1 + 1), h2);
            if (index >= 0) {
                backoff += levels[0].backoff(index);
            }
        }
        return backoff;
    }

    private double unknownWordLog10() {
        int unk = vocabulary.id(UNKNOWN_WORD);
        if (unk >= 0) {
            return unigramProb(unk) * LOG10_PER_UNIT;
        }
        float lowest = 0;
        for (int id = 0; id < vocabulary.size(); id++) {
            if (id != sentenceStart) {
                lowest = Math.min(lowest, unigramProb(id));
            }
        }
        return lowest * LOG10_PER_UNIT;
    }

    // Unigram records are {float32 log-prob, float32 backoff, uint32 first bigram}; record count + 1 closes.
    float unigramProb(int w) {
        return unigramProbs[w];
    }

    float unigramBackoff(int w) {
        return unigramBackoffs[w];
    }

    int bigramStart(int w) {
        return bigramStarts[w];
    }

    /** The bit-packed array of order {@code n} ≥ 2, for structural checks. */
    NgramLevel level(int n) {
        return levels[n - 2];
    }
}
