package org.unspin.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.unspin.Repair;
import org.unspin.SpinScore;
import org.unspin.edit.Edit;
import org.unspin.edit.EditSet;
import org.unspin.edit.OffsetMap;

class MetricsTest {
    private static final Map<String, List<String>> THESAURUS = Map.of(
            "state", List.of("condition"), "national", List.of("countrywide"), "well", List.of("perfectly"));

    private static Repair repairWith(String text, List<Edit> edits) {
        return new Repair(text, EditSet.apply(text, edits), edits, SpinScore.of(12, edits),
                OffsetMap.of(text.length(), edits));
    }

    /** Three phrases spun: "Secretary of Condition", "Countrywide Press Club", "as perfectly as". */
    private static Spun spunSample() {
        return SpinnerProfile.of("test", THESAURUS).spin(
                "The Secretary of State met the National Press Club as well as others.", 1, 1.0);
    }

    private static Edit edit(String text, String span, String replacement, boolean applied) {
        int at = text.indexOf(span);
        return Edit.at(at, at + span.length(), span).replacement(replacement).category("spun-phrase").rule("t")
                .confidence(0.9).explanation("t").applied(applied).build();
    }

    @Test
    void countsRestoredDetectedAndWrongRewrites() {
        Spun spun = spunSample();
        String s = spun.spun();
        List<Edit> edits = List.of(
                edit(s, "Secretary of Condition", "Secretary of State", true),       // correct rewrite
                edit(s, "Countrywide Press Club", "Nationwide Press Club", true),    // wrong rewrite
                edit(s, "as perfectly as", "as well as", false),                    // report only
                edit(s, "others", "other people", true));                          // rewrite of clean text
        Metrics m = new Metrics();
        m.addSpun(spun, repairWith(s, edits));
        assertThat(m.phrases()).isEqualTo(3);
        assertThat(m.detectionRecall()).isCloseTo(1.0, within(1e-9));
        assertThat(m.exactRestoreRecall()).isCloseTo(1.0 / 3, within(1e-9));
        assertThat(m.rewrites()).isEqualTo(3);
        assertThat(m.rewritePrecision()).isCloseTo(1.0 / 3, within(1e-9));
        assertThat(m.reportPrecision()).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void rewritesAreCountedByRuleAndFileOfTheirSource() {
        Spun spun = spunSample();
        String s = spun.spun();
        List<Edit> edits = List.of(
                sourced(edit(s, "Secretary of Condition", "Secretary of State", true), "restorer", "names.tsv:3"),
                sourced(edit(s, "Countrywide Press Club", "Nationwide Press Club", true), "restorer", "names.tsv:9"),
                sourced(edit(s, "as perfectly as", "as well as", false), "restorer", "names.tsv:4"),
                sourced(edit(s, "others", "other people", true), "restorer", "corpus-model"));
        Metrics m = new Metrics();
        m.addSpun(spun, repairWith(s, edits));
        String other = "Nothing here is spun at all, said the speaker to the committee.";
        m.addClean(repairWith(other, List.of(sourced(edit(other, "speaker", "talker", true), "restorer",
                "corpus-model"))));
        // The line of a source is dropped, a report is no rewrite, and a clean text's rewrite counts as false.
        assertThat(m.rewritesBySource()).containsOnlyKeys("restorer names.tsv", "restorer corpus-model");
        assertThat(m.rewritesBySource().get("restorer names.tsv")).containsExactly(2, 1, 0);
        assertThat(m.rewritesBySource().get("restorer corpus-model")).containsExactly(1, 0, 1);
    }

    private static Edit sourced(Edit e, String rule, String source) {
        return e.toBuilder().rule(rule).source(source).build();
    }

    @Test
    void cleanTextRewritesAreFalseAndAucRanksDocuments() {
        Metrics m = new Metrics();
        String clean = "Nothing here is spun at all, said the speaker to the committee.";
        m.addClean(repairWith(clean, List.of(edit(clean, "speaker", "talker", true))));
        m.addClean(repairWith(clean, List.of()));
        assertThat(m.falseRewritesOnClean()).isEqualTo(1);
        assertThat(m.falseRewritesPer10kWords()).isCloseTo(10_000.0 / 24, within(1e-6));

        SpinnerProfile spinner = SpinnerProfile.of("test", THESAURUS);
        Spun spun = spinner.spin("The State of the Union.", 1, 1.0);
        m.addSpun(spun, repairWith(spun.spun(), List.of(edit(spun.spun(), "Condition", "State", true),
                edit(spun.spun(), "Union", "Onion", false))));
        // One spun document scoring above both clean ones.
        assertThat(m.scoreAuc()).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void unscoredDocumentsCountButStayOutOfTheAucUntilPooled() {
        Metrics m = new Metrics();
        String clean = "Nothing here is spun at all, said the speaker to the committee.";
        m.addClean(repairWith(clean, List.of(edit(clean, "speaker", "talker", true))), false);
        assertThat(m.falseRewritesOnClean()).isEqualTo(1);
        assertThat(m.scoredClean()).isZero();
        assertThat(m.scoreAuc()).isNaN();
        m.addCleanScore(2.0);
        m.addSpunScore(1.0);
        m.addSpunScore(3.0);
        assertThat(m.scoredSpun()).isEqualTo(2);
        assertThat(m.scoreAuc()).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void contextAucRanksTheAnomalyScoresAndIsUndefinedWhenNotMeasured() {
        Metrics m = new Metrics();
        String clean = "Nothing here is spun at all, said the speaker to the committee.";
        m.addClean(repairWith(clean, List.of()));
        m.addCleanScore(0);
        assertThat(m.contextAuc()).isNaN(); // no document carried a context score
        m.addContextScores(0.9, 0.2);
        m.addContextScores(0.2, 0.1);
        // spun {0.9, 0.2} against clean {0 (first document), 0.2, 0.1}: 3 + (1 + 0.5 + 1) wins of 6 pairs
        assertThat(m.contextAuc()).isCloseTo(5.5 / 6, within(1e-9));
        assertThat(m.scoreAuc()).isNaN(); // the findings scores are kept apart: no spun unit has one
    }
}
