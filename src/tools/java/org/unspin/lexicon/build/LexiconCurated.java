package org.unspin.lexicon.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.unspin.lexicon.DictionaryException;

/**
 * Our own lists in {@code dictionaries/lexicon-src/NAME.txt}: one phrase a line, {@code #} starts a
 * comment. Each file is source {@code curated-NAME}. Capitals are written where the phrase needs them
 * ("House Armed Services Committee"); such a phrase keeps that form as its proper form. An entry that the
 * Tokeniser makes a single token ("vice-president") is skipped with a note on standard error.
 */
final class LexiconCurated {
    private LexiconCurated() {
    }

    static List<Path> files(Path dir) throws IOException {
        try (var stream = Files.list(dir)) {
            return stream.filter(p -> p.getFileName().toString().endsWith(".txt")).sorted().toList();
        }
    }

    static String sourceName(Path file) {
        String name = file.getFileName().toString();
        return "curated-" + name.substring(0, name.length() - ".txt".length());
    }

    static void addTo(Path file, LexiconCollector collector) throws IOException {
        String source = sourceName(file);
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String text = LexiconLanguageTool.stripComment(lines.get(i));
            if (text.isEmpty()) {
                continue;
            }
            if (text.indexOf('\t') >= 0) {
                throw new DictionaryException(file.toString(), i + 1, "tab in phrase; write one phrase a line");
            }
            boolean capitalised = LexiconCollector.hasCapital(text);
            if (!collector.add(source, text, capitalised)) {
                // Not an error: whether "vice-president" is one token or three is the Tokeniser's decision.
                System.err.println(file + ":" + (i + 1) + ": skipped, not 2.." + LexiconCollector.MAX_TOKENS
                        + " tokens with two words: " + text);
            }
        }
    }
}
