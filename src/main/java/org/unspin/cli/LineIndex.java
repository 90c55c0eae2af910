package org.unspin.cli;

import java.util.Arrays;

/**
 * Line starts of a text, for turning UTF-16 offsets into 1-based line and column numbers and for cutting the
 * text into lines. Only {@code \n} ends a line (a {@code \r} before it stays part of the line, as in diff).
 * Columns count Unicode code points, so an emoji or a CJK extension character is one column. Columns asked
 * in ascending order (findings are) are counted on from the previous one, so a run over a long line is linear
 * in its length, not quadratic; an instance is for one thread.
 */
final class LineIndex {
    private final String text;
    private final int[] starts;
    /** The last column asked: its offset, line and 1-based column. */
    private int lastOffset = -1;
    private int lastLine;
    private int lastColumn;

    LineIndex(String text) {
        this.text = text;
        int[] s = new int[16];
        int n = 0;
        s[n++] = 0;
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
            if (n == s.length) {
                s = Arrays.copyOf(s, n * 2);
            }
            s[n++] = i + 1;
        }
        // A text ending in \n has no further line: the last start would be an empty phantom line.
        if (n > 1 && s[n - 1] == text.length()) {
            n--;
        }
        this.starts = Arrays.copyOf(s, n);
    }

    /** Number of lines; the empty text has none. */
    int lineCount() {
        return text.isEmpty() ? 0 : starts.length;
    }

    /** 0-based line holding offset {@code p}; the end of a text that ends in {@code \n} is past the last line. */
    int lineOf(int p) {
        if (p == text.length() && p > 0 && text.charAt(p - 1) == '\n') {
            return starts.length;
        }
        int i = Arrays.binarySearch(starts, p);
        return i >= 0 ? i : -i - 2;
    }

    /** 1-based line of offset {@code p}. */
    int line(int p) {
        return lineOf(p) + 1;
    }

    /** 1-based column of offset {@code p}, in code points. */
    int column(int p) {
        int line = lineOf(p);
        int column;
        if (line == lastLine && lastOffset >= 0 && p >= lastOffset && !splitsPair(lastOffset)) {
            column = lastColumn + text.codePointCount(lastOffset, p);
        } else {
            column = text.codePointCount(start(line), p) + 1;
        }
        lastOffset = p;
        lastLine = line;
        lastColumn = column;
        return column;
    }

    /** Whether offset {@code p} falls between the two halves of a surrogate pair. */
    private boolean splitsPair(int p) {
        return p > 0 && p < text.length() && Character.isLowSurrogate(text.charAt(p))
                && Character.isHighSurrogate(text.charAt(p - 1));
    }

    /** Offset where 0-based {@code line} starts; {@code lineCount()} gives the text length. */
    int start(int line) {
        return line < starts.length ? starts[line] : text.length();
    }

    /** 0-based line {@code line} including its {@code \n}, if it has one. */
    String lineText(int line) {
        return text.substring(start(line), start(line + 1));
    }
}
