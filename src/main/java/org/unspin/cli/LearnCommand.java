package org.unspin.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.unspin.corpus.CorpusException;
import org.unspin.corpus.CorpusReader;
import org.unspin.corpus.NgramCounter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "learn", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Count the word n-grams of your own corpus into a model for fix/check --model.",
        footer = {"",
            "Inputs: UTF-8 text files, JSONL files (*.jsonl, or any file with",
            "--jsonl: one object per line), directories (their *.txt and *.jsonl",
            "files, recursively), .gz and .zst compressed files and - for standard",
            "input. A bad JSONL line (invalid UTF-8, malformed JSON, no text field) or a",
            "line over 16 MB is skipped with a FILE:LINE: reason warning (--strict:",
            "the run stops there, exit 2).",
            "Beyond --max-ngrams n-grams, rare ones are pruned (lossy counting):",
            "every stored count is then at most the summary's threshold too high."})
final class LearnCommand implements Callable<Integer> {
    /** Warnings printed before the rest are only counted in the summary. */
    private static final int WARNINGS_SHOWN = 100;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "CORPUS", arity = "1..*", description = "Files, directories, or - for standard input.")
    List<String> inputs = new ArrayList<>();

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", required = true,
            description = "The model file to write (atomically replaced).")
    Path output;

    @Option(names = "--jsonl", description = "Read the named files and standard input as JSONL.")
    boolean jsonl;

    @Option(names = "--text-field", paramLabel = "NAME", description = "JSONL field with the text. Default: ${DEFAULT-VALUE}.")
    String textField = "text";

    @Option(names = "--include", paramLabel = "GLOB", description = "Files of directory inputs to read (repeatable; "
            + "as for fix). Default: *.txt and *.jsonl, also .gz and .zst (with --jsonl: only *.jsonl).")
    List<String> includes = new ArrayList<>();

    @Option(names = "--max-ngrams", paramLabel = "N",
            description = "Most n-grams kept in memory (17-34 bytes each: the default takes up to 400 MB). "
                    + "Default: ${DEFAULT-VALUE}.")
    int maxNgrams = NgramCounter.DEFAULT_MAX_NGRAMS;

    @Option(names = "--lenient", description = "Replace invalid UTF-8 with U+FFFD and warn, instead of failing.")
    boolean lenient;

    @Option(names = "--strict", description = "Stop at the first bad JSONL line or over-long line (exit 2) instead "
            + "of skipping it with a warning.")
    boolean strict;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (JSON, tokens, n-gram keys; the "
            + "model is the same bytes for any N). Default: all cores.")
    Integer threads;

    @Option(names = "--quiet", description = "Print no summary.")
    boolean quiet;

    private final InputStream stdin;

    LearnCommand(InputStream stdin) {
        this.stdin = stdin;
    }

    @Override
    public Integer call() {
        if (maxNgrams < 16 || maxNgrams > NgramCounter.LIMIT_MAX_NGRAMS) {
            throw new ParameterException(spec.commandLine(), "--max-ngrams must be within 16.."
                    + NgramCounter.LIMIT_MAX_NGRAMS + ", got " + maxNgrams);
        }
        if (threads != null && (threads < 1 || threads > 1024)) {
            throw new ParameterException(spec.commandLine(), "--threads must be within 1..1024, got " + threads);
        }
        OutputChecks.notAnInput("-o", output.toString(), inputs);
        PrintWriter err = spec.commandLine().getErr();
        long[] warnings = {0};
        long started = System.nanoTime();
        NgramCounter counter = new NgramCounter(maxNgrams);
        CorpusReader reader = new CorpusReader(counter, jsonl, textField, lenient, includes,
                threads == null ? Runtime.getRuntime().availableProcessors() : threads, warning -> {
            if (warnings[0]++ < WARNINGS_SHOWN) {
                err.println(warning);
            }
        }).strict(strict);
        try {
            for (String input : inputs) {
                reader.read(input, stdin);
            }
            counter.write(output);
        } catch (CorpusException e) {
            throw new UserError(e.getMessage());
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        if (warnings[0] > WARNINGS_SHOWN) {
            err.println("unspin: " + (warnings[0] - WARNINGS_SHOWN) + " more warnings not shown");
        }
        if (!quiet) {
            PrintWriter out = spec.commandLine().getOut();
            out.printf(Locale.ROOT, "%s: %d files, %d lines (%d skipped), %d tokens, %d n-grams kept, threshold %d "
                            + "(%d prunes), %.1f MB in %.2f s, %.1f MB/s%n", output, reader.files(), reader.lines(),
                    reader.skipped(), counter.tokens(), counter.size(), counter.threshold(), counter.prunes(),
                    reader.bytes() / 1e6, seconds, reader.bytes() / 1e6 / Math.max(seconds, 1e-9));
            out.flush();
        }
        return Main.OK;
    }
}
