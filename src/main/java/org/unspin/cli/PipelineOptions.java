package org.unspin.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.unspin.Unspinner;
import org.unspin.Settings;
import org.unspin.corpus.CorpusException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Every pipeline option of fix, check and serve (a picocli mixin): the shared ones of {@link Options}, and those
 * only these commands take. {@link #settings()} is what they say, {@link #unspinner()} the pipeline built from it.
 */
final class PipelineOptions {
    @Mixin
    Options.Dictionaries dictionaries;

    @Mixin
    Options.Shipped shipped;

    @Mixin
    Options.Confidence confidence;

    @Option(names = "--collapse-spaces", description = "Collapse runs of spaces and tabs to one space.")
    boolean collapseSpaces;

    @Option(names = "--fold-typography", description = "Fold typographic quotes, dashes and ellipses to ASCII.")
    boolean foldTypography;

    @Mixin
    Options.Restore restore;

    @Option(names = "--no-flags", description = "Do not flag suspect words in documents that look spun.")
    boolean noFlags;

    @Option(names = "--candidates", paramLabel = "FILE", description = "Add a candidate file for the restorer "
            + "(TSV: observed, original, weight, example, note; e.g. from 'unspin learn --export-substitutions'). "
            + "Repeatable.")
    List<Path> candidateFiles = new ArrayList<>();

    @Option(names = "--lm", paramLabel = "FILE", description = "Trigram model of the restorer (Sphinx binary "
            + "format). Default: $UNSPIN_LM, else Debian's pocketsphinx-en-us model if installed.")
    Path languageModel;

    @Mixin
    Options.CorpusModel corpusModel;

    @Mixin
    Options.ContextRules contextRules;

    @Option(names = "--thorough", description = "Run the context rules on every sentence, not only on those "
            + "with a trigger word (much slower).")
    boolean thorough;

    @Option(names = "--lt-rules", paramLabel = "ID", split = ",", description = "Also run these LanguageTool "
            + "English rules (e.g. EN_A_VS_AN); their matches are reported as grammar, never rewritten.")
    java.util.Set<String> ltRules = new java.util.TreeSet<>();

    @Mixin
    Options.RuleFiles ruleFiles;

    @Mixin
    Options.Lists lists;

    /** What the options say. */
    Settings settings() {
        Settings.Builder settings = Settings.builder()
                .collapseSpaces(collapseSpaces)
                .foldTypography(foldTypography)
                .flags(!noFlags)
                .thorough(thorough)
                .ltRules(ltRules)
                .languageModel(languageModel == null ? null : languageModel.toString());
        candidateFiles.forEach(f -> settings.addCandidateFile(f.toString()));
        return Options.settings(settings, dictionaries, shipped, confidence, restore, corpusModel, contextRules,
                ruleFiles, lists);
    }

    /** Builds the pipeline; unreadable files and dictionary problems become one-line user errors. */
    Unspinner unspinner() {
        java.util.Set<String> unknown = org.unspin.languagetool.LanguageToolStage.unknownRuleIds(ltRules);
        if (!unknown.isEmpty()) {
            throw new UserError("--lt-rules: unknown LanguageTool rule id(s): " + String.join(", ", unknown));
        }
        Settings settings = settings();
        checkReadable(settings.ruleFiles());
        checkReadable(settings.corpusModel());
        checkReadable(settings.languageModel());
        checkReadable(settings.dictionaries());
        checkReadable(settings.candidateFiles());
        checkReadable(settings.allowLists());
        checkReadable(settings.denyLists());
        try {
            Unspinner unspinner = Unspinner.builder().settings(settings).preload(true).build();
            unspinner.notice().ifPresent(n -> System.err.println("unspin: " + n));
            return unspinner;
        } catch (CorpusException e) {
            throw new UserError(e.getMessage());
        }
    }

    /** Each named file, in order; a missing or unreadable one is a user error naming it. */
    static void checkReadable(String... files) {
        checkReadable(java.util.Arrays.asList(files));
    }

    static void checkReadable(List<String> files) {
        for (String file : files) {
            if (file != null) {
                InputReader.checkReadable(file, Path.of(file));
            }
        }
    }
}
