package org.unspin.detect;

import java.util.Locale;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The capitalisation of a matched phrase, and how to give a replacement the same look.
 *
 * <p>Words are whitespace-separated chunks containing a letter; a word is capitalised when its first letter
 * is upper or title case. Patterns, first fit wins:
 * <ul>
 *   <li>{@link #LOWER}: no capital letters ("as perfectly as" → "as well as");</li>
 *   <li>{@link #UPPER}: at least two letters, none lower case ("AS PERFECTLY AS" → "AS WELL AS");</li>
 *   <li>{@link #SENTENCE}: the first word capitalised, every other letter lower case ("As perfectly as" →
 *       "As well as");</li>
 *   <li>{@link #TITLE}: the first word capitalised and every other word either capitalised or a lower-case
 *       minor word such as "of" or "the" ("Counterfeit Consciousness" → "Artificial Intelligence"); the
 *       replacement capitalises every word, except minor words after the first when the match left its
 *       minor words lower case;</li>
 *   <li>{@link #MIXED}: anything else ("iPhone"-like); the replacement stays as written in the table.</li>
 * </ul>
 * A canonical phrase written with any capital letter is a proper noun ("Secretary of State", "National
 * Press Club") and keeps its own case whatever the match looks like, except that an all-capitals match
 * upper-cases it: spinners lower-case and re-case names freely, so the match's case says nothing about the
 * name's.
 */
enum CaseStyle {
    LOWER, UPPER, SENTENCE, TITLE, MIXED;

    private static final Pattern WORD = Pattern.compile("\\S+");

    /** Short words that English title case leaves lower case. */
    private static final Set<String> MINOR_WORDS = Set.of("a", "an", "and", "as", "at", "but", "by", "for",
            "from", "in", "into", "nor", "of", "on", "or", "per", "so", "than", "the", "to", "via", "vs", "with");

    /** The style of {@code text}. */
    static CaseStyle of(String text) {
        int upper = 0, lower = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isCapital(c)) {
                upper++;
            } else if (Character.isLowerCase(c)) {
                lower++;
            }
        }
        if (upper == 0) {
            return LOWER;
        }
        if (lower == 0 && upper >= 2) {
            return UPPER;
        }
        String[] words = words(text);
        if (words.length == 0 || !isCapital(firstLetter(words[0]))) {
            return MIXED;
        }
        if (upper == 1) {
            return SENTENCE;
        }
        for (int w = 1; w < words.length; w++) {
            char first = firstLetter(words[w]);
            boolean minor = MINOR_WORDS.contains(words[w].toLowerCase(Locale.ROOT));
            if (!isCapital(first) && !(minor && Character.isLowerCase(first))) {
                return MIXED;
            }
        }
        for (String word : words) {
            if (!restIsLower(word)) {
                return MIXED;
            }
        }
        return TITLE;
    }

    /** {@code canonical} recased to look like {@code matched}. */
    static String apply(String matched, String canonical) {
        return apply(matched, canonical, isProperNoun(canonical));
    }

    /** Whether {@code canonical} is written with a capital letter, so it keeps its own case (see above). */
    static boolean isProperNoun(String canonical) {
        return !canonical.equals(canonical.toLowerCase(Locale.ROOT));
    }

    /** As {@link #apply(String, String)}, with {@link #isProperNoun} of the canonical computed once. */
    static String apply(String matched, String canonical, boolean properNoun) {
        CaseStyle style = of(matched);
        if (properNoun) {
            return style == UPPER ? canonical.toUpperCase(Locale.ROOT) : canonical;
        }
        return switch (style) {
            case LOWER, MIXED -> canonical;
            case UPPER -> canonical.toUpperCase(Locale.ROOT);
            case SENTENCE -> capitaliseWords(canonical, false, false);
            case TITLE -> capitaliseWords(canonical, true, !allWordsCapitalised(matched));
        };
    }

    /** Capitalises the first word and, with {@code all}, every other word not skipped as minor. */
    private static String capitaliseWords(String text, boolean all, boolean skipMinor) {
        StringBuilder out = new StringBuilder(text);
        Matcher word = WORD.matcher(text);
        for (int w = 0; word.find(); w++) {
            boolean minor = MINOR_WORDS.contains(word.group().toLowerCase(Locale.ROOT));
            if (w == 0 || (all && !(skipMinor && minor))) {
                int letter = firstLetterIndex(text, word.start(), word.end());
                if (letter >= 0) {
                    out.setCharAt(letter, Character.toTitleCase(text.charAt(letter)));
                }
            }
        }
        return out.toString();
    }

    private static boolean allWordsCapitalised(String text) {
        for (String word : words(text)) {
            if (!isCapital(firstLetter(word))) {
                return false;
            }
        }
        return true;
    }

    private static boolean restIsLower(String word) {
        boolean seenFirst = false;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (Character.isLetter(c)) {
                if (seenFirst && isCapital(c)) {
                    return false;
                }
                seenFirst = true;
            }
        }
        return true;
    }

    /** Whitespace-separated chunks that contain a letter. */
    private static String[] words(String text) {
        return WORD.matcher(text).results().map(MatchResult::group)
                .filter(w -> firstLetterIndex(w, 0, w.length()) >= 0)
                .toArray(String[]::new);
    }

    private static int firstLetterIndex(String text, int start, int end) {
        for (int i = start; i < end; i++) {
            if (Character.isLetter(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static char firstLetter(String word) {
        int i = firstLetterIndex(word, 0, word.length());
        return i < 0 ? ' ' : word.charAt(i);
    }

    private static boolean isCapital(char c) {
        return Character.isUpperCase(c) || Character.isTitleCase(c);
    }
}
