package org.unspin.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.unspin.edit.Edit;

class SpinnerSimulatorTest {
    private static final Map<String, List<String>> THESAURUS = Map.of(
            "state", List.of("condition"),
            "national", List.of("countrywide"),
            "well", List.of("perfectly"),
            "travel", List.of("journey"),
            "documents", List.of("paperwork"));

    private final SpinnerSimulator always =
            new SpinnerSimulator(w -> THESAURUS.getOrDefault(w, List.of()), 1.0, 1.0);

    @Test
    void swapsEverySwappableWordKeepingCaseAndRecordsTheTruth() {
        String clean = "The Secretary of State spoke at the National Press Club as well as abroad.";
        SpinnerSimulator.Spun spun = always.spin(clean, 7);
        assertThat(spun.spun())
                .isEqualTo("The Secretary of Condition spoke at the Countrywide Press Club as perfectly as abroad.");
        assertThat(spun.swaps()).extracting(Edit::original).containsExactly("State", "National", "well");
        for (Edit swap : spun.swaps()) {
            assertThat(clean.substring(swap.start(), swap.end())).isEqualTo(swap.original());
        }
    }

    @Test
    void contentRateIsAShareOfAllContentWords() {
        String clean = "travel documents ".repeat(500) + "ordinary plain simple words ".repeat(500);
        SpinnerSimulator half = new SpinnerSimulator(w -> THESAURUS.getOrDefault(w, List.of()), 0.3, 0.0);
        SpinnerSimulator.Spun spun = half.spin(clean, 1);
        // 3,000 content words, 1,000 of them swappable: 30% of all content words is ~900 swaps.
        assertThat(spun.swaps().size()).isBetween(820, 980);
    }

    @Test
    void sameSeedSameSpin() {
        SpinnerSimulator some = new SpinnerSimulator(w -> THESAURUS.getOrDefault(w, List.of()), 0.5, 0.5);
        String clean = "travel documents of the state, as well as national ones. ".repeat(20);
        assertThat(some.spin(clean, 3).spun()).isEqualTo(some.spin(clean, 3).spun());
        assertThat(some.spin(clean, 3).spun()).isNotEqualTo(some.spin(clean, 4).spun());
    }

    @Test
    void thesaurusSplitIsSymmetricAndRoughlyHalf() {
        assertThat(ThesaurusSplit.half("state", "condition")).isEqualTo(ThesaurusSplit.half("Condition", "state"));
        int ones = 0;
        for (int i = 0; i < 10_000; i++) {
            ones += ThesaurusSplit.half("word" + i, "other" + (i * 7));
        }
        assertThat(ones).isBetween(4_800, 5_200);
    }
}
