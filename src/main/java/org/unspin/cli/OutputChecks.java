package org.unspin.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.unspin.corpus.Compression;

/** Output options that would lose data, refused before any input is read. */
final class OutputChecks {
    private OutputChecks() {
    }

    /** Refuses an output file that is one of the input files: the run would replace its own input. */
    static void notAnInput(String option, String output, List<String> inputs) {
        if (output == null || output.equals("-")) {
            return;
        }
        Path out = Path.of(output);
        for (String input : inputs) {
            if (!input.equals("-") && same(out, Path.of(input))) {
                throw new UserError(option + " " + output + " is also an input: the run would replace it; "
                        + "write to another file");
            }
        }
    }

    private static boolean same(Path a, Path b) {
        if (Files.exists(a) && Files.exists(b)) {
            try {
                return Files.isSameFile(a, b);
            } catch (IOException e) {
                // compared by name below
            }
        }
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }

    /** Refuses a compression suffix unspin does not write ({@code .bz2}, {@code .xz}, ...) rather than write plain. */
    static void knownCompression(String option, String output) {
        String suffix = output == null ? null : Compression.unsupportedSuffix(output);
        if (suffix != null) {
            throw new UserError(option + " " + output + ": " + suffix + " compression is not supported "
                    + "(.gz and .zst are, or no suffix for plain text)");
        }
    }
}
