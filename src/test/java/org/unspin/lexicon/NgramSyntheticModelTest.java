package org.unspin.lexicon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs without the Debian package: writes a five-word trigram model in the trie layout (as described in
 * docs/ngram-model.md) and checks the reader's ARPA backoff against sums worked out by hand.
 */
class NgramSyntheticModelTest {
    private static final double UNITS_PER_LOG10 = 1 / Math.log10(1.0001);
    private static final List<String> WORDS = List.of("</s>", "<s>", "a", "b", "c");
    /** log10 {prob, backoff} per word id. */
    private static final double[][] UNIGRAMS = {{-1.1, 0}, {-99, -0.4}, {-1.0, -0.5}, {-1.2, -0.3}, {-1.5, -0.2}};
    /** {h1, w, log10 prob, log10 backoff}, deliberately not in file order. */
    private static final Object[][] BIGRAMS = {
        {"b", "c", -0.6, -0.15}, {"a", "b", -0.4, -0.25}, {"b", "a", -0.9, -0.1}, {"<s>", "a", -0.3, -0.05},
    };
    /** {h2, h1, w, log10 prob}. */
    private static final Object[][] TRIGRAMS = {{"a", "b", "c", -0.2}, {"<s>", "a", "b", -0.1}};

    @Test
    void scoresFollowArpaBackoff(@TempDir Path dir) throws IOException {
        NgramModel lm = NgramModel.open(write(dir.resolve("tiny.lm.bin"), 0));
        assertThat(lm.order()).isEqualTo(3);
        assertThat(lm.count(2)).isEqualTo(4);
        assertThat(lm.count(3)).isEqualTo(2);
        assertThat(score(lm, "c", "b", "a")).as("stored trigram").isCloseTo(-0.2, within(1e-6));
        assertThat(score(lm, "a", "b", "a")).as("bo(a b) + P(a|b)").isCloseTo(-0.25 - 0.9, within(1e-6));
        assertThat(score(lm, "b", "b", "a")).as("bo(a b) + bo(b) + P(b)").isCloseTo(-0.25 - 0.3 - 1.2, within(1e-6));
        assertThat(score(lm, "c", "b", "c")).as("context 'c b' not stored: no backoff").isCloseTo(-0.6, within(1e-6));
        assertThat(score(lm, "a", "c", null)).as("bo(c) + P(a)").isCloseTo(-0.2 - 1.0, within(1e-6));
        assertThat(score(lm, "a", null, null)).isCloseTo(-1.0, within(1e-6));
        assertThat(lm.unknownLog10()).as("rarest real word").isCloseTo(-1.5, within(1e-6));
        assertThat(lm.log10Prob(lm.wordId("zebra"), -1, -1)).isEqualTo(lm.unknownLog10());
        // P(a|<s>) + P(b|<s> a) + P(c|a b) + bo(b c) + bo(c) + P(</s>); <s> itself adds nothing.
        assertThat(lm.scoreSequence("<s>", "A", "b", "c", "</s>")).isCloseTo(-0.3 - 0.1 - 0.2 - 0.15 - 0.2 - 1.1, within(1e-5));
    }

    @Test
    void headerMayAnnounceMoreNgramsThanAreUsed(@TempDir Path dir) throws IOException {
        // Like en-us.lm.bin, whose header counts six bigram slots that are left empty.
        NgramModel lm = NgramModel.open(write(dir.resolve("padded.lm.bin"), 3));
        assertThat(lm.declaredCount(2)).isEqualTo(7);
        assertThat(lm.count(2)).isEqualTo(4);
        assertThat(score(lm, "c", "b", "a")).isCloseTo(-0.2, within(1e-6));
        assertThat(score(lm, "b", "b", "a")).isCloseTo(-1.75, within(1e-6));
    }

    @Test
    void rejectsTrailingBytesAndAShortVocabulary(@TempDir Path dir) throws IOException {
        Path file = write(dir.resolve("tiny.lm.bin"), 0);
        byte[] bytes = Files.readAllBytes(file);
        Path trailing = Files.write(dir.resolve("trailing.lm.bin"), Arrays.copyOf(bytes, bytes.length + 1));
        assertThatThrownBy(() -> NgramModel.open(trailing)).isInstanceOf(NgramFormatException.class)
                .hasMessage(trailing + ": byte " + bytes.length + ": vocabulary of 15 bytes leaves 1 unread bytes at the end of the file");
        byte[] shortVocabulary = bytes.clone();
        shortVocabulary[bytes.length - 2] = 0; // "c\0" becomes "\0\0": six words where the header says five
        Path broken = Files.write(dir.resolve("broken.lm.bin"), shortVocabulary);
        assertThatThrownBy(() -> NgramModel.open(broken)).isInstanceOf(NgramFormatException.class)
                .hasMessage(broken + ": byte " + (bytes.length - 1) + ": more than the 5 words the header announces");
    }

    private static double score(NgramModel lm, String w, String h1, String h2) {
        return lm.log10Prob(lm.wordId(w), h1 == null ? -1 : lm.wordId(h1), h2 == null ? -1 : lm.wordId(h2));
    }

    /** Writes the model with {@code unusedBigrams} empty slots announced on top of the stored bigrams. */
    private static Path write(Path file, int unusedBigrams) throws IOException {
        Object[][] bigrams = BIGRAMS.clone();
        Arrays.sort(bigrams, Comparator.comparingInt((Object[] b) -> id(b[1])).thenComparingInt(b -> id(b[0])));
        Object[][] trigrams = TRIGRAMS.clone();
        Arrays.sort(trigrams, Comparator.comparingInt((Object[] t) -> parent(bigrams, t)).thenComparingInt(t -> id(t[0])));
        int words = WORDS.size();
        int[] counts = {words, bigrams.length + unusedBigrams, trigrams.length};
        int wordBits = bits(words);
        int nextBits = bits(counts[2]);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("Trie Language Model".getBytes(StandardCharsets.US_ASCII));
        out.write(3);
        ByteBuffer header = little(16);
        Arrays.stream(counts).forEach(header::putInt);
        out.writeBytes(header.putInt(0).array());
        // Quantisation tables: entry i of each array gets table slot i, so every value is stored exactly.
        float[][] tables = new float[3][1 << 16];
        for (int i = 0; i < bigrams.length; i++) {
            tables[0][i] = units(bigrams[i][2]);
            tables[1][i] = units(bigrams[i][3]);
        }
        for (int i = 0; i < trigrams.length; i++) {
            tables[2][i] = units(trigrams[i][3]);
        }
        for (float[] table : tables) {
            ByteBuffer buffer = little(table.length * 4);
            buffer.asFloatBuffer().put(table);
            out.writeBytes(buffer.array());
        }
        ByteBuffer unigrams = little((words + 1) * 12);
        for (int w = 0; w <= words; w++) {
            final int word = w;
            int firstBigram = (int) Arrays.stream(bigrams).filter(b -> id(b[1]) < word).count();
            unigrams.putFloat(w < words ? units(UNIGRAMS[w][0]) : 0).putFloat(w < words ? units(UNIGRAMS[w][1]) : 0)
                    .putInt(firstBigram);
        }
        out.writeBytes(unigrams.array());

        int bigramBits = wordBits + 32 + nextBits;
        byte[] bigramArray = new byte[(int) NgramLevel.byteSize(counts[1] + 1L, bigramBits)];
        for (int i = 0; i <= bigrams.length; i++) { // entry bigrams.length closes the last trigram range
            final int index = i;
            long at = (long) i * bigramBits;
            if (i < bigrams.length) {
                put(bigramArray, at, wordBits, id(bigrams[i][0]));
                put(bigramArray, at + wordBits, 16, i); // backoff slot
                put(bigramArray, at + wordBits + 16, 16, i); // prob slot
            }
            put(bigramArray, at + wordBits + 32, nextBits, Arrays.stream(trigrams).filter(t -> parent(bigrams, t) < index).count());
        }
        out.writeBytes(bigramArray);
        int trigramBits = wordBits + 16;
        byte[] trigramArray = new byte[(int) NgramLevel.byteSize(counts[2] + 1L, trigramBits)];
        for (int i = 0; i < trigrams.length; i++) {
            put(trigramArray, (long) i * trigramBits, wordBits, id(trigrams[i][0]));
            put(trigramArray, (long) i * trigramBits + wordBits, 16, i);
        }
        out.writeBytes(trigramArray);

        byte[] vocabulary = (String.join("\0", WORDS) + "\0").getBytes(StandardCharsets.UTF_8);
        out.writeBytes(little(4).putInt(vocabulary.length).array());
        out.writeBytes(vocabulary);
        return Files.write(file, out.toByteArray());
    }

    private static int id(Object word) {
        return WORDS.indexOf((String) word);
    }

    /** Index (in file order) of the bigram "h1 w" that owns trigram "h2 h1 w". */
    private static int parent(Object[][] sortedBigrams, Object[] trigram) {
        for (int i = 0; i < sortedBigrams.length; i++) {
            if (sortedBigrams[i][0].equals(trigram[1]) && sortedBigrams[i][1].equals(trigram[2])) {
                return i;
            }
        }
        throw new IllegalArgumentException("trigram without its bigram: " + Arrays.toString(trigram));
    }

    private static float units(Object log10) {
        return (float) ((double) log10 * UNITS_PER_LOG10);
    }

    private static float units(double log10) {
        return (float) (log10 * UNITS_PER_LOG10);
    }

    private static int bits(long maxValue) {
        return 64 - Long.numberOfLeadingZeros(maxValue);
    }

    private static ByteBuffer little(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Stores {@code value} in {@code bits} bits starting at bit {@code at}, least significant bit first. */
    private static void put(byte[] array, long at, int bits, long value) {
        for (int i = 0; i < bits; i++) {
            if ((value >>> i & 1) != 0) {
                long bit = at + i;
                array[(int) (bit >>> 3)] |= (byte) (1 << (bit & 7));
            }
        }
    }
}
