package org.unspin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.luben.zstd.ZstdInputStream;
import com.github.luben.zstd.ZstdOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unspin.Unspinner;

/** fix and check in corpus mode, on records made of the real texts in testdata/. */
class CorpusModeTest {
    private static final ObjectMapper JSON = BatchRun.mapper();
    private static final Path TESTDATA = Path.of("testdata");
    private static List<String> paragraphs;
    private static String spunNews;
    private static String spunNewsExpected;

    @TempDir
    Path dir;

    @BeforeAll
    static void readTestdata() throws IOException {
        paragraphs = new ArrayList<>();
        for (String name : List.of("clean-sotu-excerpt.txt", "spun-science.txt", "entities-and-controls.txt")) {
            for (String p : Files.readString(TESTDATA.resolve(name)).split("\n\\s*\n")) {
                if (!p.isBlank()) {
                    paragraphs.add(p);
                }
            }
        }
        spunNews = Files.readString(TESTDATA.resolve("spun-news.txt"));
        spunNewsExpected = Files.readString(TESTDATA.resolve("spun-news.expected.txt"));
    }

    /** Record i: every 7th is the spun news article, the others paragraphs of real text. */
    private static String text(int i) {
        return i % 7 == 3 ? spunNews : paragraphs.get(i % paragraphs.size());
    }

    /** A JSONL line with fields around the text that must come back exactly (the number keeps its digits). */
    private static String record(int i) throws IOException {
        return "{\"id\":\"doc-" + i + "\",\"n\":" + i + ",\"meta\":{\"tags\":[\"a\",null,true],\"price\":1.10},"
                + "\"text\":" + JSON.writeValueAsString(text(i)) + ",\"big\":123456789012345678901234567890,"
                + "\"note\":\"caf\u00e9 \\u00e9\"}";
    }

    private static byte[] corpus(int records) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < records; i++) {
            sb.append(record(i)).append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static List<JsonNode> records(byte[] jsonl) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String line : new String(jsonl, StandardCharsets.UTF_8).split("\n")) {
            out.add(JSON.readTree(line));
        }
        return out;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** Runs the CLI with {@code stdin} as a stream (to simulate a failing input). */
    private static Cli.Result run(InputStream stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.commandLine(stdin, new PrintWriter(out), new PrintWriter(err)).execute(args);
        return new Cli.Result(exit, out.toString(), err.toString());
    }

    @Test
    void fixKeepsOrderIdsAndEveryFieldWithSeveralThreads() throws Exception {
        int n = 3000;
        Path in = dir.resolve("in.jsonl");
        Files.write(in, corpus(n));
        Path out = dir.resolve("out.jsonl");
        Cli.Result r = Cli.run("", "fix", "--threads", "3", "--no-context-rules", "--quiet", in.toString(),
                "-o", out.toString());
        assertThat(r.err()).isEmpty();
        assertThat(r.exit()).isZero();
        List<JsonNode> records = records(Files.readAllBytes(out));
        assertThat(records).hasSize(n);
        Unspinner unspinner = Unspinner.builder().contextRules(false).build();
        List<String> lines = Files.readAllLines(out);
        for (int i = 0; i < n; i++) {
            JsonNode o = records.get(i);
            JsonNode input = JSON.readTree(record(i));
            assertThat(o.get("id").asText()).isEqualTo("doc-" + i);
            assertThat(fieldNames(o)).containsExactly("id", "n", "meta", "text", "big", "note", "unspin");
            for (String field : List.of("n", "meta", "big", "note")) {
                assertThat(o.get(field)).isEqualTo(input.get(field));
            }
            assertThat(lines.get(i)).contains("\"price\":1.10", "123456789012345678901234567890");
            assertThat(o.get("text").asText()).isEqualTo(unspinner.repair(text(i)).text());
            if (i % 7 == 3) {
                assertThat(o.at("/unspin/changed").asBoolean()).isTrue();
                assertThat(o.at("/unspin/edits/0/category").asText()).isEqualTo("spun-name");
            }
        }
    }

    @Test
    void checkAddsUnspinAndLeavesTheTextAndExitsOneOnFindings() throws Exception {
        Path in = dir.resolve("in.jsonl");
        Files.write(in, corpus(50));
        Cli.Result r = Cli.run("", "check", "--quiet", "--threads", "2", "--edits", "full", "--no-context-rules",
                in.toString());
        assertThat(r.exit()).isEqualTo(Main.FINDINGS);
        List<JsonNode> records = records(r.out().getBytes(StandardCharsets.UTF_8));
        assertThat(records).hasSize(50);
        assertThat(records.get(3).at("/unspin/edits/0/source").asText()).startsWith("spun-news.tsv:");
        for (int i = 0; i < 50; i++) {
            ObjectNode o = (ObjectNode) records.get(i);
            assertThat(o.remove("unspin")).isNotNull();
            assertThat(o).isEqualTo(JSON.readTree(record(i)));
        }
        Files.write(in, record(0).getBytes(StandardCharsets.UTF_8));
        assertThat(Cli.run("", "check", "--quiet", "--no-context-rules", "--jsonl", in.toString()).exit()).isZero();
    }

    @Test
    void badRecordsAreReportedWithTheirLineAndPassedThroughByteForByte() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[][] lines = {
            record(3).getBytes(StandardCharsets.UTF_8),
            "{\"id\": \"broken\", \"text\": \"unterminated}".getBytes(StandardCharsets.UTF_8),
            "{\"id\": \"no-text\", \"body\": \"Secretary of Condition\"}".getBytes(StandardCharsets.UTF_8),
            "{\"id\": \"number\", \"text\": 42}".getBytes(StandardCharsets.UTF_8),
            {'{', '"', 't', 'e', 'x', 't', '"', ':', '"', 'a', (byte) 0xC3, '(', '"', '}'},
            "   ".getBytes(StandardCharsets.UTF_8),
            "[\"not\", \"an object\"]".getBytes(StandardCharsets.UTF_8),
            "{\"id\": \"dup\", \"text\": \"a\", \"text\": \"b\"}".getBytes(StandardCharsets.UTF_8),
            record(10).getBytes(StandardCharsets.UTF_8),
        };
        for (byte[] line : lines) {
            bytes.write(line);
            bytes.write('\n');
        }
        Path in = dir.resolve("bad.jsonl");
        Files.write(in, bytes.toByteArray());
        Path out = dir.resolve("out.jsonl");
        Path errors = dir.resolve("errors.jsonl");
        Cli.Result r = Cli.run("", "fix", "--no-context-rules", "--quiet", "--errors", errors.toString(),
                in.toString(), "-o", out.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.err().lines()).containsExactly(
                in + ":2: malformed JSON (Unexpected end-of-input: was expecting closing quote for a string value)",
                in + ":3: no \"text\" field",
                in + ":4: field \"text\" is number, not a string",
                in + ":5: invalid UTF-8 at byte offset " + (lines[0].length + lines[1].length + lines[2].length
                        + lines[3].length + 4 + 10),
                in + ":7: not a JSON object",
                in + ":8: malformed JSON (Duplicate field 'text')");
        byte[][] outLines = split(Files.readAllBytes(out));
        assertThat(outLines.length).isEqualTo(lines.length);
        for (int i = 1; i < 8; i++) {
            assertThat(outLines[i]).isEqualTo(lines[i]);
        }
        assertThat(JSON.readTree(outLines[0]).at("/unspin/changed").asBoolean()).isTrue();
        assertThat(JSON.readTree(outLines[8]).has("unspin")).isTrue();
        List<JsonNode> reported = records(Files.readAllBytes(errors));
        assertThat(reported).extracting(e -> e.get("line").asInt()).containsExactly(2, 3, 4, 5, 7, 8);
        assertThat(reported).extracting(e -> e.get("kind").asText()).containsExactly("malformed-json",
                "no-text-field", "text-not-string", "invalid-utf8", "not-an-object", "malformed-json");
        assertThat(reported.get(1).get("id").asText()).isEqualTo("no-text");

        Path strictOut = dir.resolve("strict.jsonl");
        Cli.Result strict = Cli.run("", "fix", "--no-context-rules", "--quiet", "--strict", in.toString(),
                "-o", strictOut.toString());
        assertThat(strict.exit()).isEqualTo(Main.USAGE);
        assertThat(strict.err()).isEqualTo("unspin: " + in + ":2: malformed JSON (Unexpected end-of-input: was "
                + "expecting closing quote for a string value)\n");
        assertThat(strictOut).doesNotExist();
    }

    @Test
    void linesParsedFromTheirBytesComeOutAsWhenParsedFromTheirText() throws Exception {
        // Escapes, raw UTF-8, odd whitespace, numbers, nested values, an old unspin field, and the lines that
        // must take the text parser (a byte order mark, NUL bytes, leading blanks, short or bad JSON).
        String[] lines = {
            "{\"id\":1,\"text\":\"Secretary of Condition caf\\u00e9 \\\"q\\\" \\ud83d\\ude00\\n\\/x\",\"n\":1.10,"
                    + "\"big\":123456789012345678901234567890,\"nested\":{\"a\":[1,2.50,{\"b\":null}],\"t\":\"\\u2028\"},"
                    + "\"e\":1e5,\"neg\":-0,\"unspin\":{\"old\":true},\"z\":false}",
            "{ \"id\" : \"r\u00e9sum\u00e9\" ,\t\"text\" : \"Caf\u00e9 \ud83d\ude00 as perfectly as ever\u2019s\" , \"last\":[ ] }",
            "\ufeff{\"id\":\"bom\",\"text\":\"Secretary of Condition\"}",
            "{\u0000\"id\":\"nul\",\"text\":\"a\"}",
            "  {\"id\":\"blank-first\",\"text\":\"Secretary of Condition\"}",
            "{\"text\":\"a\"} trailing",
            "{\"text\":\"a\",\"text\":\"b\"}",
            "{\"id\":\"a\",\"text\":\"tab\tinside\"}",
            "{}",
            "{\"text\":\"\"}",
            "{\"id\":{\"text\":\"nested is not the text\"},\"text\":\"National Press Club\"}",
        };
        Path in = dir.resolve("tricky.jsonl");
        Files.writeString(in, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        Path out = dir.resolve("tricky.out.jsonl");
        Cli.Result r = Cli.run("", "fix", "--no-context-rules", "--quiet", in.toString(), "-o", out.toString());
        assertThat(r.exit()).isZero();
        org.unspin.corpus.RecordAnnotator annotator = new org.unspin.corpus.RecordAnnotator(
                Unspinner.builder().contextRules(false).build(), "text", true,
                org.unspin.corpus.RecordAnnotator.EditDetail.SUMMARY, null);
        byte[][] outLines = split(Files.readAllBytes(out));
        assertThat(outLines.length).isEqualTo(lines.length);
        List<String> reasons = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            JsonNode parsed;
            try {
                parsed = JSON.readTree(lines[i]);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                reasons.add(in + ":" + (i + 1) + ": malformed JSON (" + e.getOriginalMessage().lines().findFirst()
                        .orElse("") + ")");
                assertThat(new String(outLines[i], StandardCharsets.UTF_8)).isEqualTo(lines[i]);
                continue;
            }
            if (parsed instanceof ObjectNode record && record.path("text").isTextual()) {
                annotator.annotate(record);
                assertThat(new String(outLines[i], StandardCharsets.UTF_8)).as(lines[i])
                        .isEqualTo(new String(JSON.writeValueAsBytes(record), StandardCharsets.UTF_8));
            } else {
                reasons.add(in + ":" + (i + 1) + ": " + (parsed instanceof ObjectNode ? "no \"text\" field"
                        : "not a JSON object"));
                assertThat(new String(outLines[i], StandardCharsets.UTF_8)).isEqualTo(lines[i]);
            }
        }
        assertThat(r.err().lines()).containsExactlyElementsOf(reasons);
        assertThat(reasons).hasSize(6);
    }

    private static byte[][] split(byte[] bytes) {
        List<byte[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                lines.add(java.util.Arrays.copyOfRange(bytes, start, i));
                start = i + 1;
            }
        }
        return lines.toArray(new byte[0][]);
    }

    @Test
    void gzipAndZstdRoundTrip() throws Exception {
        byte[] plain = corpus(200);
        Path gz = dir.resolve("in.jsonl.gz");
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(gz))) {
            o.write(plain);
        }
        Path zst = dir.resolve("in.jsonl.zst");
        try (OutputStream o = new ZstdOutputStream(Files.newOutputStream(zst))) {
            o.write(plain);
        }
        Path in = dir.resolve("in.jsonl");
        Files.write(in, plain);
        Path expected = dir.resolve("expected.jsonl");
        assertThat(Cli.run("", "fix", "--quiet", "--no-context-rules", in.toString(), "-o", expected.toString())
                .exit()).isZero();
        Path outZst = dir.resolve("out.jsonl.zst");
        Path outGz = dir.resolve("out.jsonl.gz");
        assertThat(Cli.run("", "fix", "--quiet", "--no-context-rules", gz.toString(), "-o", outZst.toString())
                .exit()).isZero();
        assertThat(Cli.run("", "fix", "--quiet", "--no-context-rules", zst.toString(), "-o", outGz.toString())
                .exit()).isZero();
        try (InputStream z = new ZstdInputStream(Files.newInputStream(outZst));
             InputStream g = new GZIPInputStream(Files.newInputStream(outGz))) {
            assertThat(z.readAllBytes()).isEqualTo(Files.readAllBytes(expected));
            assertThat(g.readAllBytes()).isEqualTo(Files.readAllBytes(expected));
        }
        Files.write(dir.resolve("cut.jsonl.gz"), java.util.Arrays.copyOf(Files.readAllBytes(gz), 100));
        Cli.Result cut = Cli.run("", "fix", "--quiet", dir.resolve("cut.jsonl.gz").toString(), "-o",
                dir.resolve("cut.out.jsonl").toString());
        assertThat(cut.exit()).isEqualTo(Main.USAGE);
        assertThat(cut.err()).startsWith("unspin: " + dir.resolve("cut.jsonl.gz") + ": cannot read (");
        assertThat(dir.resolve("cut.out.jsonl")).doesNotExist();
    }

    @Test
    void directoriesGiveTheirTextAndJsonlFilesInPathOrder() throws Exception {
        Files.createDirectories(dir.resolve("corpus/sub"));
        Files.writeString(dir.resolve("corpus/b.txt"), spunNews);
        Files.writeString(dir.resolve("corpus/sub/a.txt"), paragraphs.get(0));
        Files.write(dir.resolve("corpus/c.jsonl"), corpus(2));
        Files.writeString(dir.resolve("corpus/notes.md"), "not read");
        Cli.Result r = Cli.run("", "fix", "--quiet", dir.resolve("corpus").toString());
        assertThat(r.exit()).isZero();
        List<JsonNode> records = records(r.out().getBytes(StandardCharsets.UTF_8));
        assertThat(records).extracting(o -> o.get("id").asText()).containsExactly(
                dir.resolve("corpus/b.txt").toString(), "doc-0", "doc-1", dir.resolve("corpus/sub/a.txt").toString());
        assertThat(records.get(0).get("text").asText()).isEqualTo(spunNewsExpected);
        assertThat(fieldNames(records.get(0))).containsExactly("id", "text", "unspin");

        Files.write(dir.resolve("corpus/sub/bad.txt"), new byte[] {'o', 'k', '\n', 'n', 'o', (byte) 0xE9, '\n'});
        Cli.Result bad = Cli.run("", "fix", "--quiet", "--no-context-rules", dir.resolve("corpus/sub").toString());
        assertThat(bad.err()).isEqualTo(dir.resolve("corpus/sub/bad.txt") + ":2: invalid UTF-8 at byte offset 5\n");
        List<JsonNode> badRecords = records(bad.out().getBytes(StandardCharsets.UTF_8));
        assertThat(badRecords.get(1).get("text").asText()).isEqualTo("ok\nno\uFFFD\n");
        assertThat(badRecords.get(1).has("unspin")).isFalse();
        Files.delete(dir.resolve("corpus/sub/bad.txt"));

        Cli.Result md = Cli.run("", "check", "--quiet", "--include", "*.md", "--include", "sub/*.txt",
                "--text-field", "body", "--id-field", "path", dir.resolve("corpus").toString());
        assertThat(records(md.out().getBytes(StandardCharsets.UTF_8))).extracting(o -> o.get("path").asText()
                + "=" + o.get("body").asText()).containsExactly(dir.resolve("corpus/notes.md") + "=not read",
                dir.resolve("corpus/sub/a.txt") + "=" + paragraphs.get(0));
    }

    @Test
    void dropAndSplitAboveRouteSpunRecords() throws Exception {
        Path in = dir.resolve("in.jsonl");
        Files.write(in, corpus(30));
        Path all = dir.resolve("all.jsonl");
        Path kept = dir.resolve("kept.jsonl");
        Path stats = dir.resolve("stats.json");
        assertThat(Cli.run("", "fix", "--quiet", "--no-context-rules", in.toString(), "-o", all.toString())
                .exit()).isZero();
        assertThat(Cli.run("", "fix", "--quiet", "--no-context-rules", "--drop-above", "1", "--stats",
                stats.toString(), in.toString(), "-o", kept.toString()).exit()).isZero();
        List<JsonNode> allRecords = records(Files.readAllBytes(all));
        List<JsonNode> spun = allRecords.stream().filter(o -> o.at("/unspin/score").asDouble() > 1).toList();
        List<JsonNode> clean = allRecords.stream().filter(o -> o.at("/unspin/score").asDouble() <= 1).toList();
        assertThat(spun).isNotEmpty();
        assertThat(clean).isNotEmpty();
        assertThat(records(Files.readAllBytes(kept))).isEqualTo(clean);
        JsonNode s = JSON.readTree(stats.toFile());
        assertThat(s.get("dropped").asInt()).isEqualTo(spun.size());
        assertThat(s.get("documents").asInt()).isEqualTo(30);

        Path out = dir.resolve("out/main.jsonl");
        Files.createDirectories(out.getParent());
        Cli.Result r = Cli.run("", "fix", "--no-context-rules", "--split-above", "1", dir.resolve("spun").toString(),
                in.toString(), "-o", out.toString());
        assertThat(r.exit()).isZero();
        assertThat(records(Files.readAllBytes(out))).isEqualTo(clean);
        assertThat(records(Files.readAllBytes(dir.resolve("spun/main.jsonl")))).isEqualTo(spun);
        assertThat(r.err()).contains("30 records: 30 documents", spun.size() + " split");
    }

    /** Standard input that fails after {@code limit} bytes, as a dying pipe would. */
    private static InputStream failingAfter(byte[] bytes, int limit) {
        return new java.io.FilterInputStream(new ByteArrayInputStream(bytes, 0, limit)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, Math.min(len, 1000));
                if (n < 0) {
                    throw new IOException("simulated crash");
                }
                return n;
            }
        };
    }

    @Test
    void resumeAfterAnInterruptionGivesTheSameOutput() throws Exception {
        for (String name : List.of("out.jsonl", "out.jsonl.gz", "out.jsonl.zst")) {
            byte[] input = corpus(400);
            Path expected = dir.resolve("expected-" + name);
            Path errorsExpected = dir.resolve("errors-expected.jsonl");
            assertThat(Cli.run(input, "fix", "--quiet", "--no-context-rules", "--jsonl", "--split-above", "1",
                    dir.resolve("spun-expected").toString(), "--errors", errorsExpected.toString(),
                    "-o", expected.toString()).exit()).isZero();

            Path out = dir.resolve(name);
            Path errors = dir.resolve("errors.jsonl");
            String[] args = {"fix", "--quiet", "--no-context-rules", "--jsonl", "--threads", "2", "--split-above",
                "1", dir.resolve("spun").toString(), "--errors", errors.toString(), "-o", out.toString()};
            Cli.Result broken = run(failingAfter(input, input.length / 2), args);
            assertThat(broken.exit()).isEqualTo(Main.USAGE);
            assertThat(out).doesNotExist();
            Path temp = ResumableOutput.tempOf(out.toAbsolutePath());
            assertThat(temp).exists();
            assertThat(Files.size(temp)).isPositive();
            // A killed process leaves bytes after its last checkpoint: the resumed run must cut them off.
            Files.write(temp, "half a record".getBytes(StandardCharsets.UTF_8), java.nio.file.StandardOpenOption.APPEND);

            List<String> resumeArgs = new ArrayList<>(List.of(args));
            resumeArgs.add("--resume");
            resumeArgs.remove("--quiet");
            Cli.Result resumed = Cli.run(input, resumeArgs.toArray(new String[0]));
            assertThat(resumed.exit()).isZero();
            assertThat(resumed.err()).doesNotContain("starting from the beginning").contains("400 records");
            // Same content; compressed files may differ in where their members (one per checkpoint) end.
            assertThat(decompressed(out)).isEqualTo(decompressed(expected));
            assertThat(decompressed(dir.resolve("spun/" + name)))
                    .isEqualTo(decompressed(dir.resolve("spun-expected/expected-" + name)));
            assertThat(Files.readAllBytes(errors)).isEqualTo(Files.readAllBytes(errorsExpected));
            assertThat(temp).doesNotExist();
            assertThat(out.resolveSibling("." + name + ".unspin-checkpoint")).doesNotExist();
        }
    }

    private static byte[] decompressed(Path file) throws IOException {
        try (InputStream in = org.unspin.corpus.Compression.of(file.toString()).decompress(Files.newInputStream(file))) {
            return in.readAllBytes();
        }
    }

    @Test
    void aRecordOverTheLimitIsPassedThroughWithoutBeingRead() throws Exception {
        StringBuilder big = new StringBuilder("{\"id\":\"big\",\"text\":\"");
        while (big.length() < 3 << 20) {
            big.append(paragraphs.get(big.length() % paragraphs.size()).replace("\"", "'").replace("\n", " "));
        }
        big.append("\"}");
        String input = record(3) + "\n" + big + "\n" + record(4) + "\n";
        Path in = dir.resolve("in.jsonl");
        Files.writeString(in, input);
        Path out = dir.resolve("out.jsonl");
        Cli.Result r = Cli.run("", "fix", "--quiet", "--no-context-rules", "--max-record-bytes", "1M",
                in.toString(), "-o", out.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.err()).isEqualTo(in + ":2: record of " + big.toString().getBytes(StandardCharsets.UTF_8).length
                + " bytes is over --max-record-bytes (1048576)\n");
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1)).isEqualTo(big.toString());
        assertThat(JSON.readTree(lines.get(0)).at("/unspin/changed").asBoolean()).isTrue();
        assertThat(JSON.readTree(lines.get(2)).has("unspin")).isTrue();

        Files.createDirectories(dir.resolve("texts"));
        Files.writeString(dir.resolve("texts/big.txt"), big.toString());
        Cli.Result text = Cli.run("", "fix", "--quiet", "--max-record-bytes", "1M", dir.resolve("texts").toString());
        JsonNode record = JSON.readTree(text.out());
        assertThat(record.get("text").asText()).isEqualTo(big.toString());
        assertThat(record.has("unspin")).isFalse();
    }

    @Test
    void learnReadsCompressedFilesAndDirectoriesWithTheSameReader() throws Exception {
        byte[] plain = corpus(40);
        int half = corpus(20).length;
        Files.write(dir.resolve("plain.jsonl"), plain);
        Files.createDirectories(dir.resolve("packed/sub"));
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(dir.resolve("packed/a.jsonl.gz")))) {
            o.write(plain, 0, half);
        }
        try (OutputStream o = new ZstdOutputStream(Files.newOutputStream(dir.resolve("packed/sub/b.jsonl.zst")))) {
            o.write(plain, half, plain.length - half);
        }
        Path expected = dir.resolve("plain.model");
        Path packed = dir.resolve("packed.model");
        assertThat(Cli.run("", "learn", "--quiet", dir.resolve("plain.jsonl").toString(), "-o", expected.toString())
                .exit()).isZero();
        Cli.Result r = Cli.run("", "learn", "--quiet", "--include", "*.jsonl.*", dir.resolve("packed").toString(),
                "-o", packed.toString());
        assertThat(r.err()).isEmpty();
        assertThat(Files.readAllBytes(packed)).isEqualTo(Files.readAllBytes(expected));
    }

    @Test
    void usageErrors() throws Exception {
        Path in = dir.resolve("in.jsonl");
        Files.write(in, corpus(2));
        assertThat(Cli.run("", "fix", "--format", "diff", in.toString()).err())
                .startsWith("unspin: --format is not for corpus mode");
        assertThat(Cli.run("", "check", "--keep-original", "orig", in.toString()).exit()).isEqualTo(Main.USAGE);
        assertThat(Cli.run("", "fix", "--resume", in.toString()).err()).startsWith("unspin: --resume needs -o FILE");
        assertThat(Cli.run("", "fix", "--max-record-bytes", "2G", in.toString()).err()).contains("outside 1..1G");
        Iterator<String> keep = JSON.readTree(Cli.run("", "fix", "--quiet", "--no-context-rules", "--keep-original",
                "original", "--edits", "none", in.toString()).out().lines().skip(1).findFirst().orElseThrow())
                .fieldNames();
        List<String> names = new ArrayList<>();
        keep.forEachRemaining(names::add);
        assertThat(names).containsExactly("id", "n", "meta", "text", "big", "note", "original", "unspin");
    }
}
