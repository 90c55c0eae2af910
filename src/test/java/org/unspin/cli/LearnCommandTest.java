package org.unspin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unspin.lexicon.CorpusModel;

class LearnCommandTest {
    @TempDir
    Path dir;

    @Test
    void learnsFromFilesDirectoriesAndStdinAndWritesTheModel() throws Exception {
        Cli.write(dir.resolve("a.txt"), "The regulatory framework held.\nA regulatory framework,\n");
        Files.createDirectories(dir.resolve("docs/more"));
        Cli.write(dir.resolve("docs/more/b.jsonl"), "{\"body\": \"the regulatory framework\"}\n{oops\n");
        String model = dir.resolve("corpus.model").toString();
        Cli.Result r = Cli.run("regulatory framework\n", "learn", dir.resolve("a.txt").toString(),
                dir.resolve("docs").toString(), "-", "--text-field", "body", "-o", model);
        assertThat(r.exit()).isZero();
        assertThat(r.err()).startsWith(dir.resolve("docs/more/b.jsonl") + ":2: malformed JSON (");
        assertThat(r.out()).startsWith(model + ": 3 files, 5 lines (1 skipped), 12 tokens, ")
                .contains("threshold 0 (0 prunes)").contains("MB/s");
        CorpusModel m = CorpusModel.open(Path.of(model));
        assertThat(m.count("regulatory", "framework")).isEqualTo(4);
        assertThat(m.count("the", "regulatory", "framework")).isEqualTo(2);
        assertThat(m.tokens()).isEqualTo(12);
    }

    @Test
    void badInputFailsWithOneLineAndWritesNoModel() throws Exception {
        Path bad = dir.resolve("bad.txt");
        Files.write(bad, new byte[] {'o', 'k', '\n', (byte) 0xFF, '\n'});
        Path model = dir.resolve("corpus.model");
        Cli.Result r = Cli.run("", "learn", "--strict", bad.toString(), "-o", model.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("unspin: " + bad + ":2: invalid UTF-8 at byte offset 3\n");
        assertThat(model).doesNotExist();
        Cli.Result skipping = Cli.run("", "learn", "--quiet", bad.toString(), "-o", model.toString());
        assertThat(skipping.exit()).isZero();
        assertThat(skipping.err()).isEqualTo(bad + ":2: invalid UTF-8 at byte offset 3, skipped\n");
        Files.delete(model);
        Cli.Result lenient = Cli.run("", "learn", "--lenient", "--quiet", bad.toString(), "-o", model.toString());
        assertThat(lenient.exit()).isZero();
        assertThat(lenient.out()).isEmpty();
        assertThat(lenient.err()).contains("replaced by U+FFFD at byte offset 3");
        assertThat(Cli.run("", "learn", bad.toString()).err()).contains("Missing required option");
    }

    @Test
    void theModelIsTheSameBytesForAnyThreadsAndBadThreadsAreRejected() throws Exception {
        Path model1 = dir.resolve("one.model");
        Path model2 = dir.resolve("two.model");
        Cli.Result one = Cli.run("", "learn", "testdata", "--threads", "1", "--max-ngrams", "500", "-o", model1.toString());
        Cli.Result two = Cli.run("", "learn", "testdata", "--threads", "2", "--max-ngrams", "500", "-o", model2.toString());
        Path model3 = dir.resolve("three.model");
        Cli.Result three = Cli.run("", "learn", "testdata", "--threads", "3", "--max-ngrams", "500", "-o",
                model3.toString());
        assertThat(one.exit()).isZero();
        assertThat(one.out()).doesNotContain("threshold 0 ");
        assertThat(two.err()).isEqualTo(one.err());
        assertThat(three.err()).isEqualTo(one.err());
        assertThat(Files.readAllBytes(model2)).isEqualTo(Files.readAllBytes(model1));
        assertThat(Files.readAllBytes(model3)).isEqualTo(Files.readAllBytes(model1));
        Cli.Result bad = Cli.run("", "learn", "testdata", "--threads", "0", "-o", model1.toString());
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("--threads must be within 1..1024, got 0");
    }

    @Test
    void fixAndCheckTakeTheModelAndRejectACorruptOne() throws Exception {
        Path model = dir.resolve("corpus.model");
        assertThat(Cli.run("She sang as perfectly as ever.\n".repeat(10), "learn", "-", "-o", model.toString(),
                "--quiet").exit()).isZero();
        Cli.Result check = Cli.run("Prices rose, as perfectly as rents.\n", "check", "--no-shipped",
                "--min-confidence", "0", "--model", model.toString());
        assertThat(check.err()).isEmpty();
        assertThat(check.out()).doesNotContain("perfectly");
        Files.write(model, "UNSPINCM".getBytes(StandardCharsets.US_ASCII));
        Cli.Result fix = Cli.run("text\n", "fix", "--model", model.toString());
        assertThat(fix.exit()).isEqualTo(2);
        assertThat(fix.err()).isEqualTo("unspin: " + model + ": corrupt corpus model at byte offset 8: truncated: "
                + "the header needs 32 bytes, the file has 8\n");
    }

    @Test
    void theSubstitutionsAreExportedAsACandidateFileAndNeverOverAnInput() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(org.unspin.lexicon.NgramModel.findInstalled().isPresent(),
                "needs the pocketsphinx-en-us language model");
        Path model = dir.resolve("mined.model");
        Path tsv = dir.resolve("subs.tsv");
        Cli.Result r = Cli.run("", "learn", "testdata", "-o", model.toString(), "--export-substitutions",
                tsv.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains(" substitutions mined from ").contains("exported to " + tsv);
        CorpusModel m = CorpusModel.open(model);
        assertThat(m.version()).isEqualTo(4);
        byte[] table = Files.readAllBytes(tsv);
        assertThat(new String(table, StandardCharsets.UTF_8)).contains("observed\toriginal\tweight\texample\tnote\n");
        assertThat(org.unspin.lexicon.CandidateDictionary.parse(tsv.toString(), table))
                .hasSameSizeAs(m.substitutions());

        Path input = dir.resolve("corpus.txt");
        Cli.write(input, "Some text to learn from.\n");
        Cli.Result refused = Cli.run("", "learn", input.toString(), "-o", model.toString(),
                "--export-substitutions", input.toString());
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.err()).isEqualTo("unspin: " + input + ": refusing to overwrite an input or the model "
                + "with --export-substitutions\n");
        assertThat(Files.readString(input)).isEqualTo("Some text to learn from.\n");

        Cli.Result plain = Cli.run("", "learn", input.toString(), "-o", model.toString(), "--no-mine", "--quiet");
        assertThat(plain.exit()).isZero();
        assertThat(CorpusModel.open(model).version()).isEqualTo(1);
        assertThat(CorpusModel.open(model).substitutions()).isEmpty();
        assertThat(Cli.run("", "learn", input.toString(), "-o", model.toString(), "--no-mine",
                "--export-substitutions", tsv.toString()).err()).contains("--export-substitutions needs mining");
    }
}
