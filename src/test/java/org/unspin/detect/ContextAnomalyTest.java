package org.unspin.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.unspin.Repair;
import org.unspin.TestResources;
import org.unspin.Unspinner;
import org.unspin.edit.Edit;
import org.unspin.lexicon.NgramModel;
import org.unspin.lexicon.Thesaurus;
import org.unspin.tokenise.Tokeniser;

/** The context-anomaly score and its flags on a clean paragraph and a sense-blind spun copy of it. */
class ContextAnomalyTest {
    private static final String CLEAN = "The city council voted on Tuesday to raise the price of a monthly bus "
            + "pass by two dollars, the first increase in five years. Officials said the extra money would pay for "
            + "new buses and longer service hours on the busiest routes. Several residents spoke against the plan "
            + "at a crowded public meeting, arguing that working families could not afford another cost. The mayor "
            + "promised to review discounts for students and older riders before the change takes effect in the "
            + "spring. A final budget will be presented to the council next month.";
    /** Twelve of the content words swapped for thesaurus entries without regard to sense, as a spinner does. */
    private static final String SPUN = "The city assembly voted on Tuesday to lift the toll of a monthly bus "
            + "pass by two dollars, the first increment in five years. Officials said the extra money would pay for "
            + "fresh buses and lengthier service hours on the busiest paths. Several residents spoke against the "
            + "scheme at a crowded public encounter, arguing that working families could not afford another cost. "
            + "The mayor pledged to review discounts for students and older riders before the alteration takes "
            + "consequence in the spring. A final budget will be presented to the council next month.";
    private static final List<String> SWAPPED = List.of("assembly", "lift", "toll", "increment", "fresh",
            "lengthier", "paths", "scheme", "encounter", "pledged", "alteration", "consequence");

    /** One half of the thesaurus links, by a hash of the word pair (the retired evaluation split, kept here). */
    private static final java.util.function.BiPredicate<String, String> HASH_HALF = (a, b) -> {
        String x = a.toLowerCase(java.util.Locale.ROOT), y = b.toLowerCase(java.util.Locale.ROOT);
        int h = (x.compareTo(y) <= 0 ? x + '\t' + y : y + '\t' + x).hashCode();
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return (h & 1) == 0;
    };

    private static ContextAnomaly anomaly;

    @BeforeAll
    static void load() throws IOException {
        Optional<Path> lm = NgramModel.findInstalled();
        TestResources.need(lm.isPresent(), "needs the trigram model: apt-get install pocketsphinx-en-us");
        anomaly = new ContextAnomaly(NgramModel.open(lm.get()), Thesaurus.shipped(), HASH_HALF,
                null);
    }

    @Test
    void spunParagraphScoresAboveItsCleanOriginal() {
        ContextAnomaly.Result clean = anomaly.assess(Tokeniser.tokenise(CLEAN));
        ContextAnomaly.Result spun = anomaly.assess(Tokeniser.tokenise(SPUN));
        assertThat(clean.checkedWords()).isBetween(30, 60);
        assertThat(spun.checkedWords()).isEqualTo(clean.checkedWords()); // same slots, different words
        assertThat(spun.score()).isGreaterThan(clean.score());
    }

    @Test
    void flagsAreReportOnlyAndFallOnSwappedWordsOnly() {
        ContextAnomaly.Result spun = anomaly.assess(Tokeniser.tokenise(SPUN));
        ContextAnomaly.Result clean = anomaly.assess(Tokeniser.tokenise(CLEAN));
        double leastConfidence = 0.5 / (1 + Math.exp(-anomaly.flagLogOdds()));
        for (Edit flag : spun.flags()) {
            assertThat(flag.applied()).isFalse();
            assertThat(flag.replacement()).isNull();
            assertThat(flag.category()).isEqualTo(ContextAnomaly.CATEGORY);
            assertThat(flag.original()).isEqualTo(SPUN.substring(flag.start(), flag.end()));
            assertThat(flag.confidence()).isBetween(leastConfidence - 0.001, 0.5);
        }
        long onSwaps = spun.flags().stream().filter(f -> SWAPPED.contains(f.original())).count();
        assertThat(onSwaps).isPositive();
        assertThat(spun.flags()).allMatch(f -> SWAPPED.contains(f.original()));
        assertThat(clean.flags()).isEmpty();
    }

    @Test
    void generaliseScoresWithoutTouchingCleanTextAndTheDefaultDoesNotScore() {
        Repair generalised = Unspinner.builder().generalise(true).linkFilter(HASH_HALF).build()
                .repair(CLEAN);
        assertThat(generalised.text()).isEqualTo(CLEAN);
        assertThat(generalised.score().checkedWords()).isPositive();
        Repair plain = Unspinner.withDefaults().repair(SPUN);
        assertThat(plain.score().checkedWords()).isZero();
        assertThat(plain.score().contextAnomaly()).isZero();
        assertThat(plain.edits()).noneMatch(e -> e.category().equals(ContextAnomaly.CATEGORY));
    }

    @Test
    void anAllowedWordIsNeverFlagged() {
        Repair flagged = Unspinner.builder().generalise(true).linkFilter(HASH_HALF).build()
                .repair(SPUN);
        List<String> flaggedWords = flagged.edits().stream()
                .filter(e -> e.category().equals(ContextAnomaly.CATEGORY)).map(Edit::original).toList();
        assertThat(flaggedWords).isNotEmpty();
        String allowed = flaggedWords.get(0);

        Repair reviewed = Unspinner.builder().generalise(true).linkFilter(HASH_HALF)
                .allow(allowed).build().repair(SPUN);

        assertThat(reviewed.edits()).noneMatch(e -> e.original().equalsIgnoreCase(allowed));
        assertThat(reviewed.edits().stream().filter(e -> e.category().equals(ContextAnomaly.CATEGORY))
                .map(Edit::original).toList()).containsExactlyElementsOf(flaggedWords.stream()
                .filter(w -> !w.equalsIgnoreCase(allowed)).toList());
    }
}
