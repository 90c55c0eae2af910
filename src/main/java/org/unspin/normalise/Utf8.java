package org.unspin.normalise;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The one UTF-8 decoder of unspin: every reader of input (fix, check, report, learn, eval, the Spark jobs, the
 * phrase tables and the corpus model) turns bytes into text here, so that invalid UTF-8 is found, and
 * described, the same way everywhere. Strict decoding gives the offset of the first bad byte; lenient decoding
 * replaces each bad sequence by U+FFFD and lists where; {@link #binary} tells a binary file from text.
 */
public final class Utf8 {
    /** A NUL byte within this many bytes of the start means binary data, not text. */
    public static final int BINARY_PROBE = 8192;
    /** Warnings name this many replaced offsets, then say how many more there are. */
    private static final int OFFSETS_SHOWN = 5;

    private Utf8() {
    }

    /** Strictly decoded text, or the offset of the first invalid byte from the start given (-1 if none). */
    public record Decoded(String text, long badOffset) {
        public boolean bad() {
            return badOffset >= 0;
        }
    }

    /** Decodes {@code length} bytes from {@code start}; an ASCII record (most are) is copied without a decoder. */
    public static Decoded decode(byte[] bytes, int start, int length) {
        if (ascii(bytes, start, length)) {
            return new Decoded(new String(bytes, start, length, StandardCharsets.ISO_8859_1), -1);
        }
        ByteBuffer in = ByteBuffer.wrap(bytes, start, length);
        CharBuffer out = CharBuffer.allocate(length);
        CoderResult result = decoder().decode(in, out, true);
        if (result.isError()) {
            return new Decoded(null, in.position() - start);
        }
        out.flip();
        return new Decoded(out.toString(), -1);
    }

    public static Decoded decode(byte[] bytes) {
        return decode(bytes, 0, bytes.length);
    }

    /**
     * Decodes leniently: each invalid sequence becomes U+FFFD and its offset ({@code base} + its position) is
     * added to {@code replaced}, which may collect the replacements of several calls (the lines of one file).
     */
    public static String decodeLenient(byte[] bytes, int start, int length, long base, Replaced replaced) {
        if (ascii(bytes, start, length)) {
            return new String(bytes, start, length, StandardCharsets.ISO_8859_1);
        }
        CharsetDecoder decoder = decoder();
        ByteBuffer in = ByteBuffer.wrap(bytes, start, length);
        CharBuffer out = CharBuffer.allocate(length + 1);
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isUnderflow()) {
                break;
            }
            if (!result.isError()) {
                throw new IllegalStateException("UTF-8 decoding overflowed: " + result);
            }
            // On an error the buffer stands at the first byte of the bad sequence.
            replaced.add(base + in.position() - start);
            out.put('\uFFFD');
            in.position(in.position() + result.length());
        }
        out.flip();
        return out.toString();
    }

    /** Whether the first {@link #BINARY_PROBE} bytes of the data (from {@code start}) hold a NUL byte. */
    public static boolean binary(byte[] bytes, int start, int length) {
        for (int i = start, end = start + Math.min(length, BINARY_PROBE); i < end; i++) {
            if (bytes[i] == 0) {
                return true;
            }
        }
        return false;
    }

    /** The reason given for invalid UTF-8 at {@code offset} bytes into its file. */
    public static String invalidAt(long offset) {
        return "invalid UTF-8 at byte offset " + offset;
    }

    /** The reason given for a file with a NUL byte near its start. */
    public static final String BINARY = "binary file, not text";

    /** 1-based number of the line that holds byte {@code offset} of {@code bytes}. */
    public static long lineOf(byte[] bytes, long offset) {
        long line = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    private static boolean ascii(byte[] bytes, int start, int length) {
        for (int i = start; i < start + length; i++) {
            if (bytes[i] < 0) {
                return false;
            }
        }
        return true;
    }

    private static CharsetDecoder decoder() {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** Where lenient decoding replaced bad bytes in one input, for its one warning. */
    public static final class Replaced {
        private final List<Long> first = new ArrayList<>();
        private long count;

        void add(long offset) {
            if (first.size() < OFFSETS_SHOWN) {
                first.add(offset);
            }
            count++;
        }

        public boolean any() {
            return count > 0;
        }

        /** {@code NAME: invalid UTF-8 replaced by U+FFFD at byte offsets 1, 3 and 2 more}. */
        public String warning(String name) {
            StringBuilder sb = new StringBuilder(name).append(": invalid UTF-8 replaced by U+FFFD at byte offset")
                    .append(count == 1 ? " " : "s ");
            for (int i = 0; i < first.size(); i++) {
                sb.append(i == 0 ? "" : ", ").append(first.get(i));
            }
            if (count > first.size()) {
                sb.append(" and ").append(count - first.size()).append(" more");
            }
            return sb.toString();
        }
    }
}
