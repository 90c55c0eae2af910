package org.unspin.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToIntFunction;

import org.ahocorasick.trie.Trie;
import org.languagetool.JLanguageTool;
import org.unspin.Unspinner;
import org.unspin.languagetool.ContextRules;
import org.unspin.languagetool.LanguageToolBaselines;
import org.unspin.languagetool.LanguageToolExport;
import org.unspin.languagetool.LanguageToolStage;
import org.unspin.lexicon.PhraseEntry;
import org.unspin.lexicon.PhraseTable;

/**
 * {@code unspin bench --compare}: unspin against LanguageTool and a plain Aho–Corasick pass on the same clean
 * documents, each on the calling thread. The fast engines run over the whole input (repeated to the requested
 * size after an unmeasured warm-up over as much text); the LanguageTool set-ups over an evenly spread sample, their rate standing for
 * the whole input. Wall and thread CPU time are both reported: on a shared machine CPU time is the steadier.
 */
final class CompareBench {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final PrintWriter out;
    private final List<String> documents;
    private final long inputBytes;

    /** One measured engine: bytes processed, wall and CPU seconds, findings. */
    private record Row(String label, long bytes, double wall, double cpu, long findings, boolean sampled) {
        double wallRate() {
            return bytes / 1e6 / wall;
        }

        double cpuRate() {
            return bytes / 1e6 / cpu;
        }
    }

    CompareBench(PrintWriter out, List<String> documents) {
        this.out = out;
        this.documents = documents;
        this.inputBytes = documents.stream().mapToLong(BenchCommand::utf8Length).sum();
    }

    void run(long targetBytes, int sampleKb) {
        List<String> sample = sample(sampleKb * 1000L);
        long sampleBytes = sample.stream().mapToLong(BenchCommand::utf8Length).sum();
        out.printf(Locale.ROOT, "input: %,d documents, %.2f MB; fast engines repeat it to %.1f MB, LanguageTool "
                        + "set-ups use every %d-th document (%,d documents, %.0f KB)%n", documents.size(),
                inputBytes / 1e6, targetBytes / 1e6, documents.size() / Math.max(1, sample.size()), sample.size(),
                sampleBytes / 1e3);
        out.flush();
        List<Row> rows = new ArrayList<>();

        Unspinner unspin = Unspinner.withDefaults();
        long sentences = documents.stream().mapToLong(LanguageToolStage::countSentences).sum();
        long checkedBefore = unspin.contextRuleSentencesChecked();
        measure(documents, d -> unspin.repair(d).edits().size()); // one pass that counts sentences
        long checked = unspin.contextRuleSentencesChecked() - checkedBefore;
        warmUp(targetBytes, d -> unspin.repair(d).edits().size());
        rows.add(repeated("(a) unspin fix, default (tables + context rules)", targetBytes,
                d -> unspin.repair(d).edits().size()));
        Unspinner tablesOnly = Unspinner.builder().contextRules(false).build();
        warmUp(targetBytes, d -> tablesOnly.repair(d).edits().size());
        rows.add(repeated("(a') unspin fix --no-context-rules", targetBytes, d -> tablesOnly.repair(d).edits().size()));
        out.printf(Locale.ROOT, "(a) sentences sent to LanguageTool by the context-rule stage: %,d of %,d (%.3f %%)%n",
                checked, sentences, 100.0 * checked / Math.max(1, sentences));
        out.flush();

        Trie trie = ahoCorasick(PhraseTable.shipped());
        warmUp(targetBytes, d -> trie.parseText(d).size());
        rows.add(repeated("(e) Aho-Corasick over the table keys", targetBytes, d -> trie.parseText(d).size()));

        Unspinner thorough = Unspinner.builder().thorough(true).build();
        rows.add(sampled("(b) unspin --thorough (LT on every sentence)", sample,
                d -> thorough.repair(d).edits().size()));

        ContextRules contextRules = ContextRules.load(true, List.of());
        String replace = LanguageToolExport.export(PhraseTable.shipped(), contextRules, Unspinner.DEFAULT_MIN_CONFIDENCE)
                .replaceText();
        Path replaceFile = LanguageToolBaselines.temporaryReplaceFile(replace);
        JLanguageTool exported = LanguageToolBaselines.unspinExport(contextRules, replaceFile);
        rows.add(sampled("(c) LanguageTool 6.8 + export-lt rules only", sample, d -> check(exported, d)));
        // Like for like with (a'): the same phrase table and nothing else.
        JLanguageTool tableOnly = LanguageToolBaselines.unspinExport(null, replaceFile);
        rows.add(sampled("(c') LanguageTool 6.8 + phrase tables only", sample, d -> check(tableOnly, d)));

        JLanguageTool stock = LanguageToolBaselines.defaultEnglish();
        rows.add(sampled("(d) LanguageTool 6.8, default English rules", sample, d -> check(stock, d)));

        // The benchmark the issue names: stock LanguageTool with unspin's phrase table added as a replace rule.
        JLanguageTool stockWithTable = LanguageToolBaselines.defaultEnglishWith(replaceFile);
        rows.add(sampled("(f) LanguageTool 6.8, default rules + phrase tables", sample, d -> check(stockWithTable, d)));

        print(rows);
    }

    /** Every k-th document, so that the sample spans the whole input (for SOTU: 1790 to 2021). */
    private List<String> sample(long bytes) {
        int step = (int) Math.max(1, Math.ceil((double) inputBytes / bytes));
        List<String> sample = new ArrayList<>();
        for (int i = 0; i < documents.size(); i += step) {
            sample.add(documents.get(i));
        }
        return sample;
    }

    private Row repeated(String label, long targetBytes, ToIntFunction<String> engine) {
        long bytes = 0, findings = 0;
        long wall0 = System.nanoTime(), cpu0 = THREADS.getCurrentThreadCpuTime();
        while (bytes < targetBytes) {
            for (String d : documents) {
                findings += engine.applyAsInt(d);
                bytes += BenchCommand.utf8Length(d);
            }
        }
        return progress(new Row(label, bytes, (System.nanoTime() - wall0) / 1e9,
                (THREADS.getCurrentThreadCpuTime() - cpu0) / 1e9, findings, false));
    }

    /**
     * Runs an engine over as much text as it will be measured on, unmeasured, so the JIT compiler has done
     * its work before the clock starts (as in a long corpus run, where it is a few seconds of many minutes).
     */
    private void warmUp(long targetBytes, ToIntFunction<String> engine) {
        for (long bytes = 0; bytes < targetBytes; ) {
            measure(documents, engine);
            bytes += documents.stream().mapToLong(BenchCommand::utf8Length).sum();
        }
    }

    private Row sampled(String label, List<String> sample, ToIntFunction<String> engine) {
        measure(sample.subList(0, Math.min(5, sample.size())), engine); // loads rules, warms the JIT a little
        long wall0 = System.nanoTime(), cpu0 = THREADS.getCurrentThreadCpuTime();
        long findings = measure(sample, engine);
        long bytes = sample.stream().mapToLong(BenchCommand::utf8Length).sum();
        return progress(new Row(label, bytes, (System.nanoTime() - wall0) / 1e9,
                (THREADS.getCurrentThreadCpuTime() - cpu0) / 1e9, findings, true));
    }

    private static long measure(List<String> docs, ToIntFunction<String> engine) {
        long findings = 0;
        for (String d : docs) {
            findings += engine.applyAsInt(d);
        }
        return findings;
    }

    private Row progress(Row row) {
        out.printf(Locale.ROOT, "%s: %.3f MB in %.2f s wall, %.2f s CPU%n", row.label(), row.bytes() / 1e6,
                row.wall(), row.cpu());
        out.flush();
        return row;
    }

    private static int check(JLanguageTool tool, String text) {
        try {
            return tool.check(text).size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every spun key of the tables, case-insensitive, whole words only: dictionary matching and nothing else. */
    private static Trie ahoCorasick(PhraseTable table) {
        Trie.TrieBuilder builder = Trie.builder().ignoreCase().onlyWholeWords();
        for (PhraseEntry e : table.entries()) {
            builder.addKeyword(e.spun().toLowerCase(Locale.ROOT));
        }
        return builder.build();
    }

    private void print(List<Row> rows) {
        Row unspin = rows.get(0);
        out.println();
        out.printf(Locale.ROOT, "%-50s %9s %10s %10s %12s %12s %9s %12s%n", "engine (one thread)", "input MB",
                "MB/s wall", "MB/s CPU", "unspin÷ wall", "unspin÷ CPU", "findings", "full input");
        for (Row r : rows) {
            out.printf(Locale.ROOT, "%-50s %9.2f %10.3f %10.3f %12s %12s %9d %10.1f s%n", r.label(), r.bytes() / 1e6,
                    r.wallRate(), r.cpuRate(), ratio(unspin.wallRate() / r.wallRate()),
                    ratio(unspin.cpuRate() / r.cpuRate()), r.findings(),
                    inputBytes / 1e6 / r.cpuRate());
        }
        out.println("findings: edits (a, a', b), LanguageTool matches (c, d) or Aho-Corasick hits (e) in the input "
                + "measured; full input: CPU seconds for the whole input once" + (rows.stream().anyMatch(Row::sampled)
                ? " (extrapolated from the sample for b, c, d)" : ""));
        out.flush();
    }

    private static String ratio(double x) {
        return x >= 10 ? String.format(Locale.ROOT, "%,.0f×", x) : String.format(Locale.ROOT, "%.2f×", x);
    }
}
