package org.unspin.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import org.unspin.normalise.Utf8;

/**
 * Reads one input of the single-document mode of fix and check (a file or stdin) as strict UTF-8 text
 * ({@link Utf8}). Binary files, undecodable bytes and unreadable paths become a {@link UserError} whose message
 * names the input (every input is read before anything is written, so the run stops); with {@code lenient},
 * bad bytes become U+FFFD and are listed as warnings instead.
 */
final class InputReader {
    /** Name used for standard input in messages and reports. */
    static final String STDIN = org.unspin.corpus.CorpusInputs.STDIN;

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
        if (Utf8.binary(bytes, 0, bytes.length)) {
            throw new UserError(name + ": " + Utf8.BINARY);
        }
        if (!lenient) {
            Utf8.Decoded decoded = Utf8.decode(bytes);
            if (decoded.bad()) {
                throw new UserError(name + ": " + Utf8.invalidAt(decoded.badOffset()));
            }
            return new Input(name, decoded.text(), null);
        }
        Utf8.Replaced replaced = new Utf8.Replaced();
        String text = Utf8.decodeLenient(bytes, 0, bytes.length, 0, replaced);
        return new Input(name, text, replaced.any() ? replaced.warning(name) : null);
    }
}
