package org.unspin;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The options that decide how an {@link Unspinner} is built, as one immutable value: what the command-line
 * options say ({@code fix}, {@code check}, {@code serve}, the Spark job share their declarations), what
 * {@link Unspinner.Builder#settings(Settings)} takes, and what the Spark job ships to its executors (it is
 * {@link Serializable}, and equal settings are equal values, so they can key a cache of built instances).
 *
 * <p>Files are held as the names given (Spark resolves them on each executor); {@link Unspinner} reads them
 * from the default file system. Change one option with {@link #toBuilder()}:
 * {@code Settings.DEFAULTS.toBuilder().minConfidence(0.9).build()}.
 */
public final class Settings implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Default rewrite threshold: entries below it are reported, not rewritten. */
    public static final double DEFAULT_MIN_CONFIDENCE = 0.8;

    /** The shipped dictionaries, context rules and restorer; nothing else. */
    public static final Settings DEFAULTS = builder().build();

    private final boolean shippedDictionaries;
    private final List<String> dictionaries;
    private final double minConfidence;
    private final boolean collapseSpaces;
    private final boolean foldTypography;
    private final boolean restorer;
    private final boolean flags;
    private final List<String> candidateFiles;
    private final String languageModel;
    private final String corpusModel;
    private final boolean contextRules;
    private final boolean thorough;
    private final Set<String> ltRules;
    private final List<String> ruleFiles;
    private final List<String> allowLists;
    private final List<String> denyLists;

    private Settings(Builder b) {
        this.shippedDictionaries = b.shippedDictionaries;
        this.dictionaries = List.copyOf(b.dictionaries);
        this.minConfidence = b.minConfidence;
        this.collapseSpaces = b.collapseSpaces;
        this.foldTypography = b.foldTypography;
        this.restorer = b.restorer;
        this.flags = b.flags;
        this.candidateFiles = List.copyOf(b.candidateFiles);
        this.languageModel = b.languageModel;
        this.corpusModel = b.corpusModel;
        this.contextRules = b.contextRules;
        this.thorough = b.thorough;
        this.ltRules = java.util.Collections.unmodifiableSet(new TreeSet<>(b.ltRules));
        this.ruleFiles = List.copyOf(b.ruleFiles);
        this.allowLists = List.copyOf(b.allowLists);
        this.denyLists = List.copyOf(b.denyLists);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder that starts from these settings. */
    public Builder toBuilder() {
        return new Builder().shippedDictionaries(shippedDictionaries).dictionaries(dictionaries)
                .minConfidence(minConfidence).collapseSpaces(collapseSpaces).foldTypography(foldTypography)
                .restorer(restorer).flags(flags).candidateFiles(candidateFiles).languageModel(languageModel)
                .corpusModel(corpusModel).contextRules(contextRules).thorough(thorough).ltRules(ltRules)
                .ruleFiles(ruleFiles).allowLists(allowLists).denyLists(denyLists);
    }

    /** Whether the phrase tables (and candidate files) shipped in {@code dictionaries/} are loaded. */
    public boolean shippedDictionaries() {
        return shippedDictionaries;
    }

    /** Extra phrase-table files (same TSV format as the shipped ones). */
    public List<String> dictionaries() {
        return dictionaries;
    }

    /** Findings with at least this confidence are rewritten, the rest reported. */
    public double minConfidence() {
        return minConfidence;
    }

    /** Whether runs of spaces and tabs collapse to one space. */
    public boolean collapseSpaces() {
        return collapseSpaces;
    }

    /** Whether typographic quotes, dashes and ellipses fold to ASCII. */
    public boolean foldTypography() {
        return foldTypography;
    }

    /** Whether the restorer runs (candidate dictionaries decided by the trigram model). */
    public boolean restorer() {
        return restorer;
    }

    /** Whether documents the prior marks as spun get report-only suspect-word flags. */
    public boolean flags() {
        return flags;
    }

    /** Extra candidate files for the restorer. */
    public List<String> candidateFiles() {
        return candidateFiles;
    }

    /** The restorer's trigram model, or null for {@code UNSPIN_LM} or the installed one. */
    public String languageModel() {
        return languageModel;
    }

    /** A corpus model from {@code unspin learn}, or null. */
    public String corpusModel() {
        return corpusModel;
    }

    /** Whether the LanguageTool context rules run. */
    public boolean contextRules() {
        return contextRules;
    }

    /** Whether the context rules run on every sentence, not only on those with a trigger word. */
    public boolean thorough() {
        return thorough;
    }

    /** LanguageTool's own English rules to run as well (sorted). */
    public Set<String> ltRules() {
        return ltRules;
    }

    /** Extra context-rule files (LanguageTool pattern-rule XML). */
    public List<String> ruleFiles() {
        return ruleFiles;
    }

    /** Allow-list files. */
    public List<String> allowLists() {
        return allowLists;
    }

    /** Deny-list files. */
    public List<String> denyLists() {
        return denyLists;
    }

    private List<Object> values() {
        return Arrays.asList(shippedDictionaries, dictionaries, minConfidence, collapseSpaces, foldTypography,
                restorer, flags, candidateFiles, languageModel, corpusModel, contextRules, thorough, ltRules,
                ruleFiles, allowLists, denyLists);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Settings s && values().equals(s.values());
    }

    @Override
    public int hashCode() {
        return values().hashCode();
    }

    @Override
    public String toString() {
        return "Settings" + values();
    }

    /** Named setters for {@link Settings}; each returns this builder. Lists given replace, add… appends. */
    public static final class Builder {
        private boolean shippedDictionaries = true;
        private final List<String> dictionaries = new ArrayList<>();
        private double minConfidence = DEFAULT_MIN_CONFIDENCE;
        private boolean collapseSpaces;
        private boolean foldTypography;
        private boolean restorer = true;
        private boolean flags = true;
        private final List<String> candidateFiles = new ArrayList<>();
        private String languageModel;
        private String corpusModel;
        private boolean contextRules = true;
        private boolean thorough;
        private final Set<String> ltRules = new TreeSet<>();
        private final List<String> ruleFiles = new ArrayList<>();
        private final List<String> allowLists = new ArrayList<>();
        private final List<String> denyLists = new ArrayList<>();

        private Builder() {
        }

        public Builder shippedDictionaries(boolean on) {
            this.shippedDictionaries = on;
            return this;
        }

        public Builder dictionaries(Collection<String> files) {
            return replace(dictionaries, files);
        }

        public Builder addDictionary(String file) {
            dictionaries.add(Objects.requireNonNull(file));
            return this;
        }

        /** Throws {@link IllegalArgumentException} outside 0..1 (and for NaN). */
        public Builder minConfidence(double value) {
            if (!(value >= 0 && value <= 1)) {
                throw new IllegalArgumentException("min confidence must be within 0..1, got " + value);
            }
            this.minConfidence = value;
            return this;
        }

        public Builder collapseSpaces(boolean on) {
            this.collapseSpaces = on;
            return this;
        }

        public Builder foldTypography(boolean on) {
            this.foldTypography = on;
            return this;
        }

        public Builder restorer(boolean on) {
            this.restorer = on;
            return this;
        }

        public Builder flags(boolean on) {
            this.flags = on;
            return this;
        }

        public Builder candidateFiles(Collection<String> files) {
            return replace(candidateFiles, files);
        }

        public Builder addCandidateFile(String file) {
            candidateFiles.add(Objects.requireNonNull(file));
            return this;
        }

        /** Null: {@code UNSPIN_LM}, else the installed model. */
        public Builder languageModel(String file) {
            this.languageModel = file;
            return this;
        }

        /** Null: none. */
        public Builder corpusModel(String file) {
            this.corpusModel = file;
            return this;
        }

        public Builder contextRules(boolean on) {
            this.contextRules = on;
            return this;
        }

        public Builder thorough(boolean on) {
            this.thorough = on;
            return this;
        }

        public Builder ltRules(Collection<String> ids) {
            ltRules.clear();
            ids.forEach(id -> ltRules.add(Objects.requireNonNull(id)));
            return this;
        }

        public Builder ruleFiles(Collection<String> files) {
            return replace(ruleFiles, files);
        }

        public Builder addRuleFile(String file) {
            ruleFiles.add(Objects.requireNonNull(file));
            return this;
        }

        public Builder allowLists(Collection<String> files) {
            return replace(allowLists, files);
        }

        public Builder addAllowList(String file) {
            allowLists.add(Objects.requireNonNull(file));
            return this;
        }

        public Builder denyLists(Collection<String> files) {
            return replace(denyLists, files);
        }

        public Builder addDenyList(String file) {
            denyLists.add(Objects.requireNonNull(file));
            return this;
        }

        private Builder replace(List<String> list, Collection<String> files) {
            List<String> copy = List.copyOf(files); // before clearing: files may be that very list
            list.clear();
            list.addAll(copy);
            return this;
        }

        public Settings build() {
            return new Settings(this);
        }
    }
}
