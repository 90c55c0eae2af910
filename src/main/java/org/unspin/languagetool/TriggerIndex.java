package org.unspin.languagetool;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.languagetool.rules.patterns.AbstractPatternRule;
import org.languagetool.rules.patterns.PatternRule;
import org.languagetool.rules.patterns.PatternToken;
import org.unspin.lexicon.FunctionWords;

/**
 * The words a sentence must contain for any context rule to match it, computed from the rules themselves.
 *
 * <p>For each rule we pick one pattern token that every match must contain: required (not optional), not
 * negated, not inflected (a lemma matches forms we cannot list), not a POS-only token, whose text is a word
 * or a plain alternation of words ({@code Tehran|Damascus}). Among those we take the rarest, scoring a
 * function word ("the", "a") as far more frequent than a content word. A sentence without any of these words
 * cannot match the rule, so skipping it changes no result. A rule with no such token makes every sentence a
 * candidate ({@link #always()}).
 *
 * <p>Sentence words are maximal runs of letters or of digits, lower-cased: every token LanguageTool can
 * compare to an all-letter (or all-digit) trigger is one of them.
 */
final class TriggerIndex {
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}]+|\\p{Nd}+");
    private static final Pattern ALTERNATION = Pattern.compile("(?:[\\p{L}\\p{M}]+|\\p{Nd}+)(?:\\|(?:[\\p{L}\\p{M}]+|\\p{Nd}+))*");

    private final Set<String> words;
    private final List<String> alwaysRules;

    private TriggerIndex(Set<String> words, List<String> alwaysRules) {
        this.words = Set.copyOf(words);
        this.alwaysRules = List.copyOf(alwaysRules);
    }

    static TriggerIndex of(Collection<AbstractPatternRule> rules) {
        Set<String> words = new HashSet<>();
        List<String> always = new java.util.ArrayList<>();
        for (AbstractPatternRule rule : rules) {
            Set<String> best = rule instanceof PatternRule ? rarestRequiredWords(rule.getPatternTokens()) : null;
            if (best == null) {
                always.add(rule.getFullId());
            } else {
                words.addAll(best);
            }
        }
        return new TriggerIndex(words, always);
    }

    /** Lower-cased trigger words (for statistics and tests). */
    Set<String> words() {
        return words;
    }

    /** Rules that could start anywhere: while any exist, every sentence goes to LanguageTool. */
    List<String> alwaysRules() {
        return alwaysRules;
    }

    boolean always() {
        return !alwaysRules.isEmpty();
    }

    /** Whether some rule could match in {@code sentence}. */
    boolean matches(CharSequence sentence) {
        if (always()) {
            return true;
        }
        var m = WORD.matcher(sentence);
        while (m.find()) {
            if (words.contains(m.group().toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> rarestRequiredWords(List<PatternToken> tokens) {
        Set<String> best = null;
        int bestCost = Integer.MAX_VALUE;
        for (PatternToken token : tokens) {
            Set<String> literals = requiredWords(token);
            if (literals == null) {
                continue;
            }
            int cost = 0;
            for (String w : literals) {
                cost += FunctionWords.contains(w) ? 1000 : 1;
            }
            if (cost < bestCost) {
                best = literals;
                bestCost = cost;
            }
        }
        return best;
    }

    /** The words one of which must stand at this token's place in every match, or null if unknown. */
    private static Set<String> requiredWords(PatternToken token) {
        if (token.getMinOccurrence() < 1 || token.getNegation() || token.isInflected() || token.isSentenceStart()
                || token.isReferenceElement() || token.hasOrGroup() || token.hasAndGroup()) {
            return null;
        }
        String text = token.getString();
        if (text == null || text.isEmpty()) {
            return null;
        }
        if (!token.isRegularExpression()) {
            return WORD.matcher(text).matches() ? Set.of(text.toLowerCase(Locale.ROOT)) : null;
        }
        String regex = text.startsWith("(?i)") ? text.substring(4) : text;
        if (regex.startsWith("(?:") && regex.endsWith(")")) {
            regex = regex.substring(3, regex.length() - 1);
        } else if (regex.startsWith("(") && regex.endsWith(")")) {
            regex = regex.substring(1, regex.length() - 1);
        }
        if (!ALTERNATION.matcher(regex).matches()) {
            return null;
        }
        Set<String> words = new HashSet<>();
        for (String w : regex.split("\\|")) {
            words.add(w.toLowerCase(Locale.ROOT));
        }
        return words;
    }
}
