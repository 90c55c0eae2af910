package org.unspin.detect;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.unspin.edit.Edit;
import org.unspin.lexicon.PhraseKey;
import org.unspin.lexicon.PhraseList;
import org.unspin.tokenise.TokenList;

/**
 * The allow list applied to findings: a finding is dropped when its span touches an occurrence of an allowed
 * phrase in the text (and, when the row names a replacement, when the finding suggests that replacement,
 * compared as a {@link PhraseKey}). Occurrences are found as phrase-table keys are (token boundaries, case
 * and apostrophe folding, a space matches whitespace with at most one line break), but every occurrence
 * counts, overlapping or not. Thread-safe.
 */
public final class AllowFilter {
    /** An allowed phrase; {@code replacement} null allows it whatever the suggestion. */
    private record Rule(PhraseKey phrase, PhraseKey replacement) {
    }

    private record Occurrence(int start, int end, Rule rule) {
    }

    private final Map<String, List<Rule>> byFirstToken = new HashMap<>();

    public AllowFilter(List<PhraseList.Row> rows) {
        for (PhraseList.Row row : rows) {
            Rule rule = new Rule(PhraseKey.of(row.phrase()),
                    row.replacement() == null ? null : PhraseKey.of(row.replacement()));
            byFirstToken.computeIfAbsent(rule.phrase().tokens().get(0), k -> new ArrayList<>()).add(rule);
        }
    }

    /** {@code findings} (offsets into {@code tokens.text()}) without those the allow list suppresses. */
    public List<Edit> filter(TokenList tokens, List<Edit> findings) {
        if (findings.isEmpty() || byFirstToken.isEmpty()) {
            return findings;
        }
        List<Occurrence> occurrences = occurrences(tokens);
        if (occurrences.isEmpty()) {
            return findings;
        }
        List<Edit> kept = new ArrayList<>(findings.size());
        for (Edit e : findings) {
            if (occurrences.stream().noneMatch(o -> suppresses(tokens.text(), o, e))) {
                kept.add(e);
            }
        }
        return kept;
    }

    private static boolean suppresses(String text, Occurrence o, Edit e) {
        // An insertion (empty span) touches a phrase when it lies inside it.
        boolean touches = e.start() < o.end() && o.start() < Math.max(e.end(), e.start() + 1);
        if (!touches) {
            return false;
        }
        Rule rule = o.rule();
        if (rule.replacement() == null) {
            return true;
        }
        if (e.replacement() == null) {
            return false;
        }
        if (PhraseKey.of(e.replacement()).equals(rule.replacement())) {
            return true;
        }
        // A finding inside the phrase that makes the same change ("Countrywide" → "National" inside an allowed
        // "Countrywide Press Club" → "National Press Club") is the same suggestion.
        boolean inside = o.start() <= e.start() && e.end() <= o.end();
        return inside && PhraseKey.of(text.substring(o.start(), e.start()) + e.replacement()
                + text.substring(e.end(), o.end())).equals(rule.replacement());
    }

    private List<Occurrence> occurrences(TokenList tokens) {
        String text = tokens.text();
        List<Occurrence> found = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            List<Rule> rules = byFirstToken.get(PhraseKey.fold(text, tokens.start(i), tokens.end(i)));
            if (rules == null) {
                continue;
            }
            for (Rule rule : rules) {
                int last = matchEnd(tokens, i, rule.phrase());
                if (last >= 0) {
                    found.add(new Occurrence(tokens.start(i), tokens.end(last), rule));
                }
            }
        }
        return found;
    }

    /** Index of the last token of {@code key} matched from token {@code i}, or -1. */
    private static int matchEnd(TokenList tokens, int i, PhraseKey key) {
        String text = tokens.text();
        int n = key.size();
        if (i + n > tokens.size()) {
            return -1;
        }
        for (int t = 1; t < n; t++) {
            int j = i + t;
            boolean glued = tokens.start(j) == tokens.end(j - 1);
            if (glued != key.gluedToPrevious().get(t)
                    || !glued && !PhraseMatcher.isPhraseGap(text, tokens.end(j - 1), tokens.start(j))
                    || !key.tokens().get(t).equals(PhraseKey.fold(text, tokens.start(j), tokens.end(j)))) {
                return -1;
            }
        }
        return i + n - 1;
    }
}
