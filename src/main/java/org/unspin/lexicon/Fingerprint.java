package org.unspin.lexicon;

import org.unspin.lexicon.PhraseKey;

/**
 * The 64-bit fingerprint of an n-gram: FNV-1a over the UTF-16 units of its folded words joined by one space
 * ({@link PhraseKey#fold(char)}), finished with the MurmurHash3 {@code fmix64} mixer so that every bit of the
 * result depends on every input bit. FNV-1a runs left to right, so a counter can extend the state of
 * "w1" to "w1 w2" without hashing w1 again ({@link #extend}). Zero marks an empty slot in the counter's
 * table, so a fingerprint that mixes to zero becomes 1.
 */
public final class Fingerprint {
    /** The state of the empty n-gram; {@link #extend}, {@link #space} and {@link #finish} are the counter's steps. */
    public static final long START = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;

    private Fingerprint() {
    }

    /** The fingerprint of 1..3 words, folded as the counter folds them. */
    public static long of(String... words) {
        long state = START;
        for (int i = 0; i < words.length; i++) {
            if (i > 0) {
                state = (state ^ ' ') * PRIME;
            }
            state = extend(state, words[i], 0, words[i].length());
        }
        return finish(state);
    }

    /** The FNV-1a state after appending the folded units of {@code s[start, end)}. */
    public static long extend(long state, CharSequence s, int start, int end) {
        for (int i = start; i < end; i++) {
            state = (state ^ PhraseKey.fold(s.charAt(i))) * PRIME;
        }
        return state;
    }

    /** The state after appending the separating space. */
    public static long space(long state) {
        return (state ^ ' ') * PRIME;
    }

    /** The fingerprint of a state. */
    public static long finish(long state) {
        long h = state;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h == 0 ? 1 : h;
    }
}
