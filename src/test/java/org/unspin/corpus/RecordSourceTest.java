package org.unspin.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.unspin.corpus.BadRecordPolicy.BadRecord;

/** The one record reader, on the fixtures of {@code testdata/records/} (see its README). */
class RecordSourceTest {
    private static final Path FIXTURES = Path.of("testdata/records");
    private static final String BAD_LINES = FIXTURES.resolve("bad-lines.jsonl").toString();

    /** What a command sees of each record: its text, or the one line that reports it. */
    private static List<String> read(RecordSource source) throws IOException {
        List<String> seen = new ArrayList<>();
        try (source) {
            for (RecordSource.Record r; (r = source.next()) != null; ) {
                RecordSource.Parsed p = r.parse(RecordAnnotator.mapper(), "text");
                if (p == null) {
                    seen.add(r.where() + ": blank");
                } else if (p.bad() != null) {
                    seen.add(BadRecordPolicy.PASS.report(p.bad()) + " [" + p.bad().kind() + "]");
                } else {
                    seen.add(r.where() + " " + p.text());
                }
            }
        }
        return seen;
    }

    @Test
    void aDirectoryGivesItsTextJsonlGzAndZstFilesInSortedPathOrder() throws IOException {
        Path dir = FIXTURES.resolve("corpus");
        assertThat(read(RecordSource.of(List.of(dir.toString()), false, List.of(), null))).containsExactly(
                dir.resolve("a.txt") + ":1 A plain text file is one record.\nIts second line.\n",
                dir.resolve("good.jsonl") + ":1 Secretary of Condition spoke.",
                dir.resolve("good.jsonl") + ":2 All is well.",
                dir.resolve("sub/b.txt.gz") + ":1 A gzipped text file.\n",
                dir.resolve("sub/c.jsonl.zst") + ":1 From a zstd file.");
        assertThat(read(RecordSource.of(List.of(dir.toString()), false, List.of("sub/*"), null)))
                .as("a glob with a / matches the path below the directory").hasSize(2);
        assertThat(read(RecordSource.of(List.of(dir.toString()), true, List.of(), null)))
                .as("with --jsonl, only the JSONL files").hasSize(3);
    }

    @Test
    void everyKindOfBadLineIsNamedWithItsLineAndByteOffset() throws IOException {
        List<String> seen = read(RecordSource.of(List.of(BAD_LINES), false, List.of(), null)
                .maxRecordBytes(200, "--max-record-bytes"));
        assertThat(seen).hasSize(9);
        assertThat(seen.get(0)).isEqualTo(BAD_LINES + ":1 fine");
        assertThat(seen.get(1)).startsWith(BAD_LINES + ":2: malformed JSON (").endsWith(") [malformed-json]");
        assertThat(seen.subList(2, 9)).containsExactly(
                BAD_LINES + ":3: invalid UTF-8 at byte offset 87 [invalid-utf8]",
                BAD_LINES + ":4: not a JSON object [not-an-object]",
                BAD_LINES + ":5: no \"text\" field [no-text-field]",
                BAD_LINES + ":6: field \"text\" is number, not a string [text-not-string]",
                BAD_LINES + ":7: blank",
                BAD_LINES + ":8: record of 322 bytes is over --max-record-bytes (200) [too-large]",
                BAD_LINES + ":9 the end");
    }

    @Test
    void badRecordsCarryTheirOffsetAndThePolicyDecides() {
        RecordSource source = RecordSource.of(List.of(BAD_LINES), false, List.of(), null);
        source.next();
        source.next();
        RecordSource.Record third = source.next();
        BadRecord bad = third.parse(RecordAnnotator.mapper(), "text").bad();
        assertThat(bad).isEqualTo(new BadRecord(BAD_LINES, 3, 62, "invalid-utf8", "invalid UTF-8 at byte offset 87"));
        assertThat(BadRecordPolicy.PASS.report(bad)).isEqualTo(BAD_LINES + ":3: invalid UTF-8 at byte offset 87");
        assertThat(BadRecordPolicy.SKIP.report(bad)).isEqualTo(BAD_LINES + ":3: invalid UTF-8 at byte offset 87, skipped");
        assertThatThrownBy(() -> BadRecordPolicy.STOP.report(bad)).isInstanceOf(CorpusException.class)
                .hasMessage(BAD_LINES + ":3: invalid UTF-8 at byte offset 87");
    }

    @Test
    void aTextFileWithInvalidUtf8IsBadAtTheLineOfTheByteUnlessLenient() throws IOException {
        String invalid = FIXTURES.resolve("invalid.txt").toString();
        assertThat(read(RecordSource.of(List.of(invalid), false, List.of(), null)))
                .containsExactly(invalid + ":2: invalid UTF-8 at byte offset 18 [invalid-utf8]");
        List<String> warnings = new ArrayList<>();
        RecordSource lenient = RecordSource.of(List.of(invalid), false, List.of(), null).lenient(true)
                .warnings(warnings::add);
        RecordSource.Parsed text = lenient.decode(lenient.next());
        assertThat(text.text()).isEqualTo("first line\nsecond \uFFFD line\n");
        assertThat(lenient.next()).isNull();
        assertThat(warnings).containsExactly(invalid + ": invalid UTF-8 replaced by U+FFFD at byte offset 18");
    }

    @Test
    void lenientIsForTextFilesOnlyAJsonlLineWithInvalidUtf8StaysBad() {
        RecordSource source = RecordSource.of(List.of(BAD_LINES), false, List.of(), null).lenient(true);
        source.next();
        source.next();
        assertThat(source.decode(source.next()).bad().reason()).isEqualTo("invalid UTF-8 at byte offset 87");
    }

    @Test
    void aBinaryFileIsOneBadRecordWholeOrByLine() throws IOException {
        String binary = FIXTURES.resolve("binary.txt").toString();
        assertThat(read(RecordSource.of(List.of(binary), false, List.of(), null)))
                .containsExactly(binary + ":1: binary file, not text [binary]");
        assertThat(read(RecordSource.of(List.of(binary), false, List.of(), null).textFileLines(true)))
                .containsExactly(binary + ":1: binary file, not text [binary]");
    }

    @Test
    void textFileLinesGiveOneRecordPerLineWithItsOffset() {
        String a = FIXTURES.resolve("corpus/a.txt").toString();
        RecordSource source = RecordSource.of(List.of(a), false, List.of(), null).textFileLines(true);
        RecordSource.Record first = source.next();
        RecordSource.Record second = source.next();
        assertThat(source.next()).isNull();
        assertThat(new String(second.bytes(), StandardCharsets.UTF_8)).isEqualTo("Its second line.");
        assertThat(List.of(first.line(), first.offset(), second.line(), second.offset())).containsExactly(1L, 0L, 2L, 33L);
        assertThat(source.files()).isEqualTo(1);
        assertThat(source.bytes()).isEqualTo(50);
    }

    @Test
    void aRecordOverTheLimitCanBeSpilledAndAResumedRunSkipsRecords() throws IOException {
        RecordSource source = RecordSource.of(List.of(BAD_LINES), false, List.of(), null)
                .maxRecordBytes(200, "--max-record-bytes").spill(true).skip(7);
        RecordSource.Record big = source.next();
        assertThat(big.line()).isEqualTo(8);
        assertThat(big.bytes()).isNull();
        assertThat(Files.size(big.spill())).isEqualTo(322);
        Files.delete(big.spill());
        assertThat(source.next().line()).isEqualTo(9);
    }

    @Test
    void stdinAndMissingInputs() throws IOException {
        RecordSource stdin = RecordSource.of(List.of("-"), true, List.of(), new ByteArrayInputStream(
                "{\"text\":\"from stdin\"}\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(read(stdin)).containsExactly("<stdin>:1 from stdin");
        assertThatThrownBy(() -> RecordSource.of(List.of("testdata/records/none.jsonl"), false, List.of(), null))
                .isInstanceOf(CorpusException.class).hasMessage("testdata/records/none.jsonl: no such file");
    }
}
