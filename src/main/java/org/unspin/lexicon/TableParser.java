package org.unspin.lexicon;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.unspin.normalise.Utf8;

/** Parses and validates phrase-table files (format: see {@link PhraseTable}); keeps state across files. */
final class TableParser {
    private static final List<String> REQUIRED = List.of("spun", "canonical", "category", "confidence", "note");
    private static final Pattern CATEGORY = Pattern.compile("[a-z][a-z0-9-]*");
    private static final Pattern DECIMAL = Pattern.compile("[0-9]+(\\.[0-9]+)?|\\.[0-9]+");

    private final List<PhraseEntry> entries = new ArrayList<>();
    private final Map<PhraseKey, PhraseEntry> byKey = new HashMap<>();

    List<PhraseEntry> entries() {
        return entries;
    }

    /** Receives the tab-separated fields of one non-blank, non-comment line and its 1-based number. */
    interface RowHandler {
        void row(int line, String[] fields);
    }

    /**
     * Walks a TSV file of ours (phrase tables, allow and deny lists): strict UTF-8, CRLF or LF, a leading BOM
     * ignored, blank lines and {@code #} comments skipped. Returns the number of the file's last line (a final
     * line break does not start another).
     */
    static int eachRow(String file, byte[] bytes, RowHandler handler) {
        String[] lines = decode(file, bytes).split("\n", -1);
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n];
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            if (n == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (!line.isBlank() && !line.startsWith("#")) {
                handler.row(n + 1, line.split("\t", -1));
            }
        }
        return lines[lines.length - 1].isEmpty() ? lines.length - 1 : lines.length;
    }

    void parse(String file, byte[] bytes) {
        int[][] columns = {null}; // index of each REQUIRED column, once the header is read
        int[] width = {0};
        int lastLine = eachRow(file, bytes, (line, fields) -> {
            if (columns[0] == null) {
                columns[0] = header(file, line, fields);
                width[0] = fields.length;
            } else {
                row(file, line, fields, columns[0], width[0]);
            }
        });
        if (columns[0] == null) {
            throw new DictionaryException(file, Math.max(1, lastLine),
                    "missing header: expected a line naming the columns " + String.join(", ", REQUIRED));
        }
    }

    private static int[] header(String file, int line, String[] names) {
        List<String> seen = new ArrayList<>();
        for (String name : names) {
            String column = name.strip();
            if (seen.contains(column)) {
                throw new DictionaryException(file, line, "header names column '" + column + "' twice");
            }
            seen.add(column);
        }
        int[] columns = new int[REQUIRED.size()];
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < columns.length; i++) {
            columns[i] = seen.indexOf(REQUIRED.get(i));
            if (columns[i] < 0) {
                missing.add(REQUIRED.get(i));
            }
        }
        if (missing.size() == REQUIRED.size()) {
            throw new DictionaryException(file, line,
                    "missing header: expected a line naming the columns " + String.join(", ", REQUIRED));
        }
        if (!missing.isEmpty()) {
            throw new DictionaryException(file, line, "header lacks required column(s) " + String.join(", ", missing));
        }
        return columns;
    }

    private void row(String file, int line, String[] fields, int[] columns, int width) {
        if (fields.length != width) {
            throw new DictionaryException(file, line,
                    "expected " + width + " tab-separated fields, found " + fields.length);
        }
        String spun = fields[columns[0]];
        String canonical = fields[columns[1]];
        String category = fields[columns[2]];
        String confidence = fields[columns[3]];
        String note = fields[columns[4]];
        for (int i = 0; i < 4; i++) {
            if (fields[columns[i]].isEmpty()) {
                throw new DictionaryException(file, line, "empty " + REQUIRED.get(i) + " field");
            }
        }
        if (!CATEGORY.matcher(category).matches()) {
            throw new DictionaryException(file, line, "category '" + category + "' does not match [a-z][a-z0-9-]*");
        }
        double value = DECIMAL.matcher(confidence).matches() ? Double.parseDouble(confidence) : Double.NaN;
        if (!(value >= 0 && value <= 1)) {
            throw new DictionaryException(file, line, "confidence '" + confidence + "' is not a number in [0,1]");
        }
        if (!canonical.strip().equals(canonical)) {
            throw new DictionaryException(file, line, "canonical '" + canonical + "' has leading or trailing spaces");
        }
        PhraseKey key = PhraseKey.of(spun);
        if (key.isEmpty()) {
            throw new DictionaryException(file, line, "spun phrase '" + spun + "' has no tokens");
        }
        if (!hasLetterOrDigit(spun)) {
            throw new DictionaryException(file, line, "spun phrase '" + spun
                    + "' has no letter or digit: it would rewrite punctuation in ordinary text");
        }
        if (key.equals(PhraseKey.of(canonical))) {
            throw new DictionaryException(file, line, "spun phrase '" + spun + "' equals its canonical '" + canonical + "'");
        }
        PhraseEntry entry = new PhraseEntry(spun, canonical, category, value, note, file, line);
        PhraseEntry earlier = byKey.putIfAbsent(key, entry);
        if (earlier != null) {
            String reason = earlier.canonical().equals(canonical)
                    ? "spun phrase '" + spun + "' is a duplicate of " + earlier.source()
                    : "spun phrase '" + spun + "' maps to '" + canonical + "' here but to '" + earlier.canonical()
                            + "' at " + earlier.source();
            throw new DictionaryException(file, line, reason);
        }
        entries.add(entry);
    }

    /** Whether a phrase has a letter or a digit; a dictionary row whose spun side has none is rejected. */
    static boolean hasLetterOrDigit(String phrase) {
        return phrase.codePoints().anyMatch(Character::isLetterOrDigit);
    }

    /** Strict UTF-8 decoding ({@link Utf8}); the error names the line and byte offset of the first bad byte. */
    static String decode(String file, byte[] bytes) {
        Utf8.Decoded decoded = Utf8.decode(bytes);
        if (decoded.bad()) {
            throw new DictionaryException(file, (int) Utf8.lineOf(bytes, decoded.badOffset()),
                    Utf8.invalidAt(decoded.badOffset()));
        }
        return decoded.text();
    }
}
