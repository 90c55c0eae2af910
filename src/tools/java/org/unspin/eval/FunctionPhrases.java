package org.unspin.eval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The independent spinner's closed class of function words and short phrases: original → what a
 * thesaurus-based spinner writes instead, in both directions (a word expanded into a multiword paraphrase,
 * a short phrase contracted into one word or swapped for another phrase) and plain function-word swaps.
 *
 * <p>Written for the evaluation only, from how spinners behave, and on purpose <em>without</em> looking at
 * {@code dictionaries/candidates/} or the phrase tables: the restorer under test must not have been given
 * this list. {@link SpinnerProfile} also drops any pair that happens to equal a row of the restorer's
 * candidate dictionary (a test checks that none is used).
 */
public final class FunctionPhrases {
    private FunctionPhrases() {
    }

    /** Original (lower case, single spaces) → substitutes, in a fixed order. */
    public static final Map<String, List<String>> PAIRS = pairs(
            // word → multiword paraphrase
            "also", "as well|in addition|likewise",
            "because", "due to the fact that|since|considering that",
            "often", "on many occasions|frequently|many times",
            "now", "at this point|right now|presently",
            "many", "a great deal of|numerous|lots of",
            "usually", "most of the time|generally|as a rule",
            "then", "at that point|after that",
            "although", "despite the fact that|even though|whilst",
            "if", "in the event that|supposing",
            "soon", "in a short time|shortly|before long",
            "always", "all the time|constantly|at all times",
            "never", "not ever|at no time",
            "about", "concerning|regarding|with regards to",
            "during", "throughout|in the course of",
            "before", "prior to|ahead of",
            "after", "following|subsequent to",
            "while", "whilst|even as",
            "so", "therefore|thus|consequently",
            "but", "however|nonetheless|yet",
            "very", "extremely|really|quite",
            "most", "the majority of|nearly all",
            "some", "a few|certain",
            "enough", "sufficient|adequate",
            "around", "approximately|roughly|close to",
            "almost", "nearly|virtually|practically",
            "again", "once more|over again|anew",
            "still", "even now|nevertheless",
            "only", "solely|merely|just",
            "each", "every single|every one of",
            "like", "similar to|just like",
            "through", "by means of|via",
            "until", "up until|till",
            "because of", "owing to|on account of|thanks to",
            // short phrase → one word or another phrase
            "as well as", "along with|together with|plus",
            "in order to", "to|so as to",
            "such as", "like|including",
            "for example", "for instance|as an example",
            "in addition", "additionally|furthermore|moreover",
            "in fact", "actually|indeed|in reality",
            "as a result", "consequently|therefore|hence",
            "a lot of", "loads of|plenty of|many",
            "a number of", "several|a few|various",
            "at the same time", "simultaneously|concurrently",
            "in spite of", "despite|notwithstanding",
            "due to", "owing to|because of",
            "of course", "naturally|obviously|certainly",
            "at least", "a minimum of|at the very least",
            "more than", "over|above|in excess of",
            "less than", "under|below|fewer than",
            "at first", "initially|originally",
            "in the end", "eventually|finally|ultimately",
            "so that", "in order that|such that",
            "even though", "although|despite the fact that",
            "as soon as", "the moment|once",
            "in general", "generally|overall|on the whole",
            "for the first time", "initially|for once",
            "on the other hand", "conversely|alternatively",
            "in particular", "particularly|especially|specifically",
            "a little", "slightly|somewhat|a bit",
            "right now", "currently|presently|at present",
            "all over", "throughout|everywhere",
            "each other", "one another",
            "as long as", "provided that|so long as",
            "in front of", "before|ahead of",
            "instead of", "rather than|in place of",
            "according to", "as stated by|in accordance with",
            "at last", "finally|eventually",
            "in time", "eventually|sooner or later",
            "up to", "as much as|as many as",
            "kind of", "sort of|somewhat",
            "make sure", "ensure|see to it",
            "find out", "discover|learn",
            "take part", "participate|join in",
            "look for", "search for|seek");

    private static Map<String, List<String>> pairs(String... keysAndValues) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], List.of(keysAndValues[i + 1].split("\\|")));
        }
        return java.util.Collections.unmodifiableMap(map);
    }
}
