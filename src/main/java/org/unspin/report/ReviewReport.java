package org.unspin.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.unspin.Repair;
import org.unspin.SpinScore;
import org.unspin.edit.Edit;

/**
 * The review report: one self-contained HTML page (inline CSS, JavaScript and SVG, no network requests) that
 * shows what unspin did to a set of documents, lets a reviewer mark edits as wrong and exports those marks as
 * an allow list. The page's data is one JSON object in a {@code <script type="application/json">} element,
 * built here by {@link #data}; the page script (resource {@code report.html}) draws everything from it.
 *
 * <p>Data: {@code summary} (documents, words, edits by category and by confidence band, documents at or above
 * the threshold), {@code histogram} of document scores, {@code topRewritten} and {@code topFlagged} (30 most
 * frequent phrases, [phrase, suggestion, count]), the interned {@code categories} and {@code explanations},
 * and {@code docs}: per document its name {@code n}, words {@code w}, score {@code s}, findings {@code f},
 * text pieces {@code t} ([input offset, text], the whole input unless it is long) and edits {@code e}
 * ([start, end, replacement or null, category index, applied 0/1, confidence, explanation index]; offsets are
 * UTF-16 input offsets, as in JavaScript strings).
 */
public final class ReviewReport {
    /** Default spin threshold: documents with at least this many findings per 1,000 words count as spun. */
    public static final double DEFAULT_THRESHOLD = 2.0;
    /** Phrases listed in each of the two top-phrase charts. */
    static final int TOP = 30;
    /** Text characters the page may hold in all; longer documents keep only the text around their edits. */
    static final int TEXT_BUDGET = 6_000_000;
    /** Every document may keep at least this much whole text, and none more than {@link #MAX_WHOLE}. */
    static final int MIN_WHOLE = 2_000;
    static final int MAX_WHOLE = 100_000;
    /** Characters of context kept on each side of an edit, and at the start, of a cut document. */
    static final int CONTEXT = 300;
    /** Lower bounds of the confidence bands, highest first. */
    static final double[] BANDS = {0.95, 0.8, 0.5, 0};

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One reviewed document: its name (file, or file:line for JSONL) and its repair. */
    public record Document(String name, Repair repair) {
    }

    private ReviewReport() {
    }

    /** The whole HTML page. */
    public static String html(List<Document> docs, double threshold, int inputDocuments) {
        String template;
        try (InputStream in = ReviewReport.class.getResourceAsStream("report.html")) {
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return template.replace("/*UNSPIN-DATA*/", scriptSafeJson(data(docs, threshold, inputDocuments)));
    }

    /** The page's data object (see the class comment). */
    public static ObjectNode data(List<Document> docs, double threshold, int inputDocuments) {
        ObjectNode root = JSON.createObjectNode();
        root.put("threshold", threshold);
        Map<String, Integer> categories = new TreeMap<>();
        docs.forEach(d -> d.repair().edits().forEach(e -> categories.putIfAbsent(e.category(), 0)));
        int index = 0;
        for (Map.Entry<String, Integer> c : categories.entrySet()) {
            c.setValue(index++);
        }
        root.set("categories", JSON.valueToTree(categories.keySet()));
        root.set("summary", summary(docs, threshold, inputDocuments));
        root.set("histogram", histogram(docs, threshold));
        root.set("topRewritten", top(docs, true));
        root.set("topFlagged", top(docs, false));
        Map<String, Integer> explanations = new LinkedHashMap<>();
        ArrayNode out = root.putArray("docs");
        int wholeLimit = Math.max(MIN_WHOLE, Math.min(MAX_WHOLE, TEXT_BUDGET / Math.max(1, docs.size())));
        for (Document d : docs) {
            Repair r = d.repair();
            ObjectNode o = out.addObject();
            o.put("n", d.name());
            o.put("w", r.score().words());
            o.put("s", round(r.score().perThousandWords()));
            o.put("f", r.score().findings());
            ArrayNode pieces = o.putArray("t");
            for (int[] piece : pieces(r, wholeLimit)) {
                pieces.addArray().add(piece[0]).add(r.input().substring(piece[0], piece[1]));
            }
            ArrayNode edits = o.putArray("e");
            for (Edit e : r.edits()) {
                ArrayNode a = edits.addArray().add(e.start()).add(e.end());
                if (e.replacement() == null) {
                    a.addNull();
                } else {
                    a.add(e.replacement());
                }
                a.add(categories.get(e.category())).add(e.applied() ? 1 : 0).add(e.confidence())
                        .add(explanations.computeIfAbsent(e.explanation(), k -> explanations.size()));
            }
        }
        root.set("explanations", JSON.valueToTree(explanations.keySet()));
        return root;
    }

    private static ObjectNode summary(List<Document> docs, double threshold, int inputDocuments) {
        ObjectNode s = JSON.createObjectNode();
        s.put("documents", docs.size());
        s.put("inputDocuments", inputDocuments);
        long words = 0, rewrites = 0, reports = 0, spun = 0;
        Map<String, Integer> byCategory = new TreeMap<>();
        int[] bands = new int[BANDS.length];
        for (Document d : docs) {
            SpinScore score = d.repair().score();
            words += score.words();
            if (score.perThousandWords() >= threshold && score.findings() > 0) {
                spun++;
            }
            for (Edit e : d.repair().edits()) {
                byCategory.merge(e.category(), 1, Integer::sum);
                if (e.applied()) {
                    rewrites++;
                } else {
                    reports++;
                }
                int b = 0;
                while (e.confidence() < BANDS[b]) {
                    b++;
                }
                bands[b]++;
            }
        }
        s.put("words", words);
        s.put("edits", rewrites + reports);
        s.put("rewrites", rewrites);
        s.put("reports", reports);
        s.set("byCategory", JSON.valueToTree(byCategory));
        ObjectNode byBand = s.putObject("byBand");
        for (int b = 0; b < BANDS.length; b++) {
            byBand.put(bandName(b), bands[b]);
        }
        s.put("aboveThreshold", spun);
        s.put("shareAboveThreshold", docs.isEmpty() ? 0 : round(spun / (double) docs.size()));
        return s;
    }

    /** "0.95–1", "0.8–0.95", ...: the band of confidences from {@code BANDS[b]} up to the next bound. */
    static String bandName(int b) {
        return fmt(BANDS[b]) + "–" + (b == 0 ? "1" : fmt(BANDS[b - 1]));
    }

    private static String fmt(double x) {
        return x == Math.rint(x) ? Long.toString((long) x) : Double.toString(x);
    }

    /** Score histogram: {@code binWidth} (1, 2 or 5 times a power of ten, about 20 bins) and counts. */
    private static ObjectNode histogram(List<Document> docs, double threshold) {
        double max = Math.max(threshold, docs.stream().mapToDouble(d -> d.repair().score().perThousandWords())
                .max().orElse(0));
        double width = niceStep(Math.max(max, 1e-9) / 20);
        int bins = (int) Math.floor(max / width) + 1;
        int[] counts = new int[bins];
        for (Document d : docs) {
            counts[Math.min(bins - 1, (int) Math.floor(d.repair().score().perThousandWords() / width))]++;
        }
        ObjectNode h = JSON.createObjectNode();
        h.put("binWidth", width);
        h.set("counts", JSON.valueToTree(counts));
        return h;
    }

    static double niceStep(double raw) {
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * p >= raw) {
                return m * p;
            }
        }
        return 10 * p;
    }

    /**
     * The most frequent rewritten ({@code applied}) or only reported phrases, spin categories only:
     * [phrase as first seen, suggestion or null, count], counted case-insensitively, ties by phrase.
     */
    private static ArrayNode top(List<Document> docs, boolean applied) {
        Map<String, Object[]> counts = new HashMap<>();
        for (Document d : docs) {
            for (Edit e : d.repair().edits()) {
                if (e.applied() != applied || SpinScore.HOUSEKEEPING.contains(e.category())) {
                    continue;
                }
                String key = phraseKey(e.original()) + "\t" + (e.replacement() == null ? "" : phraseKey(e.replacement()));
                counts.computeIfAbsent(key, k -> new Object[] {e.original(), e.replacement(), 0});
                Object[] c = counts.get(key);
                c[2] = (Integer) c[2] + 1;
            }
        }
        List<Map.Entry<String, Object[]>> ranked = new ArrayList<>(counts.entrySet());
        ranked.sort(Comparator.<Map.Entry<String, Object[]>>comparingInt(c -> -(Integer) c.getValue()[2])
                .thenComparing(Map.Entry::getKey));
        ArrayNode out = JSON.createArrayNode();
        for (Map.Entry<String, Object[]> c : ranked.subList(0, Math.min(TOP, ranked.size()))) {
            Object[] v = c.getValue();
            ArrayNode row = out.addArray().add((String) v[0]);
            if (v[1] == null) {
                row.addNull();
            } else {
                row.add((String) v[1]);
            }
            row.add((Integer) v[2]);
        }
        return out;
    }

    /** Case, whitespace and invisible characters (soft hyphens, zero-width spaces) do not make another phrase. */
    private static String phraseKey(String phrase) {
        return phrase.replaceAll("\\p{Cf}", "").replaceAll("[\\s\\u00A0]+", " ").strip().toLowerCase(Locale.ROOT);
    }

    /**
     * The parts of the input the page keeps, as [from, to) input offsets: all of it when it is at most
     * {@code wholeLimit} characters long, else the start and {@link #CONTEXT} characters around every edit
     * (merged where they meet), never cutting a surrogate pair.
     */
    static List<int[]> pieces(Repair r, int wholeLimit) {
        String text = r.input();
        List<int[]> pieces = new ArrayList<>();
        if (text.length() <= wholeLimit) {
            pieces.add(new int[] {0, text.length()});
            return pieces;
        }
        pieces.add(new int[] {0, safe(text, Math.min(text.length(), CONTEXT))});
        for (Edit e : r.edits()) {
            int from = safe(text, Math.max(0, e.start() - CONTEXT));
            int to = safe(text, Math.min(text.length(), e.end() + CONTEXT));
            int[] last = pieces.get(pieces.size() - 1);
            if (from <= last[1]) {
                last[1] = Math.max(last[1], to);
            } else {
                pieces.add(new int[] {from, to});
            }
        }
        return pieces;
    }

    /** {@code i}, moved back one if it would split a surrogate pair. */
    private static int safe(String text, int i) {
        return i > 0 && i < text.length() && Character.isLowSurrogate(text.charAt(i))
                && Character.isHighSurrogate(text.charAt(i - 1)) ? i - 1 : i;
    }

    private static double round(double x) {
        return Math.round(x * 1000) / 1000.0;
    }

    /**
     * JSON that can sit inside a script element: {@code <}, {@code >} and {@code &} are written as
     * {@code \}{@code u003C}-style escapes, so no {@code </script>} or {@code <!--} can appear, and U+2028/9
     * are escaped too.
     */
    static String scriptSafeJson(ObjectNode data) {
        try {
            return JSON.writer().with(new ScriptEscapes()).writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    private static final class ScriptEscapes extends CharacterEscapes {
        private final int[] table = standardAsciiEscapesForJSON();

        ScriptEscapes() {
            table['<'] = ESCAPE_STANDARD;
            table['>'] = ESCAPE_STANDARD;
            table['&'] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return table;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            if (ch == 0x2028 || ch == 0x2029) {
                return new com.fasterxml.jackson.core.io.SerializedString(String.format("\\u%04x", ch));
            }
            return null;
        }
    }
}
