package org.unspin.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import org.unspin.Repair;
import org.unspin.Unspinner;
import org.unspin.corpus.Compression;
import org.unspin.corpus.CorpusException;
import org.unspin.corpus.BadRecordPolicy;
import org.unspin.corpus.BadRecordPolicy.BadRecord;
import org.unspin.corpus.CorpusInputs.Source;
import org.unspin.corpus.RecordAnnotator;
import org.unspin.corpus.RecordSource;
import org.unspin.corpus.RecordSource.Parsed;
import org.unspin.corpus.RecordSource.Record;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * Corpus mode of fix and check: records (JSONL lines, or whole plain text files) stream from one reader
 * thread through N workers to one writer, which writes them in input order. The reader hands each record to
 * the worker pool and queues its future in a bounded window; the writer takes the futures from the window in
 * order. The window (records) and a budget of bytes in flight bound the memory, whatever the input size.
 *
 * <p>Records come from {@link RecordSource}. A bad record (invalid UTF-8, malformed JSON, no string text field,
 * too long, binary) is written through unchanged and reported by the writer, in input order
 * ({@link BadRecordPolicy#PASS}; {@code --strict}: {@link BadRecordPolicy#STOP}). The output is written to a temporary file and moved
 * into place at the end; every two seconds the writer records a checkpoint (records done, output lengths,
 * counts) next to it, from which {@code --resume} continues.
 */
final class BatchRun {
    /**
     * Per-thread CPU time of the workers: MB/s per core that other processes and the JIT do not distort.
     * Loaded on first use: java.management costs start-up time, and every fix and check loads this class.
     */
    private static final class Cpu {
        static final java.lang.management.ThreadMXBean THREADS =
                java.lang.management.ManagementFactory.getThreadMXBean();
    }
    private final java.util.concurrent.atomic.LongAdder workerCpuNanos = new java.util.concurrent.atomic.LongAdder();
    /** Errors printed on standard error; the rest are counted (and all go to --errors). */
    static final int ERRORS_SHOWN = 100;
    private static final long CHECKPOINT_EVERY_NANOS = 2_000_000_000L;
    private static final int MIN_BYTES_IN_FLIGHT = 64 << 20;
    private static final byte[] LF = {'\n'};

    private final String command;
    private final Unspinner unspinner;
    private final BatchOptions options;
    private final List<String> inputs;
    private final String output;
    private final InputStream stdin;
    private final OutputStream stdout;
    private final PrintWriter err;
    private final RecordAnnotator annotator;
    private final ObjectMapper json;
    private final double splitScore;
    private final String splitName;
    private final boolean annotatorFixes;
    /** PASS, or STOP with --strict. */
    private final BadRecordPolicy policy;

    private volatile boolean stopped;
    private volatile Exception readFailure;

    private BatchStats stats = new BatchStats();
    private long skip;
    private ResumableOutput main;
    private ResumableOutput split;
    private ResumableOutput errors;

    BatchRun(String command, boolean fix, Unspinner unspinner, BatchOptions options, List<String> inputs,
             String output, InputStream stdin, OutputStream stdout, PrintWriter err) {
        this.command = command;
        this.unspinner = unspinner;
        this.options = options;
        this.inputs = inputs;
        this.output = output;
        this.stdin = stdin;
        this.stdout = stdout;
        this.err = err;
        this.annotatorFixes = fix;
        this.policy = BadRecordPolicy.strictOr(options.strict, BadRecordPolicy.PASS);
        this.annotator = new RecordAnnotator(unspinner, options.textField, fix, options.detail(), options.keepOriginal);
        this.json = mapper();
        if (options.splitAbove != null) {
            splitScore = score(options.splitAbove[0], "--split-above");
            Path dir = Path.of(options.splitAbove[1]);
            splitName = dir.resolve(output == null ? "spun.jsonl" : Path.of(output).getFileName().toString()).toString();
        } else {
            splitScore = Double.NaN;
            splitName = null;
        }
    }

    /**
     * Whether fix/check run in corpus mode: a corpus option, a directory input, or a compressed or
     * {@code .jsonl} input or output.
     */
    static boolean corpusMode(BatchOptions options, List<String> files, String output) {
        return options.anyGiven() || files.stream().anyMatch(f -> !f.equals("-")
                && (Files.isDirectory(Path.of(f)) || corpusFileName(f))) || output != null && corpusFileName(output);
    }

    private static boolean corpusFileName(String name) {
        Compression c = Compression.of(name);
        return c != Compression.NONE || c.strip(name).toLowerCase(java.util.Locale.ROOT).endsWith(".jsonl");
    }

    /** Usage errors of corpus mode: options of the single-document mode, and inconsistent corpus options. */
    static void validate(CommandSpec spec, BatchOptions options, InputOptions input, String output, boolean fix,
                         String... singleDocumentOptions) {
        CommandLine cl = spec.commandLine();
        for (String option : singleDocumentOptions) {
            if (cl.getParseResult().hasMatchedOption(option)) {
                throw new ParameterException(cl, option + " is not for corpus mode, which writes JSONL records");
            }
        }
        if (input.lenient) {
            throw new ParameterException(cl, "--lenient is not for corpus mode: a record with invalid UTF-8 is "
                    + "passed through and reported");
        }
        if (!fix && options.keepOriginal != null) {
            throw new ParameterException(cl, "--keep-original is for fix: check leaves the text as it is");
        }
        if (options.resume && output == null) {
            throw new ParameterException(cl, "--resume needs -o FILE (standard output cannot be resumed)");
        }
        if (options.threads != null && (options.threads < 1 || options.threads > 1024)) {
            throw new ParameterException(cl, "--threads must be within 1..1024, got " + options.threads);
        }
        if (fix && options.keepOriginal != null && (options.keepOriginal.equals(options.textField)
                || options.keepOriginal.equals(RecordAnnotator.FIELD))) {
            throw new ParameterException(cl, "--keep-original " + options.keepOriginal + " would be overwritten by the "
                    + (options.keepOriginal.equals(options.textField) ? "repaired text" : "unspin object"));
        }
        OutputChecks.notAnInput("-o", output, input.names());
        OutputChecks.notAnInput("--errors", options.errors, input.names());
        OutputChecks.notAnInput("--stats", options.stats, input.names());
        OutputChecks.knownCompression("-o", output);
        OutputChecks.knownCompression("--errors", options.errors);
        if (options.stats != null) {
            AtomicFile.checkWritable("--stats", options.stats);
        }
        if (options.splitAbove != null && output != null && Path.of(options.splitAbove[1]).toAbsolutePath()
                .equals(Path.of(output).toAbsolutePath().getParent())) {
            throw new ParameterException(cl, "--split-above DIR is the folder of -o: the split file would be the output");
        }
    }

    /** The record mapper of {@link RecordAnnotator#mapper()}, shared with the Spark job. */
    static ObjectMapper mapper() {
        return RecordAnnotator.mapper();
    }

    private static double score(String value, String option) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new UserError(option + ": '" + value + "' is not a number");
        }
    }

    /** Runs the whole corpus; returns whether any record had findings (check's exit code). */
    boolean run() {
        long started = System.nanoTime();
        RecordSource records;
        try {
            records = RecordSource.of(inputs, options.jsonl, options.includes, stdin).textField(options.textField)
                    .maxRecordBytes(options.maxRecordBytes(), "--max-record-bytes").spill(true);
        } catch (CorpusException e) {
            throw new UserError(e.getMessage());
        }
        List<Source> sources = records.sources();
        openOutputs();
        records.skip(skip);
        AtomicLong rawBytes = records.rawBytes();
        double secondsBefore = stats.seconds;
        long total = sources.stream().anyMatch(Source::stdin) ? 0 : sources.stream().mapToLong(Source::size).sum();
        Progress progress = new Progress(err, options.quiet ? Progress.Mode.NONE : Progress.detect(), total);
        int threads = options.threads();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "unspin-worker");
            t.setDaemon(true);
            return t;
        });
        int budgetKb = Math.max(MIN_BYTES_IN_FLIGHT, options.maxRecordBytes() + (1 << 20)) >> 10;
        Semaphore inFlight = new Semaphore(budgetKb);
        BlockingQueue<Future<Outcome>> window = new ArrayBlockingQueue<>(threads * 64);
        Thread reader = new Thread(() -> read(records, pool, window, inFlight), "unspin-reader");
        reader.setDaemon(true);
        reader.start();
        long runRecords = 0;
        long runBytes = 0;
        long lastCheckpoint = System.nanoTime();
        try {
            while (true) {
                Outcome o = window.take().get();
                if (o.item() == null) {
                    break;
                }
                inFlight.release(cost(o.item()));
                write(o);
                runRecords++;
                runBytes += o.item().length();
                progress.update(runRecords, runBytes, rawBytes.get());
                if (System.nanoTime() - lastCheckpoint > CHECKPOINT_EVERY_NANOS) {
                    stats.seconds = secondsBefore + (System.nanoTime() - started) / 1e9;
                    checkpoint();
                    lastCheckpoint = System.nanoTime();
                }
            }
            if (readFailure != null) {
                stats.seconds = secondsBefore + (System.nanoTime() - started) / 1e9;
                checkpoint();
                throw readFailure instanceof UserError u ? u : new UserError(readFailure.getMessage());
            }
            progress.finish();
            stats.seconds = secondsBefore + (System.nanoTime() - started) / 1e9;
            stats.workerCpuSeconds += workerCpuNanos.sum() / 1e9;
            commit();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserError("interrupted");
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (IOException e) {
            throw new UserError((output == null ? "<stdout>" : output) + ": cannot write (" + e.getMessage() + ")");
        } finally {
            stopped = true;
            reader.interrupt();
            pool.shutdownNow();
            progress.finish();
            abandonAll();
        }
        if (!options.quiet) {
            err.print(stats.summary());
            err.flush();
        }
        if (options.stats != null) {
            AtomicFile.write(options.stats, stats.toJson(json, threads).toPrettyString() + "\n");
        }
        return stats.edits > 0;
    }

    // ---- outputs, checkpoints and resume ----

    private Path checkpointFile() {
        Path target = Path.of(output).toAbsolutePath();
        return target.resolveSibling("." + target.getFileName() + ".unspin-checkpoint");
    }

    private void openOutputs() {
        JsonNode checkpoint = null;
        if (options.resume) {
            Path file = checkpointFile();
            if (Files.exists(file)) {
                checkpoint = readCheckpoint(file);
            } else if (!options.quiet) {
                err.println("unspin: no checkpoint for " + output + ", starting from the beginning");
            }
        } else if (output != null) {
            try {
                // A fresh run rewrites the temporary file: an older checkpoint no longer describes it.
                Files.deleteIfExists(checkpointFile());
            } catch (IOException e) {
                throw new UserError(checkpointFile() + ": cannot remove the old checkpoint (" + e.getMessage() + ")");
            }
        }
        if (checkpoint != null) {
            skip = checkpoint.path("records").asLong();
            stats = BatchStats.fromJson(checkpoint.path("stats"));
        }
        JsonNode lengths = checkpoint == null ? null : checkpoint.path("outputs");
        main = output == null ? ResumableOutput.stdout(stdout) : ResumableOutput.open(output, resumeAt(lengths, "output"));
        if (splitName != null) {
            try {
                Files.createDirectories(Path.of(splitName).toAbsolutePath().getParent());
            } catch (IOException e) {
                throw new UserError(splitName + ": cannot create its directory (" + e.getMessage() + ")");
            }
            split = ResumableOutput.open(splitName, resumeAt(lengths, "split"));
        }
        if (options.errors != null) {
            errors = ResumableOutput.open(options.errors, resumeAt(lengths, "errors"));
        }
    }

    private static long resumeAt(JsonNode lengths, String name) {
        return lengths == null ? 0 : lengths.path(name).asLong(0);
    }

    private JsonNode readCheckpoint(Path file) {
        JsonNode c;
        try {
            c = json.readTree(file.toFile());
        } catch (IOException e) {
            throw new UserError(file + ": unreadable checkpoint (" + e.getMessage() + "); run again without --resume");
        }
        if (!c.path("command").asText().equals(command) || !c.path("inputs").equals(json.valueToTree(inputs))
                || !c.path("split").asText("").equals(splitName == null ? "" : splitName)
                || !c.path("errors").asText("").equals(options.errors == null ? "" : options.errors)) {
            throw new UserError(file + ": checkpoint of a different run (" + c.path("command").asText() + " "
                    + c.path("inputs") + "); run again without --resume");
        }
        return c;
    }

    /** Ends every output at a valid point and records how far the run got. */
    private void checkpoint() throws IOException {
        ObjectNode lengths = json.createObjectNode();
        lengths.put("output", main.checkpoint());
        if (split != null) {
            lengths.put("split", split.checkpoint());
        }
        if (errors != null) {
            lengths.put("errors", errors.checkpoint());
        }
        if (output == null) {
            return;
        }
        ObjectNode c = json.createObjectNode();
        c.put("command", command);
        c.set("inputs", json.valueToTree(inputs));
        c.put("split", splitName == null ? "" : splitName);
        c.put("errors", options.errors == null ? "" : options.errors);
        c.put("records", stats.records);
        c.set("outputs", lengths);
        c.set("stats", stats.toJson(json, 0));
        Path file = checkpointFile();
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(temp, json.writeValueAsBytes(c));
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private void commit() throws IOException {
        if (errors != null) {
            errors.commit();
        }
        if (split != null) {
            split.commit();
        }
        main.commit();
        if (output != null) {
            Files.deleteIfExists(checkpointFile());
        }
    }

    private void abandonAll() {
        for (ResumableOutput o : new ResumableOutput[] {main, split, errors}) {
            if (o != null) {
                o.abandon();
            }
        }
    }

    // ---- reader ----

    private void read(RecordSource records, ExecutorService pool, BlockingQueue<Future<Outcome>> window,
                      Semaphore inFlight) {
        try (records) {
            for (Record r; !stopped && (r = records.next()) != null; ) {
                inFlight.acquire(cost(r));
                Record record = r;
                window.put(pool.submit(() -> process(record)));
            }
        } catch (InterruptedException e) {
            return;
        } catch (CorpusException e) {
            readFailure = new UserError(e.getMessage());
        } catch (IOException | RuntimeException e) {
            readFailure = new UserError("reading: " + e);
        }
        try {
            window.put(CompletableFuture.completedFuture(new Outcome(null, null, Route.MAIN, null, null, null)));
        } catch (InterruptedException e) {
            // The writer stopped first.
        }
    }

    /** Kilobytes a record holds in memory, for the budget of bytes in flight. */
    private static int cost(Record r) {
        return r.bytes() == null ? 1 : (r.bytes().length >> 10) + 1;
    }

    // ---- workers ----

    enum Route { MAIN, SPLIT, DROP }

    /**
     * What a worker made of a record: the output record ({@code out}; null to pass the record's bytes through),
     * where it goes, and either the repair or why the record is bad.
     */
    private record Outcome(Record item, byte[] out, Route route, Repair repair, BadRecord bad, String id) {
    }

    private Outcome process(Record item) {
        long cpuBefore = Cpu.THREADS.getCurrentThreadCpuTime();
        try {
            return processCatching(item);
        } finally {
            workerCpuNanos.add(Cpu.THREADS.getCurrentThreadCpuTime() - cpuBefore);
        }
    }

    private Outcome processCatching(Record item) {
        try {
            return item.jsonl() ? processLine(item) : processText(item);
        } catch (RuntimeException | StackOverflowError | IOException e) {
            return error(item, null, item.bad("internal", "internal error, passed through (" + e + ")"), null);
        } catch (OutOfMemoryError e) {
            // What this record allocated is garbage once we return: pass it through instead of losing the run.
            return error(item, null, item.bad("too-large", "out of memory on a record of " + item.length()
                    + " bytes, passed through unchanged (raise -Xmx or lower --max-record-bytes)"), null);
        }
    }

    private Outcome error(Record item, byte[] out, BadRecord bad, String id) {
        return new Outcome(item, out, Route.MAIN, null, bad, id);
    }

    private Outcome processLine(Record item) throws IOException {
        Parsed line = item.parse(json, options.textField);
        if (line == null) {
            return new Outcome(item, null, Route.MAIN, null, null, null);
        }
        JsonNode idNode = line.json() == null ? null : line.json().get(options.idField);
        String id = idNode == null || idNode.isContainerNode() ? null : idNode.asText();
        if (line.bad() != null) {
            return error(item, null, line.bad(), id);
        }
        return annotated(item, line.json(), line.text(), id);
    }

    private Outcome annotated(Record item, ObjectNode record, String text, String id) throws IOException {
        if (options.keepOriginal != null && annotatorFixes && record.has(options.keepOriginal)) {
            return error(item, null, item.bad("keep-original-exists", "field \"" + options.keepOriginal
                    + "\" exists: --keep-original would overwrite it, passed through unchanged"), id);
        }
        Repair repair = unspinner.repair(text);
        double score = repair.score().perThousandWords();
        Route route = options.dropAbove != null && score > options.dropAbove ? Route.DROP
                : split != null && score > splitScore ? Route.SPLIT : Route.MAIN;
        if (route == Route.DROP) {
            return new Outcome(item, null, route, repair, null, id);
        }
        annotator.write(record, repair);
        return new Outcome(item, json.writeValueAsBytes(record), route, repair, null, id);
    }

    /** A text file becomes a record {id: its name, text}; a bad one keeps its text with U+FFFD, not annotated. */
    private Outcome processText(Record item) throws IOException {
        String name = item.source().name();
        Parsed text = item.parse(json, options.textField);
        if (item.bytes() == null) { // over the limit: the writer streams it from its spill file
            return error(item, null, text.bad(), name);
        }
        ObjectNode record = json.createObjectNode();
        record.put(options.idField, name);
        if (text.bad() != null) {
            // A JSON string cannot carry the raw bytes of invalid UTF-8.
            record.put(options.textField, new String(item.bytes(), StandardCharsets.UTF_8));
            return error(item, json.writeValueAsBytes(record), text.bad(), name);
        }
        record.put(options.textField, text.text());
        return annotated(item, record, text.text(), name);
    }

    // ---- writer ----

    private void write(Outcome o) throws IOException {
        Record item = o.item();
        try {
            String reported = null;
            if (o.bad() != null) {
                try {
                    reported = policy.report(o.bad());
                } catch (CorpusException e) {
                    checkpoint();
                    throw new UserError(e.getMessage());
                }
            }
            stats.records++;
            stats.bytes += item.length();
            if (o.bad() != null) {
                stats.error(o.bad().kind());
                report(o, reported);
            } else if (o.repair() != null) {
                count(o.repair());
            } else {
                stats.blank++;
            }
            if (o.route() == Route.DROP) {
                stats.dropped++;
                return;
            }
            ResumableOutput to = o.route() == Route.SPLIT ? split : main;
            if (o.route() == Route.SPLIT) {
                stats.split++;
            }
            if (o.out() != null) {
                to.write(o.out());
            } else if (item.spill() == null) {
                to.write(item.bytes());
            } else if (item.jsonl()) {
                Files.copy(item.spill(), to.stream());
            } else {
                writeTextRecord(item, to);
            }
            to.write(LF);
        } finally {
            if (item.spill() != null) {
                Files.deleteIfExists(item.spill());
            }
        }
    }

    /** A text file over the limit still becomes a record: its text is streamed into the JSON string. */
    private void writeTextRecord(Record item, ResumableOutput to) throws IOException {
        try (JsonGenerator g = json.getFactory().createGenerator(to.stream());
             Reader text = new InputStreamReader(Files.newInputStream(item.spill()), StandardCharsets.UTF_8)) {
            g.writeStartObject();
            g.writeStringField(options.idField, item.source().name());
            g.writeFieldName(options.textField);
            g.writeString(text, -1);
            g.writeEndObject();
        }
    }

    private void count(Repair repair) {
        stats.documents++;
        stats.changed += repair.changed() ? 1 : 0;
        stats.words += repair.score().words();
        stats.findings += repair.score().findings();
        stats.edits += repair.edits().size();
        stats.applied += repair.applied().size();
        for (Map.Entry<String, Integer> c : repair.score().byCategory().entrySet()) {
            stats.byCategory.merge(c.getKey(), (long) c.getValue(), Long::sum);
        }
        stats.score(repair.score().perThousandWords());
    }

    private void report(Outcome o, String reported) throws IOException {
        if (stats.errors <= ERRORS_SHOWN) {
            err.println(reported);
            if (stats.errors == ERRORS_SHOWN) {
                err.println("unspin: more bad records are only counted" + (errors == null ? "" : " (all are in "
                        + options.errors + ")"));
            }
            err.flush();
        }
        if (errors != null) {
            ObjectNode e = json.createObjectNode();
            e.put("file", o.bad().file());
            e.put("line", o.bad().line());
            e.put("offset", o.bad().offset());
            e.put("kind", o.bad().kind());
            e.put("reason", o.bad().reason());
            if (o.id() != null) {
                e.put("id", o.id());
            }
            errors.write(json.writeValueAsBytes(e));
            errors.write(LF);
        }
    }
}
