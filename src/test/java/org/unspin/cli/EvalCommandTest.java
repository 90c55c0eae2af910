package org.unspin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalCommandTest {

    @Test
    void printsTheTableAndWritesJsonWithTheSettings(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("eval.json");
        Cli.Result r = Cli.run("", "eval", "--domains", "science", "--max-docs", "6", "--spinner", "independent",
                "--seed", "5", "--examples", "2", "--json", json.toString());
        assertThat(r.err()).isEmpty();
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("domain ", "missed phrases", "wrong rewrites").containsPattern("\\nscience +6 ");
        JsonNode tree = new ObjectMapper().readTree(json.toFile());
        assertThat(tree.at("/settings/seed").asLong()).isEqualTo(5);
        assertThat(tree.at("/settings/spinner").asText()).isEqualTo("independent");
        assertThat(tree.at("/settings/setting").asText()).isEqualTo("single");
        assertThat(tree.at("/settings/restorerThesaurus").asText()).isEqualTo("moby");
        assertThat(tree.at("/settings/restorer").asBoolean()).isTrue();
        assertThat(tree.at("/settings/operatingPoint/minConfidence").asDouble()).isEqualTo(0.8);
        assertThat(tree.at("/domains/science/flagsOnCleanPer10kWords").isNumber()).isTrue();
        assertThat(tree.at("/settings/shippedTables").asBoolean()).isTrue();
        assertThat(tree.at("/settings/contextRules").asBoolean()).isTrue();
        assertThat(tree.at("/domains/science/docs").asInt()).isEqualTo(6);
        assertThat(tree.at("/domains/science/phrases").asLong()).isPositive();
        assertThat(tree.at("/missedExamples")).hasSize(2);
    }

    @Test
    void contextRulesCanBeSwitchedOffForABeforeAfterComparison(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("eval.json");
        Cli.Result r = Cli.run("", "eval", "--domains", "science", "--max-docs", "4",
                "--no-context-rules", "--by-source", "--json", json.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("restorer: shipped tables + restorer (margins candidate ", "thesaurus all sources",
                "rewrites by source");
        JsonNode tree = new ObjectMapper().readTree(json.toFile());
        assertThat(tree.at("/settings/contextRules").asBoolean()).isFalse();
        // The rewrites by source add up to all rewrites.
        long bySource = 0;
        for (JsonNode source : tree.at("/rewritesBySource")) {
            bySource += source.get("rewrites").asLong();
        }
        assertThat(tree.at("/overall/rewrites").asLong()).isPositive().isEqualTo(bySource);

        Cli.Result off = Cli.run("", "eval", "--domains", "science", "--max-docs", "4", "--no-restore",
                "--json", json.toString());
        assertThat(off.exit()).as(off.err()).isZero();
        assertThat(off.out()).contains("restorer: shipped tables + context rules, thesaurus all sources");
        assertThat(new ObjectMapper().readTree(json.toFile()).at("/settings/restorer").asBoolean()).isFalse();
    }

    @Test
    void aMissingCorpusIsAUsageErrorNamingTheFetchScript(@TempDir Path dir) {
        Cli.Result r = Cli.run("", "eval", "--domains", "news", "--corpus", dir.resolve("none").toString());
        assertThat(r.exit()).isEqualTo(Main.USAGE);
        assertThat(r.err()).startsWith("unspin: SOTU corpus not found in").contains("scripts/fetch-corpora.sh");
    }

    @Test
    void anUnknownSplitOrDomainIsAUsageError() {
        assertThat(Cli.run("", "eval", "--split", "train").err()).contains("unknown split 'train'");
        assertThat(Cli.run("", "eval", "--domains", "law").err()).contains("unknown domain 'law'");
        assertThat(Cli.run("", "eval", "--spun-share", "0.5").exit()).isEqualTo(Main.USAGE);
        assertThat(Cli.run("", "eval", "--spinner", "brownian").err()).contains("unknown spinner 'brownian'");
        assertThat(Cli.run("", "eval", "--setting", "web").err()).contains("unknown setting 'web'");
    }

    @Test
    void theCorpusSettingLearnsFromAMixedCorpusInProcessAndRepairsWithTheModel(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("eval.json");
        Path work = dir.resolve("work");
        // the scale parameter: a 40,000-word corpus of the science split and the manuals as filler
        Path filler = dir.resolve("filler");
        java.nio.file.Files.createDirectories(filler);
        java.nio.file.Files.copy(Path.of("testdata/eval/manuals.jsonl"), filler.resolve("manuals.jsonl"));
        Cli.Result r = Cli.run("", "eval", "--domains", "science", "--max-docs", "6", "--setting", "corpus",
                "--corpus-words", "40000", "--filler", filler.toString(), "--work", work.toString(),
                "--json", json.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("corpus: ", "learned in ").containsPattern("\\nscience +6 ");
        assertThat(work.resolve("corpus.jsonl")).exists();
        assertThat(work.resolve("corpus.model")).exists();
        JsonNode tree = new ObjectMapper().readTree(json.toFile());
        assertThat(tree.at("/settings/setting").asText()).isEqualTo("corpus");
        assertThat(tree.at("/settings/corpus/words").asLong()).isGreaterThanOrEqualTo(40_000);
        assertThat(tree.at("/settings/corpus/spunShare").asDouble()).isBetween(0.1, 0.3);
        assertThat(tree.at("/settings/corpusModel").asText()).endsWith("corpus.model");
        assertThat(tree.at("/settings/corpus/miningThesaurus").asText()).isEqualTo("all");

        // against the independent spinner the miner follows only Moby's links, as the restorer does
        Cli.Result independent = Cli.run("", "eval", "--domains", "science", "--max-docs", "6", "--setting",
                "corpus", "--spinner", "independent", "--corpus-words", "40000", "--filler", filler.toString(),
                "--json", json.toString());
        assertThat(independent.exit()).as(independent.err()).isZero();
        assertThat(independent.out()).contains("mining with Moby only");
        assertThat(new ObjectMapper().readTree(json.toFile()).at("/settings/corpus/miningThesaurus").asText())
                .isEqualTo("moby");
    }
}
