package org.unspin.tokenise;

import java.util.Arrays;

/** Splits English text into word, number and punctuation tokens with exact UTF-16 offsets. */
public final class Tokeniser {
    private Tokeniser() {
    }

    public static TokenList tokenise(String text) {
        // Skeleton: letters/digits runs and single punctuation; the tokenise stage work refines it.
        int cap = Math.max(16, text.length() / 4);
        int[] starts = new int[cap], ends = new int[cap];
        TokenType[] types = new TokenType[cap];
        int n = 0, i = 0, len = text.length();
        while (i < len) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            int s = i;
            TokenType t;
            if (Character.isLetterOrDigit(c)) {
                while (i < len && Character.isLetterOrDigit(text.charAt(i))) {
                    i++;
                }
                t = Character.isDigit(c) ? TokenType.NUMBER : TokenType.WORD;
            } else {
                i++;
                t = TokenType.PUNCT;
            }
            if (n == starts.length) {
                starts = Arrays.copyOf(starts, n * 2);
                ends = Arrays.copyOf(ends, n * 2);
                types = Arrays.copyOf(types, n * 2);
            }
            starts[n] = s;
            ends[n] = i;
            types[n] = t;
            n++;
        }
        return new TokenList(text, starts, ends, types, n);
    }
}
