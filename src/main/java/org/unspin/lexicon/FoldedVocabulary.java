package org.unspin.lexicon;

import java.util.Arrays;

/**
 * Folded token texts numbered 0, 1, 2, ... in an open-addressing hash table that can be probed with a slice
 * of the text, folding as it hashes, so looking up a text token allocates nothing.
 *
 * <p>Each slot holds the token's hash and id in one {@code long}, so a probe reads one array and compares a
 * stored word only when the hashes agree: most text tokens are not in the vocabulary, and their probe touches
 * no string. The words themselves sit end to end in one char array, so comparing one reads no object header.
 */
public final class FoldedVocabulary {
    /** Per slot: hash in the high 32 bits, id + 1 in the low ones; 0 is an empty slot. */
    private long[] slots = new long[1024];
    private int shift = 64 - 10;
    /** Word {@code id} is {@code chars[starts[id], starts[id + 1])}. */
    private char[] chars = new char[4096];
    private int[] starts = new int[513];
    private int size;

    /** The id of a folded token, adding it if new. */
    public int add(String folded) {
        int found = find(folded, 0, folded.length());
        if (found >= 0) {
            return found;
        }
        if (2 * (size + 1) > slots.length) {
            grow();
        }
        if (size + 1 == starts.length) {
            starts = Arrays.copyOf(starts, starts.length * 2);
        }
        int start = starts[size];
        if (start + folded.length() > chars.length) {
            chars = Arrays.copyOf(chars, Math.max(chars.length * 2, start + folded.length()));
        }
        folded.getChars(0, folded.length(), chars, start);
        starts[size + 1] = start + folded.length();
        insert(hash(folded, 0, folded.length()), size);
        return size++;
    }

    /** How many tokens there are: ids run from 0 to size - 1. */
    public int size() {
        return size;
    }

    /** The id of the token {@code text[start, end)} after folding, or -1 if no phrase uses it. */
    public int find(CharSequence text, int start, int end) {
        return find(text, start, end, hash(text, start, end));
    }

    /**
     * As {@link #find(CharSequence, int, int)}, for a scanner that has hashed the token while reading it:
     * {@code hash} is 0 stepped by {@link #hashStep} over each char of {@code text[start, end)}.
     */
    public int find(CharSequence text, int start, int end, int hash) {
        int mask = slots.length - 1;
        for (int slot = slotOf(hash); ; slot = (slot + 1) & mask) {
            long entry = slots[slot];
            if (entry == 0) {
                return -1;
            }
            if ((int) (entry >>> 32) == hash) {
                int id = (int) entry - 1;
                if (sameFolded(id, text, start, end)) {
                    return id;
                }
            }
        }
    }

    /** The hash of a folded token so far, {@code h}, extended by the char {@code c}. */
    public static int hashStep(int h, char c) {
        return 31 * h + PhraseKey.fold(c);
    }

    private boolean sameFolded(int id, CharSequence text, int start, int end) {
        int from = starts[id];
        if (starts[id + 1] - from != end - start) {
            return false;
        }
        for (int i = start; i < end; i++) {
            if (chars[from + i - start] != PhraseKey.fold(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static int hash(CharSequence text, int start, int end) {
        int h = 0;
        for (int i = start; i < end; i++) {
            h = hashStep(h, text.charAt(i));
        }
        return h;
    }

    /** The high bits of a multiplicative hash: the low bits of {@code 31 * h + c} vary little. */
    private int slotOf(int hash) {
        return (int) ((hash * 0x9E3779B97F4A7C15L) >>> shift);
    }

    private void insert(int hash, int id) {
        int mask = slots.length - 1;
        int slot = slotOf(hash);
        while (slots[slot] != 0) {
            slot = (slot + 1) & mask;
        }
        slots[slot] = (long) hash << 32 | (id + 1L);
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        shift--;
        for (long entry : old) {
            if (entry != 0) {
                insert((int) (entry >>> 32), (int) entry - 1);
            }
        }
    }
}
