package org.unspin.spark;

import java.util.Iterator;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.unspin.corpus.RecordAnnotator;
import org.unspin.corpus.RecordAnnotator.BadRecordException;

/**
 * Annotates one partition of JSON lines, lazily and in order. A line that is not a JSON object with a string
 * text field is passed through unchanged and counted.
 */
final class LineAnnotator implements MapPartitionsFunction<String, String> {
    private static final int SNIPPET = 80;

    private final AnnotatorSpec spec;
    private final JobCounters counters;

    LineAnnotator(AnnotatorSpec spec, JobCounters counters) {
        this.spec = spec;
        this.counters = counters;
    }

    @Override
    public Iterator<String> call(Iterator<String> lines) {
        RecordAnnotator annotator = spec.annotator();
        return new Iterator<>() {
            private int samples;

            @Override
            public boolean hasNext() {
                return lines.hasNext();
            }

            @Override
            public String next() {
                String line = lines.next();
                try {
                    JsonLines.Annotated out = JsonLines.annotate(annotator, line);
                    counters.records.add(1);
                    counters.findings.add(out.repair().score().findings());
                    if (out.repair().changed()) {
                        counters.changed.add(1);
                    }
                    return out.line();
                } catch (BadRecordException e) {
                    counters.bad.add(1);
                    if (samples++ < JobCounters.SAMPLES_PER_TASK) {
                        counters.badSamples.add(e.getMessage() + ": " + snippet(line));
                    }
                    return line;
                }
            }
        };
    }

    private static String snippet(String line) {
        return line.length() <= SNIPPET ? line : line.substring(0, SNIPPET) + "...";
    }
}
