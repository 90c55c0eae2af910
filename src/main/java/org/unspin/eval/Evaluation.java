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
import java.util.function.Function;
import org.unspin.Repair;
import org.unspin.SpinScore;
import org.unspin.Unspinner;

/**
 * The evaluation harness behind {@code unspin eval}: spins every clean document with the spinner's part of
 * the thesaurus, repairs the spun and the clean version with a detector that may only follow the other part
 * ({@link ThesaurusSplit}),
 * and scores the repairs with {@link Metrics}, per domain and overall. Documents are processed on a fixed
 * thread pool and merged in input order, so a run is reproducible to the last digit.
 */
public final class Evaluation {

    /**
     * What to run; recorded with the results.
     *
     * @param split        dev or test
     * @param domains      the domains evaluated, in order
     * @param maxDocs      per-domain document cap (0: all)
     * @param rate         share of content words the spinner swaps
     * @param functionRate share of function words the spinner swaps
     * @param seed         run seed; each document's seed is derived from it and the document id
     * @param withTables   whether the detector loads the shipped phrase tables
     * @param restorer     whether the detector runs the restorer
     * @param minConfidence the detector's rewrite threshold
     * @param dictionaries extra phrase tables for the detector
     * @param threads      worker threads (0: one per core)
     * @param examples     how many missed phrases and wrong rewrites to keep for display
     * @param corpusModel  a model from {@code unspin learn} for the detector, or null
     * @param contextRules whether the detector runs the LanguageTool context rules
     * @param thesaurusSplit how the thesaurus is shared out between spinner and detector
     */
    public record Settings(String split, List<String> domains, int maxDocs, double rate, double functionRate,
            long seed, boolean withTables, boolean restorer, double minConfidence, List<Path> dictionaries,
            int threads, int examples, Path corpusModel, boolean contextRules, ThesaurusSplit.Mode thesaurusSplit) {
        public Settings {
            domains = List.copyOf(domains);
            dictionaries = List.copyOf(dictionaries);
            java.util.Objects.requireNonNull(thesaurusSplit);
        }

        /** With the hash split. */
        public Settings(String split, List<String> domains, int maxDocs, double rate, double functionRate,
                long seed, boolean withTables, boolean restorer, double minConfidence, List<Path> dictionaries,
                int threads, int examples, Path corpusModel, boolean contextRules) {
            this(split, domains, maxDocs, rate, functionRate, seed, withTables, restorer, minConfidence,
                    dictionaries, threads, examples, corpusModel, contextRules, ThesaurusSplit.Mode.HASH);
        }

        /** With the context rules on, as the detector runs by default. */
        public Settings(String split, List<String> domains, int maxDocs, double rate, double functionRate,
                long seed, boolean withTables, boolean restorer, double minConfidence, List<Path> dictionaries,
                int threads, int examples, Path corpusModel) {
            this(split, domains, maxDocs, rate, functionRate, seed, withTables, restorer, minConfidence,
                    dictionaries, threads, examples, corpusModel, true);
        }

        public static Settings defaults() {
            return new Settings("test", EvalSets.DOMAINS, 0, 0.15, 0.05, 1, true, true,
                    Unspinner.DEFAULT_MIN_CONFIDENCE, List.of(), 0, 0, null);
        }

        public int threadCount() {
            return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        }
    }

    /** One document after spinning and repairing both versions. */
    private record Outcome(EvalDocument doc, SpinnerSimulator.Spun spun, Repair spunRepair, Repair cleanRepair,
                           int reachableSwaps) {
    }

    private final Settings settings;
    private final SpinnerSimulator spinner;
    private final Unspinner detector;
    private final org.unspin.lexicon.Thesaurus detectorThesaurus;
    private final java.util.function.BiPredicate<String, String> detectorLinks;

    public Evaluation(Settings settings) {
        this(settings, settings.thesaurusSplit().spinnerWords());
    }

    /** With a custom spinner word list (tests). */
    Evaluation(Settings settings, Function<String, List<String>> substitutes) {
        this.settings = settings;
        this.spinner = new SpinnerSimulator(substitutes, settings.rate(), settings.functionRate());
        this.detector = detector(settings);
        this.detectorThesaurus = settings.thesaurusSplit().detectorThesaurus();
        this.detectorLinks = settings.thesaurusSplit().detectorLinks();
    }

    /** The detector under test: it never sees the spinner's part of the thesaurus. */
    public static Unspinner detector(Settings settings) {
        ThesaurusSplit.Mode mode = settings.thesaurusSplit();
        Unspinner.Builder builder = Unspinner.builder()
                .thesaurus(mode.detectorThesaurus())
                .restorer(settings.restorer())
                .shippedDictionaries(settings.withTables())
                .contextRules(settings.contextRules())
                .minConfidence(settings.minConfidence());
        settings.dictionaries().forEach(builder::addDictionary);
        if (settings.corpusModel() != null) {
            builder.corpusModel(settings.corpusModel());
        }
        return builder.build();
    }

    /** A document's spin seed: the first 8 bytes of SHA-256("seed\nid"), the same on every machine. */
    public static long documentSeed(long seed, String id) {
        byte[] hash = EvalSets.sha256((seed + "\n" + id).getBytes(StandardCharsets.UTF_8));
        return ByteBuffer.wrap(hash).getLong();
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
        SpinnerSimulator.Spun spun = spinner.spin(doc.text(), documentSeed(settings.seed(), doc.id()));
        return new Outcome(doc, spun, detector.repair(spun.spun()), detector.repair(doc.text()), reachable(spun));
    }

    /** How many swaps the detector could undo through one thesaurus link it may follow. */
    private int reachable(SpinnerSimulator.Spun spun) {
        int n = 0;
        for (org.unspin.edit.Edit swap : spun.swaps()) {
            String observed = swap.replacement(), original = swap.original();
            if (detectorThesaurus.originalsFor(observed).stream().anyMatch(link ->
                    link.original().equalsIgnoreCase(original) && detectorLinks.test(observed, link.original()))) {
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
        }

        void scoreInto(Metrics metrics) {
            metrics.addSpunScore(spunWords == 0 ? 0 : spunFindings * 1000.0 / spunWords);
            metrics.addCleanScore(cleanWords == 0 ? 0 : cleanFindings * 1000.0 / cleanWords);
            metrics.addContextScores(spunChecked == 0 ? 0 : spunAnomaly / spunChecked,
                    cleanChecked == 0 ? 0 : cleanAnomaly / cleanChecked);
        }
    }
}
