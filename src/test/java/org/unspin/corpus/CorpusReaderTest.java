package org.unspin.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
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
                w -> assertThat(w).isEqualTo(file + ":3: no \"text\" field, skipped"),
                w -> assertThat(w).isEqualTo(file + ":4: field \"text\" is number, not a string, skipped"),
                w -> assertThat(w).isEqualTo(file + ":5: not a JSON object, skipped"));
        assertThat(counter.count("regulatory", "framework")).isEqualTo(2);
        assertThat(counter.count("framework", "for", "banks")).isEqualTo(1);
        assertThat(counter.count("changed", "a")).as("records do not run into each other").isZero();
        assertThat(r.lines()).isEqualTo(7);
        assertThat(r.skipped()).isEqualTo(4);
    }

    @Test
    void invalidUtf8SkipsTheLineWithItsByteOffsetUnlessLenient() throws Exception {
        Path file = dir.resolve("bad.txt");
        byte[] head = "fine line\nbad ".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[head.length + 6];
        System.arraycopy(head, 0, bytes, 0, head.length);
        bytes[head.length] = (byte) 0xC3; // a lead byte without its continuation
        System.arraycopy(" end\n".getBytes(StandardCharsets.US_ASCII), 0, bytes, head.length + 1, 5);
        Files.write(file, bytes);
        assertThatThrownBy(() -> reader(false, false).strict(true).read(file.toString(), null))
                .isInstanceOf(CorpusException.class)
                .hasMessage(file + ":2: invalid UTF-8 at byte offset " + head.length);
        reader(false, false).read(file.toString(), null);
        assertThat(warnings).containsExactly(file + ":2: invalid UTF-8 at byte offset " + head.length + ", skipped");
        assertThat(counter.count("bad")).as("the bad line is not counted").isZero();
        warnings.clear();
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
        assertThat(warnings).singleElement().asString().startsWith(file + ":2: record of ")
                .endsWith(" bytes is over the line limit (16777216), skipped");
        assertThat(counter.count("word")).isZero();
        assertThat(counter.count("after", "the", "line")).isEqualTo(1);
        assertThat(counter.count("line", "after")).isZero();
    }

    @Test
    void binaryFilesAreSkippedWhole() throws Exception {
        Path file = dir.resolve("x.txt");
        byte[] bytes = ("open door\n".repeat(100) + "\0").getBytes(StandardCharsets.US_ASCII);
        Files.write(file, bytes);
        assertThatThrownBy(() -> reader(false, false).strict(true).read(file.toString(), null))
                .hasMessage(file + ":1: binary file, not text");
        reader(false, false).read(file.toString(), null);
        assertThat(warnings).containsExactly(file + ":1: binary file, not text, skipped");
        assertThat(counter.count("open", "door")).as("no line of it counted").isZero();
    }

    private static final Path SOTU = Path.of("target/corpora/sotu/package/data");

    /** The model bytes of {@code inputs} read with {@code threads} workers, and the warnings. */
    private byte[] model(int maxNgrams, int threads, List<String> warned, String... inputs) throws Exception {
        NgramCounter c = new NgramCounter(maxNgrams);
        CorpusReader r = new CorpusReader(c, false, "text", false, List.of(), threads, warned::add);
        for (String input : inputs) {
            r.read(input, null);
        }
        Path model = dir.resolve("threads-" + threads + ".model");
        c.write(model);
        return Files.readAllBytes(model);
    }

    @Test
    void theModelIsTheSameBytesWhateverTheThreadsAndAsCountingLineByLine() throws Exception {
        assumeTrue(Files.isDirectory(SOTU), "run scripts/fetch-corpora.sh");
        // 40 addresses wrapped at about 70 columns: runs of words cross most of the batch boundaries
        StringBuilder wrapped = new StringBuilder();
        StringBuilder jsonl = new StringBuilder("{broken\n");
        try (Stream<Path> files = Files.list(SOTU)) {
            for (Path f : files.sorted().limit(40).toList()) {
                String text = Files.readString(f);
                jsonl.append(new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode().put("text", text))
                        .append('\n');
                wrapped.append(text.replaceAll("(.{60,70}?) ", "$1\n")).append("\n\n");
            }
        }
        String text = write("sotu.txt", wrapped.toString());
        String records = write("sotu.jsonl", jsonl + "[]\n");
        for (int max : new int[] {NgramCounter.DEFAULT_MAX_NGRAMS, 20_000}) {
            NgramCounter lineByLine = new NgramCounter(max);
            for (String line : wrapped.toString().split("\n", -1)) {
                if (line.isBlank()) {
                    lineByLine.endRun();
                } else {
                    lineByLine.add(line);
                }
            }
            Path expected = dir.resolve("line-by-line.model");
            lineByLine.write(expected);
            assertThat(lineByLine.threshold() > 0).as("the small table is pruned").isEqualTo(max == 20_000);
            List<String> warned = new ArrayList<>();
            byte[] one = model(max, 1, warned, text, records, "testdata");
            for (int threads = 1; threads <= 3; threads++) {
                assertThat(model(max, threads, new ArrayList<>(), text)).as("threads " + threads)
                        .isEqualTo(Files.readAllBytes(expected));
                List<String> warnedToo = new ArrayList<>();
                assertThat(model(max, threads, warnedToo, text, records, "testdata")).isEqualTo(one);
                assertThat(warnedToo).isEqualTo(warned);
            }
            // testdata/records/ holds the record reader's bad fixtures, skipped like these
            assertThat(warned).filteredOn(w -> !w.startsWith("testdata/records/")).satisfiesExactly(
                    w -> assertThat(w).startsWith(records + ":1: malformed JSON"),
                    w -> assertThat(w).isEqualTo(records + ":42: not a JSON object, skipped"));
        }
    }

    @Test
    void warningsAndErrorsComeInInputOrderWithWorkers() throws Exception {
        StringBuilder lines = new StringBuilder();
        List<Integer> bad = new ArrayList<>();
        for (int i = 1; i <= 3000; i++) { // about 500 KB: several batches
            if (i % 97 == 0) {
                lines.append("{\"id\": ").append(i).append("}\n");
                bad.add(i);
            } else {
                lines.append("{\"text\": \"").append("Line ").append(i).append(" of the open door policy. ".repeat(5))
                        .append("\"}\n");
            }
        }
        String file = write("many.jsonl", lines.toString());
        List<String> expected = bad.stream().map(i -> file + ":" + i + ": no \"text\" field, skipped").toList();
        for (int threads : new int[] {1, 2, 3}) {
            List<String> warned = new ArrayList<>();
            NgramCounter c = new NgramCounter(10_000);
            CorpusReader r = new CorpusReader(c, false, "text", false, List.of(), threads, warned::add);
            r.read(file, null);
            assertThat(warned).isEqualTo(expected);
            assertThat(r.skipped()).isEqualTo(bad.size());
            assertThat(c.count("open", "door", "policy")).isEqualTo(5L * (3000 - bad.size()));
        }
        byte[] head = lines.toString().getBytes(StandardCharsets.UTF_8);
        Path broken = dir.resolve("broken.jsonl");
        byte[] bytes = java.util.Arrays.copyOf(head, head.length + 2);
        bytes[head.length] = (byte) 0xFF;
        bytes[head.length + 1] = '\n';
        Files.write(broken, bytes);
        // A JSONL line of invalid UTF-8 is a bad record like the others: skipped in order, the run goes on.
        List<String> warned = new ArrayList<>();
        CorpusReader r = new CorpusReader(new NgramCounter(10_000), false, "text", false, List.of(), 2, warned::add);
        r.read(broken.toString(), null);
        List<String> expectedBroken = new ArrayList<>(expected.stream().map(w -> w.replace(file, broken.toString())).toList());
        expectedBroken.add(broken + ":3001: invalid UTF-8 at byte offset " + head.length + ", skipped");
        assertThat(warned).isEqualTo(expectedBroken);
        assertThat(r.skipped()).isEqualTo(bad.size() + 1);
        // Strict: the first bad record stops the run, and nothing after it is reported.
        List<String> strictWarned = new ArrayList<>();
        CorpusReader strict = new CorpusReader(new NgramCounter(10_000), false, "text", false, List.of(), 2,
                strictWarned::add).strict(true);
        assertThatThrownBy(() -> strict.read(broken.toString(), null))
                .hasMessage(broken + ":97: no \"text\" field");
        assertThat(strictWarned).isEmpty();
        warned = expectedBroken.subList(0, bad.size());
        // --lenient is for text files: a JSONL record with invalid UTF-8 stays a bad record.
        List<String> lenient = new ArrayList<>();
        new CorpusReader(new NgramCounter(10_000), false, "text", true, List.of(), 2, lenient::add)
                .read(broken.toString(), null);
        assertThat(lenient).isEqualTo(expectedBroken);
    }
}
