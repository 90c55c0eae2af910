package org.unspin.lexicon;

import java.util.Set;

/**
 * English function words (articles, pronouns, prepositions, conjunctions, auxiliaries and a few adverbs).
 * Spinners swap them less often than content words, and a detector needs more evidence to touch them.
 */
public final class FunctionWords {
    private static final Set<String> WORDS = Set.of(
            "a", "about", "above", "after", "again", "against", "all", "also", "although", "am", "an", "and",
            "any", "are", "as", "at", "be", "because", "been", "before", "being", "below", "between", "both",
            "but", "by", "can", "could", "did", "do", "does", "doing", "down", "during", "each", "either",
            "even", "ever", "every", "few", "for", "from", "further", "had", "has", "have", "having", "he",
            "her", "here", "hers", "him", "his", "how", "however", "i", "if", "in", "into", "is", "it", "its",
            "just", "least", "less", "like", "many", "may", "me", "might", "more", "most", "much", "must", "my",
            "near", "neither", "no", "nor", "not", "now", "of", "off", "often", "on", "once", "only", "or",
            "other", "our", "ours", "out", "over", "own", "per", "quite", "rather", "same", "several", "shall",
            "she", "should", "since", "so", "some", "such", "than", "that", "the", "their", "them", "then",
            "there", "these", "they", "this", "those", "though", "through", "thus", "to", "too", "toward",
            "towards", "under", "until", "up", "upon", "us", "very", "was", "we", "well", "were", "what",
            "when", "where", "whether", "which", "while", "who", "whom", "whose", "why", "will", "with",
            "within", "without", "would", "yet", "you", "your");

    private FunctionWords() {
    }

    /** Whether the lower-case word is a function word. */
    public static boolean contains(String lowerCaseWord) {
        return WORDS.contains(lowerCaseWord);
    }
}
