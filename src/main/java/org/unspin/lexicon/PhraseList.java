package org.unspin.lexicon;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Allow- and deny-list files: the user's own verdicts on phrases, which win over every detector.
 *
 * <h2>Format</h2>
 * UTF-8 TSV as for phrase tables: lines starting with {@code #} and blank lines are ignored, the first other
 * line is the header, every row has exactly as many tab-separated fields as the header. Columns:
 * <ul>
 *   <li>{@code phrase} (required): matched like a phrase-table key, on token boundaries, ignoring case and
 *       curly versus straight apostrophes; a space matches any whitespace run with at most one line break.</li>
 *   <li>{@code replacement} (optional, may be empty). Allow list: only findings that suggest this
 *       replacement (compared the same way) are suppressed; empty suppresses every finding. Deny list: the
 *       phrase is rewritten to it, with the case rules of phrase tables; empty only reports the phrase.</li>
 *   <li>{@code category}, {@code note} (optional, deny list): the edit's category (default
 *       {@value #DENY_CATEGORY}) and a note for its explanation. In an allow list they are ignored.</li>
 * </ul>
 * Any other column is ignored, so the export of the HTML report ({@code phrase, replacement, category,
 * document, note}) is an allow list as it stands. Problems are reported as {@link DictionaryException}
 * naming {@code file:line}: missing header or phrase column, wrong field count, a phrase without tokens, a
 * replacement with outer spaces or (deny lists) equal to its phrase, a bad category, a phrase denied twice.
 */
public final class PhraseList {
    /** Category of deny-list edits whose row names none. */
    public static final String DENY_CATEGORY = "deny-list";
    private static final Pattern CATEGORY = Pattern.compile("[a-z][a-z0-9-]*");

    /** Which kind of list a file is; deny lists reject duplicate phrases, allow lists do not care. */
    public enum Kind { ALLOW, DENY }

    /**
     * One row.
     *
     * @param phrase      the phrase as written in the file
     * @param replacement the replacement, or null when the field is empty or missing
     * @param category    the category (deny lists; {@link #DENY_CATEGORY} by default)
     * @param note        free text, may be empty
     * @param file        the file it came from
     * @param line        its 1-based line there
     */
    public record Row(String phrase, String replacement, String category, String note, String file, int line) {
        public String source() {
            return file + ":" + line;
        }
    }

    private PhraseList() {
    }

    /** Reads and validates one list file. */
    public static List<Row> read(Path file, Kind kind) {
        String name = file.toString();
        return parse(name, ShippedFiles.readBytes(name, file), kind);
    }

    static List<Row> parse(String file, byte[] bytes, Kind kind) {
        List<Row> rows = new ArrayList<>();
        List<List<String>> header = new ArrayList<>(1);
        int lines = TableParser.eachRow(file, bytes, (line, fields) -> {
            if (header.isEmpty()) {
                header.add(header(file, line, fields));
                return;
            }
            List<String> columns = header.get(0);
            if (fields.length != columns.size()) {
                throw new DictionaryException(file, line,
                        "expected " + columns.size() + " tab-separated fields, found " + fields.length);
            }
            rows.add(row(file, line, kind, field(columns, fields, "phrase"), field(columns, fields, "replacement"),
                    field(columns, fields, "category"), field(columns, fields, "note")));
        });
        if (header.isEmpty()) {
            throw new DictionaryException(file, Math.max(1, lines),
                    "missing header: expected a line naming the column phrase (and optionally replacement)");
        }
        checkDuplicates(rows, kind);
        return rows;
    }

    /** A row given in code rather than in a file (named {@code file}, {@code line}), validated like a file row. */
    public static Row row(String file, int line, Kind kind, String phrase, String replacement) {
        return row(file, line, kind, phrase, replacement == null ? "" : replacement, "", "");
    }

    /** Fails on the first phrase that a deny list names twice (both places named). */
    public static void checkDuplicates(List<Row> rows, Kind kind) {
        if (kind != Kind.DENY) {
            return;
        }
        Map<PhraseKey, Row> seen = new HashMap<>();
        for (Row r : rows) {
            Row earlier = seen.putIfAbsent(PhraseKey.of(r.phrase()), r);
            if (earlier != null) {
                throw new DictionaryException(r.file(), r.line(),
                        "phrase '" + r.phrase() + "' is already denied at " + earlier.source());
            }
        }
    }

    private static List<String> header(String file, int line, String[] names) {
        List<String> columns = new ArrayList<>();
        for (String name : names) {
            String column = name.strip();
            if (columns.contains(column)) {
                throw new DictionaryException(file, line, "header names column '" + column + "' twice");
            }
            columns.add(column);
        }
        if (!columns.contains("phrase")) {
            throw new DictionaryException(file, line,
                    "missing header: expected a line naming the column phrase (and optionally replacement)");
        }
        return columns;
    }

    private static String field(List<String> header, String[] fields, String column) {
        int i = header.indexOf(column);
        return i < 0 ? "" : fields[i];
    }

    private static Row row(String file, int line, Kind kind, String phrase, String replacement, String category,
                           String note) {
        if (PhraseKey.of(phrase).isEmpty()) {
            throw new DictionaryException(file, line, "phrase '" + phrase + "' has no tokens");
        }
        if (kind == Kind.DENY && !TableParser.hasLetterOrDigit(phrase)) {
            throw new DictionaryException(file, line, "phrase '" + phrase
                    + "' has no letter or digit: denying it would rewrite punctuation in ordinary text");
        }
        if (!replacement.strip().equals(replacement)) {
            throw new DictionaryException(file, line,
                    "replacement '" + replacement + "' has leading or trailing spaces");
        }
        // A case-only rewrite ("united states" to "United States") is a legitimate deny row.
        if (kind == Kind.DENY && replacement.equals(phrase)) {
            throw new DictionaryException(file, line, "phrase '" + phrase + "' equals its replacement");
        }
        if (kind == Kind.DENY && !category.isEmpty() && !CATEGORY.matcher(category).matches()) {
            throw new DictionaryException(file, line, "category '" + category + "' does not match [a-z][a-z0-9-]*");
        }
        return new Row(phrase, replacement.isEmpty() ? null : replacement,
                kind == Kind.DENY && !category.isEmpty() ? category : DENY_CATEGORY, note, file, line);
    }
}
