package org.unspin.lexicon;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The model's word list as one byte array of UTF-8 strings plus an open-addressing hash table of word ids,
 * so that a 72,000-word vocabulary costs about 2 MB and no per-word objects.
 */
final class NgramVocabulary {
    private final byte[] bytes;
    /** Word {@code id} occupies {@code bytes[start[id], start[id + 1] - 1)}; the byte before the next start is NUL. */
    private final int[] start;
    /** Slot value is word id + 1, or 0 when empty; the length is a power of two, at most half full. */
    private final int[] slots;

    /** @param bytes the concatenated NUL-terminated words, in id order; {@code start} has one entry per word plus one */
    NgramVocabulary(byte[] bytes, int[] start) {
        this.bytes = bytes;
        this.start = start;
        int size = Integer.highestOneBit(Math.max(2, size() * 2 - 1)) << 1;
        this.slots = new int[size];
        for (int id = 0; id < size(); id++) {
            int slot = hash(bytes, start[id], start[id + 1] - 1) & (size - 1);
            while (slots[slot] != 0) {
                slot = (slot + 1) & (size - 1);
            }
            slots[slot] = id + 1;
        }
    }

    int size() {
        return start.length - 1;
    }

    /** The id of exactly this word, or -1. */
    int id(String word) {
        byte[] key = word.getBytes(StandardCharsets.UTF_8);
        int mask = slots.length - 1;
        for (int slot = hash(key, 0, key.length) & mask; slots[slot] != 0; slot = (slot + 1) & mask) {
            int id = slots[slot] - 1;
            if (Arrays.equals(bytes, start[id], start[id + 1] - 1, key, 0, key.length)) {
                return id;
            }
        }
        return -1;
    }

    String word(int id) {
        return new String(bytes, start[id], start[id + 1] - 1 - start[id], StandardCharsets.UTF_8);
    }

    private static int hash(byte[] data, int from, int to) {
        int h = 0x811c9dc5; // FNV-1a, then a final mix so that linear probing sees well-spread low bits
        for (int i = from; i < to; i++) {
            h = (h ^ (data[i] & 0xff)) * 0x01000193;
        }
        return h ^ (h >>> 16);
    }
}
