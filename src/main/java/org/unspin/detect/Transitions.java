package org.unspin.detect;

import java.util.Arrays;

/** The edges of a token trie: (node, label) → child node, in one open-addressing table of longs. */
final class Transitions {
    private static final long EMPTY = -1;

    private long[] keys = newKeys(1024);
    private int[] children = new int[1024];
    private int size;

    /** The child of {@code node} along {@code label} (both non-negative), or -1. */
    int get(int node, int label) {
        long key = key(node, label);
        int mask = keys.length - 1;
        for (int slot = slot(key, mask); ; slot = (slot + 1) & mask) {
            long k = keys[slot];
            if (k == key) {
                return children[slot];
            }
            if (k == EMPTY) {
                return -1;
            }
        }
    }

    void put(int node, int label, int child) {
        if (2 * (size + 1) > keys.length) {
            grow();
        }
        insert(key(node, label), child);
        size++;
    }

    private void insert(long key, int child) {
        int mask = keys.length - 1;
        int slot = slot(key, mask);
        while (keys[slot] != EMPTY) {
            slot = (slot + 1) & mask;
        }
        keys[slot] = key;
        children[slot] = child;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldChildren = children;
        keys = newKeys(oldKeys.length * 2);
        children = new int[oldKeys.length * 2];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                insert(oldKeys[i], oldChildren[i]);
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

    private static long[] newKeys(int capacity) {
        long[] k = new long[capacity];
        Arrays.fill(k, EMPTY);
        return k;
    }
}
