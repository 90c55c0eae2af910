package org.unspin.corpus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Streams corpus inputs into an {@link NgramCounter}, one line at a time: plain text files, JSONL files (one
 * JSON object per line, the text in a string field), directories and {@code -} for standard input, gzip or
 * zstd compressed by extension; the inputs are expanded by {@link CorpusInputs} and split by
 * {@link LineReader}, as in the corpus mode of fix and check.
 *
 * <p>Decoding follows the CLI's rules: strict UTF-8 (the first bad sequence stops the run with its byte
 * offset) or, with {@code lenient}, U+FFFD and one warning per file; a NUL byte in the first 8 KB means a
 * binary file. A line longer than {@link #MAX_LINE_BYTES} and a bad JSONL line (malformed JSON, not an
 * object, field missing or not a string) are skipped with a {@code file:line: reason} warning.
 */
public final class CorpusReader {
    /** Longest line read; a longer one is skipped, so a file without line breaks cannot exhaust the heap. */
    public static final int MAX_LINE_BYTES = 16 << 20;
    private static final int BINARY_PROBE = 8192;
    private static final int OFFSETS_SHOWN = 5;
    static final String STDIN = "<stdin>";

    private final NgramCounter counter;
    private final boolean jsonl;
    private final String textField;
    private final boolean lenient;
    private final Consumer<String> warnings;
    private final List<String> includes;
    private final AtomicLong rawBytes = new AtomicLong();
    private final ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private CharBuffer chars = CharBuffer.allocate(1 << 12);

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
        this(counter, jsonl, textField, lenient, List.of(), warnings);
    }

    /**
     * @param includes globs for the files of directory inputs ({@link CorpusInputs#expand}); empty for the
     *                 defaults
     */
    public CorpusReader(NgramCounter counter, boolean jsonl, String textField, boolean lenient,
                        List<String> includes, Consumer<String> warnings) {
        this.includes = includes;
        this.counter = counter;
        this.jsonl = jsonl;
        this.textField = textField;
        this.lenient = lenient;
        this.warnings = warnings;
    }

    /** Reads an input: a file, a directory, or {@code -} for {@code stdin}; compressed by extension. */
    public void read(String input, InputStream stdin) {
        for (CorpusInputs.Source source : CorpusInputs.expand(List.of(input), jsonl, includes)) {
            try (InputStream in = CorpusInputs.open(source, stdin, rawBytes)) {
                readStream(source.name(), in, source.jsonl());
            } catch (AccessDeniedException e) {
                throw new CorpusException(source.name() + ": cannot read (permission denied)");
            } catch (IOException e) {
                throw new CorpusException(source.name() + ": cannot read (" + e.getMessage() + ")");
            }
        }
    }

    /** Handles each line of the stream ({@link LineReader}: lines over the limit are never held). */
    private void readStream(String name, InputStream in, boolean asJsonl) throws IOException {
        files++;
        counter.endRun();
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
            handleLine(name, (int) lines.number(), line, lines.bufferLength(), lines.tooLong(), lines.offset(), asJsonl,
                    badOffsets);
        }
        bytes += lines.consumed();
        counter.endRun();
        if (!badOffsets.isEmpty()) {
            warnings.accept(replacedWarning(name, badOffsets, badCount));
        }
    }

    private void handleLine(String name, int number, byte[] line, int length, boolean tooLong, long lineStart,
                            boolean asJsonl, List<Long> badOffsets) {
        lines++;
        if (tooLong) {
            skip(name, number, "line longer than " + (MAX_LINE_BYTES >> 20) + " MB");
            counter.endRun();
            return;
        }
        if (length > 0 && line[length - 1] == '\r') {
            length--;
        }
        String text = decode(name, line, length, lineStart, badOffsets);
        if (!asJsonl) {
            if (text.isBlank()) {
                counter.endRun();
            } else {
                counter.add(text);
            }
            return;
        }
        if (text.isBlank()) {
            return;
        }
        JsonNode record;
        try {
            record = json.readTree(text);
        } catch (JsonProcessingException e) {
            skip(name, number, "malformed JSON (" + e.getOriginalMessage().lines().findFirst().orElse("") + ")");
            return;
        }
        if (!record.isObject()) {
            skip(name, number, "not a JSON object");
            return;
        }
        JsonNode field = record.get(textField);
        if (field == null) {
            skip(name, number, "no field '" + textField + "'");
            return;
        }
        if (!field.isTextual()) {
            skip(name, number, "field '" + textField + "' is not a string");
            return;
        }
        counter.endRun();
        counter.add(field.textValue());
        counter.endRun();
    }

    private void skip(String name, int line, String reason) {
        skipped++;
        warnings.accept(name + ":" + line + ": " + reason + ", skipped");
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
