package org.unspin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCommandTest {
    @TempDir
    Path dir;

    private String[] check(String... more) throws Exception {
        return Stream.concat(Stream.of("check", "--no-shipped", "--dict", Cli.table(dir)), Stream.of(more))
                .toArray(String[]::new);
    }

    @Test
    void cleanTextExitsZeroWithNoOutput() throws Exception {
        Cli.Result r = Cli.run("The Secretary of State spoke.\n", check());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEmpty();
    }

    @Test
    void findingsExitOneWithOneLineEach() throws Exception {
        String file = Cli.write(dir.resolve("news.txt"),
                "Headline\nYesterday the Secretary of Condition said\ncounterfeit consciousness is here.\n");
        Cli.Result r = Cli.run("", check(file));
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out().lines()).satisfiesExactly(
                l -> assertThat(l).matches(quote(file)
                        + ":2:15: spun-phrase: 'Secretary of Condition' -> 'Secretary of State' \\(.*\\)"),
                l -> assertThat(l).matches(quote(file)
                        + ":3:1: spun-phrase: 'counterfeit consciousness' -> 'artificial intelligence' \\(.*\\)"));
    }

    @Test
    void columnCountsCodePointsNotUtf16Units() throws Exception {
        // U+1F600 is two UTF-16 units but one code point (and one column).
        Cli.Result r = Cli.run("\uD83D\uDE00 Secretary of Condition", check());
        assertThat(r.out()).startsWith("<stdin>:1:3: spun-phrase: ");
    }

    @Test
    void reportOnlyFindingsAreMarkedAndStillCount() throws Exception {
        Cli.Result r = Cli.run("It rose as perfectly as prices.", check());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).matches("<stdin>:1:9: spun-phrase: 'as perfectly as' -> 'as well as' \\(.*\\) \\[report\\]\n");
        Cli.Result lowered = Cli.run("It rose as perfectly as prices.", check("--min-confidence", "0.5"));
        assertThat(lowered.out()).doesNotContain("[report]");
    }

    @Test
    void severalFilesInOrderAndCleanOnesSilent() throws Exception {
        String clean = Cli.write(dir.resolve("clean.txt"), "Nothing here.\n");
        String spun = Cli.write(dir.resolve("spun.txt"), "counterfeit consciousness\n");
        Cli.Result r = Cli.run("", check(clean, spun, clean));
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out().lines()).hasSize(1).allMatch(l -> l.startsWith(spun + ":1:1: "));
    }

    @Test
    void jsonFormat() throws Exception {
        Cli.Result r = Cli.run("Secretary of Condition", check("--format", "json"));
        assertThat(r.exit()).isEqualTo(1);
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertThat(root.get("file").asText()).isEqualTo("<stdin>");
        assertThat(root.get("edits").get(0).get("replacement").asText()).isEqualTo("Secretary of State");
    }

    @Test
    void inputErrorExitsTwo() {
        Cli.Result r = Cli.run("", "check", dir.resolve("absent.txt").toString());
        assertThat(r.exit()).isEqualTo(2);
    }

    private static String quote(String s) {
        return java.util.regex.Pattern.quote(s);
    }
}
