package org.unspin.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The corpus of the corpus setting: the documents of the evaluated split plus clean filler, in which one
 * simulated spinner spun a share of the documents (as a spam network runs one spinner over thousands of
 * pages), written as JSONL ({@code {"id", "text"}} per line) for {@code unspin learn --jsonl}.
 *
 * <p>Which documents are spun is fixed by the seed and the document id: document {@code d} is spun when
 * the first 8 bytes of SHA-256("seed\ncorpus\nid") fall in the lowest {@code spunShare} of the range, and it
 * is spun exactly as {@link Evaluation} spins it ({@link Evaluation#documentSeed}), so a spun evaluation
 * document appears in the corpus in the version that is repaired. Filler is added in the order given until
 * the corpus holds {@code targetWords} words; fewer words in all the sources is an error.
 */
public final class MixedCorpus {
    /** The share of spun documents must lie in this range (the issue asks for 10–30 %). */
    public static final double MIN_SPUN_SHARE = 0.10, MAX_SPUN_SHARE = 0.30;
    public static final long DEFAULT_WORDS = 5_000_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * What was written.
     *
     * @param swapPairs how often the spinner wrote each substitute for each original ("observed\toriginal",
     *                  both lower case), to measure what {@code learn} mined against what the spinner did
     */
    public record Stats(Path file, int documents, long words, int spunDocuments, long spunWords, long swaps,
                        int evaluatedDocuments, int fillerDocuments, Map<String, Long> swapPairs) {
        public double spunShare() {
            return documents == 0 ? 0 : (double) spunDocuments / documents;
        }

        public Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("documents", documents);
            m.put("words", words);
            m.put("spunDocuments", spunDocuments);
            m.put("spunShare", Math.round(spunShare() * 10_000) / 10_000.0);
            m.put("spunWords", spunWords);
            m.put("swaps", swaps);
            m.put("splitDocuments", evaluatedDocuments);
            m.put("fillerDocuments", fillerDocuments);
            return m;
        }
    }

    private MixedCorpus() {
    }

    /** Whether the corpus spins this document. */
    public static boolean spun(long seed, String id, double spunShare) {
        long h = Evaluation.documentSeed(seed, "corpus\n" + id);
        double u = (h >>> 11) * 0x1.0p-53;
        return u < spunShare;
    }

    /**
     * Writes the corpus to {@code file}.
     *
     * @param split       the evaluated split's documents, all of them (they always go in)
     * @param filler      clean filler documents, in the order to use them
     * @param targetWords the least number of words of the corpus
     */
    public static Stats write(Path file, SpinnerProfile spinner, long seed, double spunShare,
            List<EvalDocument> split, List<EvalDocument> filler, long targetWords) {
        if (!(spunShare >= MIN_SPUN_SHARE && spunShare <= MAX_SPUN_SHARE)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "spun share %.3f outside %.2f-%.2f", spunShare, MIN_SPUN_SHARE, MAX_SPUN_SHARE));
        }
        int docs = 0, spunDocs = 0, fromSplit = 0, fromFiller = 0;
        long words = 0, spunWords = 0, swaps = 0;
        Map<String, Long> pairs = new java.util.TreeMap<>();
        List<EvalDocument> all = new ArrayList<>(split);
        all.addAll(filler);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < all.size(); i++) {
                boolean isFiller = i >= split.size();
                if (isFiller && words >= targetWords) {
                    break;
                }
                EvalDocument doc = all.get(i);
                String key = doc.domain() + "/" + doc.id();
                String text = doc.text();
                if (spun(seed, key, spunShare)) {
                    Spun s = spinner.spin(text, Evaluation.documentSeed(seed, doc.id()));
                    text = s.spun();
                    spunDocs++;
                    spunWords += SotuChunker.words(doc.text());
                    swaps += s.swaps().size();
                    for (org.unspin.edit.Edit e : s.swaps()) {
                        pairs.merge(e.replacement().toLowerCase(Locale.ROOT) + "\t"
                                + e.original().toLowerCase(Locale.ROOT), 1L, Long::sum);
                    }
                }
                Map<String, String> row = new LinkedHashMap<>();
                row.put("id", key);
                row.put("text", text);
                out.write(JSON.writeValueAsString(row));
                out.write('\n');
                docs++;
                words += SotuChunker.words(doc.text());
                if (isFiller) {
                    fromFiller++;
                } else {
                    fromSplit++;
                }
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new EvalDataException(file + ": cannot write the corpus (" + e.getMessage() + ")");
        }
        if (words < targetWords) {
            throw new EvalDataException(String.format(Locale.ROOT, "the corpus setting needs %,d words; the split "
                    + "and the filler hold only %,d: run scripts/filler/build.sh (filler into %s)", targetWords, words,
                    FILLER_DIR));
        }
        return new Stats(file, docs, words, spunDocs, spunWords, swaps, fromSplit, fromFiller, pairs);
    }

    /**
     * What {@code learn} mined, measured against what the spinner did: rows, rows that are a pair the spinner
     * used, and how many of its swaps those rows name (of all swaps, and of the one-word-for-one-word swaps
     * the miner can see at all).
     */
    public record MiningRecall(int rows, int spinnerRows, long swapsNamed, long swaps, long wordSwaps) {
        public static MiningRecall of(Map<String, Long> swapPairs, List<org.unspin.lexicon.MinedSubstitution> mined) {
            int spinnerRows = 0;
            long named = 0, all = 0, words = 0;
            for (org.unspin.lexicon.MinedSubstitution m : mined) {
                Long n = swapPairs.get(m.observed() + "\t" + m.original());
                if (n != null) {
                    spinnerRows++;
                    named += n;
                }
            }
            for (Map.Entry<String, Long> e : swapPairs.entrySet()) {
                all += e.getValue();
                words += e.getKey().indexOf(' ') < 0 ? e.getValue() : 0;
            }
            return new MiningRecall(mined.size(), spinnerRows, named, all, words);
        }

        public String line() {
            return String.format(Locale.ROOT, "mined %,d rows, %,d of them pairs the spinner used, naming %,d of its "
                    + "%,d swaps (%.1f %%; %.1f %% of the %,d one-word swaps)%n", rows, spinnerRows, swapsNamed, swaps,
                    100.0 * swapsNamed / Math.max(1, swaps), 100.0 * swapsNamed / Math.max(1, wordSwaps), wordSwaps);
        }

        public Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("minedRows", rows);
            m.put("spinnerRows", spinnerRows);
            m.put("swapsNamed", swapsNamed);
            m.put("swaps", swaps);
            m.put("wordSwaps", wordSwaps);
            return m;
        }
    }

    /** Where scripts/filler/build.sh writes the filler. */
    public static final Path FILLER_DIR = Path.of("target/corpora/filler");

    /**
     * The filler documents: every row of the {@code *.jsonl} files in {@code dir} (in file-name order), both
     * split labels (filler is never evaluated), except the files named in {@code exclude} (domains that are
     * evaluated, whose other split must stay out).
     */
    public static List<EvalDocument> filler(Path dir, List<String> exclude) {
        if (!Files.isDirectory(dir)) {
            throw new EvalDataException("filler not found in " + dir + ": run scripts/filler/build.sh");
        }
        List<Path> files;
        try (var list = Files.list(dir)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".jsonl")).sorted().toList();
        } catch (IOException e) {
            throw new EvalDataException(dir + ": " + e.getMessage());
        }
        List<EvalDocument> docs = new ArrayList<>();
        for (Path f : files) {
            String name = f.getFileName().toString().replaceFirst("\\.jsonl$", "");
            if (exclude.contains(name)) {
                continue;
            }
            for (String s : EvalSets.SPLITS) {
                docs.addAll(EvalSets.jsonl(f, "filler-" + name, "field", s));
            }
        }
        return docs;
    }
}
