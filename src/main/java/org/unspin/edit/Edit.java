package org.unspin.edit;

import java.util.Objects;

/**
 * One change unspin made, or proposes, to a text.
 *
 * <p>{@code start}/{@code end} are UTF-16 offsets into the <em>input</em> text, {@code original} is exactly
 * {@code input.substring(start, end)}. {@code replacement} is the suggested text; it may be {@code null} for a
 * finding that has no suggestion. {@code applied} says whether the repaired text contains the replacement
 * ({@code fix} applies it) or the original (a finding that is only reported).
 *
 * @param start       first input char of the span (inclusive, UTF-16 index)
 * @param end         end of the span in the input (exclusive)
 * @param original    the input text of the span
 * @param replacement the suggested text, or {@code null}
 * @param category    what kind of problem, e.g. {@code spun-phrase}, {@code unicode}, {@code markup}
 * @param rule        id of the rule or table that made the edit, e.g. {@code phrase-table}, {@code nfc}
 * @param source      where the evidence lives, e.g. {@code spun-news.tsv:42}; {@code null} for built-in rules
 * @param confidence  0..1, how sure unspin is that the replacement restores the original text
 * @param explanation one line a person can read
 * @param applied     whether the repaired text carries the replacement
 */
public record Edit(int start, int end, String original, String replacement, String category, String rule,
                   String source, double confidence, String explanation, boolean applied) {

    public Edit {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span " + start + ".." + end);
        }
        Objects.requireNonNull(original, "original");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(explanation, "explanation");
        if (original.length() != end - start) {
            throw new IllegalArgumentException("original length " + original.length() + " != span " + (end - start));
        }
        if (applied && replacement == null) {
            throw new IllegalArgumentException("an applied edit needs a replacement");
        }
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence out of 0..1: " + confidence);
        }
    }

    /** The same edit moved to other input offsets (used when a stage ran on an already-changed text). */
    public Edit at(int newStart, int newEnd, String newOriginal) {
        return new Edit(newStart, newEnd, newOriginal, replacement, category, rule, source, confidence,
                explanation, applied);
    }

    /** The same edit, reported but not applied. */
    public Edit notApplied() {
        return applied ? new Edit(start, end, original, replacement, category, rule, source, confidence,
                explanation, false) : this;
    }

    /** What the repaired text holds for this span. */
    public String outputText() {
        return applied ? replacement : original;
    }
}
