package org.unspin;

import java.util.Collection;
import org.unspin.detect.Restorer;
import org.unspin.lexicon.CandidateDictionary;
import org.unspin.lexicon.Thesaurus;

/**
 * What only the evaluation sets on an {@link Unspinner.Builder}: the restorer's margins, extra candidate rows
 * (the oracle) and the flags' thesaurus. The builder keeps these setters package-private, so they are no part of
 * the library's API; this class, in the library's package but in the tools (src/tools/java, not in the library
 * jar), opens them to {@code org.unspin.eval}.
 */
public final class EvaluationHooks {
    private EvaluationHooks() {
    }

    public static Unspinner.Builder restoreMargins(Unspinner.Builder builder, Restorer.Margins margins) {
        return builder.restoreMargins(margins);
    }

    public static Unspinner.Builder addCandidateRows(Unspinner.Builder builder,
            Collection<CandidateDictionary.Row> rows) {
        return builder.addCandidateRows(rows);
    }

    public static Unspinner.Builder thesaurus(Unspinner.Builder builder, Thesaurus thesaurus) {
        return builder.thesaurus(thesaurus);
    }
}
