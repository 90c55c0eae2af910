package org.unspin.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unspin.Repair;
import org.unspin.Unspinner;
import org.unspin.corpus.CorpusModel;
import org.unspin.corpus.NgramCounter;
import org.unspin.lexicon.CanonicalLexicon;
import org.unspin.lexicon.NgramModel;
import org.unspin.lexicon.Thesaurus;
import org.unspin.tokenise.Tokeniser;

/** The user's corpus model as evidence: learnt from generated clean sentences, then used on spun text. */
class CorpusEvidenceTest {
    private static final int RATIO = CandidateDetector.FEATURES.indexOf("corpus-ratio");
    private static final String SPUN = "Officials said the worldwide warming trend will continue.";
    private static final String PLAIN_COMPARISON = "Prices rose, as perfectly as rents.";

    @TempDir
    static Path dir;
    private static Path modelFile;
    private static CandidateDetector withCorpus;
    private static CandidateDetector without;

    /**
     * A few hundred clean sentences: "global warming" often, "worldwide" often but never before "warming", "as
     * perfectly as" a few times.
     */
    @BeforeAll
    static void learn() throws IOException {
        String[] subjects = {"Scientists", "The report", "Farmers", "The minister", "Our readers", "Engineers"};
        String[] verbs = {"warned about", "measured", "discussed", "wrote on", "studied"};
        String[] tails = {"in the Arctic", "this year", "again", "across the coast"};
        NgramCounter counter = new NgramCounter(100_000);
        int n = 0;
        for (String s : subjects) {
            for (String v : verbs) {
                for (String t : tails) {
                    counter.add(s + " " + v + " global warming " + t + ".");
                    counter.add(s + " sold maps worldwide " + t + ".");
                    if (n++ % 20 == 0) {
                        counter.add("She sang as perfectly as the choir did " + t + ".");
                    }
                }
            }
        }
        modelFile = dir.resolve("corpus.model");
        counter.write(modelFile);
        Optional<Path> installed = NgramModel.findInstalled();
        NgramModel lm = installed.isPresent() ? NgramModel.open(installed.get()) : null;
        CandidateDetector.Weights weights = CandidateDetector.Weights.shipped();
        without = new CandidateDetector(CanonicalLexicon.shipped(), Thesaurus.shipped(), lm, (o, c) -> true, weights);
        withCorpus = new CandidateDetector(CanonicalLexicon.shipped(), Thesaurus.shipped(), lm, (o, c) -> true,
                weights, CorpusModel.open(modelFile));
    }

    private static List<CandidateDetector.Candidate> candidates(CandidateDetector d, String text) {
        return d.candidates(Tokeniser.tokenise(text), new ArrayList<>());
    }

    private static CandidateDetector.Candidate globalWarming(CandidateDetector d) {
        return candidates(d, SPUN).stream().filter(c -> c.canonical().equalsIgnoreCase("global warming"))
                .findFirst().orElseThrow();
    }

    @Test
    void theCorpusPrefersTheOriginalOfASpunPhrase() {
        CandidateDetector.Candidate c = globalWarming(withCorpus);
        assertThat(c.features()[RATIO]).as("'global warming' 120 times, 'worldwide warming' never, though 'worldwide' is as common as 'global'")
                .isGreaterThan(2.0);
        assertThat(globalWarming(without).features()[RATIO]).isZero();
        CandidateDetector.Weights w = CandidateDetector.Weights.shipped();
        assertThat(w.z(c.features())).isGreaterThan(w.z(globalWarming(without).features()));
    }

    @Test
    void aPhraseFrequentInTheCorpusIsNeverProposed() {
        int perfectly = 4; // Prices , rose , as perfectly as rents .
        assertThat(candidates(without, PLAIN_COMPARISON))
                .as("without the corpus the detector suspects 'as perfectly as'")
                .anyMatch(c -> c.first() <= perfectly && perfectly < c.first() + c.length());
        assertThat(candidates(withCorpus, PLAIN_COMPARISON))
                .noneMatch(c -> c.first() <= perfectly && perfectly < c.first() + c.length());
    }

    @Test
    void theLibraryTakesTheModelFile() {
        Unspinner unspinner = Unspinner.builder().generalise(true).corpusModel(modelFile).minConfidence(1.0).build();
        Repair clean = unspinner.repair("Scientists measured global warming again.");
        assertThat(clean.text()).isEqualTo("Scientists measured global warming again.");
        assertThat(clean.edits()).isEmpty();
    }
}
