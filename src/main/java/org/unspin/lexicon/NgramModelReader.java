package org.unspin.lexicon;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Maps a CMU Sphinx binary "trie" language model and checks that its parts fill the file exactly. Layout (all
 * little-endian; see docs/ngram-model.md): magic, order, counts, quantisation tables, unigram records, one
 * bit-packed array per order ≥ 2, vocabulary. Everything is copied onto the heap (the n-gram fields decoded into
 * plain arrays); the mapped file is read only while opening.
 */
final class NgramModelReader {
    private static final byte[] MAGIC = "Trie Language Model".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_ORDER = 9;
    private static final int QUANT_TABLE_SIZE = 1 << 16;
    private static final int UNIGRAM_BYTES = 12;

    private final Path file;
    private final ByteBuffer data;
    private int position;

    private NgramModelReader(Path file, ByteBuffer data) {
        this.file = file;
        this.data = data;
    }

    static NgramModel read(Path file) throws IOException {
        ByteBuffer data;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size > Integer.MAX_VALUE) {
                throw new NgramFormatException(file, 0, "file of " + size + " bytes is too large (limit 2 GB)");
            }
            data = channel.map(FileChannel.MapMode.READ_ONLY, 0, size).order(ByteOrder.LITTLE_ENDIAN);
        }
        return new NgramModelReader(file, data).read();
    }

    private NgramModel read() throws IOException {
        require(MAGIC.length + 1, "header");
        for (int i = 0; i < MAGIC.length; i++) {
            if (data.get(i) != MAGIC[i]) {
                throw error(0, "not a Sphinx trie language model (no \"Trie Language Model\" magic)");
            }
        }
        position = MAGIC.length;
        int order = data.get(position++) & 0xff;
        if (order < 1 || order > MAX_ORDER) {
            throw error(position - 1, "n-gram order " + order + " outside 1.." + MAX_ORDER);
        }
        long[] declared = new long[order];
        require(order * 4L + 4, "n-gram counts");
        for (int n = 0; n < order; n++) {
            declared[n] = Integer.toUnsignedLong(data.getInt(position));
            if (declared[n] >= Integer.MAX_VALUE || (n == 0 && declared[n] == 0)) {
                throw error(position, "unusable " + (n + 1) + "-gram count " + declared[n]);
            }
            position += 4;
        }
        position += 4; // the quantiser's header int, unused by the reader

        float[][] probTables = new float[order][];
        float[][] backoffTables = new float[order][];
        for (int n = 2; n <= order; n++) {
            probTables[n - 1] = floats("order-" + n + " probability table");
            if (n < order) {
                backoffTables[n - 1] = floats("order-" + n + " backoff table");
            }
        }

        int vocabularySize = (int) declared[0];
        int unigramOffset = position;
        require((vocabularySize + 1L) * UNIGRAM_BYTES, "unigram records");
        position += (vocabularySize + 1) * UNIGRAM_BYTES;

        int wordBits = requiredBits(declared[0]);
        NgramLevel[] levels = new NgramLevel[order - 1];
        for (int n = 2; n <= order; n++) {
            boolean middle = n < order;
            int nextBits = middle ? requiredBits(declared[n]) : 0;
            int entryBits = NgramLevel.entryBits(wordBits, nextBits, middle);
            long bytes = NgramLevel.byteSize(declared[n - 1] + 1, entryBits);
            require(bytes, "bit-packed " + n + "-gram array");
            levels[n - 2] = new NgramLevel(data, position, (int) declared[n - 1] + 1, wordBits, nextBits,
                    probTables[n - 1], backoffTables[n - 1]);
            position += (int) bytes;
        }

        NgramVocabulary vocabulary = vocabulary(vocabularySize);
        long[] used = usedCounts(declared, unigramOffset, levels);
        return new NgramModel(file, data, unigramOffset, declared, used, levels, vocabulary);
    }

    /** Each range's closing index gives the number of entries in use; checks the ranges never go backwards. */
    private long[] usedCounts(long[] declared, int unigramOffset, NgramLevel[] levels) throws NgramFormatException {
        long[] used = new long[declared.length];
        used[0] = declared[0];
        if (declared.length == 1) {
            return used;
        }
        long previous = 0;
        for (int w = 0; w <= declared[0]; w++) {
            int recordOffset = unigramOffset + w * UNIGRAM_BYTES + 8;
            long start = Integer.toUnsignedLong(data.getInt(recordOffset));
            if (start < previous || start > declared[1]) {
                throw error(recordOffset, "bigram range start " + start + " of word " + w
                        + " is out of order or beyond the " + declared[1] + " bigrams");
            }
            previous = start;
        }
        used[1] = previous;
        for (int n = 3; n <= declared.length; n++) {
            // Only the closing entry is checked here; the per-entry ranges are checked by the tests.
            NgramLevel parents = levels[n - 3];
            used[n - 1] = parents.next((int) used[n - 2]);
            if (used[n - 1] > declared[n - 1]) {
                throw error(parents.fileOffset((int) used[n - 2]),
                        used[n - 1] + " " + n + "-grams in use but only " + declared[n - 1] + " declared");
            }
        }
        return used;
    }

    private NgramVocabulary vocabulary(int size) throws NgramFormatException {
        require(4, "vocabulary length");
        int length = data.getInt(position);
        position += 4;
        long surplus = data.limit() - position - (long) length;
        if (length < 0 || surplus < 0) {
            throw error(position - 4, "vocabulary of " + length + " bytes runs past the end of the file");
        }
        if (surplus > 0) {
            throw error(position + length, "vocabulary of " + length + " bytes leaves " + surplus
                    + " unread bytes at the end of the file");
        }
        byte[] bytes = new byte[length];
        data.get(position, bytes);
        int[] start = new int[size + 1];
        int words = 0;
        for (int i = 0; i < length; i++) {
            if (bytes[i] == 0) {
                if (words == size) {
                    throw error(position + i, "more than the " + size + " words the header announces");
                }
                start[++words] = i + 1;
            }
        }
        if (words != size) {
            throw error(position + length, "vocabulary has " + words + " NUL-terminated words, header says " + size);
        }
        return new NgramVocabulary(bytes, start);
    }

    private float[] floats(String what) throws NgramFormatException {
        require(QUANT_TABLE_SIZE * 4L, what);
        float[] table = new float[QUANT_TABLE_SIZE];
        data.slice(position, QUANT_TABLE_SIZE * 4).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(table);
        position += QUANT_TABLE_SIZE * 4;
        return table;
    }

    /** Bits to hold the value itself, as sphinx's bitarr_required_bits computes them. */
    private static int requiredBits(long maxValue) {
        return 64 - Long.numberOfLeadingZeros(maxValue);
    }

    private void require(long bytes, String what) throws NgramFormatException {
        if (position + bytes > data.limit()) {
            throw error(position, "file ends inside the " + what + " (needs " + bytes + " bytes, "
                    + (data.limit() - position) + " remain)");
        }
    }

    private NgramFormatException error(long offset, String reason) {
        return new NgramFormatException(file, offset, reason);
    }
}
