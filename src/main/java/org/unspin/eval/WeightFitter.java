package org.unspin.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.unspin.detect.CandidateDetector;
import org.unspin.detect.CandidateDetector.Candidate;
import org.unspin.edit.Edit;
import org.unspin.edit.OffsetMap;
import org.unspin.tokenise.TokenList;
import org.unspin.tokenise.Tokeniser;

/**
 * Fits the generalising detector's weights on the dev split: every candidate the detector proposes on spun
 * dev documents is an example, positive when it restores exactly the clean text of its span; every candidate
 * on the clean documents is negative. A logistic regression (L2-regularised, batch gradient descent) gives
 * the weights; then the bias is lowered until the candidates at or above the rewrite threshold reach the
 * required precision on the dev examples, because a wrong rewrite costs more than a missed one.
 */
public final class WeightFitter {

    /** One candidate with its label: does it restore exactly the clean text of its span? */
    public record Example(double[] features, boolean correct, boolean onClean) {
    }

    /**
     * The examples of a set of documents, with how many swaps the spinner made and how many of them some
     * candidate restores exactly: the most any weights could recover.
     */
    public record Examples(List<Example> examples, long swaps, long restorable) {
    }

    /** The fitted weights and what they do on the dev examples. */
    public record Fit(double[] weights, int examples, int positives, double precisionAtThreshold,
                      int rewritesAtThreshold, int cleanRewritesAtThreshold) {
    }

    private WeightFitter() {
    }

    /** Examples from spun and clean versions of the documents, computed on {@code threads} threads. */
    public static Examples examples(List<EvalDocument> docs, CandidateDetector detector, SpinnerSimulator spinner,
                                    long seed, int threads) {
        ExecutorService pool = Executors.newFixedThreadPool(
                threads > 0 ? threads : Runtime.getRuntime().availableProcessors());
        try {
            List<Future<Examples>> futures = new ArrayList<>();
            for (EvalDocument doc : docs) {
                futures.add(pool.submit(() -> examples(doc, detector, spinner, seed)));
            }
            List<Example> all = new ArrayList<>();
            long swaps = 0, restorable = 0;
            for (Future<Examples> f : futures) {
                Examples one = f.get();
                all.addAll(one.examples());
                swaps += one.swaps();
                restorable += one.restorable();
            }
            return new Examples(all, swaps, restorable);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static Examples examples(EvalDocument doc, CandidateDetector detector, SpinnerSimulator spinner,
                                     long seed) {
        List<Example> out = new ArrayList<>();
        SpinnerSimulator.Spun spun = spinner.spin(doc.text(), Evaluation.documentSeed(seed, doc.id()));
        OffsetMap truth = OffsetMap.of(spun.clean().length(), spun.swaps());
        Set<Integer> restored = new HashSet<>();
        TokenList tokens = Tokeniser.tokenise(spun.spun());
        for (Candidate c : detector.candidates(tokens, new ArrayList<>())) {
            int start = tokens.start(c.first());
            int end = tokens.end(c.first() + c.length() - 1);
            boolean touchesSwap = false;
            for (Edit swap : spun.swaps()) {
                touchesSwap |= truth.toOutput(swap.start()) < end && start < truth.toOutput(swap.end());
            }
            String clean = spun.clean().substring(truth.toInput(start), truth.toInputEnd(end));
            boolean correct = touchesSwap && clean.equalsIgnoreCase(c.canonical());
            if (correct) {
                restored.add(start);
            }
            out.add(new Example(c.features(), correct, false));
        }
        for (Candidate c : detector.candidates(Tokeniser.tokenise(doc.text()), new ArrayList<>())) {
            out.add(new Example(c.features(), false, true));
        }
        return new Examples(out, spun.swaps().size(), restored.size());
    }

    /**
     * Logistic regression, then the bias lowered (never raised) until the examples scoring at or above
     * {@code threshold} are correct at least {@code precision} of the time.
     */
    public static Fit fit(List<Example> examples, double threshold, double precision) {
        int d = CandidateDetector.FEATURES.size();
        double[] w = new double[d];
        double rate = 0.5, l2 = 1e-3;
        int n = examples.size();
        for (int iteration = 0; iteration < 3000; iteration++) {
            double[] gradient = new double[d];
            for (Example e : examples) {
                double p = sigmoid(dot(w, e.features()));
                double error = p - (e.correct() ? 1 : 0);
                for (int k = 0; k < d; k++) {
                    gradient[k] += error * e.features()[k];
                }
            }
            for (int k = 0; k < d; k++) {
                w[k] -= rate * (gradient[k] / n + (k == 0 ? 0 : l2 * w[k]));
            }
        }
        double logit = Math.log(threshold / (1 - threshold));
        for (int step = 0; step < 200; step++) {
            int[] counts = counts(examples, w, logit);
            if (counts[0] == 0 || counts[1] >= precision * counts[0]) {
                return new Fit(w, n, (int) examples.stream().filter(Example::correct).count(),
                        counts[0] == 0 ? Double.NaN : (double) counts[1] / counts[0], counts[0], counts[2]);
            }
            w[0] -= 0.05;
        }
        int[] counts = counts(examples, w, logit);
        return new Fit(w, n, (int) examples.stream().filter(Example::correct).count(),
                counts[0] == 0 ? Double.NaN : (double) counts[1] / counts[0], counts[0], counts[2]);
    }

    /** {at or above threshold, of those correct, of those on clean text}. */
    private static int[] counts(List<Example> examples, double[] w, double logit) {
        int above = 0, correct = 0, clean = 0;
        for (Example e : examples) {
            if (dot(w, e.features()) >= logit) {
                above++;
                correct += e.correct() ? 1 : 0;
                clean += e.onClean() ? 1 : 0;
            }
        }
        return new int[] {above, correct, clean};
    }

    /** The weights as a TSV that {@link CandidateDetector.Weights#parse} reads. */
    public static String toTsv(Fit fit, double reportFloor, String provenance) {
        StringBuilder sb = new StringBuilder();
        sb.append("# Weights of the generalising detector (org.unspin.detect.CandidateDetector).\n");
        sb.append("# ").append(provenance).append('\n');
        sb.append(String.format(Locale.ROOT, "# dev examples %d (%d correct); at the rewrite threshold: %d rewrites, "
                + "precision %.3f, %d on clean text%n", fit.examples(), fit.positives(), fit.rewritesAtThreshold(),
                fit.precisionAtThreshold(), fit.cleanRewritesAtThreshold()));
        sb.append("feature\tweight\n");
        for (int k = 0; k < fit.weights().length; k++) {
            sb.append(CandidateDetector.FEATURES.get(k)).append('\t')
                    .append(String.format(Locale.ROOT, "%.4f", fit.weights()[k])).append('\n');
        }
        sb.append("report-floor\t").append(String.format(Locale.ROOT, "%.4f", reportFloor)).append('\n');
        return sb.toString();
    }

    private static double dot(double[] w, double[] f) {
        double z = 0;
        for (int k = 0; k < w.length; k++) {
            z += w[k] * f[k];
        }
        return z;
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }
}
