package org.unspin.eval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The outcome of an {@link Evaluation} run: metrics per domain and overall, example errors, and the settings,
 * as a text table and as a JSON-ready map.
 */
public record EvalResult(Evaluation.Settings settings, List<DomainResult> domains, DomainResult overall,
        List<String> missedExamples, List<String> wrongExamples, double seconds) {

    /** The metrics of one domain (or "overall") and how many documents went in. */
    public record DomainResult(String name, int docs, Metrics metrics) {
    }

    private static final String HEADER = String.format(Locale.ROOT,
            "%-8s %6s %9s %8s %7s %7s %7s %7s %8s %7s %7s %9s %9s %6s %6s %6s %6s %s",
            "domain", "docs", "words", "phrases", "detect", "reach", "restore", "rw.prec", "rewrites", "reports",
            "rp.prec", "false/10k", "flags/10k", "AUC", "prior", "pr.spn", "pr.cln", "(AUC spun/clean units)");

    /** The metrics table: one row per domain, then overall. */
    public String table() {
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        for (DomainResult d : domains) {
            out.append(row(d)).append('\n');
        }
        if (domains.size() > 1) {
            out.append(row(overall)).append('\n');
        }
        return out.toString();
    }

    /**
     * Where the rewrites of all domains come from: per source ({@code Metrics.sourceOf}), rewrites on spun
     * text, their precision, and rewrites on clean text, most rewrites first.
     */
    public String bySourceTable() {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-52s %8s %7s %7s%n", "rewrites by source",
                "rewrites", "rw.prec", "false"));
        overall.metrics().rewritesBySource().entrySet().stream()
                .sorted(Map.Entry.<String, long[]>comparingByValue(
                        java.util.Comparator.comparingLong((long[] c) -> c[0] + c[2]).reversed()))
                .forEach(e -> out.append(String.format(Locale.ROOT, "%-52s %8d %7s %7d%n", e.getKey(), e.getValue()[0],
                        e.getValue()[0] == 0 ? "-" : fraction((double) e.getValue()[1] / e.getValue()[0]),
                        e.getValue()[2])));
        return out.toString();
    }

    private static String row(DomainResult d) {
        Metrics m = d.metrics();
        return String.format(Locale.ROOT, "%-8s %6d %9d %8d %7s %7s %7s %7s %8d %7d %7s %9.2f %9.2f %6s %6s %6s %6s (%d/%d)",
                d.name(), d.docs(), m.cleanWords(), m.phrases(), fraction(m.detectionRecall()),
                fraction(m.reach()), fraction(m.exactRestoreRecall()), fraction(m.rewritePrecision()), m.rewrites(), m.reports(),
                fraction(m.reportPrecision()), m.falseRewritesPer10kWords(), m.reportsOnCleanPer10kWords(),
                fraction(m.scoreAuc()), fraction(m.priorAuc()), fraction(m.meanPriorSpun()),
                fraction(m.meanPriorClean()), m.scoredSpun(), m.scoredClean());
    }

    private static String fraction(double x) {
        return Double.isNaN(x) ? "-" : String.format(Locale.ROOT, "%.3f", x);
    }

    /** Settings, per-domain and overall numbers (NaN as null), examples and runtime, for {@code --json}. */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("split", settings.split());
        s.put("domains", settings.domains());
        s.put("maxDocsPerDomain", settings.maxDocs() == 0 ? null : settings.maxDocs());
        s.put("seed", settings.seed());
        s.put("spinner", settings.spinner().id());
        s.put("setting", settings.setting().id());
        s.put("spinnerRates", List.of(SpinnerProfile.MIN_RATE, SpinnerProfile.MAX_RATE));
        s.put("spinnerKinds", SpinnerProfile.KINDS.stream().map(Enum::name).sorted().toList());
        s.put("restorerThesaurus", settings.spinner() == SpinnerProfile.Kind.SHARED ? "all" : "moby");
        org.unspin.Settings pipeline = settings.pipeline();
        s.put("shippedTables", pipeline.shippedDictionaries());
        s.put("restorer", pipeline.restorer());
        s.put("oracle", settings.oracle());
        s.put("contextRules", pipeline.contextRules());
        s.put("minConfidence", pipeline.minConfidence());
        s.put("extraDictionaries", pipeline.dictionaries());
        s.put("corpusModel", pipeline.corpusModel());
        s.put("threads", settings.threadCount());
        s.put("operatingPoint", Evaluation.operatingPoint(settings));
        s.put("corpus", settings.corpus());
        json.put("settings", s);
        Map<String, Object> byDomain = new LinkedHashMap<>();
        for (DomainResult d : domains) {
            byDomain.put(d.name(), numbers(d));
        }
        json.put("domains", byDomain);
        json.put("overall", numbers(overall));
        Map<String, Object> bySource = new LinkedHashMap<>();
        overall.metrics().rewritesBySource().forEach((source, c) -> {
            Map<String, Object> n = new LinkedHashMap<>();
            n.put("rewrites", c[0]);
            n.put("correctRewrites", c[1]);
            n.put("falseRewritesOnClean", c[2]);
            bySource.put(source, n);
        });
        json.put("rewritesBySource", bySource);
        json.put("seconds", Math.round(seconds * 10) / 10.0);
        json.put("missedExamples", missedExamples);
        json.put("wrongRewriteExamples", wrongExamples);
        return json;
    }

    private static Map<String, Object> numbers(DomainResult d) {
        Metrics m = d.metrics();
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("docs", d.docs());
        n.put("cleanWords", m.cleanWords());
        n.put("phrases", m.phrases());
        n.put("detected", m.detected());
        n.put("restored", m.restored());
        n.put("swaps", m.swaps());
        n.put("reachableSwaps", m.reachableSwaps());
        n.put("reach", orNull(m.reach()));
        n.put("detectionRecall", orNull(m.detectionRecall()));
        n.put("exactRestoreRecall", orNull(m.exactRestoreRecall()));
        n.put("rewrites", m.rewrites());
        n.put("correctRewrites", m.correctRewrites());
        n.put("rewritePrecision", orNull(m.rewritePrecision()));
        n.put("reports", m.reports());
        n.put("reportsOnTruth", m.reportsOnTruth());
        n.put("reportPrecision", orNull(m.reportPrecision()));
        n.put("falseRewritesOnClean", m.falseRewritesOnClean());
        n.put("falseRewritesPer10kWords", m.falseRewritesPer10kWords());
        n.put("reportsOnClean", m.reportsOnClean());
        n.put("reportsOnCleanPer10kWords", m.reportsOnCleanPer10kWords());
        n.put("flagsOnCleanPer10kWords", m.reportsOnCleanPer10kWords());
        n.put("scoreAuc", orNull(m.scoreAuc()));
        n.put("contextAuc", orNull(m.contextAuc()));
        n.put("priorAuc", orNull(m.priorAuc()));
        n.put("meanPriorSpun", orNull(m.meanPriorSpun()));
        n.put("meanPriorClean", orNull(m.meanPriorClean()));
        n.put("aucSpunUnits", m.scoredSpun());
        n.put("aucCleanUnits", m.scoredClean());
        return n;
    }

    private static Double orNull(double x) {
        return Double.isNaN(x) ? null : x;
    }
}
