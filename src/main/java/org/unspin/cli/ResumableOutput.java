package org.unspin.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.unspin.corpus.Compression;

/**
 * A corpus output file written the way {@link AtomicFile} writes: into a temporary file next to the target
 * ({@code .NAME.unspin-tmp}), renamed over the target only when the run completes. Compressed by the target's
 * extension. {@link #checkpoint()} ends the current compressed member (gzip member, zstd frame), flushes to
 * disk and returns the temporary file's length, so that every checkpoint is a valid end of file: a resumed run
 * truncates the temporary file to the last checkpoint and appends.
 *
 * <p>Without a target the records go to standard output (plain, not resumable).
 */
final class ResumableOutput {
    private final String name;
    private final Path target;
    private final Path temp;
    private final Compression compression;
    private final FileChannel channel;
    private final OutputStream file;
    private OutputStream member;
    private long written;

    private ResumableOutput(String name, Path target, Path temp, Compression compression, FileChannel channel,
                            OutputStream file) {
        this.name = name;
        this.target = target;
        this.temp = temp;
        this.compression = compression;
        this.channel = channel;
        this.file = file;
    }

    /** The temporary file that holds the output of {@code target} until the run completes. */
    static Path tempOf(Path target) {
        return target.resolveSibling("." + target.getFileName() + ".unspin-tmp");
    }

    /** Standard output: no temporary file, no checkpoints. */
    static ResumableOutput stdout(OutputStream out) {
        return new ResumableOutput("<stdout>", null, null, Compression.NONE, null, new BufferedOutputStream(out, 1 << 16));
    }

    /**
     * Opens the temporary file of {@code name}: empty for a fresh run, or cut to {@code resumeAt} bytes (the
     * length at the last checkpoint) to continue an interrupted run.
     */
    static ResumableOutput open(String name, long resumeAt) {
        Path target = Path.of(name).toAbsolutePath();
        if (Files.isDirectory(target)) {
            throw new UserError(name + ": is a directory");
        }
        Path temp = tempOf(target);
        try {
            FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            long size = channel.size();
            if (resumeAt > size) {
                channel.close();
                throw new UserError(temp + ": shorter (" + size + " bytes) than its checkpoint (" + resumeAt
                        + " bytes); run again without --resume");
            }
            channel.truncate(Math.max(resumeAt, 0));
            channel.position(Math.max(resumeAt, 0));
            return new ResumableOutput(name, target, temp, Compression.of(target.getFileName().toString()), channel,
                    new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 20));
        } catch (java.nio.file.NoSuchFileException e) {
            throw new UserError(name + ": cannot write (no such directory)");
        } catch (java.nio.file.AccessDeniedException e) {
            throw new UserError(name + ": cannot write (permission denied)");
        } catch (IOException e) {
            throw new UserError(name + ": cannot write (" + e.getMessage() + ")");
        }
    }

    String name() {
        return name;
    }

    void write(byte[] bytes, int offset, int length) throws IOException {
        if (member == null) {
            member = compression.member(file);
        }
        member.write(bytes, offset, length);
        written += length;
    }

    void write(byte[] bytes) throws IOException {
        write(bytes, 0, bytes.length);
    }

    /** An output stream view for copying into this output. */
    OutputStream stream() {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                ResumableOutput.this.write(new byte[] {(byte) b});
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                ResumableOutput.this.write(b, off, len);
            }
        };
    }

    /** Uncompressed bytes written by this run. */
    long written() {
        return written;
    }

    /** Ends the compressed member and flushes everything to disk; returns the file length (a valid end). */
    long checkpoint() throws IOException {
        if (member != null) {
            member.close();
            member = null;
        }
        file.flush();
        if (channel == null) {
            return written;
        }
        channel.force(false);
        return channel.position();
    }

    /** Completes the file and moves it into place. */
    void commit() throws IOException {
        checkpoint();
        if (channel == null) {
            return;
        }
        channel.close();
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Stops writing and keeps the temporary file for --resume; bytes after the last checkpoint do not count. */
    void abandon() {
        try {
            if (channel != null) {
                channel.close();
            } else {
                file.flush();
            }
        } catch (IOException ignored) {
            // The run already failed; that is the error worth reporting.
        }
    }
}
