package org.unspin.detect;

import java.util.List;
import org.unspin.edit.Edit;
import org.unspin.lexicon.PhraseTable;
import org.unspin.tokenise.TokenList;

/**
 * Finds phrase-table entries in a token stream: token boundaries only, case-insensitive, longest-leftmost,
 * through a token-level trie. Thread-safe after construction.
 */
public final class PhraseMatcher {

    public PhraseMatcher(PhraseTable table) {
    }

    /**
     * Findings in {@code tokens.text()} offsets, sorted and disjoint. An entry with confidence at or above
     * {@code minConfidence} is applied; a lower one is reported with {@code applied=false}.
     */
    public List<Edit> find(TokenList tokens, double minConfidence) {
        return List.of(); // skeleton
    }
}
