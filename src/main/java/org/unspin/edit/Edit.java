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
 * <p>Build one with named fields: {@code Edit.at(start, end, original).replacement("x").category("spun-phrase")
 * .rule("phrase-table").confidence(0.9).explanation("why").applied(true).build()}.
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

    /**
     * Starts an edit of {@code input[start, end)}, whose text is {@code original}. Category, rule, confidence and
     * explanation must be set before {@link Builder#build()}; replacement and source default to none, applied
     * to false.
     */
    public static Builder at(int start, int end, String original) {
        return new Builder(start, end, original);
    }

    /** A builder holding this edit's fields, to change some of them. */
    public Builder toBuilder() {
        return new Builder(start, end, original).replacement(replacement).category(category).rule(rule)
                .source(source).confidence(confidence).explanation(explanation).applied(applied);
    }

    /** The same edit moved to other input offsets (used when a stage ran on an already-changed text). */
    public Edit movedTo(int newStart, int newEnd, String newOriginal) {
        return toBuilder().span(newStart, newEnd, newOriginal).build();
    }

    /** The same edit, reported but not applied. */
    public Edit notApplied() {
        return applied ? toBuilder().applied(false).build() : this;
    }

    /** What the repaired text holds for this span. */
    public String outputText() {
        return applied ? replacement : original;
    }

    /** Named fields of an {@link Edit}; {@link #build()} validates them as the record does. */
    public static final class Builder {
        private int start;
        private int end;
        private String original;
        private String replacement;
        private String category;
        private String rule;
        private String source;
        private double confidence = Double.NaN; // no default: an edit without a confidence is a bug
        private String explanation;
        private boolean applied;

        private Builder(int start, int end, String original) {
            span(start, end, original);
        }

        private Builder span(int start, int end, String original) {
            this.start = start;
            this.end = end;
            this.original = original;
            return this;
        }

        /** The suggested text, or null for a finding without a suggestion. */
        public Builder replacement(String replacement) {
            this.replacement = replacement;
            return this;
        }

        public Builder category(String category) {
            this.category = category;
            return this;
        }

        public Builder rule(String rule) {
            this.rule = rule;
            return this;
        }

        /** Where the evidence lives, e.g. {@code spun-news.tsv:42}; null for built-in rules. */
        public Builder source(String source) {
            this.source = source;
            return this;
        }

        public Builder confidence(double confidence) {
            this.confidence = confidence;
            return this;
        }

        public Builder explanation(String explanation) {
            this.explanation = explanation;
            return this;
        }

        /** Whether the repaired text carries the replacement (default false: only reported). */
        public Builder applied(boolean applied) {
            this.applied = applied;
            return this;
        }

        public Edit build() {
            return new Edit(start, end, original, replacement, category, rule, source, confidence, explanation,
                    applied);
        }
    }
}
