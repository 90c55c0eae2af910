package org.unspin.corpus;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.unspin.normalise.Utf8;
import org.unspin.tokenise.TokenList;
import org.unspin.tokenise.Tokeniser;

/**
 * Streams corpus inputs into an {@link NgramCounter}, one line at a time: plain text files, JSONL files (one
 * JSON object per line, the text in a string field), directories and {@code -} for standard input, gzip or
 * zstd compressed by extension; the inputs are expanded by {@link CorpusInputs} and split by
 * {@link LineReader}, as in the corpus mode of fix and check.
 *
 * <p>Decoding follows the CLI's rules: strict UTF-8 (the first bad sequence stops the run with its byte
 * offset) or, with {@code lenient}, U+FFFD and one warning per file; a NUL byte in the first 8 KB means a
 * binary file. A line longer than {@link #MAX_LINE_BYTES} and a bad JSONL line ({@link JsonlRecord}: invalid
 * UTF-8 unless lenient, malformed JSON, not an object, field missing or not a string) are skipped with a
 * {@code file:line: reason} warning, as fix and check pass them through; {@link #strict} stops there instead.
 *
 * <p>With worker threads, the calling thread reads and decodes the lines (in order, for the byte offsets)
 * and hands batches of them to the workers, which parse the JSON and compute the n-gram keys
 * ({@link NgramKeys}); the calling thread counts the batches in input order and passes on their warnings,
 * so the counts, the warnings and an error stop at the same point whatever the number of threads.
 */
public final class CorpusReader {
    /** Longest line read; a longer one is skipped, so a file without line breaks cannot exhaust the heap. */
    public static final int MAX_LINE_BYTES = 16 << 20;
    private static final int BINARY_PROBE = 8192;
    private static final int OFFSETS_SHOWN = 5;
    static final String STDIN = "<stdin>";

    /** Characters of decoded text a batch for a worker collects. */
    private static final int BATCH_CHARS = 1 << 16;
    private static final int BATCHES_PER_THREAD = 4;
    /** Characters in flight beyond which the oldest batches are counted first (a few huge lines). */
    private static final int MAX_CHARS_IN_FLIGHT = 4 << 20;

    /** What a line of the input asks of a worker: count text, a JSONL record, end a run, or warn. */
    private enum Kind { TEXT, JSONL, END_RUN, SKIP, WARNING }

    /** {@code text}: the line, the reason to skip it, or the warning. */
    private record Entry(Kind kind, String name, int number, String text, long document) {
        Entry(Kind kind, String name, int number, String text) {
            this(kind, name, number, text, 0);
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
    private final AtomicLong rawBytes = new AtomicLong();
    private final ObjectMapper json = RecordAnnotator.mapper();
    private boolean strict;
    /** Set when a bad line stopped a strict run: the batches after it are not counted. */
    private boolean failed;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private CharBuffer chars = CharBuffer.allocate(1 << 12);

    private List<Entry> batch = new ArrayList<>();
    private int batchChars;
    private final ArrayDeque<Future<Worked>> window = new ArrayDeque<>();
    private long charsInFlight;

    private long files;
    private long lines;
    private long bytes;
    private long skipped;
    /** Bad UTF-8 sequences replaced in the current file (lenient). */
    private long badCount;

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
     * Stops at the first bad JSONL line (invalid UTF-8, malformed JSON, no text, too long) with a
     * {@link CorpusException} naming it, instead of skipping it with a warning.
     */
    public CorpusReader strict(boolean strict) {
        this.strict = strict;
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
            for (CorpusInputs.Source source : CorpusInputs.expand(List.of(input), jsonl, includes)) {
                try (InputStream in = CorpusInputs.open(source, stdin, rawBytes)) {
                    readStream(source.name(), in, source.jsonl(), pool);
                } catch (AccessDeniedException e) {
                    throw new CorpusException(source.name() + ": cannot read (permission denied)");
                } catch (IOException e) {
                    throw new CorpusException(source.name() + ": cannot read (" + e.getMessage() + ")");
                }
            }
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

    /** Queues each line of the stream ({@link LineReader}: lines over the limit are never held). */
    private void readStream(String name, InputStream in, boolean asJsonl, ExecutorService pool) throws IOException {
        files++;
        document++;
        queue(new Entry(Kind.END_RUN, name, 0, null), pool);
        LineReader lines = new LineReader(in, MAX_LINE_BYTES);
        List<Long> badOffsets = new ArrayList<>();
        badCount = 0;
        while (lines.next(null)) {
            byte[] line = lines.buffer();
            for (long i = lines.offset(), n = Math.min(BINARY_PROBE, lines.offset() + lines.bufferLength()); i < n; i++) {
                if (line[(int) (i - lines.offset())] == 0) {
                    throw new CorpusException(name + ": binary file, not text");
                }
            }
            queueLine(name, (int) lines.number(), line, lines.bufferLength(), lines.tooLong(), lines.offset(), asJsonl,
                    badOffsets, pool);
        }
        bytes += lines.consumed();
        queue(new Entry(Kind.END_RUN, name, 0, null), pool);
        if (!badOffsets.isEmpty()) {
            queue(new Entry(Kind.WARNING, name, 0, replacedWarning(name, badOffsets, badCount)), pool);
        }
    }

    /** Decodes a line here, in order (its byte offsets and the lenient count are per file), for a worker. */
    private void queueLine(String name, int number, byte[] line, int length, boolean tooLong, long lineStart,
                           boolean asJsonl, List<Long> badOffsets, ExecutorService pool) {
        lines++;
        if (tooLong) {
            queue(new Entry(Kind.SKIP, name, number, "line longer than " + (MAX_LINE_BYTES >> 20) + " MB"), pool);
            queue(new Entry(Kind.END_RUN, name, number, null), pool);
            return;
        }
        if (length > 0 && line[length - 1] == '\r') {
            length--;
        }
        if (asJsonl && !lenient) {
            // A JSONL line is a record: invalid UTF-8 makes it a bad record, as in fix and check.
            Utf8.Decoded decoded = Utf8.decode(line, 0, length);
            if (decoded.badOffset() >= 0) {
                queue(new Entry(Kind.SKIP, name, number, Utf8.invalidAt(lineStart + decoded.badOffset())), pool);
                return;
            }
            document++;
            queue(new Entry(Kind.JSONL, name, number, decoded.text(), document), pool);
            return;
        }
        String text = decode(name, line, length, lineStart, badOffsets);
        if (asJsonl) {
            document++;
        }
        queue(new Entry(asJsonl ? Kind.JSONL : Kind.TEXT, name, number, text, document), pool);
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
            String reason = switch (e.kind()) {
                case END_RUN -> {
                    keys.endRun();
                    yield null;
                }
                case WARNING -> {
                    warned.add(e.text());
                    yield null;
                }
                case SKIP -> e.text();
                case TEXT -> {
                    if (e.text().isBlank()) {
                        keys.endRun();
                    } else if (batch == null) {
                        keys.add(e.text());
                    } else {
                        TokenList t = Tokeniser.tokenise(e.text());
                        keys.add(e.text(), t);
                        long file = SubstitutionMiner.keyOf(e.name());
                        batch.observe(e.text(), t, e.document(), file + 0x9E3779B97F4A7C15L * e.number(), file);
                    }
                    yield null;
                }
                case JSONL -> jsonlLine(e.text(), keys, batch, e.document());
            };
            if (reason != null && strict) {
                return new Worked(keys, batch, warned, skips, chars, e.name() + ":" + e.number() + ": " + reason);
            }
            if (reason != null) {
                skips++;
                warned.add(e.name() + ":" + e.number() + ": " + reason + ", skipped");
            }
        }
        return new Worked(keys, batch, warned, skips, chars, null);
    }

    /** Adds the text of a JSONL record as a run of its own; the reason to skip the line, or null. */
    private String jsonlLine(String text, NgramKeys keys, SubstitutionMiner.Batch batch, long document) {
        JsonlRecord record = JsonlRecord.parse(json, text, textField);
        if (record == null) {
            return null;
        }
        if (record.bad()) {
            return record.reason();
        }
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

    private String decode(String name, byte[] line, int length, long lineStart, List<Long> badOffsets) {
        if (chars.capacity() < length + 1) {
            chars = CharBuffer.allocate(Math.max(length + 1, chars.capacity() * 2));
        }
        chars.clear();
        decoder.reset();
        ByteBuffer in = ByteBuffer.wrap(line, 0, length);
        while (true) {
            CoderResult result = decoder.decode(in, chars, true);
            if (result.isUnderflow()) {
                break;
            }
            if (!result.isError()) {
                throw new IllegalStateException("UTF-8 decoding overflowed: " + result);
            }
            long at = lineStart + in.position();
            if (!lenient) {
                throw new CorpusException(name + ": invalid UTF-8 at byte offset " + at);
            }
            if (badOffsets.size() < OFFSETS_SHOWN) {
                badOffsets.add(at);
            }
            badCount++;
            chars.put('\uFFFD');
            in.position(in.position() + result.length());
        }
        decoder.flush(chars);
        chars.flip();
        return chars.toString();
    }

    private static String replacedWarning(String name, List<Long> offsets, long total) {
        StringBuilder sb = new StringBuilder(name).append(": invalid UTF-8 replaced by U+FFFD at byte offset")
                .append(total == 1 ? " " : "s ");
        for (int i = 0; i < Math.min(offsets.size(), OFFSETS_SHOWN); i++) {
            sb.append(i == 0 ? "" : ", ").append(offsets.get(i));
        }
        if (total > offsets.size()) {
            sb.append(" and ").append(total - offsets.size()).append(" more");
        }
        return sb.toString();
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
