package org.unspin.languagetool;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.languagetool.rules.CorrectExample;
import org.languagetool.rules.IncorrectExample;
import org.languagetool.rules.patterns.AbstractPatternRule;
import org.unspin.edit.Edit;

/** Replays every example of every shipped context rule through the stage. */
class ContextRuleExamplesTest {
    private static LanguageToolStage stage;
    private static Map<AbstractPatternRule, String> rules;

    @BeforeAll
    static void load() {
        stage = LanguageToolStage.withDefaults();
        rules = ContextRules.load(true, List.of()).parse(new UnspinEnglish(UnspinEnglish.Analysis.FULL));
    }

    @Test
    void everyRuleHasAnIncorrectAndACorrectExampleAndShipsFromItsFile() {
        assertThat(rules).hasSizeGreaterThanOrEqualTo(30);
        rules.forEach((rule, file) -> {
            assertThat(file).as(rule.getId()).matches("rules/[a-z-]+\\.xml");
            assertThat(rule.getIncorrectExamples()).as(rule.getId()).isNotEmpty();
            assertThat(rule.getCorrectExamples()).as(rule.getId()).isNotEmpty();
            for (IncorrectExample example : rule.getIncorrectExamples()) {
                assertThat(example.getCorrections()).as(rule.getId()).isNotEmpty();
            }
        });
    }

    @TestFactory
    Stream<DynamicTest> incorrectExamplesGiveExactlyTheMarkedEdit() {
        List<DynamicTest> tests = new ArrayList<>();
        rules.forEach((rule, file) -> {
            for (IncorrectExample example : rule.getIncorrectExamples()) {
                String marked = example.getExample();
                tests.add(DynamicTest.dynamicTest(rule.getId() + ": " + marked, () -> {
                    int start = marked.indexOf("<marker>");
                    int end = marked.indexOf("</marker>") - "<marker>".length();
                    String text = marked.replace("<marker>", "").replace("</marker>", "");
                    for (boolean thorough : new boolean[] {false, true}) {
                        List<Edit> edits = stage.check(text, thorough);
                        assertThat(edits).as("thorough=" + thorough).hasSize(1);
                        Edit edit = edits.get(0);
                        assertThat(edit.rule()).isEqualTo(rule.getId());
                        assertThat(edit.start()).isEqualTo(start);
                        assertThat(edit.end()).isEqualTo(end);
                        assertThat(edit.replacement()).isEqualTo(example.getCorrections().get(0));
                        assertThat(edit.category()).isEqualTo("context");
                        assertThat(edit.source()).isEqualTo(file);
                        // Rules of type "grammar" (articles after a swap) report; every other rule rewrites.
                        boolean grammar = rule.getLocQualityIssueType() == org.languagetool.rules.ITSIssueType.Grammar;
                        assertThat(edit.applied()).isEqualTo(!grammar);
                        assertThat(edit.explanation()).doesNotContain("<suggestion>");
                    }
                }));
            }
        });
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> correctExamplesGiveNothing() {
        List<DynamicTest> tests = new ArrayList<>();
        rules.forEach((rule, file) -> {
            for (CorrectExample example : rule.getCorrectExamples()) {
                String text = example.getExample();
                tests.add(DynamicTest.dynamicTest(rule.getId() + ": " + text,
                        () -> assertThat(stage.check(text, true)).isEmpty()));
            }
        });
        return tests.stream();
    }
}
