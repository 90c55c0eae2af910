package org.unspin.languagetool;

import org.languagetool.chunking.Chunker;
import org.languagetool.language.AmericanEnglish;

/**
 * American English for the stage's own use. LanguageTool allows one public {@code AmericanEnglish} per JVM
 * (its {@code Languages} registry holds it); this subclass is a separate instance, so switching its chunker
 * off does not change LanguageTool for anyone else in the process.
 */
final class UnspinEnglish extends AmericanEnglish {
    /** @param chunker whether to run LanguageTool's OpenNLP chunker (only rules with chunk tags need it) */
    UnspinEnglish(boolean chunker) {
        super(true);
        if (!chunker) {
            setChunker(NO_CHUNKS);
        }
    }

    private static final Chunker NO_CHUNKS = tokens -> { };
}
