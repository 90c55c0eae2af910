package org.unspin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every input and usage error: one "unspin: " line on stderr, exit 2, no output, no stack trace. */
class InputErrorsTest {
    @TempDir
    Path dir;

    private static void assertOneLineError(Cli.Result r, String message) {
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("unspin: " + message + System.lineSeparator());
    }

    @Test
    void missingFile() {
        String missing = dir.resolve("missing.txt").toString();
        assertOneLineError(Cli.run("", "fix", missing), missing + ": no such file");
        assertOneLineError(Cli.run("", "check", missing), missing + ": no such file");
    }

    @Test
    void directoryAsOutput() {
        // A directory input is corpus mode (CorpusModeTest); as the output it is an error.
        assertOneLineError(Cli.run("", "fix", "-o", dir.toString()), dir + ": is a directory");
        assertOneLineError(Cli.run("", "fix", "--jsonl", "-o", dir.toString()), dir + ": is a directory");
    }

    @Test
    void invalidUtf8NamesExactByteOffset() throws Exception {
        // 70,000 bytes of valid multi-byte text, then a lone continuation byte.
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] euro = "€".getBytes(StandardCharsets.UTF_8); // 3 bytes
        for (int i = 0; i < 20_000; i++) {
            bytes.write(euro);
        }
        bytes.write("abc\n".getBytes(StandardCharsets.UTF_8));
        int badOffset = bytes.size();
        bytes.write(0x80);
        bytes.write("tail".getBytes(StandardCharsets.UTF_8));
        Path file = dir.resolve("bad.txt");
        Files.write(file, bytes.toByteArray());

        assertOneLineError(Cli.run("", "fix", file.toString()), file + ": invalid UTF-8 at byte offset " + badOffset);
        assertThat(badOffset).isEqualTo(60_004);
    }

    @Test
    void truncatedSequenceAtEndAndOverlongForm() throws Exception {
        Path truncated = dir.resolve("t.txt");
        Files.write(truncated, new byte[] {'o', 'k', (byte) 0xE2, (byte) 0x82});
        assertOneLineError(Cli.run("", "check", truncated.toString()), truncated + ": invalid UTF-8 at byte offset 2");
        Path overlong = dir.resolve("o.txt");
        Files.write(overlong, new byte[] {'a', 'b', 'c', (byte) 0xC0, (byte) 0xAF});
        assertOneLineError(Cli.run("", "check", overlong.toString()), overlong + ": invalid UTF-8 at byte offset 3");
    }

    @Test
    void invalidUtf8OnStdin() {
        Cli.Result r = Cli.run(new byte[] {'h', 'i', (byte) 0xFF}, "fix");
        assertOneLineError(r, "<stdin>: invalid UTF-8 at byte offset 2");
    }

    @Test
    void lenientReplacesAndWarnsWithOffsets() throws Exception {
        Path file = dir.resolve("bad.txt");
        Files.write(file, new byte[] {'a', (byte) 0xFF, 'b', (byte) 0xC3, 'c'});
        Cli.Result r = Cli.run("", "fix", "--lenient", "--no-shipped", file.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEqualTo("a\uFFFDb\uFFFDc");
        assertThat(r.err()).isEqualTo("unspin: warning: " + file
                + ": invalid UTF-8 replaced by U+FFFD at byte offsets 1, 3" + System.lineSeparator());
    }

    @Test
    void lenientWarningListsOnlyTheFirstOffsets() throws Exception {
        byte[] bytes = new byte[14];
        for (int i = 0; i < bytes.length; i += 2) {
            bytes[i] = 'x';
            bytes[i + 1] = (byte) 0xFE;
        }
        Cli.Result r = Cli.run(bytes, "check", "--lenient", "--no-shipped");
        assertThat(r.err()).contains("byte offsets 1, 3, 5, 7, 9 and 2 more");
    }

    @Test
    void binaryFile() throws Exception {
        Path file = dir.resolve("image.bin");
        Files.write(file, new byte[] {'P', 'N', 'G', 0, 1, 2});
        assertOneLineError(Cli.run("", "fix", "--lenient", file.toString()), file + ": binary file, not text");
    }

    @Test
    void nulAfterTheFirst8KibIsNotBinaryButStillDecoded() throws Exception {
        byte[] bytes = new byte[9000];
        java.util.Arrays.fill(bytes, (byte) 'a');
        bytes[8500] = 0;
        Path file = dir.resolve("late-nul.txt");
        Files.write(file, bytes);
        Cli.Result r = Cli.run("", "fix", "--no-shipped", file.toString());
        assertThat(r.exit()).isZero();
        // Decoded and processed as text: the normaliser removes the stray control character.
        assertThat(r.out()).hasSize(8999).doesNotContain("\0");
    }

    @Test
    void minConfidenceOutOfRangeOrNotANumber() {
        for (String bad : new String[] {"1.5", "-0.1", "NaN", "high"}) {
            Cli.Result r = Cli.run("text", "check", "--min-confidence", bad);
            assertThat(r.exit()).as(bad).isEqualTo(2);
            assertThat(r.err()).startsWith("unspin: Invalid value for option '--min-confidence': '" + bad + "'")
                    .doesNotContain("Exception").hasLineCount(1);
        }
    }

    @Test
    void unknownOptionAndUnknownFormat() {
        Cli.Result r = Cli.run("", "fix", "--frobnicate");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("unspin: Unknown option: '--frobnicate'").hasLineCount(1);
        Cli.Result f = Cli.run("", "check", "--format", "diff");
        assertThat(f.exit()).isEqualTo(2);
        assertThat(f.err()).startsWith("unspin: Invalid value for option '--format'").hasLineCount(1);
    }

    @Test
    void missingCommand() {
        Cli.Result r = Cli.run("");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("unspin: ").hasLineCount(1);
    }

    @Test
    void badDictionaryRowNamesFileAndLine() throws Exception {
        Path table = dir.resolve("broken.tsv");
        Files.writeString(table, "# broken\nspun\tcanonical\tcategory\tconfidence\tnote\n"
                + "Secretary of Condition\tSecretary of State\tspun-phrase\tvery\tbad confidence\n");
        Cli.Result r = Cli.run("Secretary of Condition", "fix", "--no-shipped", "--dict", table.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("unspin: ").contains("broken.tsv:3:").hasLineCount(1)
                .doesNotContain("Exception");
    }

    @Test
    void missingDictionary() {
        String missing = dir.resolve("nope.tsv").toString();
        Cli.Result r = Cli.run("text", "check", "--dict", missing);
        assertOneLineError(r, missing + ": no such file");
    }

    @Test
    void outputWithSeveralInputsIsAUsageError() throws Exception {
        String a = Cli.write(dir.resolve("a.txt"), "one\n");
        String b = Cli.write(dir.resolve("b.txt"), "two\n");
        Path out = dir.resolve("out.txt");
        Cli.Result r = Cli.run("", "fix", "-o", out.toString(), a, b);
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("unspin: -o takes exactly one input").hasLineCount(1);
        assertThat(out).doesNotExist();
    }

    @Test
    void laterBadInputMeansNoOutputAtAll() throws Exception {
        String good = Cli.write(dir.resolve("good.txt"), "fine text\n");
        String missing = dir.resolve("missing.txt").toString();
        assertOneLineError(Cli.run("", "fix", "--no-shipped", good, missing), missing + ": no such file");
    }
}
