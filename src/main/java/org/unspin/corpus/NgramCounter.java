package org.unspin.corpus;

import java.nio.file.Path;
import java.util.Arrays;
import org.unspin.lexicon.CorpusModel;
import org.unspin.lexicon.Fingerprint;
import org.unspin.lexicon.MinedSubstitution;

/**
 * Counts the unigrams, bigrams and trigrams of a stream of text in bounded memory.
 *
 * <p>N-grams are runs of lower-cased WORD tokens ({@link org.unspin.tokenise.Tokeniser}, {@link org.unspin.lexicon.PhraseKey#fold});
 * any other token (punctuation, a number) or a paragraph break (two line breaks) ends a run, as in the
 * detector. Each n-gram is stored as its {@link Fingerprint} in an open-addressing (linear probing) table of
 * {@code long} keys and {@code int} counts that grows up to a fixed number of slots and never beyond.
 *
 * <p><b>Lossy counting.</b> When the table holds {@code maxEntries} n-grams it is pruned: the threshold
 * {@code T} rises to the least value that frees at least half of the table, and every entry counted
 * {@code <= T} is dropped. A new entry starts at {@code T + 1}, not 1, because it may have been counted and
 * dropped before (Manku and Motwani's lossy counting, with the error term folded into the count). So:
 * <ul>
 *   <li>a stored count is never below the true count and at most {@code T} above it;</li>
 *   <li>an n-gram that is not stored occurred at most {@code T} times.</li>
 * </ul>
 * With {@code T = 0} (the table never filled) every count is exact. The final {@code T} is written into the
 * model ({@link CorpusModel#threshold()}). Not thread-safe; worker threads can compute the keys of the text
 * ({@link NgramKeys}) for one thread to {@link #apply} in input order.
 */
public final class NgramCounter {
    /** Default bound on stored n-grams (about 400 MB of table at most). */
    public static final int DEFAULT_MAX_NGRAMS = 16_000_000;
    /** Largest accepted bound: the table needs a Java array of 1.43 slots per entry. */
    public static final int LIMIT_MAX_NGRAMS = 700_000_000;
    private static final double LOAD = 0.7;
    private static final int INITIAL_SLOTS = 1 << 12;
    /** Count values above the threshold that a prune tallies in one pass to find its cut. */
    private static final int PRUNE_HISTOGRAM = 1 << 12;

    private final int maxEntries;
    private final int maxSlots;
    private long[] keys;
    private int[] counts;
    private int size;
    private int threshold;
    private int prunes;
    private long tokens;

    /** The run of words the next text continues (its keys are counted at once). */
    private final NgramKeys run = new NgramKeys(false);

    public NgramCounter(int maxEntries) {
        if (maxEntries < 16 || maxEntries > LIMIT_MAX_NGRAMS) {
            throw new IllegalArgumentException("max n-grams must be within 16.." + LIMIT_MAX_NGRAMS + ", got "
                    + maxEntries);
        }
        this.maxEntries = maxEntries;
        this.maxSlots = Integer.highestOneBit((int) Math.ceil(maxEntries / LOAD) - 1) << 1;
        int slots = Math.min(INITIAL_SLOTS, maxSlots);
        keys = new long[slots];
        counts = new int[slots];
    }

    /**
     * Counts the words of {@code text}. The run of the previous call continues across the line break that is
     * assumed to separate them (call {@link #endRun()} for a blank line, a new document or a record).
     */
    public void add(String text) {
        run.add(text);
        countKeys(run);
    }

    /** Ends the current run of words: the next word starts new n-grams. */
    public void endRun() {
        run.endRun();
    }

    /**
     * Counts a batch whose keys a worker computed ({@link NgramKeys}), as if its text had been added here: the
     * words that continue this counter's run first, then the batch's keys in order, so the table is updated
     * (and pruned) exactly as by {@link #add}.
     */
    void apply(NgramKeys batch) {
        for (int i = 0; i < batch.headSize(); i++) {
            String word = batch.head(i);
            run.word(word, 0, word.length());
        }
        countKeys(run);
        countKeys(batch);
        run.continueAfter(batch);
    }

    private void countKeys(NgramKeys k) {
        for (int i = 0, n = k.size(); i < n; i++) {
            increment(k.key(i));
        }
        tokens += k.tokens();
        k.clearKeys();
    }

    private void increment(long key) {
        int mask = keys.length - 1;
        int i = (int) key & mask;
        for (long k; (k = keys[i]) != 0; i = (i + 1) & mask) {
            if (k == key) {
                if (counts[i] != Integer.MAX_VALUE) {
                    counts[i]++;
                }
                return;
            }
        }
        keys[i] = key;
        counts[i] = threshold + 1;
        size++;
        if (size >= maxEntries) {
            prune();
        } else if (size > keys.length * LOAD && keys.length < maxSlots) {
            grow();
        }
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldCounts = counts;
        keys = new long[oldKeys.length * 2];
        counts = new int[oldKeys.length * 2];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != 0) {
                place(oldKeys[i], oldCounts[i]);
            }
        }
    }

    private void place(long key, int count) {
        int mask = keys.length - 1;
        int i = (int) key & mask;
        while (keys[i] != 0) {
            i = (i + 1) & mask;
        }
        keys[i] = key;
        counts[i] = count;
    }

    /** Raises the threshold until at least half of the table can go, drops those entries, re-places the rest. */
    private void prune() {
        int mustDrop = size - maxEntries / 2;
        // Every count is above T: one pass counts the entries at each of the next values, where the cut
        // almost always is; a binary search of whole-table passes is left for the rare rest.
        int[] atValue = new int[PRUNE_HISTOGRAM];
        for (int i = 0; i < keys.length; i++) {
            long above = counts[i] - (threshold + 1L);
            if (keys[i] != 0 && above < PRUNE_HISTOGRAM) {
                atValue[(int) above]++;
            }
        }
        int low = threshold + 1 + PRUNE_HISTOGRAM, high = Integer.MAX_VALUE;
        for (int v = 0, dropped = 0; v < PRUNE_HISTOGRAM; v++) {
            dropped += atValue[v];
            if (dropped >= mustDrop) {
                low = threshold + 1 + v;
                high = low;
                break;
            }
        }
        while (low < high) { // least cut with at least mustDrop entries counted <= cut
            int mid = (int) (((long) low + high) >>> 1);
            if (countAtMost(mid) >= mustDrop) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        threshold = low;
        prunes++;
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != 0 && counts[i] <= threshold) {
                keys[i] = 0;
                size--;
            }
        }
        // Linear probing needs every survivor reachable from its home slot: re-place them cluster by cluster,
        // starting after an empty slot so that no cluster wraps around the start of the walk.
        int mask = keys.length - 1;
        int empty = 0;
        while (keys[empty] != 0) {
            empty++;
        }
        for (int j = 1; j <= keys.length; j++) {
            int i = (empty + j) & mask;
            long key = keys[i];
            if (key != 0) {
                keys[i] = 0;
                place(key, counts[i]);
            }
        }
    }

    private int countAtMost(int cut) {
        int n = 0;
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != 0 && counts[i] <= cut) {
                n++;
            }
        }
        return n;
    }

    /** The stored count of 1..3 words (folded like the text), 0 when not stored. */
    public long count(String... words) {
        return get(Fingerprint.of(words));
    }

    private int get(long key) {
        int mask = keys.length - 1;
        for (int i = (int) key & mask; keys[i] != 0; i = (i + 1) & mask) {
            if (keys[i] == key) {
                return counts[i];
            }
        }
        return 0;
    }

    /** Word tokens counted so far. */
    public long tokens() {
        return tokens;
    }

    /** N-grams stored now. */
    public int size() {
        return size;
    }

    /** The lossy-counting threshold T (0: no pruning, counts are exact). */
    public int threshold() {
        return threshold;
    }

    /** How often the table was pruned. */
    public int prunes() {
        return prunes;
    }

    /** Slots of the table now (its memory is 12 bytes a slot). */
    int slots() {
        return keys.length;
    }

    /** Writes the counts as a corpus model ({@link CorpusModel} describes the layout), atomically. */
    public void write(Path target) {
        write(target, null);
    }

    /**
     * Writes the counts and the mined substitutions as a version-2 corpus model (null {@code mined}: a
     * version-1 model, as {@link #write(Path)}), atomically.
     */
    public void write(Path target, java.util.List<MinedSubstitution> mined) {
        long[] sorted = new long[size];
        int n = 0;
        for (long key : keys) {
            if (key != 0) {
                sorted[n++] = key;
            }
        }
        Arrays.sort(sorted);
        int[] sortedCounts = new int[size];
        for (int i = 0; i < size; i++) {
            sortedCounts[i] = get(sorted[i]);
        }
        CorpusModel.write(target, tokens, threshold, sorted, sortedCounts, mined);
    }
}
