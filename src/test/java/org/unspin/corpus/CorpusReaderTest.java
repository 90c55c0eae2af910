package org.unspin.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusReaderTest {
    @TempDir
    Path dir;
    private final List<String> warnings = new ArrayList<>();
    private final NgramCounter counter = new NgramCounter(10_000);

    private CorpusReader reader(boolean jsonl, boolean lenient) {
        return new CorpusReader(counter, jsonl, "text", lenient, warnings::add);
    }

    private String write(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file.toString();
    }

    @Test
    void badJsonlLinesAreReportedWithFileAndLineAndTheRestIsCounted() throws Exception {
        String file = write("news.jsonl", """
                {"id": 1, "text": "The regulatory framework changed."}
                {"id": 2, "text": "The regulatory framework
                {"id": 3}
                {"id": 4, "text": 17}
                [1, 2]

                {"id": 5, "text": "A new regulatory framework\\nfor banks."}
                """);
        CorpusReader r = reader(false, false);
        r.read(file, null);
        assertThat(warnings).satisfiesExactly(
                w -> assertThat(w).startsWith(file + ":2: malformed JSON (").endsWith(", skipped"),
                w -> assertThat(w).isEqualTo(file + ":3: no field 'text', skipped"),
                w -> assertThat(w).isEqualTo(file + ":4: field 'text' is not a string, skipped"),
                w -> assertThat(w).isEqualTo(file + ":5: not a JSON object, skipped"));
        assertThat(counter.count("regulatory", "framework")).isEqualTo(2);
        assertThat(counter.count("framework", "for", "banks")).isEqualTo(1);
        assertThat(counter.count("changed", "a")).as("records do not run into each other").isZero();
        assertThat(r.lines()).isEqualTo(7);
        assertThat(r.skipped()).isEqualTo(4);
    }

    @Test
    void invalidUtf8StopsWithTheByteOffsetUnlessLenient() throws Exception {
        Path file = dir.resolve("bad.txt");
        byte[] head = "fine line\nbad ".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[head.length + 6];
        System.arraycopy(head, 0, bytes, 0, head.length);
        bytes[head.length] = (byte) 0xC3; // a lead byte without its continuation
        System.arraycopy(" end\n".getBytes(StandardCharsets.US_ASCII), 0, bytes, head.length + 1, 5);
        Files.write(file, bytes);
        assertThatThrownBy(() -> reader(false, false).read(file.toString(), null))
                .isInstanceOf(CorpusException.class)
                .hasMessage(file + ": invalid UTF-8 at byte offset " + head.length);
        reader(false, true).read(file.toString(), null);
        assertThat(warnings).containsExactly(file + ": invalid UTF-8 replaced by U+FFFD at byte offset " + head.length);
        assertThat(counter.count("fine", "line", "bad")).isEqualTo(1);
    }

    @Test
    void directoriesAreReadRecursivelyAndStdinToo() throws Exception {
        write("a.txt", "open door policy\n");
        write("deep/b.jsonl", "{\"text\": \"open door\"}\n");
        write("deep/c.md", "open door\n");
        CorpusReader r = reader(false, false);
        r.read(dir.toString(), null);
        r.read("-", new ByteArrayInputStream("open door\r\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(r.files()).isEqualTo(3);
        assertThat(counter.count("open", "door")).isEqualTo(3);
        assertThat(warnings).isEmpty();
        assertThatThrownBy(() -> r.read(dir.resolve("none.txt").toString(), null))
                .hasMessage(dir.resolve("none.txt") + ": no such file");
    }

    @Test
    void aHugeLineIsSkippedAndReported() throws Exception {
        Path file = dir.resolve("huge.txt");
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write("before the line\n".getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = "word ".repeat(1 << 16).getBytes(StandardCharsets.US_ASCII);
            for (long written = 0; written <= CorpusReader.MAX_LINE_BYTES; written += chunk.length) {
                out.write(chunk);
            }
            out.write("\nafter the line\n".getBytes(StandardCharsets.US_ASCII));
        }
        CorpusReader r = reader(false, false);
        r.read(file.toString(), null);
        assertThat(warnings).containsExactly(file + ":2: line longer than 16 MB, skipped");
        assertThat(counter.count("word")).isZero();
        assertThat(counter.count("after", "the", "line")).isEqualTo(1);
        assertThat(counter.count("line", "after")).isZero();
    }

    @Test
    void binaryFilesAreRefused() throws Exception {
        Path file = dir.resolve("x.txt");
        Files.write(file, new byte[] {'a', 0, 'b'});
        assertThatThrownBy(() -> reader(false, false).read(file.toString(), null))
                .hasMessage(file + ": binary file, not text");
    }
}
