package org.unspin.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.unspin.TestResources;
import org.unspin.lexicon.CanonicalLexicon;
import org.unspin.lexicon.DictionaryException;
import org.unspin.lexicon.NgramModel;
import org.unspin.lexicon.Thesaurus;
import org.unspin.tokenise.TokenList;
import org.unspin.tokenise.Tokeniser;

class CandidateDetectorTest {
    private static CandidateDetector all;
    private static CandidateDetector noLinks;
    private static NgramModel lm;

    @BeforeAll
    static void load() throws IOException {
        Optional<Path> model = NgramModel.findInstalled();
        lm = model.isPresent() ? NgramModel.open(model.get()) : null;
        CandidateDetector.Weights weights = CandidateDetector.Weights.shipped();
        all = new CandidateDetector(CanonicalLexicon.shipped(), Thesaurus.shipped(), lm, (o, c) -> true, weights);
        noLinks = new CandidateDetector(CanonicalLexicon.shipped(), Thesaurus.shipped(), lm, (o, c) -> false, weights);
    }

    private static List<CandidateDetector.Candidate> candidates(CandidateDetector d, String text, List<int[]> known) {
        return d.candidates(Tokeniser.tokenise(text), known);
    }

    private static Optional<CandidateDetector.Candidate> proposal(List<CandidateDetector.Candidate> found,
                                                                  String canonical) {
        return found.stream().filter(c -> c.canonical().equalsIgnoreCase(canonical)).findFirst();
    }

    @Test
    void aSwappedWordInsideAKnownPhraseProposesThePhraseThroughAThesaurusLink() {
        List<CandidateDetector.Candidate> found = candidates(all, "Prices rose, as perfectly as rents.", new ArrayList<>());
        CandidateDetector.Candidate c = proposal(found, "as well as").orElseThrow();
        assertThat(c.first()).isEqualTo(3);
        assertThat(c.length()).isEqualTo(3);
        int link = CandidateDetector.FEATURES.indexOf("link");
        assertThat(c.features()[link]).isGreaterThanOrEqualTo(0.5); // a direct thesaurus link, not a guess
    }

    @Test
    void twoSwapsInAFourWordNameAreFound() {
        List<CandidateDetector.Candidate> found =
                candidates(all, "The Household Armed Services Panel met.", new ArrayList<>());
        CandidateDetector.Candidate c = proposal(found, "House Armed Services Committee").orElseThrow();
        assertThat(c.canonical()).isEqualTo("House Armed Services Committee"); // the lexicon's proper form
        assertThat(c.features()[CandidateDetector.FEATURES.indexOf("extra-swaps")]).isEqualTo(1);
        assertThat(found.stream().filter(x -> x.canonical().equals(c.canonical()) && x.first() == c.first()))
                .as("each phrase proposed once per span").hasSize(1);
    }

    @Test
    void knownPhrasesAreMarkedAndNotRewritten() {
        List<int[]> known = new ArrayList<>();
        List<CandidateDetector.Candidate> found =
                candidates(all, "The Secretary of State spoke at the National Press Club.", known);
        assertThat(known).anySatisfy(span -> assertThat(span).containsExactly(1, 4));
        assertThat(found).noneMatch(c -> c.first() == 1 && c.length() == 3);
        TokenList tokens = Tokeniser.tokenise("The Secretary of State spoke at the National Press Club.");
        assertThat(all.find(tokens, 0.0)).noneMatch(e -> e.original().contains("Secretary of State"));
    }

    @Test
    void theLinkFilterHidesThesaurusLinks() {
        List<CandidateDetector.Candidate> found = candidates(noLinks, "Prices rose, as perfectly as rents.",
                new ArrayList<>());
        assertThat(proposal(found, "as well as")).isEmpty();
    }

    @Test
    void theLanguageModelPrefersTheOriginalInContext() {
        TestResources.need(lm != null, "install pocketsphinx-en-us for the trigram model");
        CandidateDetector.Candidate c = proposal(
                candidates(all, "Prices rose, as perfectly as rents.", new ArrayList<>()), "as well as").orElseThrow();
        assertThat(c.features()[CandidateDetector.FEATURES.indexOf("lm-margin")]).isGreaterThan(2.0);
    }

    @Test
    void weightTablesAreValidated() {
        String good = CandidateDetector.FEATURES.stream().map(f -> f + "\t0.5").reduce("feature\tweight",
                (a, b) -> a + "\n" + b) + "\nreport-floor\t0.5\n";
        assertThat(CandidateDetector.Weights.parse(good, "w.txt").values()).containsOnly(0.5);
        assertThatThrownBy(() -> CandidateDetector.Weights.parse(good.replace("\nbias\t0.5", ""), "w.txt"))
                .isInstanceOf(DictionaryException.class).hasMessageContaining("missing feature 'bias'");
        assertThatThrownBy(() -> CandidateDetector.Weights.parse(good.replace("link\t0.5", "link\tx"), "w.txt"))
                .isInstanceOf(DictionaryException.class).hasMessageStartingWith("w.txt:4:");
        assertThatThrownBy(() -> CandidateDetector.Weights.parse(good + "colour\t1\n", "w.txt"))
                .hasMessageContaining("unknown feature 'colour'");
        assertThatThrownBy(() -> CandidateDetector.Weights.parse(good.replace("report-floor\t0.5", ""), "w.txt"))
                .hasMessageContaining("report-floor");
        assertThatThrownBy(() -> CandidateDetector.Weights.parse("spun\tcanonical\n", "w.txt"))
                .hasMessageStartingWith("w.txt:1:");
    }

    @Test
    void mostProbableIsTheHeadOfAStableSortByMargin() {
        java.util.Random random = new java.util.Random(5);
        for (int round = 0; round < 200; round++) {
            List<double[]> entries = new java.util.ArrayList<>();
            int n = random.nextInt(300);
            for (int i = 0; i < n; i++) {
                // few distinct margins, so ties are common and their order matters
                entries.add(new double[] {i, 0.5 + random.nextInt(12) / 4.0});
            }
            List<double[]> sorted = new java.util.ArrayList<>(entries);
            sorted.sort((x, y) -> Double.compare(y[1], x[1]));
            List<double[]> expected = sorted.subList(0, Math.min(60, sorted.size()));
            assertThat(CandidateDetector.mostProbable(entries, 60)).containsExactlyElementsOf(expected);
        }
    }
}
