package org.unspin.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.unspin.detect.Restorer;
import org.unspin.eval.EvalDataException;
import org.unspin.eval.EvalDocument;
import org.unspin.eval.EvalResult;
import org.unspin.eval.EvalSets;
import org.unspin.eval.Evaluation;
import org.unspin.eval.MixedCorpus;
import org.unspin.eval.SpinnerProfile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code unspin eval}: spins the clean evaluation sets with a simulated spinner that has a fixed dictionary
 * of its own ({@code --spinner shared|independent}), repairs the spun and the clean documents alone or after
 * {@code learn} over a mixed corpus ({@code --setting single|corpus}), and measures restores, rewrite
 * precision, detection, false rewrites and flags on clean text and the document-score AUC. See
 * docs/evaluation.md.
 */
@Command(name = "eval", mixinStandardHelpOptions = true, resourceBundle = "org.unspin.cli.EvalCommand",
        description = "Measure recall, precision and false rewrites on simulated spinning of the evaluation sets.")
final class EvalCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--split", paramLabel = "dev|test", defaultValue = "test",
            description = "Which split to evaluate (default: ${DEFAULT-VALUE}). Tune on dev, report on test.")
    String split;

    @Option(names = "--domains", split = ",", paramLabel = "DOMAIN", defaultValue = "news,science,manuals,general",
            description = "Domains to evaluate, comma-separated: news, science, manuals, general (default: ${DEFAULT-VALUE}).")
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

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
            description = "Run seed: the spinner's dictionary, which documents are spun and how (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--spinner", paramLabel = "shared|independent", defaultValue = "shared",
            description = "shared: the spinner's dictionary is drawn from the restorer's own sources (whole "
                    + "thesaurus, curated candidates reversed); independent: from WordNet+MyThes and the "
                    + "evaluation's own closed class, with the restorer limited to Moby (default: ${DEFAULT-VALUE}).")
    String spinner;

    @Option(names = "--setting", paramLabel = "single|corpus", defaultValue = "single",
            description = "single: each document repaired alone; corpus: `learn` over a mixed corpus in which "
                    + "the spinner spun a share of the documents, then repair with that model (default: ${DEFAULT-VALUE}).")
    String setting;

    @Option(names = "--corpus-words", paramLabel = "N", defaultValue = "5000000",
            description = "Corpus setting: least number of words of the mixed corpus (default: ${DEFAULT-VALUE}).")
    long corpusWords;

    @Option(names = "--spun-share", paramLabel = "X", defaultValue = "0.2",
            description = "Corpus setting: share of the corpus documents the spinner spins, 0.1..0.3 (default: ${DEFAULT-VALUE}).")
    double spunShare;

    @Option(names = "--filler", paramLabel = "DIR", defaultValue = "target/corpora/filler",
            description = "Clean filler built by scripts/filler/build.sh; also the general domain (default: ${DEFAULT-VALUE}).")
    Path filler;

    @Option(names = "--work", paramLabel = "DIR",
            description = "Corpus setting: keep the corpus JSONL and the model in DIR (default: a temporary folder, deleted).")
    Path work;

    private boolean tables = true;

    @Option(names = "--with-tables", description = "Restorer uses the shipped phrase tables (the default).")
    void withTables(boolean on) {
        tables = true;
    }

    @Option(names = "--no-tables", description = "Restorer without the shipped phrase tables.")
    void noTables(boolean on) {
        tables = false;
    }

    @Mixin
    Options.Restore restore;

    @Option(names = "--candidate-margin", paramLabel = "LOG10",
            description = "Restorer: least score of a rewrite candidate, which counts as evidence in the document prior (default: ${DEFAULT-VALUE}).")
    double candidateMargin = Restorer.Margins.DEFAULT.candidate();

    @Option(names = "--rewrite-margin", paramLabel = "LOG10",
            description = "Restorer: least score rewritten where the document prior marks the text as spun, at least the candidate margin (default: ${DEFAULT-VALUE}).")
    double rewriteMargin = Restorer.Margins.DEFAULT.rewrite();

    @Option(names = "--strong-margin", paramLabel = "LOG10",
            description = "Restorer: least score rewritten anywhere (default: ${DEFAULT-VALUE}).")
    double strongMargin = Restorer.Margins.DEFAULT.strong();

    @Option(names = "--report-margin", paramLabel = "LOG10",
            description = "Restorer: least score reported with its suggestion (default: ${DEFAULT-VALUE}).")
    double reportMargin = Restorer.Margins.DEFAULT.report();

    @Mixin
    Options.ContextRules contextRules;

    @Mixin
    Options.Confidence confidence;

    @Mixin
    Options.Dictionaries dictionaries;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "0",
            description = "Worker threads (default: one per core).")
    int threads;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write all numbers and the settings as JSON.")
    Path json;

    @Option(names = "--examples", paramLabel = "N", defaultValue = "0",
            description = "Print N missed phrases and N wrong rewrites with context (a reproducible sample).")
    int examples;

    @Option(names = "--by-source", description = "Also print, per source of a rewrite (rule and file), its rewrites, "
            + "their precision and its false rewrites on clean text.")
    boolean bySource;

    @Option(names = "--oracle", description = "Upper bound, not a result: the restorer is also given the spinner's own "
            + "dictionary read backwards (substitute -> original), as if mining had recovered it perfectly.")
    boolean oracle;

    @Mixin
    Options.CorpusModel corpusModel;

    @Override
    public Integer call() {
        if (maxDocs < 0 || threads < 0 || examples < 0 || corpusWords < 0) {
            throw new ParameterException(spec.commandLine(),
                    "--max-docs, --threads, --examples and --corpus-words must not be negative");
        }
        if (!(spunShare >= MixedCorpus.MIN_SPUN_SHARE && spunShare <= MixedCorpus.MAX_SPUN_SHARE)) {
            throw new ParameterException(spec.commandLine(), "--spun-share must be within 0.1..0.3, got " + spunShare);
        }
        SpinnerProfile.Kind kind;
        Evaluation.Setting mode;
        try {
            kind = SpinnerProfile.Kind.of(spinner);
            mode = Evaluation.Setting.of(setting);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        org.unspin.Settings pipeline = Options.settings(org.unspin.Settings.builder().shippedDictionaries(tables),
                restore, contextRules, confidence, dictionaries, corpusModel);
        if (mode == Evaluation.Setting.CORPUS && pipeline.corpusModel() != null) {
            throw new ParameterException(spec.commandLine(), "--model and --setting corpus exclude each other "
                    + "(the corpus setting learns its own model)");
        }
        PipelineOptions.checkReadable(pipeline.dictionaries());
        PipelineOptions.checkReadable(pipeline.corpusModel());
        PrintWriter out = spec.commandLine().getOut();
        domains = domains.stream().map(String::strip).distinct().toList();
        data = RepositoryPaths.resolve(spec, "--data", data);
        if (domains.contains("news")) {
            corpus = RepositoryPaths.resolve(spec, "--corpus", corpus);
        }
        if (domains.contains("general") || mode == Evaluation.Setting.CORPUS) {
            filler = RepositoryPaths.resolve(spec, "--filler", filler);
        }
        Restorer.Margins margins;
        try {
            margins = new Restorer.Margins(candidateMargin, rewriteMargin, strongMargin, reportMargin);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        Evaluation.Settings settings = Evaluation.Settings.builder().split(split).domains(domains).maxDocs(maxDocs)
                .seed(seed).spinner(kind).setting(mode).pipeline(pipeline).threads(threads).examples(examples)
                .margins(margins).oracle(oracle).build();

        long t0 = System.nanoTime();
        Map<String, List<EvalDocument>> sets = new LinkedHashMap<>();
        try {
            EvalSets.load(data, corpus, filler, split, domains).forEach((domain, docs) ->
                    sets.put(domain, maxDocs > 0 ? EvalSets.spread(docs, maxDocs) : docs));
        } catch (EvalDataException e) {
            throw new UserError(e.getMessage());
        }
        SpinnerProfile profile = SpinnerProfile.draw(kind, seed);
        out.printf(Locale.ROOT, "split %s, %s: %,d entries, %.0f-%.0f %% of eligible words per document; "
                        + "setting %s; restorer: %s%s%s%s, thesaurus %s, min confidence %.2f; loaded in %.1f s%n",
                split, profile.name(), profile.dictionary().size(), SpinnerProfile.MIN_RATE * 100,
                SpinnerProfile.MAX_RATE * 100, mode.id(),
                tables ? "shipped tables" : "no shipped tables", pipeline.contextRules() ? " + context rules" : "",
                !pipeline.restorer() ? "" : String.format(Locale.ROOT, " + restorer (margins candidate %.1f, rewrite %.1f, strong %.1f, report %.1f)",
                        margins.candidate(), margins.rewrite(), margins.strong(), margins.report()),
                oracle ? " + ORACLE (the spinner's own dictionary: an upper bound)" : "",
                kind == SpinnerProfile.Kind.SHARED ? "all sources" : "Moby only", pipeline.minConfidence(),
                (System.nanoTime() - t0) / 1e9);
        out.flush();
        Path tempDir = null;
        try {
            if (mode == Evaluation.Setting.CORPUS) {
                Path dir = work;
                if (dir == null) {
                    tempDir = Files.createTempDirectory("unspin-eval-corpus");
                    dir = tempDir;
                } else {
                    Files.createDirectories(dir);
                }
                settings = learnFromMixedCorpus(settings, profile, dir, out);
            }
            Evaluation evaluation = new Evaluation(settings, profile);
            EvalResult result = evaluation.run(sets);
            out.print(result.table());
            out.printf(Locale.ROOT, "%,d documents (spun and clean) in %.1f s on %d threads%n",
                    result.overall().docs(), result.seconds(), settings.threadCount());
            if (bySource) {
                out.printf("%n");
                out.print(result.bySourceTable());
            }
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
        } catch (EvalDataException e) {
            throw new UserError(e.getMessage());
        } catch (IOException e) {
            throw new UserError("cannot create the corpus folder: " + e.getMessage());
        } finally {
            if (tempDir != null) {
                deleteTree(tempDir);
            }
        }
        out.flush();
        return Main.OK;
    }

    /**
     * The corpus setting: writes the mixed corpus (every document of the split in the evaluated domains, not
     * only the {@code --max-docs} sample, plus filler,
     * a share spun by the spinner), runs {@code unspin learn --jsonl} over it in-process (against the
     * independent spinner: learn's library path with a Moby-only miner) and returns the settings with the
     * learned model.
     */
    private Evaluation.Settings learnFromMixedCorpus(Evaluation.Settings settings, SpinnerProfile profile, Path dir,
            PrintWriter out) {
        long t0 = System.nanoTime();
        List<EvalDocument> splitDocs = new ArrayList<>();
        EvalSets.load(data, corpus, filler, split, domains).values().forEach(splitDocs::addAll);
        List<EvalDocument> fill = MixedCorpus.filler(filler, List.of(EvalSets.GENERAL_FILE.replace(".jsonl", "")));
        Path jsonl = dir.resolve("corpus.jsonl");
        Path model = dir.resolve("corpus.model");
        MixedCorpus.Stats stats = MixedCorpus.write(jsonl, profile, seed, spunShare, splitDocs, fill, corpusWords);
        double built = (System.nanoTime() - t0) / 1e9;
        StringBuilder swaps = new StringBuilder("observed\toriginal\tswaps\n"); // kept with --work, for study
        stats.swapPairs().forEach((pair, n) -> swaps.append(pair).append('\t').append(n).append('\n'));
        AtomicFile.write(dir.resolve("swaps.tsv").toString(), swaps.toString());
        out.printf(Locale.ROOT, "corpus: %,d documents (%,d of the split, %,d filler), %,d words; %,d documents "
                        + "(%.1f %%) spun, %,d swaps; written in %.1f s%n", stats.documents(), stats.evaluatedDocuments(),
                stats.fillerDocuments(), stats.words(), stats.spunDocuments(), stats.spunShare() * 100, stats.swaps(),
                built);
        out.flush();
        long t1 = System.nanoTime();
        StringWriter learnOut = new StringWriter(), learnErr = new StringWriter();
        if (settings.spinner() == SpinnerProfile.Kind.SHARED) {
            // exactly what a user runs: `unspin learn --jsonl corpus.jsonl -o corpus.model`, in-process
            int exit = Main.run(new PrintWriter(learnOut, true), new PrintWriter(learnErr, true), "learn", "--jsonl",
                    "--threads", String.valueOf(settings.threadCount()), jsonl.toString(), "-o", model.toString());
            if (exit != Main.OK) {
                throw new UserError("learn over the mixed corpus failed: " + learnErr.toString().strip());
            }
        } else {
            learnOut.write(learnWithMobyOnly(jsonl, model, settings.threadCount()));
        }
        double learned = (System.nanoTime() - t1) / 1e9;
        out.print(learnOut);
        out.printf(Locale.ROOT, "learned in %.1f s%n", learned);
        MixedCorpus.MiningRecall recall = MixedCorpus.MiningRecall.of(stats.swapPairs(),
                org.unspin.lexicon.CorpusModel.open(model).minedSubstitutions());
        out.print(recall.line());
        out.flush();
        Map<String, Object> info = new LinkedHashMap<>(stats.toJson());
        info.put("targetWords", corpusWords);
        info.put("spunShareTarget", spunShare);
        info.put("buildSeconds", Math.round(built * 10) / 10.0);
        info.put("learnSeconds", Math.round(learned * 10) / 10.0);
        info.put("learnSummary", learnOut.toString().strip());
        info.put("mining", recall.toJson());
        info.put("miningThesaurus", settings.spinner() == SpinnerProfile.Kind.SHARED ? "all" : "moby");
        return settings.withCorpusModel(model, info);
    }

    /**
     * What {@code learn --jsonl} does (n-gram counts, substitution mining), with the miner following only
     * Moby's links, as the restorer does against the independent spinner: {@code learn} itself always mines
     * with the whole thesaurus. Returns the summary line.
     */
    private static String learnWithMobyOnly(Path jsonl, Path model, int threads) {
        java.util.Optional<Path> lm = org.unspin.lexicon.NgramModel.findInstalled();
        org.unspin.corpus.SubstitutionMiner miner = null;
        if (lm.isPresent()) {
            try {
                miner = new org.unspin.corpus.SubstitutionMiner(org.unspin.lexicon.NgramModel.open(lm.get()),
                        Evaluation.restorerThesaurus(SpinnerProfile.Kind.INDEPENDENT),
                        org.unspin.corpus.SubstitutionMiner.Settings.DEFAULT);
            } catch (IOException e) {
                throw new UserError(lm.get() + ": cannot read the language model (" + e.getMessage() + ")");
            }
        }
        org.unspin.corpus.SubstitutionMiner.State mined = miner == null ? null : miner.newState();
        org.unspin.corpus.NgramCounter counter =
                new org.unspin.corpus.NgramCounter(org.unspin.corpus.NgramCounter.DEFAULT_MAX_NGRAMS);
        org.unspin.corpus.CorpusReader reader = new org.unspin.corpus.CorpusReader(counter, miner, mined, true,
                "text", false, List.of(), threads, warning -> { });
        List<org.unspin.lexicon.MinedSubstitution> substitutions = null;
        try {
            reader.read(jsonl.toString(), java.io.InputStream.nullInputStream());
            if (miner != null) {
                substitutions = miner.mine(mined, threads);
            }
            counter.write(model, substitutions);
        } catch (org.unspin.corpus.CorpusException | org.unspin.lexicon.DictionaryException e) {
            throw new UserError("learn over the mixed corpus failed: " + e.getMessage());
        }
        return String.format(Locale.ROOT, "%s: %d lines, %d tokens, %d n-grams kept (learn's library path, "
                        + "mining with Moby only)%n%s", model, reader.lines(), counter.tokens(), counter.size(),
                substitutions == null ? "no language model: substitutions not mined\n"
                        : substitutions.size() + " substitutions mined from " + mined.documents() + " documents\n");
    }

    private static void deleteTree(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }

    private static void printExamples(PrintWriter out, String title, List<String> lines) {
        out.printf("%n%s: %d%n", title, lines.size());
        lines.forEach(line -> out.println("  " + line));
    }
}
