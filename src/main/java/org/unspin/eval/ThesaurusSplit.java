package org.unspin.eval;

/**
 * Splits thesaurus links into two halves by a hash of the (unordered) word pair, so an evaluation can spin
 * text with one half and detect with the other: the detector never sees the spinner's synonym choices.
 * The hash is {@link String#hashCode()} (fixed by the Java spec) mixed by a 32-bit finaliser, so the split
 * is the same on every machine and JVM.
 */
public final class ThesaurusSplit {
    /** The half the detector may use during evaluation. */
    public static final int DETECTOR_HALF = 0;
    /** The held-out half the spinner simulator uses. */
    public static final int SPINNER_HALF = 1;

    private ThesaurusSplit() {
    }

    /** 0 or 1: which half the link between {@code a} and {@code b} belongs to (symmetric, case-insensitive). */
    public static int half(String a, String b) {
        String x = a.toLowerCase(java.util.Locale.ROOT);
        String y = b.toLowerCase(java.util.Locale.ROOT);
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
