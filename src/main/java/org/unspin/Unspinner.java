package org.unspin;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import org.unspin.corpus.CorpusModel;
import org.unspin.detect.AllowFilter;
import org.unspin.detect.CandidateDetector;
import org.unspin.detect.ContextAnomaly;
import org.unspin.detect.DenyMatcher;
import org.unspin.detect.PhraseMatcher;
import org.unspin.edit.Edit;
import org.unspin.edit.EditSet;
import org.unspin.edit.OffsetMap;
import org.unspin.languagetool.LanguageToolStage;
import org.unspin.lexicon.CanonicalLexicon;
import org.unspin.lexicon.NgramModel;
import org.unspin.lexicon.PhraseList;
import org.unspin.lexicon.PhraseTable;
import org.unspin.lexicon.Thesaurus;
import org.unspin.normalise.Normaliser;
import org.unspin.tokenise.TokenList;
import org.unspin.tokenise.Tokeniser;

/**
 * The library entry point: build once, then call {@link #repair(String)} from any number of threads.
 *
 * <pre>{@code
 * Unspinner unspinner = Unspinner.withDefaults();
 * Repair r = unspinner.repair("Secretary of Condition Mike Pompeo spoke.");
 * r.text();   // "Secretary of State Mike Pompeo spoke."
 * r.edits();  // where, what, why and how sure
 * }</pre>
 *
 * <p>Pipeline: normalise (Unicode and markup clean-up) → tokenise → detect (phrase tables; LanguageTool
 * context rules on sentences with a trigger word; optionally the generalising detector) → keep the most
 * confident finding of each region → compose the edits of all stages onto the input → apply. Instances hold
 * only immutable or per-thread state, so they are thread-safe.
 */
public final class Unspinner {
    /** Default rewrite threshold: entries below it are reported, not rewritten. */
    public static final double DEFAULT_MIN_CONFIDENCE = 0.8;

    private final Normaliser normaliser;
    private final PhraseMatcher matcher;
    private final CandidateDetector detector;
    private final ContextAnomaly anomaly;
    private final double minConfidence;
    private final LanguageToolStage contextRules;
    private final boolean thorough;
    private final AllowFilter allow;
    private final DenyMatcher deny;

    private Unspinner(Builder b) {
        this.normaliser = new Normaliser(new Normaliser.Options(b.collapseSpaces, b.foldTypography));
        this.matcher = new PhraseMatcher(PhraseTable.load(b.shipped, b.dictionaries));
        NgramModel lm = b.generalise ? b.languageModel() : null;
        CorpusModel corpus = b.generalise && b.corpusModelPath != null ? CorpusModel.open(b.corpusModelPath) : null;
        // only the generalising stages read the thesaurus (144,000 words): the default pipeline never loads it
        Thesaurus thesaurus = !b.generalise ? null : b.thesaurus != null ? b.thesaurus : Thesaurus.shipped();
        this.detector = b.generalise ? new CandidateDetector(CanonicalLexicon.shipped(), thesaurus, lm,
                b.linkFilter, b.weights != null ? b.weights : CandidateDetector.Weights.shipped(), corpus) : null;
        this.anomaly = lm != null ? new ContextAnomaly(lm, thesaurus, b.linkFilter, corpus) : null;
        this.minConfidence = b.minConfidence;
        this.contextRules = b.contextRules ? new LanguageToolStage(new LanguageToolStage.Options(b.ltRules,
                b.ruleFiles, true, b.minConfidence)) : null;
        this.thorough = b.thorough;
        List<PhraseList.Row> allowRows = new ArrayList<>(b.allowRows);
        List<PhraseList.Row> denyRows = new ArrayList<>(b.denyRows);
        b.allowFiles.forEach(f -> allowRows.addAll(PhraseList.read(f, PhraseList.Kind.ALLOW)));
        b.denyFiles.forEach(f -> denyRows.addAll(PhraseList.read(f, PhraseList.Kind.DENY)));
        PhraseList.checkDuplicates(denyRows, PhraseList.Kind.DENY);
        this.allow = allowRows.isEmpty() ? null : new AllowFilter(allowRows);
        this.deny = denyRows.isEmpty() ? null : new DenyMatcher(denyRows);
    }

    /** An Unspinner with the shipped dictionaries and default options. */
    public static Unspinner withDefaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public double minConfidence() {
        return minConfidence;
    }

    /** Sentences the context-rule stage has sent to LanguageTool so far, over all threads (0 without it). */
    public long contextRuleSentencesChecked() {
        return contextRules == null ? 0 : contextRules.sentencesChecked();
    }

    /** Repairs one text. Never returns null; an empty text gives an empty repair. */
    public Repair repair(String input) {
        Normaliser.Result clean = normaliser.normalise(input);
        OffsetMap cleanMap = OffsetMap.of(input.length(), clean.edits());
        TokenList tokens = Tokeniser.tokenise(clean.text());
        List<List<Edit>> stages = new ArrayList<>();
        if (deny != null) {
            stages.add(deny.find(tokens)); // first and at confidence 1: the user's verdict wins every tie
        }
        stages.add(matcher.find(tokens, minConfidence));
        if (contextRules != null) {
            stages.add(contextRules.check(tokens, thorough));
        }
        if (detector != null) {
            stages.add(detector.find(tokens, minConfidence));
        }
        if (allow != null) {
            // Before the stages compete, so an allowed finding cannot hide another stage's different one.
            stages.replaceAll(found -> allow.filter(tokens, found));
        }
        List<Edit> findings = mostConfident(stages);
        ContextAnomaly.Result context = anomaly != null ? anomaly.assess(tokens) : ContextAnomaly.Result.NONE;
        findings = withFlags(findings, allow == null ? context.flags() : allow.filter(tokens, context.flags()));
        List<Edit> edits = EditSet.compose(input, clean.edits(), cleanMap, findings);
        String text = EditSet.apply(input, edits);
        return new Repair(input, text, List.copyOf(edits),
                SpinScore.of(tokens.wordCount(), edits, context.checkedWords(), context.score()),
                OffsetMap.of(input.length(), edits));
    }

    /** The findings plus each suspect-word flag that overlaps none of them (a flag never displaces a finding). */
    private static List<Edit> withFlags(List<Edit> findings, List<Edit> flags) {
        if (flags.isEmpty()) {
            return findings;
        }
        List<Edit> all = new ArrayList<>(findings);
        for (Edit flag : flags) {
            if (findings.stream().noneMatch(f -> f.start() < flag.end() && flag.start() < f.end())) {
                all.add(flag);
            }
        }
        all.sort(EditSet.BY_POSITION);
        return all;
    }

    /**
     * One non-overlapping list from the findings of several stages: the most confident finding of a region
     * wins; at equal confidence the earlier stage (phrase tables, then context rules, then the generalising
     * detector) does, so a curated rewrite is never displaced by a guess.
     */
    private static List<Edit> mostConfident(List<List<Edit>> stages) {
        if (stages.size() == 1) {
            return stages.get(0);
        }
        List<List<Edit>> nonEmpty = stages.stream().filter(s -> !s.isEmpty()).toList();
        if (nonEmpty.isEmpty()) {
            return List.of();
        }
        if (nonEmpty.size() == 1 && isStrictlyOrdered(nonEmpty.get(0))) {
            return nonEmpty.get(0); // nothing to choose between: the ranking below would keep it all, in order
        }
        List<Edit> ranked = new ArrayList<>();
        Map<Edit, Integer> stageOf = new java.util.IdentityHashMap<>();
        for (int i = 0; i < stages.size(); i++) {
            for (Edit e : stages.get(i)) {
                ranked.add(e);
                stageOf.put(e, i);
            }
        }
        ranked.sort(java.util.Comparator.comparingDouble(Edit::confidence).reversed()
                .thenComparing(stageOf::get).thenComparing(EditSet.BY_POSITION));
        List<Edit> kept = new ArrayList<>();
        for (Edit e : ranked) {
            if (kept.stream().noneMatch(k -> k.start() < e.end() && e.start() < k.end())) {
                kept.add(e);
            }
        }
        kept.sort(EditSet.BY_POSITION);
        return kept;
    }

    /** Whether each edit starts after the previous one starts and not before it ends (no overlap, no tie). */
    private static boolean isStrictlyOrdered(List<Edit> edits) {
        for (int i = 1; i < edits.size(); i++) {
            Edit previous = edits.get(i - 1), e = edits.get(i);
            if (e.start() <= previous.start() || e.start() < previous.end()) {
                return false;
            }
        }
        return true;
    }

    /** Options for an {@link Unspinner}; every setter returns this builder. */
    public static final class Builder {
        private boolean shipped = true;
        private final List<Path> dictionaries = new ArrayList<>();
        private double minConfidence = DEFAULT_MIN_CONFIDENCE;
        private boolean collapseSpaces;
        private boolean foldTypography;
        private boolean generalise = false;
        private BiPredicate<String, String> linkFilter = CandidateDetector.ALL_LINKS;
        private Thesaurus thesaurus;
        private CandidateDetector.Weights weights;
        private Path languageModelPath;
        private boolean useLanguageModel = true;
        private Path corpusModelPath;
        private boolean contextRules = true;
        private boolean thorough;
        private java.util.Set<String> ltRules = java.util.Set.of();
        private final List<Path> ruleFiles = new ArrayList<>();
        private final List<PhraseList.Row> allowRows = new ArrayList<>();
        private final List<PhraseList.Row> denyRows = new ArrayList<>();
        private final List<Path> allowFiles = new ArrayList<>();
        private final List<Path> denyFiles = new ArrayList<>();

        /**
         * Never report or rewrite {@code phrase}: every finding that touches one of its occurrences (token
         * boundaries, any case) is dropped, whichever stage made it. Throws
         * {@link org.unspin.lexicon.DictionaryException} for a phrase without tokens.
         */
        public Builder allow(String phrase) {
            return allow(phrase, null);
        }

        /** As {@link #allow(String)}, but only findings that suggest {@code replacement} (any case) are dropped. */
        public Builder allow(String phrase, String replacement) {
            allowRows.add(PhraseList.row("Builder.allow", allowRows.size() + 1, PhraseList.Kind.ALLOW, phrase,
                    replacement));
            return this;
        }

        /**
         * Always rewrite {@code phrase} to {@code replacement} (case rules of phrase tables), or only report it
         * when {@code replacement} is null; the deny list wins over every other stage.
         */
        public Builder deny(String phrase, String replacement) {
            denyRows.add(PhraseList.row("Builder.deny", denyRows.size() + 1, PhraseList.Kind.DENY, phrase,
                    replacement));
            return this;
        }

        /** Adds an allow-list file (format: {@link PhraseList}); read and validated by {@link #build()}. */
        public Builder addAllowList(Path file) {
            allowFiles.add(java.util.Objects.requireNonNull(file));
            return this;
        }

        /** Adds a deny-list file (format: {@link PhraseList}); read and validated by {@link #build()}. */
        public Builder addDenyList(Path file) {
            denyFiles.add(java.util.Objects.requireNonNull(file));
            return this;
        }

        /**
         * Whether to run unspin's LanguageTool context rules ({@code dictionaries/rules/*.xml}) on sentences
         * that contain one of their trigger words (default true; LanguageTool loads on the first such sentence).
         */
        public Builder contextRules(boolean on) {
            this.contextRules = on;
            return this;
        }

        /** Run the context rules on every sentence, not only on those with a trigger word (slow). */
        public Builder thorough(boolean on) {
            this.thorough = on;
            return this;
        }

        /**
         * Also run these rules of LanguageTool's own English set (e.g. {@code EN_A_VS_AN}); their matches are
         * reported as {@code grammar}, never rewritten.
         */
        public Builder ltRules(java.util.Set<String> ids) {
            this.ltRules = java.util.Set.copyOf(ids);
            return this;
        }

        /** Adds a rule file in LanguageTool's pattern-rule XML format to the context rules. */
        public Builder addRuleFile(Path file) {
            this.ruleFiles.add(file);
            return this;
        }

        /**
         * N-gram counts of the user's own corpus ({@code unspin learn}) as evidence for the generalising
         * detector: spans the corpus uses often are never proposed, and proposals the corpus prefers score
         * higher. Only used with {@link #generalise(boolean) generalise(true)}; {@link #build()} throws
         * {@link org.unspin.corpus.CorpusException} for a missing or corrupt model.
         */
        public Builder corpusModel(Path file) {
            this.corpusModelPath = java.util.Objects.requireNonNull(file);
            return this;
        }

        /**
         * The trigram model (Sphinx binary trie format) to use as evidence; default: {@code UNSPIN_LM}, else the
         * Debian {@code pocketsphinx-en-us} model when installed. Without a model the detector still runs,
         * with less evidence, so it rewrites less.
         */
        public Builder languageModel(Path file) {
            this.languageModelPath = file;
            this.useLanguageModel = true;
            return this;
        }

        /** Run the detector without a language model even when one is installed. */
        public Builder noLanguageModel() {
            this.useLanguageModel = false;
            return this;
        }

        /** The detector's score weights and report floor (for tuning; defaults are documented). */
        public Builder weights(CandidateDetector.Weights w) {
            this.weights = java.util.Objects.requireNonNull(w);
            return this;
        }

        private NgramModel languageModel() {
            if (!useLanguageModel) {
                return null;
            }
            Path path = languageModelPath != null ? languageModelPath : NgramModel.findInstalled().orElse(null);
            if (path == null) {
                return null;
            }
            try {
                return NgramModel.open(path);
            } catch (java.io.IOException e) {
                throw new org.unspin.lexicon.DictionaryException(path.toString(), 0, e.getMessage());
            }
        }

        private Builder() {
        }

        /**
         * Whether to run the generalising detector (reverse thesaurus, canonical lexicon and language model)
         * besides the phrase tables (default false). With a language model it also
         * fills in {@link SpinScore#contextAnomaly()} and reports single out-of-place words as
         * {@code suspect-word} findings (never applied; see {@link ContextAnomaly}).
         */
        public Builder generalise(boolean on) {
            this.generalise = on;
            return this;
        }

        /**
         * Restricts the thesaurus links the detector may follow: {@code filter.test(observed, original)}.
         * Evaluation uses it to hide the links its spinner simulator draws from (see
         * {@link org.unspin.eval.ThesaurusSplit}).
         */
        public Builder linkFilter(BiPredicate<String, String> filter) {
            this.linkFilter = java.util.Objects.requireNonNull(filter);
            return this;
        }

        /**
         * The reverse thesaurus of the generalising detector (default {@link Thesaurus#shipped()}). Evaluation
         * passes {@code Thesaurus.shipped().restrictedTo(...)} to keep the spinner's source away from it.
         */
        public Builder thesaurus(Thesaurus thesaurus) {
            this.thesaurus = java.util.Objects.requireNonNull(thesaurus);
            return this;
        }

        /** Adds a phrase-table file (same TSV format as the shipped ones). */
        public Builder addDictionary(Path file) {
            dictionaries.add(file);
            return this;
        }

        /** Whether to load the tables shipped in {@code dictionaries/} (default true). */
        public Builder shippedDictionaries(boolean use) {
            this.shipped = use;
            return this;
        }

        /** Rewrite findings with at least this confidence; report the rest (default 0.8). */
        public Builder minConfidence(double value) {
            if (!(value >= 0 && value <= 1)) {
                throw new IllegalArgumentException("min confidence must be within 0..1, got " + value);
            }
            this.minConfidence = value;
            return this;
        }

        /** Collapse runs of spaces and tabs to one space (off by default: it changes clean text). */
        public Builder collapseSpaces(boolean on) {
            this.collapseSpaces = on;
            return this;
        }

        /** Fold typographic quotes, dashes and ellipses to ASCII (off by default). */
        public Builder foldTypography(boolean on) {
            this.foldTypography = on;
            return this;
        }

        /** Loads and validates the dictionaries; throws {@link org.unspin.lexicon.DictionaryException}. */
        public Unspinner build() {
            return new Unspinner(this);
        }
    }
}
