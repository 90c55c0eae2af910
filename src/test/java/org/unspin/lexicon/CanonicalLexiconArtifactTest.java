package org.unspin.lexicon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The committed artifact matches its manifest and the current Tokeniser (else: run scripts/build-lexicon.sh). */
class CanonicalLexiconArtifactTest {
    private static final Path DIR = Path.of("dictionaries");

    @Test
    void manifestRecordsTheCommittedArtifact() throws IOException, NoSuchAlgorithmException {
        JsonNode manifest = new ObjectMapper().readTree(DIR.resolve(CanonicalLexicon.MANIFEST_NAME).toFile());
        byte[] bytes = Files.readAllBytes(DIR.resolve(CanonicalLexicon.FILE_NAME));
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        assertThat(manifest.path("artifact").path("sha256").asText()).isEqualTo(sha);
        assertThat(manifest.path("artifact").path("bytes").asInt()).isEqualTo(bytes.length);
        CanonicalLexicon lexicon = CanonicalLexicon.load(DIR.resolve(CanonicalLexicon.FILE_NAME));
        assertThat(manifest.path("artifact").path("phrases").asInt()).isEqualTo(lexicon.size());

        List<String> names = new ArrayList<>();
        for (JsonNode source : manifest.path("sources")) {
            names.add(source.path("name").asText());
            assertThat(source.path("sha256").asText()).matches("[0-9a-f]{64}");
            assertThat(source.path("version").asText()).isNotEmpty();
        }
        assertThat(names).isEqualTo(lexicon.sourceNames());
    }

    @Test
    void curatedListsInTheManifestMatchTheFilesInGit() throws IOException, NoSuchAlgorithmException {
        JsonNode manifest = new ObjectMapper().readTree(DIR.resolve(CanonicalLexicon.MANIFEST_NAME).toFile());
        int curated = 0;
        for (JsonNode source : manifest.path("sources")) {
            String pkg = source.path("package").asText();
            if (pkg.startsWith("dictionaries/lexicon-src/")) {
                curated++;
                byte[] bytes = Files.readAllBytes(Path.of(pkg));
                assertThat(source.path("sha256").asText()).as(pkg + " changed since the last build")
                        .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
            }
        }
        try (var files = Files.list(DIR.resolve("lexicon-src"))) {
            assertThat(curated).isEqualTo(files.filter(p -> p.toString().endsWith(".txt")).count());
        }
    }

    @Test
    void keysAreTheTokensOfTheCurrentTokeniser() {
        CanonicalLexicon lexicon = CanonicalLexicon.load(DIR.resolve(CanonicalLexicon.FILE_NAME));
        List<String> stale = new ArrayList<>();
        for (int i = 0; i < lexicon.size() && stale.size() < 10; i++) {
            String key = lexicon.phrase(i);
            String proper = lexicon.properForm(key);
            String retokenised = CanonicalLexicon.keyOf(proper == null ? key : proper);
            if (!retokenised.equals(key)) {
                stale.add(key + " -> " + retokenised);
            }
        }
        assertThat(stale).as("keys tokenised differently now; rerun scripts/build-lexicon.sh").isEmpty();
    }
}
