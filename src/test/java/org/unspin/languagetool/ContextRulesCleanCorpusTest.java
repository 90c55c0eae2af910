package org.unspin.languagetool;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.unspin.TestResources;

/** Precision: no context rule fires anywhere in the clean State of the Union corpus. */
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
        for (Path file : files) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            LanguageToolStage.Result r = stage.analyse(text, false);
            assertThat(r.edits()).as(file.getFileName().toString()).isEmpty();
            sentences += LanguageToolStage.countSentences(text);
            checked += r.sentencesChecked();
        }
        assertThat(sentences).isGreaterThan(50_000);
        // The trigger design's promise on clean text: at most 10% of sentences reach LanguageTool.
        assertThat(checked).isLessThanOrEqualTo(sentences / 10);
    }
}
