package org.unspin.lexicon;

import java.util.ArrayList;
import java.util.List;
import org.unspin.tokenise.TokenList;
import org.unspin.tokenise.Tokeniser;

/**
 * The comparable form of a phrase: its tokens (from the same {@link Tokeniser} that splits the text) folded
 * with {@link #fold(char)}, and for every token whether it touches the previous one with no space between.
 * Two phrases are the same key when their folded tokens and their spacing agree, so "state-of-the-art" and
 * "state of the art" stay different keys whatever the tokeniser makes of the hyphens.
 *
 * @param tokens          folded token texts, never empty strings
 * @param gluedToPrevious for each token, whether no whitespace separates it from the previous token (always
 *                        false for the first)
 */
public record PhraseKey(List<String> tokens, List<Boolean> gluedToPrevious) {

    public PhraseKey {
        tokens = List.copyOf(tokens);
        gluedToPrevious = List.copyOf(gluedToPrevious);
    }

    /** Tokenises and folds {@code phrase}; the key of a phrase without tokens is empty. */
    public static PhraseKey of(String phrase) {
        TokenList list = Tokeniser.tokenise(phrase);
        List<String> tokens = new ArrayList<>(list.size());
        List<Boolean> glued = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            tokens.add(fold(phrase, list.start(i), list.end(i)));
            glued.add(i > 0 && list.start(i) == list.end(i - 1));
        }
        return new PhraseKey(tokens, glued);
    }

    public boolean isEmpty() {
        return tokens.isEmpty();
    }

    public int size() {
        return tokens.size();
    }

    /**
     * Case and apostrophe folding, one UTF-16 unit at a time so that a matcher can hash text in place:
     * {@link Character#toLowerCase(char)} (locale-independent, like {@code Locale.ROOT} without its
     * context rules) and the curly apostrophes U+2019 and U+2018 to {@code '}.
     */
    public static char fold(char c) {
        if (c < 128) {
            return ASCII_FOLDED[c];
        }
        if (c == '\u2019' || c == '\u2018') {
            return '\'';
        }
        return Character.toLowerCase(c);
    }

    /** {@link #fold(char)} of the ASCII chars, looked up: no branch that mispredicts on capitals. */
    private static final char[] ASCII_FOLDED = new char[128];

    static {
        for (char c = 0; c < 128; c++) {
            ASCII_FOLDED[c] = c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
        }
    }

    /** {@link #fold(char)} applied to {@code s[start, end)}. */
    public static String fold(CharSequence s, int start, int end) {
        char[] out = new char[end - start];
        for (int i = start; i < end; i++) {
            out[i - start] = fold(s.charAt(i));
        }
        return new String(out);
    }
}
