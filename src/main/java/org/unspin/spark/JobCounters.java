package org.unspin.spark;

import java.io.Serializable;
import java.util.List;
import org.apache.spark.SparkContext;
import org.apache.spark.util.CollectionAccumulator;
import org.apache.spark.util.LongAccumulator;

/**
 * What the job counts on the executors (Spark accumulators, summed on the driver). A task that Spark runs
 * again after a failure counts twice: the numbers are a report, not an audit.
 */
final class JobCounters implements Serializable {
    /** Reasons kept per task, so that a broken input does not fill the driver's memory. */
    static final int SAMPLES_PER_TASK = 3;

    final LongAccumulator records;
    final LongAccumulator changed;
    final LongAccumulator findings;
    final LongAccumulator bad;
    final CollectionAccumulator<String> badSamples;

    JobCounters(SparkContext sc) {
        records = sc.longAccumulator("unspin records");
        changed = sc.longAccumulator("unspin changed records");
        findings = sc.longAccumulator("unspin findings");
        bad = sc.longAccumulator("unspin bad lines");
        badSamples = sc.collectionAccumulator("unspin bad line samples");
    }

    /** The summary line and up to {@code maxSamples} reasons for bad lines. */
    List<String> report(int maxSamples) {
        List<String> lines = new java.util.ArrayList<>();
        lines.add(String.format(java.util.Locale.ROOT,
                "unspin: %,d records, %,d changed, %,d findings; bad lines passed through unchanged: %,d",
                records.value(), changed.value(), findings.value(), bad.value()));
        badSamples.value().stream().limit(maxSamples).forEach(s -> lines.add("unspin: bad line: " + s));
        return lines;
    }
}
