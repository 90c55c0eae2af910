package org.unspin.languagetool;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.unspin.Unspinner;

/** The counter behind the share of sentences sent to LanguageTool in {@code bench --compare}. */
class SentenceCounterTest {
    private static final String TEXT = "The budget passed. Last year the routine in Tehran wrapped up an agreement. "
            + "Congress adjourned.";

    @Test
    void countsOnlyTheSentencesSentToLanguageTool() {
        LanguageToolStage stage = LanguageToolStage.withDefaults();
        assertThat(LanguageToolStage.countSentences(TEXT)).isEqualTo(3);
        stage.analyse(TEXT, false);
        assertThat(stage.sentencesChecked()).isEqualTo(1); // only the one with the trigger "the routine"
        stage.analyse("No trigger anywhere in this text.", false);
        assertThat(stage.sentencesChecked()).isEqualTo(1);
        stage.analyse(TEXT, true);
        assertThat(stage.sentencesChecked()).isEqualTo(4);
    }

    @Test
    void unspinnerReportsItsStagesCount() {
        Unspinner unspinner = Unspinner.withDefaults();
        unspinner.repair(TEXT);
        assertThat(unspinner.contextRuleSentencesChecked()).isEqualTo(1);
        Unspinner without = Unspinner.builder().contextRules(false).build();
        without.repair(TEXT);
        assertThat(without.contextRuleSentencesChecked()).isZero();
    }
}
