package org.unspin.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.unspin.Settings;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * The options several commands share, each declared once here as a picocli mixin (name, parameter label,
 * default, validation, help text) and each writing what it says into a {@link Settings.Builder}. Used by fix,
 * check, serve ({@link PipelineOptions}), export-lt, eval, bench and the Spark job. A command that words an
 * option's help differently (export-lt exports what fix rewrites) says so in its resource bundle, under the
 * option's name without dashes: the option itself stays declared once.
 */
public final class Options {
    private Options() {
    }

    /** A shared option (or a pair), which says its part of the settings. */
    public interface Part {
        void applyTo(Settings.Builder settings);
    }

    /** {@code settings} with what each of {@code parts} says applied, in order. */
    public static Settings settings(Settings.Builder settings, Part... parts) {
        for (Part part : parts) {
            part.applyTo(settings);
        }
        return settings.build();
    }

    /** {@code --dict FILE}: extra phrase tables. */
    public static final class Dictionaries implements Part {
        @Option(names = "--dict", paramLabel = "FILE",
                description = "Add a phrase table (TSV: spun, canonical, category, confidence, note). Repeatable.")
        public List<Path> files = new ArrayList<>();

        @Override
        public void applyTo(Settings.Builder settings) {
            files.forEach(f -> settings.addDictionary(f.toString()));
        }
    }

    /** {@code --no-shipped}: without the shipped phrase tables. */
    public static final class Shipped implements Part {
        @Option(names = "--no-shipped", description = "Do not load the phrase tables shipped with unspin.")
        public boolean noShipped;

        @Override
        public void applyTo(Settings.Builder settings) {
            settings.shippedDictionaries(!noShipped);
        }
    }

    /** {@code --min-confidence X}: the rewrite threshold. */
    public static final class Confidence implements Part {
        @Option(names = "--min-confidence", paramLabel = "X", converter = ZeroToOne.class,
                description = "Rewrite findings with confidence >= X (0..1), only report the others. "
                        + "Default: ${DEFAULT-VALUE}.")
        public double minConfidence = Settings.DEFAULT_MIN_CONFIDENCE;

        @Override
        public void applyTo(Settings.Builder settings) {
            settings.minConfidence(minConfidence);
        }
    }

    /** {@code --no-context-rules}: without the LanguageTool context rules. */
    public static final class ContextRules implements Part {
        @Option(names = "--no-context-rules", description = "Do not run the LanguageTool context rules.")
        public boolean noContextRules;

        @Override
        public void applyTo(Settings.Builder settings) {
            settings.contextRules(!noContextRules);
        }
    }

    /** {@code --rules FILE}: extra context-rule files. */
    public static final class RuleFiles implements Part {
        @Option(names = "--rules", paramLabel = "FILE", description = "Add a context-rule file (LanguageTool "
                + "pattern-rule XML). Repeatable.")
        public List<Path> files = new ArrayList<>();

        @Override
        public void applyTo(Settings.Builder settings) {
            files.forEach(f -> settings.addRuleFile(f.toString()));
        }
    }

    /** {@code --allow FILE} and {@code --deny FILE}: the user's own verdicts. */
    public static final class Lists implements Part {
        @Option(names = "--allow", paramLabel = "FILE", description = "Allow list (TSV with a phrase column, "
                + "optional replacement): never report or rewrite these phrases. Repeatable.")
        public List<Path> allowLists = new ArrayList<>();

        @Option(names = "--deny", paramLabel = "FILE", description = "Deny list (TSV: phrase, optional replacement, "
                + "category, note): always rewrite these phrases, or report them without a replacement. Repeatable.")
        public List<Path> denyLists = new ArrayList<>();

        @Override
        public void applyTo(Settings.Builder settings) {
            allowLists.forEach(f -> settings.addAllowList(f.toString()));
            denyLists.forEach(f -> settings.addDenyList(f.toString()));
        }
    }

    /** {@code --no-restore}: without the restorer. */
    public static final class Restore implements Part {
        @Option(names = "--no-restore", description = "Do not run the restorer (candidate dictionaries decided by "
                + "the trigram model); only the phrase tables and context rules then repair.")
        public boolean noRestore;

        @Override
        public void applyTo(Settings.Builder settings) {
            settings.restorer(!noRestore);
        }
    }

    /** {@code --model FILE}: a corpus model from {@code unspin learn}. */
    public static final class CorpusModel implements Part {
        @Option(names = "--model", paramLabel = "FILE", description = "Corpus model from 'unspin learn': its mined "
                + "substitutions join the restorer's candidates, its n-gram counts its evidence.")
        public Path file;

        @Override
        public void applyTo(Settings.Builder settings) {
            settings.corpusModel(file == null ? null : file.toString());
        }
    }

    /** Parses a threshold or rate and rejects values outside 0..1 (and NaN) as a usage error. */
    public static final class ZeroToOne implements ITypeConverter<Double> {
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
