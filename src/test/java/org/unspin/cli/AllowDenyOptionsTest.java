package org.unspin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AllowDenyOptionsTest {
    private static final String TEXT = "Secretary of Condition Mike Pompeo spoke as perfectly as he could.\n";

    @Test
    void fixAndCheckTakeAllowAndDenyLists(@TempDir Path dir) throws IOException {
        String table = Cli.table(dir);
        String allow = Cli.write(dir.resolve("allow.tsv"), "phrase\treplacement\nsecretary of condition\t\n");
        String deny = Cli.write(dir.resolve("deny.tsv"), "phrase\treplacement\nMike Pompeo\tMr Pompeo\n");
        Cli.Result fix = Cli.run(TEXT, "fix", "--no-shipped", "--no-context-rules", "--dict", table,
                "--allow", allow, "--deny", deny);
        assertThat(fix.err()).isEmpty();
        assertThat(fix.out()).isEqualTo("Secretary of Condition Mr Pompeo spoke as perfectly as he could.\n");
        Cli.Result check = Cli.run(TEXT, "check", "--no-shipped", "--no-context-rules", "--dict", table,
                "--allow", allow);
        assertThat(check.exit()).isEqualTo(Main.FINDINGS);
        assertThat(check.out()).doesNotContain("Condition").contains("'as perfectly as'");
    }

    @Test
    void badListIsOneLineNamingFileAndLine(@TempDir Path dir) throws IOException {
        String allow = Cli.write(dir.resolve("allow.tsv"), "phrase\treplacement\nfoo\tbar\textra\n");
        Cli.Result r = Cli.run(TEXT, "check", "--allow", allow);
        assertThat(r.exit()).isEqualTo(Main.USAGE);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("unspin: " + allow + ":2: expected 2 tab-separated fields, found 3\n");
        Cli.Result missing = Cli.run(TEXT, "fix", "--deny", dir.resolve("none.tsv").toString());
        assertThat(missing.err()).isEqualTo("unspin: " + dir.resolve("none.tsv") + ": no such file\n");
    }
}
