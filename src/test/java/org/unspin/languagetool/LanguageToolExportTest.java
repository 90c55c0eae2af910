package org.unspin.languagetool;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unspin.Repair;
import org.unspin.Unspinner;
import org.unspin.edit.Edit;
import org.unspin.lexicon.PhraseTable;

/**
 * The export loaded into a real, stock LanguageTool: the exported folder goes on a fresh class path with
 * LanguageTool's jars, and LanguageTool finds the files itself ({@code grammar_custom.xml},
 * {@code replace_custom.txt}). The replace file must come first (the language-en jar has an empty one); the
 * phrases-as-rules export works last on the class path too.
 */
class LanguageToolExportTest {
    @TempDir
    static Path replaceExport;
    @TempDir
    static Path rulesExport;

    static LanguageToolExport.Result result;
    static URLClassLoader exportFirst;
    static URLClassLoader rulesExportLast;

    @BeforeAll
    static void exportAndLoad() throws Exception {
        ContextRules rules = ContextRules.load(true, List.of());
        result = LanguageToolExport.export(PhraseTable.shipped(), rules, 0.8);
        write(replaceExport.resolve(LanguageToolExport.GRAMMAR_CUSTOM), result.grammarXml());
        write(replaceExport.resolve(LanguageToolExport.REPLACE_CUSTOM), result.replaceText());
        write(rulesExport.resolve(LanguageToolExport.GRAMMAR_CUSTOM),
                LanguageToolExport.export(PhraseTable.shipped(), rules, 0.8, true).grammarXml());
        exportFirst = classLoader(replaceExport, true);
        rulesExportLast = classLoader(rulesExport, false);
    }

    private static URLClassLoader classLoader(Path export, boolean first) throws Exception {
        List<URL> path = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            path.add(Path.of(entry).toUri().toURL());
        }
        path.add(first ? 0 : path.size(), export.toUri().toURL());
        return new URLClassLoader(path.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    }

    private static void write(Path file, String text) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    private static List<String> stockMatches(URLClassLoader stockLanguageTool, String text) throws Exception {
        return (List<String>) stockLanguageTool.loadClass(StockLanguageToolProbe.class.getName())
                .getMethod("matches", String.class).invoke(null, text);
    }

    /** Matches of unspin's exported rules only (LanguageTool's own replace.txt feeds the same rule id). */
    private static Set<String> ourMatches(URLClassLoader stockLanguageTool, String text) throws Exception {
        Set<String> ours = new TreeSet<>();
        for (String m : stockMatches(stockLanguageTool, text)) {
            String[] f = m.split("\t", 5);
            if (f[2].startsWith("UNSPIN_") || f[4].startsWith("Spun phrase (unspin)")) {
                ours.add(f[0] + "-" + f[1] + " " + f[3]);
            }
        }
        return ours;
    }

    private static String testdata(String name) throws Exception {
        return Files.readString(Path.of("testdata", name), StandardCharsets.UTF_8);
    }

    @Test
    void exportCountsRowsAtOrAboveTheThreshold() {
        long atOrAbove = PhraseTable.shipped().entries().stream().filter(e -> e.confidence() >= 0.8).count();
        assertThat(result.rows() + result.skipped().size()).isEqualTo((int) atOrAbove);
        assertThat(result.rows() + result.skipped().size() + result.belowThreshold())
                .isEqualTo(PhraseTable.shipped().entries().size());
        assertThat(result.replaceText()).contains("secretary of condition=Secretary of State\t")
                .doesNotContain("\nas perfectly as="); // 0.75 in the shipped table: unspin only reports it
    }

    @Test
    void stockLanguageToolFlagsWhatUnspinFixesInTheSpunSample() throws Exception {
        String text = testdata("spun-news.txt");
        // The export carries the phrase tables and context rules, not the restorer.
        Repair repair = Unspinner.builder().restorer(false).build().repair(text);
        Set<String> expected = new TreeSet<>();
        for (Edit e : repair.edits()) {
            if (e.applied() || e.category().equals(LanguageToolStage.CONTEXT_CATEGORY)) {
                expected.add(e.start() + "-" + e.end() + " " + e.replacement());
            }
        }
        assertThat(expected).hasSizeGreaterThan(10);
        assertThat(ourMatches(exportFirst, text)).isEqualTo(expected);
        assertThat(ourMatches(rulesExportLast, text)).isEqualTo(expected);
    }

    @Test
    void stockLanguageToolFindsNothingOfOursInCleanText() throws Exception {
        for (URLClassLoader stock : List.of(exportFirst, rulesExportLast)) {
            assertThat(ourMatches(stock, testdata("clean-sotu-excerpt.txt"))).isEmpty();
            assertThat(ourMatches(stock, testdata("spun-news.expected.txt"))).isEmpty();
        }
    }
}
