package org.unspin.lexicon;

import java.nio.ByteBuffer;

/**
 * One bit-packed n-gram array (order 2 and up). Each entry holds the word that extends the history further
 * back, a 16-bit quantised log-prob, and for all but the highest order a 16-bit quantised backoff and the index
 * of its first child in the next order. The fields are decoded once at open into plain arrays (12 bytes a
 * middle entry, 6 a top one): reading the bit fields of the mapped file on every probe cost more than the
 * searches themselves.
 */
final class NgramLevel {
    private static final int QUANT_BITS = 16;
    /**
     * Ranges up to this length are scanned rather than bisected: as fast, and it finds the entries of the two
     * 2-entry trigram ranges that en-us.lm.bin stores out of order ("whips/teased and bullhorns", "coach/&lt;s&gt;
     * and jerri"), where sphinx's own interpolation search misses one of each pair.
     */
    static final int LINEAR_SCAN_MAX = 8;

    private final int byteOffset;
    private final int entryBits;
    private final float[] probTable;
    private final float[] backoffTable; // null for the highest order
    private final int[] words;
    private final char[] probs;    // indices into probTable
    private final char[] backoffs; // indices into backoffTable; null for the highest order
    private final int[] next;      // null for the highest order

    /** @param entries the entries in the array, the closing one included */
    NgramLevel(ByteBuffer data, int byteOffset, int entries, int wordBits, int nextBits, float[] probTable,
               float[] backoffTable) {
        this.byteOffset = byteOffset;
        this.probTable = probTable;
        this.backoffTable = backoffTable;
        this.entryBits = entryBits(wordBits, nextBits, backoffTable != null);
        boolean middle = backoffTable != null;
        words = new int[entries];
        probs = new char[entries];
        backoffs = middle ? new char[entries] : null;
        next = middle ? new int[entries] : null;
        for (int index = 0; index < entries; index++) {
            words[index] = (int) field(data, index, 0, wordBits);
            probs[index] = (char) field(data, index, middle ? wordBits + QUANT_BITS : wordBits, QUANT_BITS);
            if (middle) {
                backoffs[index] = (char) field(data, index, wordBits, QUANT_BITS);
                next[index] = (int) field(data, index, wordBits + 2 * QUANT_BITS, nextBits);
            }
        }
    }

    static int entryBits(int wordBits, int nextBits, boolean middle) {
        return middle ? wordBits + 2 * QUANT_BITS + nextBits : wordBits + QUANT_BITS;
    }

    /** Bytes the array takes in the file: sphinx pads it with a spare long so that 8-byte reads never overrun. */
    static long byteSize(long entries, int entryBits) {
        return (entries * entryBits + 7) / 8 + Long.BYTES;
    }

    int word(int index) {
        return words[index];
    }

    /** Log-prob in sphinx's base-1.0001 log units. Middle entries store the backoff first, then the prob. */
    float prob(int index) {
        return probTable[probs[index]];
    }

    float backoff(int index) {
        return backoffTable[backoffs[index]];
    }

    /** First child in the next order; entry {@code index + 1} gives the end of the range. */
    int next(int index) {
        return next[index];
    }

    /** The highest log-prob any entry can have (the quantisation table's maximum). */
    float maxProb() {
        return max(probTable);
    }

    /** The highest backoff any entry can have, or 0 for the highest order. */
    float maxBackoff() {
        return backoffTable == null ? 0 : max(backoffTable);
    }

    private static float max(float[] table) {
        float max = Float.NEGATIVE_INFINITY;
        for (float f : table) {
            max = Math.max(max, f);
        }
        return max;
    }

    boolean isMiddle() {
        return backoffTable != null;
    }

    /** Index of the entry naming {@code word} in [begin, end), whose words are sorted ascending; -1 if absent. */
    int find(int begin, int end, int word) {
        if (end - begin <= LINEAR_SCAN_MAX) {
            for (int index = begin; index < end; index++) {
                if (words[index] == word) {
                    return index;
                }
            }
            return -1;
        }
        int low = begin;
        int high = end - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            int found = words[mid];
            if (found < word) {
                low = mid + 1;
            } else if (found > word) {
                high = mid - 1;
            } else {
                return mid;
            }
        }
        return -1;
    }

    /** File offset of the byte where entry {@code index} starts, for error messages. */
    long fileOffset(int index) {
        return byteOffset + (long) index * entryBits / 8;
    }

    private long field(ByteBuffer data, int index, int offsetInEntry, int bits) {
        long bit = (long) index * entryBits + offsetInEntry;
        long word = data.getLong(byteOffset + (int) (bit >>> 3)) >>> (bit & 7);
        return word & ((1L << bits) - 1);
    }
}
