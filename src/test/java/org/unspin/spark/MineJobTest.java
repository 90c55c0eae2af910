package org.unspin.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unspin.corpus.PlantedCorpus;
import org.unspin.lexicon.NgramModel;
import org.unspin.lexicon.Thesaurus;

/** The Spark miner on local[2] writes the same table as {@code unspin learn --export-substitutions}. */
class MineJobTest {
    @TempDir
    Path dir;

    @Test
    void sparkMinesTheSameSubstitutionsAsTheCommandLine() throws Exception {
        Optional<Path> lm = NgramModel.findInstalled();
        assumeTrue(lm.isPresent(), "needs the pocketsphinx-en-us language model");
        assumeTrue(Files.isDirectory(PlantedCorpus.SOTU), "run scripts/fetch-corpora.sh");
        PlantedCorpus corpus = new PlantedCorpus(NgramModel.open(lm.get()), Thesaurus.shipped(), 1980, 0.2);
        Path in = PlantedCorpus.jsonl(dir.resolve("in.jsonl"), corpus.spun);
        Files.writeString(in, "{\"broken\n[1]\n{\"text\": 3}\n", java.nio.file.StandardOpenOption.APPEND);

        Path cli = dir.resolve("cli.tsv");
        StringWriter cliErr = new StringWriter();
        int code = org.unspin.cli.Main.run(new PrintWriter(new StringWriter()), new PrintWriter(cliErr, true),
                "learn", "--jsonl", "--quiet", in.toString(), "-o", dir.resolve("m.model").toString(),
                "--export-substitutions", cli.toString());
        assertThat(code).as(cliErr.toString()).isZero();

        SparkSession spark = SparkSession.builder().master("local[2]").appName("MineJobTest")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "3")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.sql.files.maxPartitionBytes", String.valueOf(Files.size(in) / 3))
                .getOrCreate();
        try {
            assertThat(spark.read().textFile(in.toString()).javaRDD().getNumPartitions()).isGreaterThan(1);
            Path out = dir.resolve("spark.tsv");
            StringWriter err = new StringWriter();
            int sparkCode = MineJob.run(spark, new PrintWriter(err, true), "--input", in.toString(), "--output",
                    out.toString(), "--lm", lm.get().toString());
            assertThat(sparkCode).as(err.toString()).isZero();
            assertThat(err.toString()).contains("substitutions from");
            assertThat(Files.readString(out)).isEqualTo(Files.readString(cli));
            assertThat(Files.readAllLines(out)).hasSizeGreaterThan(2 + 5);
            // a candidate file the restorer reads: every row valid, and the model carries the same rows
            assertThat(org.unspin.lexicon.CandidateDictionary.parse(out.toString(), Files.readAllBytes(out)))
                    .hasSize(Files.readAllLines(out).size() - 2)
                    .allSatisfy(r -> assertThat(r.example()).contains("[" + r.original() + "]"));
            assertThat(org.unspin.lexicon.CorpusModel.open(dir.resolve("m.model")).substitutions())
                    .hasSize(Files.readAllLines(out).size() - 2);
        } finally {
            spark.stop();
        }
    }
}
