package org.unspin.tokenise;

import java.util.Arrays;

/**
 * Splits English text into word, number and punctuation tokens with exact UTF-16 offsets.
 *
 * <p>A hand-written char-class scanner: no regular expressions and no object per token. Decisions:
 * <ul>
 *   <li>Words are letters, digits and combining marks; an internal hyphen ("state-of-the-art", "COVID-19")
 *       or apostrophe, straight or curly, followed by a letter ("don't", "O’Brien", "90's") stays inside.
 *       A leading or trailing hyphen or apostrophe is punctuation, so is "--", and so is the apostrophe of a
 *       plural possessive ("Americans'" → "Americans" "'"): a closing quote after a word ending in s looks
 *       the same, and the bare word is what phrase tables match.</li>
 *   <li>Abbreviations keep their dots: chunks of one or two letters each followed by a dot ("U.S.", "e.g.",
 *       "Ph.D."), a single capital followed by a dot and a capitalised word ("J. Smith"; not "I", which is
 *       mostly the pronoun at a sentence end), and a few titles ("Mr.", "Dr.", "etc."). Any other
 *       word-final dot is punctuation.</li>
 *   <li>Numbers: digits with '.', '/', ':' or '-' between digits ("3.5", "9/11", "10:30", "2020-21"),
 *       ',' before a group of exactly three digits ("1,000"), an optional leading currency sign ("$7",
 *       "€7") and an optional trailing '%' ("7%" is one NUMBER, like "$7"). A token with any letter is a WORD
 *       ("4th", "1990s").</li>
 *   <li>Ideographs (CJK) are one token each, since the script has no spaces; other scripts run together.</li>
 *   <li>Anything else that is not whitespace is one PUNCT token per character, keeping a surrogate pair,
 *       its combining marks, emoji modifiers, ZWJ emoji sequences and flag pairs together. Controls,
 *       zero-width spaces and no-break spaces separate tokens like spaces.</li>
 * </ul>
 */
public final class Tokeniser {
    private static final byte OTHER = 0, SPACE = 1, LETTER = 2, DIGIT = 3;
    private static final byte[] ASCII = new byte[128];

    static {
        for (int c = 0; c < 128; c++) {
            if (c <= ' ' || c == 0x7F) {
                ASCII[c] = SPACE;
            } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
                ASCII[c] = LETTER;
            } else if (c >= '0' && c <= '9') {
                ASCII[c] = DIGIT;
            }
        }
    }

    /** Words whose dot belongs to them, besides the letter-chunk abbreviations. */
    private static final String[] TITLES = {"Mr", "Mrs", "Ms", "Dr", "Prof", "Sr", "Jr", "St", "Mt", "Rev", "Gen",
        "Gov", "Sen", "Rep", "Col", "Lt", "Sgt", "Capt", "Hon", "vs", "etc", "Inc", "Ltd", "Corp"};

    private Tokeniser() {
    }

    public static TokenList tokenise(String text) {
        return new Scan(text).run();
    }

    private static final class Scan {
        private final String text;
        private final int len;
        private int[] starts;
        private int[] ends;
        private byte[] types;
        private int[] hashes;
        private int n;

        Scan(String text) {
            this.text = text;
            this.len = text.length();
            int cap = len / 4 + 16;
            starts = new int[cap];
            ends = new int[cap];
            types = new byte[cap];
            hashes = new int[cap];
        }

        TokenList run() {
            int i = 0;
            while (i < len) {
                char c = text.charAt(i);
                if (c < 128) {
                    byte k = ASCII[c];
                    if (k == SPACE) {
                        i++;
                    } else if (k != OTHER) {
                        i = word(i, i);
                    } else if (c == '$' && digitAt(i + 1)) {
                        i = word(i, i + 1);
                    } else if (i + 1 < len && text.charAt(i + 1) >= 0x300) {
                        i = symbol(i, c);
                    } else {
                        add(i, i + 1, TokenType.PUNCT, c); // an ASCII symbol is its own lower case
                        i++;
                    }
                    continue;
                }
                int cp = text.codePointAt(i);
                int next = i + Character.charCount(cp);
                if (isSpace(cp)) {
                    i = next;
                } else if (Character.isLetterOrDigit(cp)) {
                    i = word(i, i);
                } else if (Character.getType(cp) == Character.CURRENCY_SYMBOL && digitAt(next)) {
                    i = word(i, next);
                } else {
                    i = symbol(i, cp);
                }
            }
            return new TokenList(text, starts, ends, types, hashes, n);
        }

        /** Scans a word or number token starting at {@code start} whose letters/digits begin at {@code p}. */
        private int word(int start, int p) {
            boolean letters = false, digits = false;
            // Abbreviation shape: only letters so far, in dot-separated chunks of at most two letters.
            boolean abbrevShape = true;
            int chunks = 1, chunkLetters = 0;
            // TokenList.asciiLowerHash, hashed as the chars are read; ascii: no char but ASCII letters and digits yet.
            int hash = 0;
            boolean ascii = start == p;
            int alnumEnd = p;
            scan:
            for (int round = 0; ; round++) {
                if (round > 0) {
                    ascii = false; // the switch below took a joiner ("-", "'", ",", ...): not only letters and digits
                }
                while (p < len) {
                    char c = text.charAt(p);
                    if (c < 128) {
                        byte k = ASCII[c];
                        if (k == LETTER) {
                            letters = true;
                            chunkLetters++;
                        } else if (k == DIGIT) {
                            abbrevShape = false;
                            digits = true;
                        } else {
                            break;
                        }
                        hash = 31 * hash + (c | 0x20); // lower case of a letter, a digit itself
                        p++;
                        continue;
                    }
                    int cp = text.codePointAt(p);
                    int count = Character.charCount(cp);
                    if (Character.isLetter(cp)) {
                        if (Character.isIdeographic(cp)) {
                            if (p == start) {
                                add(start, marks(p + count), TokenType.WORD, 0);
                                return ends[n - 1];
                            }
                            alnumEnd = p;
                            break scan;
                        }
                        letters = true;
                        chunkLetters++;
                    } else if (Character.isDigit(cp)) {
                        abbrevShape = false;
                    } else if (!isMark(cp) && !((cp == 0x200C || cp == 0x200D || cp == 0xAD) && wordPartAt(p + 1))) {
                        break;
                    }
                    ascii = false;
                    p += count;
                }
                alnumEnd = p;
                if (p >= len) {
                    break;
                }
                switch (text.charAt(p)) {
                    case '-', '\u2010', '\u2011' -> {
                        if (alnumAt(p + 1)) {
                            abbrevShape = false;
                            p++;
                            continue;
                        }
                    }
                    // U+2018 between letters is a mis-curled apostrophe ("it‘s"), never an opening quote.
                    case '\'', '\u2019', '\u2018' -> {
                        if (letterAt(p + 1)) {
                            abbrevShape = false;
                            p++;
                            continue;
                        }
                    }
                    case ',' -> {
                        if (digitBefore(p) && threeDigitGroupAt(p + 1)) {
                            p++;
                            continue;
                        }
                    }
                    case '/', ':' -> {
                        if (digitBefore(p) && digitAt(p + 1)) {
                            p++;
                            continue;
                        }
                    }
                    case '%' -> {
                        if (!letters && digitBefore(p)) {
                            p++;
                        }
                    }
                    case '.' -> {
                        if (digitBefore(p) && digitAt(p + 1)) {
                            p++;
                            continue;
                        }
                        boolean shortChunk = abbrevShape && letters && chunkLetters <= 2;
                        if (shortChunk && letterAt(p + 1)) {
                            if (shortChunkWithDotAt(p + 1)) {
                                chunks++;
                                chunkLetters = 0;
                                p++;
                                continue;
                            }
                            if (chunks >= 2) {
                                p++; // "Ph.D.s": the abbreviation ends at its dot
                            }
                        } else if ((shortChunk && chunks >= 2)
                                || (chunks == 1 && letters && (isInitial(start, p) || isTitle(start, p)))) {
                            p++;
                        }
                    }
                    default -> {
                    }
                }
                break;
            }
            boolean plain = ascii && p == alnumEnd && !(letters && digits); // ASCII letters only, or digits only
            add(start, p, letters ? TokenType.WORD : TokenType.NUMBER, plain ? hash : 0);
            return p;
        }

        /** One PUNCT token: the code point at i with its marks, emoji modifiers, ZWJ sequence or flag pair. */
        private int symbol(int i, int cp) {
            int p = i + Character.charCount(cp);
            boolean flagHalf = isRegionalIndicator(cp);
            while (p < len) {
                int next = text.codePointAt(p);
                if (isMark(next) || (next >= 0x1F3FB && next <= 0x1F3FF) || (next >= 0xE0020 && next <= 0xE007F)) {
                    p += Character.charCount(next);
                } else if (next == 0x200D && p + 1 < len
                        && Character.getType(text.codePointAt(p + 1)) == Character.OTHER_SYMBOL) {
                    p += 1 + Character.charCount(text.codePointAt(p + 1));
                } else if (flagHalf && isRegionalIndicator(next)) {
                    flagHalf = false;
                    p += Character.charCount(next);
                } else {
                    break;
                }
            }
            add(i, p, TokenType.PUNCT, p == i + 1 && cp < 0x80 ? cp : 0);
            return p;
        }

        private int marks(int p) {
            while (p < len) {
                int cp = text.codePointAt(p);
                if (!isMark(cp)) {
                    break;
                }
                p += Character.charCount(cp);
            }
            return p;
        }

        /** "J." before a capitalised word: a single capital letter (not the pronoun I) as an initial. */
        private boolean isInitial(int start, int dot) {
            int cp = text.codePointAt(start);
            if (start + Character.charCount(cp) != dot || !Character.isUpperCase(cp) || cp == 'I') {
                return false;
            }
            int q = dot + 1;
            while (q < len && text.charAt(q) == ' ') {
                q++;
            }
            return q > dot + 1 && q < len && Character.isUpperCase(text.codePointAt(q));
        }

        private boolean isTitle(int start, int dot) {
            int length = dot - start;
            if (length < 2 || length > 4) { // every entry of TITLES; most sentence-final words are longer
                return false;
            }
            for (String t : TITLES) {
                if (t.length() == length && text.startsWith(t, start)) {
                    return true;
                }
            }
            return false;
        }

        /** One or two letters followed by '.' (the next chunk of "U.S." or "Ph.D."). */
        private boolean shortChunkWithDotAt(int q) {
            int letters = 0;
            while (q < len && letters <= 2 && letterAt(q)) {
                q += Character.charCount(text.codePointAt(q));
                letters++;
            }
            return letters >= 1 && letters <= 2 && q < len && text.charAt(q) == '.';
        }

        private boolean threeDigitGroupAt(int q) {
            return q + 3 <= len && isAsciiDigit(text.charAt(q)) && isAsciiDigit(text.charAt(q + 1))
                    && isAsciiDigit(text.charAt(q + 2)) && !digitAt(q + 3);
        }

        private boolean digitAt(int q) {
            if (q >= len) {
                return false;
            }
            char c = text.charAt(q);
            return c < 128 ? ASCII[c] == DIGIT : Character.isDigit(text.codePointAt(q));
        }

        private boolean digitBefore(int q) {
            char c = text.charAt(q - 1);
            return c < 128 ? ASCII[c] == DIGIT : Character.isDigit(text.codePointBefore(q));
        }

        private boolean letterAt(int q) {
            if (q >= len) {
                return false;
            }
            char c = text.charAt(q);
            return c < 128 ? ASCII[c] == LETTER : Character.isLetter(text.codePointAt(q));
        }

        private boolean alnumAt(int q) {
            if (q >= len) {
                return false;
            }
            char c = text.charAt(q);
            return c < 128 ? ASCII[c] >= LETTER : Character.isLetterOrDigit(text.codePointAt(q));
        }

        private boolean wordPartAt(int q) {
            return alnumAt(q) || (q < len && isMark(text.codePointAt(q)));
        }

        /** Adds a token; {@code hash} is its {@link TokenList#asciiLowerHash}, 0 if not computed. */
        private void add(int start, int end, TokenType type, int hash) {
            if (n == starts.length) {
                int cap = n * 2;
                starts = Arrays.copyOf(starts, cap);
                ends = Arrays.copyOf(ends, cap);
                types = Arrays.copyOf(types, cap);
                hashes = Arrays.copyOf(hashes, cap);
            }
            starts[n] = start;
            ends[n] = end;
            types[n] = (byte) type.ordinal();
            hashes[n] = hash;
            n++;
        }
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isMark(int cp) {
        int t = Character.getType(cp);
        return t == Character.NON_SPACING_MARK || t == Character.COMBINING_SPACING_MARK || t == Character.ENCLOSING_MARK;
    }

    /** Whitespace, no-break spaces, and invisible chars that only separate (ZWSP, word joiner, BOM, joiners). */
    private static boolean isSpace(int cp) {
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp) || cp == 0x200B || cp == 0x2060
                || cp == 0xFEFF || cp == 0x200C || cp == 0x200D || cp == 0xAD || (cp >= 0x80 && cp < 0xA0);
    }

    private static boolean isRegionalIndicator(int cp) {
        return cp >= 0x1F1E6 && cp <= 0x1F1FF;
    }
}
