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
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Streams corpus inputs into an {@link NgramCounter}, one line at a time: plain text files, JSONL files (one
 * JSON object per line, the text in a string field), directories (recursively, their {@code *.txt} and
 * {@code *.jsonl} files in path order) and {@code -} for standard input.
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
        this.counter = counter;
        this.jsonl = jsonl;
        this.textField = textField;
        this.lenient = lenient;
        this.warnings = warnings;
    }

    /** Reads an input: a file, a directory, or {@code -} for {@code stdin}. */
    public void read(String input, InputStream stdin) {
        if (input.equals("-")) {
            readStream(STDIN, stdin, jsonl);
            return;
        }
        Path path;
        try {
            path = Path.of(input);
        } catch (InvalidPathException e) {
            throw new CorpusException(input + ": cannot read (" + e.getReason() + ")");
        }
        if (Files.isDirectory(path)) {
            for (Path file : corpusFiles(input, path)) {
                readFile(file.toString(), file, isJsonl(file));
            }
        } else if (!Files.exists(path)) {
            throw new CorpusException(input + ": no such file");
        } else {
            readFile(input, path, jsonl || isJsonl(path));
        }
    }

    private static boolean isJsonl(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jsonl");
    }

    private static List<Path> corpusFiles(String name, Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).filter(p -> {
                String f = p.getFileName().toString().toLowerCase(Locale.ROOT);
                return f.endsWith(".txt") || f.endsWith(".jsonl");
            }).sorted().toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new CorpusException(name + ": cannot list the directory (" + e.getMessage() + ")");
        }
    }

    private void readFile(String name, Path path, boolean asJsonl) {
        try (InputStream in = Files.newInputStream(path)) {
            readStream(name, in, asJsonl);
        } catch (AccessDeniedException e) {
            throw new CorpusException(name + ": cannot read (permission denied)");
        } catch (IOException e) {
            throw new CorpusException(name + ": cannot read (" + e.getMessage() + ")");
        }
    }

    /** Splits the stream at LF bytes (never part of a longer UTF-8 sequence) and handles each line. */
    private void readStream(String name, InputStream in, boolean asJsonl) {
        files++;
        counter.endRun();
        byte[] buffer = new byte[1 << 16];
        byte[] line = new byte[1 << 12];
        int lineLength = 0;
        boolean tooLong = false;
        long offset = 0, lineStart = 0;
        int lineNumber = 0;
        List<Long> badOffsets = new ArrayList<>();
        badCount = 0;
        try {
            for (int read; (read = in.read(buffer)) >= 0; ) {
                int from = 0;
                for (int i = 0; i < read; i++) {
                    if (offset + i < BINARY_PROBE && buffer[i] == 0) {
                        throw new CorpusException(name + ": binary file, not text");
                    }
                    if (buffer[i] != '\n') {
                        continue;
                    }
                    lineNumber++;
                    tooLong |= (long) lineLength + i - from > MAX_LINE_BYTES;
                    if (!tooLong) {
                        line = append(line, lineLength, buffer, from, i - from);
                        lineLength += i - from;
                    }
                    handleLine(name, lineNumber, line, lineLength, tooLong, lineStart, asJsonl, badOffsets);
                    lineLength = 0;
                    tooLong = false;
                    from = i + 1;
                    lineStart = offset + i + 1;
                }
                if (!tooLong && (long) lineLength + read - from > MAX_LINE_BYTES) {
                    tooLong = true;
                    lineLength = 0;
                } else if (!tooLong) {
                    line = append(line, lineLength, buffer, from, read - from);
                    lineLength += read - from;
                }
                offset += read;
            }
        } catch (IOException e) {
            throw new CorpusException(name + ": cannot read (" + e.getMessage() + ")");
        }
        if (lineLength > 0 || tooLong) {
            handleLine(name, lineNumber + 1, line, lineLength, tooLong, lineStart, asJsonl, badOffsets);
        }
        bytes += offset;
        counter.endRun();
        if (!badOffsets.isEmpty()) {
            warnings.accept(replacedWarning(name, badOffsets, badCount));
        }
    }

    private static byte[] append(byte[] line, int length, byte[] from, int start, int count) {
        if (length + count > line.length) {
            line = java.util.Arrays.copyOf(line, Math.max(line.length * 2, length + count));
        }
        System.arraycopy(from, start, line, length, count);
        return line;
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
