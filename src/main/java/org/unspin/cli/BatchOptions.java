package org.unspin.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.unspin.corpus.RecordAnnotator.EditDetail;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** Corpus-mode options of fix and check (a picocli mixin); see {@link BatchRun}. */
final class BatchOptions {
    /** Default of --max-record-bytes. */
    static final int DEFAULT_MAX_RECORD_BYTES = 64 << 20;

    @Option(names = "--jsonl", description = "Corpus mode: every input (and standard input) is JSONL, one JSON "
            + "object per line. Files named *.jsonl[.gz|.zst] always are.")
    boolean jsonl;

    @Option(names = "--text-field", paramLabel = "NAME", description = "JSONL field with the text. Default: ${DEFAULT-VALUE}.")
    String textField = "text";

    @Option(names = "--id-field", paramLabel = "NAME", description = "JSONL field with the record id (named in "
            + "error reports; a plain text file becomes a record with its path here). Default: ${DEFAULT-VALUE}.")
    String idField = "id";

    @Option(names = "--include", paramLabel = "GLOB", description = "Files of directory inputs to read (repeatable; "
            + "on the file name, or the path below the directory if GLOB has a /). Default: *.txt and *.jsonl, "
            + "also .gz and .zst (with --jsonl: only *.jsonl).")
    List<String> includes = new ArrayList<>();

    @Option(names = "--edits", paramLabel = "DETAIL", description = "Edit detail in each record's unspin object: "
            + "none, summary, full. Default: summary.", converter = DetailConverter.class)
    EditDetail edits;

    @Option(names = "--keep-original", paramLabel = "FIELD", description = "fix: also keep the input text in FIELD.")
    String keepOriginal;

    @Option(names = "--drop-above", paramLabel = "SCORE", description = "Leave out records whose score (findings "
            + "per 1,000 words) is above SCORE; they are counted in the summary.")
    Double dropAbove;

    @Option(names = "--split-above", arity = "2", paramLabel = "SCORE DIR", hideParamSyntax = true,
            description = "Write records whose score is above SCORE to DIR/NAME (NAME: the -o file name, else "
                    + "spun.jsonl) instead of the output.")
    String[] splitAbove;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads. Default: all cores.")
    Integer threads;

    @Option(names = "--max-record-bytes", paramLabel = "SIZE", converter = SizeConverter.class,
            description = "Longer records (JSONL lines, text files) are reported and passed through unchanged, "
                    + "without being held in memory (K, M, G suffixes; at most 1G). Default: 64M.")
    Integer maxRecordBytes;

    @Option(names = "--errors", paramLabel = "FILE", description = "Also write every bad record as one JSON line "
            + "{file, line, offset, kind, reason, id} to FILE.")
    String errors;

    @Option(names = "--strict", description = "Stop at the first bad record (exit 2) instead of passing it through.")
    boolean strict;

    @Option(names = "--resume", description = "Continue an interrupted run of the same command from its last "
            + "checkpoint (needs -o).")
    boolean resume;

    @Option(names = "--stats", paramLabel = "FILE", description = "Write the run's summary as JSON to FILE.")
    String stats;

    @Option(names = {"-q", "--quiet"}, description = "No progress and no summary on standard error.")
    boolean quiet;

    /** Whether any corpus-mode option was given. */
    boolean anyGiven() {
        return jsonl || !textField.equals("text") || !idField.equals("id") || !includes.isEmpty() || edits != null
                || keepOriginal != null || dropAbove != null || splitAbove != null || threads != null
                || maxRecordBytes != null || errors != null || strict || resume || stats != null || quiet;
    }

    EditDetail detail() {
        return edits == null ? EditDetail.SUMMARY : edits;
    }

    int maxRecordBytes() {
        return maxRecordBytes == null ? DEFAULT_MAX_RECORD_BYTES : maxRecordBytes;
    }

    int threads() {
        return threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    }

    static final class DetailConverter implements ITypeConverter<EditDetail> {
        @Override
        public EditDetail convert(String value) {
            try {
                return EditDetail.valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("'" + value + "' is not one of none, summary, full");
            }
        }
    }

    /** Bytes with an optional K, M or G suffix (powers of 1024). */
    static final class SizeConverter implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            String v = value.trim().toUpperCase(Locale.ROOT);
            long unit = 1;
            if (v.endsWith("K") || v.endsWith("M") || v.endsWith("G")) {
                unit = switch (v.charAt(v.length() - 1)) {
                    case 'K' -> 1L << 10;
                    case 'M' -> 1L << 20;
                    default -> 1L << 30;
                };
                v = v.substring(0, v.length() - 1);
            }
            long n;
            try {
                n = Long.parseLong(v) * unit;
            } catch (NumberFormatException e) {
                throw new TypeConversionException("'" + value + "' is not a size such as 1048576, 512K or 64M");
            }
            if (n < 1 || n > 1L << 30) {
                throw new TypeConversionException("'" + value + "' is outside 1..1G");
            }
            return (int) n;
        }
    }
}
