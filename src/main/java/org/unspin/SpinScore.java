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
 * @param words            WORD and NUMBER tokens in the document
 * @param findings         edits whose category counts as spin
 * @param perThousandWords {@code findings * 1000 / words}, 0 for an empty document
 * @param byCategory       every edit counted by category (sorted by name)
 */
public record SpinScore(int words, int findings, double perThousandWords, Map<String, Integer> byCategory) {

    /** Categories of clean-up edits that say nothing about spinning. */
    public static final Set<String> HOUSEKEEPING = Set.of("unicode", "markup");

    public static SpinScore of(int words, List<Edit> edits) {
        Map<String, Integer> counts = new TreeMap<>();
        int findings = 0;
        for (Edit e : edits) {
            counts.merge(e.category(), 1, Integer::sum);
            if (!HOUSEKEEPING.contains(e.category())) {
                findings++;
            }
        }
        double score = words == 0 ? 0 : findings * 1000.0 / words;
        return new SpinScore(words, findings, score, Map.copyOf(counts));
    }
}
