package org.unspin.lexicon.build;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.unspin.lexicon.CanonicalLexicon;
import org.unspin.tokenise.TokenList;
import org.unspin.tokenise.TokenType;
import org.unspin.tokenise.Tokeniser;

/**
 * Gathers phrases from all sources under their tokenised, lower-cased key and decides each key's
 * proper (capitalised) form. A key keeps a proper form only when no source lists it in lower case,
 * so "Secretary of State" plus "secretary of state" counts as a common phrase.
 */
final class LexiconCollector {
    /** Longer "phrases" are sentences or titles, not expressions a detector looks up. */
    static final int MAX_TOKENS = 10;

    private final List<String> sourceNames;
    private final Map<String, Entry> entries = new HashMap<>();
    private final int[] addedPerSource;

    private static final class Entry {
        int sources;
        String proper;
        int properRank = Integer.MAX_VALUE;
        boolean lowerCaseAttested;
    }

    LexiconCollector(List<String> sourceNames) {
        if (sourceNames.size() > 31) {
            throw new IllegalArgumentException("at most 31 sources fit the bitmask, got " + sourceNames.size());
        }
        this.sourceNames = List.copyOf(sourceNames);
        this.addedPerSource = new int[sourceNames.size()];
    }

    List<String> sourceNames() {
        return sourceNames;
    }

    /**
     * Adds one phrase as written in a source. {@code properName} says the source marks it as a name (or
     * writes it with capitals on purpose); otherwise it also attests the lower-case use.
     *
     * @return false when the text is not a multiword phrase after tokenisation
     */
    boolean add(String source, String text, boolean properName) {
        int index = sourceNames.indexOf(source);
        if (index < 0) {
            throw new IllegalArgumentException("unknown source " + source);
        }
        String[] forms = tokenJoin(text);
        if (forms == null) {
            return false;
        }
        String cased = forms[0], key = forms[1];
        boolean proper = properName && hasCapital(cased);
        if (!proper && !CanonicalLexicon.keyOf(key).equals(key)) {
            // The Tokeniser splits "Dr. Ing." and "dr. ing." differently: without a proper form to re-tokenise,
            // such a key could not be checked against the current Tokeniser, so it is left out.
            return false;
        }
        Entry e = entries.computeIfAbsent(key, k -> new Entry());
        if ((e.sources & (1 << index)) == 0) {
            addedPerSource[index]++;
        }
        e.sources |= 1 << index;
        if (proper) {
            int rank = properRank(source);
            if (rank < e.properRank || (rank == e.properRank && cased.compareTo(e.proper) < 0)) {
                e.proper = cased;
                e.properRank = rank;
            }
        } else {
            e.lowerCaseAttested = true;
        }
        return true;
    }

    /** Curated lists are the most careful about case, corpus mining the least. */
    private static int properRank(String source) {
        if (source.startsWith("curated-")) {
            return 0;
        }
        return switch (source) {
            case "lt-specific-case" -> 1;
            case "lt-multiwords" -> 2;
            case "wordnet" -> 3;
            default -> 4;
        };
    }

    /**
     * The tokens of {@code text} joined by single spaces, as written and as a key (see
     * {@link CanonicalLexicon#keyOf(String)}); null unless it has 2..MAX_TOKENS tokens, two of them words.
     */
    static String[] tokenJoin(String text) {
        TokenList tokens = Tokeniser.tokenise(text);
        if (tokens.size() < 2 || tokens.size() > MAX_TOKENS) {
            return null;
        }
        StringBuilder cased = new StringBuilder(text.length());
        int words = 0;
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.type(i) != TokenType.PUNCT) {
                words++;
            }
            cased.append(i == 0 ? "" : " ").append(text, tokens.start(i), tokens.end(i));
        }
        return words >= 2 ? new String[] {cased.toString(), CanonicalLexicon.keyOf(tokens, 0, tokens.size())}
                : null;
    }

    static boolean hasCapital(String s) {
        return s.codePoints().anyMatch(Character::isUpperCase);
    }

    /** Number of distinct keys each source contributed, in source order. */
    int[] phrasesPerSource() {
        return addedPerSource.clone();
    }

    int size() {
        return entries.size();
    }

    /** The rows of the artifact, sorted by key in code point (= UTF-8 byte) order. */
    List<String[]> rows() {
        TreeMap<String, Entry> sorted = new TreeMap<>(LexiconCollector::compareCodePoints);
        sorted.putAll(entries);
        List<String[]> rows = new ArrayList<>(sorted.size());
        for (Map.Entry<String, Entry> me : sorted.entrySet()) {
            Entry e = me.getValue();
            String proper = e.lowerCaseAttested || e.proper == null ? "" : e.proper;
            List<String> names = new ArrayList<>();
            for (int i = 0; i < sourceNames.size(); i++) {
                if ((e.sources & (1 << i)) != 0) {
                    names.add(sourceNames.get(i));
                }
            }
            rows.add(new String[] {me.getKey(), proper, String.join(",", names)});
        }
        return rows;
    }

    static int compareCodePoints(String a, String b) {
        int i = 0, j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i), cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
