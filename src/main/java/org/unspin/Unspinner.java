package org.unspin;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.unspin.lexicon.CorpusModel;
import org.unspin.detect.AllowFilter;
import org.unspin.detect.ContextAnomaly;
import org.unspin.detect.DenyMatcher;
import org.unspin.detect.PhraseMatcher;
import org.unspin.detect.Resolver;
import org.unspin.detect.Restorer;
import org.unspin.detect.Stage;
import org.unspin.edit.Edit;
import org.unspin.edit.EditSet;
import org.unspin.edit.OffsetMap;
import org.unspin.languagetool.LanguageToolStage;
import org.unspin.lexicon.CandidateDictionary;
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
 * <p>Pipeline: normalise (Unicode and markup clean-up) → tokenise → the detection {@link Stage}s (deny list,
 * phrase tables, LanguageTool context rules on sentences with a trigger word, the {@link Restorer}: candidate
 * dictionaries decided by the trigram model) → the {@link Resolver} (overlaps, document prior, threshold) →
 * suspect-word flags in documents the prior marks as spun → compose the edits of all stages onto the input →
 * apply. Instances hold only immutable or per-thread state, so they are thread-safe.
 */
public final class Unspinner {
    /** Default rewrite threshold: entries below it are reported, not rewritten. */
    public static final double DEFAULT_MIN_CONFIDENCE = Settings.DEFAULT_MIN_CONFIDENCE;

    private final Settings settings;
    private final Normaliser normaliser;
    private final List<Stage> stages;
    private final LanguageToolStage contextRules;
    private final AllowFilter allow;
    private final ContextAnomaly flagger;
    /** The restorer among the stages, or null (no language model). */
    private final Restorer restorer;
    private final String notice;

    private Unspinner(Builder b) {
        Settings s = b.settings.build();
        this.settings = s;
        this.normaliser = new Normaliser(new Normaliser.Options(s.collapseSpaces(), s.foldTypography()));
        this.contextRules = s.contextRules() ? new LanguageToolStage(new LanguageToolStage.Options(s.ltRules(),
                paths(s.ruleFiles()), true, s.minConfidence())) : null;
        if (contextRules != null && b.preload) {
            contextRules.preload(); // LanguageTool loads on the other core while the tables and the model load here
        }
        PhraseTable tables = PhraseTable.load(s.shippedDictionaries(), paths(s.dictionaries()));
        List<PhraseList.Row> allowRows = new ArrayList<>(b.allowRows);
        List<PhraseList.Row> denyRows = new ArrayList<>(b.denyRows);
        paths(s.allowLists()).forEach(f -> allowRows.addAll(PhraseList.read(f, PhraseList.Kind.ALLOW)));
        paths(s.denyLists()).forEach(f -> denyRows.addAll(PhraseList.read(f, PhraseList.Kind.DENY)));
        PhraseList.checkDuplicates(denyRows, PhraseList.Kind.DENY);
        this.allow = allowRows.isEmpty() ? null : new AllowFilter(allowRows);
        List<Stage> list = new ArrayList<>();
        if (!denyRows.isEmpty()) {
            list.add(new DenyMatcher(denyRows)); // first and at confidence 1: the user's verdict wins every tie
        }
        list.add(new PhraseMatcher(tables));
        if (contextRules != null) {
            boolean thorough = s.thorough();
            list.add(tokens -> contextRules.check(tokens, thorough));
        }
        NgramModel lm = s.restorer() ? b.languageModel(s.languageModel()) : null;
        CorpusModel corpus = s.corpusModel() != null ? CorpusModel.open(Path.of(s.corpusModel())) : null;
        if (s.restorer() && lm == null) {
            this.notice = "no language model at " + (s.languageModel() != null ? s.languageModel()
                    : NgramModel.configuredPath()) + ": the restorer is off (install Debian's pocketsphinx-en-us, "
                    + "or set UNSPIN_LM or --lm to a Sphinx trigram model)";
        } else {
            this.notice = null;
        }
        Restorer restorer = null;
        if (lm != null) {
            CandidateDictionary candidates = CandidateDictionary.load(s.shippedDictionaries(), paths(s.candidateFiles()), tables);
            if (corpus != null) {
                candidates = candidates.plus(corpus.substitutions());
            }
            if (!b.candidateRows.isEmpty()) {
                candidates = candidates.plus(b.candidateRows);
            }
            Thesaurus names = b.thesaurus;
            restorer = new Restorer(candidates, lm, CanonicalLexicon.shipped(), corpus, b.margins,
                    () -> names != null ? names : Thesaurus.shipped());
            list.add(restorer);
            this.flagger = s.flags() ? new ContextAnomaly(lm, b.thesaurus, corpus) : null;
        } else {
            this.flagger = null;
        }
        this.restorer = restorer;
        this.stages = List.copyOf(list);
    }

    /** Settings hold file names; the library reads them from the default file system. */
    private static List<Path> paths(List<String> names) {
        return names.stream().map(Path::of).toList();
    }

    /** An Unspinner with the shipped dictionaries and default options. */
    public static Unspinner withDefaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public double minConfidence() {
        return settings.minConfidence();
    }

    /** The settings this instance was built with. */
    public Settings settings() {
        return settings;
    }

    /**
     * A one-line notice when a configured part could not run (the restorer without its language model), else
     * empty. Callers that talk to people print it once.
     */
    public java.util.Optional<String> notice() {
        return java.util.Optional.ofNullable(notice);
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
        List<List<Edit>> found = new ArrayList<>(stages.size());
        List<Edit> restored = List.of();
        for (Stage stage : stages) {
            List<Edit> f = stage.find(tokens);
            if (stage == restorer) {
                restored = f;
            }
            // Before the stages compete, so an allowed finding cannot hide another stage's different one.
            found.add(allow == null ? f : allow.filter(tokens, f));
        }
        Resolver.Result resolved = Resolver.resolve(found, settings.minConfidence(), tokens.wordCount());
        if (restorer != null && restorer.proposesNames() && resolved.spinProbability() >= Resolver.SPUN_PRIOR) {
            // The text is spun: look again with names one word off a known name among the restorer's proposals.
            List<Edit> f = restorer.findWithNames(tokens, restored);
            found.set(stages.indexOf(restorer), allow == null ? f : allow.filter(tokens, f));
            resolved = Resolver.resolve(found, settings.minConfidence(), tokens.wordCount());
        }
        List<Edit> findings = resolved.findings();
        ContextAnomaly.Result context = ContextAnomaly.Result.NONE;
        if (flagger != null && resolved.spinProbability() >= ContextAnomaly.FLAG_PRIOR) {
            context = flagger.assess(tokens);
            findings = Resolver.withFlags(findings, allow == null ? context.flags() : allow.filter(tokens, context.flags()));
        }
        List<Edit> edits = EditSet.compose(input, clean.edits(), cleanMap, findings);
        String text = EditSet.apply(input, edits);
        return new Repair(input, text, List.copyOf(edits), SpinScore.of(tokens.wordCount(), edits,
                context.checkedWords(), context.score(), resolved.spinProbability()),
                OffsetMap.of(input.length(), edits));
    }

    /**
     * Options for an {@link Unspinner}; every setter returns this builder. The options a command line can give
     * are a {@link Settings} value ({@link #settings(Settings)}, or the setters below, which change one of
     * them); phrases, candidate rows, a thesaurus and margins given as objects come on top.
     */
    public static final class Builder {
        private Settings.Builder settings = Settings.builder();
        private Restorer.Margins margins = Restorer.Margins.DEFAULT;
        private final List<CandidateDictionary.Row> candidateRows = new ArrayList<>();
        private Thesaurus thesaurus;
        private boolean useLanguageModel = true;
        private final List<PhraseList.Row> allowRows = new ArrayList<>();
        private final List<PhraseList.Row> denyRows = new ArrayList<>();
        private boolean preload;

        /** Replaces every option a {@link Settings} holds (files added before are dropped). */
        public Builder settings(Settings s) {
            this.settings = s.toBuilder();
            return this;
        }

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
            settings.addAllowList(file.toString());
            return this;
        }

        /** Adds a deny-list file (format: {@link PhraseList}); read and validated by {@link #build()}. */
        public Builder addDenyList(Path file) {
            settings.addDenyList(file.toString());
            return this;
        }

        /**
         * Whether to run unspin's LanguageTool context rules ({@code dictionaries/rules/*.xml}) on sentences
         * that contain one of their trigger words (default true; LanguageTool loads on the first such sentence).
         */
        public Builder contextRules(boolean on) {
            settings.contextRules(on);
            return this;
        }

        /**
         * Whether {@link #build} starts loading LanguageTool on a background thread (default false). For a process
         * that checks text right after building, as the command line does: LanguageTool's loading (0.3 s of CPU with
         * the shipped rules) then overlaps the loading of the tables and the language model. Off, it loads on the first sentence with a
         * trigger word, and a pipeline that never meets one never loads it.
         */
        public Builder preload(boolean on) {
            this.preload = on;
            return this;
        }

        /** Run the context rules on every sentence, not only on those with a trigger word (slow). */
        public Builder thorough(boolean on) {
            settings.thorough(on);
            return this;
        }

        /**
         * Also run these rules of LanguageTool's own English set (e.g. {@code EN_A_VS_AN}); their matches are
         * reported as {@code grammar}, never rewritten.
         */
        public Builder ltRules(java.util.Set<String> ids) {
            settings.ltRules(ids);
            return this;
        }

        /** Adds a rule file in LanguageTool's pattern-rule XML format to the context rules. */
        public Builder addRuleFile(Path file) {
            settings.addRuleFile(file.toString());
            return this;
        }

        /**
         * A corpus model from {@code unspin learn}: the substitutions it mined join the restorer's candidates,
         * and its n-gram counts are evidence beside the trigram model. {@link #build()} throws
         * {@link org.unspin.lexicon.DictionaryException} for a missing or corrupt model.
         */
        public Builder corpusModel(Path file) {
            settings.corpusModel(file.toString());
            return this;
        }

        /**
         * The trigram model (Sphinx binary trie format), the restorer's arbiter; default: {@code UNSPIN_LM}, else
         * the Debian {@code pocketsphinx-en-us} model when installed. Without a model the restorer is off and
         * {@link Unspinner#notice()} says so.
         */
        public Builder languageModel(Path file) {
            settings.languageModel(file == null ? null : file.toString());
            this.useLanguageModel = true;
            return this;
        }

        /** Run without a language model even when one is installed (the restorer is then off). */
        public Builder noLanguageModel() {
            this.useLanguageModel = false;
            return this;
        }

        private NgramModel languageModel(String given) {
            if (!useLanguageModel) {
                return null;
            }
            Path path = given != null ? Path.of(given) : NgramModel.findInstalled().orElse(null);
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
         * Whether to run the restorer (default true): candidates from the candidate dictionaries, decided by
         * the trigram model. It needs a language model ({@link #languageModel(Path)}).
         */
        public Builder restorer(boolean on) {
            settings.restorer(on);
            return this;
        }

        /**
         * Whether documents the prior marks as spun also get report-only {@code suspect-word} flags for the
         * words the open thesaurus and the model single out (default true; loads the thesaurus on first use).
         */
        public Builder flags(boolean on) {
            settings.flags(on);
            return this;
        }

        /** Adds a candidate file (format: {@link CandidateDictionary}), e.g. one exported by {@code learn}. */
        public Builder addCandidates(Path file) {
            settings.addCandidateFile(file.toString());
            return this;
        }

        // The evaluation's hooks, no part of the API: package-private, set by org.unspin.EvaluationHooks in the
        // tools (src/tools/java), which the library jar does not contain.

        /** The restorer's decision thresholds (default {@link Restorer.Margins#DEFAULT}); eval's margin options. */
        Builder restoreMargins(Restorer.Margins m) {
            this.margins = java.util.Objects.requireNonNull(m);
            return this;
        }

        /** Candidate rows added to the restorer's dictionary; eval's {@code --oracle}. */
        Builder addCandidateRows(java.util.Collection<CandidateDictionary.Row> rows) {
            this.candidateRows.addAll(rows);
            return this;
        }

        /**
         * The thesaurus of the suspect-word flags (default {@link Thesaurus#shipped()}, loaded on first use);
         * eval passes {@code Thesaurus.shipped().restrictedTo(...)} to keep the spinner's source away.
         */
        Builder thesaurus(Thesaurus thesaurus) {
            this.thesaurus = java.util.Objects.requireNonNull(thesaurus);
            return this;
        }

        /** Adds a phrase-table file (same TSV format as the shipped ones). */
        public Builder addDictionary(Path file) {
            settings.addDictionary(file.toString());
            return this;
        }

        /** Whether to load the tables shipped in {@code dictionaries/} (default true). */
        public Builder shippedDictionaries(boolean use) {
            settings.shippedDictionaries(use);
            return this;
        }

        /** Rewrite findings with at least this confidence; report the rest (default 0.8). */
        public Builder minConfidence(double value) {
            settings.minConfidence(value);
            return this;
        }

        /** Collapse runs of spaces and tabs to one space (off by default: it changes clean text). */
        public Builder collapseSpaces(boolean on) {
            settings.collapseSpaces(on);
            return this;
        }

        /** Fold typographic quotes, dashes and ellipses to ASCII (off by default). */
        public Builder foldTypography(boolean on) {
            settings.foldTypography(on);
            return this;
        }

        /** Loads and validates the dictionaries; throws {@link org.unspin.lexicon.DictionaryException}. */
        public Unspinner build() {
            return new Unspinner(this);
        }
    }
}
