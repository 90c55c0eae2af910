package org.unspin.eval;

import java.util.Locale;
import java.util.function.BiPredicate;
import org.unspin.lexicon.Thesaurus;

/**
 * Keeps the spinner simulator's synonym choices away from the detector. Two ways ({@link Mode}):
 * <ul>
 *   <li>{@link Mode#HASH}: the thesaurus links are split in two halves by a hash of the (unordered) word pair;
 *       the spinner draws from one half and the detector may follow only the other, so it never has the link
 *       the spinner used and must restore through other evidence;</li>
 *   <li>{@link Mode#SOURCE}: the spinner draws from the WordNet family (WordNet 3.1 and MyThes, which is
 *       derived from WordNet) and the detector may follow only Moby's links, an independent thesaurus. This
 *       is how a real spinner relates to unspin: its word lists are its own, but they overlap the public
 *       ones (two thirds of the WordNet-family pairs are also Moby pairs).</li>
 * </ul>
 * The hash is {@link String#hashCode()} (fixed by the Java spec) mixed by a 32-bit finaliser, so the split
 * is the same on every machine and JVM.
 */
public final class ThesaurusSplit {
    /** The half the detector may use during evaluation. */
    public static final int DETECTOR_HALF = 0;
    /** The held-out half the spinner simulator uses. */
    public static final int SPINNER_HALF = 1;

    /** The sources of the spinner in {@link Mode#SOURCE}. */
    public static final int SPINNER_SOURCES = Thesaurus.WORDNET | Thesaurus.MYTHES;
    /** The sources of the detector in {@link Mode#SOURCE}. */
    public static final int DETECTOR_SOURCES = Thesaurus.MOBY;

    private static final BiPredicate<String, String> ANY = (observed, original) -> true;

    /** How the thesaurus is shared out between spinner and detector. */
    public enum Mode {
        HASH, SOURCE;

        /** The option value: "hash" or "source". */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Mode of(String id) {
            for (Mode m : values()) {
                if (m.id().equals(id)) {
                    return m;
                }
            }
            throw new IllegalArgumentException("unknown thesaurus split '" + id + "' (expected hash or source)");
        }

        /** The spinner's word list. */
        public SpinnerThesaurus spinnerWords() {
            return this == HASH
                    ? new SpinnerThesaurus(Thesaurus.shipped(), (clean, substitute) -> half(clean, substitute) == SPINNER_HALF)
                    : new SpinnerThesaurus(Restricted.SPINNER, ANY);
        }

        /** The thesaurus the detector is given. */
        public Thesaurus detectorThesaurus() {
            return this == HASH ? Thesaurus.shipped() : Restricted.DETECTOR;
        }

        /** The links of {@link #detectorThesaurus()} the detector may follow, {@code test(observed, original)}. */
        public BiPredicate<String, String> detectorLinks() {
            return this == HASH ? (observed, original) -> half(observed, original) == DETECTOR_HALF : ANY;
        }
    }

    /** The restricted views of {@link Mode#SOURCE}, made once when first used. */
    private static final class Restricted {
        static final Thesaurus SPINNER = Thesaurus.shipped().restrictedTo(SPINNER_SOURCES);
        static final Thesaurus DETECTOR = Thesaurus.shipped().restrictedTo(DETECTOR_SOURCES);
    }

    private ThesaurusSplit() {
    }

    /** 0 or 1: which half the link between {@code a} and {@code b} belongs to (symmetric, case-insensitive). */
    public static int half(String a, String b) {
        String x = a.toLowerCase(Locale.ROOT);
        String y = b.toLowerCase(Locale.ROOT);
        String key = x.compareTo(y) <= 0 ? x + '\t' + y : y + '\t' + x;
        int h = key.hashCode();
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h & 1;
    }
}
