package org.unspin.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.unspin.edit.Edit;
import org.unspin.lexicon.CandidateDictionary;

class SpinnerProfileTest {
    private static final Path NEWS = Path.of("testdata/eval/news-modern.jsonl");
    private static final Path SCIENCE = Path.of("testdata/eval/science.jsonl");
    private static final Map<String, List<String>> SMALL = Map.of(
            "state", List.of("condition", "nation"), "national", List.of("countrywide"), "as well as", List.of("plus"),
            "because", List.of("due to the fact that"), "union", List.of("unification"), "house", List.of("home"));

    private static List<EvalDocument> docs() {
        List<EvalDocument> docs = new java.util.ArrayList<>(EvalSets.jsonl(NEWS, "news", "topic", "dev"));
        docs.addAll(EvalSets.jsonl(SCIENCE, "science", "field", "dev"));
        return docs;
    }

    @Test
    void aDocumentWritesTheSameSubstituteForTheSameWordEveryTime() {
        SpinnerProfile spinner = SpinnerProfile.of("t", SMALL);
        String clean = "The state said the state must help. State aid, the state insists, is the state's duty. "
                + "The state of the union is strong because the union holds, because we hold.";
        for (long seed = 1; seed <= 20; seed++) {
            Spun spun = spinner.spin(clean, seed, 1.0);
            Map<String, String> written = new HashMap<>();
            for (Edit swap : spun.swaps()) {
                String before = written.putIfAbsent(swap.original().toLowerCase(Locale.ROOT),
                        swap.replacement().toLowerCase(Locale.ROOT));
                if (before != null) {
                    assertThat(swap.replacement().toLowerCase(Locale.ROOT)).isEqualTo(before);
                }
            }
            assertThat(spun.swaps()).hasSize(9);
        }
        // across documents the dictionary is the same, so both substitutes of "state" turn up somewhere
        Set<String> seen = new java.util.HashSet<>();
        for (long seed = 1; seed <= 20; seed++) {
            spinner.spin(clean, seed, 1.0).swaps().forEach(e -> seen.add(e.replacement().toLowerCase(Locale.ROOT)));
        }
        assertThat(seen).contains("condition", "nation");
    }

    @Test
    void theDrawnSpinnerIsOneFixedDictionaryUsedForEveryDocument() {
        SpinnerProfile spinner = SpinnerProfile.draw(SpinnerProfile.Kind.SHARED, 1);
        assertThat(SpinnerProfile.draw(SpinnerProfile.Kind.SHARED, 1)).isSameAs(spinner);
        SpinnerProfile again = SpinnerProfile.draw(SpinnerProfile.Kind.SHARED, 1, SpinnerProfile.DEFAULT_ENTRIES,
                null);
        SpinnerProfile twice = SpinnerProfile.draw(SpinnerProfile.Kind.SHARED, 1, SpinnerProfile.DEFAULT_ENTRIES,
                null);
        assertThat(twice.dictionary()).isEqualTo(again.dictionary());
        assertThat(spinner.dictionary().size()).isGreaterThan(10_000);
        assertThat(spinner.dictionary().values()).allSatisfy(subs -> assertThat(subs).isNotEmpty());
        assertThat(SpinnerProfile.draw(SpinnerProfile.Kind.SHARED, 2).dictionary())
                .isNotEqualTo(spinner.dictionary());
        for (EvalDocument doc : docs()) {
            for (Edit swap : spinner.spin(doc.text(), Evaluation.documentSeed(1, doc.id())).swaps()) {
                assertThat(spinner.substitutes(swap.original().toLowerCase(Locale.ROOT)))
                        .contains(swap.replacement().toLowerCase(Locale.ROOT));
            }
        }
    }

    @Test
    void everyDocumentSwapsFiveToThirtyPercentOfItsEligibleWords() {
        SpinnerProfile spinner = SpinnerProfile.draw(SpinnerProfile.Kind.INDEPENDENT, 1);
        double least = 1, most = 0;
        for (EvalDocument doc : docs()) {
            Spun spun = spinner.spin(doc.text(), Evaluation.documentSeed(1, doc.id()));
            assertThat(spun.rate()).isBetween(0.045, 0.305);
            least = Math.min(least, spun.rate());
            most = Math.max(most, spun.rate());
        }
        assertThat(least).isLessThan(0.1);
        assertThat(most).isGreaterThan(0.25);
    }

    @Test
    void multiwordSubstitutionsGoBothWays() {
        for (SpinnerProfile.Kind kind : SpinnerProfile.Kind.values()) {
            Map<String, List<String>> dict = SpinnerProfile.draw(kind, 1).dictionary();
            assertThat(dict).as(kind + ": a word expanded into a phrase").anySatisfy((original, subs) -> {
                assertThat(original).doesNotContain(" ");
                assertThat(subs).anyMatch(s -> s.contains(" "));
            });
            assertThat(dict).as(kind + ": a phrase contracted into a word").anySatisfy((original, subs) -> {
                assertThat(original).contains(" ");
                assertThat(subs).anyMatch(s -> !s.contains(" "));
            });
        }
        Spun spun = SpinnerProfile.of("t", SMALL).spin("We came because the House, as well as the Senate, asked.", 3, 1.0);
        assertThat(spun.spun()).isEqualTo("We came due to the fact that the Home, plus the Senate, asked.");
    }

    @Test
    void titleCaseWordsAndNamesAreSwappedAndAcronymsAreNot() {
        SpinnerProfile spinner = SpinnerProfile.of("t",
                Map.of("united states", List.of("joined states"), "nasa", List.of("space agency"),
                        "union", List.of("unification")));
        Spun spun = spinner.spin("The United States and NASA; the Union.", 1, 1.0);
        assertThat(spun.spun()).isEqualTo("The Joined States and NASA; the Unification.");
    }

    @Test
    void aNameInsideASubstituteIsWrittenAsNamesAre() {
        SpinnerProfile spinner = SpinnerProfile.of("t",
                Map.of("america", List.of("the united states"), "porcelain", List.of("china")));
        Spun spun = spinner.spin("America exports porcelain to America.", 1, 1.0);
        assertThat(spun.spun()).isEqualTo("The United States exports china to The United States.");
    }

    @Test
    void theIndependentSpinnerNeverUsesARowOfTheRestorersCandidateDictionary() {
        Set<String> rows = SpinnerProfile.candidatePairs();
        assertThat(rows).isNotEmpty();
        SpinnerProfile independent = SpinnerProfile.draw(SpinnerProfile.Kind.INDEPENDENT, 1);
        independent.dictionary().forEach((original, subs) -> subs.forEach(s ->
                assertThat(rows).as(original + " -> " + s).doesNotContain(SpinnerProfile.pair(original, s))));
        for (EvalDocument doc : docs()) {
            for (Edit swap : independent.spin(doc.text(), Evaluation.documentSeed(1, doc.id())).swaps()) {
                String observed = CandidateDictionary.keyOf(swap.replacement());
                assertThat(SpinnerProfile.restorerCandidates().candidates(observed))
                        .noneMatch(row -> row.original().equalsIgnoreCase(swap.original()));
            }
        }
        // the shared spinner, on the contrary, writes the candidate rows the other way round
        Map<String, List<String>> shared = SpinnerProfile.draw(SpinnerProfile.Kind.SHARED, 1).dictionary();
        assertThat(shared.get("as well as")).isNotEmpty()
                .allMatch(s -> rows.contains(SpinnerProfile.pair("as well as", s)));
        // the independent closed class is the evaluation's own
        assertThat(FunctionPhrases.PAIRS.keySet()).contains("as well as", "because", "in order to");
    }
}
