package org.unspin.detect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.unspin.edit.Edit;
import org.unspin.lexicon.PhraseEntry;
import org.unspin.lexicon.PhraseKey;
import org.unspin.lexicon.PhraseTable;
import org.unspin.tokenise.TokenList;

/**
 * Finds phrase-table entries in a token stream: token boundaries only, case-insensitive, longest-leftmost,
 * through a token-level trie. Thread-safe after construction.
 *
 * <p>Matching compares {@link PhraseKey}s: the text's tokens are folded (case, curly apostrophes) as they
 * are hashed, so scanning allocates one id per token and nothing per comparison. At every token the trie is
 * walked as far as the text allows and the longest entry seen wins; the scan then continues after it, so
 * findings never overlap. Between two tokens of a phrase the text may have no space where the table entry
 * has none, or a whitespace run holding at most one line break where the entry has a space; a blank line
 * (paragraph break) or any other character ends the phrase. The replacement takes the case of the matched
 * text as described in {@link CaseStyle}.
 */
public final class PhraseMatcher {
    private static final String RULE = "phrase-table";

    private final TokenVocabulary vocabulary = new TokenVocabulary();
    private final Transitions edges = new Transitions();
    /** For each trie node, the index of the entry that ends there, or -1. Node 0 is the root. */
    private int[] entryAt = {-1};
    private int nodes = 1;
    private final List<PhraseEntry> entries = new ArrayList<>();

    public PhraseMatcher(PhraseTable table) {
        for (PhraseEntry entry : table.entries()) {
            add(entry);
        }
        entryAt = Arrays.copyOf(entryAt, nodes);
    }

    /** Adds an entry; the first of several entries with the same key wins (loading rejects such tables). */
    private void add(PhraseEntry entry) {
        PhraseKey key = PhraseKey.of(entry.spun());
        if (key.isEmpty()) {
            return;
        }
        int node = 0;
        for (int t = 0; t < key.size(); t++) {
            int label = label(vocabulary.add(key.tokens().get(t)), key.gluedToPrevious().get(t));
            int child = edges.get(node, label);
            if (child < 0) {
                child = nodes++;
                if (child == entryAt.length) {
                    entryAt = Arrays.copyOf(entryAt, child * 2);
                    Arrays.fill(entryAt, child, entryAt.length, -1);
                }
                edges.put(node, label, child);
            }
            node = child;
        }
        if (entryAt[node] < 0) {
            entryAt[node] = entries.size();
            entries.add(entry);
        }
    }

    private static int label(int tokenId, boolean glued) {
        return tokenId << 1 | (glued ? 1 : 0);
    }

    /**
     * Findings in {@code tokens.text()} offsets, sorted and disjoint. An entry with confidence at or above
     * {@code minConfidence} is applied; a lower one is reported with {@code applied=false}.
     */
    public List<Edit> find(TokenList tokens, double minConfidence) {
        String text = tokens.text();
        int n = tokens.size();
        int[] ids = new int[n];
        for (int i = 0; i < n; i++) {
            ids[i] = vocabulary.find(text, tokens.start(i), tokens.end(i));
        }
        List<Edit> found = new ArrayList<>();
        int i = 0;
        while (i < n) {
            int best = -1, bestLast = -1, node = 0;
            for (int j = i; j < n && ids[j] >= 0; j++) {
                boolean glued = false;
                if (j > i) {
                    glued = tokens.start(j) == tokens.end(j - 1);
                    if (!glued && !isPhraseGap(text, tokens.end(j - 1), tokens.start(j))) {
                        break;
                    }
                }
                node = edges.get(node, label(ids[j], glued));
                if (node < 0) {
                    break;
                }
                if (entryAt[node] >= 0) {
                    best = entryAt[node];
                    bestLast = j;
                }
            }
            if (best < 0) {
                i++;
                continue;
            }
            found.add(edit(entries.get(best), text, tokens.start(i), tokens.end(bestLast), minConfidence));
            i = bestLast + 1;
        }
        return found;
    }

    /** Whether {@code text[from, to)} is whitespace with at most one line break ("\r\n" counts once). */
    static boolean isPhraseGap(String text, int from, int to) {
        int breaks = 0;
        for (int k = from; k < to; k++) {
            char c = text.charAt(k);
            switch (c) {
                case '\n', '\u000B', '\f', '\u0085', '\u2028' -> breaks++;
                case '\r' -> {
                    if (k + 1 >= to || text.charAt(k + 1) != '\n') {
                        breaks++;
                    }
                }
                case '\u2029' -> breaks += 2;
                default -> {
                    if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
                        return false;
                    }
                }
            }
        }
        return breaks < 2;
    }

    private static Edit edit(PhraseEntry entry, String text, int start, int end, double minConfidence) {
        String original = text.substring(start, end);
        String replacement = CaseStyle.apply(original, entry.canonical());
        String where = entry.note().isEmpty() ? entry.source() : entry.source() + ": " + entry.note();
        String explanation = "spun form of '" + entry.canonical() + "' (" + where + ")";
        return new Edit(start, end, original, replacement, entry.category(), RULE, entry.source(),
                entry.confidence(), explanation, entry.confidence() >= minConfidence);
    }
}
