package org.unspin.corpus;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8 decoding of one record, shared by every reader of records (fix/check corpus mode, report,
 * learn), so that a bad record is found and described the same way everywhere.
 */
public final class Utf8 {
    private Utf8() {
    }

    /** Strictly decoded text, or the offset of the first invalid byte from the start given (-1 if none). */
    public record Decoded(String text, long badOffset) {
    }

    /** Decodes {@code length} bytes from {@code start}; an ASCII record (most are) is copied without a decoder. */
    public static Decoded decode(byte[] bytes, int start, int length) {
        boolean ascii = true;
        for (int i = start; i < start + length && ascii; i++) {
            ascii = bytes[i] >= 0;
        }
        if (ascii) {
            return new Decoded(new String(bytes, start, length, StandardCharsets.ISO_8859_1), -1);
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, length);
        CharBuffer out = CharBuffer.allocate(length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            return new Decoded(null, in.position() - start);
        }
        decoder.flush(out);
        out.flip();
        return new Decoded(out.toString(), -1);
    }

    public static Decoded decode(byte[] bytes) {
        return decode(bytes, 0, bytes.length);
    }

    /** The reason given for a record with invalid UTF-8, at {@code offset} bytes into its file. */
    public static String invalidAt(long offset) {
        return "invalid UTF-8 at byte offset " + offset;
    }
}
