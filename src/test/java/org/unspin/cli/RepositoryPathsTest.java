package org.unspin.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

class RepositoryPathsTest {

    /** The spec of the subcommand {@code args[0]} after parsing {@code args}. */
    private static CommandSpec parsed(String... args) {
        CommandLine cl = Main.commandLine(InputStream.nullInputStream(), new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()));
        cl.parseArgs(args);
        return cl.getSubcommands().get(args[0]).getCommandSpec();
    }

    private static Path repository(Path dir) throws Exception {
        Files.createDirectories(dir.resolve("testdata"));
        Files.writeString(dir.resolve("pom.xml"), "<project/>");
        return dir;
    }

    @Test
    void aDefaultIsFoundInTheRepositoryFromAnyFolderInIt(@TempDir Path dir) throws Exception {
        Path root = repository(dir);
        Path sub = Files.createDirectories(root.resolve("docs/deeper"));
        CommandSpec eval = parsed("eval");
        assertThat(RepositoryPaths.resolve(eval, "--data", Path.of("testdata/eval"), sub))
                .isEqualTo(root.resolve("testdata/eval"));
        // from the repository itself it stays relative, as messages showed it before
        assertThat(RepositoryPaths.resolve(eval, "--data", Path.of("testdata/eval"), root))
                .isEqualTo(Path.of("testdata/eval"));
    }

    @Test
    void aGivenPathIsTakenAsGiven(@TempDir Path outside) {
        assertThat(RepositoryPaths.resolve(parsed("eval", "--data", "mine"), "--data", Path.of("mine"), outside))
                .isEqualTo(Path.of("mine"));
    }

    @Test
    void outsideTheRepositoryADefaultIsAUsageErrorNamingTheOptionToPass(@TempDir Path outside) {
        assertThatThrownBy(() -> RepositoryPaths.resolve(parsed("eval"), "--data", Path.of("testdata/eval"), outside))
                .isInstanceOf(UserError.class)
                .hasMessage("eval: the default --data testdata/eval is a path in the unspin repository, and " + outside
                        + " is not in one (no pom.xml and testdata/ there or above): run from the repository, or "
                        + "pass --data DIR");
        assertThatThrownBy(() -> RepositoryPaths.resolve(parsed("bench"), "--text",
                Path.of("testdata/clean-sotu-excerpt.txt"), outside))
                .hasMessageEndingWith("or pass --text PATH");
    }
}
