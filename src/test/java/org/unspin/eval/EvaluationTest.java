package org.unspin.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unspin.edit.Edit;
import org.unspin.edit.OffsetMap;
import org.unspin.lexicon.Thesaurus;

class EvaluationTest {
    private static final Path NEWS = Path.of("testdata/eval/news-modern.jsonl");
    private static final Path SCIENCE = Path.of("testdata/eval/science.jsonl");
    private static final SpinnerThesaurus SPINNER_WORDS = ThesaurusSplit.Mode.HASH.spinnerWords();

    private static Evaluation.Settings settings(boolean tables, List<Path> dictionaries, int threads) {
        return new Evaluation.Settings("test", List.of("news"), 0, 0.15, 0.05, 1, tables, false, 0.8, dictionaries,
                threads, 3, null);
    }

    private static List<EvalDocument> firstNews(int n) {
        return EvalSets.jsonl(NEWS, "news", "topic", "test").subList(0, n);
    }

    /** A phrase table that maps every phrase the spinner wrote in {@code docs} back to its clean text. */
    private static Path tableOfTheSpin(List<EvalDocument> docs, Evaluation.Settings s, Path dir) throws IOException {
        SpinnerSimulator spinner = new SpinnerSimulator(SPINNER_WORDS, s.rate(), s.functionRate());
        Map<String, String> rows = new LinkedHashMap<>();
        for (EvalDocument doc : docs) {
            SpinnerSimulator.Spun spun = spinner.spin(doc.text(), Evaluation.documentSeed(s.seed(), doc.id()));
            OffsetMap truth = OffsetMap.of(spun.clean().length(), spun.swaps());
            for (int[] p : Metrics.phraseSpans(spun)) {
                String clean = spun.clean().substring(truth.toInput(p[0]), truth.toInput(p[1]));
                // Lower case takes the case of the match; a capital would pin the canonical's case.
                rows.putIfAbsent(spun.spun().substring(p[0], p[1]).toLowerCase(Locale.ROOT),
                        clean.toLowerCase(Locale.ROOT));
            }
        }
        StringBuilder tsv = new StringBuilder("spun\tcanonical\tcategory\tconfidence\tnote\n");
        rows.forEach((spun, clean) -> tsv.append(spun).append('\t').append(clean).append("\tspun-phrase\t0.9\t\n"));
        Path table = dir.resolve("spin.tsv");
        Files.writeString(table, tsv, StandardCharsets.UTF_8);
        return table;
    }

    @Test
    void aTableOfExactlyTheSpunPhrasesRestoresEveryOne(@TempDir Path dir) throws IOException {
        List<EvalDocument> docs = firstNews(3);
        Path table = tableOfTheSpin(docs, settings(false, List.of(), 2), dir);

        EvalResult blind = new Evaluation(settings(false, List.of(), 2)).run(Map.of("news", docs));
        Metrics none = blind.overall().metrics();
        assertThat(none.phrases()).isGreaterThan(30);
        assertThat(none.detectionRecall()).isZero();
        assertThat(none.rewrites()).isZero();

        EvalResult seeing = new Evaluation(settings(false, List.of(table), 2)).run(Map.of("news", docs));
        Metrics all = seeing.overall().metrics();
        assertThat(all.phrases()).isEqualTo(none.phrases());
        assertThat(all.detectionRecall()).isEqualTo(1.0);
        assertThat(all.exactRestoreRecall()).isEqualTo(1.0);
        assertThat(all.rewrites()).isGreaterThanOrEqualTo(all.phrases());
        assertThat(seeing.missedExamples()).isEmpty();
        assertThat(blind.missedExamples()).hasSize(3);
    }

    @Test
    void resultsDoNotDependOnTheNumberOfThreads() {
        List<EvalDocument> docs = EvalSets.jsonl(SCIENCE, "science", "field", "test");
        EvalResult one = new Evaluation(settings(true, List.of(), 1)).run(Map.of("science", docs));
        EvalResult four = new Evaluation(settings(true, List.of(), 4)).run(Map.of("science", docs));
        assertThat(four.table()).isEqualTo(one.table());
        assertThat(four.missedExamples()).isEqualTo(one.missedExamples());
        assertThat(one.overall().metrics().phrases()).isGreaterThan(100);
    }

    @Test
    void shortDocumentsArePooledByGroupForTheScoreAuc() {
        List<EvalDocument> docs = EvalSets.jsonl(SCIENCE, "science", "field", "test");
        Metrics m = new Evaluation(settings(true, List.of(), 2)).run(Map.of("science", docs)).overall().metrics();
        // 52 abstracts of 127-156 words: pools of 2-3 abstracts per field, tails dropped.
        assertThat(m.scoredSpun()).isEqualTo(m.scoredClean()).isBetween(52 / 3 - 7, 52 / 2);
    }

    @Test
    void theContextScoreOfPooledAbstractsRanksSpunAboveClean() {
        org.unspin.TestResources.need(org.unspin.lexicon.NgramModel.findInstalled().isPresent(),
                "needs the trigram model: apt-get install pocketsphinx-en-us");
        List<EvalDocument> docs = EvalSets.jsonl(SCIENCE, "science", "field", "test");
        Evaluation.Settings generalise = new Evaluation.Settings("test", List.of("science"), 0, 0.15, 0.05, 1, true,
                true, 0.8, List.of(), 2, 0, null);
        Metrics m = new Evaluation(generalise).run(Map.of("science", docs)).overall().metrics();
        assertThat(m.falseRewritesOnClean()).isZero();
        assertThat(m.contextAuc()).isGreaterThan(0.8);
        assertThat(new Evaluation(settings(true, List.of(), 2)).run(Map.of("science", docs)).overall().metrics()
                .contextAuc()).as("not measured without the generalising detector").isNaN();
    }

    @Test
    void theDetectorFilterRejectsEveryLinkTheSpinnerUsed() {
        SpinnerSimulator spinner = new SpinnerSimulator(SPINNER_WORDS, 0.5, 0.3);
        List<EvalDocument> docs = EvalSets.jsonl(NEWS, "news", "topic", "dev");
        int swaps = 0, wordsTheDetectorCanStillRestore = 0;
        for (EvalDocument doc : docs) {
            for (Edit swap : spinner.spin(doc.text(), 7).swaps()) {
                swaps++;
                String observed = swap.replacement();
                String original = swap.original();
                assertThat(ThesaurusSplit.Mode.HASH.detectorLinks().test(observed, original)).as(observed + " for " + original).isFalse();
                boolean otherRoute = Thesaurus.shipped().originalsFor(observed).stream()
                        .anyMatch(link -> ThesaurusSplit.Mode.HASH.detectorLinks().test(observed, link.original()));
                wordsTheDetectorCanStillRestore += otherRoute ? 1 : 0;
            }
        }
        assertThat(swaps).isGreaterThan(500);
        // The filter hides the spinner's links, not the thesaurus: most spun words keep other links.
        assertThat(wordsTheDetectorCanStillRestore).isGreaterThan(swaps / 2);
    }

    @Test
    void theSourceSplitSpinsWithWordNetAndMyThesAndDetectsWithMobyOnly() {
        ThesaurusSplit.Mode source = ThesaurusSplit.Mode.SOURCE;
        SpinnerSimulator spinner = new SpinnerSimulator(source.spinnerWords(), 0.5, 0.3);
        Thesaurus detector = source.detectorThesaurus();
        int swaps = 0, restorable = 0;
        for (EvalDocument doc : EvalSets.jsonl(NEWS, "news", "topic", "dev")) {
            for (Edit swap : spinner.spin(doc.text(), 7).swaps()) {
                swaps++;
                String observed = swap.replacement(), original = swap.original();
                // The spinner's substitute comes from a WordNet or MyThes link of the clean word ...
                assertThat(Thesaurus.shipped().originalsFor(original)).as(original + " -> " + observed)
                        .anyMatch(link -> link.original().equalsIgnoreCase(observed)
                                && (link.sources() & ThesaurusSplit.SPINNER_SOURCES) != 0);
                // ... and the detector's thesaurus has nothing of those two sources.
                List<Thesaurus.Link> links = detector.originalsFor(observed);
                assertThat(links).allMatch(link -> link.sources() == Thesaurus.MOBY);
                restorable += links.stream().anyMatch(link -> link.original().equalsIgnoreCase(original)) ? 1 : 0;
            }
        }
        assertThat(swaps).isGreaterThan(500);
        // Moby is independent of WordNet but overlaps it: many swaps are restorable, far from all.
        assertThat(restorable).isGreaterThan(swaps / 3).isLessThan(swaps * 9 / 10);
    }

    @Test
    void reachIsZeroUnderTheHashSplitAndMostSwapsUnderTheSourceSplit() {
        List<EvalDocument> docs = firstNews(4);
        Evaluation.Settings hash = settings(true, List.of(), 2);
        Evaluation.Settings source = new Evaluation.Settings("test", List.of("news"), 0, 0.15, 0.05, 1, true, false,
                0.8, List.of(), 2, 0, null, true, ThesaurusSplit.Mode.SOURCE);
        Metrics byHash = new Evaluation(hash).run(Map.of("news", docs)).overall().metrics();
        Metrics bySource = new Evaluation(source).run(Map.of("news", docs)).overall().metrics();
        assertThat(byHash.swaps()).isGreaterThan(50);
        assertThat(byHash.reachableSwaps()).isZero();
        assertThat(bySource.swaps()).isGreaterThan(50);
        assertThat(bySource.reach()).isBetween(0.4, 0.9);
    }
}
