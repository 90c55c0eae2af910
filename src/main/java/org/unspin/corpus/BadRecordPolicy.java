package org.unspin.corpus;

/**
 * What a command does with a bad record of its {@link RecordSource} (a JSONL line with invalid UTF-8, malformed
 * JSON, no string text field or over the size limit; a text file with invalid UTF-8 or a NUL byte near its
 * start). One policy for every kind: fix and check pass, learn and report skip, {@code --strict} stops.
 */
public enum BadRecordPolicy {
    /** fix and check: the record is written through unchanged and reported. */
    PASS,
    /** learn and report: the record is left out, with a warning. */
    SKIP,
    /** {@code --strict}: the run stops at the record (a {@link CorpusException} naming it). */
    STOP;

    /** {@link #STOP} if {@code strict}, else {@code otherwise}. */
    public static BadRecordPolicy strictOr(boolean strict, BadRecordPolicy otherwise) {
        return strict ? STOP : otherwise;
    }

    /**
     * The one line that reports {@code bad} ({@code FILE:LINE: reason}, {@code , skipped} added when skipped);
     * {@link #STOP} throws instead.
     */
    public String report(BadRecord bad) {
        return switch (this) {
            case PASS -> bad.toString();
            case SKIP -> bad + ", skipped";
            case STOP -> throw new CorpusException(bad.toString());
        };
    }

    /**
     * One bad record: where it is and why it is bad.
     *
     * @param line   1-based line of the record (of the bad byte, in a text file with invalid UTF-8)
     * @param offset byte offset of the record's first byte in its (decompressed) file
     * @param kind   invalid-utf8, malformed-json, not-an-object, no-text-field, text-not-string, too-large or binary
     * @param reason one line; byte offsets in it count from the start of the file
     */
    public record BadRecord(String file, long line, long offset, String kind, String reason) {
        public String where() {
            return file + ":" + line;
        }

        @Override
        public String toString() {
            return where() + ": " + reason;
        }
    }
}
