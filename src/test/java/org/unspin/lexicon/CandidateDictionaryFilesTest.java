package org.unspin.lexicon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.unspin.TestResources;
import org.unspin.tokenise.TokenList;
import org.unspin.tokenise.Tokeniser;

/**
 * The hand-written candidate files in {@code dictionaries/candidates/}, validated row by row with real
 * behaviour: every file parses; no (observed, original) pair is written twice; in every row's example the
 * trigram model prefers the original to the observed form; and every confident observed form (weight ≥ 0.8)
 * is rare in clean text (the State of the Union addresses). A failing row is named by file:line, and every
 * failing row is listed in one message, so a reviewer sees them all at once. A row that fails is fixed by a
 * better example, a lower weight or by dropping it, never by weakening these checks.
 *
 * <p>The model checks need Debian's pocketsphinx-en-us (or UNSPIN_LM); the clean-text check needs
 * {@code scripts/fetch-corpora.sh}. Both skip without them, and fail when UNSPIN_REQUIRE_CORPORA=1.
 */
class CandidateDictionaryFilesTest {
    private static final Path FOLDER = Path.of(CandidateDictionary.SHIPPED_FOLDER);
    private static final Path SOTU = Path.of("target/corpora/sotu/package/data");
    /** Weight from which an observed form counts as a garble that is almost never legitimate. */
    private static final double CONFIDENT = 0.8;
    /** Occurrences per million clean words above which a confident observed form is too common. */
    private static final double MAX_CLEAN_PER_MILLION = 3.0;
    private static final Pattern EXAMPLE_MARK = Pattern.compile("\\[([^\\[\\]]+)\\]");
    private static final Pattern WORD = Pattern.compile(
            "[0-9]+(?:[.,][0-9]+)*|[\\p{L}\\p{N}]+(?:['\\-][\\p{L}\\p{N}]+)*");
    private static NgramModel model;

    static List<Path> shippedFiles() throws IOException {
        try (Stream<Path> s = Files.list(FOLDER)) {
            return s.filter(p -> p.toString().endsWith(".tsv")).sorted().toList();
        }
    }

    /** Every shipped row, parsed with the production parser; the source names file:line. */
    static List<CandidateDictionary.Row> shippedRows() throws IOException {
        List<CandidateDictionary.Row> rows = new ArrayList<>();
        for (Path file : shippedFiles()) {
            rows.addAll(CandidateDictionary.parse(file.toString(), Files.readAllBytes(file)));
        }
        return rows;
    }

    static synchronized NgramModel installedModel() throws IOException {
        Optional<Path> path = NgramModel.findInstalled();
        TestResources.need(path.isPresent(), "no trigram model: run `apt-get install -y pocketsphinx-en-us` or set "
                + "UNSPIN_LM to an en-us.lm.bin (looked at " + NgramModel.configuredPath() + ")");
        if (model == null) {
            model = NgramModel.open(path.get());
        }
        return model;
    }

    // ---------------------------------------------------------------- parsing

    @Test
    void everyShippedFileParsesAndEveryRowIsComplete() throws IOException {
        List<Path> files = shippedFiles();
        assertThat(files).extracting(p -> p.getFileName().toString())
                .contains("function-words.tsv", "idioms.tsv");
        List<String> problems = new ArrayList<>();
        int total = 0;
        for (Path file : files) {
            List<CandidateDictionary.Row> rows =
                    CandidateDictionary.parse(file.toString(), Files.readAllBytes(file));
            assertThat(rows).as("rows of %s", file).isNotEmpty();
            total += rows.size();
            for (CandidateDictionary.Row row : rows) {
                Matcher m = EXAMPLE_MARK.matcher(row.example());
                if (!m.find()) {
                    problems.add(row.source() + ": no example with the original in [brackets]");
                    continue;
                }
                if (!CandidateDictionary.keyOf(m.group(1)).equals(CandidateDictionary.keyOf(row.original()))) {
                    problems.add(row.source() + ": example marks [" + m.group(1) + "], not the original '"
                            + row.original() + "'");
                }
                if (m.find()) {
                    problems.add(row.source() + ": example marks more than one [span]");
                }
                int words = words(row.example().replace("[", "").replace("]", "")).size();
                if (words < 5 || words > 15) {
                    problems.add(row.source() + ": example has " + words + " words (5 to 15 expected)");
                }
                if (row.note().isBlank()) {
                    problems.add(row.source() + ": no note");
                }
            }
        }
        assertThat(problems).as("incomplete rows").isEmpty();
        assertThat(total).isGreaterThan(300);
        // The shipped loader reads the same files (from the classpath) without complaint.
        assertThat(CandidateDictionary.shipped().hasKey("as perfectly as")).isTrue();
    }

    @Test
    void badRowsAreRejectedWithFileAndLine() {
        String header = "observed\toriginal\tweight\texample\tnote\n";
        assertRejected("# only a comment\nas perfectly as\tas well as\t0.9\tcats [as well as] dogs\tn\n",
                "bad.tsv:2", "header lacks column");
        assertRejected("# nothing at all\n", "bad.tsv:1", "missing header");
        assertRejected(header + "as perfectly as\tas well as\t0\tcats [as well as] dogs\tn\n",
                "bad.tsv:2", "weight '0'");
        assertRejected(header + "ok\tfine\t0.5\tit is [fine] now\tn\nas perfectly as\tas well as\t1.5\tx [as well as] y\tn\n",
                "bad.tsv:3", "weight '1.5'");
        assertRejected(header + "as perfectly as\tas well as\tmuch\tcats [as well as] dogs\tn\n",
                "bad.tsv:2", "not a number");
        assertRejected(header + "# comment\n\n-- !\tas well as\t0.5\tcats [as well as] dogs\tn\n",
                "bad.tsv:4", "has no word");
        assertRejected(header + "one two three four five\tas well as\t0.5\tcats [as well as] dogs\tn\n",
                "bad.tsv:2", "more than 4 tokens");
        assertRejected(header + "as perfectly as\tas well as\t0.5\tcats as well as dogs\tn\n",
                "bad.tsv:2", "marks no [original]");
        assertRejected(header + "as well as\tAs well as\t0.5\tcats [as well as] dogs\tn\n",
                "bad.tsv:2", "equals its original");
        assertRejected(header + "as perfectly as\tas well as\t0.5\tcats [as well as] dogs\n",
                "bad.tsv:2", "expected 5 tab-separated fields");
    }

    private static void assertRejected(String text, String where, String reason) {
        assertThatThrownBy(() -> CandidateDictionary.parse("bad.tsv", text.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(DictionaryException.class)
                .hasMessageStartingWith(where + ":")
                .hasMessageContaining(reason);
    }

    @Test
    void cutTableRowsGiveTheWordsTheyChangeButNoNumeralSpellings() {
        List<CandidateDictionary.Row> cut = CandidateDictionary.cut(PhraseTable.shipped());
        assertThat(cut).anySatisfy(r -> {
            assertThat(r.observed()).isEqualTo("location");
            assertThat(r.original()).isEqualTo("place");
            assertThat(r.note()).contains("in the 1st location");
        });
        // "in the 1st location" is also cut whole ("1st location" → "first place"), but never into "1st → first"
        assertThat(cut).noneSatisfy(r -> assertThat(r.observed()).isEqualTo("1st"));
    }

    @Test
    void noPairIsWrittenTwice() throws IOException {
        Map<String, String> first = new HashMap<>();
        List<String> duplicates = new ArrayList<>();
        for (CandidateDictionary.Row row : shippedRows()) {
            String pair = row.observed() + " → " + CandidateDictionary.keyOf(row.original());
            String earlier = first.putIfAbsent(pair, row.source());
            if (earlier != null) {
                duplicates.add(row.source() + ": '" + pair + "' already at " + earlier);
            }
        }
        assertThat(duplicates).as("duplicate (observed, original) pairs").isEmpty();
    }

    // ---------------------------------------------------------------- the model prefers every original

    @Test
    void theModelPrefersTheOriginalInEveryExample() throws IOException {
        NgramModel lm = installedModel();
        List<String> failures = new ArrayList<>();
        List<CandidateDictionary.Row> rows = shippedRows();
        double[] margins = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            CandidateDictionary.Row row = rows.get(i);
            double margin = margin(lm, row);
            margins[i] = margin;
            if (!(margin > 0)) {
                failures.add(String.format(Locale.ROOT, "%s: '%s' → '%s' margin %+.2f in \"%s\"",
                        row.source(), row.observed(), row.original(), margin, row.example()));
            }
        }
        java.util.Arrays.sort(margins);
        System.out.printf(Locale.ROOT, "[candidates] %d rows; log10 margin of the original over the observed form: "
                + "min %+.2f, median %+.2f%n", rows.size(), margins[0], margins[margins.length / 2]);
        assertThat(failures).as("rows whose example the trigram model does not prefer with the original "
                + "(%d of %d rows); give a better example, or drop the row", failures.size(), rows.size())
                .isEmpty();
    }

    /** log10 P(example with the original) − log10 P(example with the observed form in its place). */
    static double margin(NgramModel lm, CandidateDictionary.Row row) {
        Matcher m = EXAMPLE_MARK.matcher(row.example());
        if (!m.find()) {
            return Double.NaN;
        }
        String original = row.example().substring(0, m.start()) + m.group(1) + row.example().substring(m.end());
        String observed = row.example().substring(0, m.start()) + row.observed() + row.example().substring(m.end());
        return lm.scoreSequence(sentence(lm, original)) - lm.scoreSequence(sentence(lm, observed));
    }

    /** The model's view of a text: {@code <s>}, lower-case words (numbers spelled out), {@code </s>}. */
    static List<String> sentence(NgramModel lm, String text) {
        List<String> out = new ArrayList<>();
        out.add(NgramModel.SENTENCE_START);
        for (String word : words(text)) {
            if (lm.wordId(word) >= 0 || !(word.indexOf('-') > 0 || word.indexOf('\'') > 0)) {
                out.add(word);
            } else if (word.indexOf('-') > 0) {
                out.addAll(List.of(word.split("-")));
            } else {
                int apostrophe = word.indexOf('\'');
                out.add(word.substring(0, apostrophe));
                out.add(word.substring(apostrophe));
            }
        }
        out.add(NgramModel.SENTENCE_END);
        return out;
    }

    /** Lower-case words without punctuation, numbers spelled out ("3.5" → three point five). */
    static List<String> words(String text) {
        String folded = text.toLowerCase(Locale.ROOT).replace('\u2019', '\'').replace('\u2018', '\'');
        List<String> out = new ArrayList<>();
        Matcher m = WORD.matcher(folded);
        while (m.find()) {
            String token = m.group();
            if (Character.isDigit(token.charAt(0))) {
                out.addAll(numberWords(token));
            } else {
                out.add(token);
            }
        }
        return out;
    }

    private static final String[] SMALL = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
        "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
        "nineteen"};
    private static final String[] TENS = {"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy",
        "eighty", "ninety"};

    static List<String> numberWords(String number) {
        List<String> out = new ArrayList<>();
        String[] parts = number.replace(",", "").split("\\.", 2);
        out.addAll(cardinal(Long.parseLong(parts[0].isEmpty() ? "0" : parts[0])));
        if (parts.length > 1) {
            out.add("point");
            for (char c : parts[1].toCharArray()) {
                out.add(SMALL[c - '0']);
            }
        }
        return out;
    }

    private static List<String> cardinal(long n) {
        List<String> out = new ArrayList<>();
        if (n < 20) {
            out.add(SMALL[(int) n]);
        } else if (n < 100) {
            out.add(TENS[(int) (n / 10)]);
            if (n % 10 != 0) {
                out.add(SMALL[(int) (n % 10)]);
            }
        } else {
            long[] scales = {1_000_000_000L, 1_000_000L, 1_000L, 100L};
            String[] names = {"billion", "million", "thousand", "hundred"};
            for (int i = 0; i < scales.length; i++) {
                if (n >= scales[i]) {
                    out.addAll(cardinal(n / scales[i]));
                    out.add(names[i]);
                    if (n % scales[i] != 0) {
                        out.addAll(cardinal(n % scales[i]));
                    }
                    break;
                }
            }
        }
        return out;
    }

    @Test
    void modelViewOfAText() {
        assertThat(words("In 1,250 cases, it’s 3.5 times [as well as] twenty-one!"))
                .containsExactly("in", "one", "thousand", "two", "hundred", "fifty", "cases", "it's", "three",
                        "point", "five", "times", "as", "well", "as", "twenty-one");
    }

    // ---------------------------------------------------------------- confident forms are rare in clean text

    @Test
    void confidentObservedFormsAreRareInCleanText() throws IOException {
        TestResources.need(Files.isDirectory(SOTU), "run scripts/fetch-corpora.sh to fetch the State of the Union corpus");
        Map<String, List<CandidateDictionary.Row>> confident = new LinkedHashMap<>();
        for (CandidateDictionary.Row row : shippedRows()) {
            if (row.weight() >= CONFIDENT) {
                confident.computeIfAbsent(row.observed(), k -> new ArrayList<>()).add(row);
            }
        }
        Map<String, Integer> counts = new HashMap<>();
        long words = countInCleanText(confident.keySet(), counts);
        assertThat(words).as("clean words").isGreaterThan(1_000_000);
        List<String> tooCommon = new ArrayList<>();
        confident.forEach((observed, rows) -> {
            double perMillion = counts.getOrDefault(observed, 0) * 1e6 / words;
            if (perMillion > MAX_CLEAN_PER_MILLION) {
                for (CandidateDictionary.Row row : rows) {
                    tooCommon.add(String.format(Locale.ROOT, "%s: '%s' (weight %.2f) occurs %d times, %.1f per "
                            + "million clean words", row.source(), observed, row.weight(),
                            counts.get(observed), perMillion));
                }
            }
        });
        assertThat(tooCommon).as("confident observed forms that are ordinary in the clean State of the Union "
                + "addresses (%,d words); lower their weight below %.1f", words, CONFIDENT).isEmpty();
    }

    /**
     * Counts, over the State of the Union addresses, the occurrences of each key (folded tokens, as in
     * {@link CandidateDictionary#keyOf}) as a run of consecutive tokens; returns the number of words.
     */
    static long countInCleanText(java.util.Set<String> keys, Map<String, Integer> counts) throws IOException {
        int longest = keys.stream().mapToInt(k -> k.split(" ").length).max().orElse(1);
        List<Path> files;
        try (Stream<Path> s = Files.list(SOTU)) {
            files = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        long words = 0;
        for (Path file : files) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            TokenList list = Tokeniser.tokenise(text);
            String[] tokens = new String[list.size()];
            for (int i = 0; i < tokens.length; i++) {
                tokens[i] = PhraseKey.fold(text, list.start(i), list.end(i));
                if (tokens[i].codePoints().anyMatch(Character::isLetterOrDigit)) {
                    words++;
                }
            }
            for (int i = 0; i < tokens.length; i++) {
                StringBuilder key = new StringBuilder();
                for (int n = 0; n < longest && i + n < tokens.length; n++) {
                    if (n > 0) {
                        key.append(' ');
                    }
                    key.append(tokens[i + n]);
                    String k = key.toString();
                    if (keys.contains(k)) {
                        counts.merge(k, 1, Integer::sum);
                    }
                }
            }
        }
        return words;
    }
}
