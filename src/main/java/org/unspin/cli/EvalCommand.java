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
import org.unspin.eval.WeightFitter;
import org.unspin.detect.CandidateDetector;
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
    private boolean generalise = true;

    @Option(names = "--with-tables", description = "Detector uses the shipped phrase tables (the default).")
    void withTables(boolean on) {
        tables = true;
    }

    @Option(names = "--no-tables", description = "Detector without the shipped phrase tables: the generalising "
            + "detector alone, the honest number (the curated tables may overlap with the spinner's choices).")
    void noTables(boolean on) {
        tables = false;
    }

    @Option(names = "--generalise", description = "Run the generalising detector (the default).")
    void generalise(boolean on) {
        generalise = true;
    }

    @Option(names = "--no-generalise", description = "Phrase tables only.")
    void noGeneralise(boolean on) {
        generalise = false;
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

    @Option(names = "--weights", paramLabel = "FILE",
            description = "The generalising detector's weights (from --fit) instead of the shipped ones.")
    Path weights;

    @Option(names = "--fit", paramLabel = "FILE", description = "Instead of evaluating, fit the generalising "
            + "detector's weights on the dev split and write them to FILE (e.g. dictionaries/detector-weights.txt).")
    Path fitOutput;

    @Option(names = "--fit-precision", paramLabel = "X", defaultValue = "0.97",
            converter = PipelineOptions.Confidence.class,
            description = "With --fit: precision the dev candidates above the rewrite threshold must reach "
                    + "(default: ${DEFAULT-VALUE}).")
    double fitPrecision;

    @Override
    public Integer call() {
        if (fitOutput != null) {
            return fit();
        }
        if (maxDocs < 0 || threads < 0 || examples < 0) {
            throw new ParameterException(spec.commandLine(), "--max-docs, --threads and --examples must not be negative");
        }
        for (Path dictionary : dictionaries) {
            InputReader.checkReadable(dictionary.toString(), dictionary);
        }
        PrintWriter out = spec.commandLine().getOut();
        domains = domains.stream().map(String::strip).distinct().toList();
        if (weights != null) {
            InputReader.checkReadable(weights.toString(), weights);
        }
        Evaluation.Settings settings = new Evaluation.Settings(split, domains, maxDocs, rate, functionRate, seed,
                tables, generalise, minConfidence, dictionaries, threads, examples, corpusModel, !noContextRules,
                splitMode(), weights);

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
                generalise ? " + generalising" : "",
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

    /** {@code --fit}: weights from the dev split, written atomically. */
    private int fit() {
        PrintWriter out = spec.commandLine().getOut();
        List<EvalDocument> docs = new ArrayList<>();
        try {
            EvalSets.load(data, corpus, "dev", domains).forEach((domain, d) ->
                    docs.addAll(maxDocs > 0 ? EvalSets.spread(d, maxDocs) : d));
        } catch (EvalDataException e) {
            throw new UserError(e.getMessage());
        }
        long t0 = System.nanoTime();
        ThesaurusSplit.Mode mode = splitMode();
        WeightFitter.Examples examples = WeightFitter.examples(docs, Evaluation.candidateDetector(mode),
                new SpinnerSimulator(mode.spinnerWords(), rate, functionRate), seed, threads);
        out.printf(Locale.ROOT, "candidates: %,d; swaps: %,d; swaps some candidate restores: %,d%n",
                examples.examples().size(), examples.swaps(), examples.restorable());
        out.flush();
        WeightFitter.Fit fit = WeightFitter.fit(examples.examples(), minConfidence, fitPrecision);
        String provenance = String.format(Locale.ROOT, "Fitted by `unspin eval --fit` on the dev split (%d documents, "
                + "thesaurus split %s, spinner rates %.2f/%.2f, seed %d, rewrite threshold %.2f, precision target %.2f).",
                docs.size(), mode.id(), rate, functionRate, seed, minConfidence, fitPrecision);
        String tsv = WeightFitter.toTsv(fit, CandidateDetector.Weights.shipped().reportFloor(), provenance);
        AtomicFile.write(fitOutput.toString(), tsv);
        out.print(tsv);
        out.printf(Locale.ROOT, "fitted in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        return 0;
    }
}
