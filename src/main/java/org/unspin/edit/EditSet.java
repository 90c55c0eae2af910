package org.unspin.edit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Combines the edits of pipeline stages into one non-overlapping list and applies them. */
public final class EditSet {
    private EditSet() {
    }

    /** Earliest start first; at the same start, the longer span first. */
    public static final Comparator<Edit> BY_POSITION =
            Comparator.comparingInt(Edit::start).thenComparing(Comparator.comparingInt(Edit::end).reversed());

    /**
     * Moves findings made on an intermediate text back onto the input and merges them with the edits that
     * produced the intermediate text.
     *
     * @param input    the original input
     * @param earlier  applied edits on {@code input} that produced the intermediate text (sorted, disjoint,
     *                 none of them empty in the input)
     * @param map      the offset map of {@code earlier}
     * @param findings edits whose offsets refer to the intermediate text (disjoint)
     * @return one sorted, non-overlapping list in input offsets. A finding absorbs the earlier edits its span
     *     covers: when applied, its replacement already contains their effect; when only reported, the span is
     *     left exactly as in the input, clean-up included, because fix leaves uncertain spans alone.
     */
    public static List<Edit> compose(String input, List<Edit> earlier, OffsetMap map, List<Edit> findings) {
        List<Edit> moved = new ArrayList<>(findings.size());
        if (earlier.isEmpty()) { // the findings were made on the input itself: nothing to move
            moved.addAll(findings);
        }
        for (Edit f : earlier.isEmpty() ? List.<Edit>of() : findings) {
            int start = map.toInput(f.start());
            int end = Math.max(start, map.toInputEnd(f.end()));
            // Widen to whole earlier edits that the span cuts into, so no two edits overlap.
            for (Edit e : earlier) {
                if (e.start() < end && e.end() > start) {
                    start = Math.min(start, e.start());
                    end = Math.max(end, e.end());
                }
            }
            moved.add(f.movedTo(start, end, input.substring(start, end)));
        }
        moved.sort(BY_POSITION);
        List<Edit> kept = new ArrayList<>(moved.size());
        int last = -1;
        for (Edit m : moved) {
            if (m.start() >= last) {
                kept.add(m);
                last = Math.max(last, m.end());
            }
        }
        List<Edit> result = new ArrayList<>(earlier.size() + kept.size());
        for (Edit e : earlier) {
            if (!covered(e, kept)) {
                result.add(e);
            }
        }
        result.addAll(kept);
        result.sort(BY_POSITION);
        return result;
    }

    private static boolean covered(Edit e, List<Edit> findings) {
        for (Edit f : findings) {
            if (f.start() <= e.start() && e.end() <= f.end()) {
                return true;
            }
        }
        return false;
    }

    /** The text after applying the applied edits (sorted, non-overlapping) to {@code input}. */
    public static String apply(String input, List<Edit> edits) {
        if (edits.stream().noneMatch(Edit::applied)) {
            return input;
        }
        StringBuilder out = new StringBuilder(input.length() + 16);
        int pos = 0;
        for (Edit e : edits) {
            if (!e.applied()) {
                continue;
            }
            if (e.start() < pos) {
                throw new IllegalArgumentException("edits overlap at " + e.start());
            }
            out.append(input, pos, e.start()).append(e.replacement());
            pos = e.end();
        }
        return out.append(input, pos, input.length()).toString();
    }
}
