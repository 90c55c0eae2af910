package org.unspin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Options that could lose data are refused before any work, user mistakes exit 2 with one line, and report and
 * learn treat bad JSONL records as fix and check do (named with file, line and byte offset; --strict stops).
 */
class DataSafetyTest {
    private static final ObjectMapper JSON = BatchRun.mapper();

    @TempDir
    Path dir;

    private static void assertOneLineError(Cli.Result r, String message) {
        assertThat(r.exit()).as(r.err()).isEqualTo(Main.USAGE);
        assertThat(r.err()).isEqualTo("unspin: " + message + System.lineSeparator());
    }

    /** Three records, the second with a byte that is not UTF-8; returns the offset of that byte. */
    private long writeJsonlWithBadByte(Path file) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write("{\"id\": 1, \"text\": \"The Countrywide Press Club met.\"}\n".getBytes(StandardCharsets.UTF_8));
        bytes.write("{\"id\": 2, \"text\": \"caf".getBytes(StandardCharsets.UTF_8));
        long bad = bytes.size();
        bytes.write(0xE9); // Latin-1 é
        bytes.write("\"}\n{\"id\": 3, \"text\": \"A third one.\"}\n".getBytes(StandardCharsets.UTF_8));
        Files.write(file, bytes.toByteArray());
        return bad;
    }

    @Test
    void reportSkipsAnInvalidUtf8RecordWithItsLineAndOffsetAndStrictStops() throws Exception {
        Path in = dir.resolve("docs.jsonl");
        long bad = writeJsonlWithBadByte(in);
        Path html = dir.resolve("r.html");
        Cli.Result r = Cli.run("", "report", "--jsonl", "--lenient", "-o", html.toString(), in.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).isEqualTo("unspin: warning: " + in + ":2: invalid UTF-8 at byte offset " + bad
                + ", skipped\n");
        JsonNode data = ReportCommandTest.data(Files.readString(html));
        assertThat(data.get("summary").get("inputDocuments").asInt()).isEqualTo(2);
        assertThat(data.get("docs")).extracting(d -> d.get("n").asText()).containsExactly(in + ":1", in + ":3");

        Path strictHtml = dir.resolve("s.html");
        assertOneLineError(Cli.run("", "report", "--jsonl", "--strict", "-o", strictHtml.toString(), in.toString()),
                in + ":2: invalid UTF-8 at byte offset " + bad);
        assertThat(strictHtml).doesNotExist();
    }

    @Test
    void learnSkipsAnInvalidUtf8RecordWithItsLineAndOffsetAndStrictStops() throws Exception {
        Path in = dir.resolve("corpus.jsonl");
        long bad = writeJsonlWithBadByte(in);
        Path model = dir.resolve("m.model");
        Cli.Result r = Cli.run("", "learn", "--jsonl", "-o", model.toString(), in.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).isEqualTo(in + ":2: invalid UTF-8 at byte offset " + bad + ", skipped\n");
        assertThat(r.out()).contains("3 lines (1 skipped)");
        assertThat(org.unspin.lexicon.CorpusModel.open(model).count("a", "third", "one")).isEqualTo(1);

        Path strictModel = dir.resolve("s.model");
        assertOneLineError(Cli.run("", "learn", "--jsonl", "--strict", "-o", strictModel.toString(), in.toString()),
                in + ":2: invalid UTF-8 at byte offset " + bad);
        assertThat(strictModel).doesNotExist();
    }

    @Test
    void userMistakesExit2WithOneLine() throws Exception {
        assertOneLineError(Cli.run("text\n", "check", "--lt-rules", "BOGUS,EN_A_VS_AN"),
                "--lt-rules: unknown LanguageTool rule id(s): BOGUS");
        Cli.Result include = Cli.run("", "fix", "--include", "[", "-o", dir.resolve("o.jsonl").toString(), dir.toString());
        assertThat(include.exit()).isEqualTo(Main.USAGE);
        assertThat(include.err()).startsWith("unspin: --include '[': not a valid glob").doesNotContain("\n\n")
                .hasLineCount(1);
        Cli.Result learn = Cli.run("", "learn", "--include", "[", "-o", dir.resolve("m.model").toString(), dir.toString());
        assertThat(learn.err()).startsWith("unspin: --include '[': not a valid glob").hasLineCount(1);
        assertThat(learn.exit()).isEqualTo(Main.USAGE);
        assertOneLineError(Cli.run("", "bench", "--text", "/missing/text.txt"),
                "--text /missing/text.txt: no such readable file or folder");
        // outside the repository the default --text is a usage error of its own: RepositoryPathsTest
        String nowhere = dir.resolve("no-such-dir/x.jsonl").toString();
        assertOneLineError(Cli.run("", "bench", "--make-jsonl", nowhere, "--mb", "1"),
                "--make-jsonl " + nowhere + ": cannot write (no such directory)");
    }

    @Test
    void outputOntoAnInputIsRefusedAndTheInputKept() throws Exception {
        Path in = dir.resolve("in.jsonl");
        String records = "{\"id\": 1, \"text\": \"The Countrywide Press Club met.\"}\n";
        Files.writeString(in, records);
        assertOneLineError(Cli.run("", "fix", in.toString(), "-o", in.toString()),
                "-o " + in + " is also an input: the run would replace it; write to another file");
        String sameFileOtherName = dir.resolve(".").resolve("in.jsonl").toString();
        assertThat(Cli.run("", "fix", in.toString(), "-o", sameFileOtherName).exit()).isEqualTo(Main.USAGE);
        assertThat(Cli.run("", "check", "--errors", in.toString(), in.toString()).exit()).isEqualTo(Main.USAGE);
        assertThat(Cli.run("", "learn", "--jsonl", "-o", in.toString(), in.toString()).exit()).isEqualTo(Main.USAGE);
        assertThat(Cli.run("", "report", "--jsonl", "-o", in.toString(), in.toString()).exit()).isEqualTo(Main.USAGE);
        assertThat(Files.readString(in)).isEqualTo(records);
    }

    @Test
    void anUnwritableStatsPathFailsBeforeTheRunWritesAnything() throws Exception {
        Path in = dir.resolve("in.jsonl");
        Files.writeString(in, "{\"id\": 1, \"text\": \"The Countrywide Press Club met.\"}\n");
        Path out = dir.resolve("out.jsonl");
        String stats = dir.resolve("no-such-dir/stats.json").toString();
        assertOneLineError(Cli.run("", "fix", in.toString(), "-o", out.toString(), "--stats", stats),
                "--stats " + stats + ": cannot write (no such directory)");
        assertThat(out).doesNotExist();
        assertOneLineError(Cli.run("", "fix", in.toString(), "-o", out.toString(), "--stats", dir.toString()),
                "--stats " + dir + ": is a directory");
        assertThat(out).doesNotExist();
        Path html = dir.resolve("nowhere/r.html");
        assertOneLineError(Cli.run("", "report", "-o", html.toString(), in.toString()),
                "-o " + html + ": cannot write (no such directory)");
    }

    @Test
    void anUnknownCompressionSuffixIsRefusedRatherThanWrittenPlain() throws Exception {
        Path in = dir.resolve("in.jsonl");
        Files.writeString(in, "{\"id\": 1, \"text\": \"x\"}\n");
        for (String name : List.of("out.jsonl.bz2", "out.jsonl.xz", "out.JSONL.LZ4")) {
            Path out = dir.resolve(name);
            assertOneLineError(Cli.run("", "fix", in.toString(), "-o", out.toString()), "-o " + out + ": "
                    + name.substring(name.lastIndexOf('.')).toLowerCase(java.util.Locale.ROOT)
                    + " compression is not supported (.gz and .zst are, or no suffix for plain text)");
            assertThat(out).doesNotExist();
        }
        Path text = dir.resolve("out.txt.bz2");
        assertThat(Cli.run("a text\n", "fix", "-o", text.toString()).exit()).isEqualTo(Main.USAGE);
        assertThat(text).doesNotExist();
        assertThat(Cli.run("", "fix", in.toString(), "-o", dir.resolve("out.jsonl.gz").toString()).exit()).isZero();
    }

    @Test
    void keepOriginalNeverOverwritesAField() throws Exception {
        Path in = dir.resolve("in.jsonl");
        Files.writeString(in, "{\"id\": \"a\", \"text\": \"The Countrywide Press Club met.\"}\n"
                + "{\"id\": \"b\", \"orig\": \"precious\", \"text\": \"The Countrywide Press Club met.\"}\n");
        Cli.Result r = Cli.run("", "fix", "--quiet", "--keep-original", "orig", in.toString());
        assertThat(r.exit()).isZero();
        List<String> lines = r.out().lines().toList();
        JsonNode first = JSON.readTree(lines.get(0));
        assertThat(first.get("orig").asText()).isEqualTo("The Countrywide Press Club met.");
        assertThat(first.get("text").asText()).isEqualTo("The National Press Club met.");
        assertThat(lines.get(1)).as("passed through unchanged")
                .isEqualTo("{\"id\": \"b\", \"orig\": \"precious\", \"text\": \"The Countrywide Press Club met.\"}");
        assertThat(r.err()).isEqualTo(in + ":2: field \"orig\" exists: --keep-original would overwrite it, passed "
                + "through unchanged\n");
        assertThat(Cli.run("", "fix", "--quiet", "--strict", "--keep-original", "orig", in.toString()).exit())
                .isEqualTo(Main.USAGE);
        // The id field of a record is kept too: --keep-original id would have overwritten it.
        Cli.Result id = Cli.run("", "fix", "--quiet", "--keep-original", "id", in.toString());
        assertThat(id.out().lines().toList()).allSatisfy(l -> assertThat(l).contains("\"id\": \"").doesNotContain("unspin"));
        Cli.Result text = Cli.run("", "fix", "--keep-original", "text", in.toString());
        assertThat(text.exit()).isEqualTo(Main.USAGE);
        assertThat(text.err()).startsWith("unspin: --keep-original text would be overwritten by the repaired text");
    }
}
