package org.unspin.languagetool;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import org.junit.jupiter.api.Test;
import org.unspin.TestResources;

/**
 * Precision: no context rule fires anywhere in the clean State of the Union corpus, not even on the sentences
 * with a trigger word that the exact token filter keeps from LanguageTool.
 */
class ContextRulesCleanCorpusTest {
    @Test
    void noContextRuleFiresOnTheStateOfTheUnionCorpus() throws IOException {
        Path dir = Path.of("target/corpora/sotu/package/data");
        TestResources.need(Files.isDirectory(dir), "run scripts/fetch-corpora.sh to fetch the corpus");
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        LanguageToolStage stage = LanguageToolStage.withDefaults();
        long sentences = 0;
        long checked = 0;
        long triggered = 0;
        for (Path file : files) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            LanguageToolStage.Result r = stage.analyse(text, false);
            assertThat(r.edits()).as(file.getFileName().toString()).isEmpty();
            sentences += LanguageToolStage.countSentences(text);
            checked += r.sentencesChecked();
            if (r.sentences() > 0) {
                triggered += thoroughOnTriggeredSentences(stage, text, file.getFileName().toString());
            }
        }
        assertThat(triggered).isGreaterThan(checked);
        assertThat(sentences).isGreaterThan(50_000);
        // The trigger design's promise on clean text: at most 10% of sentences reach LanguageTool.
        assertThat(checked).isLessThanOrEqualTo(sentences / 10);
    }

    /**
     * Every sentence with a trigger word, checked by all rules (thorough): what the exact token filter kept from
     * LanguageTool must not hold a match either. Returns how many sentences had a trigger.
     */
    private static int thoroughOnTriggeredSentences(LanguageToolStage stage, String text, String name) {
        BreakIterator breaks = BreakIterator.getSentenceInstance(new ULocale("en@ss=standard"));
        String unwrapped = LanguageToolStage.unwrapLines(text);
        breaks.setText(unwrapped);
        int triggered = 0;
        for (int at = breaks.first(), end = breaks.next(); end != BreakIterator.DONE; at = end, end = breaks.next()) {
            String sentence = unwrapped.substring(at, end);
            if (stage.analyse(sentence, false).sentences() > 0) {
                triggered++;
                assertThat(stage.analyse(sentence, true).edits()).as(name + ": " + sentence).isEmpty();
            }
        }
        return triggered;
    }
}
