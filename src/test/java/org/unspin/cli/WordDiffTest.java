package org.unspin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WordDiffTest {
    private static final String NEWS = "testdata/spun-news.txt";
    private static final String ESC = "\033";

    /** Removes the gutter and keeps one side of every mark: the input ({@code old}) or the fix. */
    private static String side(String worddiff, boolean old) {
        String text = worddiff.replaceAll("(?m)^ *[0-9]* \\|( |$)", "");
        text = text.replaceAll("\\[\\?(.*?)\\?\\](\\{\\?.*?\\?\\})?", "$1");
        return text.replaceAll("\\[-(.*?)-\\]\\{\\+(.*?)\\+\\}", old ? "$1" : "$2");
    }

    @Test
    void plainCheckMarksRewritesAndReportsAndKeepsEveryOtherCharacter() throws IOException {
        String input = Files.readString(Path.of(NEWS));
        Cli.Result r = Cli.run("", "check", "--format", "worddiff", NEWS);
        assertThat(r.exit()).isEqualTo(Main.FINDINGS);
        assertThat(r.out()).doesNotContain(ESC).startsWith("1 | [-Secretary of Condition-]{+Secretary of State+} Mike "
                + "Pompeo spoke at the [-Countrywide Press Club-]{+National Press Club+}.")
                .contains("until the [?Innovative Guard?]{?Revolutionary Guard?} ended")
                .contains("\n2 |\n3 | Speaking [-as perfectly as-]{+as well as+} he could");
        assertThat(r.out().lines()).hasSize(5);
        String fixed = Cli.run("", "fix", NEWS).out();
        assertThat(side(r.out(), true)).isEqualTo(input);
        assertThat(side(r.out(), false)).isEqualTo(fixed);
        // Every check finding is marked once: 17 rewrites, 1 report and 1 suspect-word flag.
        assertThat(r.out().split("\\[-", -1)).hasSize(18);
        assertThat(r.out().split("\\[\\?", -1)).hasSize(3);
    }

    @Test
    void fixShowsOnlyRewritesAndNoColourUnlessAsked() {
        Cli.Result r = Cli.run("", "fix", "--format", "worddiff", NEWS);
        assertThat(r.out()).doesNotContain("[?").doesNotContain(ESC).contains("the Innovative Guard ended");
        assertThat(Cli.run("", "fix", "--format", "worddiff", "--color", "always", "--no-color", NEWS).out())
                .isEqualTo(r.out());
    }

    @Test
    void colourIsRedThenGreenWithoutBrackets() throws IOException {
        String input = Files.readString(Path.of(NEWS));
        String out = Cli.run("", "check", "--format", "worddiff", "--color", "always", NEWS).out();
        assertThat(out).startsWith(ESC + "[2m1 |" + ESC + "[m " + ESC + "[31mSecretary of Condition" + ESC + "[m"
                + ESC + "[32mSecretary of State" + ESC + "[m Mike Pompeo")
                .contains(ESC + "[33mInnovative Guard" + ESC + "[m" + ESC + "[36m{?Revolutionary Guard?}" + ESC + "[m")
                .doesNotContain("[-").doesNotContain("{+");
        String old = out.replaceAll(ESC + "\\[(32|36)m.*?" + ESC + "\\[m", "").replaceAll(ESC + "\\[[0-9]*m", "")
                .replaceAll("(?m)^ *[0-9]* \\|( |$)", "");
        assertThat(old).isEqualTo(input);
    }

    @Test
    void editAcrossLinesKeepsNumberingAndExplainFollowsTheLineWhereItEnds(@TempDir Path dir) throws IOException {
        String table = Cli.table(dir);
        String text = "Line one.\nThe Secretary of\nCondition spoke\n\nat last\n";
        Cli.Result r = Cli.run(text, "fix", "--format", "worddiff", "--explain", "--no-shipped",
                "--no-context-rules", "--dict", table);
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).isEqualTo("""
                1 | Line one.
                2 | The [-Secretary of
                3 | Condition-]{+Secretary of State+} spoke
                  |   ^ spun-phrase: 'Secretary of\\nCondition' -> 'Secretary of State' (state -> condition)
                4 |
                5 | at last
                """.replace("(state", "(" + "spun form of 'Secretary of State' (" + table + ":3: state").replace("condition)\n", "condition))\n"));
    }

    @Test
    void severalInputsGetAHeaderAndInvisibleCharactersShow(@TempDir Path dir) throws IOException {
        String a = Cli.write(dir.resolve("a.txt"), "zero\u200Bwidth");
        String b = Cli.write(dir.resolve("b.txt"), "clean\n");
        Cli.Result r = Cli.run("", "fix", "--format", "worddiff", a, b);
        assertThat(r.out()).isEqualTo("==> " + a + " <==\n1 | zero[-\\u200B-]{++}width\n==> " + b + " <==\n1 | clean\n");
    }
}
