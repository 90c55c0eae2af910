package org.unspin.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.unspin.TestResources;

class SotuChunkerTest {
    private static final Path DATA = Path.of("testdata/eval");
    private static final Path SOTU = Path.of("target/corpora/sotu/package/data");

    private static List<String> sentences(String text) {
        List<String> out = new ArrayList<>();
        for (int[] s : SotuChunker.sentences(text)) {
            out.add(text.substring(s[0], s[1]));
        }
        return out;
    }

    // Expected splits checked with the reference: python3 -c 'import evalsplit; ...sentences(t)'.
    @Test
    void abbreviationsInitialsAndInitialismsDoNotEndSentences() {
        assertThat(sentences("Mr. Smith met Gen. Lee in the U.S. Capitol. He spoke!  \"Then\" we left.) Next one. "
                + "I. M. Pei came."))
                .containsExactly("Mr. Smith met Gen. Lee in the U.S. Capitol.", "He spoke!", "\"Then\" we left.)",
                        "Next one.", "I. M. Pei came.");
    }

    @Test
    void closingQuotesStayNonBreakingSpaceSeparatesAndCaseMatters() {
        assertThat(sentences("A \u201cquote.\u201d Then. \u00a0 Next? (Yes) ok. Dr. No. Done."))
                .containsExactly("A \u201cquote.\u201d", "Then.", "Next?", "(Yes) ok.", "Dr. No. Done.");
        assertThat(sentences("It ended.\n. Then 3 more.  ")).containsExactly("It ended.\n.", "Then 3 more.");
    }

    @Test
    void chunksCloseAtThreeHundredWordsAndDropTheShortRemainder() {
        String sentence = "One two three four five six seven eight nine ten. ";
        String text = sentence.repeat(65);  // 650 words: chunks of 300 and 300, 50 dropped
        List<String> chunks = SotuChunker.chunks(text);
        assertThat(chunks).hasSize(2);
        assertThat(chunks).allSatisfy(c -> assertThat(SotuChunker.words(c)).isEqualTo(300));
        assertThat(text).startsWith(chunks.get(0));
        assertThat(chunks.get(1)).endsWith("ten.");
    }

    @Test
    void reproducesTheManifestChunkCountsOfEveryAddress() throws Exception {
        TestResources.need(Files.isDirectory(SOTU), "SOTU corpus missing: run scripts/fetch-corpora.sh");
        List<EvalSets.ManifestRow> rows = EvalSets.manifest(DATA.resolve(EvalSets.MANIFEST));
        assertThat(rows).hasSize(233);
        for (EvalSets.ManifestRow row : rows) {
            String text = EvalSets.readVerified(SOTU, row, DATA.resolve(EvalSets.MANIFEST));
            List<String> chunks = SotuChunker.chunks(text);
            assertThat(chunks).as(row.file()).hasSize(row.chunks());
            for (String chunk : chunks) {
                assertThat(SotuChunker.words(chunk)).as(row.file()).isGreaterThanOrEqualTo(300);
            }
        }
    }
}
