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
        Cli.Result r = Cli.run("", "eval", "--domains", "science", "--max-docs", "6", "--no-restore",
                "--seed", "5", "--examples", "2", "--json", json.toString());
        assertThat(r.err()).isEmpty();
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("domain ", "missed phrases", "wrong rewrites").containsPattern("\\nscience +6 ");
        JsonNode tree = new ObjectMapper().readTree(json.toFile());
        assertThat(tree.at("/settings/seed").asLong()).isEqualTo(5);
        assertThat(tree.at("/settings/restorer").asBoolean()).isFalse();
        assertThat(tree.at("/settings/shippedTables").asBoolean()).isTrue();
        assertThat(tree.at("/settings/contextRules").asBoolean()).isTrue();
        assertThat(tree.at("/domains/science/docs").asInt()).isEqualTo(6);
        assertThat(tree.at("/domains/science/phrases").asLong()).isPositive();
        assertThat(tree.at("/missedExamples")).hasSize(2);
    }

    @Test
    void contextRulesCanBeSwitchedOffForABeforeAfterComparison(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("eval.json");
        Cli.Result r = Cli.run("", "eval", "--domains", "science", "--max-docs", "4", "--no-restore",
                "--no-context-rules", "--json", json.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("detector: shipped tables, min confidence");
        assertThat(new ObjectMapper().readTree(json.toFile()).at("/settings/contextRules").asBoolean()).isFalse();
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
        assertThat(Cli.run("", "eval", "--rate", "1.5").exit()).isEqualTo(Main.USAGE);
    }
}
