package org.unspin.lexicon;


/**
 * Folded token texts numbered 0, 1, 2, ... in an open-addressing hash table that can be probed with a slice
 * of the text, folding as it hashes, so looking up a text token allocates nothing.
 */
public final class FoldedVocabulary {
    private String[] words = new String[1024];
    private int[] ids = new int[1024];
    private int size;

    /** The id of a folded token, adding it if new. */
    public int add(String folded) {
        int found = find(folded, 0, folded.length());
        if (found >= 0) {
            return found;
        }
        if (2 * (size + 1) > words.length) {
            grow();
        }
        insert(folded, size);
        return size++;
    }

    /** The id of the token {@code text[start, end)} after folding, or -1 if no phrase uses it. */
    public int find(CharSequence text, int start, int end) {
        int mask = words.length - 1;
        for (int slot = hash(text, start, end) & mask; ; slot = (slot + 1) & mask) {
            String word = words[slot];
            if (word == null) {
                return -1;
            }
            if (sameFolded(word, text, start, end)) {
                return ids[slot];
            }
        }
    }

    private static boolean sameFolded(String word, CharSequence text, int start, int end) {
        if (word.length() != end - start) {
            return false;
        }
        for (int i = start; i < end; i++) {
            if (word.charAt(i - start) != PhraseKey.fold(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static int hash(CharSequence text, int start, int end) {
        int h = 0;
        for (int i = start; i < end; i++) {
            h = 31 * h + PhraseKey.fold(text.charAt(i));
        }
        return (h ^ (h >>> 16)) * 0x9E3779B9;
    }

    private void insert(String word, int id) {
        int mask = words.length - 1;
        int slot = hash(word, 0, word.length()) & mask;
        while (words[slot] != null) {
            slot = (slot + 1) & mask;
        }
        words[slot] = word;
        ids[slot] = id;
    }

    private void grow() {
        String[] oldWords = words;
        int[] oldIds = ids;
        words = new String[oldWords.length * 2];
        ids = new int[oldWords.length * 2];
        for (int i = 0; i < oldWords.length; i++) {
            if (oldWords[i] != null) {
                insert(oldWords[i], oldIds[i]);
            }
        }
    }
}
