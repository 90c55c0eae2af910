package org.unspin.cli;

import org.unspin.edit.Edit;

/**
 * The one-line report of an edit used by {@code check} and {@code fix --explain}:
 * {@code file:line:col: category: 'original' -> 'suggestion' (explanation)}, plus {@code [report]} at the end
 * when fix would leave the span unchanged (confidence below the threshold). Line and column are 1-based,
 * the column counts code points; a missing suggestion prints as {@code ?}; control characters inside the
 * quotes are escaped ({@code \n}, {@code \t}, {@code \r}, {@code \}{@code uXXXX}).
 */
final class FindingFormat {
    /** Suffix of findings that are reported but not rewritten. */
    static final String REPORT_ONLY = " [report]";

    private FindingFormat() {
    }

    static String format(String file, LineIndex lines, Edit e) {
        return file + ':' + lines.line(e.start()) + ':' + lines.column(e.start()) + ": " + describe(e);
    }

    /** The part after the position: {@code category: 'original' -> 'suggestion' (explanation)[ [report]]}. */
    static String describe(Edit e) {
        StringBuilder sb = new StringBuilder();
        sb.append(e.category()).append(": '").append(escape(e.original())).append("' -> ")
                .append(e.replacement() == null ? "?" : "'" + escape(e.replacement()) + "'")
                .append(" (").append(escape(e.explanation())).append(')');
        if (!e.applied()) {
            sb.append(REPORT_ONLY);
        }
        return sb.toString();
    }

    /** Keeps a finding on one line: control characters become escapes. */
    static String escape(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String esc = switch (c) {
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                case '\t' -> "\\t";
                default -> Character.isISOControl(c) || c == '\u2028' || c == '\u2029'
                        ? String.format("\\u%04X", (int) c) : null;
            };
            if (esc != null && sb == null) {
                sb = new StringBuilder(s.length() + 8).append(s, 0, i);
            }
            if (sb != null) {
                if (esc != null) {
                    sb.append(esc);
                } else {
                    sb.append(c);
                }
            }
        }
        return sb == null ? s : sb.toString();
    }
}
