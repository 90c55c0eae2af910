package org.unspin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unspin.Repair;
import org.unspin.Unspinner;
import org.unspin.edit.Edit;

class ReportCommandTest {
    static final List<String> INPUTS = List.of("testdata/spun-news.txt", "testdata/spun-science.txt",
            "testdata/clean-sotu-excerpt.txt", "testdata/entities-and-controls.txt");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DATA_OPEN = "<script type=\"application/json\" id=\"unspin-data\">";

    /** The data object embedded in a report page. */
    static JsonNode data(String html) throws IOException {
        int from = html.indexOf(DATA_OPEN) + DATA_OPEN.length();
        return JSON.readTree(html.substring(from, html.indexOf("</script>", from)));
    }

    static String report(Path out, String... args) throws IOException {
        List<String> all = new ArrayList<>(List.of("report", "-o", out.toString()));
        all.addAll(List.of(args));
        Cli.Result r = Cli.run("", all.toArray(String[]::new));
        assertThat(r.exit()).as(r.err()).isZero();
        return Files.readString(out);
    }

    /** The input text of edit {@code e} ([start, end, ...]) of document {@code doc}, cut from its pieces. */
    static String original(JsonNode doc, JsonNode e) {
        for (JsonNode piece : doc.get("t")) {
            int off = piece.get(0).asInt();
            String text = piece.get(1).asText();
            if (e.get(0).asInt() >= off && e.get(1).asInt() <= off + text.length()) {
                return text.substring(e.get(0).asInt() - off, e.get(1).asInt() - off);
            }
        }
        throw new AssertionError("edit outside the kept text: " + e);
    }

    @Test
    void embeddedDataMatchesTheRepairs(@TempDir Path dir) throws IOException {
        String html = report(dir.resolve("r.html"), INPUTS.toArray(String[]::new));
        JsonNode data = data(html);
        Unspinner unspinner = Unspinner.withDefaults();
        long words = 0, edits = 0, spun = 0;
        Map<String, Integer> byCategory = new TreeMap<>();
        assertThat(data.get("docs")).hasSize(INPUTS.size());
        for (int d = 0; d < INPUTS.size(); d++) {
            Repair r = unspinner.repair(Files.readString(Path.of(INPUTS.get(d))));
            JsonNode doc = data.get("docs").get(d);
            assertThat(doc.get("n").asText()).isEqualTo(INPUTS.get(d));
            assertThat(doc.get("w").asInt()).isEqualTo(r.score().words());
            assertThat(doc.get("f").asInt()).isEqualTo(r.score().findings());
            assertThat(doc.get("t").get(0).get(1).asText()).isEqualTo(r.input()); // short: kept whole
            assertThat(doc.get("e")).hasSize(r.edits().size());
            for (int j = 0; j < r.edits().size(); j++) {
                Edit e = r.edits().get(j);
                JsonNode a = doc.get("e").get(j);
                assertThat(original(doc, a)).isEqualTo(e.original());
                assertThat(a.get(2).isNull() ? null : a.get(2).asText()).isEqualTo(e.replacement());
                assertThat(data.get("categories").get(a.get(3).asInt()).asText()).isEqualTo(e.category());
                assertThat(a.get(4).asInt() == 1).isEqualTo(e.applied());
                assertThat(data.get("explanations").get(a.get(6).asInt()).asText()).isEqualTo(e.explanation());
                byCategory.merge(e.category(), 1, Integer::sum);
            }
            words += r.score().words();
            edits += r.edits().size();
            spun += r.score().findings() > 0 && r.score().perThousandWords() >= 2.0 ? 1 : 0;
        }
        JsonNode s = data.get("summary");
        assertThat(s.get("words").asLong()).isEqualTo(words);
        assertThat(s.get("edits").asLong()).isEqualTo(edits);
        assertThat(s.get("rewrites").asLong() + s.get("reports").asLong()).isEqualTo(edits);
        assertThat(JSON.convertValue(s.get("byCategory"), Map.class)).isEqualTo(byCategory);
        int bands = 0;
        for (JsonNode b : s.get("byBand")) {
            bands += b.asInt();
        }
        assertThat(bands).isEqualTo(edits);
        assertThat(s.get("aboveThreshold").asLong()).isEqualTo(spun).isEqualTo(3); // all but the clean excerpt
        int histogram = 0;
        for (JsonNode c : data.get("histogram").get("counts")) {
            histogram += c.asInt();
        }
        assertThat(histogram).isEqualTo(INPUTS.size());
        // entities-and-controls.txt has the same phrase with a zero-width space inside: counted together.
        assertThat(data.get("topRewritten").toString()).contains("[\"Countrywide Press Club\",\"National Press Club\",2]")
                .contains("[\"Secretary of Condition\",\"Secretary of State\",2]");
        assertThat(data.get("topFlagged").toString()).contains("Innovative Guard").doesNotContain("Countrywide");
        // Self-contained: nothing that would make the browser fetch anything.
        assertThat(html).doesNotContain("<link").doesNotContain(" src=").doesNotContain("url(")
                .doesNotContain("@import").doesNotContain("fetch(").doesNotContain("XMLHttpRequest");
    }

    @Test
    void textThatLooksLikeMarkupCannotCloseTheDataScript(@TempDir Path dir) throws IOException {
        String nasty = "Secretary of Condition </script><script>alert(1)</script> <!-- & \u2028 -->\n";
        String file = Cli.write(dir.resolve("nasty.txt"), nasty);
        String html = report(dir.resolve("r.html"), file);
        assertThat(html.split("</script>", -1)).hasSize(3); // the data script and the page script
        assertThat(html).doesNotContain("alert(1)</");
        JsonNode doc = data(html).get("docs").get(0);
        assertThat(doc.get("t").get(0).get(1).asText()).isEqualTo(nasty);
    }

    @Test
    void jsonlSampleIsReproducibleAndBadLinesAreSkipped(@TempDir Path dir) throws IOException {
        StringBuilder jsonl = new StringBuilder();
        for (int i = 1; i <= 60; i++) {
            jsonl.append(i == 3 ? "{\"body\": \"no text field\"}" : i == 4 ? "{not json"
                    : "{\"id\": " + i + ", \"text\": \"Document " + i + " on the Countrywide Press Club.\"}").append('\n');
        }
        String file = Cli.write(dir.resolve("docs.jsonl"), jsonl.toString());
        Cli.Result r = Cli.run("", "report", "--jsonl", "--sample", "10", "--seed", "7", "-o",
                dir.resolve("a.html").toString(), file);
        assertThat(r.err()).isEqualTo("unspin: warning: " + file + ":3: no \"text\" field, skipped\n"
                + "unspin: warning: " + file + ":4: malformed JSON (Unexpected character ('n' (code 110)): was expecting "
                + "double-quote to start field name), skipped\n");
        JsonNode a = data(Files.readString(dir.resolve("a.html")));
        assertThat(a.get("summary").get("inputDocuments").asInt()).isEqualTo(58);
        assertThat(a.get("docs")).hasSize(10);
        List<Integer> lines = new ArrayList<>();
        a.get("docs").forEach(d -> lines.add(Integer.parseInt(d.get("n").asText().substring(file.length() + 1))));
        assertThat(lines).isSorted().doesNotContain(3, 4);
        a.get("docs").forEach(d -> assertThat(d.get("t").get(0).get(1).asText())
                .isEqualTo("Document " + Integer.parseInt(d.get("n").asText().substring(file.length() + 1))
                        + " on the Countrywide Press Club."));

        report(dir.resolve("b.html"), "--jsonl", "--sample", "10", "--seed", "7", file);
        assertThat(data(Files.readString(dir.resolve("b.html"))).get("docs")).isEqualTo(a.get("docs"));
        report(dir.resolve("c.html"), "--jsonl", "--sample", "10", "--seed", "8", file);
        assertThat(data(Files.readString(dir.resolve("c.html"))).get("docs")).isNotEqualTo(a.get("docs"));
    }

    @Test
    void directoriesAndCompressedFilesAreReadAsCorpusModeReadsThem(@TempDir Path dir) throws IOException {
        Path corpus = Path.of("testdata/records/corpus");
        JsonNode all = data(report(dir.resolve("all.html"), corpus.toString()));
        assertThat(all.get("docs")).extracting(d -> d.get("n").asText()).containsExactly(
                corpus.resolve("a.txt").toString(), corpus.resolve("good.jsonl") + ":1",
                corpus.resolve("good.jsonl") + ":2", corpus.resolve("sub/b.txt.gz").toString(),
                corpus.resolve("sub/c.jsonl.zst") + ":1");
        JsonNode zst = data(report(dir.resolve("zst.html"), "--include", "*.zst", corpus.toString()));
        assertThat(zst.get("docs")).singleElement().satisfies(d -> assertThat(d.get("t").get(0).get(1).asText())
                .isEqualTo("From a zstd file."));

        // A bad text file is skipped like a bad JSONL line; --strict stops at it.
        String invalid = "testdata/records/invalid.txt";
        String binary = "testdata/records/binary.txt";
        Cli.Result r = Cli.run("", "report", "-o", dir.resolve("bad.html").toString(), invalid, binary,
                "testdata/spun-news.txt");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).isEqualTo("unspin: warning: " + invalid + ":2: invalid UTF-8 at byte offset 18, skipped\n"
                + "unspin: warning: " + binary + ":1: binary file, not text, skipped\n");
        assertThat(data(Files.readString(dir.resolve("bad.html"))).get("docs")).hasSize(1);
        Cli.Result strict = Cli.run("", "report", "--strict", "-o", dir.resolve("s.html").toString(), invalid);
        assertThat(strict.exit()).isEqualTo(Main.USAGE);
        assertThat(strict.err()).isEqualTo("unspin: " + invalid + ":2: invalid UTF-8 at byte offset 18\n");
        assertThat(dir.resolve("s.html")).doesNotExist();
    }

    @Test
    void standardInputIsOneDocumentAndBadOptionsAreUsageErrors(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("r.html");
        Cli.Result r = Cli.run("Secretary of Condition Mike Pompeo spoke.", "report", "-o", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode doc = data(Files.readString(out)).get("docs").get(0);
        assertThat(doc.get("n").asText()).isEqualTo("<stdin>");
        assertThat(doc.get("e")).hasSize(1);
        Cli.Result bad = Cli.run("", "report", "--sample", "0", "-o", out.toString(), "testdata/spun-news.txt");
        assertThat(bad.exit()).isEqualTo(Main.USAGE);
        assertThat(bad.err()).startsWith("unspin: --sample must be at least 1, got 0");
        Cli.Result missing = Cli.run("", "report", "-o", out.toString(), dir.resolve("none.txt").toString());
        assertThat(missing.err()).isEqualTo("unspin: " + dir.resolve("none.txt") + ": no such file\n");
    }

    @Test
    void aLongDocumentKeepsOnlyTheTextAroundItsEdits(@TempDir Path dir) throws IOException {
        String filler = "The committee met again and nothing of note happened. ".repeat(2000); // 110,000 chars
        String text = filler + "Then the Countrywide Press Club spoke. " + filler;
        String html = report(dir.resolve("r.html"), Cli.write(dir.resolve("long.txt"), text));
        JsonNode doc = data(html).get("docs").get(0);
        assertThat(doc.get("t")).hasSize(2); // the start, and the edit with its context
        assertThat(doc.get("t").get(1).get(1).asText()).hasSize(2 * 300 + "Countrywide Press Club".length());
        assertThat(original(doc, doc.get("e").get(0))).isEqualTo("Countrywide Press Club");
        assertThat(html.length()).isLessThan(25_000); // of a 220,000-character document
    }

    @Test
    void theReportExportFormatIsAcceptedByAllow(@TempDir Path dir) throws IOException {
        // Exactly the lines the page's exportTsv() writes (a browser test exercises the page itself).
        String tsv = Cli.write(dir.resolve("unspin-allow.tsv"), """
                # unspin allow list: edits marked wrong in the review report
                phrase\treplacement\tcategory\tdocument\tnote
                Countrywide Press Club\tNational Press Club\tspun-name\ttestdata/spun-news.txt\tmarked wrong in review
                Innovative Guard\t\tspun-name\ttestdata/spun-news.txt\tmarked wrong in review
                """);
        Cli.Result before = Cli.run("", "check", "testdata/spun-news.txt");
        Cli.Result after = Cli.run("", "check", "--allow", tsv, "testdata/spun-news.txt");
        List<String> expected = before.out().lines()
                .filter(l -> !l.contains("'Countrywide Press Club'") && !l.contains("'Innovative Guard'")).toList();
        assertThat(after.out().lines().toList()).isEqualTo(expected).hasSize(before.out().lines().count() > 2
                ? (int) before.out().lines().count() - 2 : -1);
    }
}
