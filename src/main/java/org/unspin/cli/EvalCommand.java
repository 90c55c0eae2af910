package org.unspin.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.unspin.Unspinner;
import org.unspin.eval.EvalDataException;
import org.unspin.eval.EvalDocument;
import org.unspin.eval.EvalResult;
import org.unspin.eval.EvalSets;
import org.unspin.eval.Evaluation;
import org.unspin.eval.SpinnerSimulator;
import org.unspin.eval.ThesaurusSplit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code unspin eval}: spins the clean evaluation sets with the held-out half of the thesaurus and measures
 * how well the detector (which never sees that half) finds and restores the spun phrases, and how often it
 * touches clean text. See docs/evaluation.md.
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Measure recall, precision and false rewrites on simulated spinning of the evaluation sets.")
final class EvalCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--split", paramLabel = "dev|test", defaultValue = "test",
            description = "Which split to evaluate (default: ${DEFAULT-VALUE}). Tune on dev, report on test.")
    String split;

    @Option(names = "--domains", split = ",", paramLabel = "DOMAIN", defaultValue = "news,science,manuals",
            description = "Domains to evaluate, comma-separated: news, science, manuals (default: ${DEFAULT-VALUE}).")
    List<String> domains;

    @Option(names = "--max-docs", paramLabel = "N", defaultValue = "0",
            description = "At most N documents per domain, spread evenly (default: all).")
    int maxDocs;

    @Option(names = "--corpus", paramLabel = "DIR", defaultValue = "target/corpora/sotu/package/data",
            description = "The SOTU texts fetched by scripts/fetch-corpora.sh (default: ${DEFAULT-VALUE}).")
    Path corpus;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "testdata/eval",
            description = "The evaluation data folder with the manifests (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--rate", paramLabel = "X", defaultValue = "0.15", converter = PipelineOptions.Confidence.class,
            description = "Share of content words the spinner swaps (default: ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--function-rate", paramLabel = "X", defaultValue = "0.05",
            converter = PipelineOptions.Confidence.class,
            description = "Share of function words the spinner swaps (default: ${DEFAULT-VALUE}).")
    double functionRate;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Run seed (default: ${DEFAULT-VALUE}).")
    long seed;

    private boolean tables = true;
    private boolean restorer = true;

    @Option(names = "--with-tables", description = "Detector uses the shipped phrase tables (the default).")
    void withTables(boolean on) {
        tables = true;
    }

    @Option(names = "--no-tables", description = "Detector without the shipped phrase tables: the generalising "
            + "detector alone, the honest number (the curated tables may overlap with the spinner's choices).")
    void noTables(boolean on) {
        tables = false;
    }

    @Option(names = "--no-restore", description = "Detector without the restorer (phrase tables and context rules).")
    void noRestore(boolean on) {
        restorer = false;
    }

    @Option(names = "--no-context-rules", description = "Detector without the LanguageTool context rules.")
    boolean noContextRules;

    @Option(names = "--min-confidence", paramLabel = "X", converter = PipelineOptions.Confidence.class,
            description = "Detector rewrite threshold, 0..1 (default: ${DEFAULT-VALUE}).")
    double minConfidence = Unspinner.DEFAULT_MIN_CONFIDENCE;

    @Option(names = "--dict", paramLabel = "FILE", description = "Add a phrase table to the detector. Repeatable.")
    List<Path> dictionaries = new ArrayList<>();

    @Option(names = "--threads", paramLabel = "N", defaultValue = "0",
            description = "Worker threads (default: one per core).")
    int threads;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write all numbers and the settings as JSON.")
    Path json;

    @Option(names = "--examples", paramLabel = "N", defaultValue = "0",
            description = "Print N missed phrases and N wrong rewrites with context (a reproducible sample).")
    int examples;

    @Option(names = "--model", paramLabel = "FILE",
            description = "A model from `unspin learn` for the detector (learn it from text outside the split).")
    Path corpusModel;

    @Option(names = "--thesaurus-split", paramLabel = "hash|source", defaultValue = "hash",
            description = "How spinner and detector share the thesaurus: hash = two halves of the word pairs "
                    + "(the detector never has the spinner's link); source = spinner WordNet+MyThes, detector Moby "
                    + "(default: ${DEFAULT-VALUE}).")
    String thesaurusSplit;

    @Override
    public Integer call() {
        if (maxDocs < 0 || threads < 0 || examples < 0) {
            throw new ParameterException(spec.commandLine(), "--max-docs, --threads and --examples must not be negative");
        }
        for (Path dictionary : dictionaries) {
            InputReader.checkReadable(dictionary.toString(), dictionary);
        }
        PrintWriter out = spec.commandLine().getOut();
        domains = domains.stream().map(String::strip).distinct().toList();
        Evaluation.Settings settings = new Evaluation.Settings(split, domains, maxDocs, rate, functionRate, seed,
                tables, restorer, minConfidence, dictionaries, threads, examples, corpusModel, !noContextRules,
                splitMode());

        long t0 = System.nanoTime();
        Map<String, List<EvalDocument>> sets = new LinkedHashMap<>();
        try {
            EvalSets.load(data, corpus, split, domains).forEach((domain, docs) ->
                    sets.put(domain, maxDocs > 0 ? EvalSets.spread(docs, maxDocs) : docs));
        } catch (EvalDataException e) {
            throw new UserError(e.getMessage());
        }
        Evaluation evaluation = new Evaluation(settings);
        out.printf(Locale.ROOT, "split %s, thesaurus split %s, spinner rates %.2f content / %.2f function, seed %d, "
                        + "detector: %s%s, min confidence %.2f; loaded in %.1f s%n", split, thesaurusSplit, rate,
                functionRate, seed,
                (tables ? "shipped tables" : "no shipped tables") + (noContextRules ? "" : " + context rules"),
                restorer ? " + restorer" : "",
                minConfidence, (System.nanoTime() - t0) / 1e9);
        out.flush();

        EvalResult result = evaluation.run(sets);
        out.print(result.table());
        out.printf(Locale.ROOT, "%,d documents (spun and clean) in %.1f s on %d threads%n",
                result.overall().docs(), result.seconds(), settings.threadCount());
        if (examples > 0) {
            printExamples(out, "missed phrases [[spun -> clean]]", result.missedExamples());
            printExamples(out, "wrong rewrites [[span -> replacement]]", result.wrongExamples());
        }
        if (json != null) {
            try {
                AtomicFile.write(json.toString(),
                        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(result.toJson()) + "\n");
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        out.flush();
        return Main.OK;
    }

    private ThesaurusSplit.Mode splitMode() {
        try {
            return ThesaurusSplit.Mode.of(thesaurusSplit);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private static void printExamples(PrintWriter out, String title, List<String> lines) {
        out.printf("%n%s: %d%n", title, lines.size());
        lines.forEach(line -> out.println("  " + line));
    }
}
