package org.unspin.lexicon.build;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Words and links gathered from all sources. A link is one long: lower word id, higher word id, kind (what the
 * higher word is relative to the lower one), shared parts of speech and source bits; equal pairs of the same
 * kind are merged by OR-ing their parts of speech and sources.
 */
final class PairCollector {
    static final int KIND_SYNONYM = 0;
    static final int KIND_RELATED = 1;
    static final int KIND_BROADER = 2;
    static final int KIND_NARROWER = 3;

    private static final int ID_BITS = 21;
    private static final long ID_MASK = (1L << ID_BITS) - 1;

    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> words = new ArrayList<>();
    private long[] links = new long[1 << 20];
    private int size;

    int id(String word) {
        Integer id = ids.get(word);
        if (id == null) {
            id = words.size();
            if (id > ID_MASK) {
                throw new IllegalStateException("too many words: " + id);
            }
            ids.put(word, id);
            words.add(word);
        }
        return id;
    }

    Integer existingId(String word) {
        return ids.get(word);
    }

    List<String> words() {
        return words;
    }

    void add(String a, String b, int kind, int pos, int sources) {
        if (!a.equals(b)) {
            add(id(a), id(b), kind, pos, sources);
        }
    }

    void add(int a, int b, int kind, int pos, int sources) {
        if (a == b) {
            return;
        }
        if (a > b) {
            add(b, a, inverse(kind), pos, sources);
            return;
        }
        if (size == links.length) {
            links = Arrays.copyOf(links, size * 2);
        }
        links[size++] = encode(a, b, kind, pos, sources);
    }

    static int inverse(int kind) {
        return kind < KIND_BROADER ? kind : kind ^ 1;
    }

    static long encode(int a, int b, int kind, int pos, int sources) {
        return (long) a << 43 | (long) b << 22 | (long) kind << 20 | pos << 3 | sources;
    }

    static int lower(long link) {
        return (int) (link >>> 43);
    }

    static int higher(long link) {
        return (int) (link >>> 22 & ID_MASK);
    }

    static int kind(long link) {
        return (int) (link >>> 20 & 3);
    }

    static int pos(long link) {
        return (int) (link >>> 3 & 0xF);
    }

    static int sources(long link) {
        return (int) (link & 7);
    }

    /** Sorts the links and merges those with the same words and kind. */
    long[] merged() {
        long[] sorted = Arrays.copyOf(links, size);
        Arrays.sort(sorted);
        int n = 0;
        for (long link : sorted) {
            if (n > 0 && sorted[n - 1] >>> 20 == link >>> 20) {
                sorted[n - 1] |= link;
            } else {
                sorted[n++] = link;
            }
        }
        links = Arrays.copyOf(sorted, n);
        size = n;
        return links.clone();
    }
}
