package org.unspin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FixCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private String[] fix(String... more) throws Exception {
        return Stream.concat(Stream.of("fix", "--no-shipped", "--dict", Cli.table(dir)), Stream.of(more))
                .toArray(String[]::new);
    }

    @Test
    void repairsStdinExactlyWithoutAddingANewline() throws Exception {
        Cli.Result r = Cli.run("The Secretary of Condition spoke.", fix());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEqualTo("The Secretary of State spoke.");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void dashMeansStdin() throws Exception {
        assertThat(Cli.run("counterfeit consciousness\n", fix("-")).out()).isEqualTo("artificial intelligence\n");
    }

    @Test
    void cleanTextPassesUnchanged() throws Exception {
        String clean = "The Secretary of State spoke about artificial intelligence,\r\nas well as trade.\n\n";
        Cli.Result r = Cli.run(clean, fix());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEqualTo(clean);
    }

    @Test
    void emptyInputGivesEmptyOutput() throws Exception {
        Cli.Result r = Cli.run("", fix());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEmpty();
    }

    @Test
    void lowConfidenceFindingIsNotRewrittenUnlessThresholdLowered() throws Exception {
        String text = "It rose as perfectly as prices.";
        assertThat(Cli.run(text, fix()).out()).isEqualTo(text);
        assertThat(Cli.run(text, fix("--min-confidence", "0.4")).out()).isEqualTo("It rose as well as prices.");
    }

    @Test
    void severalFilesAreConcatenatedInOrder() throws Exception {
        String a = Cli.write(dir.resolve("a.txt"), "Secretary of Condition\n");
        String b = Cli.write(dir.resolve("b.txt"), "counterfeit consciousness");
        assertThat(Cli.run("", fix(b, a)).out()).isEqualTo("artificial intelligence" + "Secretary of State\n");
    }

    @Test
    void outputFileIsWrittenAndReplaced() throws Exception {
        String in = Cli.write(dir.resolve("in.txt"), "Ask the Secretary of Condition.\n");
        Path out = dir.resolve("out.txt");
        Files.writeString(out, "old content that is longer than the new one, to catch truncation bugs\n");
        Cli.Result r = Cli.run("", fix("-o", out.toString(), in));
        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(out).hasContent("Ask the Secretary of State.\n");
        assertThat(leftovers()).containsExactlyInAnyOrder("in.txt", "out.txt", "test.tsv");
    }

    @Test
    void fixInPlaceWithOutputEqualToInput() throws Exception {
        String in = Cli.write(dir.resolve("doc.txt"), "counterfeit consciousness\n");
        assertThat(Cli.run("", fix("-o", in, in)).exit()).isZero();
        assertThat(Path.of(in)).hasContent("artificial intelligence\n");
    }

    @Test
    void errorLeavesExistingOutputUntouchedAndNoTempFile() throws Exception {
        Path out = dir.resolve("out.txt");
        Files.writeString(out, "precious\n");
        Path bad = dir.resolve("bad.txt");
        Files.write(bad, new byte[] {'x', (byte) 0xFF});
        Cli.Result r = Cli.run("", fix("-o", out.toString(), bad.toString()));
        assertThat(r.exit()).isEqualTo(2);
        assertThat(out).hasContent("precious\n");
        assertThat(leftovers()).containsExactlyInAnyOrder("bad.txt", "out.txt", "test.tsv");
    }

    @Test
    void errorCreatesNoOutputFile() throws Exception {
        Path out = dir.resolve("new.txt");
        Cli.Result r = Cli.run("", fix("-o", out.toString(), dir.resolve("missing.txt").toString()));
        assertThat(r.exit()).isEqualTo(2);
        assertThat(leftovers()).containsExactly("test.tsv");
    }

    @Test
    void unwritableOutputIsOneLineErrorAndLeavesNoTempFile() throws Exception {
        Path out = dir.resolve("no-such-dir").resolve("out.txt");
        Cli.Result r = Cli.run("text", fix("-o", out.toString()));
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("unspin: " + out + ": cannot write (no such directory)" + System.lineSeparator());
        Cli.Result d = Cli.run("text", fix("-o", dir.toString()));
        assertThat(d.err()).isEqualTo("unspin: " + dir + ": is a directory" + System.lineSeparator());
        assertThat(leftovers()).containsExactly("test.tsv");
    }

    @Test
    void jsonHasFileTextScoreAndEdits() throws Exception {
        String input = "Intro line.\nThe Secretary of Condition spoke; it rose as perfectly as prices.\n";
        Cli.Result r = Cli.run(input, fix("--format", "json"));
        assertThat(r.exit()).isZero();
        assertThat(r.out()).endsWith("}\n").hasLineCount(1);
        JsonNode root = JSON.readTree(r.out());
        assertThat(root.get("file").asText()).isEqualTo("<stdin>");
        assertThat(root.get("text").asText())
                .isEqualTo("Intro line.\nThe Secretary of State spoke; it rose as perfectly as prices.\n");
        JsonNode score = root.get("score");
        assertThat(score.get("words").asInt()).isEqualTo(13);
        assertThat(score.get("findings").asInt()).isEqualTo(2);
        assertThat(score.get("perThousandWords").asDouble()).isEqualTo(2 * 1000.0 / 13);
        assertThat(score.get("byCategory").get("spun-phrase").asInt()).isEqualTo(2);

        JsonNode edits = root.get("edits");
        assertThat(edits).hasSize(2);
        JsonNode first = edits.get(0);
        int start = input.indexOf("Secretary of Condition");
        assertThat(first.get("start").asInt()).isEqualTo(start);
        assertThat(first.get("end").asInt()).isEqualTo(start + "Secretary of Condition".length());
        assertThat(first.get("line").asInt()).isEqualTo(2);
        assertThat(first.get("column").asInt()).isEqualTo(5);
        assertThat(first.get("original").asText()).isEqualTo("Secretary of Condition");
        assertThat(first.get("replacement").asText()).isEqualTo("Secretary of State");
        assertThat(first.get("category").asText()).isEqualTo("spun-phrase");
        assertThat(first.get("confidence").asDouble()).isEqualTo(0.95);
        assertThat(first.get("applied").asBoolean()).isTrue();
        assertThat(first.get("source").asText()).contains("test.tsv");
        for (String field : List.of("rule", "explanation")) {
            assertThat(first.get(field).isTextual()).as(field).isTrue();
        }
        JsonNode second = edits.get(1);
        assertThat(second.get("original").asText()).isEqualTo("as perfectly as");
        assertThat(second.get("applied").asBoolean()).isFalse();
    }

    @Test
    void jsonForSeveralFilesIsJsonLines() throws Exception {
        String a = Cli.write(dir.resolve("a.txt"), "Secretary of Condition\n");
        String b = Cli.write(dir.resolve("b.txt"), "clean\n");
        Cli.Result r = Cli.run("", fix("--format", "json", a, b));
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(JSON.readTree(lines.get(0)).get("file").asText()).isEqualTo(a);
        assertThat(JSON.readTree(lines.get(0)).get("edits")).hasSize(1);
        assertThat(JSON.readTree(lines.get(1)).get("file").asText()).isEqualTo(b);
        assertThat(JSON.readTree(lines.get(1)).get("edits")).isEmpty();
    }

    @Test
    void diffOfATwoLineChange() throws Exception {
        String input = """
                one
                The Secretary of Condition spoke
                about counterfeit consciousness.
                four
                five
                six
                seven
                eight
                """;
        String file = Cli.write(dir.resolve("doc.txt"), input);
        Cli.Result r = Cli.run("", fix("--format", "diff", file));
        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEqualTo("--- a/" + file + "\n+++ b/" + file + "\n" + """
                @@ -1,6 +1,6 @@
                 one
                -The Secretary of Condition spoke
                -about counterfeit consciousness.
                +The Secretary of State spoke
                +about artificial intelligence.
                 four
                 five
                 six
                """);
    }

    @Test
    void diffOfCleanTextIsEmpty() throws Exception {
        assertThat(Cli.run("nothing to see\n", fix("--format", "diff")).out()).isEmpty();
    }

    @Test
    void explainListsEditsOnStderr() throws Exception {
        Cli.Result r = Cli.run("x\nSecretary of Condition", fix("--explain"));
        assertThat(r.out()).isEqualTo("x\nSecretary of State");
        assertThat(r.err()).matches("<stdin>:2:1: spun-phrase: 'Secretary of Condition' -> 'Secretary of State' "
                + "\\(.*\\)\\R");
    }

    @Test
    void helpAndVersion() {
        Cli.Result v = Cli.run("", "--version");
        assertThat(v.exit()).isZero();
        assertThat(v.out().strip()).isEqualTo("unspin 0.1.0");
        Cli.Result h = Cli.run("", "fix", "--help");
        assertThat(h.exit()).isZero();
        assertThat(h.out()).contains("--min-confidence=X", "--dict=FILE", "--format=FORMAT", "Exit codes:",
                "Default: 0.8");
    }

    private List<String> leftovers() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }
}
