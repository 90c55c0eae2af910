package org.unspin.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.unspin.Unspinner;
import org.unspin.corpus.CorpusException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** Dictionary, normaliser, threshold and allow/deny-list options shared by fix, check and report (a picocli mixin). */
final class PipelineOptions {
    @Option(names = "--dict", paramLabel = "FILE",
            description = "Add a phrase table (TSV: spun, canonical, category, confidence, note). Repeatable.")
    List<Path> dictionaries = new ArrayList<>();

    @Option(names = "--no-shipped", description = "Do not load the phrase tables shipped with unspin.")
    boolean noShipped;

    @Option(names = "--min-confidence", paramLabel = "X", converter = Confidence.class,
            description = "Rewrite findings with confidence >= X (0..1), only report the others. Default: ${DEFAULT-VALUE}.")
    double minConfidence = Unspinner.DEFAULT_MIN_CONFIDENCE;

    @Option(names = "--collapse-spaces", description = "Collapse runs of spaces and tabs to one space.")
    boolean collapseSpaces;

    @Option(names = "--fold-typography", description = "Fold typographic quotes, dashes and ellipses to ASCII.")
    boolean foldTypography;

    @Option(names = "--no-restore", description = "Do not run the restorer (candidate dictionaries decided by "
            + "the trigram model); only the phrase tables and context rules then repair.")
    boolean noRestore;

    @Option(names = "--no-flags", description = "Do not flag suspect words in documents that look spun.")
    boolean noFlags;

    @Option(names = "--candidates", paramLabel = "FILE", description = "Add a candidate file for the restorer "
            + "(TSV: observed, original, weight, example, note; e.g. from 'unspin learn --export-substitutions'). "
            + "Repeatable.")
    List<Path> candidateFiles = new ArrayList<>();

    @Option(names = "--lm", paramLabel = "FILE", description = "Trigram model of the restorer (Sphinx binary "
            + "format). Default: $UNSPIN_LM, else Debian's pocketsphinx-en-us model if installed.")
    Path languageModel;

    @Option(names = "--model", paramLabel = "FILE", description = "Corpus model from 'unspin learn': its mined "
            + "substitutions join the restorer's candidates, its n-gram counts its evidence.")
    Path corpusModel;

    @Option(names = "--no-context-rules", description = "Do not run the LanguageTool context rules.")
    boolean noContextRules;

    @Option(names = "--thorough", description = "Run the context rules on every sentence, not only on those "
            + "with a trigger word (much slower).")
    boolean thorough;

    @Option(names = "--lt-rules", paramLabel = "ID", split = ",", description = "Also run these LanguageTool "
            + "English rules (e.g. EN_A_VS_AN); their matches are reported as grammar, never rewritten.")
    java.util.Set<String> ltRules = new java.util.TreeSet<>();

    @Option(names = "--rules", paramLabel = "FILE", description = "Add a context-rule file (LanguageTool "
            + "pattern-rule XML). Repeatable.")
    List<Path> ruleFiles = new ArrayList<>();

    @Option(names = "--allow", paramLabel = "FILE", description = "Allow list (TSV with a phrase column, "
            + "optional replacement): never report or rewrite these phrases. Repeatable.")
    List<Path> allowLists = new ArrayList<>();

    @Option(names = "--deny", paramLabel = "FILE", description = "Deny list (TSV: phrase, optional replacement, "
            + "category, note): always rewrite these phrases, or report them without a replacement. Repeatable.")
    List<Path> denyLists = new ArrayList<>();

    /** Builds the pipeline; dictionary problems become one-line user errors. */
    Unspinner unspinner() {
        java.util.Set<String> unknown = org.unspin.languagetool.LanguageToolStage.unknownRuleIds(ltRules);
        if (!unknown.isEmpty()) {
            throw new UserError("--lt-rules: unknown LanguageTool rule id(s): " + String.join(", ", unknown));
        }
        Unspinner.Builder builder = Unspinner.builder()
                .shippedDictionaries(!noShipped)
                .minConfidence(minConfidence)
                .collapseSpaces(collapseSpaces)
                .foldTypography(foldTypography)
                .restorer(!noRestore)
                .flags(!noFlags)
                .contextRules(!noContextRules)
                .thorough(thorough)
                .ltRules(ltRules);
        for (Path rules : ruleFiles) {
            InputReader.checkReadable(rules.toString(), rules);
            builder.addRuleFile(rules);
        }
        if (corpusModel != null) {
            InputReader.checkReadable(corpusModel.toString(), corpusModel);
            builder.corpusModel(corpusModel);
        }
        if (languageModel != null) {
            InputReader.checkReadable(languageModel.toString(), languageModel);
            builder.languageModel(languageModel);
        }
        for (Path dictionary : dictionaries) {
            InputReader.checkReadable(dictionary.toString(), dictionary);
            builder.addDictionary(dictionary);
        }
        for (Path file : candidateFiles) {
            InputReader.checkReadable(file.toString(), file);
            builder.addCandidates(file);
        }
        for (Path list : allowLists) {
            InputReader.checkReadable(list.toString(), list);
            builder.addAllowList(list);
        }
        for (Path list : denyLists) {
            InputReader.checkReadable(list.toString(), list);
            builder.addDenyList(list);
        }
        try {
            Unspinner unspinner = builder.build();
            unspinner.notice().ifPresent(n -> System.err.println("unspin: " + n));
            return unspinner;
        } catch (CorpusException e) {
            throw new UserError(e.getMessage());
        }
    }

    /** Parses a threshold and rejects values outside 0..1 (and NaN) as a usage error. */
    static final class Confidence implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            double x;
            try {
                x = Double.parseDouble(value.trim());
            } catch (NumberFormatException e) {
                throw new TypeConversionException("'" + value + "' is not a number");
            }
            if (!(x >= 0 && x <= 1)) {
                throw new TypeConversionException("'" + value + "' is outside 0..1");
            }
            return x;
        }
    }
}
