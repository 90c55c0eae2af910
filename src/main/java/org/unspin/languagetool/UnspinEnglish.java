package org.unspin.languagetool;

import java.util.List;

import org.languagetool.chunking.Chunker;
import org.languagetool.language.AmericanEnglish;
import org.languagetool.tagging.disambiguation.xx.DemoDisambiguator;
import org.languagetool.tagging.xx.DemoTagger;
import org.languagetool.tokenizers.SentenceTokenizer;

/**
 * American English for the stage's own use. LanguageTool allows one public {@code AmericanEnglish} per JVM
 * (its {@code Languages} registry holds it); this subclass is a separate instance, so switching parts of its
 * analysis off does not change LanguageTool for anyone else in the process.
 */
final class UnspinEnglish extends AmericanEnglish {
    /** How much of LanguageTool's analysis the loaded rules read. */
    enum Analysis {
        /** Tokens, part-of-speech tags and lemmas, and chunks (LanguageTool's own rules need all of it). */
        FULL,
        /** Tokens, tags and lemmas; the OpenNLP chunker is a no-op. */
        TAGS,
        /**
         * Tokens only: the tagger and the disambiguator are LanguageTool's no-op demo ones, there is no chunker,
         * and each text given is one sentence (the stage splits sentences with ICU before). Rules that match on
         * words alone give the same matches, and the tagger's dictionaries and disambiguation rules, about a
         * second of loading and most of each sentence's check, are never loaded.
         */
        TOKENS
    }

    UnspinEnglish(Analysis analysis) {
        super(true);
        if (analysis != Analysis.FULL) {
            setChunker(NO_CHUNKS);
        }
        if (analysis == Analysis.TOKENS) {
            setTagger(new DemoTagger());
            setDisambiguator(new DemoDisambiguator());
            setSentenceTokenizer(WHOLE_TEXT);
        }
    }

    private static final Chunker NO_CHUNKS = tokens -> { };

    /** One sentence: the text as given. */
    private static final SentenceTokenizer WHOLE_TEXT = new SentenceTokenizer() {
        @Override
        public List<String> tokenize(String text) {
            return List.of(text);
        }

        @Override
        public void setSingleLineBreaksMarksParagraph(boolean lineBreakParagraphs) {
        }

        @Override
        public boolean singleLineBreaksMarksPara() {
            return false;
        }
    };
}
