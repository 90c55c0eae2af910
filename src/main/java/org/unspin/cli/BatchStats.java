package org.unspin.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Counts of a corpus run, kept by the writer thread alone; saved in checkpoints so that a resumed run's summary
 * covers the whole input, and written by {@code --stats} as JSON.
 */
final class BatchStats {
    /** Upper bounds of the score histogram buckets (findings per 1,000 words); the last bucket is open. */
    static final double[] BOUNDS = {0, 1, 2, 5, 10, 20, 50};
    static final String[] LABELS = {"0", "(0,1]", "(1,2]", "(2,5]", "(5,10]", "(10,20]", "(20,50]", ">50"};

    long records;
    long documents;
    long changed;
    long words;
    long findings;
    long edits;
    long applied;
    long blank;
    long dropped;
    long split;
    long errors;
    long bytes;
    double seconds;
    /** CPU time the worker threads spent on records (0 in a checkpoint: a resumed run counts its own part). */
    double workerCpuSeconds;
    final Map<String, Long> byCategory = new TreeMap<>();
    final Map<String, Long> errorsByKind = new TreeMap<>();
    final long[] histogram = new long[LABELS.length];

    void score(double perThousandWords) {
        int bucket = 0;
        while (bucket < BOUNDS.length && perThousandWords > BOUNDS[bucket]) {
            bucket++;
        }
        histogram[bucket]++;
    }

    void error(String kind) {
        errors++;
        errorsByKind.merge(kind, 1L, Long::sum);
    }

    ObjectNode toJson(ObjectMapper json, int threads) {
        ObjectNode o = json.createObjectNode();
        o.put("records", records);
        o.put("documents", documents);
        o.put("changed", changed);
        o.put("words", words);
        o.put("findings", findings);
        o.put("edits", edits);
        o.put("applied", applied);
        ObjectNode categories = o.putObject("byCategory");
        byCategory.forEach(categories::put);
        ObjectNode hist = o.putObject("scoreHistogram");
        for (int i = 0; i < LABELS.length; i++) {
            hist.put(LABELS[i], histogram[i]);
        }
        o.put("errors", errors);
        ObjectNode kinds = o.putObject("errorsByKind");
        errorsByKind.forEach(kinds::put);
        o.put("blank", blank);
        o.put("dropped", dropped);
        o.put("split", split);
        o.put("bytes", bytes);
        o.put("seconds", Math.round(seconds * 1000) / 1000.0);
        o.put("mbPerSecond", Math.round(bytes / 1e6 / Math.max(seconds, 1e-9) * 100) / 100.0);
        if (threads > 0) {
            o.put("threads", threads);
            o.put("workerCpuSeconds", Math.round(workerCpuSeconds * 1000) / 1000.0);
            o.put("mbPerWorkerCpuSecond", Math.round(bytes / 1e6 / Math.max(workerCpuSeconds, 1e-9) * 100) / 100.0);
        }
        return o;
    }

    static BatchStats fromJson(JsonNode o) {
        BatchStats s = new BatchStats();
        s.records = o.path("records").asLong();
        s.documents = o.path("documents").asLong();
        s.changed = o.path("changed").asLong();
        s.words = o.path("words").asLong();
        s.findings = o.path("findings").asLong();
        s.edits = o.path("edits").asLong();
        s.applied = o.path("applied").asLong();
        s.errors = o.path("errors").asLong();
        s.blank = o.path("blank").asLong();
        s.dropped = o.path("dropped").asLong();
        s.split = o.path("split").asLong();
        s.bytes = o.path("bytes").asLong();
        s.seconds = o.path("seconds").asDouble();
        for (Iterator<Map.Entry<String, JsonNode>> it = o.path("byCategory").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            s.byCategory.put(e.getKey(), e.getValue().asLong());
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = o.path("errorsByKind").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            s.errorsByKind.put(e.getKey(), e.getValue().asLong());
        }
        for (int i = 0; i < LABELS.length; i++) {
            s.histogram[i] = o.path("scoreHistogram").path(LABELS[i]).asLong();
        }
        return s;
    }

    /** The end-of-run summary, a few lines for standard error. */
    String summary() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "unspin: %,d records: %,d documents (%,d changed), %,d errors, %,d blank;"
                        + " %,d dropped, %,d split%n", records, documents, changed, errors, blank, dropped, split));
        sb.append(String.format(Locale.ROOT, "unspin: %,d words, %,d findings, %,d edits (%,d applied)%s%n", words,
                findings, edits, applied, byCategory.isEmpty() ? "" : ": " + byCategory.entrySet().stream()
                        .map(e -> e.getKey() + " " + String.format(Locale.ROOT, "%,d", e.getValue()))
                        .collect(Collectors.joining(", "))));
        sb.append("unspin: score (findings per 1,000 words):");
        for (int i = 0; i < LABELS.length; i++) {
            sb.append(String.format(Locale.ROOT, " %s: %,d%s", LABELS[i], histogram[i], i + 1 < LABELS.length ? "," : ""));
        }
        sb.append('\n');
        if (!errorsByKind.isEmpty()) {
            sb.append("unspin: errors: ").append(errorsByKind.entrySet().stream()
                    .map(e -> e.getKey() + " " + String.format(Locale.ROOT, "%,d", e.getValue()))
                    .collect(Collectors.joining(", "))).append('\n');
        }
        sb.append(String.format(Locale.ROOT, "unspin: %.1f MB in %.1f s = %.1f MB/s, %,.0f documents/s%n", bytes / 1e6,
                seconds, bytes / 1e6 / Math.max(seconds, 1e-9), documents / Math.max(seconds, 1e-9)));
        if (workerCpuSeconds > 0) {
            sb.append(String.format(Locale.ROOT, "unspin: workers' CPU time %.1f s = %.1f MB/s per core%n",
                    workerCpuSeconds, bytes / 1e6 / workerCpuSeconds));
        }
        return sb.toString();
    }
}
