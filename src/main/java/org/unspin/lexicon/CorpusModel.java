package org.unspin.lexicon;

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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.unspin.lexicon.CandidateDictionary;
import org.unspin.normalise.Utf8;

/**
 * N-gram counts of a user's corpus, written by {@code unspin learn} ({@link org.unspin.corpus.NgramCounter}) and read by the
 * generalising detector. The file is memory-mapped and searched in place; instances are immutable and
 * thread-safe.
 *
 * <p>Layout (big-endian, deterministic for the same input):
 * <pre>
 * offset      size  field
 * 0           8     magic "UNSPINCM" (ASCII)
 * 8           4     format version, 1
 * 12          4     lossy-counting threshold T (0: every count exact; see {@code NgramCounter})
 * 16          8     word tokens counted
 * 24          8     n, the number of n-grams
 * 32          8n    n-gram fingerprints ({@link Fingerprint}), strictly ascending as signed longs
 * 32 + 8n     4n    their counts (each at least 1), in the same order
 * </pre>
 * Version 2 (written when {@code learn} mines substitutions) adds a section after the counts:
 * <pre>
 * 32 + 12n    4     m, the number of mined substitutions ({@link MinedSubstitution}), then m records:
 *             str   observed word          (a str is a u16 byte length and that many bytes of UTF-8)
 *             str   original
 *             8     weight, float64 in (0, 1]
 *             8     occurrences, int64 ≥ 0
 *             8     documents, int64 ≥ 0
 *             4     contexts scored, int32 ≥ 0
 *             8     mean margin (log10), float64
 *             8     mean context margin (log10), float64
 *             8     share of contexts preferring the original, float64 in [0, 1]
 *             8     frequency ratio (log10), float64
 *             8     spin affinity, float64 ≥ 0
 *             8     shared documents (both words), int64 ≥ 0           (version 3 only)
 *             8     co-occurrence z-score, float64                       (version 3 on)
 *             1     mining round that kept the pair, 1 or more           (version 4)
 *             1     e, the number of examples (0..3), then e str: contexts with the original in [brackets]
 * </pre>
 * Records are sorted by observed word, weight (descending) and original. Version 4 is what {@code learn}
 * writes; version 3 files open with every row from round 1, version 2 files also with the co-occurrence
 * unknown (shared documents -1, z-score NaN), and
 * version 1 files (no section) with no substitutions.
 */
public final class CorpusModel {
    static final byte[] MAGIC = "UNSPINCM".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 1;
    /** The substitution section before it had the co-occurrence fields. */
    static final int VERSION_MINED_2 = 2;
    /** The substitution section before it had the mining round. */
    static final int VERSION_MINED_3 = 3;
    static final int VERSION_MINED = 4;
    private static final int MAX_EXAMPLES = 3;
    static final int HEADER = 32;

    private final String name;
    private final int threshold;
    private final long tokens;
    private final int size;
    private final LongBuffer fingerprints;
    private final IntBuffer counts;
    private final int version;
    private final List<MinedSubstitution> mined;

    private CorpusModel(String name, int version, int threshold, long tokens, int size, LongBuffer fingerprints,
                        IntBuffer counts, List<MinedSubstitution> mined) {
        this.version = version;
        this.mined = mined;
        this.name = name;
        this.threshold = threshold;
        this.tokens = tokens;
        this.size = size;
        this.fingerprints = fingerprints;
        this.counts = counts;
    }

    /**
     * Maps and checks a model file. A missing, truncated or corrupt file throws a {@link DictionaryException}
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
                throw new DictionaryException(name, "corpus model larger than 2 GB, not supported");
            }
            map = channel.map(FileChannel.MapMode.READ_ONLY, 0, length);
        } catch (NoSuchFileException e) {
            throw new DictionaryException(name, "no such file");
        } catch (IOException e) {
            throw new DictionaryException(name, "cannot read (" + e.getMessage() + ")");
        }
        byte[] magic = new byte[MAGIC.length];
        map.get(0, magic);
        if (!java.util.Arrays.equals(magic, MAGIC)) {
            throw corrupt(name, 0, "not an unspin corpus model (bad magic)");
        }
        int version = map.getInt(8);
        if (version != VERSION && version != VERSION_MINED_2 && version != VERSION_MINED_3
                && version != VERSION_MINED) {
            throw corrupt(name, 8, "unsupported version " + version + " (expected " + VERSION + " to "
                    + VERSION_MINED + ")");
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
        if (expected < map.capacity() && version == VERSION) {
            throw corrupt(name, expected, "unexpected bytes after the last count");
        }
        if (expected == map.capacity() && version != VERSION) {
            throw corrupt(name, expected, "truncated: the substitution section is missing");
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
        List<MinedSubstitution> mined = version == VERSION ? List.of()
                : readSubstitutions(name, map, (int) expected, version);
        return new CorpusModel(name, version, threshold, tokens, size, fingerprints, counts, mined);
    }

    /** The substitution section at {@code at}; every problem names its byte offset. */
    private static List<MinedSubstitution> readSubstitutions(String name, ByteBuffer map, int at, int version) {
        boolean cooccurrence = version >= VERSION_MINED_3;
        Section in = new Section(name, map, at);
        int m = in.int32("substitution count");
        if (m < 0) {
            throw corrupt(name, at, "negative substitution count " + m);
        }
        List<MinedSubstitution> rows = new ArrayList<>(Math.min(m, 1 << 16));
        for (int r = 0; r < m; r++) {
            int start = in.at;
            String observed = in.string("observed word");
            String original = in.string("original");
            int weightAt = in.at;
            double weight = in.float64("weight");
            if (!(weight > 0 && weight <= 1)) {
                throw corrupt(name, weightAt, "weight " + weight + " not in (0, 1]");
            }
            int countsAt = in.at;
            long occurrences = in.int64("occurrences");
            long documents = in.int64("documents");
            int contexts = in.int32("contexts");
            if (occurrences < 0 || documents < 0 || contexts < 0) {
                throw corrupt(name, countsAt, "negative count in substitution " + r);
            }
            double margin = in.float64("mean margin");
            double context = in.float64("context margin");
            int shareAt = in.at;
            double share = in.float64("share");
            if (!(share >= 0 && share <= 1)) {
                throw corrupt(name, shareAt, "share " + share + " not in [0, 1]");
            }
            double ratio = in.float64("frequency ratio");
            int affinityAt = in.at;
            double affinity = in.float64("spin affinity");
            if (!(affinity >= 0) || Double.isInfinite(affinity)) {
                throw corrupt(name, affinityAt, "spin affinity " + affinity + " not a finite number >= 0");
            }
            if (!Double.isFinite(margin) || !Double.isFinite(context) || !Double.isFinite(ratio)) {
                throw corrupt(name, shareAt - 16, "margin or frequency ratio not finite");
            }
            long shared = -1;
            double z = Double.NaN;
            if (cooccurrence) {
                int sharedAt = in.at;
                shared = in.int64("shared documents");
                z = in.float64("co-occurrence");
                if (shared < 0 || !Double.isFinite(z)) {
                    throw corrupt(name, sharedAt, "shared documents negative or co-occurrence not finite");
                }
            }
            int round = 1;
            if (version >= VERSION_MINED) {
                int roundAt = in.at;
                round = in.uint8("round");
                if (round < 1) {
                    throw corrupt(name, roundAt, "round " + round + " below 1");
                }
            }
            int examplesAt = in.at;
            int e = in.uint8("example count");
            if (e > MAX_EXAMPLES) {
                throw corrupt(name, examplesAt, e + " examples, at most " + MAX_EXAMPLES);
            }
            List<String> examples = new ArrayList<>(e);
            for (int i = 0; i < e; i++) {
                int exampleAt = in.at;
                String example = in.string("example");
                if (!example.matches(".*\\[[^\\[\\]]+\\].*")) {
                    throw corrupt(name, exampleAt, "example '" + example + "' marks no [original]");
                }
                examples.add(example);
            }
            if (observed.isBlank() || original.isBlank() || observed.equals(original)) {
                throw corrupt(name, start, "substitution " + r + " has an empty side or equal sides");
            }
            rows.add(new MinedSubstitution(observed, original, weight, occurrences, documents, contexts, margin,
                    context, share, ratio, affinity, shared, z, round, examples));
        }
        if (in.at != map.capacity()) {
            throw corrupt(name, in.at, "unexpected bytes after the last substitution");
        }
        return List.copyOf(rows);
    }

    /** A cursor over the substitution section. */
    private static final class Section {
        private final String name;
        private final ByteBuffer map;
        int at;

        Section(String name, ByteBuffer map, int at) {
            this.name = name;
            this.map = map;
            this.at = at;
        }

        private void need(int bytes, String what) {
            if (map.capacity() - at < bytes) {
                throw corrupt(name, at, "truncated: the " + what + " needs " + bytes + " bytes, "
                        + (map.capacity() - at) + " left");
            }
        }

        int int32(String what) {
            need(4, what);
            int v = map.getInt(at);
            at += 4;
            return v;
        }

        long int64(String what) {
            need(8, what);
            long v = map.getLong(at);
            at += 8;
            return v;
        }

        double float64(String what) {
            need(8, what);
            double v = map.getDouble(at);
            at += 8;
            return v;
        }

        int uint8(String what) {
            need(1, what);
            return map.get(at++) & 0xFF;
        }

        String string(String what) {
            need(2, what + " length");
            int length = map.getShort(at) & 0xFFFF;
            int start = at;
            at += 2;
            need(length, what);
            byte[] bytes = new byte[length];
            map.get(at, bytes);
            Utf8.Decoded decoded = Utf8.decode(bytes);
            if (decoded.bad()) {
                throw corrupt(name, start, what + " is not valid UTF-8");
            }
            at += length;
            return decoded.text();
        }
    }

    private static void writeSubstitutions(DataOutputStream out, List<MinedSubstitution> mined) throws IOException {
        out.writeInt(mined.size());
        for (MinedSubstitution m : mined) {
            writeString(out, m.observed());
            writeString(out, m.original());
            out.writeDouble(m.weight());
            out.writeLong(m.occurrences());
            out.writeLong(m.documents());
            out.writeInt(m.contexts());
            out.writeDouble(m.meanMargin());
            out.writeDouble(m.contextMargin());
            out.writeDouble(m.sharePositive());
            out.writeDouble(m.frequencyRatio());
            out.writeDouble(m.spinAffinity());
            out.writeLong(m.sharedDocuments());
            out.writeDouble(m.cooccurrence());
            out.writeByte(m.round());
            int e = Math.min(MAX_EXAMPLES, m.examples().size());
            out.writeByte(e);
            for (int i = 0; i < e; i++) {
                writeString(out, m.examples().get(i));
            }
        }
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > 0xFFFF) {
            throw new IllegalArgumentException("string of " + bytes.length + " bytes in a corpus model");
        }
        out.writeShort(bytes.length);
        out.write(bytes);
    }

    private static DictionaryException corrupt(String name, long offset, String reason) {
        return new DictionaryException(name, "corrupt corpus model at byte offset " + offset + ": " + reason);
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

    /**
     * The substitutions {@code unspin learn} mined from the corpus, as candidate-dictionary rows: source
     * {@code "corpus-model"}, the counts in the note, one example with the original in [brackets]. Empty for a
     * version-1 model or one learnt with {@code --no-mine}.
     */
    public List<CandidateDictionary.Row> substitutions() {
        List<CandidateDictionary.Row> rows = new ArrayList<>(mined.size());
        for (MinedSubstitution m : mined) {
            rows.add(m.row());
        }
        return rows;
    }

    /** The mined substitutions with all their counts and examples. */
    public List<MinedSubstitution> minedSubstitutions() {
        return mined;
    }

    /**
     * The file format version: 1, or 2 to 4 with a substitution section (3 on with co-occurrence, 4 with the
     * mining round).
     */
    public int version() {
        return version;
    }

    /** Word tokens in the corpus. */
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

    /**
     * Writes a model to a temporary file next to {@code target}, then moves it into place (for {@code learn}'s
     * counter); a file that cannot be written throws a {@link DictionaryException}.
     */
    public static void write(Path target, long tokens, int threshold, long[] sortedFingerprints, int[] counts,
                      List<MinedSubstitution> mined) {
        Path absolute = target.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            throw new DictionaryException(target.toString(), "is a directory");
        }
        Path temp = absolute.resolveSibling("." + absolute.getFileName() + "."
                + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
        try {
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                    Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW), 1 << 16))) {
                out.write(MAGIC);
                out.writeInt(mined == null ? VERSION : VERSION_MINED);
                out.writeInt(threshold);
                out.writeLong(tokens);
                out.writeLong(sortedFingerprints.length);
                for (long f : sortedFingerprints) {
                    out.writeLong(f);
                }
                for (int c : counts) {
                    out.writeInt(c);
                }
                if (mined != null) {
                    writeSubstitutions(out, mined);
                }
            }
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (NoSuchFileException e) {
            throw new DictionaryException(target.toString(), "cannot write (no such directory)");
        } catch (IOException e) {
            throw new DictionaryException(target.toString(), "cannot write (" + e.getMessage() + ")");
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // The write already failed or succeeded; the temporary name is all that is left.
            }
        }
    }
}
