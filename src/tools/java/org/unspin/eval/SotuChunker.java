package org.unspin.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts a State of the Union address into evaluation documents of 300+ words: the Java twin of
 * {@code testdata/eval/evalsplit.py} (rules in {@code testdata/eval/README.md}). It must give the same chunks
 * as the Python reference, so "whitespace" here is Python's {@code str.isspace()} set, not Java's.
 */
public final class SotuChunker {
    public static final int CHUNK_MIN_WORDS = 300;

    /** Python's {@code \s} / {@code str.isspace()} for str patterns. */
    private static final String SPACE = "[\\t\\n\\x0B\\f\\r\\x1C-\\x1F\\x85\\p{Z}]";
    private static final Pattern BOUNDARY = Pattern.compile(
            "[.!?][\"'\u201d\u2019)\\]]*(?=" + SPACE + "+[\"'\u201c\u2018(\\[]*[A-Z0-9])");
    private static final Pattern INITIALISM = Pattern.compile("(?:[A-Za-z]\\.)+[A-Za-z]");
    private static final String OPENERS = "\"'(\u201c\u2018[";
    private static final Set<String> ABBREVIATIONS = Set.of("Mr", "Mrs", "Ms", "Messrs", "Dr", "St", "Gen",
            "Gov", "Hon", "Jr", "Sr", "No", "Nos", "Col", "Capt", "Lt", "Rev", "Sen", "Rep", "Prof", "vs", "Jan",
            "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Co", "Inc", "Ltd",
            "Vol", "Art", "Sec");

    private SotuChunker() {
    }

    /** Python's {@code str.isspace()} for one UTF-16 unit (all such characters are in the BMP). */
    static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
    }

    /** Words as maximal runs of non-whitespace characters ({@code len(text.split())}). */
    public static int words(CharSequence text) {
        int count = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            boolean space = isSpace(text.charAt(i));
            if (!space && !inWord) {
                count++;
            }
            inWord = !space;
        }
        return count;
    }

    /** Sentence spans {start, end}; whitespace between sentences belongs to none. */
    public static List<int[]> sentences(String text) {
        List<int[]> spans = new ArrayList<>();
        int start = 0;
        Matcher m = BOUNDARY.matcher(text);
        while (m.find()) {
            if (text.charAt(m.start()) == '.' && isAbbreviation(wordBefore(text, start, m.start()))) {
                continue;
            }
            spans.add(new int[] {start, m.end()});
            start = m.end();
            while (start < text.length() && isSpace(text.charAt(start))) {
                start++;
            }
        }
        int end = text.length();
        while (end > start && isSpace(text.charAt(end - 1))) {
            end--;
        }
        if (end > start) {
            spans.add(new int[] {start, end});
        }
        return spans;
    }

    /** Consecutive sentences closed as soon as they hold 300+ words; a shorter remainder is dropped. */
    public static List<String> chunks(String text) {
        List<String> out = new ArrayList<>();
        int first = -1, count = 0;
        for (int[] s : sentences(text)) {
            if (first < 0) {
                first = s[0];
            }
            count += words(text.subSequence(s[0], s[1]));
            if (count >= CHUNK_MIN_WORDS) {
                out.add(text.substring(first, s[1]));
                first = -1;
                count = 0;
            }
        }
        return out;
    }

    /**
     * The word before a period, as the reference's {@code re.search(r'(\S*)$', ...)} finds it (Python's
     * {@code $} also matches before a final newline), without leading opening quotes or brackets.
     */
    private static String wordBefore(String text, int from, int to) {
        int end = to > from && text.charAt(to - 1) == '\n' ? to - 1 : to;
        int begin = end;
        while (begin > from && !isSpace(text.charAt(begin - 1))) {
            begin--;
        }
        while (begin < end && OPENERS.indexOf(text.charAt(begin)) >= 0) {
            begin++;
        }
        return text.substring(begin, end);
    }

    private static boolean isAbbreviation(String word) {
        return ABBREVIATIONS.contains(word)
                || word.length() == 1 && isAsciiLetter(word.charAt(0))
                || INITIALISM.matcher(word).matches();
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
    }
}
