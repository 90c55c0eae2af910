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

    private static Evaluation.Settings settings(SpinnerProfile.Kind spinner, boolean tables, List<Path> dictionaries,
            int threads) {
        return Evaluation.Settings.builder().domains(List.of("news")).spinner(spinner).threads(threads).examples(3)
                .pipeline(org.unspin.Settings.builder().shippedDictionaries(tables)
                        .dictionaries(dictionaries.stream().map(Path::toString).toList()).build())
                .build();
    }

    private static Evaluation.Settings settings(boolean tables, List<Path> dictionaries, int threads) {
        return settings(SpinnerProfile.Kind.SHARED, tables, dictionaries, threads);
    }

    private static List<EvalDocument> firstNews(int n) {
        return EvalSets.jsonl(NEWS, "news", "topic", "test").subList(0, n);
    }

    /** A phrase table that maps every phrase the spinner wrote in {@code docs} back to its clean text. */
    private static Path tableOfTheSpin(List<EvalDocument> docs, Evaluation.Settings s, Path dir) throws IOException {
        SpinnerProfile spinner = SpinnerProfile.draw(s.spinner(), s.seed());
        Map<String, String> rows = new LinkedHashMap<>();
        for (EvalDocument doc : docs) {
            Spun spun = spinner.spin(doc.text(), Evaluation.documentSeed(s.seed(), doc.id()));
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

        EvalResult seeing = new Evaluation(settings(false, List.of(table), 2)).run(Map.of("news", docs));
        Metrics all = seeing.overall().metrics();
        assertThat(all.phrases()).isEqualTo(none.phrases());
        assertThat(all.detectionRecall()).isEqualTo(1.0);
        assertThat(all.exactRestoreRecall()).isEqualTo(1.0);
        assertThat(all.rewrites()).isGreaterThanOrEqualTo(all.phrases());
        assertThat(seeing.missedExamples()).isEmpty();
    }

    @Test
    void theOracleGivesTheRestorerTheSpinnersOwnPairsAndIsRecordedAsSuch() {
        List<EvalDocument> docs = firstNews(20);
        Evaluation.Settings plain = settings(true, List.of(), 2);
        Evaluation.Settings oracle = plain.toBuilder().oracle(true).build();
        SpinnerProfile spinner = SpinnerProfile.draw(plain.spinner(), plain.seed());
        List<org.unspin.lexicon.CandidateDictionary.Row> rows = Evaluation.oracleRows(spinner);
        assertThat(rows).hasSize(spinner.dictionary().values().stream().mapToInt(List::size).sum());
        assertThat(rows).allSatisfy(r -> assertThat(spinner.substitutes(r.original().toLowerCase(Locale.ROOT)))
                .contains(r.observed()));

        Metrics without = new Evaluation(plain).run(Map.of("news", docs)).overall().metrics();
        EvalResult with = new Evaluation(oracle).run(Map.of("news", docs));
        Metrics ceiling = with.overall().metrics();
        assertThat(ceiling.phrases()).isEqualTo(without.phrases());
        // the spinner's own pairs reach swaps the curated dictionaries cannot; the arbiter still decides
        assertThat(ceiling.exactRestoreRecall()).isGreaterThan(without.exactRestoreRecall() + 0.05);
        assertThat(ceiling.exactRestoreRecall()).isLessThan(1.0);
        @SuppressWarnings("unchecked")
        Map<String, Object> recorded = (Map<String, Object>) with.toJson().get("settings");
        assertThat(recorded).containsEntry("oracle", true);
    }

    @Test
    void resultsDoNotDependOnTheNumberOfThreads() {
        List<EvalDocument> docs = EvalSets.jsonl(SCIENCE, "science", "field", "test");
        EvalResult one = new Evaluation(settings(true, List.of(), 1)).run(Map.of("science", docs));
        EvalResult four = new Evaluation(settings(true, List.of(), 4)).run(Map.of("science", docs));
        assertThat(four.table()).isEqualTo(one.table());
        assertThat(four.missedExamples()).isEqualTo(one.missedExamples());
        assertThat(four.wrongExamples()).isEqualTo(one.wrongExamples());
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
    void theIndependentSpinnerSwapsWithWordNetMyThesAndItsOwnClosedClassAndTheRestorerGetsMobyOnly() {
        SpinnerProfile spinner = SpinnerProfile.draw(SpinnerProfile.Kind.INDEPENDENT, 1);
        Thesaurus restorer = Evaluation.restorerThesaurus(SpinnerProfile.Kind.INDEPENDENT);
        int swaps = 0, closedClass = 0, restorable = 0;
        for (EvalDocument doc : EvalSets.jsonl(NEWS, "news", "topic", "dev")) {
            for (Edit swap : spinner.spin(doc.text(), 7).swaps()) {
                swaps++;
                String original = swap.original().toLowerCase(Locale.ROOT);
                String observed = swap.replacement().toLowerCase(Locale.ROOT);
                boolean ownClass = FunctionPhrases.PAIRS.getOrDefault(original, List.of()).contains(observed);
                closedClass += ownClass ? 1 : 0;
                if (!ownClass) {
                    // the substitute comes from a WordNet or MyThes link of the clean word ...
                    assertThat(Thesaurus.shipped().originalsFor(original)).as(original + " -> " + observed)
                            .anyMatch(link -> link.original().equals(observed)
                                    && (link.sources() & (Thesaurus.WORDNET | Thesaurus.MYTHES)) != 0);
                }
                // ... and the restorer's thesaurus has nothing of those two sources
                List<Thesaurus.Link> links = restorer.originalsFor(observed);
                assertThat(links).allMatch(link -> link.sources() == Thesaurus.MOBY);
                restorable += links.stream().anyMatch(link -> link.original().equals(original)) ? 1 : 0;
            }
        }
        assertThat(swaps).isGreaterThan(300);
        assertThat(closedClass).isPositive();
        // Moby is independent of WordNet but overlaps it: many swaps are reachable, far from all
        assertThat(restorable).isGreaterThan(swaps / 5).isLessThan(swaps * 9 / 10);
    }

    @Test
    void reachIsNearlyCompleteForTheSharedSpinnerAndPartialForTheIndependentOne() {
        List<EvalDocument> docs = firstNews(4);
        Metrics shared = new Evaluation(settings(true, List.of(), 2)).run(Map.of("news", docs)).overall().metrics();
        Metrics independent = new Evaluation(settings(SpinnerProfile.Kind.INDEPENDENT, true, List.of(), 2))
                .run(Map.of("news", docs)).overall().metrics();
        assertThat(shared.swaps()).isGreaterThan(50);
        assertThat(shared.reach()).isGreaterThan(0.9);
        assertThat(independent.swaps()).isGreaterThan(50);
        assertThat(independent.reach()).isBetween(0.2, 0.9);
    }
}
