package org.unspin.normalise;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.Normalizer2;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.text.translate.EntityArrays;
import org.unspin.edit.Edit;

/**
 * First pipeline stage: Unicode and markup clean-up. Every change is recorded as an applied {@link Edit}
 * in input offsets (category {@code unicode} or {@code markup}).
 *
 * <p>Rules, in the order a character is looked at:
 * <ul>
 *   <li>{@code nfc}: only the segments that are not in NFC are normalised (ICU quick check first).</li>
 *   <li>{@code zero-width}: U+200B, U+2060, U+FEFF (anywhere, BOM included) and the soft hyphen U+00AD are
 *       removed. ZWNJ/ZWJ (U+200C/U+200D) are kept, because emoji ZWJ sequences and Indic or Persian
 *       spelling need them; they are removed only between two Latin letters, where they mean nothing.</li>
 *   <li>{@code control}: C0 controls other than tab, LF and CR, and DEL are removed; vertical tab and form
 *       feed become a line feed so that the words on both sides stay apart.</li>
 *   <li>{@code cp1252}: a C1 control (U+0080..U+009F) in scraped text is almost always a Windows-1252 byte
 *       decoded as Latin-1 ("don\u0092t"), so it becomes the Windows-1252 character (’); the five bytes that
 *       Windows-1252 leaves undefined are removed.</li>
 *   <li>{@code html-entity}: named entities with their semicolon and decimal or hex numeric references are
 *       decoded once. Anything else ("AT&amp;T", "Q&amp;A;", "&amp;foo;") is left alone. {@code &amp;nbsp;}
 *       becomes U+00A0 (faithful; folding turns it into a space). Numeric references to U+0080..U+009F are
 *       read as Windows-1252, as HTML5 does; references to other controls, surrogates, noncharacters and
 *       code points past U+10FFFF are left unchanged. An entity of a removed character ({@code &amp;shy;},
 *       {@code &amp;#8203;}) is removed.</li>
 *   <li>{@code collapse-spaces} (option): a run of two or more spaces or tabs becomes one space; line
 *       breaks are never touched.</li>
 *   <li>{@code fold-typography} (option): curly quotes to ASCII quotes, en/em dash to '-', ellipsis to
 *       "...", no-break spaces to a space; also applied to what entities and NFC produce.</li>
 * </ul>
 * Known limit: a numeric reference to a combining mark ("e&amp;#769;") is decoded but not composed with
 * the letter before it.
 */
public final class Normaliser {

    /** Clean-ups that also change clean text, so they are off by default. */
    public record Options(boolean collapseSpaces, boolean foldTypography) {
        public static final Options DEFAULT = new Options(false, false);
    }

    /** The cleaned text and the edits (sorted, disjoint, applied) that turn the input into it. */
    public record Result(String text, List<Edit> edits) {
    }

    static final String UNICODE = "unicode";
    static final String MARKUP = "markup";

    private static final Normalizer2 NFC = Normalizer2.getNFCInstance();

    /** Entity text with '&amp;' and ';' (e.g. "&amp;eacute;") to its decoded value. */
    private static final Map<String, String> ENTITIES = entities();

    /** Windows-1252 reading of the bytes 0x80..0x9F; null where Windows-1252 leaves the byte undefined. */
    private static final String[] CP1252 = cp1252();

    /** Longest entity name we look for; longer runs of letters after '&amp;' are not entities. */
    private static final int MAX_ENTITY_NAME = 10;

    private final Options options;

    public Normaliser(Options options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    public Options options() {
        return options;
    }

    public Result normalise(String input) {
        int len = input.length();
        boolean collapse = options.collapseSpaces(), fold = options.foldTypography();
        int first = 0;
        while (first < len && !mayChange(input.charAt(first), collapse, fold)) {
            first++;
        }
        int nfcClean = allBelow(input, FIRST_NOT_NFC_YES) ? len : NFC.spanQuickCheckYes(input);
        if (first == len && nfcClean == len) {
            return new Result(input, List.of());
        }
        Pass pass = new Pass(input, collapse, fold);
        List<Edit> edits = pass.run(first, nfcClean);
        if (edits.isEmpty()) {
            return new Result(input, List.of());
        }
        return new Result(pass.text(), List.copyOf(edits));
    }

    /**
     * Below U+0300 (the first combining mark) every char is NFC by itself and composes with nothing before it,
     * so a text of such chars is NFC without asking ICU, whose quick check reads the text through a
     * CharSequence.
     */
    private static final char FIRST_NOT_NFC_YES = '\u0300';

    private static boolean allBelow(String text, char limit) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= limit) {
                return false;
            }
        }
        return true;
    }

    /** The cheap per-char test: false means no rule can change this char (NFC is checked apart). */
    private static boolean mayChange(char c, boolean collapse, boolean fold) {
        if (c < 0x80) {
            if (c >= 0x20) {
                return c == '&' || c == 0x7F || (collapse && c == ' ');
            }
            return c != '\n' && c != '\r' && (c != '\t' || collapse);
        }
        if (c < 0xA0) {
            return true;
        }
        switch (c) {
            case 0xAD, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF:
                return true;
            case 0xA0, 0x202F, 0x2013, 0x2014, 0x2018, 0x2019, 0x201A, 0x201B, 0x201C, 0x201D, 0x201E,
                 0x201F, 0x2026:
                return fold;
            default:
                return false;
        }
    }

    /** The ASCII stand-in of a typographic char, or null. */
    private static String foldChar(int c) {
        return switch (c) {
            case 0x2018, 0x2019, 0x201A, 0x201B -> "'";
            case 0x201C, 0x201D, 0x201E, 0x201F -> "\"";
            case 0x2013, 0x2014 -> "-";
            case 0x2026 -> "...";
            case 0xA0, 0x202F -> " ";
            default -> null;
        };
    }

    private static String fold(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            String f = foldChar(s.charAt(i));
            if (f != null && b == null) {
                b = new StringBuilder(s.length() + 2).append(s, 0, i);
            }
            if (b != null) {
                if (f != null) {
                    b.append(f);
                } else {
                    b.append(s.charAt(i));
                }
            }
        }
        return b == null ? s : b.toString();
    }

    private static String foldNote(String before, String after) {
        return before.equals(after) ? "" : ", folded to " + (after.equals(" ") ? "a space" : after);
    }

    private static boolean removable(int c) {
        return c == 0xAD || c == 0x200B || c == 0x2060 || c == 0xFEFF;
    }

    private static boolean isLatinLetter(int cp) {
        if (cp < 0x80) {
            return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
        }
        return UCharacter.isLetter(cp) && UScript.getScript(cp) == UScript.LATIN;
    }

    static String hex(int cp) {
        return String.format(Locale.ROOT, "U+%04X", cp);
    }

    private static String describe(int cp) {
        String name = UCharacter.getName(cp);
        return (name == null ? "character" : name.toLowerCase(Locale.ROOT)) + " " + hex(cp);
    }

    private static String codePoints(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().forEach(cp -> b.append(b.length() == 0 ? "" : " ").append(hex(cp)));
        return b.toString();
    }

    /** The state of one normalise call that has something to look at; builds text and edits lazily. */
    private static final class Pass {
        private final String in;
        private final int len;
        private final boolean collapse;
        private final boolean fold;
        private final List<Edit> edits = new ArrayList<>();
        private StringBuilder out;
        private int copied;

        // The next NFC change: input span [nfcStart, nfcEnd) becomes nfcReplacement; search resumes at nfcNext.
        private int nfcStart = Integer.MAX_VALUE;
        private int nfcEnd;
        private int nfcNext;
        private String nfcReplacement;

        Pass(String in, boolean collapse, boolean fold) {
            this.in = in;
            this.len = in.length();
            this.collapse = collapse;
            this.fold = fold;
        }

        String text() {
            return out.append(in, copied, len).toString();
        }

        List<Edit> run(int first, int nfcClean) {
            if (nfcClean < len) {
                findNfc(0, nfcClean);
            }
            int i = Math.min(first, nfcStart);
            while (i < len) {
                if (i >= nfcStart) {
                    if (i == nfcStart) {
                        add(nfcStart, nfcEnd, nfcReplacement, UNICODE, "nfc", "normalised to NFC: "
                                + codePoints(in.substring(nfcStart, nfcEnd)) + " -> " + codePoints(nfcReplacement));
                        i = nfcEnd;
                    }
                    // A span another rule already consumed is dropped (cannot happen for NFC-inert rule chars).
                    nfcStart = Integer.MAX_VALUE;
                    findNfc(nfcNext, -1);
                    continue;
                }
                char c = in.charAt(i);
                i = mayChange(c, collapse, fold) ? handle(i, c) : i + 1;
            }
            return edits;
        }

        /** Applies the rule for the char at i, returns where scanning goes on. */
        private int handle(int i, char c) {
            if (collapse && (c == ' ' || c == '\t' || (fold && (c == 0xA0 || c == 0x202F)))) {
                int end = i + 1;
                while (end < len && isRunSpace(in.charAt(end))) {
                    end++;
                }
                if (end - i >= 2) {
                    String what = "collapsed " + (end - i) + " spaces/tabs to one space";
                    if (c == ' ') {
                        add(i + 1, end, "", UNICODE, "collapse-spaces", what);
                    } else {
                        add(i, end, " ", UNICODE, "collapse-spaces", what);
                    }
                    return end;
                }
                if (c == ' ' || c == '\t') {
                    return i + 1;
                }
            }
            if (c == '&') {
                return entity(i);
            }
            if (c < 0x20 || c == 0x7F) {
                String repl = c == 0x0B || c == 0x0C ? "\n" : "";
                add(i, i + 1, repl, UNICODE, "control",
                        (repl.isEmpty() ? "removed control character " : "replaced line-breaking control ")
                                + hex(c) + (repl.isEmpty() ? "" : " by a line feed"));
                return i + 1;
            }
            if (c < 0xA0) {
                String repl = CP1252[c - 0x80];
                if (repl == null) {
                    add(i, i + 1, "", UNICODE, "control", "removed C1 control character " + hex(c));
                } else {
                    String folded = fold ? fold(repl) : repl;
                    add(i, i + 1, folded, UNICODE, "cp1252", "replaced C1 control " + hex(c) + " by " + repl
                            + " (Windows-1252 text read as Latin-1)" + foldNote(repl, folded));
                }
                return i + 1;
            }
            if (removable(c)) {
                add(i, i + 1, "", UNICODE, "zero-width",
                        "removed " + (c == 0xFEFF && i == 0 ? "byte order mark " + hex(c) : describe(c)));
                return i + 1;
            }
            if (c == 0x200C || c == 0x200D) {
                return joiners(i);
            }
            String f = foldChar(c);
            if (f != null) {
                add(i, i + 1, f, UNICODE, "fold-typography", "folded " + describe(c) + " to " + f);
            }
            return i + 1;
        }

        private boolean isRunSpace(char c) {
            return c == ' ' || c == '\t' || (fold && (c == 0xA0 || c == 0x202F));
        }

        /** A run of ZWNJ/ZWJ is removed only between two Latin letters ("e\u200Dg"), kept anywhere else. */
        private int joiners(int i) {
            int end = i;
            while (end < len && (in.charAt(end) == 0x200C || in.charAt(end) == 0x200D)) {
                end++;
            }
            if (i > 0 && end < len && isLatinLetter(in.codePointBefore(i)) && isLatinLetter(in.codePointAt(end))) {
                for (int k = i; k < end; k++) {
                    add(k, k + 1, "", UNICODE, "zero-width", "removed " + describe(in.charAt(k)) + " between Latin letters");
                }
            }
            return end;
        }

        /** Decodes the entity at i ('&amp;') if there is one; returns where scanning goes on. */
        private int entity(int i) {
            int p = i + 1;
            if (p < len && in.charAt(p) == '#') {
                return numericEntity(i);
            }
            while (p < len && p - i - 1 < MAX_ENTITY_NAME && isAsciiAlnum(in.charAt(p))) {
                p++;
            }
            if (p == i + 1 || p >= len || in.charAt(p) != ';' || !isAsciiLetter(in.charAt(i + 1))) {
                return i + 1;
            }
            String decoded = ENTITIES.get(in.substring(i, p + 1));
            if (decoded == null) {
                return i + 1;
            }
            addEntity(i, p + 1, decoded);
            return p + 1;
        }

        private int numericEntity(int i) {
            int p = i + 2;
            boolean hexRef = p < len && (in.charAt(p) == 'x' || in.charAt(p) == 'X');
            int radix = hexRef ? 16 : 10;
            if (hexRef) {
                p++;
            }
            int digitsStart = p;
            long cp = 0;
            int d;
            while (p < len && p - digitsStart < 8 && (d = asciiDigit(in.charAt(p), radix)) >= 0) {
                cp = cp * radix + d;
                p++;
            }
            if (p == digitsStart || p >= len || in.charAt(p) != ';') {
                return i + 1;
            }
            String decoded = decodeCodePoint(cp);
            if (decoded == null) {
                return i + 1;
            }
            addEntity(i, p + 1, decoded);
            return p + 1;
        }

        private void addEntity(int start, int end, String decoded) {
            String entity = in.substring(start, end);
            String what = decoded.codePointCount(0, decoded.length()) == 1 ? describe(decoded.codePointAt(0)) : decoded;
            if (decoded.length() == 1 && removable(decoded.charAt(0))) {
                add(start, end, "", MARKUP, "html-entity", "removed HTML entity " + entity + " of " + what);
                return;
            }
            // A reference to a singleton such as the Ohm sign U+2126 decodes to its NFC form.
            String normal = NFC.normalize(decoded);
            String repl = fold ? fold(normal) : normal;
            add(start, end, repl, MARKUP, "html-entity", "decoded HTML entity " + entity + " to " + what
                    + (normal.equals(decoded) ? "" : ", NFC " + codePoints(normal)) + foldNote(normal, repl));
        }

        /**
         * Finds the next NFC change at or after {@code from} (a normalisation boundary). {@code clean} is the
         * already known end of the NFC prefix, or -1.
         */
        private void findNfc(int from, int clean) {
            while (from < len) {
                int q = clean >= 0 ? clean : from + NFC.spanQuickCheckYes(from == 0 ? in : CharBuffer.wrap(in, from, len));
                clean = -1;
                if (q >= len) {
                    return;
                }
                int segStart = q;
                while (segStart > from && !NFC.hasBoundaryBefore(in.codePointAt(segStart))) {
                    segStart -= Character.charCount(in.codePointBefore(segStart));
                }
                int segEnd = q + Character.charCount(in.codePointAt(q));
                while (segEnd < len && !NFC.hasBoundaryBefore(in.codePointAt(segEnd))) {
                    segEnd += Character.charCount(in.codePointAt(segEnd));
                }
                String original = in.substring(segStart, segEnd);
                String normal = NFC.normalize(original);
                if (!normal.equals(original)) {
                    setNfc(segStart, original, normal);
                    nfcNext = segEnd;
                    return;
                }
                from = segEnd;
            }
        }

        /** Records the NFC change of a segment, trimmed to the code points that actually change. */
        private void setNfc(int segStart, String original, String normal) {
            int p = 0;
            while (p < original.length() && p < normal.length() && original.codePointAt(p) == normal.codePointAt(p)) {
                p += Character.charCount(original.codePointAt(p));
            }
            int eo = original.length(), en = normal.length();
            while (eo > p && en > p && original.codePointBefore(eo) == normal.codePointBefore(en)) {
                int n = Character.charCount(original.codePointBefore(eo));
                eo -= n;
                en -= n;
            }
            if (eo == p) {
                p = 0;
                eo = original.length();
                en = normal.length();
            }
            nfcStart = segStart + p;
            nfcEnd = segStart + eo;
            String repl = normal.substring(p, en);
            nfcReplacement = fold ? fold(repl) : repl;
        }

        private void add(int start, int end, String replacement, String category, String rule, String explanation) {
            if (out == null) {
                out = new StringBuilder(len + 16);
            }
            out.append(in, copied, start).append(replacement);
            copied = end;
            edits.add(Edit.at(start, end, in.substring(start, end)).replacement(replacement).category(category)
                    .rule(rule).confidence(1.0).explanation(explanation).applied(true).build());
        }
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isAsciiAlnum(char c) {
        return isAsciiLetter(c) || (c >= '0' && c <= '9');
    }

    private static int asciiDigit(char c, int radix) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        char lower = (char) (c | 0x20);
        return radix == 16 && lower >= 'a' && lower <= 'f' ? lower - 'a' + 10 : -1;
    }

    /**
     * The text a numeric character reference stands for, or null to leave it alone: U+0080..U+009F are read
     * as Windows-1252 (as HTML5 does); other controls, surrogates, noncharacters and values past U+10FFFF are
     * not decoded.
     */
    private static String decodeCodePoint(long value) {
        if (value > 0x10FFFF) {
            return null;
        }
        int cp = (int) value;
        if (cp >= 0x80 && cp <= 0x9F) {
            return CP1252[cp - 0x80];
        }
        boolean control = (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || cp == 0x7F;
        if (control || (cp >= 0xD800 && cp <= 0xDFFF) || isNonCharacter(cp)) {
            return null;
        }
        return Character.toString(cp);
    }

    private static boolean isNonCharacter(int cp) {
        return (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE;
    }

    private static Map<String, String> entities() {
        Map<String, String> m = new HashMap<>();
        for (Map<CharSequence, CharSequence> table : List.of(EntityArrays.BASIC_UNESCAPE,
                EntityArrays.APOS_UNESCAPE, EntityArrays.ISO8859_1_UNESCAPE, EntityArrays.HTML40_EXTENDED_UNESCAPE)) {
            table.forEach((k, v) -> m.put(k.toString(), v.toString()));
        }
        return Map.copyOf(m);
    }

    private static String[] cp1252() {
        Charset cs = Charset.forName("windows-1252");
        String[] t = new String[0x20];
        for (int b = 0x80; b < 0xA0; b++) {
            String s = new String(new byte[] {(byte) b}, cs);
            // Java maps the undefined bytes to U+FFFD or to the C1 control itself.
            t[b - 0x80] = s.length() == 1 && (s.charAt(0) == 0xFFFD || s.charAt(0) == b) ? null : s;
        }
        return t;
    }
}
