package org.unspin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportLtCommandTest {
    @TempDir
    Path dir;

    @Test
    void writesBothFilesWithTheRowsAtOrAboveTheThreshold() throws Exception {
        Path out = dir.resolve("lt");
        Cli.Result r = Cli.run("", "export-lt", "--no-shipped", "--dict", Cli.table(dir), out.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).contains("2 phrase-table rows (confidence >= 0.80; 1 below left out");
        String replace = Files.readString(out.resolve("org/languagetool/rules/en/replace_custom.txt"),
                StandardCharsets.UTF_8);
        assertThat(replace.lines().filter(l -> !l.startsWith("#"))).satisfiesExactly(
                l -> assertThat(l).startsWith("secretary of condition=Secretary of State\t"),
                l -> assertThat(l).startsWith("counterfeit consciousness=artificial intelligence\t"));
        assertThat(out.resolve("org/languagetool/rules/en/grammar_custom.xml")).content()
                .contains("<rule id=\"UNSPIN_ROUTINE_IN_CAPITAL\"");
    }

    @Test
    void lowerThresholdExportsTheReportOnlyRowsToo() throws Exception {
        Path out = dir.resolve("lt");
        Cli.Result r = Cli.run("", "export-lt", "--no-shipped", "--no-context-rules", "--min-confidence", "0.5",
                "--dict", Cli.table(dir), out.toString());
        assertThat(r.exit()).isZero();
        assertThat(out.resolve("org/languagetool/rules/en/replace_custom.txt")).content()
                .contains("\nas perfectly as=as well as\t");
        assertThat(out.resolve("org/languagetool/rules/en/grammar_custom.xml")).content()
                .doesNotContain("<rule ");
    }

    @Test
    void phrasesAsRulesGoIntoTheGrammarFileAndReplaceAnEarlierReplaceFile() throws Exception {
        Path out = dir.resolve("lt");
        String table = Cli.table(dir);
        assertThat(Cli.run("", "export-lt", "--no-shipped", "--dict", table, out.toString()).exit()).isZero();
        Cli.Result r = Cli.run("", "export-lt", "--no-shipped", "--dict", table, "--phrases-as-rules", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("and 2 phrase-table rows as rules");
        assertThat(out.resolve("org/languagetool/rules/en/replace_custom.txt")).doesNotExist();
        assertThat(out.resolve("org/languagetool/rules/en/grammar_custom.xml")).content()
                .contains("<rule id=\"UNSPIN_PHRASE_TEST_3\" name=\"Secretary of Condition → Secretary of State\">"
                        + "<pattern><token>Secretary</token><token>of</token><token>Condition</token></pattern>");
    }

    @Test
    void aRowTheReplaceSyntaxCannotHoldIsSkippedWithAWarning() throws Exception {
        String table = Cli.write(dir.resolve("odd.tsv"), "spun\tcanonical\tcategory\tconfidence\tnote\n"
                + "item #4 overview\titem 4 review\tspun-phrase\t0.9\t\n"
                + "counterfeit consciousness\tartificial intelligence\tspun-term\t0.9\t\n");
        Path out = dir.resolve("lt");
        Cli.Result r = Cli.run("", "export-lt", "--no-shipped", "--no-context-rules", "--dict", table, out.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.err()).isEqualTo("unspin: warning: not exported: " + table
                + ":2: 'item #4 overview' contains '=', '|', '#', a tab, a line break or two spaces\n");
        assertThat(r.out()).contains("1 phrase-table rows", "1 not expressible");
        assertThat(out.resolve("org/languagetool/rules/en/replace_custom.txt")).content()
                .doesNotContain("item").contains("counterfeit consciousness=");
    }

    @Test
    void aBrokenRuleFileIsAOneLineError() throws Exception {
        String rules = Cli.write(dir.resolve("bad.xml"), "<rules lang=\"en\"><category id=\"X\"\n");
        Cli.Result r = Cli.run("", "export-lt", "--rules", rules, dir.resolve("lt").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("unspin: " + rules + ":").doesNotContain("\tat ");
        assertThat(dir.resolve("lt")).doesNotExist();
    }
}
