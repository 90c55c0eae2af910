package org.unspin.detect;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.unspin.edit.Edit;
import org.unspin.lexicon.PhraseEntry;
import org.unspin.lexicon.PhraseList;
import org.unspin.lexicon.PhraseTable;
import org.unspin.tokenise.TokenList;

/**
 * The deny list as a detector stage: each row is matched like a phrase-table row (longest-leftmost, case
 * rules of {@link CaseStyle}) with confidence 1, so it wins over every other stage. A row with a replacement
 * is rewritten whatever the threshold; a row without one is reported only. Thread-safe.
 */
public final class DenyMatcher implements Stage {
    static final String RULE = "deny-list";

    private final PhraseMatcher matcher;
    private final Map<String, PhraseList.Row> bySource = new HashMap<>();

    public DenyMatcher(List<PhraseList.Row> rows) {
        List<PhraseEntry> entries = new ArrayList<>();
        for (PhraseList.Row row : rows) {
            // A report-only row still needs a canonical for the matcher; its suggestion is dropped below.
            String canonical = row.replacement() == null ? row.phrase() : row.replacement();
            entries.add(new PhraseEntry(row.phrase(), canonical, row.category(), 1.0, row.note(), row.file(),
                    row.line()));
            bySource.put(row.source(), row);
        }
        this.matcher = new PhraseMatcher(new PhraseTable(entries));
    }

    /** Findings in {@code tokens.text()} offsets, sorted and disjoint. */
    @Override
    public List<Edit> find(TokenList tokens) {
        List<Edit> found = new ArrayList<>();
        for (Edit e : matcher.find(tokens, 0.0)) {
            PhraseList.Row row = bySource.get(e.source());
            String why = "on the deny list (" + row.source() + (row.note().isEmpty() ? "" : ": " + row.note()) + ")";
            boolean rewrite = row.replacement() != null;
            found.add(e.toBuilder().replacement(rewrite ? e.replacement() : null).rule(RULE).confidence(1.0)
                    .explanation(why).applied(rewrite).build());
        }
        return found;
    }
}
