package org.unspin;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;
import org.unspin.corpus.CorpusModel;
import org.unspin.detect.CandidateDetector;
import org.unspin.detect.PhraseMatcher;
import org.unspin.edit.Edit;
import org.unspin.edit.EditSet;
import org.unspin.edit.OffsetMap;
import org.unspin.lexicon.CanonicalLexicon;
import org.unspin.lexicon.NgramModel;
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
 * <p>Pipeline: normalise (Unicode and markup clean-up) → tokenise → detect (phrase tables) → compose the
 * edits of all stages onto the input → apply. Instances hold only immutable state, so they are thread-safe.
 */
public final class Unspinner {
    /** Default rewrite threshold: entries below it are reported, not rewritten. */
    public static final double DEFAULT_MIN_CONFIDENCE = 0.8;

    private final Normaliser normaliser;
    private final PhraseMatcher matcher;
    private final CandidateDetector detector;
    private final double minConfidence;

    private Unspinner(Builder b) {
        this.normaliser = new Normaliser(new Normaliser.Options(b.collapseSpaces, b.foldTypography));
        this.matcher = new PhraseMatcher(PhraseTable.load(b.shipped, b.dictionaries));
        this.detector = b.generalise ? new CandidateDetector(CanonicalLexicon.shipped(), Thesaurus.shipped(),
                b.languageModel(), b.linkFilter,
                b.weights != null ? b.weights : CandidateDetector.Weights.shipped(),
                b.corpusModelPath == null ? null : CorpusModel.open(b.corpusModelPath)) : null;
        this.minConfidence = b.minConfidence;
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

    /** Repairs one text. Never returns null; an empty text gives an empty repair. */
    public Repair repair(String input) {
        Normaliser.Result clean = normaliser.normalise(input);
        OffsetMap cleanMap = OffsetMap.of(input.length(), clean.edits());
        TokenList tokens = Tokeniser.tokenise(clean.text());
        List<Edit> findings = matcher.find(tokens, minConfidence);
        if (detector != null) {
            findings = preferTables(findings, detector.find(tokens, minConfidence));
        }
        List<Edit> edits = EditSet.compose(input, clean.edits(), cleanMap, findings);
        String text = EditSet.apply(input, edits);
        return new Repair(input, text, List.copyOf(edits), SpinScore.of(tokens.wordCount(), edits),
                OffsetMap.of(input.length(), edits));
    }

    /** Table findings (curated, so trusted first) plus the detector's findings that overlap none of them. */
    private static List<Edit> preferTables(List<Edit> tables, List<Edit> detected) {
        if (detected.isEmpty()) {
            return tables;
        }
        List<Edit> all = new ArrayList<>(tables);
        for (Edit d : detected) {
            if (tables.stream().noneMatch(t -> t.start() < d.end() && d.start() < t.end())) {
                all.add(d);
            }
        }
        all.sort(EditSet.BY_POSITION);
        return all;
    }

    /** Options for an {@link Unspinner}; every setter returns this builder. */
    public static final class Builder {
        private boolean shipped = true;
        private final List<Path> dictionaries = new ArrayList<>();
        private double minConfidence = DEFAULT_MIN_CONFIDENCE;
        private boolean collapseSpaces;
        private boolean foldTypography;
        private boolean generalise = false;
        private BiPredicate<String, String> linkFilter = (observed, original) -> true;
        private CandidateDetector.Weights weights;
        private Path languageModelPath;
        private boolean useLanguageModel = true;
        private Path corpusModelPath;

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
         * besides the phrase tables (default false until its weights are fitted).
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
