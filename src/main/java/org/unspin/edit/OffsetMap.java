package org.unspin.edit;

import java.util.List;

/**
 * Converts UTF-16 positions between an input text and the text produced by applying a set of
 * non-overlapping edits to it, in both directions.
 *
 * <p>Positions outside every edited span move by the length change of the edits before them. A position
 * strictly inside an edited span has no exact counterpart; it maps to the start of the span on the other
 * side, so an annotation that starts inside a rewritten phrase is moved to the phrase start. The end of a
 * span maps to the end of its counterpart. A deleted span collapses to one output position, which maps back
 * to the end of the deleted span. Any other position that lies outside every edited span (or on its border)
 * maps to the other side and back unchanged.
 */
public final class OffsetMap {
    private final int inputLength;
    private final int outputLength;
    private final int[] inStart;
    private final int[] inEnd;
    private final int[] outStart;
    private final int[] outEnd;

    private OffsetMap(int inputLength, int[] inStart, int[] inEnd, int[] outStart, int[] outEnd, int outputLength) {
        this.inputLength = inputLength;
        this.inStart = inStart;
        this.inEnd = inEnd;
        this.outStart = outStart;
        this.outEnd = outEnd;
        this.outputLength = outputLength;
    }

    /** The map for applying {@code edits} (sorted, non-overlapping; only applied ones count) to a text. */
    public static OffsetMap of(int inputLength, List<Edit> edits) {
        int n = (int) edits.stream().filter(Edit::applied).count();
        int[] is = new int[n], ie = new int[n], os = new int[n], oe = new int[n];
        int delta = 0, k = 0, last = 0;
        for (Edit e : edits) {
            if (!e.applied()) {
                continue;
            }
            if (e.start() < last || e.end() > inputLength) {
                throw new IllegalArgumentException("edits overlap or are out of order at " + e.start());
            }
            is[k] = e.start();
            ie[k] = e.end();
            os[k] = e.start() + delta;
            delta += e.replacement().length() - (e.end() - e.start());
            oe[k] = e.end() + delta;
            last = e.end();
            k++;
        }
        return new OffsetMap(inputLength, is, ie, os, oe, inputLength + delta);
    }

    public int inputLength() {
        return inputLength;
    }

    public int outputLength() {
        return outputLength;
    }

    /** Position in the output text that corresponds to input position {@code p} (0..inputLength). */
    public int toOutput(int p) {
        return map(p, inputLength, inStart, inEnd, outStart, outEnd, false);
    }

    /** Position in the input text that corresponds to output position {@code p} (0..outputLength). */
    public int toInput(int p) {
        return map(p, outputLength, outStart, outEnd, inStart, inEnd, false);
    }

    /**
     * Like {@link #toInput(int)}, for the end of a span: where input text was deleted exactly at output
     * position {@code p}, the deleted text is not included (it lies after the span).
     */
    public int toInputEnd(int p) {
        return map(p, outputLength, outStart, outEnd, inStart, inEnd, true);
    }

    private static int map(int p, int length, int[] fromStart, int[] fromEnd, int[] toStart, int[] toEnd,
                           boolean asEnd) {
        if (p < 0 || p > length) {
            throw new IndexOutOfBoundsException("position " + p + " outside 0.." + length);
        }
        int k = lastStartingAtOrBefore(fromStart, asEnd ? p - 1 : p);
        if (k < 0) {
            return p;
        }
        // An empty span at p (a pure insertion or deletion) is passed over: p lies after it.
        if (p >= fromEnd[k]) {
            return toEnd[k] + (p - fromEnd[k]);
        }
        return asEnd ? toEnd[k] : toStart[k];
    }

    /** Index of the last span whose start is at or before p, or -1. */
    private static int lastStartingAtOrBefore(int[] starts, int p) {
        int lo = 0, hi = starts.length - 1, found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (starts[mid] <= p) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }
}
