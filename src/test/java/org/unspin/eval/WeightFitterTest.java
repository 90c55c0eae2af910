package org.unspin.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.unspin.detect.CandidateDetector;

class WeightFitterTest {
    private static final int MARGIN = CandidateDetector.FEATURES.indexOf("lm-margin");
    private static final int RIVAL = CandidateDetector.FEATURES.indexOf("close-rival");

    /** Correct candidates have large language-model margins and no close rival; wrong ones the reverse. */
    private static List<WeightFitter.Example> examples(long seed) {
        Random random = new Random(seed);
        List<WeightFitter.Example> out = new ArrayList<>();
        for (int i = 0; i < 4000; i++) {
            boolean correct = i % 4 == 0;
            double[] f = new double[CandidateDetector.FEATURES.size()];
            f[0] = 1;
            f[MARGIN] = (correct ? 3.0 : 0.5) + random.nextGaussian();
            f[RIVAL] = random.nextDouble() < (correct ? 0.1 : 0.7) ? 1 : 0;
            out.add(new WeightFitter.Example(f, correct, !correct && i % 3 == 0));
        }
        return out;
    }

    @Test
    void learnsWhichEvidenceMattersAndMeetsThePrecisionTarget() {
        WeightFitter.Fit fit = WeightFitter.fit(examples(1), 0.8, 0.97);
        assertThat(fit.weights()[MARGIN]).isGreaterThan(1.0);
        assertThat(fit.weights()[RIVAL]).isLessThan(0.0);
        assertThat(fit.rewritesAtThreshold()).isGreaterThan(100);
        assertThat(fit.precisionAtThreshold()).isGreaterThanOrEqualTo(0.97);
        assertThat(fit.positives()).isEqualTo(1000);
    }

    @Test
    void writtenWeightsReadBackAsTheDetectorsWeights() {
        WeightFitter.Fit fit = WeightFitter.fit(examples(2), 0.8, 0.97);
        CandidateDetector.Weights read = CandidateDetector.Weights.parse(
                WeightFitter.toTsv(fit, 0.25, "test fit"), "fit.txt");
        assertThat(read.reportFloor()).isEqualTo(0.25);
        for (int k = 0; k < fit.weights().length; k++) {
            assertThat(read.values()[k]).isCloseTo(fit.weights()[k], org.assertj.core.api.Assertions.within(1e-4));
        }
    }
}
