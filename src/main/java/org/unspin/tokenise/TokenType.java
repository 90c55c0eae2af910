package org.unspin.tokenise;

/** Coarse token classes; phrase matching only looks at the text, statistics at the class. */
public enum TokenType {
    /** Letters, with internal hyphens, apostrophes and abbreviation dots ("state-of-the-art", "don't", "U.S."). */
    WORD,
    /** Digits with internal separators ("9/11", "1,000", "3.5"), optionally led by a currency sign ("$7"). */
    NUMBER,
    /** Punctuation and any other non-space character. */
    PUNCT
}
