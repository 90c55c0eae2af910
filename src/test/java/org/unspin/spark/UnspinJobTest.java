package org.unspin.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unspin.Unspinner;
import org.unspin.corpus.RecordAnnotator;
import org.unspin.corpus.RecordAnnotator.EditDetail;

/** Runs the job in-process on local[2] and compares it with RecordAnnotator applied directly, as the CLI does. */
class UnspinJobTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static SparkSession spark;

    @TempDir
    static Path dir;

    @BeforeAll
    static void startSpark() {
        spark = SparkSession.builder()
                .master("local[2]")
                .appName("UnspinJobTest")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                // Small splits: the test input becomes several partitions, so order across them is checked too.
                .config("spark.sql.files.maxPartitionBytes", "2048")
                .getOrCreate();
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    /** Every paragraph of the samples as a record, a malformed line and a record without text. */
    private static List<String> inputLines() throws IOException {
        List<String> lines = new ArrayList<>();
        int id = 0;
        for (String sample : List.of("spun-news.txt", "spun-science.txt", "clean-sotu-excerpt.txt")) {
            for (String paragraph : Files.readString(Path.of("testdata", sample)).split("\n\\s*\n")) {
                if (paragraph.isBlank()) {
                    continue;
                }
                ObjectNode record = JSON.createObjectNode();
                record.put("id", ++id);
                record.put("text", paragraph.strip());
                record.put("source", sample);
                record.putObject("meta").put("lang", "en").put("weight", 0.5);
                lines.add(JSON.writeValueAsString(record));
            }
            if (sample.equals("spun-science.txt")) {
                lines.add("{\"id\": " + ++id + ", \"text\": \"a broken line");
                lines.add("{\"id\":" + ++id + ",\"body\":\"no text field here\"}");
            }
        }
        return lines;
    }

    private static List<String> expected(List<String> lines, RecordAnnotator annotator) throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            try {
                ObjectNode record = (ObjectNode) JSON.readTree(line);
                annotator.annotate(record);
                out.add(JSON.writeValueAsString(record));
            } catch (IOException | RecordAnnotator.BadRecordException e) {
                out.add(line);
            }
        }
        return out;
    }

    private static List<String> readParts(Path folder) throws IOException {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> parts = Files.list(folder)) {
            for (Path part : parts.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().toList()) {
                lines.addAll(Files.readAllLines(part, StandardCharsets.UTF_8));
            }
        }
        return lines;
    }

    private static String runJob(String... args) {
        StringWriter err = new StringWriter();
        int code = UnspinJob.run(spark, new PrintWriter(err, true), args);
        assertThat(code).as(err.toString()).isZero();
        return err.toString();
    }

    @Test
    void jsonlOutputEqualsTheAnnotatorLineByLine() throws IOException {
        List<String> lines = inputLines();
        Path in = Files.write(dir.resolve("in.jsonl"), lines);
        Path out = dir.resolve("out-jsonl");

        String report = runJob("--input", in.toString(), "--output", out.toString(), "--edits", "full",
                "--keep-original", "original");

        RecordAnnotator annotator = new RecordAnnotator(Unspinner.withDefaults(), "text", true, EditDetail.FULL,
                "original");
        List<String> actual = readParts(out);
        assertThat(actual).containsExactlyElementsOf(expected(lines, annotator));
        assertThat(actual).anySatisfy(l -> assertThat(l).contains("Secretary of State Mike Pompeo"));
        assertThat(actual).filteredOn(l -> l.contains("clean-sotu-excerpt.txt")).isNotEmpty()
                .allSatisfy(l -> assertThat(l).contains("\"changed\":false"));
        assertThat(report).contains("bad lines passed through unchanged: 2")
                .contains("malformed JSON").contains("no \"text\" field");
        assertThat(spark.read().textFile(in.toString()).javaRDD().getNumPartitions()).isGreaterThan(1);
    }

    @Test
    void jsonlOutputEqualsTheCommandLineOutput() throws IOException {
        List<String> lines = inputLines();
        Path in = Files.write(dir.resolve("cli-in.jsonl"), lines);
        Path cliOut = dir.resolve("cli-out.jsonl");
        StringWriter err = new StringWriter();
        int code = org.unspin.cli.Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err, true),
                "fix", "--jsonl", "--quiet", "--edits", "full", "--keep-original", "original", in.toString(),
                "-o", cliOut.toString());
        assertThat(code).as(err.toString()).isZero();
        Path sparkOut = dir.resolve("spark-out");
        runJob("--input", in.toString(), "--output", sparkOut.toString(), "--edits", "full",
                "--keep-original", "original");

        assertThat(readParts(sparkOut)).containsExactlyElementsOf(Files.readAllLines(cliOut, StandardCharsets.UTF_8))
                .hasSize(lines.size());
    }

    @Test
    void aLineWithInvalidUtf8IsABadRecordPassedThroughByteForByteAsInTheCommandLine() throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        bytes.writeBytes("{\"id\":1,\"text\":\"Secretary of Condition spoke.\"}\n".getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(new byte[] {'{', '"', 't', 'e', 'x', 't', '"', ':', '"', 'c', 'a', 'f', (byte) 0xFF, '"', '}', '\n'});
        bytes.writeBytes("\n{\"id\":3,\"text\":\"All is well.\"}\n".getBytes(StandardCharsets.UTF_8));
        Path in = Files.write(dir.resolve("utf8-in.jsonl"), bytes.toByteArray());
        Path cliOut = dir.resolve("utf8-cli.jsonl");
        StringWriter err = new StringWriter();
        int code = org.unspin.cli.Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err, true),
                "fix", "--jsonl", "--quiet", in.toString(), "-o", cliOut.toString());
        assertThat(code).isZero();
        assertThat(err.toString()).isEqualTo(in + ":2: invalid UTF-8 at byte offset 60" + System.lineSeparator());
        Path sparkOut = dir.resolve("utf8-spark");
        String report = runJob("--input", in.toString(), "--output", sparkOut.toString());

        java.io.ByteArrayOutputStream parts = new java.io.ByteArrayOutputStream();
        try (Stream<Path> files = Files.list(sparkOut)) {
            for (Path part : files.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().toList()) {
                parts.writeBytes(Files.readAllBytes(part));
            }
        }
        assertThat(parts.toByteArray()).isEqualTo(Files.readAllBytes(cliOut));
        assertThat(report).contains("bad lines passed through unchanged: 1")
                .contains("unspin: bad line: " + in + " at byte 48: invalid UTF-8 at byte offset 60: ");
    }

    @Test
    void aFolderIsReadRecursivelyInPathOrderWithoutHiddenFiles() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("folder-in/sub"));
        Files.writeString(folder.resolveSibling("b.jsonl"), "{\"id\":\"b\",\"text\":\"Bee.\"}\n");
        Files.writeString(folder.resolveSibling("a.jsonl"), "{\"id\":\"a\",\"text\":\"Ay.\"}\n");
        Files.writeString(folder.resolve("c.jsonl"), "{\"id\":\"c\",\"text\":\"See.\"}\n");
        Files.writeString(folder.resolveSibling("_SUCCESS"), "");
        Files.writeString(folder.resolveSibling(".a.jsonl.crc"), "not a record\n");
        Path out = dir.resolve("folder-out");
        runJob("--input", folder.getParent().toString(), "--output", out.toString(), "--edits", "none");
        assertThat(readParts(out)).extracting(l -> JSON.readTree(l).get("id").asText()).containsExactly("a", "b", "c");
    }

    @Test
    void checkModeLeavesTheTextAndReportsEdits() throws IOException {
        List<String> lines = inputLines();
        Path in = Files.write(dir.resolve("in-check.jsonl"), lines);
        Path out = dir.resolve("out-check");

        runJob("--input", in.toString(), "--output", out.toString(), "--mode", "check", "--edits", "summary");

        RecordAnnotator annotator = new RecordAnnotator(Unspinner.withDefaults(), "text", false,
                EditDetail.SUMMARY, null);
        assertThat(readParts(out)).containsExactlyElementsOf(expected(lines, annotator));
    }

    @Test
    void parquetRoundTripKeepsColumnsAndAddsTheUnspinStruct() throws IOException {
        // Spark keeps the malformed line in a _corrupt_record column and gives the others a null there; the
        // record without text has a null text: both are rows the job must pass through.
        Path jsonl = Files.write(dir.resolve("for-parquet.jsonl"), inputLines());
        Path in = dir.resolve("in.parquet");
        spark.read().json(jsonl.toString()).write().parquet(in.toString());
        Dataset<Row> input = spark.read().parquet(in.toString());
        Path out = dir.resolve("out.parquet");

        runJob("--input", in.toString(), "--output", out.toString(), "--format", "parquet");

        Dataset<Row> output = spark.read().parquet(out.toString());
        List<String> inputColumns = new ArrayList<>(List.of(input.schema().fieldNames()));
        inputColumns.add("unspin");
        assertThat(output.schema().fieldNames()).containsExactlyElementsOf(inputColumns);
        assertThat(output.schema().apply("unspin").dataType())
                .isEqualTo(OutputSchema.unspin(EditDetail.SUMMARY));

        RecordAnnotator annotator = new RecordAnnotator(Unspinner.withDefaults(), "text", true,
                EditDetail.SUMMARY, null);
        List<JsonNode> expected = new ArrayList<>();
        for (String line : expected(input.toJSON().collectAsList(), annotator)) {
            expected.add(JSON.readTree(line));
        }
        List<JsonNode> actual = new ArrayList<>();
        for (String line : output.toJSON().collectAsList()) {
            actual.add(JSON.readTree(line));
        }
        // Spark reads the files of a Parquet folder largest first, so only the set of rows is comparable.
        assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(actual).anySatisfy(r -> assertThat(r.path("unspin").path("changed").asBoolean()).isTrue());
        assertThat(actual).filteredOn(r -> r.has("_corrupt_record")).singleElement()
                .satisfies(r -> assertThat(r.has("unspin")).isFalse());
    }

    @Test
    void parquetToJsonlWritesTheSameLinesAsTheAnnotator() throws IOException {
        Path jsonl = Files.write(dir.resolve("for-parquet-jsonl.jsonl"), inputLines());
        Path in = dir.resolve("in2.parquet");
        spark.read().json(jsonl.toString()).write().parquet(in.toString());
        Path out = dir.resolve("out2-jsonl");

        runJob("--input", in.toString(), "--output", out.toString(), "--format", "parquet",
                "--output-format", "jsonl", "--edits", "none");

        RecordAnnotator annotator = new RecordAnnotator(Unspinner.withDefaults(), "text", true, EditDetail.NONE, null);
        List<String> rows = spark.read().parquet(in.toString()).toJSON().collectAsList();
        assertThat(readParts(out)).containsExactlyInAnyOrderElementsOf(expected(rows, annotator));
    }

    @Test
    void extraDictionaryComesFromSparkFiles() throws IOException {
        Path table = Files.writeString(dir.resolve("extra-phrases.tsv"),
                "spun\tcanonical\tcategory\tconfidence\tnote\n"
                        + "crimson planet\tred planet\tspun-phrase\t0.95\tred → crimson\n");
        spark.sparkContext().addFile(table.toString()); // what spark-submit --files does
        Path in = Files.write(dir.resolve("in-dict.jsonl"),
                List.of("{\"id\":1,\"text\":\"Probes keep landing on the crimson planet.\"}"));
        Path out = dir.resolve("out-dict");

        // A bare file name that does not exist in the working folder: only SparkFiles knows where it is.
        assertThat(Path.of("extra-phrases.tsv")).doesNotExist();
        runJob("--input", in.toString(), "--output", out.toString(), "--dict", "extra-phrases.tsv");

        assertThat(readParts(out)).singleElement().asString().contains("landing on the red planet.")
                .contains("\"byCategory\":{\"spun-phrase\":1}");
    }

    @Test
    void allowListFromSparkFilesKeepsTheMarkedPhraseOnly() throws IOException {
        Path allow = Files.writeString(dir.resolve("reviewed-allow.tsv"), "phrase\nCountrywide Press Club\n");
        spark.sparkContext().addFile(allow.toString());
        Path in = Files.write(dir.resolve("in-allow.jsonl"), List.of("{\"id\":1,\"text\":\"Secretary of "
                + "Condition Mike Pompeo spoke at the Countrywide Press Club.\"}"));
        Path out = dir.resolve("out-allow");

        runJob("--input", in.toString(), "--output", out.toString(), "--allow", "reviewed-allow.tsv");

        assertThat(readParts(out)).singleElement().asString()
                .contains("Secretary of State Mike Pompeo spoke at the Countrywide Press Club.");
    }

    @Test
    void missingDictionaryIsOneLineUsageError() throws IOException {
        Path in = Files.write(dir.resolve("in-nodict.jsonl"), List.of("{\"text\":\"Fine words.\"}"));
        StringWriter err = new StringWriter();
        int code = UnspinJob.run(spark, new PrintWriter(err, true), "--input", in.toString(), "--output",
                dir.resolve("never").toString(), "--dict", "no-such-table.tsv");
        assertThat(code).isEqualTo(UnspinJob.USAGE);
        assertThat(err.toString()).isEqualTo("unspin-spark: --dict no-such-table.tsv: no such file, neither here "
                + "nor among the files shipped with spark-submit --files" + System.lineSeparator());
        assertThat(dir.resolve("never")).doesNotExist();
    }

    @Test
    void badInputOutputAndColumnAreOneLineUsageErrors() throws IOException {
        Path numbers = dir.resolve("numbers.parquet");
        spark.range(3).write().parquet(numbers.toString());
        Path existing = Files.createDirectories(dir.resolve("existing-output"));
        Path jsonl = Files.write(dir.resolve("one.jsonl"), List.of("{\"text\":\"Fine words.\"}"));

        assertThat(failure("--input", numbers.toString(), "--output", dir.resolve("o1").toString(),
                "--format", "parquet", "--text-field", "id"))
                .isEqualTo("unspin-spark: --text-field id: the column is bigint, not a string");
        assertThat(failure("--input", numbers.toString(), "--output", dir.resolve("o2").toString(),
                "--format", "parquet"))
                .isEqualTo("unspin-spark: --text-field text: the input has no such column (it has id)");
        assertThat(failure("--input", dir.resolve("absent.jsonl").toString(), "--output",
                dir.resolve("o3").toString()))
                .isEqualTo("unspin-spark: --input " + dir.resolve("absent.jsonl") + ": no such file or folder");
        assertThat(failure("--input", jsonl.toString(), "--output", existing.toString()))
                .startsWith("unspin-spark: [PATH_ALREADY_EXISTS]").contains("existing-output");
        assertThat(failure("--input", jsonl.toString(), "--output", dir.resolve("o4").toString(),
                "--min-confidence", "1.5"))
                .isEqualTo("unspin-spark: Invalid value for option '--min-confidence': '1.5' is outside 0..1 (see --help)");
    }

    /** Runs a job that must fail as a usage error; returns its one line of error output. */
    private static String failure(String... args) {
        StringWriter err = new StringWriter();
        int code = UnspinJob.run(spark, new PrintWriter(err, true), args);
        assertThat(code).as(err.toString()).isEqualTo(UnspinJob.USAGE);
        assertThat(err.toString()).endsWith(System.lineSeparator()).hasLineCount(1);
        return err.toString().strip();
    }
}
