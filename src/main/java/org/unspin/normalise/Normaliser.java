package org.unspin.normalise;

import java.util.List;
import org.unspin.edit.Edit;

/**
 * First pipeline stage: Unicode and markup clean-up. Every change is recorded as an applied {@link Edit}
 * in input offsets (category {@code unicode} or {@code markup}).
 */
public final class Normaliser {

    /** Clean-ups that also change clean text, so they are off by default. */
    public record Options(boolean collapseSpaces, boolean foldTypography) {
        public static final Options DEFAULT = new Options(false, false);
    }

    /** The cleaned text and the edits (sorted, disjoint, applied) that turn the input into it. */
    public record Result(String text, List<Edit> edits) {
    }

    private final Options options;

    public Normaliser(Options options) {
        this.options = options;
    }

    public Result normalise(String input) {
        // Skeleton: implemented in the normalise stage work.
        return new Result(input, List.of());
    }
}
