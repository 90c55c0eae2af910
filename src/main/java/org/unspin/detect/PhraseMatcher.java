package org.unspin.detect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.unspin.edit.Edit;
import org.unspin.lexicon.FoldedVocabulary;
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
 * (paragraph break) or any other character ends the phrase.
 *
 * <p>The replacement takes the case of the matched text (details in {@link CaseStyle}): all lower stays
 * lower, ALL UPPER (two or more letters) becomes upper, Sentence case capitalises the first word, Title Case
 * capitalises every word (small words like "of" stay lower if they were), anything else leaves the canonical
 * as written. A canonical written with any capital letter is a proper noun and keeps its own case ("secretary
 * of condition" becomes "Secretary of State"), unless the match is all upper case, which upper-cases it.
 */
public final class PhraseMatcher implements Stage {
    private static final String RULE = "phrase-table";

    private final FoldedVocabulary vocabulary = new FoldedVocabulary();
    private final Transitions edges = new Transitions();
    /** The root's child for each token id, or -1: every text token starts a walk here, so no hash probe. */
    private final int[] rootChild;
    /** For each trie node, the index into {@link #entries} of the entry that ends there, or -1. Root is 0. */
    private final int[] entryAt;
    private final PhraseEntry[] entries;
    /** Per entry, what its edits share: explanation, source ("file:line") and whether it is a proper noun. */
    private final String[] explanations;
    private final String[] sources;
    private final boolean[] properNouns;

    public PhraseMatcher(PhraseTable table) {
        int[] ends = new int[64];
        Arrays.fill(ends, -1);
        int nodes = 1;
        List<PhraseEntry> kept = new ArrayList<>();
        for (PhraseEntry entry : table.entries()) {
            PhraseKey key = PhraseKey.of(entry.spun());
            if (key.isEmpty()) {
                continue;
            }
            int node = 0;
            for (int t = 0; t < key.size(); t++) {
                int label = label(vocabulary.add(key.tokens().get(t)), key.gluedToPrevious().get(t));
                int child = edges.get(node, label);
                if (child < 0) {
                    child = nodes++;
                    if (child == ends.length) {
                        ends = Arrays.copyOf(ends, child * 2);
                        Arrays.fill(ends, child, ends.length, -1);
                    }
                    edges.put(node, label, child);
                }
                node = child;
            }
            // The first of several entries with one key wins (loading rejects such tables anyway).
            if (ends[node] < 0) {
                ends[node] = kept.size();
                kept.add(entry);
            }
        }
        this.rootChild = new int[vocabulary.size()];
        for (int id = 0; id < rootChild.length; id++) {
            rootChild[id] = edges.get(0, label(id, false));
        }
        this.entryAt = Arrays.copyOf(ends, nodes);
        this.entries = kept.toArray(PhraseEntry[]::new);
        this.explanations = kept.stream().map(PhraseMatcher::explain).toArray(String[]::new);
        this.sources = kept.stream().map(PhraseEntry::source).toArray(String[]::new);
        this.properNouns = new boolean[kept.size()];
        for (int e = 0; e < properNouns.length; e++) {
            properNouns[e] = CaseStyle.isProperNoun(kept.get(e).canonical());
        }
    }

    private static int label(int tokenId, boolean glued) {
        return tokenId << 1 | (glued ? 1 : 0);
    }

    /** Every match as a rewrite candidate: the {@link Resolver} applies the confidence threshold. */
    @Override
    public List<Edit> find(TokenList tokens) {
        return find(tokens, 0);
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
            int hash = tokens.asciiLowerHash(i); // the tokeniser's hash of most tokens: no second read
            ids[i] = hash != 0 ? vocabulary.find(text, tokens.start(i), tokens.end(i), hash)
                    : vocabulary.find(text, tokens.start(i), tokens.end(i));
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
                node = j == i ? rootChild[ids[j]] : edges.get(node, label(ids[j], glued));
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
            found.add(edit(best, text, tokens.start(i), tokens.end(bestLast), minConfidence));
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

    private static String explain(PhraseEntry entry) {
        String where = entry.note().isEmpty() ? entry.source() : entry.source() + ": " + entry.note();
        return "spun form of '" + entry.canonical() + "' (" + where + ")";
    }

    private Edit edit(int entryIndex, String text, int start, int end, double minConfidence) {
        PhraseEntry entry = entries[entryIndex];
        String original = text.substring(start, end);
        String replacement = CaseStyle.apply(original, entry.canonical(), properNouns[entryIndex]);
        return Edit.at(start, end, original).replacement(replacement).category(entry.category()).rule(RULE)
                .source(sources[entryIndex]).confidence(entry.confidence()).explanation(explanations[entryIndex])
                .applied(entry.confidence() >= minConfidence).build();
    }
}
