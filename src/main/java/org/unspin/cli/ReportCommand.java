package org.unspin.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.unspin.Unspinner;
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
            "(named FILE:LINE). A bad JSONL line is skipped with a FILE:LINE: reason",
            "warning. The report holds a summary, charts, every document's edits",
            "(sortable, filterable) and lets you mark edits as wrong and export them",
            "as an allow list for --allow."})
final class ReportCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

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
        Unspinner unspinner = pipeline.unspinner();
        PrintWriter err = spec.commandLine().getErr();
        Reservoir reservoir = new Reservoir(sample, seed);
        InputReader reader = new InputReader(input.lenient);
        for (String name : input.names()) {
            if (jsonl) {
                readJsonl(name, unspinner, reservoir, err);
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

    /** Reads one JSONL input line by line (strict UTF-8); bad records are skipped with a warning. */
    private void readJsonl(String name, Unspinner unspinner, Reservoir reservoir, PrintWriter err) {
        String shown = name.equals("-") ? InputReader.STDIN : name;
        RecordAnnotator records = new RecordAnnotator(unspinner, textField, false, RecordAnnotator.EditDetail.NONE, null);
        int number = 0;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(
                name.equals("-") ? stdin : Files.newInputStream(checked(name)),
                StandardCharsets.UTF_8.newDecoder()))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    JsonNode node = JSON.readTree(line);
                    if (!(node instanceof ObjectNode record)) {
                        throw new RecordAnnotator.BadRecordException("not a JSON object");
                    }
                    reservoir.offer(shown + ":" + number, records.textOf(record));
                } catch (RecordAnnotator.BadRecordException e) {
                    err.println("unspin: warning: " + shown + ":" + number + ": " + e.getMessage() + ", skipped");
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    err.println("unspin: warning: " + shown + ":" + number + ": malformed JSON, skipped");
                }
            }
        } catch (CharacterCodingException e) {
            throw new UserError(shown + ":" + (number + 1) + ": invalid UTF-8");
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
