package org.unspin.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Function;
import org.unspin.edit.Edit;
import org.unspin.edit.EditSet;
import org.unspin.lexicon.FunctionWords;
import org.unspin.tokenise.TokenList;
import org.unspin.tokenise.TokenType;
import org.unspin.tokenise.Tokeniser;

/**
 * Spins clean text the way article spinners do, for evaluation: words are replaced by thesaurus
 * substitutes regardless of sense, keeping the case of the word they replace. Content words are swapped at
 * the given rate; function words ("well" in "as well as", "over", "because") at a lower one, as real spinners
 * do. The substitutes come from a caller-supplied source, normally the held-out half of the thesaurus
 * ({@link ThesaurusSplit#SPINNER_HALF}), so the detector is tested on choices it has never seen.
 */
public final class SpinnerSimulator {

    /** Clean text, its spun version and the swaps (edits on the clean text whose replacement is the spun word). */
    public record Spun(String clean, String spun, List<Edit> swaps) {
    }

    private final Function<String, List<String>> substitutes;
    private final double contentRate;
    private final double functionRate;

    /**
     * @param substitutes  for a lower-case word, the single words a spinner may write instead
     * @param contentRate  share of content words to swap (of all content words, not only swappable ones)
     * @param functionRate share of function words to swap
     */
    public SpinnerSimulator(Function<String, List<String>> substitutes, double contentRate, double functionRate) {
        this.substitutes = substitutes;
        this.contentRate = contentRate;
        this.functionRate = functionRate;
    }

    public Spun spin(String clean, long seed) {
        Random random = new Random(seed);
        TokenList tokens = Tokeniser.tokenise(clean);
        int content = 0, swappableContent = 0;
        List<List<String>> options = new ArrayList<>(tokens.size());
        for (int i = 0; i < tokens.size(); i++) {
            List<String> subs = List.of();
            if (tokens.type(i) == TokenType.WORD) {
                String word = tokens.token(i);
                String lower = word.toLowerCase(Locale.ROOT);
                if (!isAcronym(word)) {
                    subs = substitutes.apply(lower).stream()
                            .filter(s -> !s.equals(lower) && s.indexOf(' ') < 0 && !s.isEmpty()).toList();
                }
                if (!FunctionWords.contains(lower)) {
                    content++;
                    if (!subs.isEmpty()) {
                        swappableContent++;
                    }
                }
            }
            options.add(subs);
        }
        // Raise the per-word chance so that the swaps make up contentRate of *all* content words.
        double pContent = swappableContent == 0 ? 0 : Math.min(1.0, contentRate * content / swappableContent);
        List<Edit> swaps = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            List<String> subs = options.get(i);
            if (subs.isEmpty()) {
                continue;
            }
            String word = tokens.token(i);
            boolean function = FunctionWords.contains(word.toLowerCase(Locale.ROOT));
            if (random.nextDouble() >= (function ? functionRate : pContent)) {
                continue;
            }
            String replacement = matchCase(word, subs.get(random.nextInt(subs.size())));
            swaps.add(new Edit(tokens.start(i), tokens.end(i), word, replacement, "spun-phrase", "simulator",
                    null, 1.0, "simulated swap of '" + word + "'", true));
        }
        return new Spun(clean, EditSet.apply(clean, swaps), List.copyOf(swaps));
    }

    private static boolean isAcronym(String word) {
        int upper = 0;
        for (int i = 0; i < word.length(); i++) {
            if (Character.isUpperCase(word.charAt(i))) {
                upper++;
            }
        }
        return upper >= 2;
    }

    /** The substitute written with the case of the word it replaces (Title or lower; acronyms are skipped). */
    static String matchCase(String original, String substitute) {
        if (!original.isEmpty() && Character.isUpperCase(original.charAt(0))) {
            return substitute.substring(0, 1).toUpperCase(Locale.ROOT) + substitute.substring(1);
        }
        return substitute;
    }
}
