package org.unspin.corpus;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.unspin.corpus.BadRecordPolicy.BadRecord;
import org.unspin.corpus.CorpusInputs.Source;
import org.unspin.corpus.RecordSource.Record;
import org.unspin.tokenise.TokenList;
import org.unspin.tokenise.Tokeniser;

/**
 * Streams corpus inputs into an {@link NgramCounter}, one line at a time: the records of a
 * {@link RecordSource} (plain text files, JSONL files, directories and {@code -} for standard input, gzip or
 * zstd compressed by extension), a text file read by line (one document, whose lines are never held together).
 *
 * <p>Bad records follow the one {@link BadRecordPolicy}, SKIP for learn: a line with invalid UTF-8 (unless
 * {@code lenient}: U+FFFD and one warning per file), a line longer than {@link #MAX_LINE_BYTES}, a bad JSONL
 * line (malformed JSON, not an object, field missing or not a string) and a binary file (a NUL byte in its
 * first 8 KB) are skipped with a {@code file:line: reason, skipped} warning; {@link #strict} stops there
 * instead.
 *
 * <p>With worker threads, the calling thread reads and decodes the lines (in order, for the byte offsets)
 * and hands batches of them to the workers, which parse the JSON and compute the n-gram keys
 * ({@link NgramKeys}); the calling thread counts the batches in input order and passes on their warnings,
 * so the counts, the warnings and an error stop at the same point whatever the number of threads.
 */
public final class CorpusReader {
    /** Longest line read; a longer one is skipped, so a file without line breaks cannot exhaust the heap. */
    public static final int MAX_LINE_BYTES = 16 << 20;

    /** Characters of decoded text a batch for a worker collects. */
    private static final int BATCH_CHARS = 1 << 16;
    private static final int BATCHES_PER_THREAD = 4;
    /** Characters in flight beyond which the oldest batches are counted first (a few huge lines). */
    private static final int MAX_CHARS_IN_FLIGHT = 4 << 20;

    /** What a line of the input asks of a worker: count text, a JSONL record, end a run, or warn. */
    private enum Kind { TEXT, JSONL, END_RUN, SKIP, WARNING }

    /** {@code text}: the decoded line, or the warning; {@code bad}: why a SKIP entry's record is bad. */
    private record Entry(Kind kind, Record record, String text, long document, BadRecord bad) {
        static Entry of(Kind kind, String text) {
            return new Entry(kind, null, text, 0, null);
        }
    }

    /**
     * A batch worked: its keys, its mined observations, its warnings in input order, how many lines it
     * skipped, and (strict) the first bad line, where the batch stopped.
     */
    private record Worked(NgramKeys keys, SubstitutionMiner.Batch mined, List<String> warnings, int skipped,
                          int chars, String failure) {
    }

    private final NgramCounter counter;
    private final SubstitutionMiner miner;
    private final SubstitutionMiner.State mined;
    /** Ordinal of the current document (a text file, or a JSONL record), from 1. */
    private long document;
    private final int threads;
    private final boolean jsonl;
    private final String textField;
    private final boolean lenient;
    private final Consumer<String> warnings;
    private final List<String> includes;
    private final ObjectMapper json = RecordAnnotator.mapper();
    private BadRecordPolicy policy = BadRecordPolicy.SKIP;
    /** Set when a bad line stopped a strict run: the batches after it are not counted. */
    private boolean failed;

    private List<Entry> batch = new ArrayList<>();
    private int batchChars;
    private final ArrayDeque<Future<Worked>> window = new ArrayDeque<>();
    private long charsInFlight;

    private long files;
    private long lines;
    private long bytes;
    private long skipped;

    /**
     * @param jsonl     read every named file and stdin as JSONL (files ending in {@code .jsonl} always are)
     * @param textField the JSONL field holding the text
     * @param warnings  receives one line per skipped input line or lenient decoding
     */
    public CorpusReader(NgramCounter counter, boolean jsonl, String textField, boolean lenient,
                        Consumer<String> warnings) {
        this(counter, jsonl, textField, lenient, List.of(), 1, warnings);
    }

    /**
     * @param includes globs for the files of directory inputs ({@link CorpusInputs#expand}); empty for the
     *                 defaults
     */
    public CorpusReader(NgramCounter counter, boolean jsonl, String textField, boolean lenient,
                        List<String> includes, Consumer<String> warnings) {
        this(counter, jsonl, textField, lenient, includes, 1, warnings);
    }

    /**
     * @param threads  worker threads for JSON, tokens and n-gram keys (1: all in the calling thread); the
     *                 counts, the model and the warnings are the same whatever the number
     */
    public CorpusReader(NgramCounter counter, boolean jsonl, String textField, boolean lenient,
                        List<String> includes, int threads, Consumer<String> warnings) {
        this(counter, null, null, jsonl, textField, lenient, includes, threads, warnings);
    }

    /**
     * @param miner  also collects the occurrences the substitution miner needs into {@code mined} (the workers
     *               find them, the calling thread adds them in input order); null for none
     */
    public CorpusReader(NgramCounter counter, SubstitutionMiner miner, SubstitutionMiner.State mined, boolean jsonl,
                        String textField, boolean lenient, List<String> includes, int threads,
                        Consumer<String> warnings) {
        if ((miner == null) != (mined == null)) {
            throw new IllegalArgumentException("a miner needs a state and a state a miner");
        }
        this.miner = miner;
        this.mined = mined;
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.threads = threads;
        this.includes = includes;
        this.counter = counter;
        this.jsonl = jsonl;
        this.textField = textField;
        this.lenient = lenient;
        this.warnings = warnings;
    }

    /**
     * Stops at the first bad record (invalid UTF-8, malformed JSON, no text, too long, binary) with a
     * {@link CorpusException} naming it, instead of skipping it with a warning.
     */
    public CorpusReader strict(boolean strict) {
        this.policy = BadRecordPolicy.strictOr(strict, BadRecordPolicy.SKIP);
        return this;
    }

    /** Reads an input: a file, a directory, or {@code -} for {@code stdin}; compressed by extension. */
    public void read(String input, InputStream stdin) {
        ExecutorService pool = threads == 1 ? null : Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "unspin-learn-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            readRecords(input, stdin, pool);
            submit(pool);
            countUpTo(0);
        } catch (CorpusException e) {
            // count and warn about the lines before the failure first, as reading them one by one would
            if (!failed) {
                submit(pool);
                countUpTo(0);
            }
            throw e;
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
            // empty unless an unexpected failure stopped the run: forget its batches, whose pool is gone
            window.clear();
            batch = new ArrayList<>();
            batchChars = 0;
            charsInFlight = 0;
        }
    }

    /**
     * Queues each record of the input, decoded here, in order (its byte offsets and the lenient warning are per
     * file), for a worker. A file is a run of its own (n-grams never span two files, nor a skipped line).
     */
    private void readRecords(String input, InputStream stdin, ExecutorService pool) {
        RecordSource records = RecordSource.of(List.of(input), jsonl, includes, stdin).textField(textField)
                .maxRecordBytes(MAX_LINE_BYTES, "the line limit").lenient(lenient).textFileLines(true)
                .warnings(w -> queue(Entry.of(Kind.WARNING, w), pool));
        try (records) {
            Source file = null;
            for (Record r; (r = records.next()) != null; ) {
                if (r.source() != file) {
                    file = r.source();
                    document++;
                    queue(Entry.of(Kind.END_RUN, null), pool);
                }
                queueRecord(records, r, pool);
            }
        } catch (IOException e) {
            throw new CorpusException(input + ": cannot read (" + e.getMessage() + ")");
        } finally {
            files += records.files();
            bytes += records.bytes();
        }
        queue(Entry.of(Kind.END_RUN, null), pool);
    }

    private void queueRecord(RecordSource records, Record r, ExecutorService pool) {
        lines++;
        RecordSource.Parsed decoded = records.decode(r);
        if (decoded.bad() != null) {
            queue(new Entry(Kind.SKIP, r, null, 0, decoded.bad()), pool);
            queue(Entry.of(Kind.END_RUN, null), pool);
            return;
        }
        String text = decoded.text();
        if (text.endsWith("\r")) {
            text = text.substring(0, text.length() - 1);
        }
        if (r.jsonl()) {
            document++;
        }
        queue(new Entry(r.jsonl() ? Kind.JSONL : Kind.TEXT, r, text, document, null), pool);
    }

    private void queue(Entry entry, ExecutorService pool) {
        batch.add(entry);
        batchChars += entry.text() == null ? 0 : entry.text().length();
        if (batchChars >= BATCH_CHARS) {
            submit(pool);
        }
    }

    /**
     * Hands the batch to a worker (or, with one thread, works it here) and counts finished batches in input
     * order while too many batches or characters are in flight, which bounds the memory.
     */
    private void submit(ExecutorService pool) {
        if (batch.isEmpty()) {
            return;
        }
        List<Entry> entries = batch;
        int chars = batchChars;
        batch = new ArrayList<>();
        batchChars = 0;
        if (pool == null) {
            count(work(entries, chars));
            return;
        }
        window.add(pool.submit(() -> work(entries, chars)));
        charsInFlight += chars;
        countUpTo(charsInFlight > MAX_CHARS_IN_FLIGHT ? 0 : threads * BATCHES_PER_THREAD);
    }

    /** Counts the oldest batches until at most {@code batches} are in flight. */
    private void countUpTo(int batches) {
        while (window.size() > batches) {
            try {
                count(window.remove().get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CorpusException("interrupted");
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            }
        }
    }

    private void count(Worked worked) {
        counter.apply(worked.keys());
        if (worked.mined() != null) {
            mined.apply(worked.mined());
        }
        worked.warnings().forEach(warnings);
        if (worked.failure() != null) {
            failed = true;
            throw new CorpusException(worked.failure());
        }
        skipped += worked.skipped();
        charsInFlight -= worked.chars();
    }

    /** A worker's part: JSON, tokens and n-gram keys of a batch, and its warnings in order. */
    private Worked work(List<Entry> entries, int chars) {
        NgramKeys keys = new NgramKeys(true);
        SubstitutionMiner.Batch batch = miner == null ? null : miner.newBatch();
        List<String> warned = new ArrayList<>();
        int skips = 0;
        for (Entry e : entries) {
            BadRecord bad = switch (e.kind()) {
                case END_RUN -> {
                    keys.endRun();
                    yield null;
                }
                case WARNING -> {
                    warned.add(e.text());
                    yield null;
                }
                case SKIP -> e.bad();
                case TEXT -> {
                    if (e.text().isBlank()) {
                        keys.endRun();
                    } else if (batch == null) {
                        keys.add(e.text());
                    } else {
                        TokenList t = Tokeniser.tokenise(e.text());
                        keys.add(e.text(), t);
                        long file = SubstitutionMiner.keyOf(e.record().source().name());
                        batch.observe(e.text(), t, e.document(), file + 0x9E3779B97F4A7C15L * e.record().line(),
                                file);
                    }
                    yield null;
                }
                case JSONL -> jsonlLine(e, keys, batch);
            };
            if (bad != null && policy == BadRecordPolicy.STOP) {
                return new Worked(keys, batch, warned, skips, chars, bad.toString());
            }
            if (bad != null) {
                skips++;
                warned.add(policy.report(bad));
            }
        }
        return new Worked(keys, batch, warned, skips, chars, null);
    }

    /** Adds the text of a JSONL record as a run of its own; why the record is bad, or null. */
    private BadRecord jsonlLine(Entry e, NgramKeys keys, SubstitutionMiner.Batch batch) {
        RecordSource.Parsed record = e.record().parse(e.text(), json, textField);
        if (record == null) {
            return null;
        }
        if (record.bad() != null) {
            return record.bad();
        }
        long document = e.document();
        keys.endRun();
        String value = record.text();
        if (batch == null) {
            keys.add(value);
        } else {
            TokenList t = Tokeniser.tokenise(value);
            keys.add(value, t);
            long key = SubstitutionMiner.keyOf(value);
            batch.observe(value, t, document, key, key);
        }
        keys.endRun();
        return null;
    }

    /** Inputs read (files and stdin). */
    public long files() {
        return files;
    }

    /** Lines read, skipped ones included. */
    public long lines() {
        return lines;
    }

    /** Bytes read. */
    public long bytes() {
        return bytes;
    }

    /** Lines skipped with a warning. */
    public long skipped() {
        return skipped;
    }
}
