package org.unspin.detect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.unspin.lexicon.MinedSubstitution;
import org.unspin.edit.Edit;
import org.unspin.edit.EditSet;

/**
 * The one place that decides what the stages' findings become: the confidence threshold, the overlap rule and
 * the document prior, applied once for every stage.
 *
 * <ol>
 *   <li><b>Overlaps</b>: the most confident finding of a region wins; at equal confidence the earlier stage
 *       does (deny list, phrase tables, context rules, restorer), so a curated rewrite is never displaced by
 *       a guess.</li>
 *   <li><b>Document prior</b>: the chance that the document is spun, from its evidence per
 *       {@link #PRIOR_WORDS} words: {@code 1 - exp(-evidence / max(1, words / 500))}, where a rewrite
 *       candidate at confidence ≥ {@link #STRONG} counts 1 and a weaker restorer rewrite candidate 0.5 (one
 *       from a substitution mined from the corpus {@value #MINED_EVIDENCE}). One strong finding in a paragraph
 *       gives 0.63, none gives 0.</li>
 *   <li><b>Threshold</b>: a rewrite candidate is applied at confidence ≥ the threshold; a restorer finding
 *       under {@link #STRONG} also needs the prior of the <em>other</em> findings to reach
 *       {@link #SPUN_PRIOR}, so weak evidence never rewrites a clean document.</li>
 * </ol>
 */
public final class Resolver {
    /** Confidence from which a rewrite candidate counts as strong evidence that a document is spun. */
    public static final double STRONG = 0.9;
    /** Words over which one strong finding is expected in a spun document. */
    public static final int PRIOR_WORDS = 500;
    /** Prior from which a document counts as spun. */
    public static final double SPUN_PRIOR = 0.5;
    /** What a weaker finding from a mined substitution adds to the document's evidence (see {@link #evidence}). */
    static final double MINED_EVIDENCE = 0.15;
    /** Least confidence of a restorer finding reported in a document the prior does not mark as spun. */
    public static final double LONE_REPORT = 0.85;
    /** Categories that say nothing about spinning. */
    private static final Set<String> NOT_SPIN = Set.of("unicode", "markup", "grammar", ContextAnomaly.CATEGORY);

    /**
     * @param findings        disjoint, sorted findings; {@code applied} is final
     * @param spinProbability the document prior
     */
    public record Result(List<Edit> findings, double spinProbability) {
    }


    private Resolver() {
    }

    /** The findings of the stages (in stage order) for a text of {@code words} words. */
    public static Result resolve(List<List<Edit>> stages, double minConfidence, int words) {
        List<Edit> kept = mostConfident(stages);
        double evidence = 0;
        for (Edit e : kept) {
            evidence += evidence(e);
        }
        double prior = prior(evidence, words);
        List<Edit> out = new ArrayList<>(kept.size());
        for (Edit e : kept) {
            boolean apply = e.applied() && e.confidence() >= minConfidence;
            if (Restorer.RULE.equals(e.rule()) && e.confidence() < STRONG
                    && prior(evidence - evidence(e), words) < SPUN_PRIOR) {
                if (!e.applied() || e.confidence() < LONE_REPORT) {
                    continue; // weak evidence in a document nothing else marks as spun: not even a report
                }
                apply = false;
            }
            out.add(apply ? e : e.notApplied());
        }
        return new Result(out, prior);
    }

    /**
     * What a finding says about its document: 1 for a strong rewrite candidate of any stage, 0.5 for a weaker
     * restorer rewrite candidate (two such count as one strong finding), else 0. A weaker finding from a
     * substitution mined from the corpus counts {@value #MINED_EVIDENCE}: a mined row is the corpus's word, not
     * this document's, and some rows that fire on clean text are the style of a whole domain (scripture's
     * "iniquity", "arose"; see docs/evaluation.md), so it takes five of them to mark a document as spun. Dev
     * corpus setting (restore, rewrite precision, false rewrites and flags per 10k clean words; shared /
     * independent spinner): at 0, 2.7 % 0.864 0.34 2.87 / 0.4 % 0.806 0.38 3.37; at 0.15, 3.0 % 0.862 0.34 2.87
     * / 0.4 % 0.767 0.38 3.37; at 0.25 (three suffice), 3.5 % 0.860 0.34 3.06 / 0.6 % 0.712 0.45 4.77, too near
     * the budgets of 0.5 and 5 for a setting not tuned on.
     */
    private static double evidence(Edit e) {
        if (!e.applied() || NOT_SPIN.contains(e.category())) {
            return 0;
        }
        if (e.confidence() >= STRONG) {
            return 1;
        }
        return MinedSubstitution.SOURCE.equals(e.source()) ? MINED_EVIDENCE : Restorer.RULE.equals(e.rule()) ? 0.5 : 0;
    }

    /** The document prior of {@code evidence} strong findings in {@code words} words. */
    public static double prior(double evidence, int words) {
        return evidence <= 0 ? 0 : 1 - Math.exp(-evidence / Math.max(1.0, words / (double) PRIOR_WORDS));
    }

    private static List<Edit> mostConfident(List<List<Edit>> stages) {
        List<List<Edit>> nonEmpty = stages.stream().filter(s -> !s.isEmpty()).toList();
        if (nonEmpty.isEmpty()) {
            return List.of();
        }
        if (nonEmpty.size() == 1 && isStrictlyOrdered(nonEmpty.get(0))) {
            return nonEmpty.get(0); // nothing to choose between: the ranking below would keep it all, in order
        }
        List<Edit> ranked = new ArrayList<>();
        Map<Edit, Integer> stageOf = new IdentityHashMap<>();
        for (int i = 0; i < stages.size(); i++) {
            for (Edit e : stages.get(i)) {
                ranked.add(e);
                stageOf.put(e, i);
            }
        }
        ranked.sort(Comparator.comparingDouble(Edit::confidence).reversed()
                .thenComparing(stageOf::get).thenComparing(EditSet.BY_POSITION));
        // Kept findings are disjoint, so only the one starting last before e ends can overlap a non-empty e.
        // Empty ones (insertions, rare) are checked one by one.
        java.util.TreeMap<Integer, Edit> byStart = new java.util.TreeMap<>();
        List<Edit> empty = new ArrayList<>();
        List<Edit> kept = new ArrayList<>();
        for (Edit e : ranked) {
            boolean clash = empty.stream().anyMatch(k -> overlaps(k, e));
            if (!clash && e.end() > e.start()) {
                Map.Entry<Integer, Edit> before = byStart.floorEntry(e.end() - 1);
                clash = before != null && overlaps(before.getValue(), e);
            } else if (!clash) {
                clash = kept.stream().anyMatch(k -> overlaps(k, e));
            }
            if (!clash) {
                kept.add(e);
                if (e.end() > e.start()) {
                    byStart.put(e.start(), e);
                } else {
                    empty.add(e);
                }
            }
        }
        kept.sort(EditSet.BY_POSITION);
        return kept;
    }

    private static boolean overlaps(Edit a, Edit b) {
        return a.start() < b.end() && b.start() < a.end();
    }

    /** Whether each edit starts after the previous one starts and not before it ends (no overlap, no tie). */
    private static boolean isStrictlyOrdered(List<Edit> edits) {
        for (int i = 1; i < edits.size(); i++) {
            Edit previous = edits.get(i - 1), e = edits.get(i);
            if (e.start() <= previous.start() || e.start() < previous.end()) {
                return false;
            }
        }
        return true;
    }

    /** The findings plus each flag that overlaps none of them (a flag never displaces a finding). */
    public static List<Edit> withFlags(List<Edit> findings, List<Edit> flags) {
        if (flags.isEmpty()) {
            return findings;
        }
        List<Edit> all = new ArrayList<>(findings);
        for (Edit flag : flags) {
            if (findings.stream().noneMatch(f -> overlaps(f, flag))) {
                all.add(flag);
            }
        }
        all.sort(EditSet.BY_POSITION);
        return all;
    }
}
