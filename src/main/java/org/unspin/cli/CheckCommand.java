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

@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Report spun phrases, one per line, without changing anything.",
        footer = {"",
            "Text format: FILE:LINE:COL: CATEGORY: 'original' -> 'suggestion' (explanation)",
            "LINE and COL are 1-based and COL counts Unicode code points. Standard input",
            "is named <stdin>. A finding without a suggestion shows -> ?, and line breaks",
            "inside the quotes show as \\n. A finding that fix would only report, not",
            "rewrite (confidence below --min-confidence), ends in [report].",
            "The json format is the same as for fix. worddiff shows the input with",
            "rewrites marked [-old-]{+new+} and reports [?old?]{?suggestion?} (in colour",
            "on a terminal) behind line numbers; --explain adds the reasons.",
            "",
            "Corpus mode (--jsonl, a directory, a .gz/.zst/.jsonl input or output, or any",
            "corpus option): the input records as JSONL, every field and the text kept",
            "as they were, with an 'unspin' object added (score, findings, edits).",
            "Exit 1 if any record has a finding. See docs/corpus.md."})
final class CheckCommand implements Callable<Integer> {
    enum Format { text, json, worddiff }

    @Spec
    CommandSpec spec;

    @Mixin
    InputOptions input;

    @Mixin
    PipelineOptions pipeline;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "Output format: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
    Format format = Format.text;

    @Option(names = "--explain", description = "worddiff: print each finding's reason after its line.")
    boolean explain;

    @Mixin
    ColorOption color;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Corpus mode: write the JSONL records to FILE (atomically replaced).")
    String output;

    @Mixin
    BatchOptions batch;

    private final InputStream stdin;
    private final OutputStream stdout;

    CheckCommand(InputStream stdin, OutputStream stdout) {
        this.stdin = stdin;
        this.stdout = stdout;
    }

    @Override
    public Integer call() {
        if (BatchRun.corpusMode(batch, input.files, output)) {
            BatchRun.validate(spec, batch, input, output, false, "--format");
            boolean found = new BatchRun("check", false, pipeline.unspinner(), batch, input.names(), output, stdin,
                    stdout, spec.commandLine().getErr()).run();
            return found ? Main.FINDINGS : Main.OK;
        }
        if (output != null) {
            throw new ParameterException(spec.commandLine(), "-o is for corpus mode (JSONL records), see --help");
        }
        Unspinner unspinner = pipeline.unspinner();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean found = false;
        boolean several = input.names().size() > 1;
        boolean colour = format == Format.worddiff && color.enabled(true);
        for (InputReader.Input in : input.readAll(stdin)) {
            if (in.warning() != null) {
                err.println("unspin: warning: " + in.warning());
            }
            Repair repair = unspinner.repair(in.text());
            found |= !repair.edits().isEmpty();
            if (format == Format.json) {
                out.print(JsonReport.of(in.name(), repair) + "\n");
            } else if (format == Format.worddiff) {
                out.print((several ? WordDiff.header(in.name(), colour) : "") + WordDiff.of(repair, true, colour, explain));
            } else {
                LineIndex lines = new LineIndex(repair.input());
                for (Edit e : repair.edits()) {
                    out.print(FindingFormat.format(in.name(), lines, e) + "\n");
                }
            }
        }
        out.flush();
        return found ? Main.FINDINGS : Main.OK;
    }
}
