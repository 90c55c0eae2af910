package org.unspin.languagetool;

import java.util.ArrayList;
import java.util.Arrays;
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
import org.unspin.lexicon.FoldedVocabulary;
import org.unspin.lexicon.PhraseKey;
import org.unspin.tokenise.TokenList;

/**
 * The words a sentence must contain for any context rule to match it, computed from the rules themselves.
 *
 * <p>A <em>fixed</em> pattern token is one every match must contain: required (not optional), not negated,
 * not inflected (a lemma matches forms we cannot list), not POS-only, whose text is a word or a plain
 * alternation of words ({@code Tehran|Damascus}). For each rule we prefer two adjacent fixed tokens (a
 * <em>pair</em> trigger such as "a immediate", "united states": far rarer than either word), else the rarest
 * single fixed token, scoring a function word ("the", "a") as far more frequent than a content word. A
 * sentence without any trigger of a rule cannot match it, so skipping the sentence changes no result. A rule
 * with no fixed token makes every sentence a candidate ({@link #always()}).
 *
 * <p>Sentence words are maximal runs of letters or of digits, lower-cased: every token LanguageTool can
 * compare to an all-letter (or all-digit) trigger is one of them, and two adjacent tokens are two words with
 * nothing but non-word characters between them.
 *
 * <p>A sentence with a trigger then passes a second, exact filter on LanguageTool's own tokens
 * ({@link #mayMatchTokens}): some rule must find a word of each of its fixed tokens among them, and each of its
 * pairs of adjacent fixed tokens as two adjacent tokens. "menace to" is the trigger of "pose a menace to", but
 * a sentence without "pose a" or "poses no" cannot match that rule.
 */
final class TriggerIndex {
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}]+|\\p{Nd}+");
    private static final Pattern ALTERNATION = Pattern.compile("(?:[\\p{L}\\p{M}]+|\\p{Nd}+)(?:\\|(?:[\\p{L}\\p{M}]+|\\p{Nd}+))*");

    /** Marks a literal that must match with its case, e.g. "=united" for a case-sensitive token. */
    static final String EXACT = "=";

    /** Pairs are capped so that a rule with two long alternations does not blow up the index. */
    private static final int MAX_PAIRS_PER_RULE = 2000;

    private final Set<String> words;
    private final Set<String> pairs;
    private final List<String> alwaysRules;
    /** Per triggered rule, what a sentence's LanguageTool tokens must hold ({@link #mayMatchTokens}). */
    private final List<Required> requiredByRule;

    /**
     * A rule's fixed tokens as word sets, and its pairs of adjacent fixed tokens as sets of "a b" strings:
     * words case-folded by {@link #caseFolded}, or exact with the {@link #EXACT} mark.
     */
    private record Required(List<Set<String>> words, List<Set<String>> pairs) {
    }

    /** Case-folded trigger words, probed without allocating: ids of single-word triggers and of pairs. */
    private final FoldedVocabulary vocabulary = new FoldedVocabulary();
    private final java.util.BitSet wordIds = new java.util.BitSet();
    /** Folded pair keys (first id, second id), sorted and distinct. */
    private final long[] pairIds;
    /**
     * Per pair key, at the same index, its triggers' words, first and second alternating: null for a word that
     * matches in any case, else the word that must match with its case ("united" of "=united").
     */
    private final String[][] pairForms;

    private TriggerIndex(Set<String> words, Set<String> pairs, List<String> alwaysRules,
                         List<Required> requiredByRule) {
        this.words = Set.copyOf(words);
        this.pairs = Set.copyOf(pairs);
        this.alwaysRules = List.copyOf(alwaysRules);
        this.requiredByRule = List.copyOf(requiredByRule);
        for (String word : words) {
            wordIds.set(vocabulary.add(folded(word)));
        }
        java.util.TreeMap<Long, List<String>> forms = new java.util.TreeMap<>();
        for (String pair : pairs) {
            int space = pair.indexOf(' ');
            String first = pair.substring(0, space), second = pair.substring(space + 1);
            long key = (long) vocabulary.add(folded(first)) << 32 | vocabulary.add(folded(second));
            List<String> spellings = forms.computeIfAbsent(key, k -> new ArrayList<>());
            spellings.add(exactWord(first));
            spellings.add(exactWord(second));
        }
        this.pairIds = forms.keySet().stream().mapToLong(Long::longValue).toArray();
        this.pairForms = forms.values().stream().map(spellings -> spellings.toArray(String[]::new)).toArray(String[][]::new);
    }

    /** The word of a trigger that must match with its case, without the mark; null for any case. */
    private static String exactWord(String trigger) {
        return trigger.startsWith(EXACT) ? trigger.substring(EXACT.length()) : null;
    }

    /** A trigger without its exact-case mark, case-folded: the vocabulary is probed case-insensitively. */
    private static String folded(String trigger) {
        String word = trigger.startsWith(EXACT) ? trigger.substring(EXACT.length()) : trigger;
        return PhraseKey.fold(word, 0, word.length());
    }

    /**
     * Whether {@code text} (a whole text or one sentence) could contain a trigger: its word runs, case-folded,
     * scanned in one pass without allocating (each word is hashed as it is read). False for a whole text means
     * no rule can match anywhere, so the text needs no sentence splitting and no LanguageTool at all (the
     * common case).
     */
    boolean mayMatch(String text) {
        return mayMatch(text, null);
    }

    /**
     * As {@link #mayMatch(String)} on the tokens' text. A word that is a whole token of ASCII letters (or digits)
     * only, followed by an ASCII char or the end, is that token: its hash comes from the tokeniser
     * ({@link TokenList#asciiLowerHash}) instead of reading the word again. Same result, one read less.
     */
    boolean mayMatch(TokenList tokens) {
        return mayMatch(tokens.text(), tokens);
    }

    private boolean mayMatch(String text, TokenList tokens) {
        if (always()) {
            return true;
        }
        int previous = -1, previousStart = 0, previousEnd = 0;
        int i = 0, length = text.length();
        int token = 0, tokenCount = tokens == null ? 0 : tokens.size();
        while (i < length) {
            char first = text.charAt(i);
            int kind = first < 0x80 ? ASCII_KINDS[first] : kindAt(text, i);
            if (kind == OTHER) {
                i += first < 0x80 ? 1 : width(text, i);
                continue;
            }
            int start = i;
            int hash = 0;
            while (token < tokenCount && tokens.start(token) < start) {
                token++;
            }
            if (token < tokenCount && tokens.start(token) == start && tokens.asciiLowerHash(token) != 0
                    && (tokens.end(token) == length || text.charAt(tokens.end(token)) < 0x80)) {
                // A token of ASCII letters only or digits only, and an ASCII char after it cannot be one of
                // them (the token would have taken it): the word is the token, and its hash the same.
                hash = tokens.asciiLowerHash(token);
                i = tokens.end(token);
            } else {
                int lowerCase = kind == LETTER ? 0x20 : 0; // an ASCII letter or digit c folds to c | lowerCase
                while (i < length) {
                    char c = text.charAt(i);
                    if (c < 0x80) { // the common case: one char, its kind from the table
                        if (ASCII_KINDS[c] != kind) {
                            break;
                        }
                        hash = 31 * hash + (c | lowerCase); // FoldedVocabulary.hashStep(hash, c)
                        i++;
                        continue;
                    }
                    if (kindAt(text, i) != kind) {
                        break;
                    }
                    for (int end = i + width(text, i); i < end; i++) {
                        hash = FoldedVocabulary.hashStep(hash, text.charAt(i));
                    }
                }
            }
            int id = vocabulary.find(text, start, i, hash);
            if (id >= 0 && wordIds.get(id)) {
                return true;
            }
            if (id >= 0 && previous >= 0) {
                int pair = Arrays.binarySearch(pairIds, (long) previous << 32 | id);
                if (pair >= 0 && casesFit(pairForms[pair], text, previousStart, previousEnd, start, i)) {
                    return true;
                }
            }
            previous = id;
            previousStart = start;
            previousEnd = i;
        }
        return false;
    }

    private static final int OTHER = 0, LETTER = 1, DIGIT = 2;
    private static final byte[] ASCII_KINDS = new byte[0x80];

    static {
        for (char c = 0; c < 0x80; c++) {
            ASCII_KINDS[c] = (byte) ((c | 0x20) >= 'a' && (c | 0x20) <= 'z' ? LETTER : c >= '0' && c <= '9' ? DIGIT : OTHER);
        }
    }

    /** Chars taken by the code point at {@code i}: 2 for a surrogate pair, else 1. */
    private static int width(String text, int i) {
        return Character.isHighSurrogate(text.charAt(i)) && i + 1 < text.length()
                && Character.isLowSurrogate(text.charAt(i + 1)) ? 2 : 1;
    }

    /** What the code point at {@code i} belongs to: a letter run (letters and marks), a digit run, or neither. */
    private static int kindAt(String text, int i) {
        char c = text.charAt(i);
        if (c < 0x80) { // the common case, without Unicode tables
            return ASCII_KINDS[c];
        }
        int cp = text.codePointAt(i);
        int type = Character.getType(cp);
        if (Character.isLetter(cp) || type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK) {
            return LETTER;
        }
        return Character.isDigit(cp) ? DIGIT : OTHER;
    }

    /**
     * Whether some trigger pair of a key ({@link #pairForms}) matches the two words, its exact-case words with
     * their case. Compares in place: "United States" is frequent, so nothing is allocated here.
     */
    private static boolean casesFit(String[] forms, String text, int firstStart, int firstEnd, int secondStart,
                                    int secondEnd) {
        for (int k = 0; k < forms.length; k += 2) {
            if (caseFits(forms[k], text, firstStart, firstEnd) && caseFits(forms[k + 1], text, secondStart, secondEnd)) {
                return true;
            }
        }
        return false;
    }

    private static boolean caseFits(String exact, String text, int start, int end) {
        return exact == null || end - start == exact.length() && text.regionMatches(start, exact, 0, exact.length());
    }

    static TriggerIndex of(Collection<AbstractPatternRule> rules) {
        Set<String> words = new HashSet<>();
        Set<String> pairs = new HashSet<>();
        List<String> always = new ArrayList<>();
        List<Required> requiredByRule = new ArrayList<>();
        for (AbstractPatternRule rule : rules) {
            if (!(rule instanceof PatternRule)) {
                always.add(rule.getFullId());
                continue;
            }
            requiredByRule.add(requiredTokens(rule.getPatternTokens()));
            Set<String> bestPairs = adjacentFixedPairs(rule.getPatternTokens());
            if (bestPairs != null) {
                pairs.addAll(bestPairs);
                continue;
            }
            Set<String> best = rarestRequiredWords(rule.getPatternTokens());
            if (best == null) {
                always.add(rule.getFullId());
            } else {
                words.addAll(best);
            }
        }
        return new TriggerIndex(words, pairs, always, requiredByRule);
    }

    /**
     * What a sentence must hold for the rule with these pattern tokens to match. A token with a non-ASCII word is
     * left out, because Java's case-insensitive matching and {@link #caseFolded} might disagree on it.
     */
    private static Required requiredTokens(List<PatternToken> tokens) {
        List<Set<String>> words = new ArrayList<>();
        List<Set<String>> pairs = new ArrayList<>();
        Set<String> previous = null;
        for (int i = 0; i < tokens.size(); i++) {
            Set<String> literals = requiredWords(tokens.get(i));
            boolean ascii = literals != null && literals.stream().allMatch(w -> w.chars().allMatch(c -> c < 0x80));
            Set<String> folded = new HashSet<>();
            for (String w : ascii ? literals : Set.<String>of()) {
                folded.add(w.startsWith(EXACT) ? w : caseFolded(w));
            }
            if (!folded.isEmpty()) {
                words.add(Set.copyOf(folded));
            }
            boolean adjacent = i > 0 && tokens.get(i - 1).getMaxOccurrence() == 1 && tokens.get(i - 1).getSkipNext() == 0
                    && tokens.get(i).getMaxOccurrence() == 1;
            if (adjacent && previous != null && !folded.isEmpty()
                    && (long) previous.size() * folded.size() <= MAX_PAIRS_PER_RULE) {
                Set<String> pair = new HashSet<>();
                for (String a : previous) {
                    for (String b : folded) {
                        pair.add(a + " " + b);
                    }
                }
                pairs.add(Set.copyOf(pair));
            }
            previous = folded.isEmpty() ? null : folded;
        }
        return new Required(List.copyOf(words), List.copyOf(pairs));
    }

    /**
     * Whether some rule could match a sentence that LanguageTool splits into {@code tokens}: each of the rule's
     * fixed tokens must equal one of these tokens, ignoring case unless the rule token is case-sensitive (a
     * pattern token is compared with a whole token), and two adjacent fixed tokens must be two tokens with at
     * most blank ones between them.
     */
    boolean mayMatchTokens(List<String> tokens) {
        if (always()) {
            return true;
        }
        Set<String> words = new HashSet<>();
        Set<String> pairs = new HashSet<>();
        List<String> previous = List.of();
        for (String token : tokens) {
            if (isBlank(token)) {
                continue;
            }
            List<String> forms = List.of(caseFolded(token), EXACT + token);
            words.addAll(forms);
            for (String a : previous) {
                for (String b : forms) {
                    pairs.add(a + " " + b);
                }
            }
            previous = forms;
        }
        for (Required rule : requiredByRule) {
            if (rule.words().stream().allMatch(set -> set.stream().anyMatch(words::contains))
                    && rule.pairs().stream().allMatch(set -> set.stream().anyMatch(pairs::contains))) {
                return true;
            }
        }
        return false;
    }

    /**
     * A token LanguageTool may skip as whitespace: every char a space, a format char (zero-width space, soft
     * hyphen) or a control. Wider than LanguageTool's own test, so no adjacency it sees is missed.
     */
    private static boolean isBlank(String token) {
        return token.chars().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c)
                || Character.getType(c) == Character.FORMAT || Character.getType(c) == Character.CONTROL);
    }

    /**
     * Each char upper-cased, then lower-cased: two strings fold alike whenever {@link String#equalsIgnoreCase}
     * (or a case-insensitive, Unicode-case regex of a single word) says they are equal.
     */
    static String caseFolded(String s) {
        char[] out = new char[s.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = Character.toLowerCase(Character.toUpperCase(s.charAt(i)));
        }
        return new String(out);
    }

    /** Lower-cased single-word triggers (for statistics and tests). */
    Set<String> words() {
        return words;
    }

    /** Lower-cased pair triggers, "first second" (for statistics and tests). */
    Set<String> pairs() {
        return pairs;
    }

    /** Rules that could start anywhere: while any exist, every sentence goes to LanguageTool. */
    List<String> alwaysRules() {
        return alwaysRules;
    }

    boolean always() {
        return !alwaysRules.isEmpty();
    }


    /** The smallest set of "a b" pairs from two adjacent fixed tokens, or null if the rule has none. */
    private static Set<String> adjacentFixedPairs(List<PatternToken> tokens) {
        Set<String> best = null;
        double bestCost = Double.MAX_VALUE;
        for (int i = 0; i + 1 < tokens.size(); i++) {
            PatternToken first = tokens.get(i);
            if (first.getMaxOccurrence() != 1 || first.getSkipNext() != 0 || tokens.get(i + 1).getMaxOccurrence() != 1) {
                continue;
            }
            Set<String> a = requiredWords(first);
            Set<String> b = requiredWords(tokens.get(i + 1));
            if (a == null || b == null || (long) a.size() * b.size() > MAX_PAIRS_PER_RULE) {
                continue;
            }
            double cost = cost(a) * cost(b);
            if (cost >= bestCost) {
                continue;
            }
            bestCost = cost;
            best = new HashSet<>();
            for (String x : a) {
                for (String y : b) {
                    best.add(x + " " + y);
                }
            }
        }
        return best;
    }

    private static Set<String> rarestRequiredWords(List<PatternToken> tokens) {
        Set<String> best = null;
        double bestCost = Double.MAX_VALUE;
        for (PatternToken token : tokens) {
            Set<String> literals = requiredWords(token);
            if (literals == null) {
                continue;
            }
            double cost = cost(literals);
            if (cost < bestCost) {
                best = literals;
                bestCost = cost;
            }
        }
        return best;
    }

    /**
     * A rough frequency of a token's words: a function word counts as 1000 content words, and an exact-case
     * word (a case-sensitive token such as lower-case "united") as a tenth of one.
     */
    private static double cost(Set<String> literals) {
        double cost = 0;
        for (String w : literals) {
            boolean exact = w.startsWith(EXACT);
            String word = exact ? w.substring(EXACT.length()).toLowerCase(Locale.ROOT) : w;
            cost += (FunctionWords.contains(word) ? 1000 : 1) * (exact ? 0.1 : 1);
        }
        return cost;
    }

    /**
     * The words one of which must stand at this token's place in every match, or null if unknown: lower-cased,
     * or {@link #EXACT} and the word as written for a case-sensitive token.
     */
    private static Set<String> requiredWords(PatternToken token) {
        if (token.getMinOccurrence() < 1 || token.getNegation() || token.isInflected() || token.isSentenceStart()
                || token.isReferenceElement() || token.hasOrGroup() || token.hasAndGroup()) {
            return null;
        }
        String text = token.getString();
        if (text == null || text.isEmpty()) {
            return null;
        }
        String prefix = token.isCaseSensitive() ? EXACT : "";
        if (!token.isRegularExpression()) {
            return WORD.matcher(text).matches() ? Set.of(prefix.isEmpty() ? text.toLowerCase(Locale.ROOT) : prefix + text) : null;
        }
        String regex = text.startsWith("(?i)") ? text.substring(4) : text;
        if (token.isCaseSensitive() && text.startsWith("(?i)")) {
            prefix = "";
        }
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
            words.add(prefix.isEmpty() ? w.toLowerCase(Locale.ROOT) : prefix + w);
        }
        return words;
    }
}
