package org.unspin.cli;

import java.util.ArrayList;
import java.util.List;
import org.unspin.Repair;
import org.unspin.edit.Edit;

/**
 * A unified diff ({@code diff -u} style, 3 lines of context) of a repair, built from its applied edits: the
 * edits already say exactly which spans changed, so no line matching is needed. Each changed span is widened
 * to whole lines on both sides; spans that share or touch lines become one change, and changes closer than
 * twice the context share a hunk. A missing final newline is marked as diff and patch expect.
 */
final class UnifiedDiff {
    static final int CONTEXT = 3;

    /** A block of whole lines: input lines [inFrom, inTo) became output lines [outFrom, outTo). */
    private record Change(int inFrom, int inTo, int outFrom, int outTo) {
    }

    private UnifiedDiff() {
    }

    /** The diff of {@code repair} under the file name {@code name}; empty when nothing changed. */
    static String of(String name, Repair repair) {
        String in = repair.input();
        String out = repair.text();
        LineIndex inLines = new LineIndex(in);
        LineIndex outLines = new LineIndex(out);
        List<Change> changes = changes(in, out, repair.edits(), inLines, outLines);
        if (changes.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        sb.append("--- a/").append(name).append('\n').append("+++ b/").append(name).append('\n');
        int i = 0;
        while (i < changes.size()) {
            int j = i;
            while (j + 1 < changes.size() && changes.get(j + 1).inFrom() - changes.get(j).inTo() <= 2 * CONTEXT) {
                j++;
            }
            hunk(sb, changes.subList(i, j + 1), inLines, outLines);
            i = j + 1;
        }
        return sb.toString();
    }

    private static List<Change> changes(String in, String out, List<Edit> edits, LineIndex inLines,
                                        LineIndex outLines) {
        List<Change> changes = new ArrayList<>();
        int delta = 0; // output offset minus input offset after the edits seen so far
        int a = -1, aOut = -1, b = -1, bOut = -1; // the open block, in input and output offsets
        for (Edit e : edits) {
            if (!e.applied()) {
                continue;
            }
            int s = e.start(), t = e.end();
            int sOut = s + delta, tOut = sOut + e.replacement().length();
            delta = tOut - t;
            if (e.replacement().equals(e.original())) {
                continue;
            }
            int lineStart = in.lastIndexOf('\n', s - 1) + 1;
            if (a < 0 || b < lineStart) {
                if (a >= 0) {
                    add(changes, change(a, b, aOut, bOut, inLines, outLines));
                }
                a = lineStart;
                aOut = sOut - (s - lineStart); // the text between is unchanged
            }
            // The block may end right after the edit only if both sides are at a line start there.
            boolean atLineStart = (t == 0 || t == in.length() || in.charAt(t - 1) == '\n')
                    && (tOut == 0 || out.charAt(tOut - 1) == '\n');
            if (atLineStart) {
                b = t;
            } else {
                int nl = in.indexOf('\n', t);
                b = nl < 0 ? in.length() : nl + 1;
            }
            bOut = tOut + (b - t); // a later edit inside [t, b) joins this block and moves b again
        }
        if (a >= 0) {
            add(changes, change(a, b, aOut, bOut, inLines, outLines));
        }
        return changes;
    }

    /** The block as whole lines, less lines that came out unchanged at its ends; null if nothing is left. */
    private static Change change(int a, int b, int aOut, int bOut, LineIndex inLines, LineIndex outLines) {
        int inFrom = lineAt(a, inLines), inTo = lineAt(b, inLines);
        int outFrom = lineAt(aOut, outLines), outTo = lineAt(bOut, outLines);
        while (inFrom < inTo && outFrom < outTo && inLines.lineText(inFrom).equals(outLines.lineText(outFrom))) {
            inFrom++;
            outFrom++;
        }
        while (inFrom < inTo && outFrom < outTo
                && inLines.lineText(inTo - 1).equals(outLines.lineText(outTo - 1))) {
            inTo--;
            outTo--;
        }
        return inFrom == inTo && outFrom == outTo ? null : new Change(inFrom, inTo, outFrom, outTo);
    }

    private static void add(List<Change> changes, Change change) {
        if (change != null) {
            changes.add(change);
        }
    }

    /** Index of the line starting at {@code boundary} (a line start or the text end). */
    private static int lineAt(int boundary, LineIndex lines) {
        return boundary == lines.start(lines.lineCount()) ? lines.lineCount() : lines.lineOf(boundary);
    }

    private static void hunk(StringBuilder sb, List<Change> changes, LineIndex inLines, LineIndex outLines) {
        Change first = changes.get(0);
        Change last = changes.get(changes.size() - 1);
        int inStart = Math.max(0, first.inFrom() - CONTEXT);
        int outStart = first.outFrom() - (first.inFrom() - inStart);
        int inEnd = Math.min(inLines.lineCount(), last.inTo() + CONTEXT);
        int outEnd = last.outTo() + (inEnd - last.inTo());
        sb.append("@@ -").append(range(inStart, inEnd - inStart)).append(" +").append(range(outStart, outEnd - outStart))
                .append(" @@\n");
        int line = inStart;
        for (Change c : changes) {
            for (; line < c.inFrom(); line++) {
                line(sb, ' ', inLines.lineText(line));
            }
            for (int i = c.inFrom(); i < c.inTo(); i++) {
                line(sb, '-', inLines.lineText(i));
            }
            for (int i = c.outFrom(); i < c.outTo(); i++) {
                line(sb, '+', outLines.lineText(i));
            }
            line = c.inTo();
        }
        for (; line < inEnd; line++) {
            line(sb, ' ', inLines.lineText(line));
        }
    }

    /** GNU style: "start,count", count omitted when 1, and an empty range names the line before it. */
    private static String range(int from, int count) {
        if (count == 1) {
            return Integer.toString(from + 1);
        }
        return (count == 0 ? from : from + 1) + "," + count;
    }

    private static void line(StringBuilder sb, char mark, String text) {
        sb.append(mark).append(text);
        if (!text.endsWith("\n")) {
            sb.append("\n\\ No newline at end of file\n");
        }
    }
}
