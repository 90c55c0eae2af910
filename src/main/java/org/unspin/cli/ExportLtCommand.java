package org.unspin.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.unspin.Settings;
import org.unspin.languagetool.ContextRules;
import org.unspin.languagetool.LanguageToolExport;
import org.unspin.lexicon.PhraseTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code unspin export-lt DIR}: phrase tables and context rules as files a stock LanguageTool loads. */
@Command(name = "export-lt", mixinStandardHelpOptions = true, resourceBundle = "org.unspin.cli.ExportLtCommand",
        description = {"Write the phrase tables and context rules as LanguageTool 6.8 files under DIR:",
            "  " + LanguageToolExport.GRAMMAR_CUSTOM + " (context rules) and",
            "  " + LanguageToolExport.REPLACE_CUSTOM + " (phrase-table rows >= --min-confidence).",
            "Put DIR first on LanguageTool's class path, e.g.",
            "  java -cp DIR:languagetool-server.jar org.languagetool.server.HTTPServer --port 8081"})
final class ExportLtCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "Output folder (created if missing).")
    Path dir;

    @Mixin
    Options.Dictionaries dictionaries;

    @Mixin
    Options.Shipped shipped;

    @Mixin
    Options.Confidence confidence;

    @Mixin
    Options.RuleFiles ruleFiles;

    @Mixin
    Options.ContextRules contextRules;

    @Option(names = "--phrases-as-rules", description = "Write the phrase-table rows as pattern rules into "
            + "grammar_custom.xml instead of replace_custom.txt, which LanguageTool only finds when DIR comes before "
            + "its jars on the class path; grammar_custom.xml is found anywhere on it.")
    boolean phrasesAsRules;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Settings settings = Options.settings(Settings.builder(), dictionaries, shipped, confidence, ruleFiles,
                contextRules);
        PipelineOptions.checkReadable(settings.dictionaries());
        PipelineOptions.checkReadable(settings.ruleFiles());
        PhraseTable table = PhraseTable.load(settings.shippedDictionaries(),
                settings.dictionaries().stream().map(Path::of).toList());
        ContextRules rules = ContextRules.load(settings.contextRules(),
                settings.ruleFiles().stream().map(Path::of).toList());
        double minConfidence = settings.minConfidence();
        LanguageToolExport.Result result = LanguageToolExport.export(table, rules, minConfidence, phrasesAsRules);

        Path grammar = dir.resolve(LanguageToolExport.GRAMMAR_CUSTOM);
        Path replace = dir.resolve(LanguageToolExport.REPLACE_CUSTOM);
        try {
            Files.createDirectories(grammar.getParent());
        } catch (IOException e) {
            throw new UserError(grammar.getParent() + ": cannot create folder (" + e.getMessage() + ")");
        }
        AtomicFile.write(grammar.toString(), result.grammarXml());
        if (phrasesAsRules) {
            try {
                Files.deleteIfExists(replace); // an earlier export's file would flag every phrase twice
            } catch (IOException e) {
                throw new UserError(replace + ": cannot delete the earlier export (" + e.getMessage() + ")");
            }
        } else {
            AtomicFile.write(replace.toString(), result.replaceText());
        }

        PrintWriter err = spec.commandLine().getErr();
        result.skipped().forEach(reason -> err.println("unspin: warning: not exported: " + reason));
        out.printf(Locale.ROOT, "%s: %d context rules%s%n", grammar, result.rules(),
                phrasesAsRules ? String.format(Locale.ROOT, " and %,d phrase-table rows as rules (confidence >= %.2f; "
                        + "%,d below left out)", result.rows(), minConfidence, result.belowThreshold()) : "");
        if (!phrasesAsRules) {
            out.printf(Locale.ROOT, "%s: %,d phrase-table rows (confidence >= %.2f; %,d below left out, %d not "
                    + "expressible)%n", replace, result.rows(), minConfidence, result.belowThreshold(),
                    result.skipped().size());
        }
        out.flush();
        return Main.OK;
    }
}
