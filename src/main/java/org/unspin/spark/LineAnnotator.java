package org.unspin.spark;

import com.fasterxml.jackson.core.JacksonException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.unspin.Repair;
import org.unspin.corpus.JsonlRecord;
import org.unspin.corpus.RecordAnnotator;

/**
 * Annotates one partition of JSONL lines, lazily and in order, as {@code unspin fix --jsonl} does: each line is
 * decoded and parsed by the CLI's {@link JsonlRecord}, a good record gets its {@code unspin} object, and a bad
 * one (invalid UTF-8, malformed JSON, not an object, no string text field) is passed through byte for byte and
 * counted, with a sample of the reasons. A blank line is passed through, as the CLI does.
 */
final class LineAnnotator implements FlatMapFunction<Iterator<JsonlInput.Line>, byte[]> {
    private static final int SNIPPET = 80;

    private final AnnotatorSpec spec;
    private final JobCounters counters;

    LineAnnotator(AnnotatorSpec spec, JobCounters counters) {
        this.spec = spec;
        this.counters = counters;
    }

    @Override
    public Iterator<byte[]> call(Iterator<JsonlInput.Line> lines) {
        RecordAnnotator annotator = spec.annotator();
        return new Iterator<>() {
            private int samples;

            @Override
            public boolean hasNext() {
                return lines.hasNext();
            }

            @Override
            public byte[] next() {
                JsonlInput.Line line = lines.next();
                JsonlRecord record = line.parse(spec.textField());
                if (record == null) {
                    return line.bytes();
                }
                if (record.bad()) {
                    counters.bad.add(1);
                    if (samples++ < JobCounters.SAMPLES_PER_TASK) {
                        counters.badSamples.add(line.where() + ": " + record.reason() + ": " + snippet(line.bytes()));
                    }
                    return line.bytes();
                }
                Repair repair;
                try {
                    repair = annotator.annotate(record.record());
                } catch (RecordAnnotator.BadRecordException e) {
                    throw new IllegalStateException("a record JsonlRecord accepted has no text", e);
                }
                counters.records.add(1);
                counters.findings.add(repair.score().findings());
                if (repair.changed()) {
                    counters.changed.add(1);
                }
                try {
                    return JsonlInput.MAPPER.writeValueAsBytes(record.record());
                } catch (JacksonException e) {
                    throw new IllegalStateException("cannot write a tree just read", e);
                }
            }
        };
    }

    private static String snippet(byte[] line) {
        String text = new String(line, StandardCharsets.UTF_8);
        return text.length() <= SNIPPET ? text : text.substring(0, SNIPPET) + "...";
    }
}
