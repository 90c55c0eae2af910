package org.unspin.lexicon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.unspin.corpus.NgramCounter;
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
        assertThatThrownBy(() -> CorpusModel.open(file)).isInstanceOf(DictionaryException.class)
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

    private static final List<MinedSubstitution> MINED = List.of(
            new MinedSubstitution("adept", "great", 0.8, 125, 96, 24, 5.16, 2.6, 0.95, 1.93, 2.14, 40, 6.5, 1,
                    List.of("a [great] nation", "the [great] lakes")),
            new MinedSubstitution("bloom", "health", 0.5, 12, 5, 9, 3.2, 1.5, 0.9, 1.3, 2.0, 4, 2.25, 2, List.of()));

    private byte[] mined() throws Exception {
        return mined(MINED);
    }

    private byte[] mined(List<MinedSubstitution> rows) throws Exception {
        NgramCounter c = new NgramCounter(100);
        c.add("one small step for a man, one giant leap");
        Path file = dir.resolve("mined.model");
        c.write(file, rows);
        return Files.readAllBytes(file);
    }

    @Test
    void version4CarriesTheMinedSubstitutionsAndVersion1HasNone() throws Exception {
        CorpusModel v1 = CorpusModel.open(withBytes(good));
        assertThat(v1.version()).isEqualTo(1);
        assertThat(v1.substitutions()).isEmpty();
        byte[] bytes = mined();
        assertThat(Arrays.copyOf(bytes, good.length)).isNotEqualTo(good); // the version differs...
        assertThat(Arrays.copyOfRange(bytes, 12, good.length)).isEqualTo(Arrays.copyOfRange(good, 12, good.length));
        CorpusModel v2 = CorpusModel.open(withBytes(bytes));
        assertThat(v2.version()).isEqualTo(4);
        assertThat(v2.count("one", "small")).isEqualTo(1);
        assertThat(v2.minedSubstitutions()).isEqualTo(MINED);
        List<CandidateDictionary.Row> rows = v2.substitutions();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).satisfies(r -> {
            assertThat(r.observed()).isEqualTo("adept");
            assertThat(r.original()).isEqualTo("great");
            assertThat(r.weight()).isEqualTo(0.8);
            assertThat(r.source()).isEqualTo("corpus-model");
            assertThat(r.example()).isEqualTo("a [great] nation");
            assertThat(r.note()).contains("125 occurrences in 96 documents").contains("95% prefer the original")
                    .contains("40 documents with the original (co-occurrence +6.5)");
        });
        assertThat(rows.get(1).example()).isEmpty();
        assertThat(rows.get(0).note()).contains("spin affinity 2.14");
        assertThat(rows.get(1).note()).contains("round 2, affinity to the documents other mined rows mark 2.00");
        // the export reads back as a candidate file with the same rows
        List<CandidateDictionary.Row> parsed = CandidateDictionary.parse("subs.tsv",
                MinedSubstitution.tsv(MINED).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(parsed).extracting(CandidateDictionary.Row::observed, CandidateDictionary.Row::original,
                CandidateDictionary.Row::weight, CandidateDictionary.Row::example, CandidateDictionary.Row::note)
                .containsExactlyElementsOf(rows.stream().map(r -> org.assertj.core.groups.Tuple.tuple(r.observed(),
                        r.original(), r.weight(), r.example(), r.note())).toList());
    }

    @Test
    void aCorruptSubstitutionSectionNamesTheFileAndOffset() throws Exception {
        byte[] bytes = mined();
        int section = good.length; // right after the counts
        Path cut = withBytes(Arrays.copyOf(bytes, bytes.length - 5));
        assertThatThrownBy(() -> CorpusModel.open(cut)).isInstanceOf(DictionaryException.class)
                .hasMessageStartingWith(cut + ": corrupt corpus model at byte offset ").hasMessageContaining("truncated");
        Path none = withBytes(Arrays.copyOf(bytes, section));
        assertThatThrownBy(() -> CorpusModel.open(none)).hasMessage(none + ": corrupt corpus model at byte offset "
                + section + ": truncated: the substitution section is missing");
        Path extra = withBytes(Arrays.copyOf(bytes, bytes.length + 2));
        assertThatThrownBy(() -> CorpusModel.open(extra)).hasMessage(extra + ": corrupt corpus model at byte offset "
                + bytes.length + ": unexpected bytes after the last substitution");
        // the first record: count (4), "adept" (2 + 5), "great" (2 + 5), then the weight
        int weightAt = section + 4 + 7 + 7;
        byte[] heavy = bytes.clone();
        ByteBuffer.wrap(heavy).putDouble(weightAt, 1.5);
        Path badWeight = withBytes(heavy);
        assertThatThrownBy(() -> CorpusModel.open(badWeight)).hasMessage(badWeight + ": corrupt corpus model at "
                + "byte offset " + weightAt + ": weight 1.5 not in (0, 1]");
        byte[] count = bytes.clone();
        ByteBuffer.wrap(count).putInt(section, 3);
        Path badCount = withBytes(count);
        assertThatThrownBy(() -> CorpusModel.open(badCount)).hasMessageContaining("truncated");
        byte[] utf8 = bytes.clone();
        utf8[section + 6] = (byte) 0xFF;
        Path badText = withBytes(utf8);
        assertThatThrownBy(() -> CorpusModel.open(badText)).hasMessage(badText + ": corrupt corpus model at byte "
                + "offset " + (section + 4) + ": observed word is not valid UTF-8");
        byte[] version = good.clone();
        ByteBuffer.wrap(version).putInt(8, 5);
        Path future = withBytes(version);
        assertThatThrownBy(() -> CorpusModel.open(future)).hasMessage(future + ": corrupt corpus model at byte "
                + "offset 8: unsupported version 5 (expected 1 to 4)");
    }

    @Test
    void olderModelsOpenWithWhatTheyLack() throws Exception {
        byte[] v4 = mined(List.of(MINED.get(1))); // its one record ends: shared (8), z (8), round (1), no examples (1)
        assertThat(v4[v4.length - 2]).isEqualTo((byte) 2);
        byte[] v3 = Arrays.copyOf(v4, v4.length - 1); // without the round
        v3[v3.length - 1] = 0;
        ByteBuffer.wrap(v3).putInt(8, 3);
        MinedSubstitution three = CorpusModel.open(withBytes(v3)).minedSubstitutions().get(0);
        assertThat(three.round()).isEqualTo(1);
        assertThat(three.cooccurrence()).isEqualTo(2.25);
        byte[] v2 = Arrays.copyOf(v4, v4.length - 17);
        v2[v2.length - 1] = 0;
        ByteBuffer.wrap(v2).putInt(8, 2);
        CorpusModel m = CorpusModel.open(withBytes(v2));
        assertThat(m.version()).isEqualTo(2);
        MinedSubstitution row = m.minedSubstitutions().get(0);
        assertThat(row.observed()).isEqualTo("bloom");
        assertThat(row.spinAffinity()).isEqualTo(2.0);
        assertThat(row.sharedDocuments()).isEqualTo(-1);
        assertThat(row.cooccurrence()).isNaN();
        assertThat(row.round()).isEqualTo(1);
        assertThat(row.note()).doesNotContain("co-occurrence");
        byte[] bad = v4.clone();
        ByteBuffer.wrap(bad).putLong(v4.length - 18, -3);
        Path negative = withBytes(bad);
        assertThatThrownBy(() -> CorpusModel.open(negative)).hasMessage(negative + ": corrupt corpus model at byte "
                + "offset " + (v4.length - 18) + ": shared documents negative or co-occurrence not finite");
        byte[] zero = v4.clone();
        zero[v4.length - 2] = 0;
        Path noRound = withBytes(zero);
        assertThatThrownBy(() -> CorpusModel.open(noRound)).hasMessage(noRound + ": corrupt corpus model at byte "
                + "offset " + (v4.length - 2) + ": round 0 below 1");
    }
}
