package org.unspin.tokenise;

import java.util.Objects;

/** Tokens of one text as parallel arrays of UTF-16 offsets; cheap to build and to scan. */
public final class TokenList {
    private final String text;
    private final int[] starts;
    private final int[] ends;
    /** Ordinal of each token's {@link TokenType}; bytes keep the arrays small and free of references. */
    private final byte[] types;
    /** Per token, {@link #asciiLowerHash}; computed while scanning, so a matcher need not read the token again. */
    private final int[] hashes;
    private final int size;

    private static final TokenType[] TYPES = TokenType.values();
    private static final byte PUNCT = (byte) TokenType.PUNCT.ordinal();

    TokenList(String text, int[] starts, int[] ends, byte[] types, int[] hashes, int size) {
        this.text = text;
        this.starts = starts;
        this.ends = ends;
        this.types = types;
        this.hashes = hashes;
        this.size = size;
    }

    public String text() {
        return text;
    }

    public int size() {
        return size;
    }

    public int start(int i) {
        return starts[Objects.checkIndex(i, size)];
    }

    public int end(int i) {
        return ends[Objects.checkIndex(i, size)];
    }

    public TokenType type(int i) {
        return TYPES[types[Objects.checkIndex(i, size)]];
    }

    /**
     * For a token of ASCII letters only, ASCII digits only, or one ASCII symbol, the hash {@code h = 31 * h + c}
     * over its chars with the letters lower-cased, from 0; else 0, which a caller treats as "hash it yourself" (as
     * it must when a real hash happens to be 0). Equal to {@code FoldedVocabulary}'s hash of the folded token.
     */
    public int asciiLowerHash(int i) {
        return hashes[Objects.checkIndex(i, size)];
    }

    /** The token's text (allocates). */
    public String token(int i) {
        return text.substring(start(i), end(i));
    }

    /** Number of WORD and NUMBER tokens: the word count used for per-1,000-word scores. */
    public int wordCount() {
        int n = 0;
        for (int i = 0; i < size; i++) {
            if (types[i] != PUNCT) {
                n++;
            }
        }
        return n;
    }
}
