package org.unspin.lexicon;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PhraseTableTest {
    private static final String HEADER = "spun\tcanonical\tcategory\tconfidence\tnote\n";

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, UTF_8);
    }

    private static PhraseTable load(Path... files) {
        return PhraseTable.load(false, List.of(files));
    }

    @Test
    void readsRowsSkippingCommentsAndBlankLinesWithColumnsInHeaderOrder() throws IOException {
        Path file = write("news.tsv", """
                # Spun titles seen in scraped news.

                confidence\tnote\tspun\tsource-url\tcanonical\tcategory
                0.95\tUS cabinet post\tsecretary of condition\thttp://example.org\tSecretary of State\tspun-title
                # a comment between rows
                0.9\t\tas perfectly as\t\tas well as\tspun-phrase
                """);
        List<PhraseEntry> entries = load(file).entries();
        assertThat(entries).containsExactly(
                new PhraseEntry("secretary of condition", "Secretary of State", "spun-title", 0.95, "US cabinet post",
                        file.toString(), 4),
                new PhraseEntry("as perfectly as", "as well as", "spun-phrase", 0.9, "", file.toString(), 6));
        assertThat(entries.get(0).source()).isEqualTo(file + ":4");
    }

    @Test
    void acceptsCrLfLineEndsAndAByteOrderMark() throws IOException {
        Path file = write("win.tsv", "\uFEFF" + HEADER.replace("\n", "\r\n")
                + "as perfectly as\tas well as\tspun-phrase\t1\tok\r\n");
        assertThat(load(file).entries()).singleElement().satisfies(e -> {
            assertThat(e.note()).isEqualTo("ok");
            assertThat(e.confidence()).isEqualTo(1.0);
            assertThat(e.line()).isEqualTo(2);
        });
    }

    static Stream<Arguments> invalidTables() {
        String row = "as perfectly as\tas well as\tspun-phrase\t0.9\t\n";
        return Stream.of(
                Arguments.of("# only a comment\n", 1, "missing header"),
                Arguments.of("", 1, "missing header"),
                Arguments.of(row, 1, "missing header"),
                Arguments.of("spun\tcanonical\tcategory\tconfidence\n" + row, 1,
                        "header lacks required column(s) note"),
                Arguments.of("spun\tcanonical\tcategory\tconfidence\tnote\tspun\n", 1, "header names column 'spun' twice"),
                Arguments.of(HEADER + "as perfectly as\tas well as\tspun-phrase\t0.9\n", 2,
                        "expected 5 tab-separated fields, found 4"),
                Arguments.of(HEADER + row + "a\tb\tc\t0.9\t\textra\n", 3, "expected 5 tab-separated fields, found 6"),
                Arguments.of(HEADER + "\tas well as\tspun-phrase\t0.9\t\n", 2, "empty spun field"),
                Arguments.of(HEADER + "as perfectly as\t\tspun-phrase\t0.9\t\n", 2, "empty canonical field"),
                Arguments.of(HEADER + "as perfectly as\tas well as\t\t0.9\t\n", 2, "empty category field"),
                Arguments.of(HEADER + "as perfectly as\tas well as\tspun-phrase\t\t\n", 2, "empty confidence field"),
                Arguments.of(HEADER + "Secretary of State\tsecretary of state\tspun-title\t0.9\t\n", 2,
                        "spun phrase 'Secretary of State' equals its canonical 'secretary of state'"),
                Arguments.of(HEADER + "it\u2019s vital\tIt's vital\tspun-phrase\t0.9\t\n", 2, "equals its canonical"),
                Arguments.of(HEADER + row + "As Perfectly As\tas well as\tspun-phrase\t0.7\t\n", 3,
                        "spun phrase 'As Perfectly As' is a duplicate of "),
                Arguments.of(HEADER + row + row, 3, "spun phrase 'as perfectly as' is a duplicate of "),
                Arguments.of(HEADER + row + "as perfectly as\tas good as\tspun-phrase\t0.9\t\n", 3,
                        "spun phrase 'as perfectly as' maps to 'as good as' here but to 'as well as' at "),
                Arguments.of(HEADER + "as perfectly as\tas well as\tspun-phrase\t1.5\t\n", 2,
                        "confidence '1.5' is not a number in [0,1]"),
                Arguments.of(HEADER + "as perfectly as\tas well as\tspun-phrase\thigh\t\n", 2,
                        "confidence 'high' is not a number in [0,1]"),
                Arguments.of(HEADER + "as perfectly as\tas well as\tspun-phrase\t-0.5\t\n", 2,
                        "confidence '-0.5' is not a number in [0,1]"),
                Arguments.of(HEADER + "as perfectly as\tas well as\tspun-phrase\tNaN\t\n", 2,
                        "confidence 'NaN' is not a number in [0,1]"),
                Arguments.of(HEADER + "as perfectly as\tas well as\tSpun Phrase\t0.9\t\n", 2,
                        "category 'Spun Phrase' does not match [a-z][a-z0-9-]*"),
                Arguments.of(HEADER + "as perfectly as\tas well as\t9-spun\t0.9\t\n", 2,
                        "category '9-spun' does not match"),
                Arguments.of(HEADER + "   \tas well as\tspun-phrase\t0.9\t\n", 2, "spun phrase '   ' has no tokens"),
                Arguments.of(HEADER + "as perfectly as\tas well as\tspun-phrase\t0.9\t\n...\tand so on\tspun-phrase\t0.9\t\n", 3,
                        "spun phrase '...' has no letter or digit"),
                Arguments.of(HEADER + "- –\tand\tspun-phrase\t0.9\t\n", 2, "spun phrase '- –' has no letter or digit"),
                Arguments.of(HEADER + "as perfectly as\tas well as \tspun-phrase\t0.9\t\n", 2,
                        "canonical 'as well as ' has leading or trailing spaces"));
    }

    @ParameterizedTest
    @MethodSource("invalidTables")
    void rejectsInvalidRowsNamingFileAndLine(String content, int line, String reason) throws IOException {
        Path file = write("bad.tsv", content);
        assertThatThrownBy(() -> load(file))
                .isInstanceOf(DictionaryException.class)
                .hasMessageStartingWith(file + ":" + line + ": ")
                .hasMessageContaining(reason)
                .satisfies(e -> {
                    assertThat(((DictionaryException) e).file()).isEqualTo(file.toString());
                    assertThat(((DictionaryException) e).line()).isEqualTo(line);
                });
    }

    @Test
    void duplicateAcrossFilesNamesBothPlaces() throws IOException {
        Path first = write("a.tsv", HEADER + "\n" + "countrywide press club\tNational Press Club\tspun-title\t0.9\t\n");
        Path second = write("b.tsv", HEADER + "Countrywide Press Club\tNationwide Press Club\tspun-title\t0.9\t\n");
        assertThatThrownBy(() -> load(first, second))
                .isInstanceOf(DictionaryException.class)
                .hasMessage(second + ":2: spun phrase 'Countrywide Press Club' maps to 'Nationwide Press Club' here"
                        + " but to 'National Press Club' at " + first + ":3");
    }

    @Test
    void invalidUtf8NamesLineAndByteOffset() throws IOException {
        byte[] head = (HEADER + "as perfectly as\tas well as\tspun-phrase\t0.9\t\ncaf").getBytes(UTF_8);
        byte[] bytes = new byte[head.length + 2];
        System.arraycopy(head, 0, bytes, 0, head.length);
        bytes[head.length] = (byte) 0xE9; // Latin-1 é
        bytes[head.length + 1] = '\n';
        Path file = Files.write(dir.resolve("latin1.tsv"), bytes);
        assertThatThrownBy(() -> load(file))
                .isInstanceOf(DictionaryException.class)
                .hasMessage(file + ":3: invalid UTF-8 at byte offset " + head.length);
    }

    @Test
    void unreadableFileIsADictionaryError() {
        Path missing = dir.resolve("missing.tsv");
        assertThatThrownBy(() -> load(missing))
                .isInstanceOf(DictionaryException.class)
                .hasMessageStartingWith(missing + ":0: cannot read file");
    }

    @Test
    void shippedTablesComeFromTheClassPathFolderInNameOrder() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("classes/dictionaries"));
        Files.writeString(folder.resolve("b-spun.tsv"), HEADER + "as perfectly as\tas well as\tspun-phrase\t0.9\t\n");
        Files.writeString(folder.resolve("a-spun.tsv"), HEADER + "\ncounterfeit consciousness\t"
                + "artificial intelligence\tspun-phrase\t0.95\t\n");
        Files.writeString(folder.resolve("readme.txt"), "not a table");
        try (URLClassLoader loader = classLoaderOver(dir.resolve("classes"))) {
            assertThat(PhraseTable.load(loader, List.of()).entries())
                    .extracting(PhraseEntry::source)
                    .containsExactly("a-spun.tsv:3", "b-spun.tsv:2");
        }
    }

    @Test
    void shippedTablesLoadFromAJar() throws IOException {
        Path jar = dir.resolve("unspin.jar");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(jar))) {
            zip.putNextEntry(new ZipEntry("dictionaries/"));
            zip.putNextEntry(new ZipEntry("dictionaries/spun-news.tsv"));
            zip.write((HEADER + "secretary of condition\tSecretary of State\tspun-title\t0.95\t\n").getBytes(UTF_8));
            zip.putNextEntry(new ZipEntry("dictionaries/spun-common.tsv"));
            zip.write((HEADER + "as perfectly as\tas well as\tspun-phrase\t0.9\t\n").getBytes(UTF_8));
        }
        Path user = write("mine.tsv", HEADER + "as perfectly as\tas good as\tspun-phrase\t0.9\t\n");
        try (URLClassLoader loader = classLoaderOver(jar)) {
            assertThat(PhraseTable.load(loader, List.of()).entries())
                    .extracting(PhraseEntry::source)
                    .containsExactly("spun-common.tsv:2", "spun-news.tsv:2");
            assertThatThrownBy(() -> PhraseTable.load(loader, List.of(user)))
                    .hasMessage(user + ":2: spun phrase 'as perfectly as' maps to 'as good as' here but to "
                            + "'as well as' at spun-common.tsv:2");
        }
    }

    @Test
    void noShippedFolderMeansAnEmptyTable() throws IOException {
        try (URLClassLoader loader = classLoaderOver(Files.createDirectories(dir.resolve("empty")))) {
            assertThat(PhraseTable.load(loader, List.of()).entries()).isEmpty();
        }
    }

    @Test
    void userFilesAddToEachOther() throws IOException {
        Path a = write("a.tsv", HEADER + "as perfectly as\tas well as\tspun-phrase\t0.9\t\n");
        Path b = write("b.tsv", HEADER + "as perfectly\tas well\tspun-phrase\t0.5\t\n");
        assertThat(load(a, b).entries()).extracting(PhraseEntry::spun).containsExactly("as perfectly as", "as perfectly");
    }

    private static URLClassLoader classLoaderOver(Path root) throws IOException {
        return new URLClassLoader(new URL[] {root.toUri().toURL()}, null);
    }

}
