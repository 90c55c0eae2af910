package org.unspin;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.List;
import org.unspin.edit.Edit;

/**
 * How spun a document looks: spin findings (applied or only reported) per 1,000 words, and the count of every
 * edit by category. Clean-up categories ({@link #HOUSEKEEPING}) are counted but do not raise the score:
 * a document full of {@code &amp;} is badly encoded, not spun.
 *
 * <p>{@code spinProbability} is the document prior of {@link org.unspin.detect.Resolver}: the chance that the
 * document is spun, from its strong findings. In documents it marks as spun, a second, finding-independent
 * score is filled in: {@code contextAnomaly}, how out of place the document's content words look to the
 * language model (and the corpus model, if given); see {@link org.unspin.detect.ContextAnomaly}. Elsewhere it
 * is 0 and {@code checkedWords} 0.
 *
 * @param words            WORD and NUMBER tokens in the document
 * @param findings         edits whose category counts as spin
 * @param perThousandWords {@code findings * 1000 / words}, 0 for an empty document
 * @param byCategory       every edit counted by category (sorted by name)
 * @param checkedWords     content words the context-anomaly score assessed (0: not measured)
 * @param contextAnomaly   mean excess log-odds of a swap over the checked words (0 when none look out of place)
 * @param spinProbability  0..1, the document prior: how likely the document is spun, from its strong findings
 */
public record SpinScore(int words, int findings, double perThousandWords, Map<String, Integer> byCategory,
                        int checkedWords, double contextAnomaly, double spinProbability) {

    /** Categories of clean-up edits that say nothing about spinning. */
    public static final Set<String> HOUSEKEEPING = Set.of("unicode", "markup");

    /** A score without the context-anomaly part (as before it existed). */
    public SpinScore(int words, int findings, double perThousandWords, Map<String, Integer> byCategory) {
        this(words, findings, perThousandWords, byCategory, 0, 0, 0);
    }

    public SpinScore(int words, int findings, double perThousandWords, Map<String, Integer> byCategory,
                     int checkedWords, double contextAnomaly) {
        this(words, findings, perThousandWords, byCategory, checkedWords, contextAnomaly, 0);
    }

    public static SpinScore of(int words, List<Edit> edits) {
        return of(words, edits, 0, 0, 0);
    }

    /** The score of these edits, with the context-anomaly part measured on {@code checkedWords} words. */
    public static SpinScore of(int words, List<Edit> edits, int checkedWords, double contextAnomaly,
                               double spinProbability) {
        Map<String, Integer> counts = new TreeMap<>();
        int findings = 0;
        for (Edit e : edits) {
            counts.merge(e.category(), 1, Integer::sum);
            if (!HOUSEKEEPING.contains(e.category())) {
                findings++;
            }
        }
        double score = words == 0 ? 0 : findings * 1000.0 / words;
        return new SpinScore(words, findings, score, Map.copyOf(counts), checkedWords, contextAnomaly,
                Math.round(spinProbability * 1000) / 1000.0);
    }
}
