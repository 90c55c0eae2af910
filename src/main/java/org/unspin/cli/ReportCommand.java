package org.unspin.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.unspin.Unspinner;
import org.unspin.corpus.JsonlRecord;
import org.unspin.corpus.LineReader;
import org.unspin.corpus.RecordAnnotator;
import org.unspin.report.ReviewReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "report", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Write a self-contained HTML review report of what fix would do to the inputs.",
        footer = {"",
            "Each text file is one document; with --jsonl each line of a file is one",
            "(named FILE:LINE). A bad JSONL line (invalid UTF-8, malformed JSON, no",
            "text field) is skipped with a FILE:LINE: reason warning, as in corpus",
            "mode; --strict stops at it instead (exit 2). The report holds a summary, charts, every document's edits",
            "(sortable, filterable) and lets you mark edits as wrong and export them",
            "as an allow list for --allow."})
final class ReportCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = RecordAnnotator.mapper();
    /** Longest JSONL line read; a longer one is skipped unread, as in corpus mode. */
    private static final int MAX_RECORD_BYTES = 64 << 20;

    @Spec
    CommandSpec spec;

    @Mixin
    InputOptions input;

    @Mixin
    PipelineOptions pipeline;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", required = true,
            description = "The HTML file to write (atomically replaced).")
    String output;

    @Option(names = "--jsonl", description = "Read the inputs as JSONL: one JSON object per line.")
    boolean jsonl;

    @Option(names = "--strict", description = "With --jsonl: stop at the first bad line (exit 2) instead of "
            + "skipping it with a warning.")
    boolean strict;

    @Option(names = "--text-field", paramLabel = "NAME", description = "JSONL field with the text. Default: ${DEFAULT-VALUE}.")
    String textField = "text";

    @Option(names = "--sample", paramLabel = "N", description = "Report on a uniform random sample of N documents.")
    Integer sample;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of the sample: the same inputs, N and seed give "
            + "the same documents. Default: ${DEFAULT-VALUE}.")
    long seed = 1;

    @Option(names = "--threshold", paramLabel = "X", description = "Spin score (findings per 1,000 words) from which "
            + "a document counts as spun. Default: ${DEFAULT-VALUE}.")
    double threshold = ReviewReport.DEFAULT_THRESHOLD;

    private final InputStream stdin;

    ReportCommand(InputStream stdin) {
        this.stdin = stdin;
    }

    /** A document read but not yet repaired; {@code text} null means "read the file when sampled". */
    private record Candidate(long index, String name, String text) {
    }

    @Override
    public Integer call() {
        if (sample != null && sample < 1) {
            throw new ParameterException(spec.commandLine(), "--sample must be at least 1, got " + sample);
        }
        if (!(threshold >= 0 && Double.isFinite(threshold))) {
            throw new ParameterException(spec.commandLine(), "--threshold must be a finite number >= 0, got " + threshold);
        }
        AtomicFile.checkWritable("-o", output); // before the work, not after it
        OutputChecks.notAnInput("-o", output, input.names());
        Unspinner unspinner = pipeline.unspinner();
        PrintWriter err = spec.commandLine().getErr();
        Reservoir reservoir = new Reservoir(sample, seed);
        InputReader reader = new InputReader(input.lenient);
        for (String name : input.names()) {
            if (jsonl) {
                readJsonl(name, reservoir, err);
            } else if (name.equals("-")) {
                reservoir.offer(InputReader.STDIN, read(reader, name, stdin, err));
            } else {
                InputReader.checkReadable(name, Path.of(name));
                reservoir.offer(name, null); // read only if sampled
            }
        }
        List<Candidate> kept = new ArrayList<>();
        for (Candidate c : reservoir.kept()) { // files first, so a bad one fails before any work
            kept.add(c.text() != null ? c : new Candidate(c.index(), c.name(), read(reader, c.name(), null, err)));
        }
        List<ReviewReport.Document> docs = kept.parallelStream()
                .map(c -> new ReviewReport.Document(c.name(), unspinner.repair(c.text())))
                .toList();
        AtomicFile.write(output, ReviewReport.html(docs, threshold, (int) reservoir.seen()));
        return Main.OK;
    }

    private static String read(InputReader reader, String name, InputStream stdin, PrintWriter err) {
        InputReader.Input in = reader.read(name, stdin);
        if (in.warning() != null) {
            err.println("unspin: warning: " + in.warning());
        }
        return in.text();
    }

    /**
     * Reads one JSONL input line by line as corpus mode does ({@link JsonlRecord}): a bad record (invalid UTF-8,
     * malformed JSON, no text) is skipped with a FILE:LINE: reason warning, or with --strict stops the run.
     */
    private void readJsonl(String name, Reservoir reservoir, PrintWriter err) {
        String shown = name.equals("-") ? InputReader.STDIN : name;
        try (InputStream in = name.equals("-") ? stdin : Files.newInputStream(checked(name))) {
            LineReader lines = new LineReader(in, MAX_RECORD_BYTES);
            while (lines.next(null)) {
                String where = shown + ":" + lines.number();
                String reason;
                if (lines.tooLong()) {
                    reason = "record of " + lines.length() + " bytes is over " + (MAX_RECORD_BYTES >> 20) + " MB";
                } else {
                    JsonlRecord record = JsonlRecord.read(JSON, lines.buffer(), lines.bufferLength(), lines.offset(),
                            textField);
                    if (record == null) {
                        continue;
                    }
                    if (!record.bad()) {
                        reservoir.offer(where, record.text());
                        continue;
                    }
                    reason = record.reason();
                }
                if (strict) {
                    throw new UserError(where + ": " + reason);
                }
                err.println("unspin: warning: " + where + ": " + reason + ", skipped");
            }
        } catch (IOException e) {
            throw new UserError(shown + ": cannot read (" + e.getMessage() + ")");
        }
    }

    private static Path checked(String name) {
        Path path = Path.of(name);
        InputReader.checkReadable(name, path);
        return path;
    }

    /**
     * Algorithm R: keeps a uniform sample of {@code size} of all documents offered (all of them when size is
     * null), drawn with a seeded generator so a run can be repeated; kept documents come back in input order.
     */
    private static final class Reservoir {
        private final Integer size;
        private final SplittableRandom random;
        private final List<Candidate> kept = new ArrayList<>();
        private long seen;

        Reservoir(Integer size, long seed) {
            this.size = size;
            this.random = new SplittableRandom(seed);
        }

        void offer(String name, String text) {
            Candidate c = new Candidate(seen++, name, text);
            if (size == null || kept.size() < size) {
                kept.add(c);
            } else {
                long slot = random.nextLong(seen);
                if (slot < size) {
                    kept.set((int) slot, c);
                }
            }
        }

        long seen() {
            return seen;
        }

        List<Candidate> kept() {
            List<Candidate> inOrder = new ArrayList<>(kept);
            inOrder.sort(Comparator.comparingLong(Candidate::index));
            return inOrder;
        }
    }
}
