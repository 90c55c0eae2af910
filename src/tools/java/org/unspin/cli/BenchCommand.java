package org.unspin.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.OutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import org.unspin.Repair;
import org.unspin.Unspinner;
import org.unspin.corpus.Compression;
import org.unspin.lexicon.PhraseEntry;
import org.unspin.lexicon.PhraseKey;
import org.unspin.lexicon.PhraseTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code unspin bench}: single-thread throughput of the full {@code fix} pipeline on clean prose with a large
 * generated phrase table. The table's spun keys are word n-grams of the benchmark text with one word swapped
 * for another word of the text, so the trie is walked for real (most lookups hit a first word) while few
 * entries match; this is the hard case for matching speed, not an easy one.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, resourceBundle = "org.unspin.cli.BenchCommand",
        description = "Measure fix throughput (MB/s, one thread) with a large generated phrase table; with --compare, "
                + "unspin against LanguageTool and an Aho-Corasick pass on the same text.")
final class BenchCommand implements Callable<Integer> {
    /**
     * CPU time of the benchmark thread: on a shared machine wall-clock MB/s depends on the other processes, the
     * thread's own CPU time does not (JIT and GC threads are not counted). In a holder class: every command's
     * class loads when the CLI starts, and java.management takes a while.
     */
    private static final class Cpu {
        static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    }

    @Spec
    CommandSpec spec;

    @Option(names = "--text", description = "Clean text (a file, or a folder of .txt files) to repeat as benchmark "
            + "input (default: ${DEFAULT-VALUE}).", defaultValue = "testdata/clean-sotu-excerpt.txt")
    Path textPath;

    @Option(names = "--mb", description = "Megabytes of text to process per round (default: ${DEFAULT-VALUE}).",
            defaultValue = "20")
    int megabytes;

    @Option(names = "--entries", description = "Generated phrase-table entries, 0 for the shipped tables only "
            + "(default: ${DEFAULT-VALUE}).",
            defaultValue = "100000")
    int entries;

    @Option(names = "--rounds", description = "Measured rounds after one warm-up round (default: ${DEFAULT-VALUE}).",
            defaultValue = "3")
    int rounds;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed for the generated table.")
    long seed;

    @Mixin
    Options.ContextRules contextRules;

    @Mixin
    Options.Restore restore;

    @Option(names = "--spin", paramLabel = "RATE", converter = Options.ZeroToOne.class,
            description = "Measure on heavily spun text: each document spun first by the evaluation's simulated "
                    + "spinner (shared dictionary, seed 1) at this share of eligible words, e.g. 0.3.")
    Double spinRate;

    @Option(names = "--compare", description = "Instead: compare unspin with LanguageTool (context rules only, "
            + "the export-lt rules, default English rules) and an Aho-Corasick pass over the table keys, on the "
            + "same documents; --mb applies to unspin and Aho-Corasick, --sample-kb to LanguageTool.")
    boolean compare;

    @Option(names = "--sample-kb", defaultValue = "200",
            description = "With --compare: kilobytes of the input LanguageTool analyses (default: ${DEFAULT-VALUE}).")
    int sampleKb;

    @Option(names = "--make-jsonl", paramLabel = "FILE", description = "Instead of measuring, write --mb megabytes "
            + "of JSONL records {id, source, text} made of the --text documents (4 KB each, repeated) to FILE, for "
            + "corpus-mode runs (fix --jsonl); .gz and .zst compress.")
    Path makeJsonl;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        String sample = readText(RepositoryPaths.resolve(spec, "--text", textPath));
        List<String> documents = splitIntoDocuments(sample);
        if (spinRate != null) {
            org.unspin.eval.SpinnerProfile spinner = org.unspin.eval.SpinnerProfile.draw(
                    org.unspin.eval.SpinnerProfile.Kind.SHARED, 1);
            List<String> spun = new ArrayList<>(documents.size());
            for (int d = 0; d < documents.size(); d++) {
                spun.add(spinner.spin(documents.get(d), d, spinRate).spun());
            }
            documents = spun;
            out.printf(Locale.ROOT, "text spun at %.0f %% of eligible words%n", 100 * spinRate);
        }
        if (compare) {
            new CompareBench(out, documents).run(megabytes * 1_000_000L, sampleKb);
            return 0;
        }
        if (makeJsonl != null) {
            OutputChecks.knownCompression("--make-jsonl", makeJsonl.toString());
            long bytes;
            try {
                bytes = writeJsonl(documents, makeJsonl, megabytes * 1_000_000L);
            } catch (java.nio.file.NoSuchFileException | java.nio.file.AccessDeniedException e) {
                throw new UserError("--make-jsonl " + makeJsonl + ": cannot write ("
                        + (e instanceof java.nio.file.NoSuchFileException ? "no such directory" : "permission denied") + ")");
            }
            out.printf(Locale.ROOT, "%s: %.1f MB of JSONL%n", makeJsonl, bytes / 1e6);
            out.flush();
            return 0;
        }
        Path table = Files.createTempFile("unspin-bench", ".tsv");
        try {
            int written = writeGeneratedTable(sample, table);
            long t0 = System.nanoTime();
            Unspinner.Builder builder = Unspinner.builder()
                    .settings(Options.settings(org.unspin.Settings.builder(), contextRules, restore));
            if (written > 0) { // --entries 0: the shipped tables only, as a corpus user runs it
                builder.addDictionary(table);
            }
            Unspinner unspinner = builder.build();
            double loadSeconds = (System.nanoTime() - t0) / 1e9;
            out.printf(Locale.ROOT, "table: %,d generated entries + shipped tables, loaded in %.2f s%n",
                    written, loadSeconds);

            long targetChars = megabytes * 1_000_000L;
            for (int round = 0; round <= rounds; round++) {
                long chars = 0, bytes = 0, edits = 0, docs = 0;
                long start = System.nanoTime();
                long cpuStart = Cpu.THREADS.getCurrentThreadCpuTime();
                while (chars < targetChars) {
                    for (String doc : documents) {
                        Repair r = unspinner.repair(doc);
                        chars += doc.length();
                        bytes += utf8Length(doc);
                        edits += r.edits().size();
                        docs++;
                    }
                }
                double cpuSeconds = (Cpu.THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e9;
                double seconds = (System.nanoTime() - start) / 1e9;
                out.printf(Locale.ROOT, "%s: %,d docs, %.1f MB in %.2f s = %.1f MB/s (thread CPU %.2f s = %.1f MB/s), "
                                + "%,.0f docs/s, %,d edits%n",
                        round == 0 ? "warm-up" : "round " + round, docs, bytes / 1e6, seconds,
                        bytes / 1e6 / seconds, cpuSeconds, bytes / 1e6 / cpuSeconds, docs / seconds, edits);
                out.flush();
            }
        } finally {
            Files.deleteIfExists(table);
        }
        return 0;
    }

    /** Writes records until {@code target} uncompressed bytes; returns the bytes written. */
    private static long writeJsonl(List<String> documents, Path file, long target) throws IOException {
        Compression compression = Compression.of(file.getFileName().toString());
        ObjectMapper json = new ObjectMapper();
        long written = 0;
        try (OutputStream raw = Files.newOutputStream(file);
             OutputStream out = new BufferedOutputStream(compression.member(new BufferedOutputStream(raw, 1 << 16)), 1 << 16)) {
            for (long id = 0; written < target; id++) {
                ObjectNode record = json.createObjectNode();
                record.put("id", "bench-" + id);
                record.put("source", "sotu");
                record.put("text", documents.get((int) (id % documents.size())));
                byte[] line = json.writeValueAsBytes(record);
                out.write(line);
                out.write('\n');
                written += line.length + 1;
            }
        }
        return written;
    }

    private static String readText(Path path) throws IOException {
        if (!Files.isReadable(path)) {
            throw new UserError("--text " + path + ": no such readable file or folder");
        }
        if (!Files.isDirectory(path)) {
            return Files.readString(path, StandardCharsets.UTF_8);
        }
        StringBuilder all = new StringBuilder();
        try (var files = Files.list(path)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                all.append(Files.readString(f, StandardCharsets.UTF_8)).append("\n\n");
            }
        }
        return all.toString();
    }

    /** News-sized documents: the text cut into pieces of about 4 KB, each ending after a sentence. */
    static List<String> splitIntoDocuments(String text) {
        List<String> docs = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = Math.min(text.length(), start + 4000);
            int sentenceEnd = text.indexOf(". ", end);
            end = sentenceEnd < 0 ? text.length() : sentenceEnd + 2;
            docs.add(text.substring(start, end));
            start = end;
        }
        return docs;
    }

    private int writeGeneratedTable(String text, Path table) throws IOException {
        String[] words = text.toLowerCase(Locale.ROOT).split("[^a-z]+");
        List<String> vocabulary = new ArrayList<>(new LinkedHashSet<>(List.of(words)));
        vocabulary.remove("");
        Random random = new Random(seed);
        Set<PhraseKey> shipped = new HashSet<>();
        for (PhraseEntry e : PhraseTable.shipped().entries()) {
            shipped.add(PhraseKey.of(e.spun()));
        }
        Set<String> keys = new LinkedHashSet<>();
        int attempts = 0;
        try (BufferedWriter w = Files.newBufferedWriter(table, StandardCharsets.UTF_8)) {
            w.write("spun\tcanonical\tcategory\tconfidence\tnote\n");
            while (keys.size() < entries && attempts++ < entries * 20) {
                int n = 2 + random.nextInt(3);
                int at = random.nextInt(Math.max(1, words.length - n));
                String[] canonical = new String[n];
                for (int i = 0; i < n; i++) {
                    canonical[i] = words[at + i];
                }
                if (List.of(canonical).contains("")) {
                    continue;
                }
                String[] spun = canonical.clone();
                spun[random.nextInt(n)] = vocabulary.get(random.nextInt(vocabulary.size()));
                String spunKey = String.join(" ", spun);
                String canonicalText = String.join(" ", canonical);
                if (spunKey.equals(canonicalText) || shipped.contains(PhraseKey.of(spunKey)) || !keys.add(spunKey)) {
                    continue;
                }
                w.write(spunKey + "\t" + canonicalText + "\tspun-phrase\t0.9\tgenerated for bench\n");
            }
        }
        return keys.size();
    }

    static long utf8Length(String s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            n += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
        }
        return n;
    }
}
