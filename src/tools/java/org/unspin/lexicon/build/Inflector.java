package org.unspin.lexicon.build;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import static org.unspin.lexicon.ThesaurusFormat.POS_ADJ;
import static org.unspin.lexicon.ThesaurusFormat.POS_NOUN;
import static org.unspin.lexicon.ThesaurusFormat.POS_VERB;
import static org.unspin.lexicon.ThesaurusFormat.SLOT_COMPARATIVE;
import static org.unspin.lexicon.ThesaurusFormat.SLOT_GERUND;
import static org.unspin.lexicon.ThesaurusFormat.SLOT_PAST;
import static org.unspin.lexicon.ThesaurusFormat.SLOT_PLURAL;
import static org.unspin.lexicon.ThesaurusFormat.SLOT_POS;
import static org.unspin.lexicon.ThesaurusFormat.SLOT_SUPERLATIVE;
import static org.unspin.lexicon.ThesaurusFormat.SLOT_THIRD_PERSON;

/**
 * Inflected forms of a lemma per slot. WordNet's exception lists (noun.exc, verb.exc, adj.exc) win for a slot
 * they cover; otherwise regular English rules apply. Regular comparatives and superlatives are kept only when
 * some source spells them ("larger"), because most adjectives take "more"/"most" instead.
 */
final class Inflector {
    /** One inflected form. */
    record Form(int slot, String form) {
    }

    /**
     * Irregular verbs whose past equals the base form. WordNet's verb.exc leaves them out (its morphology needs
     * no entry for an unchanged form), so without this list the rules would invent "hitted" or "beseted".
     */
    private static final List<String> UNCHANGED_PAST = List.of("bet", "beset", "bid", "broadcast", "burst", "bust",
            "cast", "cost", "cut", "forecast", "hit", "hurt", "input", "knit", "let", "offset", "outbid", "output",
            "preset", "put", "quit", "read", "recast", "reset", "rid", "set", "shed", "shut", "slit", "split",
            "spread", "sublet", "telecast", "thrust", "typecast", "undercut", "upset", "wed");

    private final Map<String, List<Form>> irregular = new HashMap<>();
    private final Predicate<String> attested;
    private final Predicate<String> isNoun;

    /**
     * @param attested true for words that some source spells (checks regular comparatives)
     * @param isNoun   true for WordNet noun lemmas (spots lemmas that are already plurals, like "papers")
     */
    Inflector(List<WordNetReader.Exception> exceptions, Predicate<String> attested, Predicate<String> isNoun) {
        this.attested = attested;
        this.isNoun = isNoun;
        for (WordNetReader.Exception e : exceptions) {
            int slot = exceptionSlot(e.pos(), e.form());
            if (slot >= 0) {
                irregular.computeIfAbsent(key(slotPos(slot), e.lemma()), k -> new ArrayList<>())
                        .add(new Form(slot, e.form()));
            }
        }
        for (String verb : UNCHANGED_PAST) {
            irregular.computeIfAbsent(key(POS_VERB, verb), k -> new ArrayList<>()).add(new Form(SLOT_PAST, verb));
        }
    }

    /** Forms of {@code lemma} used as the given part of speech (one bit), irregular first, in a fixed order. */
    List<Form> forms(String lemma, int pos) {
        List<Form> known = irregular.getOrDefault(key(pos, lemma), List.of());
        List<Form> out = new ArrayList<>(known);
        Set<Integer> covered = new HashSet<>();
        known.forEach(f -> covered.add(f.slot()));
        switch (pos) {
            case POS_NOUN -> {
                if (!isPluralOfAnotherNoun(lemma)) {
                    addRegular(out, covered, SLOT_PLURAL, sibilantPlural(lemma, false));
                }
            }
            case POS_VERB -> {
                addRegular(out, covered, SLOT_THIRD_PERSON, sibilantPlural(lemma, true));
                addRegular(out, covered, SLOT_PAST, past(lemma));
                addRegular(out, covered, SLOT_GERUND, gerund(lemma));
            }
            case POS_ADJ -> {
                addAttested(out, covered, SLOT_COMPARATIVE, graded(lemma, "er"));
                addAttested(out, covered, SLOT_SUPERLATIVE, graded(lemma, "est"));
            }
            default -> {
            }
        }
        return out;
    }

    private static void addRegular(List<Form> out, Set<Integer> covered, int slot, String form) {
        if (!covered.contains(slot)) {
            out.add(new Form(slot, form));
        }
    }

    private void addAttested(List<Form> out, Set<Integer> covered, int slot, String form) {
        if (!covered.contains(slot) && attested.test(form)) {
            out.add(new Form(slot, form));
        }
    }

    /** "papers", "goods", "clothes": WordNet lemmas that are plurals themselves get no "paperses". */
    private boolean isPluralOfAnotherNoun(String lemma) {
        return lemma.endsWith("s") && (isNoun.test(lemma.substring(0, lemma.length() - 1))
                || lemma.endsWith("es") && isNoun.test(lemma.substring(0, lemma.length() - 2)));
    }

    private static int exceptionSlot(int pos, String form) {
        return switch (pos) {
            case POS_NOUN -> SLOT_PLURAL;
            case POS_VERB -> form.endsWith("ing") ? SLOT_GERUND
                    : form.endsWith("s") && !form.equals("was") ? SLOT_THIRD_PERSON : SLOT_PAST;
            case POS_ADJ -> form.endsWith("st") ? SLOT_SUPERLATIVE : SLOT_COMPARATIVE;
            default -> -1;
        };
    }

    private static int slotPos(int slot) {
        return SLOT_POS[slot];
    }

    private static String key(int pos, String lemma) {
        return pos + ":" + lemma;
    }

    /** Noun plural or verb third person: -es after sibilants (and after consonant + o for verbs), -ies after consonant + y. */
    static String sibilantPlural(String w, boolean verb) {
        if (w.endsWith("s") || w.endsWith("x") || w.endsWith("z") || w.endsWith("ch") || w.endsWith("sh")
                || verb && consonantBefore(w, 'o')) {
            return w + "es";
        }
        if (consonantBefore(w, 'y')) {
            return w.substring(0, w.length() - 1) + "ies";
        }
        return w + "s";
    }

    static String past(String w) {
        if (w.endsWith("e")) {
            return w + "d";
        }
        if (consonantBefore(w, 'y')) {
            return w.substring(0, w.length() - 1) + "ied";
        }
        return w + "ed";
    }

    static String gerund(String w) {
        if (w.endsWith("ie")) {
            return w.substring(0, w.length() - 2) + "ying";
        }
        if (w.length() > 2 && w.endsWith("e") && !w.endsWith("ee") && !w.endsWith("ye") && !w.endsWith("oe")) {
            return w.substring(0, w.length() - 1) + "ing";
        }
        return w + "ing";
    }

    static String graded(String w, String suffix) {
        if (w.endsWith("e")) {
            return w + suffix.substring(1);
        }
        if (consonantBefore(w, 'y')) {
            return w.substring(0, w.length() - 1) + "i" + suffix;
        }
        return w + suffix;
    }

    /** True if {@code w} ends with {@code last} preceded by a consonant. */
    private static boolean consonantBefore(String w, char last) {
        int n = w.length();
        return n >= 2 && w.charAt(n - 1) == last && "aeiou".indexOf(w.charAt(n - 2)) < 0
                && Character.isLetter(w.charAt(n - 2));
    }
}
