package org.unspin.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.unspin.corpus.CorpusException;
import org.unspin.corpus.CorpusInputs;
import org.unspin.lexicon.MinedSubstitution;
import org.unspin.corpus.SubstitutionMiner;
import org.unspin.lexicon.NgramModel;
import org.unspin.lexicon.Thesaurus;
import org.unspin.corpus.CorpusReader;
import org.unspin.corpus.NgramCounter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "learn", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Count the word n-grams of your own corpus, and mine the substitutions a spinner made in "
                + "it, into a model for fix/check --model.",
        footer = {"",
            "Inputs: UTF-8 text files, JSONL files (*.jsonl, or any file with",
            "--jsonl: one object per line), directories (their *.txt and *.jsonl",
            "files, recursively), .gz and .zst compressed files and - for standard",
            "input. A bad JSONL line (invalid UTF-8, malformed JSON, no text field) or a",
            "line over 16 MB is skipped with a FILE:LINE: reason warning (--strict:",
            "the run stops there, exit 2).",
            "Beyond --max-ngrams n-grams, rare ones are pruned (lossy counting):",
            "every stored count is then at most the summary's threshold too high.",
            "Mining (unless --no-mine; needs the pocketsphinx-en-us language model or",
            "UNSPIN_LM): thesaurus pairs (observed, original) that the model prefers",
            "consistently in the observed word's sampled contexts, in documents that",
            "look spun; at most 24 contexts per word (about 44 MB at most). The model",
            "carries them; --export-substitutions writes them as a candidate TSV."})
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

    @Option(names = "--no-mine", description = "Do not mine the spinner's substitutions (the model is then a "
            + "version-1 file of n-gram counts only).")
    boolean noMine;

    @Option(names = "--export-substitutions", paramLabel = "FILE.tsv", description = "Also write the mined "
            + "substitutions as a candidate-dictionary TSV to review and edit (atomically replaced; never an input).")
    Path exportSubstitutions;

    @Option(names = "--quiet", description = "Print no summary.")
    boolean quiet;

    private final InputStream stdin;

    /** The miner on the installed language model, or null (with one line saying so) without one. */
    private static SubstitutionMiner miner(PrintWriter err) {
        java.util.Optional<Path> lm = NgramModel.findInstalled();
        if (lm.isEmpty()) {
            err.println("unspin: no language model at " + NgramModel.configuredPath() + ": substitutions not mined "
                    + "(install pocketsphinx-en-us or set UNSPIN_LM; --no-mine silences this)");
            return null;
        }
        try {
            return new SubstitutionMiner(NgramModel.open(lm.get()), Thesaurus.shipped(),
                    SubstitutionMiner.Settings.DEFAULT);
        } catch (java.io.IOException e) {
            throw new UserError(lm.get() + ": cannot read the language model (" + e.getMessage() + ")");
        }
    }

    private static long sampledTypes(SubstitutionMiner.State state) {
        long n = 0;
        for (int id = 0; id < state.vocabulary(); id++) {
            n += state.stats(id) != null ? 1 : 0;
        }
        return n;
    }

    /** The export must not replace a file this run reads (or the model it writes). */
    private void refuseToOverwriteAnInput(Path export) {
        Path target = export.toAbsolutePath().normalize();
        List<Path> read = new ArrayList<>();
        read.add(output.toAbsolutePath().normalize());
        try {
            for (CorpusInputs.Source source : CorpusInputs.expand(inputs, jsonl, includes)) {
                if (source.path() != null) {
                    read.add(source.path().toAbsolutePath().normalize());
                }
            }
        } catch (CorpusException e) {
            throw new UserError(e.getMessage());
        }
        for (Path p : read) {
            boolean same = p.equals(target);
            try {
                same |= java.nio.file.Files.exists(target) && java.nio.file.Files.isSameFile(p, target);
            } catch (java.io.IOException ignored) {
                // cannot tell: the names decide
            }
            if (same) {
                throw new UserError(export + ": refusing to overwrite an input or the model with "
                        + "--export-substitutions");
            }
        }
    }

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
        if (noMine && exportSubstitutions != null) {
            throw new ParameterException(spec.commandLine(), "--export-substitutions needs mining: drop --no-mine");
        }
        if (exportSubstitutions != null) {
            refuseToOverwriteAnInput(exportSubstitutions);
        }
        int workers = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        long[] warnings = {0};
        long started = System.nanoTime();
        if (exportSubstitutions != null && NgramModel.findInstalled().isEmpty()) {
            throw new UserError("--export-substitutions: no language model at " + NgramModel.configuredPath()
                    + " to mine with (install pocketsphinx-en-us or set UNSPIN_LM)");
        }
        SubstitutionMiner miner = noMine ? null : miner(err);
        SubstitutionMiner.State mined = miner == null ? null : miner.newState();
        NgramCounter counter = new NgramCounter(maxNgrams);
        CorpusReader reader = new CorpusReader(counter, miner, mined, jsonl, textField, lenient, includes, workers,
                warning -> {
                    if (warnings[0]++ < WARNINGS_SHOWN) {
                        err.println(warning);
                    }
                }).strict(strict);
        List<MinedSubstitution> substitutions = null;
        long scoring = 0;
        try {
            for (String input : inputs) {
                reader.read(input, stdin);
            }
            if (miner != null) {
                long t0 = System.nanoTime();
                substitutions = miner.mine(mined, workers);
                scoring = System.nanoTime() - t0;
            }
            counter.write(output, substitutions);
        } catch (CorpusException e) {
            throw new UserError(e.getMessage());
        }
        if (exportSubstitutions != null && substitutions != null) {
            AtomicFile.write(exportSubstitutions.toString(), MinedSubstitution.tsv(substitutions));
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
            if (substitutions != null) {
                out.printf(Locale.ROOT, "%d substitutions mined from %d documents (%d word types sampled, %.1f MB of "
                                + "samples; scoring %.2f s)%s%n", substitutions.size(), mined.documents(),
                        sampledTypes(mined), mined.sampleBytes() / 1e6, scoring / 1e9,
                        exportSubstitutions == null ? "" : ", exported to " + exportSubstitutions);
            }
            out.flush();
        }
        return Main.OK;
    }
}
