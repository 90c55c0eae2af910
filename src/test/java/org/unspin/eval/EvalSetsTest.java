package org.unspin.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unspin.TestResources;

class EvalSetsTest {
    private static final Path DATA = Path.of("testdata/eval");
    private static final Path SOTU = Path.of("target/corpora/sotu/package/data");

    /** A data folder with one fake address (name chosen to fall in {@code split}) and its manifest row. */
    private static Path fakeData(Path dir, String text, String recordedHashOf) throws IOException {
        String name = "1999_fake_address.txt";
        Files.createDirectories(dir.resolve("sotu"));
        Files.writeString(dir.resolve("sotu").resolve(name), text, StandardCharsets.UTF_8);
        String sha = HexFormat.of().formatHex(EvalSets.sha256(recordedHashOf.getBytes(StandardCharsets.UTF_8)));
        Files.writeString(dir.resolve(EvalSets.MANIFEST), "file\tsplit\tsha256\tchunks\n"
                + name + "\t" + EvalSets.splitOf(name) + "\t" + sha + "\t1\n");
        Files.copy(DATA.resolve("news-modern.jsonl"), dir.resolve("news-modern.jsonl"));
        return dir.resolve("sotu");
    }

    @Test
    void splitFollowsTheHashRuleOfTheReadme() {
        // Stored splits in the JSONL files and manifest are checked against splitOf while loading.
        List<EvalDocument> dev = EvalSets.jsonl(DATA.resolve("science.jsonl"), "science", "field", "dev");
        List<EvalDocument> test = EvalSets.jsonl(DATA.resolve("science.jsonl"), "science", "field", "test");
        assertThat(dev).allSatisfy(d -> assertThat(EvalSets.splitOf(d.id())).isEqualTo("dev"));
        assertThat(test).allSatisfy(d -> assertThat(EvalSets.splitOf(d.id())).isEqualTo("test"));
        assertThat(dev.size() + test.size()).isEqualTo(76);
        assertThat(EvalSets.manifest(DATA.resolve(EvalSets.MANIFEST)))
                .allSatisfy(r -> assertThat(r.split()).isEqualTo(EvalSets.splitOf(r.file())));
    }

    @Test
    void aChangedAddressIsRejectedNamingFileAndManifestLine(@TempDir Path dir) throws IOException {
        String text = "A short address. ".repeat(100);
        Path sotu = fakeData(dir, text, text + "changed");
        String split = EvalSets.splitOf("1999_fake_address.txt");
        assertThatThrownBy(() -> EvalSets.load(dir, sotu, split, List.of("news")))
                .isInstanceOf(EvalDataException.class)
                .hasMessageContaining("1999_fake_address.txt: sha256 ")
                .hasMessageContaining(EvalSets.MANIFEST + ":2")
                .hasMessageContaining("scripts/fetch-corpora.sh");
    }

    @Test
    void anUnchangedAddressIsChunkedIntoNewsDocuments(@TempDir Path dir) throws IOException {
        String text = "A short address. ".repeat(400);
        Path sotu = fakeData(dir, text, text);
        String split = EvalSets.splitOf("1999_fake_address.txt");
        List<EvalDocument> news = EvalSets.load(dir, sotu, split, List.of("news")).get("news");
        assertThat(news).filteredOn(d -> d.id().startsWith("1999_fake_address.txt#"))
                .extracting(EvalDocument::id)
                .containsExactly("1999_fake_address.txt#1", "1999_fake_address.txt#2", "1999_fake_address.txt#3",
                        "1999_fake_address.txt#4");
    }

    @Test
    void aMissingCorpusNamesTheFetchScript(@TempDir Path dir) {
        assertThatThrownBy(() -> EvalSets.load(DATA, dir.resolve("nothing"), "test", List.of("news")))
                .isInstanceOf(EvalDataException.class)
                .hasMessageContaining("SOTU corpus not found in")
                .hasMessageContaining("scripts/fetch-corpora.sh");
    }

    @Test
    void theTestSplitHoldsTheManifestChunksAndTheModernNews() {
        TestResources.need(Files.isDirectory(SOTU), "SOTU corpus missing: run scripts/fetch-corpora.sh");
        Map<String, List<EvalDocument>> sets = EvalSets.load(DATA, SOTU, "test", EvalSets.DOMAINS);
        int chunks = EvalSets.manifest(DATA.resolve(EvalSets.MANIFEST)).stream()
                .filter(r -> r.split().equals("test")).mapToInt(EvalSets.ManifestRow::chunks).sum();
        int modern = EvalSets.jsonl(DATA.resolve("news-modern.jsonl"), "news", "topic", "test").size();
        assertThat(sets.get("news")).hasSize(chunks + modern);
        assertThat(sets.get("science")).allSatisfy(d -> assertThat(d.domain()).isEqualTo("science"));
        assertThat(sets.get("news").stream().map(EvalDocument::id).distinct().count()).isEqualTo(chunks + modern);
        assertThat(EvalSets.spread(sets.get("news"), 10)).hasSize(10).doesNotHaveDuplicates();
    }

    @Test
    void theManualsAreDocumentsOfThreeHundredWordsOrMoreWithUniqueIdsOnTheHashSplit() {
        Map<String, List<EvalDocument>> test = EvalSets.load(DATA, SOTU, "test", List.of("manuals"));
        Map<String, List<EvalDocument>> dev = EvalSets.load(DATA, SOTU, "dev", List.of("manuals"));
        List<EvalDocument> all = new java.util.ArrayList<>(test.get("manuals"));
        all.addAll(dev.get("manuals"));
        assertThat(all).extracting(EvalDocument::id).doesNotHaveDuplicates();
        assertThat(all).allSatisfy(d -> assertThat(SotuChunker.words(d.text())).isGreaterThanOrEqualTo(300));
        assertThat(all).extracting(EvalDocument::group).containsOnly("computing", "biology", "engineering",
                "statistics", "physics");
        long testWords = test.get("manuals").stream().mapToLong(d -> SotuChunker.words(d.text())).sum();
        // Step 2 asks for 200,000+ clean words of news-like and science-like text; the SOTU chunks are the
        // news side, the manuals most of the science side
        assertThat(testWords).isGreaterThan(140_000);
        assertThat(dev.get("manuals").size()).isBetween(all.size() / 5, all.size() * 2 / 5);
    }
}
