package org.unspin.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Runs the CLI in-process with the given stdin and captures exit code, stdout and stderr. */
final class Cli {
    /** A small phrase table in the shipped TSV format. */
    static final String TABLE = """
            # phrase table for CLI tests
            spun\tcanonical\tcategory\tconfidence\tnote
            Secretary of Condition\tSecretary of State\tspun-phrase\t0.95\tstate -> condition
            counterfeit consciousness\tartificial intelligence\tspun-phrase\t0.9\tartificial -> counterfeit
            as perfectly as\tas well as\tspun-phrase\t0.5\tambiguous: also a plain comparison
            """;

    record Result(int exit, String out, String err) {
    }

    private Cli() {
    }

    static Result run(String stdin, String... args) {
        return run(stdin.getBytes(StandardCharsets.UTF_8), args);
    }

    static Result run(byte[] stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.commandLine(new ByteArrayInputStream(stdin), new PrintWriter(out), new PrintWriter(err))
                .execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    /** Writes {@link #TABLE} into {@code dir} and returns its path as a string. */
    static String table(Path dir) throws IOException {
        return write(dir.resolve("test.tsv"), TABLE);
    }

    static String write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file.toString();
    }
}
