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
import org.unspin.lexicon.NgramModel;
import org.unspin.lexicon.Thesaurus;

class SubstitutionMinerTest {
    private static NgramModel lm;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() throws Exception {
        Optional<Path> model = NgramModel.findInstalled();
        lm = model.isPresent() ? NgramModel.open(model.get()) : null;
    }

    static List<MinedSubstitution> mine(Path jsonl, int threads) {
        SubstitutionMiner miner = new SubstitutionMiner(lm, Thesaurus.shipped(), SubstitutionMiner.Settings.DEFAULT);
        SubstitutionMiner.State state = miner.newState();
        CorpusReader reader = new CorpusReader(new NgramCounter(1000), miner, state, true, "text", false, List.of(),
                threads, w -> { });
        reader.read(jsonl.toString(), null);
        return miner.mine(state, threads);
    }

    @Test
    void recoversPlantedSubstitutionsAndProposesFewOthers() throws Exception {
        assumeTrue(lm != null, "needs the pocketsphinx-en-us language model");
        assumeTrue(Files.isDirectory(PlantedCorpus.SOTU), "run scripts/fetch-corpora.sh");
        PlantedCorpus corpus = new PlantedCorpus(lm, Thesaurus.shipped(), 1946, 0.2);
        long t0 = System.nanoTime();
        List<MinedSubstitution> spun = mine(PlantedCorpus.jsonl(dir.resolve("spun.jsonl"), corpus.spun), 2);
        long t1 = System.nanoTime();
        List<MinedSubstitution> clean = mine(PlantedCorpus.jsonl(dir.resolve("clean.jsonl"), corpus.clean), 2);
        int found = 0, others = 0;
        for (MinedSubstitution m : spun) {
            if (m.original().equals(corpus.planted.get(m.observed()))) {
                found++;
            } else if (!corpus.planted.containsKey(m.observed())) {
                others++;
                System.out.println("OTHER " + m.observed() + " -> " + m.original() + " " + m.note());
            }
        }
        for (var e : corpus.planted.entrySet()) {
            boolean hit = spun.stream().anyMatch(m -> m.observed().equals(e.getKey()) && m.original().equals(e.getValue()));
            System.out.println((hit ? "HIT  " : "MISS ") + e.getKey() + " -> " + e.getValue() + " " + spun.stream().filter(m -> m.observed().equals(e.getKey()) && m.original().equals(e.getValue())).map(MinedSubstitution::note).findFirst().orElse(""));
        }
        clean.forEach(m -> System.out.println("CLEAN " + m.observed() + " -> " + m.original() + " " + m.note()));
        System.out.printf("docs %d spun %d planted %d found %d others %d clean %d; %.1f s%n", corpus.clean.size(),
                corpus.spunDocuments, corpus.planted.size(), found, others, clean.size(), (t1 - t0) / 1e9);
    }
}
