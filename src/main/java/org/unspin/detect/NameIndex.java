package org.unspin.detect;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.unspin.lexicon.CandidateDictionary;
import org.unspin.lexicon.CanonicalLexicon;
import org.unspin.lexicon.FunctionWords;
import org.unspin.lexicon.Thesaurus;

/**
 * The lexicon's capitalised names of 2 to {@link CandidateDictionary#MAX_TOKENS} words, keyed by their
 * words with one left out: a span finds the names one word off it in one probe per position.
 */
final class NameIndex {
    private final Set<String> words = new HashSet<>();
    private final long[] keys;   // sorted
    private final int[] entries; // phrase number << 3 | position left out, in key order
    private final CanonicalLexicon lexicon;
    private final Thesaurus thesaurus;
    /** Per name word, the thesaurus ids of its synonyms and related words, sorted: what a spinner writes. */
    private final Map<String, int[]> substitutes = new HashMap<>();

    NameIndex(CanonicalLexicon lexicon, Thesaurus thesaurus) {
        this.lexicon = lexicon;
        this.thesaurus = thesaurus;
        List<long[]> all = new ArrayList<>();
        for (int i = 0; i < lexicon.size(); i++) {
            String phrase = lexicon.phrase(i);
            String[] words = phrase.split(" ");
            if (words.length < 2 || words.length > CandidateDictionary.MAX_TOKENS
                    || lexicon.properForm(phrase) == null) {
                continue;
            }
            for (int k = 0; k < words.length; k++) {
                this.words.add(words[k]);
                if (!FunctionWords.contains(words[k]) && substitutes(words[k]).length > 0) {
                    all.add(new long[] {key(words, k), (long) i << 3 | k});
                }
            }
        }
        all.sort((x, y) -> x[0] != y[0] ? Long.compare(x[0], y[0]) : Long.compare(x[1], y[1]));
        keys = new long[all.size()];
        entries = new int[all.size()];
        for (int j = 0; j < keys.length; j++) {
            keys[j] = all.get(j)[0];
            entries[j] = (int) all.get(j)[1];
        }
    }

    private static long key(String[] words, int leftOut) {
        String[] k = words.clone();
        k[leftOut] = "\u0000";
        return org.unspin.lexicon.Fingerprint.of(k);
    }

    private int[] substitutes(String word) {
        return substitutes.computeIfAbsent(word, w -> {
            Thesaurus.Neighbours n = thesaurus.neighbours(w);
            int[] ids = new int[n.ids().length];
            int count = 0;
            for (int j = 0; j < ids.length; j++) {
                if (n.strengths()[j] >= 2) { // synonym or related links only, as a spinner's
                    ids[count++] = n.ids()[j];
                }
            }
            return java.util.Arrays.copyOf(ids, count);
        });
    }

    /** Whether some name has this word (folded). */
    boolean hasWord(String word) {
        return words.contains(word);
    }

    /**
     * {phrase number, position} of each name that equals the span in every word but one, where the span's
     * word is a synonym or related word of the name's.
     */
    List<int[]> oneOff(List<String> span) {
        String[] words = span.toArray(new String[0]);
        List<int[]> out = new ArrayList<>();
        for (int k = 0; k < words.length; k++) {
            long key = key(words, k);
            int j = java.util.Arrays.binarySearch(keys, key);
            if (j < 0) {
                continue;
            }
            while (j > 0 && keys[j - 1] == key) {
                j--;
            }
            for (; j < keys.length && keys[j] == key; j++) {
                int phrase = entries[j] >>> 3;
                String[] name = lexicon.phrase(phrase).split(" ");
                if (name.length == words.length && (entries[j] & 7) == k && oneOff(name, words, k)
                        && java.util.Arrays.binarySearch(substitutes.get(name[k]), thesaurus.id(words[k])) >= 0) {
                    out.add(new int[] {phrase, k});
                }
            }
        }
        return out;
    }

    private static boolean oneOff(String[] name, String[] words, int k) {
        for (int i = 0; i < name.length; i++) {
            if (i != k && !name[i].equals(words[i]) || i == k && name[i].equals(words[i])) {
                return false;
            }
        }
        return true;
    }
}
