package org.unspin.detect;

import java.util.Arrays;

/**
 * The edges of a token trie: (node, label) → child node, in one open-addressing table of longs. A slot is two
 * adjacent longs, key and child, so a lookup in a large trie reads one cache line, not one in each of two
 * arrays.
 *
 * <p>Most lookups of a matcher fail (the text goes on with a word no phrase continues with), and in a large
 * trie each failed probe is a cache miss. A Bloom filter of the keys, a sixteenth of the table's size, answers
 * most of them first: two bits of one long per key, so a lookup it rejects reads one cache line that usually
 * stays in cache.
 */
final class Transitions {
    private static final long EMPTY = -1;

    /** Slot s: key at 2s, child at 2s + 1. */
    private long[] table = newTable(1024);
    private long[] filter = new long[1024 / 16];
    private int size;

    /** The child of {@code node} along {@code label} (both non-negative), or -1. */
    int get(int node, int label) {
        long key = key(node, label);
        if (!mayContain(key)) {
            return -1;
        }
        int mask = table.length / 2 - 1;
        for (int slot = slot(key, mask); ; slot = (slot + 1) & mask) {
            long k = table[2 * slot];
            if (k == key) {
                return (int) table[2 * slot + 1];
            }
            if (k == EMPTY) {
                return -1;
            }
        }
    }

    void put(int node, int label, int child) {
        if (2 * (size + 1) > table.length / 2) {
            grow();
        }
        insert(key(node, label), child);
        size++;
    }

    private void insert(long key, int child) {
        int mask = table.length / 2 - 1;
        int slot = slot(key, mask);
        while (table[2 * slot] != EMPTY) {
            slot = (slot + 1) & mask;
        }
        table[2 * slot] = key;
        table[2 * slot + 1] = child;
        long h = key * 0xC2B2AE3D27D4EB4FL;
        filter[filterWord(h)] |= filterBits(h);
    }

    private boolean mayContain(long key) {
        long h = key * 0xC2B2AE3D27D4EB4FL;
        long bits = filterBits(h);
        return (filter[filterWord(h)] & bits) == bits;
    }

    /** The filter long of a key's second hash: its top bits (the low bits of a product mix poorly). */
    private int filterWord(long h) {
        return (int) (h >>> (64 - Integer.numberOfTrailingZeros(filter.length)));
    }

    /** Two bits of the filter long, from the middle bits of the second hash. */
    private static long filterBits(long h) {
        return 1L << (h >>> 20) | 1L << (h >>> 26);
    }

    private void grow() {
        long[] old = table;
        table = newTable(old.length);
        filter = new long[old.length / 16];
        for (int i = 0; i < old.length; i += 2) {
            if (old[i] != EMPTY) {
                insert(old[i], (int) old[i + 1]);
            }
        }
    }

    private static long key(int node, int label) {
        return ((long) node << 32) | label;
    }

    private static int slot(long key, int mask) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 32) & mask;
    }

    /** A table of {@code slots} empty slots. */
    private static long[] newTable(int slots) {
        long[] t = new long[2 * slots];
        Arrays.fill(t, EMPTY);
        return t;
    }
}
