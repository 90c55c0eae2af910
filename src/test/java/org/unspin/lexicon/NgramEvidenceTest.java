package org.unspin.lexicon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * Step-2 groundwork: in the same context, the trigram model prefers the original phrase to its spun synonym
 * substitute. Margins are printed (log10 units) so that thresholds can be chosen from real numbers later.
 */
class NgramEvidenceTest {
    /** {original, spun, context with {} where the phrase goes}. */
    private static final String[][] PAIRS = {
        {"travel documents", "journey paperwork", "they need {} to cross the border"},
        {"travel documents", "journey paperwork", "the refugees had no {}"},
        {"lift sanctions", "carry sanctions", "the united nations voted to {} against iraq"},
        {"lift sanctions", "carry sanctions", "the council agreed to {} on the country"},
        {"as well as", "as perfectly as", "she can sing {} her sister"},
        {"as well as", "as perfectly as", "it works {} the old one"},
        {"deep learning", "profound learning", "recent advances in {}"},
        {"deep learning", "profound learning", "<s> {} is a new field"},
        {"the regime in tehran", "the routine in tehran", "new sanctions against {}"},
        {"the regime in tehran", "the routine in tehran", "talks with {} have failed"},
        {"secretary of state", "secretary of condition", "<s> the {} said on monday </s>"},
        {"secretary of state", "secretary of condition", "he met the {} in washington"},
    };

    @Test
    void originalPhraseScoresHigherThanSpunPhraseInContext() throws IOException {
        NgramModel lm = NgramModelTest.installedModel();
        double smallest = Double.POSITIVE_INFINITY;
        for (String[] pair : PAIRS) {
            String original = pair[2].replace("{}", pair[0]);
            String spun = pair[2].replace("{}", pair[1]);
            double margin = lm.scoreSequence(original.split(" ")) - lm.scoreSequence(spun.split(" "));
            System.out.printf("[ngram] margin %+.2f log10: \"%s\" over \"%s\" in \"%s\"%n", margin, pair[0], pair[1], pair[2]);
            assertThat(margin).as(spun).isPositive();
            smallest = Math.min(smallest, margin);
        }
        System.out.printf("[ngram] smallest margin %.2f log10%n", smallest);
    }

    @Test
    void cleanTextOutscoresAShuffleOfItsOwnWords() throws IOException {
        // A control that the scores track word order, not just word frequency.
        NgramModel lm = NgramModelTest.installedModel();
        double clean = lm.scoreSequence("the", "secretary", "of", "state", "said", "on", "monday");
        double shuffled = lm.scoreSequence("monday", "of", "said", "the", "on", "state", "secretary");
        assertThat(clean).isGreaterThan(shuffled + 3);
    }
}
