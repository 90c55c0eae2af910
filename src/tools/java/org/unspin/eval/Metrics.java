package org.unspin.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.unspin.Repair;
import org.unspin.SpinScore;
import org.unspin.edit.Edit;
import org.unspin.edit.OffsetMap;

/**
 * Accumulates evaluation counts over documents and reports the metrics of the quality section.
 *
 * <p>Truth units are the simulator's swaps, with swaps separated only by spaces merged into one phrase.
 * A phrase is <em>detected</em> when any spin finding (rewrite or report) overlaps it in the spun text, and
 * <em>restored</em> when an applied edit covers it whose replacement equals the clean text of the edit's span.
 * A rewrite is <em>correct</em> exactly when it restores the clean text of its span.
 */
public final class Metrics {
    private long phrases, detected, restored;
    private long swaps, reachableSwaps;
    private long rewrites, correctRewrites, reports, reportsOnTruth;
    private long cleanWords, falseRewritesOnClean, reportsOnClean;
    /** Per {@link #sourceOf source}: rewrites on spun text, how many of them were correct, rewrites on clean text. */
    private final Map<String, long[]> bySource = new TreeMap<>();
    private final List<Double> spunScores = new ArrayList<>();
    private final List<Double> cleanScores = new ArrayList<>();
    private final List<Double> spunContext = new ArrayList<>();
    private final List<Double> cleanContext = new ArrayList<>();
    private final List<Double> spunPrior = new ArrayList<>();
    private final List<Double> cleanPrior = new ArrayList<>();

    /** Counts one spun document against its truth; its spin score enters the AUC. */
    public void addSpun(Spun spun, Repair repair) {
        addSpun(spun, repair, true);
    }

    /**
     * Counts one spun document against its truth; its spin score enters the AUC only if {@code scored}
     * (short documents are pooled by the caller and given to {@link #addSpunScore}).
     */
    public void addSpun(Spun spun, Repair repair, boolean scored) {
        OffsetMap truthMap = OffsetMap.of(spun.clean().length(), spun.swaps());
        List<int[]> truth = mergedSpans(spun, truthMap);
        List<int[]> swapSpans = new ArrayList<>();
        for (Edit s : spun.swaps()) {
            swapSpans.add(new int[] {truthMap.toOutput(s.start()), truthMap.toOutput(s.end())});
        }
        List<Edit> findings = repair.edits().stream().filter(Metrics::isSpin).toList();
        List<Edit> correct = new ArrayList<>();
        for (Edit e : findings) {
            boolean onTruth = truth.stream().anyMatch(t -> overlaps(e, t));
            if (e.applied()) {
                rewrites++;
                long[] counts = bySource.computeIfAbsent(sourceOf(e), k -> new long[3]);
                counts[0]++;
                if (restoresItsSwaps(spun, truthMap, swapSpans, e)) {
                    correctRewrites++;
                    counts[1]++;
                    correct.add(e);
                }
            } else {
                reports++;
                if (onTruth) {
                    reportsOnTruth++;
                }
            }
        }
        String repaired = repair.text();
        OffsetMap repairMap = repair.offsets();
        for (int[] t : truth) {
            phrases++;
            if (findings.stream().anyMatch(e -> overlaps(e, t))) {
                detected++;
            }
            boolean covered = correct.stream().anyMatch(e -> e.start() <= t[0] && t[1] <= e.end());
            boolean rebuilt = findings.stream().anyMatch(e -> e.applied() && overlaps(e, t))
                    && repaired.substring(repairMap.toOutput(t[0]), repairMap.toOutput(t[1]))
                    .equals(spun.clean().substring(truthMap.toInput(t[0]), truthMap.toInputEnd(t[1])));
            if (covered || rebuilt) {
                restored++;
            }
        }
        if (scored) {
            spunScores.add(repair.score().perThousandWords());
            spunContext.add(repair.score().contextAnomaly());
            spunPrior.add(Evaluation.prior(repair.score()));
        }
    }

    /** Counts one clean document: every applied spin edit on it is a false rewrite. Its score enters the AUC. */
    public void addClean(Repair repair) {
        addClean(repair, true);
    }

    /** Counts one clean document; its spin score enters the AUC only if {@code scored}. */
    public void addClean(Repair repair, boolean scored) {
        cleanWords += repair.score().words();
        for (Edit e : repair.edits()) {
            if (isSpin(e)) {
                if (e.applied()) {
                    falseRewritesOnClean++;
                    bySource.computeIfAbsent(sourceOf(e), k -> new long[3])[2]++;
                } else {
                    reportsOnClean++;
                }
            }
        }
        if (scored) {
            cleanScores.add(repair.score().perThousandWords());
            cleanContext.add(repair.score().contextAnomaly());
            cleanPrior.add(Evaluation.prior(repair.score()));
        }
    }

    /**
     * Where a rewrite comes from: its rule and the file of its source without the line ("restorer
     * function-words.tsv", "restorer corpus-model", "phrase-table spun-news.tsv", a context rule's id and file).
     */
    static String sourceOf(Edit e) {
        String file = e.source() == null ? "" : e.source().replaceFirst(":\\d+$", "");
        return file.isEmpty() ? e.rule() : e.rule() + " " + file;
    }

    /**
     * Per source of a rewrite ({@link #sourceOf}), in name order: rewrites on spun text, how many restored the
     * clean text, and rewrites on clean text (false rewrites).
     */
    public Map<String, long[]> rewritesBySource() {
        Map<String, long[]> copy = new TreeMap<>();
        bySource.forEach((k, v) -> copy.put(k, v.clone()));
        return copy;
    }

    /** Adds a spin score (findings per 1,000 words) of a spun document or pool of documents to the AUC. */
    public void addSpunScore(double perThousandWords) {
        spunScores.add(perThousandWords);
    }

    /** Adds a spin score of a clean document or pool of documents to the AUC. */
    public void addCleanScore(double perThousandWords) {
        cleanScores.add(perThousandWords);
    }

    /** Adds the context-anomaly scores of a spun pool of documents and its clean counterpart to that AUC. */
    public void addContextScores(double spun, double clean) {
        spunContext.add(spun);
        cleanContext.add(clean);
    }

    /**
     * Whether an applied edit restores exactly the clean text of the swaps it touches: the edit's span
     * widened to the whole swaps it overlaps, with the edit applied, equals the clean text of that span. (An
     * edit that fixes one word inside a multiword substitute is exact when the rest of the substitute was
     * the original's anyway; an edit on unspun text is never exact.)
     */
    static boolean restoresItsSwaps(Spun spun, Edit e) {
        OffsetMap truthMap = OffsetMap.of(spun.clean().length(), spun.swaps());
        List<int[]> swapSpans = new ArrayList<>();
        for (Edit s : spun.swaps()) {
            swapSpans.add(new int[] {truthMap.toOutput(s.start()), truthMap.toOutput(s.end())});
        }
        return restoresItsSwaps(spun, truthMap, swapSpans, e);
    }

    private static boolean restoresItsSwaps(Spun spun, OffsetMap truthMap, List<int[]> swapSpans, Edit e) {
        int from = e.start(), to = e.end();
        boolean touches = false;
        for (int[] s : swapSpans) {
            if (s[0] < e.end() && e.start() < s[1] || (e.start() == e.end() && s[0] <= e.start() && e.start() <= s[1])) {
                touches = true;
                from = Math.min(from, s[0]);
                to = Math.max(to, s[1]);
            }
        }
        if (!touches) {
            return false;
        }
        String text = spun.spun();
        String result = text.substring(from, e.start()) + e.replacement() + text.substring(e.end(), to);
        return result.equals(spun.clean().substring(truthMap.toInput(from), truthMap.toInputEnd(to)));
    }

    /** Adds the document priors ({@code SpinScore.spinProbability()}) of a spun pool and its clean counterpart. */
    public void addPriorScores(double spun, double clean) {
        spunPrior.add(spun);
        cleanPrior.add(clean);
    }

    /** ROC AUC of the document prior on the units of {@link #scoreAuc()}; NaN when it was not measured. */
    public double priorAuc() {
        boolean measured = spunPrior.stream().anyMatch(x -> !Double.isNaN(x));
        return measured ? auc(spunPrior, cleanPrior) : Double.NaN;
    }

    /** Mean document prior of the spun units. */
    public double meanPriorSpun() {
        return mean(spunPrior);
    }

    /** Mean document prior of the clean units. */
    public double meanPriorClean() {
        return mean(cleanPrior);
    }

    private static double mean(List<Double> xs) {
        return xs.isEmpty() ? Double.NaN : xs.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    /** The truth phrases of a spun document as {start, end} in spun-text offsets (see the class comment). */
    public static List<int[]> phraseSpans(Spun spun) {
        return mergedSpans(spun, OffsetMap.of(spun.clean().length(), spun.swaps()));
    }

    private static boolean isSpin(Edit e) {
        return !SpinScore.HOUSEKEEPING.contains(e.category());
    }

    private static boolean overlaps(Edit e, int[] span) {
        return e.start() < span[1] && span[0] < e.end();
    }

    /** Swap spans in spun-text offsets, neighbours separated only by whitespace merged into one phrase. */
    private static List<int[]> mergedSpans(Spun spun, OffsetMap map) {
        List<int[]> spans = new ArrayList<>();
        for (Edit s : spun.swaps()) {
            int start = map.toOutput(s.start());
            int end = map.toOutput(s.end());
            if (!spans.isEmpty()) {
                int[] last = spans.get(spans.size() - 1);
                if (spun.spun().substring(last[1], start).isBlank()) {
                    last[1] = end;
                    continue;
                }
            }
            spans.add(new int[] {start, end});
        }
        return spans;
    }

    /**
     * Counts the spinner's word swaps and how many of them the detector could undo through one thesaurus
     * link it may follow: the ceiling of word-level restores.
     */
    public void addReach(long swaps, long reachable) {
        this.swaps += swaps;
        this.reachableSwaps += reachable;
    }

    /** Share of swaps whose original is one allowed thesaurus link away from the spun word. */
    public double reach() {
        return ratio(reachableSwaps, swaps);
    }

    public long swaps() {
        return swaps;
    }

    public long reachableSwaps() {
        return reachableSwaps;
    }

    public long phrases() {
        return phrases;
    }

    public long detected() {
        return detected;
    }

    public long restored() {
        return restored;
    }

    public long correctRewrites() {
        return correctRewrites;
    }

    public long reportsOnTruth() {
        return reportsOnTruth;
    }

    public long reportsOnClean() {
        return reportsOnClean;
    }

    /** Spun and clean scores (documents or pools) behind {@link #scoreAuc()}. */
    public int scoredSpun() {
        return spunScores.size();
    }

    public int scoredClean() {
        return cleanScores.size();
    }

    public double detectionRecall() {
        return ratio(detected, phrases);
    }

    public double exactRestoreRecall() {
        return ratio(restored, phrases);
    }

    public double rewritePrecision() {
        return ratio(correctRewrites, rewrites);
    }

    public long rewrites() {
        return rewrites;
    }

    public long reports() {
        return reports;
    }

    public double reportPrecision() {
        return ratio(reportsOnTruth, reports);
    }

    public long cleanWords() {
        return cleanWords;
    }

    public long falseRewritesOnClean() {
        return falseRewritesOnClean;
    }

    public double falseRewritesPer10kWords() {
        return cleanWords == 0 ? 0 : falseRewritesOnClean * 10_000.0 / cleanWords;
    }

    public double reportsOnCleanPer10kWords() {
        return cleanWords == 0 ? 0 : reportsOnClean * 10_000.0 / cleanWords;
    }

    /** ROC AUC of the document spin score, spun documents positive: P(score(spun) > score(clean)), ties half. */
    public double scoreAuc() {
        return auc(spunScores, cleanScores);
    }

    /**
     * ROC AUC of the context-anomaly score ({@link SpinScore#contextAnomaly()}) on the same units as
     * {@link #scoreAuc()}; NaN when the detector did not measure it.
     */
    public double contextAuc() {
        boolean measured = spunContext.stream().anyMatch(x -> x != 0) || cleanContext.stream().anyMatch(x -> x != 0);
        return measured ? auc(spunContext, cleanContext) : Double.NaN;
    }

    private static double auc(List<Double> positive, List<Double> negative) {
        if (positive.isEmpty() || negative.isEmpty()) {
            return Double.NaN;
        }
        double[] neg = negative.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double wins = 0;
        for (double s : positive) {
            int below = lowerBound(neg, s), notAbove = lowerBound(neg, Math.nextUp(s));
            wins += below + 0.5 * (notAbove - below);
        }
        return wins / ((double) positive.size() * negative.size());
    }

    /** The number of entries of the sorted array below x. */
    private static int lowerBound(double[] sorted, double x) {
        int lo = 0, hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static double ratio(long a, long b) {
        return b == 0 ? Double.NaN : (double) a / b;
    }
}
