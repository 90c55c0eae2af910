package org.unspin.eval;

import java.util.List;
import org.unspin.edit.Edit;

/**
 * Clean text, its spun version and the swaps: edits on the clean text (sorted, not overlapping) whose
 * replacement is what the spinner wrote.
 *
 * @param rate the share of the document's eligible words and phrases the spinner swapped (NaN if unknown)
 */
public record Spun(String clean, String spun, List<Edit> swaps, double rate) {
    public Spun {
        swaps = List.copyOf(swaps);
    }

    public Spun(String clean, String spun, List<Edit> swaps) {
        this(clean, spun, swaps, Double.NaN);
    }
}
