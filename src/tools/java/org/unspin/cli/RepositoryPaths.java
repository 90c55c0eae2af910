package org.unspin.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

/**
 * The defaults of the development tools that live in the unspin repository (eval's evaluation data and fetched
 * corpora, bench's text), resolved against it explicitly: the repository is the current folder or the first one
 * above it that holds {@code pom.xml} and {@code testdata/}. Outside it such a default is a usage error naming
 * the option to pass instead.
 */
final class RepositoryPaths {
    private RepositoryPaths() {
    }

    /**
     * {@code value} as given when {@code option} is on the command line; otherwise the default {@code value}
     * in the repository (left relative when the repository is the current folder, so messages read as before).
     */
    static Path resolve(CommandSpec spec, String option, Path value) {
        return resolve(spec, option, value, Path.of("").toAbsolutePath());
    }

    /** As {@link #resolve(CommandSpec, String, Path)}, with {@code here} as the current folder. */
    static Path resolve(CommandSpec spec, String option, Path value, Path here) {
        ParseResult parsed = spec.commandLine().getParseResult();
        if (value.isAbsolute() || parsed != null && parsed.hasMatchedOption(option)) {
            return value;
        }
        String label = spec.findOption(option).paramLabel();
        Path root = root(here).orElseThrow(() -> new UserError(spec.name() + ": the default " + option + " "
                + value + " is a path in the unspin repository, and " + here + " is not in one (no pom.xml and "
                + "testdata/ there or above): run from the repository, or pass " + option + " "
                + (label.startsWith("<") ? "PATH" : label)));
        return root.equals(here) ? value : root.resolve(value);
    }

    private static Optional<Path> root(Path from) {
        for (Path dir = from; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("testdata"))) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }
}
