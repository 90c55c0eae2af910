package org.unspin.lexicon.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.unspin.lexicon.DictionaryException;

/**
 * Our own lists in {@code dictionaries/lexicon-src/NAME.txt}: one phrase a line, {@code #} starts a
 * comment. Each file is source {@code curated-NAME}. Capitals are written where the phrase needs them
 * ("House Armed Services Committee"); such a phrase keeps that form as its proper form.
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
            boolean capitalised = !text.equals(text.toLowerCase(Locale.ROOT));
            if (!collector.add(source, text, capitalised)) {
                throw new DictionaryException(file.toString(), i + 1,
                        "not a phrase of 2.." + LexiconCollector.MAX_TOKENS + " tokens: " + text);
            }
        }
    }
}
