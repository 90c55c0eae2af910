package org.unspin.lexicon.build;

import java.util.regex.Pattern;

/** Which source entries are kept: single lower-case words. */
final class Words {
    /**
     * Lower-case letters with inner hyphens or apostrophes ("well-known", "o'clock"); no spaces, digits or dots.
     * Capitalised spellings are proper nouns ("Wells", "Turkey") that a spinner does not swap for common words.
     */
    private static final Pattern SINGLE_WORD = Pattern.compile("\\p{Ll}+(?:['\\-]\\p{Ll}+)*");

    private Words() {
    }

    static boolean isSingleWord(String word) {
        return SINGLE_WORD.matcher(word).matches();
    }
}
