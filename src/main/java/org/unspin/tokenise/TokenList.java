package org.unspin.tokenise;

/** Tokens of one text as parallel arrays of UTF-16 offsets; cheap to build and to scan. */
public final class TokenList {
    private final String text;
    private final int[] starts;
    private final int[] ends;
    private final TokenType[] types;
    private final int size;

    TokenList(String text, int[] starts, int[] ends, TokenType[] types, int size) {
        this.text = text;
        this.starts = starts;
        this.ends = ends;
        this.types = types;
        this.size = size;
    }

    public String text() {
        return text;
    }

    public int size() {
        return size;
    }

    public int start(int i) {
        return starts[i];
    }

    public int end(int i) {
        return ends[i];
    }

    public TokenType type(int i) {
        return types[i];
    }

    /** The token's text (allocates). */
    public String token(int i) {
        return text.substring(starts[i], ends[i]);
    }

    /** Number of WORD and NUMBER tokens: the word count used for per-1,000-word scores. */
    public int wordCount() {
        int n = 0;
        for (int i = 0; i < size; i++) {
            if (types[i] != TokenType.PUNCT) {
                n++;
            }
        }
        return n;
    }
}
