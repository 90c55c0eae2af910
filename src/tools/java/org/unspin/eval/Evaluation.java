package org.unspin.eval;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.unspin.EvaluationHooks;
import org.unspin.Repair;
import org.unspin.SpinScore;
import org.unspin.Unspinner;
import org.unspin.detect.Restorer;
import org.unspin.lexicon.CandidateDictionary;
import org.unspin.lexicon.Thesaurus;

/**
 * The evaluation harness behind {@code unspin eval}: spins every clean document with one simulated spinner
 * ({@link SpinnerProfile}: a fixed dictionary of its own, the same for every document), repairs the spun and
 * the clean version with the restorer under test (configured by {@link #restorer}), and scores the repairs
 * with {@link Metrics}, per domain and overall. In the corpus setting the restorer is also given a model
 * that {@code unspin learn} made from a mixed corpus ({@link MixedCorpus}) in which the same spinner spun a
 * share of the documents. Documents are processed on a fixed thread pool and merged in input order, so a
 * run is reproducible to the last digit.
 */
public final class Evaluation {

    /** Without a corpus (each document repaired alone) or after {@code learn} over a mixed corpus. */
    public enum Setting {
        SINGLE, CORPUS;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Setting of(String id) {
            for (Setting s : values()) {
                if (s.id().equals(id)) {
                    return s;
                }
            }
            throw new IllegalArgumentException("unknown setting '" + id + "' (expected single or corpus)");
        }
    }

    /**
     * What to run; recorded with the results. Built with named setters, from {@link #builder()} (the defaults:
     * test split, every domain, seed 1, the shared spinner, the single setting, the default pipeline) or
     * {@link #toBuilder()}.
     */
    public static final class Settings {
        private final String split;
        private final List<String> domains;
        private final int maxDocs;
        private final long seed;
        private final SpinnerProfile.Kind spinner;
        private final Setting setting;
        private final org.unspin.Settings pipeline;
        private final int threads;
        private final int examples;
        private final Map<String, Object> corpus;
        private final Restorer.Margins margins;
        private final boolean oracle;

        private Settings(Builder b) {
            this.split = java.util.Objects.requireNonNull(b.split);
            this.domains = List.copyOf(b.domains);
            this.maxDocs = b.maxDocs;
            this.seed = b.seed;
            this.spinner = java.util.Objects.requireNonNull(b.spinner);
            this.setting = java.util.Objects.requireNonNull(b.setting);
            this.pipeline = java.util.Objects.requireNonNull(b.pipeline);
            this.threads = b.threads;
            this.examples = b.examples;
            this.corpus = b.corpus == null ? null
                    : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(b.corpus));
            this.margins = java.util.Objects.requireNonNull(b.margins);
            this.oracle = b.oracle;
        }

        public static Builder builder() {
            return new Builder();
        }

        public Builder toBuilder() {
            return new Builder().split(split).domains(domains).maxDocs(maxDocs).seed(seed).spinner(spinner)
                    .setting(setting).pipeline(pipeline).threads(threads).examples(examples).corpus(corpus)
                    .margins(margins).oracle(oracle);
        }

        /** dev or test. */
        public String split() {
            return split;
        }

        /** The domains evaluated, in order. */
        public List<String> domains() {
            return domains;
        }

        /** Per-domain document cap (0: all). */
        public int maxDocs() {
            return maxDocs;
        }

        /** Run seed: the spinner's dictionary and each document's spin derive from it. */
        public long seed() {
            return seed;
        }

        /** Which simulated spinner (whose sources). */
        public SpinnerProfile.Kind spinner() {
            return spinner;
        }

        /** Single-document or corpus. */
        public Setting setting() {
            return setting;
        }

        /**
         * The restorer's pipeline: shipped tables, extra tables, threshold, context rules, restorer on or off,
         * a model from {@code unspin learn}.
         */
        public org.unspin.Settings pipeline() {
            return pipeline;
        }

        /** Worker threads (0: one per core). */
        public int threads() {
            return threads;
        }

        /** How many missed phrases and wrong rewrites to keep for display. */
        public int examples() {
            return examples;
        }

        /** How the corpus of the corpus setting was made (JSON-ready), or null. */
        public Map<String, Object> corpus() {
            return corpus;
        }

        /** The restorer's decision thresholds. */
        public Restorer.Margins margins() {
            return margins;
        }

        /**
         * Whether the restorer is also given the spinner's own dictionary read backwards: the upper bound of
         * what perfect mining could give the arbiter ({@link #oracleRows}).
         */
        public boolean oracle() {
            return oracle;
        }

        /** With the model {@code learn} made in the corpus setting, and how its corpus was made. */
        public Settings withCorpusModel(Path model, Map<String, Object> corpusInfo) {
            return toBuilder().pipeline(pipeline.toBuilder().corpusModel(model.toString()).build())
                    .corpus(corpusInfo).build();
        }

        public int threadCount() {
            return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        }

        /** Named setters for {@link Settings}; each returns this builder. */
        public static final class Builder {
            private String split = "test";
            private List<String> domains = EvalSets.DOMAINS;
            private int maxDocs;
            private long seed = 1;
            private SpinnerProfile.Kind spinner = SpinnerProfile.Kind.SHARED;
            private Setting setting = Setting.SINGLE;
            private org.unspin.Settings pipeline = org.unspin.Settings.DEFAULTS;
            private int threads;
            private int examples;
            private Map<String, Object> corpus;
            private Restorer.Margins margins = Restorer.Margins.DEFAULT;
            private boolean oracle;

            private Builder() {
            }

            public Builder split(String split) {
                this.split = split;
                return this;
            }

            public Builder domains(List<String> domains) {
                this.domains = domains;
                return this;
            }

            public Builder maxDocs(int maxDocs) {
                this.maxDocs = maxDocs;
                return this;
            }

            public Builder seed(long seed) {
                this.seed = seed;
                return this;
            }

            public Builder spinner(SpinnerProfile.Kind spinner) {
                this.spinner = spinner;
                return this;
            }

            public Builder setting(Setting setting) {
                this.setting = setting;
                return this;
            }

            public Builder pipeline(org.unspin.Settings pipeline) {
                this.pipeline = pipeline;
                return this;
            }

            public Builder threads(int threads) {
                this.threads = threads;
                return this;
            }

            public Builder examples(int examples) {
                this.examples = examples;
                return this;
            }

            public Builder corpus(Map<String, Object> corpus) {
                this.corpus = corpus;
                return this;
            }

            public Builder margins(Restorer.Margins margins) {
                this.margins = margins;
                return this;
            }

            public Builder oracle(boolean oracle) {
                this.oracle = oracle;
                return this;
            }

            public Settings build() {
                return new Settings(this);
            }
        }
    }

    /** One document after spinning and repairing both versions. */
    private record Outcome(EvalDocument doc, Spun spun, Repair spunRepair, Repair cleanRepair,
                           int reachableSwaps) {
    }

    private final Settings settings;
    private final SpinnerProfile spinner;
    private final Unspinner restorer;
    private final Thesaurus restorerThesaurus;
    private final org.unspin.lexicon.CandidateDictionary restorerCandidates;

    public Evaluation(Settings settings) {
        this(settings, SpinnerProfile.draw(settings.spinner(), settings.seed()));
    }

    /** With a given spinner (drawn already, or a test's). */
    public Evaluation(Settings settings, SpinnerProfile spinner) {
        this.settings = settings;
        this.spinner = spinner;
        this.restorer = restorer(settings, spinner);
        this.restorerThesaurus = restorerThesaurus(settings.spinner());
        this.restorerCandidates = SpinnerProfile.restorerCandidates();
    }

    public SpinnerProfile spinner() {
        return spinner;
    }

    /**
     * The thesaurus the restorer may use: all of it against the shared spinner; against the independent one
     * only Moby's links (the spinner draws from WordNet and MyThes).
     */
    public static Thesaurus restorerThesaurus(SpinnerProfile.Kind spinner) {
        return spinner == SpinnerProfile.Kind.SHARED ? Thesaurus.shipped() : MobyOnly.THESAURUS;
    }

    private static final class MobyOnly {
        static final Thesaurus THESAURUS = Thesaurus.shipped().restrictedTo(Thesaurus.MOBY);
    }

    /**
     * The restorer under test: the default pipeline (phrase tables, context rules, the restorer with the
     * curated candidate dictionary, the document prior and its suspect-word flags), with the thesaurus
     * {@link #restorerThesaurus} allows; in the corpus setting also the learned model.
     */
    public static Unspinner restorer(Settings settings, SpinnerProfile spinner) {
        Unspinner.Builder builder = Unspinner.builder()
                .settings(settings.pipeline());
        EvaluationHooks.restoreMargins(builder, settings.margins());
        EvaluationHooks.thesaurus(builder, restorerThesaurus(settings.spinner()));
        if (settings.oracle()) {
            EvaluationHooks.addCandidateRows(builder, oracleRows(spinner)); // on top of the rest, --dict tables included
        }
        return builder.build();
    }

    /**
     * The spinner's own dictionary read backwards, substitute → original, each row of weight 1: what a miner
     * that recovered every pair the spinner uses, and nothing else, would give the restorer. With it the
     * evaluation measures the arbiter alone (the language model, the corpus counts and the margins), so a
     * run with {@code --oracle} is the ceiling of every candidate source, not a result.
     */
    public static List<CandidateDictionary.Row> oracleRows(SpinnerProfile spinner) {
        List<CandidateDictionary.Row> rows = new ArrayList<>();
        spinner.dictionary().forEach((original, substitutes) -> {
            for (String substitute : substitutes) {
                rows.add(new CandidateDictionary.Row(CandidateDictionary.keyOf(substitute), original, 1.0,
                        "oracle", "", "the simulated spinner's own pair"));
            }
        });
        return rows;
    }

    /** A document's spin seed: the first 8 bytes of SHA-256("seed\nid"), the same on every machine. */
    public static long documentSeed(long seed, String id) {
        byte[] hash = EvalSets.sha256((seed + "\n" + id).getBytes(StandardCharsets.UTF_8));
        return ByteBuffer.wrap(hash).getLong();
    }

    /** The thresholds the restorer runs at, for the record (JSON-ready). */
    public static Map<String, Object> operatingPoint(Settings settings) {
        Map<String, Object> point = new java.util.LinkedHashMap<>();
        point.put("minConfidence", settings.pipeline().minConfidence());
        point.put("restorer", settings.pipeline().restorer());
        point.put("candidateMargin", settings.margins().candidate());
        point.put("rewriteMargin", settings.margins().rewrite());
        point.put("strongMargin", settings.margins().strong());
        point.put("reportMargin", settings.margins().report());
        point.put("spunPrior", org.unspin.detect.Resolver.SPUN_PRIOR);
        point.put("flagPrior", org.unspin.detect.ContextAnomaly.FLAG_PRIOR);
        return point;
    }

    /** The document prior of a repair: {@link SpinScore#spinProbability()}, how likely the document is spun. */
    static double prior(SpinScore score) {
        return score.spinProbability();
    }

    public EvalResult run(Map<String, List<EvalDocument>> sets) {
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(settings.threadCount());
        try {
            Map<String, List<Future<Outcome>>> pending = new java.util.LinkedHashMap<>();
            for (Map.Entry<String, List<EvalDocument>> set : sets.entrySet()) {
                List<Future<Outcome>> futures = new ArrayList<>();
                for (EvalDocument doc : set.getValue()) {
                    futures.add(pool.submit(() -> process(doc)));
                }
                pending.put(set.getKey(), futures);
            }
            Tally overall = new Tally("overall");
            Examples examples = new Examples(settings.examples(), settings.seed());
            List<EvalResult.DomainResult> domains = new ArrayList<>();
            for (Map.Entry<String, List<Future<Outcome>>> set : pending.entrySet()) {
                Tally domain = new Tally(set.getKey());
                for (Future<Outcome> future : set.getValue()) {
                    Outcome o = future.get();
                    domain.add(o);
                    overall.add(o);
                    examples.add(o.doc(), o.spun(), o.spunRepair(), o.cleanRepair());
                }
                domains.add(domain.result());
            }
            return new EvalResult(settings, domains, overall.result(), examples.missed(), examples.wrong(),
                    (System.nanoTime() - start) / 1e9);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("evaluation interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private Outcome process(EvalDocument doc) {
        Spun spun = spinner.spin(doc.text(), documentSeed(settings.seed(), doc.id()));
        return new Outcome(doc, spun, restorer.repair(spun.spun()), restorer.repair(doc.text()), reachable(spun));
    }

    /**
     * How many swaps the restorer could undo from its own sources: the original is one link away from the
     * spun text in its thesaurus, or a row of its curated candidate dictionary (mined rows not counted).
     */
    private int reachable(Spun spun) {
        int n = 0;
        for (org.unspin.edit.Edit swap : spun.swaps()) {
            String observed = swap.replacement().toLowerCase(java.util.Locale.ROOT);
            String original = swap.original().toLowerCase(java.util.Locale.ROOT);
            boolean linked = restorerThesaurus.originalsFor(observed).stream()
                    .anyMatch(link -> link.original().equals(original));
            boolean listed = restorerCandidates.candidates(org.unspin.lexicon.CandidateDictionary.keyOf(observed))
                    .stream().anyMatch(row -> row.original().equalsIgnoreCase(original));
            if (linked || listed) {
                n++;
            }
        }
        return n;
    }

    /**
     * Metrics of one domain (or overall). The score AUC uses documents of 300+ words; shorter ones (the
     * modern news and the science abstracts) are pooled in order with the next documents of their group
     * (topic, field) until the pool holds 300 words, its score being its findings per 1,000 of its words; a
     * remainder under 300 words is left out, like the tail of a SOTU address. Pools are keyed by domain and
     * group, so the overall tally forms exactly the pools of the domain tallies.
     */
    private static final class Tally {
        private final String name;
        private final Metrics metrics = new Metrics();
        private final Map<String, Pool> pools = new HashMap<>();
        private int docs;

        Tally(String name) {
            this.name = name;
        }

        void add(Outcome o) {
            docs++;
            boolean alone = SotuChunker.words(o.doc().text()) >= SotuChunker.CHUNK_MIN_WORDS;
            metrics.addSpun(o.spun(), o.spunRepair(), alone);
            metrics.addReach(o.spun().swaps().size(), o.reachableSwaps());
            metrics.addClean(o.cleanRepair(), alone);
            if (!alone) {
                String key = o.doc().domain() + "/" + o.doc().group();
                Pool pool = pools.computeIfAbsent(key, k -> new Pool());
                pool.add(o);
                if (pool.words >= SotuChunker.CHUNK_MIN_WORDS) {
                    pool.scoreInto(metrics);
                    pools.remove(key);
                }
            }
        }

        EvalResult.DomainResult result() {
            return new EvalResult.DomainResult(name, docs, metrics);
        }
    }

    /** Short documents of one group whose spin scores are taken together. */
    private static final class Pool {
        int words;
        int spunWords, spunFindings, cleanWords, cleanFindings;
        int spunChecked, cleanChecked;
        double spunAnomaly, cleanAnomaly;
        double spunPrior, cleanPrior;

        void add(Outcome o) {
            words += SotuChunker.words(o.doc().text());
            SpinScore spun = o.spunRepair().score();
            SpinScore clean = o.cleanRepair().score();
            spunWords += spun.words();
            spunFindings += spun.findings();
            cleanWords += clean.words();
            cleanFindings += clean.findings();
            spunChecked += spun.checkedWords();
            spunAnomaly += spun.contextAnomaly() * spun.checkedWords();
            cleanChecked += clean.checkedWords();
            cleanAnomaly += clean.contextAnomaly() * clean.checkedWords();
            spunPrior += prior(spun) * spun.words();
            cleanPrior += prior(clean) * clean.words();
        }

        void scoreInto(Metrics metrics) {
            metrics.addSpunScore(spunWords == 0 ? 0 : spunFindings * 1000.0 / spunWords);
            metrics.addCleanScore(cleanWords == 0 ? 0 : cleanFindings * 1000.0 / cleanWords);
            metrics.addContextScores(spunChecked == 0 ? 0 : spunAnomaly / spunChecked,
                    cleanChecked == 0 ? 0 : cleanAnomaly / cleanChecked);
            metrics.addPriorScores(spunWords == 0 ? 0 : spunPrior / spunWords, cleanWords == 0 ? 0 : cleanPrior / cleanWords);
        }
    }
}
