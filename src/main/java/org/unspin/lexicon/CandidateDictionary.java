package org.unspin.lexicon;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a spinner may have written for what: observed word or phrase (1 to {@link #MAX_TOKENS} tokens) → a few
 * candidate originals, each with a weight. The restorer proposes only these candidates and lets the language
 * model decide; a dictionary is therefore allowed to be generous with ordinary words, as long as its rows are
 * substitutions spinners really make.
 *
 * <p>Three sources, one row type:
 * <ul>
 *   <li>hand-written files in {@code dictionaries/candidates/*.tsv} (function words, short phrases, idioms);</li>
 *   <li>the curated phrase tables cut into the words and phrases they change ({@link #cut(PhraseTable)});</li>
 *   <li>substitutions {@code unspin learn} mined from a corpus, carried by the corpus model.</li>
 * </ul>
 *
 * <p>File format (TSV, strict UTF-8, {@code #} comments, a header naming the columns):
 * {@code observed, original, weight, example, note}. {@code weight} in (0, 1] is how often the observed form,
 * when out of place, stands for this original. {@code example} is a clean text in which the original is
 * written between square brackets ("cats [as well as] dogs"): a test puts the observed form there and checks
 * that the language model prefers the original. Keys are folded like phrase-table keys (case, curly
 * apostrophes). Immutable and thread-safe.
 */
public final class CandidateDictionary {
    /** Longest observed span, in tokens. */
    public static final int MAX_TOKENS = 4;
    public static final String SHIPPED_FOLDER = "dictionaries/candidates";
    private static final List<String> COLUMNS = List.of("observed", "original", "weight", "example", "note");
    private static final Pattern DECIMAL = Pattern.compile("[0-9]+(\\.[0-9]+)?|\\.[0-9]+");

    /**
     * One candidate.
     *
     * @param observed the folded observed tokens joined by single spaces (the lookup key)
     * @param original the candidate original, as it should be written (case comes from the text)
     * @param weight   (0, 1]: prior that the observed form stands for this original
     * @param source   where the row comes from: {@code file:line}, {@code spun-news.tsv:12} for a cut table
     *                 row, or {@code corpus-model} for a mined one
     * @param example  a clean example with the original in [brackets], or empty
     * @param note     free text for people (for mined rows: counts and documents)
     * @param knownPhraseOnly whether the candidate may only be restored where it makes a known phrase (a name,
     *                 title or term of the lexicon) and the text as written is unattested there: true for rows
     *                 cut from the phrase tables, whose words are only evidence inside such phrases
     */
    public record Row(String observed, String original, double weight, String source, String example, String note,
                      boolean knownPhraseOnly) {
        public Row {
            if (!(weight > 0 && weight <= 1)) {
                throw new IllegalArgumentException("weight out of (0, 1]: " + weight);
            }
        }

        /** A row that may be restored wherever the language model prefers it. */
        public Row(String observed, String original, double weight, String source, String example, String note) {
            this(observed, original, weight, source, example, note, false);
        }

        /** Number of observed tokens. */
        public int length() {
            return observed.split(" ").length;
        }
    }

    private final Map<String, List<Row>> byObserved;
    private final int rows;

    private CandidateDictionary(Map<String, List<Row>> byObserved) {
        this.byObserved = byObserved;
        this.rows = byObserved.values().stream().mapToInt(List::size).sum();
    }

    /** A dictionary of these rows; of two rows with the same observed key and original, the heavier wins. */
    public static CandidateDictionary of(Collection<Row> rows) {
        Map<String, Map<String, Row>> merged = new LinkedHashMap<>();
        for (Row row : rows) {
            merged.computeIfAbsent(row.observed(), k -> new LinkedHashMap<>())
                    .merge(row.original().toLowerCase(Locale.ROOT), row, (a, b) -> b.weight() > a.weight() ? b : a);
        }
        Map<String, List<Row>> byObserved = new HashMap<>();
        merged.forEach((key, originals) -> byObserved.put(key, List.copyOf(originals.values())));
        return new CandidateDictionary(byObserved);
    }

    public static CandidateDictionary empty() {
        return new CandidateDictionary(Map.of());
    }

    /** This dictionary and {@code more}. */
    public CandidateDictionary plus(Collection<Row> more) {
        List<Row> all = new ArrayList<>(all());
        all.addAll(more);
        return of(all);
    }

    /** The shipped hand-written files plus the shipped phrase tables cut into candidates. */
    public static CandidateDictionary shipped() {
        return Shipped.INSTANCE;
    }

    private static final class Shipped {
        static final CandidateDictionary INSTANCE = load(true, List.of(), PhraseTable.shipped());
    }

    /**
     * The hand-written files (shipped ones if {@code withShipped}, then {@code files}) and {@code tables} cut
     * into candidates. Throws {@link DictionaryException} naming file and line for a bad row.
     */
    public static CandidateDictionary load(boolean withShipped, List<Path> files, PhraseTable tables) {
        List<Row> rows = new ArrayList<>();
        if (withShipped) {
            ShippedFiles.read(CandidateDictionary.class.getClassLoader(), SHIPPED_FOLDER, ".tsv")
                    .forEach((name, bytes) -> rows.addAll(parse(name, bytes)));
        }
        for (Path file : files) {
            String name = file.toString();
            rows.addAll(parse(name, ShippedFiles.readBytes(name, file)));
        }
        rows.addAll(cut(tables));
        return of(rows);
    }

    /** The rows of one file in the format above. */
    public static List<Row> parse(String file, byte[] bytes) {
        List<Row> rows = new ArrayList<>();
        int[][] columns = {null};
        int[] width = {0};
        int last = TableParser.eachRow(file, bytes, (line, fields) -> {
            if (columns[0] == null) {
                columns[0] = header(file, line, fields);
                width[0] = fields.length;
                return;
            }
            if (fields.length != width[0]) {
                throw new DictionaryException(file, line,
                        "expected " + width[0] + " tab-separated fields, found " + fields.length);
            }
            int[] c = columns[0];
            rows.add(row(file, line, fields[c[0]], fields[c[1]], fields[c[2]], fields[c[3]], fields[c[4]]));
        });
        if (columns[0] == null) {
            throw new DictionaryException(file, Math.max(1, last),
                    "missing header: expected a line naming the columns " + String.join(", ", COLUMNS));
        }
        return rows;
    }

    private static int[] header(String file, int line, String[] names) {
        List<String> seen = new ArrayList<>();
        for (String name : names) {
            seen.add(name.strip());
        }
        int[] columns = new int[COLUMNS.size()];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = seen.indexOf(COLUMNS.get(i));
            if (columns[i] < 0) {
                throw new DictionaryException(file, line, "header lacks column '" + COLUMNS.get(i)
                        + "' (expected " + String.join(", ", COLUMNS) + ")");
            }
        }
        return columns;
    }

    /** One validated row: tokens on both sides, at most {@link #MAX_TOKENS}, different keys, a weight. */
    public static Row row(String file, int line, String observed, String original, String weight, String example,
                          String note) {
        PhraseKey key = PhraseKey.of(observed);
        PhraseKey target = PhraseKey.of(original);
        if (key.isEmpty() || !hasLetterOrDigit(observed)) {
            throw new DictionaryException(file, line, "observed '" + observed + "' has no word");
        }
        if (target.isEmpty() || !hasLetterOrDigit(original)) {
            throw new DictionaryException(file, line, "original '" + original + "' has no word");
        }
        if (key.size() > MAX_TOKENS || target.size() > MAX_TOKENS) {
            throw new DictionaryException(file, line, "more than " + MAX_TOKENS + " tokens on one side");
        }
        if (key.tokens().equals(target.tokens())) {
            throw new DictionaryException(file, line, "observed '" + observed + "' equals its original");
        }
        if (!original.strip().equals(original)) {
            throw new DictionaryException(file, line, "original '" + original + "' has leading or trailing spaces");
        }
        double value = DECIMAL.matcher(weight).matches() ? Double.parseDouble(weight) : Double.NaN;
        if (!(value > 0 && value <= 1)) {
            throw new DictionaryException(file, line, "weight '" + weight + "' is not a number in (0,1]");
        }
        if (!example.isEmpty() && !example.matches(".*\\[[^\\[\\]]+\\].*")) {
            throw new DictionaryException(file, line, "example '" + example + "' marks no [original]");
        }
        return new Row(keyOf(key), original, value, file + ":" + line, example, note);
    }

    private static boolean hasLetterOrDigit(String s) {
        return s.codePoints().anyMatch(Character::isLetterOrDigit);
    }

    /** The lookup key of a phrase: folded tokens joined by single spaces. */
    public static String keyOf(String phrase) {
        return keyOf(PhraseKey.of(phrase));
    }

    private static String keyOf(PhraseKey key) {
        return String.join(" ", key.tokens());
    }

    /**
     * The phrase tables cut into the words and phrases they change: the common first and last tokens of a
     * row's spun and canonical forms are dropped, and what remains (1 to {@link #MAX_TOKENS} tokens a side) is
     * a candidate; rows of equal length also give one candidate per changed token ("Household Armed
     * Solutions Committee" gives household → house and solutions → services; no such piece has a digit, so
     * "in the 1st location" gives no "1st → first"). The weight is the row's
     * confidence; the original is lower-cased unless it is an acronym. Cut rows are
     * {@link Row#knownPhraseOnly()}: "specified → certain" from a table row is no evidence against "under
     * specified conditions" (measured: most clean-text rewrites came from such words until this rule).
     */
    public static List<Row> cut(PhraseTable tables) {
        List<Row> rows = new ArrayList<>();
        for (PhraseEntry entry : tables.entries()) {
            List<String> spun = PhraseKey.of(entry.spun()).tokens();
            List<String> canonical = tokenTexts(entry.canonical());
            if (canonical.size() != PhraseKey.of(entry.canonical()).size()) {
                continue;
            }
            int prefix = 0;
            while (prefix < spun.size() && prefix < canonical.size()
                    && spun.get(prefix).equals(canonical.get(prefix).toLowerCase(Locale.ROOT))) {
                prefix++;
            }
            int suffix = 0;
            while (suffix < spun.size() - prefix && suffix < canonical.size() - prefix
                    && spun.get(spun.size() - 1 - suffix)
                    .equals(canonical.get(canonical.size() - 1 - suffix).toLowerCase(Locale.ROOT))) {
                suffix++;
            }
            List<String> observed = spun.subList(prefix, spun.size() - suffix);
            List<String> original = canonical.subList(prefix, canonical.size() - suffix);
            String why = "cut from '" + entry.spun() + "' → '" + entry.canonical() + "'";
            double weight = Math.max(0.05, entry.confidence());
            if (!observed.isEmpty() && !original.isEmpty() && observed.size() <= MAX_TOKENS
                    && original.size() <= MAX_TOKENS) {
                rows.add(new Row(String.join(" ", observed), written(original), weight, entry.source(), "", why, true));
            }
            if (spun.size() == canonical.size() && observed.size() > 1) {
                for (int i = 0; i < observed.size(); i++) {
                    if (!observed.get(i).equals(original.get(i).toLowerCase(Locale.ROOT))
                            && !hasDigit(observed.get(i)) && !hasDigit(original.get(i))) {
                        rows.add(new Row(observed.get(i), written(List.of(original.get(i))), weight,
                                entry.source(), "", why, true));
                    }
                }
            }
        }
        return rows;
    }

    /** "1st" and "first" are one word written two ways: a text's own choice, no evidence of a swap. */
    private static boolean hasDigit(String token) {
        return token.chars().anyMatch(Character::isDigit);
    }

    private static List<String> tokenTexts(String phrase) {
        org.unspin.tokenise.TokenList list = org.unspin.tokenise.Tokeniser.tokenise(phrase);
        List<String> out = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            out.add(list.token(i));
        }
        return out;
    }

    /** Tokens joined by spaces, lower-cased except acronyms (two or more capitals). */
    private static String written(List<String> tokens) {
        List<String> out = new ArrayList<>(tokens.size());
        for (String t : tokens) {
            long capitals = t.chars().filter(Character::isUpperCase).count();
            out.add(capitals >= 2 ? t : t.toLowerCase(Locale.ROOT));
        }
        return String.join(" ", out);
    }

    /** The candidates for an observed key ({@link #keyOf}); empty if none. */
    public List<Row> candidates(String observedKey) {
        return byObserved.getOrDefault(observedKey, List.of());
    }

    /** Whether any row's observed side is this key. */
    public boolean hasKey(String observedKey) {
        return byObserved.containsKey(observedKey);
    }

    /** Every row, grouped by observed key. */
    public List<Row> all() {
        List<Row> all = new ArrayList<>(rows);
        byObserved.values().forEach(all::addAll);
        return all;
    }

    public int size() {
        return rows;
    }
}
