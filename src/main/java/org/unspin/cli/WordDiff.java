package org.unspin.cli;

import java.util.ArrayList;
import java.util.List;
import org.unspin.Repair;
import org.unspin.edit.Edit;

/**
 * The input text with its edits marked in place, like {@code git diff --word-diff}: every line of the input,
 * behind a line-number gutter, with a rewrite shown as {@code [-old-]{+new+}} and (when {@code reports} is
 * on, for {@code check}) a finding that is only reported as {@code [?old?]{?suggestion?}} ({@code [?old?]}
 * without a suggestion). In colour the rewrite is red then green without brackets, as git shows it, and a
 * report is yellow with its suggestion in cyan. With {@code explain} each edit's reason follows the line
 * where the edit ends. Built from the edits' exact spans, so there is no text matching. Invisible characters
 * in a marked span (zero-width space, control characters) are shown as {@code \}{@code uXXXX}.
 */
final class WordDiff {
    private static final String RED = "\033[31m", GREEN = "\033[32m", YELLOW = "\033[33m", CYAN = "\033[36m",
            DIM = "\033[2m", RESET = "\033[m";

    private final String input;
    private final boolean color;
    private final boolean explain;
    private final int width;
    private final StringBuilder out = new StringBuilder();
    private final List<Edit> pendingReasons = new ArrayList<>();
    private int line = 1;
    /** Whether the current output line has its gutter, and whether that gutter shows a line number. */
    private boolean lineOpen;
    private boolean nextNumbered = true;

    private WordDiff(String input, boolean color, boolean explain) {
        this.input = input;
        this.color = color;
        this.explain = explain;
        this.width = Integer.toString(Math.max(1, new LineIndex(input).lineCount())).length();
    }

    /** The marked text of {@code repair}; empty for an empty input. */
    static String of(Repair repair, boolean reports, boolean color, boolean explain) {
        WordDiff d = new WordDiff(repair.input(), color, explain);
        return d.render(repair.edits(), reports);
    }

    /** The line that names an input when several are shown: {@code ==> name <==} (bold in colour). */
    static String header(String name, boolean color) {
        return (color ? "\033[1m==> " + name + " <==" + RESET : "==> " + name + " <==") + "\n";
    }

    private String render(List<Edit> edits, boolean reports) {
        int pos = 0;
        for (Edit e : edits) {
            boolean rewrite = e.applied() && !e.replacement().equals(e.original());
            if (!rewrite && !(reports && !e.applied())) {
                continue;
            }
            text(input.substring(pos, e.start()), null, false);
            if (rewrite) {
                marked(e.original(), "[-", "-]", RED, false);
                marked(e.replacement(), "{+", "+}", GREEN, true);
            } else {
                marked(e.original(), "[?", "?]", YELLOW, false);
                if (e.replacement() != null) {
                    text("{?" + visible(e.replacement()) + "?}", CYAN, true);
                }
            }
            pendingReasons.add(e);
            pos = e.end();
        }
        text(input.substring(pos), null, false);
        if (lineOpen) {
            endLine();
        }
        return out.toString();
    }

    /** A marked span: brackets in plain text, colour alone otherwise (git's style). */
    private void marked(String s, String open, String close, String colour, boolean inserted) {
        String v = visible(s);
        text(color ? v : open + v + close, colour, inserted);
    }

    /**
     * Appends {@code s} in {@code colour} (null: plain). A line break of the input starts the next numbered
     * line; one that only a replacement holds ({@code inserted}) starts a line with a blank gutter.
     */
    private void text(String s, String colour, boolean inserted) {
        int from = 0;
        while (true) {
            int nl = s.indexOf('\n', from);
            String piece = nl < 0 ? s.substring(from) : s.substring(from, nl);
            if (!piece.isEmpty()) {
                if (!lineOpen) {
                    gutter();
                    out.append(' ');
                }
                out.append(color && colour != null ? colour + piece + RESET : piece);
            }
            if (nl < 0) {
                return;
            }
            if (!lineOpen) {
                gutter(); // an empty line
            }
            endLine();
            if (inserted) {
                nextNumbered = false;
            } else {
                line++;
                nextNumbered = true;
            }
            from = nl + 1;
        }
    }

    private void gutter() {
        String n = nextNumbered ? Integer.toString(line) : "";
        String g = " ".repeat(width - n.length()) + n + " |";
        out.append(color ? DIM + g + RESET : g);
        lineOpen = true;
    }

    private void endLine() {
        out.append('\n');
        lineOpen = false;
        reasons();
    }

    /** The reasons of the edits shown on the line just ended. */
    private void reasons() {
        if (!explain) {
            pendingReasons.clear();
            return;
        }
        for (Edit e : pendingReasons) {
            String r = " ".repeat(width) + " |   ^ " + FindingFormat.describe(e);
            out.append(color ? DIM + r + RESET : r).append('\n');
        }
        pendingReasons.clear();
    }

    /** Escapes characters that would be invisible or break the layout inside a marked span. */
    private static String visible(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            int type = Character.getType(c);
            if (c != '\n' && c != '\t' && (type == Character.CONTROL || type == Character.FORMAT)) {
                sb.append(String.format("\\u%04X", c));
            } else {
                sb.appendCodePoint(c);
            }
        });
        return sb.toString();
    }
}
