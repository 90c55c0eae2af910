package org.unspin.corpus;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * N-gram counts of a user's corpus, written by {@code unspin learn} ({@link NgramCounter}) and read by the
 * generalising detector. The file is memory-mapped and searched in place; instances are immutable and
 * thread-safe.
 *
 * <p>Layout (big-endian, deterministic for the same input):
 * <pre>
 * offset      size  field
 * 0           8     magic "UNSPINCM" (ASCII)
 * 8           4     format version, 1
 * 12          4     lossy-counting threshold T (0: every count exact; see {@link NgramCounter})
 * 16          8     word tokens counted
 * 24          8     n, the number of n-grams
 * 32          8n    n-gram fingerprints ({@link Fingerprint}), strictly ascending as signed longs
 * 32 + 8n     4n    their counts (each at least 1), in the same order
 * </pre>
 */
public final class CorpusModel {
    static final byte[] MAGIC = "UNSPINCM".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 1;
    static final int HEADER = 32;

    private final String name;
    private final int threshold;
    private final long tokens;
    private final int size;
    private final LongBuffer fingerprints;
    private final IntBuffer counts;

    private CorpusModel(String name, int threshold, long tokens, int size, LongBuffer fingerprints,
                        IntBuffer counts) {
        this.name = name;
        this.threshold = threshold;
        this.tokens = tokens;
        this.size = size;
        this.fingerprints = fingerprints;
        this.counts = counts;
    }

    /**
     * Maps and checks a model file. A missing, truncated or corrupt file throws a {@link CorpusException}
     * naming the file and the byte offset of the problem.
     */
    public static CorpusModel open(Path file) {
        String name = file.toString();
        ByteBuffer map;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long length = channel.size();
            if (length < HEADER) {
                throw corrupt(name, length, "truncated: the header needs " + HEADER + " bytes, the file has " + length);
            }
            if (length > Integer.MAX_VALUE) {
                throw new CorpusException(name + ": corpus model larger than 2 GB, not supported");
            }
            map = channel.map(FileChannel.MapMode.READ_ONLY, 0, length);
        } catch (NoSuchFileException e) {
            throw new CorpusException(name + ": no such file");
        } catch (IOException e) {
            throw new CorpusException(name + ": cannot read (" + e.getMessage() + ")");
        }
        byte[] magic = new byte[MAGIC.length];
        map.get(0, magic);
        if (!java.util.Arrays.equals(magic, MAGIC)) {
            throw corrupt(name, 0, "not an unspin corpus model (bad magic)");
        }
        if (map.getInt(8) != VERSION) {
            throw corrupt(name, 8, "unsupported version " + map.getInt(8) + " (expected " + VERSION + ")");
        }
        int threshold = map.getInt(12);
        if (threshold < 0) {
            throw corrupt(name, 12, "negative threshold " + threshold);
        }
        long tokens = map.getLong(16);
        if (tokens < 0) {
            throw corrupt(name, 16, "negative token count " + tokens);
        }
        long n = map.getLong(24);
        long expected = n >= 0 && n <= Integer.MAX_VALUE ? HEADER + 12 * n : -1;
        if (expected < 0 || expected > map.capacity()) {
            throw corrupt(name, map.capacity(), "truncated: " + n + " n-grams need " + (HEADER + 12 * Math.max(n, 0))
                    + " bytes, the file has " + map.capacity());
        }
        if (expected < map.capacity()) {
            throw corrupt(name, expected, "unexpected bytes after the last count");
        }
        int size = (int) n;
        LongBuffer fingerprints = map.slice(HEADER, 8 * size).asLongBuffer();
        IntBuffer counts = map.slice(HEADER + 8 * size, 4 * size).asIntBuffer();
        for (int i = 0; i < size; i++) {
            if (i > 0 && fingerprints.get(i) <= fingerprints.get(i - 1)) {
                throw corrupt(name, HEADER + 8L * i, "fingerprints not in strictly ascending order");
            }
            if (counts.get(i) < 1) {
                throw corrupt(name, HEADER + 8L * size + 4L * i, "count " + counts.get(i) + " below 1");
            }
        }
        return new CorpusModel(name, threshold, tokens, size, fingerprints, counts);
    }

    private static CorpusException corrupt(String name, long offset, String reason) {
        return new CorpusException(name + ": corrupt corpus model at byte offset " + offset + ": " + reason);
    }

    /**
     * How often the 1..3 words occurred in a row in the corpus (folded like the counter: case and curly
     * apostrophes do not matter). Exact when {@link #threshold()} is 0; otherwise at most T too high, and 0
     * stands for "at most T".
     */
    public long count(String... words) {
        if (words.length < 1 || words.length > 3) {
            throw new IllegalArgumentException("a corpus model counts 1 to 3 words, got " + words.length);
        }
        long key = Fingerprint.of(words);
        int low = 0, high = size - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            long k = fingerprints.get(mid);
            if (k < key) {
                low = mid + 1;
            } else if (k > key) {
                high = mid - 1;
            } else {
                return counts.get(mid);
            }
        }
        return 0;
    }

    /** Word tokens in the corpus. */
    /** Substitutions mined from the corpus (none in this format version; {@code unspin learn} adds them). */
    public java.util.List<org.unspin.lexicon.CandidateDictionary.Row> substitutions() {
        return java.util.List.of();
    }

    public long tokens() {
        return tokens;
    }

    /** The lossy-counting threshold T the counts were pruned with (0: exact counts). */
    public int threshold() {
        return threshold;
    }

    /** Number of stored n-grams. */
    public int size() {
        return size;
    }

    @Override
    public String toString() {
        return "CorpusModel[" + name + ", " + size + " n-grams, " + tokens + " tokens, T=" + threshold + "]";
    }

    /** Writes a model to a temporary file next to {@code target}, then moves it into place. */
    static void write(Path target, long tokens, int threshold, long[] sortedFingerprints, int[] counts) {
        Path absolute = target.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            throw new CorpusException(target + ": is a directory");
        }
        Path temp = absolute.resolveSibling("." + absolute.getFileName() + "."
                + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
        try {
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                    Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW), 1 << 16))) {
                out.write(MAGIC);
                out.writeInt(VERSION);
                out.writeInt(threshold);
                out.writeLong(tokens);
                out.writeLong(sortedFingerprints.length);
                for (long f : sortedFingerprints) {
                    out.writeLong(f);
                }
                for (int c : counts) {
                    out.writeInt(c);
                }
            }
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (NoSuchFileException e) {
            throw new CorpusException(target + ": cannot write (no such directory)");
        } catch (IOException e) {
            throw new CorpusException(target + ": cannot write (" + e.getMessage() + ")");
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // The write already failed or succeeded; the temporary name is all that is left.
            }
        }
    }
}
