package org.unspin.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusModelTest {
    @TempDir
    Path dir;
    private byte[] good;

    @BeforeEach
    void writeModel() throws Exception {
        NgramCounter c = new NgramCounter(100);
        c.add("one small step for a man, one giant leap");
        Path file = dir.resolve("good.model");
        c.write(file);
        good = Files.readAllBytes(file);
        assertThat(good.length).isEqualTo(CorpusModel.HEADER + 12 * c.size());
    }

    private Path withBytes(byte[] bytes) throws Exception {
        Path file = dir.resolve("bad.model");
        Files.write(file, bytes);
        return file;
    }

    @Test
    void aTruncatedFileNamesTheFileAndOffset() throws Exception {
        Path file = withBytes(Arrays.copyOf(good, good.length - 3));
        assertThatThrownBy(() -> CorpusModel.open(file)).isInstanceOf(CorpusException.class)
                .hasMessageStartingWith(file + ": corrupt corpus model at byte offset " + (good.length - 3) + ": truncated");
        Path header = withBytes(Arrays.copyOf(good, 20));
        assertThatThrownBy(() -> CorpusModel.open(header))
                .hasMessageStartingWith(header + ": corrupt corpus model at byte offset 20: truncated");
    }

    @Test
    void aForeignFileIsRejectedAtItsMagic() throws Exception {
        byte[] bytes = good.clone();
        bytes[0] = 'X';
        Path file = withBytes(bytes);
        assertThatThrownBy(() -> CorpusModel.open(file))
                .hasMessage(file + ": corrupt corpus model at byte offset 0: not an unspin corpus model (bad magic)");
    }

    @Test
    void unsortedFingerprintsAndZeroCountsAreFound() throws Exception {
        byte[] bytes = good.clone();
        ByteBuffer b = ByteBuffer.wrap(bytes);
        long second = b.getLong(CorpusModel.HEADER + 8);
        b.putLong(CorpusModel.HEADER + 8, b.getLong(CorpusModel.HEADER));
        b.putLong(CorpusModel.HEADER, second);
        Path file = withBytes(bytes);
        assertThatThrownBy(() -> CorpusModel.open(file))
                .hasMessage(file + ": corrupt corpus model at byte offset " + (CorpusModel.HEADER + 8)
                        + ": fingerprints not in strictly ascending order");
        int n = (good.length - CorpusModel.HEADER) / 12;
        byte[] zero = good.clone();
        ByteBuffer.wrap(zero).putInt(CorpusModel.HEADER + 8 * n + 4 * 2, 0);
        Path file2 = withBytes(zero);
        assertThatThrownBy(() -> CorpusModel.open(file2)).hasMessageContaining("byte offset "
                + (CorpusModel.HEADER + 8 * n + 8) + ": count 0 below 1");
    }

    @Test
    void extraBytesAndMissingFilesAreErrors() throws Exception {
        Path file = withBytes(Arrays.copyOf(good, good.length + 4));
        assertThatThrownBy(() -> CorpusModel.open(file)).hasMessageContaining("byte offset " + good.length);
        assertThatThrownBy(() -> CorpusModel.open(dir.resolve("none.model"))).hasMessageEndingWith(": no such file");
    }
}
