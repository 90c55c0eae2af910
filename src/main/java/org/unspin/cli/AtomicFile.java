package org.unspin.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes an output file so that readers see either the old file or the complete new one: the text goes to a
 * temporary file in the same directory, which is then renamed over the target. On any failure the temporary
 * file is removed and the target is left as it was.
 */
final class AtomicFile {
    private AtomicFile() {
    }

    /**
     * Fails, before any work is done, when {@link #write} could not write {@code name}: a directory, or a
     * parent folder that is missing or not writable.
     */
    static void checkWritable(String option, String name) {
        Path target = Path.of(name).toAbsolutePath();
        Path dir = target.getParent();
        if (Files.isDirectory(target)) {
            throw new UserError(option + " " + name + ": is a directory");
        }
        if (!Files.isDirectory(dir)) {
            throw new UserError(option + " " + name + ": cannot write (no such directory)");
        }
        if (!Files.isWritable(dir)) {
            throw new UserError(option + " " + name + ": cannot write (permission denied)");
        }
    }

    static void write(String name, String text) {
        Path target = Path.of(name).toAbsolutePath();
        if (Files.isDirectory(target)) {
            throw new UserError(name + ": is a directory");
        }
        Path dir = target.getParent();
        Path temp = null;
        try {
            // createFile (not createTempFile) so the new file gets the usual umask permissions, not 0600.
            temp = Files.createFile(dir.resolve("." + target.getFileName() + "."
                    + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp"));
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            temp = null;
        } catch (NoSuchFileException e) {
            throw new UserError(name + ": cannot write (no such directory)");
        } catch (AccessDeniedException e) {
            throw new UserError(name + ": cannot write (permission denied)");
        } catch (IOException e) {
            throw new UserError(name + ": cannot write (" + e.getMessage() + ")");
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // The write already failed; that is the error worth reporting.
                }
            }
        }
    }
}
