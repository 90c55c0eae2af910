package org.unspin.detect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.unspin.lexicon.FoldedVocabulary;
import org.unspin.lexicon.CanonicalLexicon;
import org.unspin.tokenise.TokenList;

/**
 * The canonical lexicon's phrases of 2..6 tokens, indexed so that a span of text finds, in a few hash
 * probes, the phrases that equal it in all positions but one (or two, for spans of four or more tokens):
 * each phrase is stored once per wildcard pattern ("secretary of *", "* of state", ...), keyed by a 64-bit
 * fingerprint of its token ids with those positions blanked. Fingerprint hits are confirmed token by token.
 *
 * <p>A per-token bit mask of the (length, position) slots the token fills in some phrase lets a span skip
 * every pattern whose fixed positions cannot all match before any probe is made; almost all spans of clean
 * text stop there. Immutable after construction, so thread-safe.
 */
final class LexiconIndex {
    static final int MIN_TOKENS = 2;
    static final int MAX_TOKENS = 6;
    private static final long WILD = 0x5bd1e9955bd1e995L;

    private final FoldedVocabulary vocabulary = new FoldedVocabulary();
    private final List<String> words = new ArrayList<>();
    private int[] slotMasks = new int[1024];
    private final int[] phraseStart;
    private final int[] phraseTokens;
    private final int[] lexiconIndex;
    private final FingerprintMap patterns;

    LexiconIndex(CanonicalLexicon lexicon) {
        IntList starts = new IntList();
        IntList tokens = new IntList();
        IntList origins = new IntList();
        for (int i = 0; i < lexicon.size(); i++) {
            String[] parts = lexicon.phrase(i).split(" ");
            if (parts.length < MIN_TOKENS || parts.length > MAX_TOKENS) {
                continue;
            }
            starts.add(tokens.size());
            origins.add(i);
            for (int p = 0; p < parts.length; p++) {
                int id = vocabulary.add(parts[p]);
                if (id == words.size()) {
                    words.add(parts[p]);
                }
                if (id >= slotMasks.length) {
                    slotMasks = Arrays.copyOf(slotMasks, slotMasks.length * 2);
                }
                slotMasks[id] |= slotBit(parts.length, p);
                tokens.add(id);
            }
        }
        starts.add(tokens.size());
        phraseStart = starts.toArray();
        phraseTokens = tokens.toArray();
        lexiconIndex = origins.toArray();
        int phrases = phraseStart.length - 1;
        patterns = new FingerprintMap(phrases * 8);
        int[] ids = new int[MAX_TOKENS];
        for (int ph = 0; ph < phrases; ph++) {
            int n = copyTokens(ph, ids);
            patterns.add(fingerprint(ids, n, 0), ph);
            for (int a = 0; a < n; a++) {
                patterns.add(fingerprint(ids, n, 1 << a), ph);
                for (int b = a + 1; b < n && n >= 4; b++) {
                    patterns.add(fingerprint(ids, n, 1 << a | 1 << b), ph);
                }
            }
        }
    }

    /** The id of the token {@code text[start, end)} after case folding, or -1 if no phrase uses it. */
    int tokenId(TokenList tokens, int i) {
        return vocabulary.find(tokens.text(), tokens.start(i), tokens.end(i));
    }

    /** Whether a token id fills position {@code pos} of some phrase of {@code n} tokens. */
    boolean fits(int id, int n, int pos) {
        return id >= 0 && (slotMasks[id] & slotBit(n, pos)) != 0;
    }

    /**
     * Phrases of {@code n} tokens equal to {@code ids} outside the blanked positions {@code wildMask} (bit p
     * = position p) and different from it in at least one blanked position; {@code consumer} gets each
     * phrase number. With {@code wildMask == 0}, the exact phrase if any.
     */
    void lookup(int[] ids, int n, int wildMask, IntConsumer consumer) {
        long fp = fingerprint(ids, n, wildMask);
        for (int e = patterns.first(fp); e >= 0; e = patterns.next(e)) {
            int ph = patterns.value(e);
            if (length(ph) == n && matches(ph, ids, n, wildMask)) {
                consumer.accept(ph);
            }
        }
    }

    /** Whether the exact phrase {@code ids[0..n)} is in the lexicon. */
    boolean containsExact(int[] ids, int n) {
        boolean[] found = {false};
        lookup(ids, n, 0, ph -> found[0] = true);
        return found[0];
    }

    int length(int phrase) {
        return phraseStart[phrase + 1] - phraseStart[phrase];
    }

    int token(int phrase, int pos) {
        return phraseTokens[phraseStart[phrase] + pos];
    }

    String word(int id) {
        return words.get(id);
    }

    /** The phrase's index in the {@link CanonicalLexicon}. */
    int lexiconIndex(int phrase) {
        return lexiconIndex[phrase];
    }

    private boolean matches(int ph, int[] ids, int n, int wildMask) {
        boolean differs = wildMask == 0;
        for (int p = 0; p < n; p++) {
            int t = token(ph, p);
            if ((wildMask & 1 << p) == 0) {
                if (t != ids[p]) {
                    return false;
                }
            } else if (t != ids[p]) {
                differs = true;
            }
        }
        return differs;
    }

    private int copyTokens(int ph, int[] into) {
        int n = length(ph);
        System.arraycopy(phraseTokens, phraseStart[ph], into, 0, n);
        return n;
    }

    private static int slotBit(int n, int pos) {
        // n = 2..6 use bits 0-1, 2-4, 5-8, 9-13, 14-19.
        int offset = (n - 2) * (n + 1) / 2;
        return 1 << (offset + pos);
    }

    private static long fingerprint(int[] ids, int n, int wildMask) {
        long h = 0x9E3779B97F4A7C15L * n;
        for (int p = 0; p < n; p++) {
            long v = (wildMask & 1 << p) != 0 ? WILD : ids[p] + 1L;
            h = (h ^ v) * 0xff51afd7ed558ccdL;
            h ^= h >>> 29;
        }
        return h ^ (h >>> 32);
    }

    interface IntConsumer {
        void accept(int value);
    }

    /** long fingerprint → chain of int values, open addressing on the heads. */
    private static final class FingerprintMap {
        private long[] keys;
        private int[] heads;
        private int[] values = new int[1024];
        private int[] nexts = new int[1024];
        private int entries;
        private int used;

        FingerprintMap(int expected) {
            int capacity = Integer.highestOneBit(Math.max(16, expected * 2)) * 2;
            keys = new long[capacity];
            heads = new int[capacity];
            Arrays.fill(heads, -1);
        }

        void add(long key, int value) {
            if (2 * (used + 1) > keys.length) {
                grow();
            }
            int slot = slot(key);
            if (heads[slot] < 0) {
                keys[slot] = key;
                used++;
            }
            if (entries == values.length) {
                values = Arrays.copyOf(values, entries * 2);
                nexts = Arrays.copyOf(nexts, entries * 2);
            }
            values[entries] = value;
            nexts[entries] = heads[slot];
            heads[slot] = entries++;
        }

        int first(long key) {
            int mask = keys.length - 1;
            for (int s = mix(key) & mask; ; s = (s + 1) & mask) {
                if (heads[s] < 0) {
                    return -1;
                }
                if (keys[s] == key) {
                    return heads[s];
                }
            }
        }

        int next(int entry) {
            return nexts[entry];
        }

        int value(int entry) {
            return values[entry];
        }

        private int slot(long key) {
            int mask = keys.length - 1;
            int s = mix(key) & mask;
            while (heads[s] >= 0 && keys[s] != key) {
                s = (s + 1) & mask;
            }
            return s;
        }

        private void grow() {
            long[] oldKeys = keys;
            int[] oldHeads = heads;
            keys = new long[oldKeys.length * 2];
            heads = new int[oldKeys.length * 2];
            Arrays.fill(heads, -1);
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldHeads[i] >= 0) {
                    int s = slot(oldKeys[i]);
                    keys[s] = oldKeys[i];
                    heads[s] = oldHeads[i];
                }
            }
        }

        private static int mix(long key) {
            return (int) (key ^ (key >>> 31));
        }
    }

    /** A growable int array. */
    static final class IntList {
        private int[] data = new int[1024];
        private int size;

        void add(int v) {
            if (size == data.length) {
                data = Arrays.copyOf(data, size * 2);
            }
            data[size++] = v;
        }

        int size() {
            return size;
        }

        int[] toArray() {
            return Arrays.copyOf(data, size);
        }
    }
}
