package org.unspin.cli;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.unspin.Repair;
import org.unspin.Unspinner;
import org.unspin.edit.Edit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "fix", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Repair spun phrases and write the repaired text.",
        footer = {"",
            "Formats: text is the repaired text, exactly (several inputs are concatenated);",
            "json is one object per input and line: {file, text, score, edits};",
            "diff is a unified diff of the input against the repaired text;",
            "worddiff is the input with rewrites marked [-old-]{+new+} (in colour on a",
            "terminal) behind line numbers; with --explain the reasons follow each line.",
            "All inputs are read before anything is written: a bad input leaves no output.",
            "",
            "Corpus mode (--jsonl, a directory, a .gz/.zst/.jsonl input or output, or any",
            "corpus option): JSONL out, one record per JSONL line or text file, every field",
            "kept, the text repaired and an 'unspin' object added; bad records pass through",
            "unchanged and are reported as FILE:LINE: reason. See docs/corpus.md."})
final class FixCommand implements Callable<Integer> {
    enum Format { text, json, diff, worddiff }

    @Spec
    CommandSpec spec;

    @Mixin
    InputOptions input;

    @Mixin
    PipelineOptions pipeline;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write to FILE (atomically replaced) instead of standard output. One input only.")
    String output;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "Output format: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
    Format format = Format.text;

    @Option(names = "--explain", description = "List every edit on standard error, in the check format "
            + "(worddiff: after its line, in the output).")
    boolean explain;

    @Mixin
    ColorOption color;

    @Mixin
    BatchOptions batch;

    private final InputStream stdin;
    private final OutputStream stdout;

    FixCommand(InputStream stdin, OutputStream stdout) {
        this.stdin = stdin;
        this.stdout = stdout;
    }

    @Override
    public Integer call() {
        if (BatchRun.corpusMode(batch, input.files, output)) {
            BatchRun.validate(spec, batch, input, output, true, "--format", "--explain");
            new BatchRun("fix", true, pipeline.unspinner(), batch, input.names(), output, stdin, stdout,
                    spec.commandLine().getErr()).run();
            return Main.OK;
        }
        if (output != null && input.names().size() > 1) {
            throw new ParameterException(spec.commandLine(), "-o takes exactly one input, got " + input.names().size());
        }
        // -o onto the input is allowed here: every input is read before the output is written (in-place fix).
        OutputChecks.knownCompression("-o", output);
        Unspinner unspinner = pipeline.unspinner();
        PrintWriter err = spec.commandLine().getErr();
        StringBuilder result = new StringBuilder();
        boolean several = input.names().size() > 1;
        boolean colour = format == Format.worddiff && color.enabled(output == null);
        for (InputReader.Input in : input.readAll(stdin)) {
            if (in.warning() != null) {
                err.println("unspin: warning: " + in.warning());
            }
            Repair repair = unspinner.repair(in.text());
            if (explain && format != Format.worddiff) {
                LineIndex lines = new LineIndex(repair.input());
                for (Edit e : repair.edits()) {
                    err.println(FindingFormat.format(in.name(), lines, e));
                }
            }
            switch (format) {
                case text -> result.append(repair.text());
                case json -> result.append(JsonReport.of(in.name(), repair)).append('\n');
                case diff -> result.append(UnifiedDiff.of(in.name(), repair));
                case worddiff -> result.append(several ? WordDiff.header(in.name(), colour) : "")
                        .append(WordDiff.of(repair, false, colour, explain));
            }
        }
        if (output != null) {
            AtomicFile.write(output, result.toString());
        } else {
            PrintWriter out = spec.commandLine().getOut();
            out.print(result);
            out.flush();
        }
        return Main.OK;
    }
}
