package org.unspin.lexicon.build;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.unspin.lexicon.DictionaryException;

/**
 * LanguageTool's English multiword lists from the {@code language-en} jar: {@code multiwords.txt}
 * ("phrase TAB POS-tag # comment"; NNP/NNPS tags mark names) and {@code specific_case.txt} (one phrase a
 * line, written in the only correct case, so every entry counts as a name).
 */
final class LexiconLanguageTool {
    static final String DIR = "org/languagetool/resource/en/";

    private final Path jar;

    LexiconLanguageTool(Path jar) {
        this.jar = jar;
    }

    void addTo(LexiconCollector collector) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            read(zip, "multiwords.txt", true, collector);
            read(zip, "specific_case.txt", false, collector);
        }
    }

    private static void read(ZipFile zip, String file, boolean tagged, LexiconCollector collector)
            throws IOException {
        String name = DIR + file;
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            throw new DictionaryException(name, 0, "missing from " + zip.getName());
        }
        String source = tagged ? "lt-multiwords" : "lt-specific-case";
        int lineNo = 0;
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(zip.getInputStream(entry), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                lineNo++;
                String text = stripComment(line);
                if (text.isEmpty()) {
                    continue;
                }
                if (tagged) {
                    int tab = text.indexOf('\t');
                    if (tab < 0) {
                        throw new DictionaryException(name, lineNo, "expected 'phrase TAB tag'");
                    }
                    String tag = text.substring(tab + 1).trim();
                    collector.add(source, text.substring(0, tab), tag.startsWith("NNP"));
                } else {
                    collector.add(source, text, true);
                }
            }
        }
    }

    /** Drops a whole-line comment or a trailing " #..." comment. */
    static String stripComment(String line) {
        if (line.startsWith("#")) {
            return "";
        }
        int hash = line.indexOf(" #");
        int tabHash = line.indexOf("\t#");
        int cut = hash < 0 ? tabHash : tabHash < 0 ? hash : Math.min(hash, tabHash);
        return (cut < 0 ? line : line.substring(0, cut)).strip();
    }
}
