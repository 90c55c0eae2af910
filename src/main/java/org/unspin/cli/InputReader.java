package org.unspin.cli;

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

/**
 * Reads one input (a file or stdin) as strict UTF-8 text. Binary files, undecodable bytes and unreadable
 * paths become a {@link UserError} whose message names the input; with {@code lenient}, bad bytes become
 * U+FFFD and are listed as warnings instead.
 */
final class InputReader {
    /** Name used for standard input in messages and reports. */
    static final String STDIN = "<stdin>";

    /** A NUL byte this early means the file is not text. */
    private static final int BINARY_PROBE = 8192;
    /** Warnings name this many bad offsets, then say how many more there are. */
    private static final int OFFSETS_SHOWN = 5;

    private final boolean lenient;

    InputReader(boolean lenient) {
        this.lenient = lenient;
    }

    /** A decoded input; {@code warning} is null unless lenient decoding replaced bad bytes. */
    record Input(String name, String text, String warning) {
    }

    /** Reads {@code name}: a path, or {@code -} for standard input. */
    Input read(String name, InputStream stdin) {
        if (name.equals("-")) {
            try {
                return decode(STDIN, stdin.readAllBytes());
            } catch (IOException e) {
                throw new UserError(STDIN + ": cannot read (" + e.getMessage() + ")");
            }
        }
        Path path;
        try {
            path = Path.of(name);
        } catch (InvalidPathException e) {
            throw new UserError(name + ": cannot read (" + e.getReason() + ")");
        }
        checkReadable(name, path);
        try {
            return decode(name, Files.readAllBytes(path));
        } catch (AccessDeniedException e) {
            throw new UserError(name + ": cannot read (permission denied)");
        } catch (IOException | OutOfMemoryError e) {
            throw new UserError(name + ": cannot read (" + e.getMessage() + ")");
        }
    }

    /** Fails with the CLI's message unless {@code path} is an existing, non-directory file. */
    static void checkReadable(String name, Path path) {
        if (Files.isDirectory(path)) {
            throw new UserError(name + ": is a directory");
        }
        if (!Files.exists(path)) {
            throw new UserError(name + ": no such file");
        }
    }

    Input decode(String name, byte[] bytes) {
        for (int i = 0, n = Math.min(bytes.length, BINARY_PROBE); i < n; i++) {
            if (bytes[i] == 0) {
                throw new UserError(name + ": binary file, not text");
            }
        }
        // REPORT (not REPLACE) so we learn the exact offset of every bad sequence and decide ourselves.
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        List<Integer> badOffsets = new ArrayList<>();
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isUnderflow()) {
                break;
            }
            if (!result.isError()) {
                throw new IllegalStateException("UTF-8 decoding overflowed: " + result);
            }
            // On an error the buffer stands at the first byte of the bad sequence.
            if (!lenient) {
                throw new UserError(name + ": invalid UTF-8 at byte offset " + in.position());
            }
            badOffsets.add(in.position());
            out.put('\uFFFD');
            in.position(in.position() + result.length());
        }
        decoder.flush(out);
        out.flip();
        return new Input(name, out.toString(), badOffsets.isEmpty() ? null : warning(name, badOffsets));
    }

    private static String warning(String name, List<Integer> offsets) {
        StringBuilder sb = new StringBuilder(name).append(": invalid UTF-8 replaced by U+FFFD at byte offset")
                .append(offsets.size() == 1 ? " " : "s ");
        for (int i = 0; i < Math.min(offsets.size(), OFFSETS_SHOWN); i++) {
            sb.append(i == 0 ? "" : ", ").append(offsets.get(i));
        }
        if (offsets.size() > OFFSETS_SHOWN) {
            sb.append(" and ").append(offsets.size() - OFFSETS_SHOWN).append(" more");
        }
        return sb.toString();
    }
}
