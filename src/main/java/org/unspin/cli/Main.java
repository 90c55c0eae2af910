package org.unspin.cli;

import java.io.ByteArrayOutputStream;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.FileDescriptor;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.unspin.lexicon.DictionaryException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/** The {@code unspin} command line: {@code fix}, {@code check}, {@code serve} and the others below. */
@Command(name = "unspin", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Find and repair synonym-spun phrases in text.",
        subcommands = CommandLine.HelpCommand.class,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success; for check: nothing found",
            "1:check found something",
            "2:usage error, or a bad input file, output file or dictionary",
            "3:internal error (a bug in unspin)"})
public final class Main implements Callable<Integer> {
    static final int OK = 0;
    static final int FINDINGS = 1;
    static final int USAGE = 2;
    static final int INTERNAL = 3;

    /** Used when the code does not run from the packaged jar (no manifest version). */
    static final String VERSION = "0.1.0";

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out),
                StandardCharsets.UTF_8));
        PrintWriter err = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.err),
                StandardCharsets.UTF_8), true);
        int code = commandLine(System.in, new FileOutputStream(FileDescriptor.out), out, err).execute(args);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /**
     * Runs one command line without exiting the JVM and returns its exit code; standard input is empty. For
     * embedding, and for tests in other packages that compare with the CLI (the Spark job's).
     */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return commandLine(InputStream.nullInputStream(), out, err).execute(args);
    }

    /** The configured command line, reading stdin from {@code stdin}; used by tests. */
    static CommandLine commandLine(InputStream stdin, PrintWriter out, PrintWriter err) {
        return commandLine(stdin, new WriterOutputStream(out), out, err);
    }

    /**
     * The configured command line; {@code rawOut} is standard output as bytes, for corpus mode, which passes
     * bad records (invalid UTF-8 too) through byte for byte.
     */
    static CommandLine commandLine(InputStream stdin, OutputStream rawOut, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Main());
        cl.addSubcommand("fix", new FixCommand(stdin, rawOut));
        cl.addSubcommand("check", new CheckCommand(stdin, rawOut));
        cl.addSubcommand("bench", tool("BenchCommand", "bench"));
        cl.addSubcommand("eval", tool("EvalCommand", "eval"));
        cl.addSubcommand("learn", new LearnCommand(stdin));
        cl.addSubcommand("report", new ReportCommand(stdin));
        cl.addSubcommand("export-lt", new ExportLtCommand());
        cl.addSubcommand("serve", new ServeCommand());
        for (CommandLine sub : cl.getSubcommands().values()) {
            sub.getCommandSpec().usageMessage()
                    .exitCodeListHeading(cl.getCommandSpec().usageMessage().exitCodeListHeading())
                    .exitCodeList(cl.getCommandSpec().usageMessage().exitCodeList());
        }
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler(Main::usageError);
        cl.setExecutionExceptionHandler(Main::failure);
        return cl;
    }

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "missing command: fix or check");
    }

    /**
     * A development tool's command (src/tools/java): in the CLI jar, not in the library jar, and the library
     * does not compile against it, so it is found by name; without it the command says so.
     */
    private static Object tool(String className, String name) {
        try {
            return Class.forName(Main.class.getPackageName() + "." + className).getDeclaredConstructor().newInstance();
        } catch (ClassNotFoundException e) {
            return new MissingTool(name);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stands for a tool this build leaves out (the library jar on its own). */
    @Command(hidden = true)
    static final class MissingTool implements Callable<Integer> {
        private final String name;

        @picocli.CommandLine.Unmatched
        java.util.List<String> ignored;

        MissingTool(String name) {
            this.name = name;
        }

        @Override
        public Integer call() {
            throw new UserError("'" + name + "' is a development tool this build does not contain: run it from the "
                    + "CLI jar (target/unspin.jar, built in the repository)");
        }
    }

    /** Bad options or arguments: one line naming the problem and where to look. */
    private static int usageError(ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        cmd.getErr().println("unspin: " + oneLine(e.getMessage()) + " (see '"
                + cmd.getCommandSpec().qualifiedName() + " --help')");
        return USAGE;
    }

    /** Errors while running: user errors get their message, anything else is a bug; never a stack trace. */
    private static int failure(Exception e, CommandLine cmd, ParseResult parsed) {
        if (e instanceof UserError || e instanceof DictionaryException) {
            cmd.getErr().println("unspin: " + oneLine(e.getMessage()));
            return USAGE;
        }
        cmd.getErr().println("unspin: internal error: " + oneLine(String.valueOf(e)));
        return INTERNAL;
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    /** Bytes decoded as UTF-8 (U+FFFD for bad bytes) into a writer at every flush; whole records are flushed. */
    private static final class WriterOutputStream extends OutputStream {
        private final PrintWriter writer;
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

        WriterOutputStream(PrintWriter writer) {
            this.writer = writer;
        }

        @Override
        public void write(int b) {
            buffer.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            buffer.write(b, off, len);
        }

        @Override
        public void flush() {
            writer.print(buffer.toString(StandardCharsets.UTF_8));
            writer.flush();
            buffer.reset();
        }
    }

    /** The jar's Implementation-Version when there is one, else {@link #VERSION}. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"unspin " + (v == null ? VERSION : v)};
        }
    }
}
