package org.unspin.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.unspin.Unspinner;
import org.unspin.corpus.BadRecordPolicy;
import org.unspin.corpus.CorpusException;
import org.unspin.corpus.RecordAnnotator;
import org.unspin.corpus.RecordSource;
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
            "Inputs are read as fix and check read them in corpus mode: files, directories",
            "(their *.txt and *.jsonl files, also .gz and .zst; see --include), '-' for",
            "standard input. Each text file is one document; each line of a JSONL file",
            "(*.jsonl, or any input with --jsonl) is one (named FILE:LINE). A bad record",
            "(invalid UTF-8, malformed JSON, no text field, too large, binary) is skipped",
            "with a FILE:LINE: reason warning; --strict stops at it instead (exit 2).",
            "The report holds a summary, charts, every document's edits",
            "(sortable, filterable) and lets you mark edits as wrong and export them",
            "as an allow list for --allow."})
final class ReportCommand implements Callable<Integer> {
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

    @Option(names = "--strict", description = "Stop at the first bad record (exit 2) instead of skipping it with a "
            + "warning.")
    boolean strict;

    @Option(names = "--include", paramLabel = "GLOB", description = "Files of directory inputs to read (repeatable; "
            + "as for fix). Default: *.txt and *.jsonl, also .gz and .zst (with --jsonl: only *.jsonl).")
    List<String> includes = new ArrayList<>();

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

    /** A document read but not yet repaired. */
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
        try {
            read(reservoir, err);
        } catch (CorpusException e) {
            throw new UserError(e.getMessage());
        }
        List<ReviewReport.Document> docs = reservoir.kept().parallelStream()
                .map(c -> new ReviewReport.Document(c.name(), unspinner.repair(c.text())))
                .toList();
        AtomicFile.write(output, ReviewReport.html(docs, threshold, (int) reservoir.seen()));
        return Main.OK;
    }

    /**
     * Offers every document of the inputs to the sample ({@link RecordSource}, as corpus mode reads them): a
     * bad record is skipped with a FILE:LINE: reason warning, or with --strict stops the run.
     */
    private void read(Reservoir reservoir, PrintWriter err) {
        BadRecordPolicy policy = BadRecordPolicy.strictOr(strict, BadRecordPolicy.SKIP);
        ObjectMapper json = RecordAnnotator.mapper(); // here, not when every command's class loads at start-up
        try (RecordSource records = RecordSource.of(input.names(), jsonl, includes, stdin).textField(textField)
                .maxRecordBytes(RecordSource.DEFAULT_MAX_RECORD_BYTES, "the record limit").lenient(input.lenient)
                .warnings(w -> err.println("unspin: warning: " + w))) {
            for (RecordSource.Record r; (r = records.next()) != null; ) {
                RecordSource.Parsed doc = records.decode(r);
                if (doc.bad() == null && r.jsonl()) {
                    doc = r.parse(doc.text(), json, textField);
                }
                if (doc == null) {
                    continue; // a blank line
                }
                if (doc.bad() != null) {
                    err.println("unspin: warning: " + policy.report(doc.bad()));
                } else {
                    reservoir.offer(r.jsonl() ? r.where() : r.source().name(), doc.text());
                }
            }
        } catch (IOException e) {
            throw new UserError("cannot close an input (" + e.getMessage() + ")");
        }
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
