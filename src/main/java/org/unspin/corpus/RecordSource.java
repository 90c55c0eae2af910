package org.unspin.corpus;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.unspin.corpus.BadRecordPolicy.BadRecord;
import org.unspin.corpus.CorpusInputs.Source;
import org.unspin.normalise.Utf8;

/**
 * The one reader of records, for fix and check (corpus mode), report, learn and eval: the inputs expand to
 * files as {@link CorpusInputs} says (a directory gives its files matching the include globs, recursively, in
 * sorted path order; {@code -} is standard input; {@code .gz} and {@code .zst} are decompressed), and each file
 * gives its records in order: a JSONL file one per line, a plain text file one for the whole file (or, with
 * {@link #textFileLines}, one per line, for learn's n-gram counts).
 *
 * <p>Reading finds two kinds of bad record: one over the size limit (never held in memory: its bytes are
 * discarded, or go to a spill file with {@link #spill}) and a text file with a NUL byte in its first 8 KB
 * (binary). {@link #decode} and {@link Record#parse} find the others: invalid UTF-8 (strict {@link Utf8}; in a
 * text file U+FFFD with one warning per file when lenient), and for a JSONL line malformed JSON, not an
 * object, no string text field. Each bad record is a {@link BadRecord} naming the file and line, and byte offsets from
 * the file's start; what a command does with it is its {@link BadRecordPolicy}.
 */
public final class RecordSource implements Closeable {
    /** Default size limit of a record, as fix's --max-record-bytes. */
    public static final int DEFAULT_MAX_RECORD_BYTES = 64 << 20;

    private final List<Source> sources;
    private final InputStream stdin;
    private final AtomicLong rawBytes = new AtomicLong();
    private String textField = "text";
    private int maxRecordBytes = DEFAULT_MAX_RECORD_BYTES;
    private String limitName = "--max-record-bytes";
    private boolean lenient;
    private boolean textFileLines;
    private boolean spill;
    private Consumer<String> warnings = w -> { };

    private int nextSource;
    private Source current;
    private InputStream in;
    private LineReader lines;
    /** The current file has been given whole (a text file, or a binary one read by line). */
    private boolean wholeRead;
    private boolean binaryFile;
    private Utf8.Replaced replaced;
    private long skip;
    private long files;
    private long bytes;

    private RecordSource(List<Source> sources, InputStream stdin) {
        this.sources = sources;
        this.stdin = stdin;
    }

    /**
     * @param inputs   files, directories, {@code -} for {@code stdin}
     * @param jsonl    read every file (and stdin) as JSONL, not only those named {@code *.jsonl[.gz|.zst]}
     * @param includes globs for the files of directories ({@link CorpusInputs#expand}); empty for the defaults
     * @throws CorpusException for an input that does not exist or a directory that cannot be listed
     */
    public static RecordSource of(List<String> inputs, boolean jsonl, List<String> includes, InputStream stdin) {
        return new RecordSource(CorpusInputs.expand(inputs, jsonl, includes), stdin);
    }

    /** The JSONL field with the text. Default: {@code text}. */
    public RecordSource textField(String field) {
        this.textField = field;
        return this;
    }

    /** Longest record; {@code name} is the limit in messages (the option that sets it). */
    public RecordSource maxRecordBytes(int max, String name) {
        this.maxRecordBytes = max;
        this.limitName = name;
        return this;
    }

    /**
     * Invalid UTF-8 in a plain text file becomes U+FFFD, with one warning per file, instead of making the record
     * bad. A JSONL line with invalid UTF-8 is always bad: its record could not be kept as it is.
     */
    public RecordSource lenient(boolean lenient) {
        this.lenient = lenient;
        return this;
    }

    /** A plain text file gives one record per line (still one document), so no file is held whole. */
    public RecordSource textFileLines(boolean byLine) {
        this.textFileLines = byLine;
        return this;
    }

    /** A record over the limit goes to a temporary file ({@link Record#spill()}) instead of being discarded. */
    public RecordSource spill(boolean spill) {
        this.spill = spill;
        return this;
    }

    /** Receives the lenient decoding's warning of each file, at the end of the file. */
    public RecordSource warnings(Consumer<String> warnings) {
        this.warnings = warnings;
        return this;
    }

    /** Passes over the first {@code n} records unread (what a resumed run has done already). */
    public RecordSource skip(long n) {
        this.skip = n;
        return this;
    }

    /** The files the inputs expanded to, in reading order. */
    public List<Source> sources() {
        return sources;
    }

    /** Bytes read from the files themselves (compressed): what progress is measured against. */
    public AtomicLong rawBytes() {
        return rawBytes;
    }

    /** Files opened so far. */
    public long files() {
        return files;
    }

    /** Bytes of records read so far, after decompression, line feeds included. */
    public long bytes() {
        return bytes;
    }

    /**
     * One record as read: raw bytes, or (over the limit) none, and where it is.
     *
     * @param line   1-based line of its first byte (1 for a whole text file)
     * @param offset byte offset of its first byte in the decompressed file
     * @param length bytes it took in the input, its line feed included
     * @param bytes  its bytes without line feed; null when over the limit
     * @param spill  the file holding its bytes when over the limit and spilled, else null
     * @param bad    too-large or binary, as found while reading; else null
     */
    public record Record(Source source, long line, long offset, long length, byte[] bytes, Path spill,
                         BadRecord bad) {
        public boolean jsonl() {
            return source.jsonl();
        }

        public String where() {
            return source.name() + ":" + line;
        }

        /** A bad record at this one. */
        public BadRecord bad(String kind, String reason) {
            return new BadRecord(source.name(), line, offset, kind, reason);
        }

        /**
         * Strictly decodes and, for a JSONL line, parses the record; null for a blank JSONL line. Thread-safe:
         * workers may parse records in any order. {@code json} should be {@link RecordAnnotator#mapper()}.
         */
        public Parsed parse(ObjectMapper json, String textField) {
            if (bad != null) {
                return new Parsed(null, null, bad);
            }
            if (jsonl()) {
                return parsed(JsonlRecord.read(json, bytes, bytes.length, offset, textField));
            }
            return text(Utf8.decode(bytes));
        }

        /** Parses a JSONL line already decoded ({@link RecordSource#decode}); null for a blank line. */
        public Parsed parse(String decoded, ObjectMapper json, String textField) {
            return parsed(JsonlRecord.parse(json, decoded, textField));
        }

        private Parsed parsed(JsonlRecord r) {
            return r == null ? null : new Parsed(r.record(), r.text(), r.bad() ? bad(r.errorKind(), r.reason()) : null);
        }

        private Parsed text(Utf8.Decoded decoded) {
            if (!decoded.bad()) {
                return new Parsed(null, decoded.text(), null);
            }
            // In a text file, the line is the one of the bad byte.
            BadRecord at = new BadRecord(source.name(), line - 1 + Utf8.lineOf(bytes, decoded.badOffset()), offset,
                    "invalid-utf8", Utf8.invalidAt(offset + decoded.badOffset()));
            return new Parsed(null, null, at);
        }
    }

    /**
     * A record decoded and parsed: its text (and for JSONL its object, also when it has no usable text, for its
     * id), or why it is bad.
     */
    public record Parsed(ObjectNode json, String text, BadRecord bad) {
    }

    /**
     * The next record, or null after the last. An input that cannot be read stops the run (a
     * {@link CorpusException} naming it); a bad record does not.
     */
    public Record next() {
        while (true) {
            try {
                if (in == null && !openNext()) {
                    return null;
                }
                Record r = current.jsonl() || textFileLines ? nextLine() : nextWhole();
                if (r != null) {
                    return r;
                }
                endFile();
            } catch (AccessDeniedException e) {
                throw new CorpusException(current.name() + ": cannot read (permission denied)");
            } catch (IOException e) {
                throw new CorpusException(current.name() + ": cannot read (" + e.getMessage() + ")");
            }
        }
    }

    /**
     * The record's text, strictly decoded, or (lenient, a text file) with U+FFFD for invalid UTF-8, counted for
     * the file's warning; null text and a bad record otherwise. Call it in input order, before the next file.
     */
    public Parsed decode(Record r) {
        if (r.bad() != null) {
            return new Parsed(null, null, r.bad());
        }
        if (lenient && !r.jsonl()) {
            return new Parsed(null, Utf8.decodeLenient(r.bytes(), 0, r.bytes().length, r.offset(), replaced), null);
        }
        return r.text(Utf8.decode(r.bytes()));
    }

    private boolean openNext() throws IOException {
        if (nextSource == sources.size()) {
            return false;
        }
        current = sources.get(nextSource++);
        files++;
        replaced = new Utf8.Replaced();
        in = CorpusInputs.open(current, stdin, rawBytes);
        lines = null;
        wholeRead = false;
        binaryFile = false;
        if (!current.jsonl() && textFileLines) {
            // Probed before any line is read, so that a binary file is one bad record, not some good lines.
            in = new BufferedInputStream(in, Utf8.BINARY_PROBE);
            in.mark(Utf8.BINARY_PROBE);
            byte[] head = in.readNBytes(Utf8.BINARY_PROBE);
            in.reset();
            binaryFile = Utf8.binary(head, 0, head.length);
        }
        return true;
    }

    private void endFile() throws IOException {
        if (lines != null) {
            bytes += lines.consumed();
        }
        in.close();
        in = null;
        if (replaced.any()) {
            warnings.accept(replaced.warning(current.name()));
        }
    }

    /** The next line of a JSONL file (or of a text file read by line); null at its end. */
    private Record nextLine() throws IOException {
        if (binaryFile) {
            if (wholeRead) {
                return null;
            }
            wholeRead = true;
            return skipped() ? null : new Record(current, 1, 0, 0, null, null,
                    new BadRecord(current.name(), 1, 0, "binary", Utf8.BINARY));
        }
        if (lines == null) {
            lines = new LineReader(in, maxRecordBytes);
        }
        Path[] spilled = {null};
        do {
            if (!lines.next(skip > 0 || !spill ? null : () -> spillFile(spilled))) {
                return null;
            }
        } while (skipped());
        long length = lines.consumed() - lines.offset();
        if (lines.tooLong()) {
            return new Record(current, lines.number(), lines.offset(), length, null, spilled[0],
                    new BadRecord(current.name(), lines.number(), lines.offset(), "too-large", tooLarge(lines.length())));
        }
        return new Record(current, lines.number(), lines.offset(), length, lines.copy(), null, null);
    }

    /** A plain text file as one record; null once it has been read. */
    private Record nextWhole() throws IOException {
        if (wholeRead) {
            return null;
        }
        wholeRead = true;
        if (skipped()) {
            return null;
        }
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        byte[] chunk = new byte[1 << 16];
        long length = 0;
        for (int n; (n = in.read(chunk)) >= 0; ) {
            length += n;
            if (length > maxRecordBytes) {
                Path[] spilled = {null};
                if (spill) {
                    try (OutputStream out = spillFile(spilled)) {
                        buffer.writeTo(out);
                        out.write(chunk, 0, n);
                        length += in.transferTo(out);
                    }
                } else {
                    length += in.transferTo(OutputStream.nullOutputStream());
                }
                bytes += length;
                return new Record(current, 1, 0, length, null, spilled[0],
                        new BadRecord(current.name(), 1, 0, "too-large", tooLarge(length)));
            }
            buffer.write(chunk, 0, n);
        }
        bytes += length;
        byte[] data = buffer.toByteArray();
        BadRecord binary = Utf8.binary(data, 0, data.length)
                ? new BadRecord(current.name(), 1, 0, "binary", Utf8.BINARY) : null;
        return new Record(current, 1, 0, length, data, null, binary);
    }

    /** Counts a record off the skip of a resumed run; whether it is to be passed over. */
    private boolean skipped() {
        if (skip > 0) {
            skip--;
            return true;
        }
        return false;
    }

    private String tooLarge(long length) {
        return "record of " + length + " bytes is over " + limitName + " (" + maxRecordBytes + ")";
    }

    private static OutputStream spillFile(Path[] spilled) throws IOException {
        spilled[0] = Files.createTempFile("unspin-record", ".tmp");
        spilled[0].toFile().deleteOnExit();
        return Files.newOutputStream(spilled[0]);
    }

    @Override
    public void close() throws IOException {
        if (in != null) {
            in.close();
            in = null;
        }
    }
}
