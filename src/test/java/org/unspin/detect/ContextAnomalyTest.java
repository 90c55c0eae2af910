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

    private static ContextAnomaly anomaly;

    @BeforeAll
    static void load() throws IOException {
        Optional<Path> lm = NgramModel.findInstalled();
        TestResources.need(lm.isPresent(), "needs the trigram model: apt-get install pocketsphinx-en-us");
        anomaly = new ContextAnomaly(NgramModel.open(lm.get()), Thesaurus.shipped(), null);
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
            assertThat(flag.replacement()).isNotEqualTo(flag.original());
            assertThat(flag.category()).isEqualTo(ContextAnomaly.CATEGORY);
            assertThat(flag.original()).isEqualTo(SPUN.substring(flag.start(), flag.end()));
            assertThat(flag.confidence()).isBetween(leastConfidence - 0.001, 0.5);
        }
        long onSwaps = spun.flags().stream().filter(f -> SWAPPED.contains(f.original())).count();
        assertThat(onSwaps).isPositive();
        assertThat(spun.flags()).allMatch(f -> SWAPPED.contains(f.original()));
        assertThat(clean.flags()).isEmpty();
    }

    /** Strong findings of the phrase tables in front of the spun paragraph: the prior marks it as spun. */
    private static final String MARKED = "Secretary of Condition Mike Pompeo spoke at the Countrywide Press Club. "
            + SPUN;

    @Test
    void thePipelineFlagsOnlyWhereThePriorMarksTheDocumentAsSpun() {
        Unspinner unspinner = Unspinner.withDefaults();
        Repair clean = unspinner.repair(CLEAN);
        assertThat(clean.text()).isEqualTo(CLEAN);
        assertThat(clean.score().spinProbability()).isZero();
        assertThat(clean.score().checkedWords()).isZero();
        assertThat(clean.edits()).noneMatch(e -> e.category().equals(ContextAnomaly.CATEGORY));

        Repair marked = unspinner.repair(MARKED);
        assertThat(marked.score().spinProbability()).isGreaterThanOrEqualTo(ContextAnomaly.FLAG_PRIOR);
        assertThat(marked.score().checkedWords()).isPositive();
        List<Edit> flags = marked.edits().stream().filter(e -> e.category().equals(ContextAnomaly.CATEGORY)).toList();
        assertThat(flags).isNotEmpty().allMatch(f -> !f.applied());
        assertThat(flags.stream().filter(f -> SWAPPED.contains(f.original()))).isNotEmpty();
    }

    @Test
    void anAllowedWordIsNeverFlagged() {
        Repair flagged = Unspinner.withDefaults().repair(MARKED);
        List<String> flaggedWords = flagged.edits().stream()
                .filter(e -> e.category().equals(ContextAnomaly.CATEGORY)).map(Edit::original).toList();
        assertThat(flaggedWords).isNotEmpty();
        String allowed = flaggedWords.get(0);

        Repair reviewed = Unspinner.builder().allow(allowed).build().repair(MARKED);

        assertThat(reviewed.edits()).noneMatch(e -> e.original().equalsIgnoreCase(allowed));
        assertThat(reviewed.edits().stream().filter(e -> e.category().equals(ContextAnomaly.CATEGORY))
                .map(Edit::original).toList()).containsExactlyElementsOf(flaggedWords.stream()
                .filter(w -> !w.equalsIgnoreCase(allowed)).toList());
    }
}
