package org.unspin.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unspin.lexicon.MinedSubstitution;
import org.unspin.lexicon.NgramModel;
import org.unspin.lexicon.Thesaurus;

/** The miner on a corpus with planted substitutions ({@link PlantedCorpus}) and on the same corpus clean. */
class SubstitutionMinerTest {
    private static NgramModel lm;
    private static PlantedCorpus corpus;
    private static Path spunFile;
    private static Path cleanFile;
    private static List<MinedSubstitution> spun;

    @TempDir
    static Path dir;

    @BeforeAll
    static void mineThePlantedCorpus() throws Exception {
        Optional<Path> model = NgramModel.findInstalled();
        lm = model.isPresent() ? NgramModel.open(model.get()) : null;
        if (lm == null || !Files.isDirectory(PlantedCorpus.SOTU)) {
            return;
        }
        corpus = new PlantedCorpus(lm, Thesaurus.shipped(), 1946, 0.2);
        spunFile = PlantedCorpus.jsonl(dir.resolve("spun.jsonl"), corpus.spun);
        cleanFile = PlantedCorpus.jsonl(dir.resolve("clean.jsonl"), corpus.clean);
        spun = mine(2, spunFile);
    }

    private static void assumeCorpus() {
        assumeTrue(lm != null, "needs the pocketsphinx-en-us language model");
        assumeTrue(corpus != null, "run scripts/fetch-corpora.sh");
    }

    private static SubstitutionMiner miner() {
        return new SubstitutionMiner(lm, Thesaurus.shipped(), SubstitutionMiner.Settings.DEFAULT);
    }

    private static SubstitutionMiner.State read(SubstitutionMiner miner, int threads, Path... files) {
        SubstitutionMiner.State state = miner.newState();
        CorpusReader reader = new CorpusReader(new NgramCounter(1000), miner, state, true, "text", false, List.of(),
                threads, w -> { });
        for (Path f : files) {
            reader.read(f.toString(), null);
        }
        return state;
    }

    static List<MinedSubstitution> mine(int threads, Path... files) {
        SubstitutionMiner miner = miner();
        return miner.mine(read(miner, threads, files), threads);
    }

    @Test
    void recoversMostPlantedSubstitutionsAndProposesFewOthers() {
        assumeCorpus();
        int found = 0, others = 0;
        for (MinedSubstitution m : spun) {
            if (m.original().equals(corpus.planted.get(m.observed()))) {
                found++;
                assertThat(m.examples()).isNotEmpty().allSatisfy(e -> assertThat(e).contains("[" + m.original() + "]"));
                assertThat(m.documents()).isGreaterThanOrEqualTo(3);
            } else if (!corpus.planted.containsKey(m.observed())) {
                others++;
            }
        }
        long wrongOriginal = spun.stream().filter(m -> corpus.planted.containsKey(m.observed())
                && !m.original().equals(corpus.planted.get(m.observed()))).count();
        System.out.printf("planted corpus: %d documents (%d spun), %d planted pairs: %d recovered, %d other rows "
                        + "(%d with a planted observed word but another original)%n", corpus.clean.size(),
                corpus.spunDocuments, corpus.planted.size(), found, others, wrongOriginal);
        assertThat(corpus.planted).hasSizeGreaterThanOrEqualTo(25);
        // A quarter of the occurrences are swapped, so a substitute occurs in 6 to 60 documents and its
        // co-occurrence with the original is weak evidence in a corpus this small: 9 of 30 are recovered, with
        // 4 other rows, since the co-occurrence test (z >= 2) comes before scoring. (With z >= 1.5 after an early
        // cut on the unweighted share, 12 were recovered here, but on the 16,268-document dev corpus of `unspin
        // eval` those gates named 1,098 of the spinner's swaps and these 4,700: docs/evaluation.md,
        // "Co-occurrence first".)
        assertThat(found).isGreaterThanOrEqualTo((int) Math.ceil(0.3 * corpus.planted.size()));
        assertThat(others).isLessThanOrEqualTo(5);
    }

    @Test
    void laterRoundsAddPairsWhoseContextsFallInDocumentsTheFirstRoundMarks() {
        assumeCorpus();
        // The planted corpus is small: its first round gives fewer rows than the default seed, so the
        // later rounds start here from 5 rows.
        assertThat(spun).allSatisfy(m -> assertThat(m.round()).isEqualTo(1));
        assertThat(spun.size()).isLessThan(SubstitutionMiner.Settings.DEFAULT.seedRows());
        SubstitutionMiner.Settings d = SubstitutionMiner.Settings.DEFAULT;
        SubstitutionMiner miner = new SubstitutionMiner(lm, Thesaurus.shipped(), new SubstitutionMiner.Settings(
                d.samples(), d.minDocuments(), d.minOccurrences(), d.minShare(), d.minMargin(), d.minContextMargin(),
                d.minFrequencyRatio(), d.minAffinity(), d.minCooccurrence(), d.maxOriginals(), 5));
        List<MinedSubstitution> rounds = miner.mine(read(miner, 2, spunFile), 2);
        List<MinedSubstitution> later = rounds.stream().filter(m -> m.round() > 1).toList();
        long planted = later.stream().filter(m -> m.original().equals(corpus.planted.get(m.observed()))).count();
        System.out.printf("later rounds on the planted corpus: %d rows, %d of them planted: %s%n", later.size(),
                planted, later.stream().map(m -> m.observed() + "→" + m.original()).toList());
        assertThat(rounds).containsAll(spun); // the first round's rows are kept as they were
        assertThat(later).isNotEmpty().allSatisfy(m -> assertThat(m.note()).contains("round " + m.round()));
        assertThat(planted).isGreaterThan(later.size() / 2);
        // the clean corpus never reaches the seed
        assertThat(miner.mine(read(miner, 2, cleanFile), 2)).allSatisfy(m -> assertThat(m.round()).isEqualTo(1));
    }

    @Test
    void minedRowsShareDocumentsWithTheirOriginalAndASubstituteThatNeverMeetsItIsNotMined() throws Exception {
        assumeCorpus();
        for (MinedSubstitution m : spun) {
            assertThat(m.sharedDocuments()).isPositive();
            assertThat(m.cooccurrence()).isGreaterThanOrEqualTo(SubstitutionMiner.Settings.DEFAULT.minCooccurrence());
            assertThat(m.note()).contains(m.sharedDocuments() + " documents with the original");
        }
        // The same words replaced everywhere in a spun document: a substitute never meets its original, as a
        // domain's own word ("shekels" in scripture, never "pounds") does not, and no planted pair is mined.
        PlantedCorpus everywhere = new PlantedCorpus(lm, Thesaurus.shipped(), 1946, 0.2, true);
        List<MinedSubstitution> rows = mine(2, PlantedCorpus.jsonl(dir.resolve("everywhere.jsonl"), everywhere.spun));
        assertThat(everywhere.planted).isEqualTo(corpus.planted);
        assertThat(rows).noneMatch(m -> m.original().equals(everywhere.planted.get(m.observed())));
    }

    @Test
    void theCleanCorpusGivesAlmostNothing() {
        assumeCorpus();
        List<MinedSubstitution> clean = mine(2, cleanFile);
        System.out.printf("clean corpus: %d rows: %s%n", clean.size(),
                clean.stream().map(m -> m.observed() + "→" + m.original()).toList());
        assertThat(clean.size()).isLessThanOrEqualTo(8);
    }

    @Test
    void theSameRowsForAnyThreadsAndWhenPartsAreMerged() throws Exception {
        assumeCorpus();
        assertThat(mine(1, spunFile)).isEqualTo(spun);
        assertThat(mine(3, spunFile)).isEqualTo(spun);
        // Two parts counted apart and merged, as Spark's partitions are: the same samples, the same rows.
        int half = corpus.spun.size() / 2;
        Path a = PlantedCorpus.jsonl(dir.resolve("a.jsonl"), corpus.spun.subList(half, corpus.spun.size()));
        Path b = PlantedCorpus.jsonl(dir.resolve("b.jsonl"), corpus.spun.subList(0, half));
        SubstitutionMiner miner = miner();
        SubstitutionMiner.State merged = read(miner, 1, a).merge(read(miner, 2, b));
        assertThat(miner.mine(merged, 2)).isEqualTo(spun);
    }

    @Test
    void textFilesGiveTheSameRowsForAnyThreads() throws Exception {
        assumeCorpus();
        // Text input: a file is a document, and a sample's hash comes from the file name and line.
        Path folder = Files.createDirectories(dir.resolve("text"));
        int parts = 12;
        for (int p = 0; p < parts; p++) {
            StringBuilder sb = new StringBuilder();
            for (int i = p; i < corpus.spun.size(); i += parts) {
                sb.append(corpus.spun.get(i)).append("\n\n");
            }
            Files.writeString(folder.resolve("part-" + (char) ('a' + p) + ".txt"), sb);
        }
        // Twelve documents, each a mix of spun and clean ones, all look alike: no spin affinity is asked here.
        SubstitutionMiner miner = new SubstitutionMiner(lm, Thesaurus.shipped(),
                new SubstitutionMiner.Settings(24, 3, 5, 0.8, 1.5, 1.3, 0.5, 0.0, -99, 3, 20));
        List<MinedSubstitution> one = miner.mine(readText(miner, 1, folder), 1);
        assertThat(one).isNotEmpty();
        assertThat(miner.mine(readText(miner, 3, folder), 3)).isEqualTo(one);
    }

    private static SubstitutionMiner.State readText(SubstitutionMiner miner, int threads, Path folder) {
        SubstitutionMiner.State state = miner.newState();
        new CorpusReader(new NgramCounter(1000), miner, state, false, "text", false, List.of(), threads, w -> { })
                .read(folder.toString(), null);
        return state;
    }
}
