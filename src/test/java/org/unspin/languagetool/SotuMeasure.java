package org.unspin.languagetool;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.unspin.edit.Edit;

/**
 * Measures the stage on the State of the Union corpus (docs/languagetool.md): edits (should be none), the
 * share of sentences that reach LanguageTool, and throughput with and without the trigger filter.
 * Run: {@code java -cp target/classes:target/test-classes:DEPS org.unspin.languagetool.SotuMeasure [thoroughFiles]}.
 */
public final class SotuMeasure {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of("target/corpora/sotu/package/data");
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        int thoroughFiles = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        LanguageToolStage stage = LanguageToolStage.withDefaults();
        stage.check("Warm up the routine in Tehran.", true);
        System.out.printf("trigger words: %d, rules without trigger: %s%n", stage.triggers().size(),
                stage.untriggeredRules());
        run(stage, files, false, "filtered, whole corpus");
        run(stage, files.subList(files.size() - thoroughFiles, files.size()), false, "filtered, last " + thoroughFiles);
        run(stage, files.subList(files.size() - thoroughFiles, files.size()), true, "thorough, last " + thoroughFiles);
    }

    private static void run(LanguageToolStage stage, List<Path> files, boolean thorough, String label) throws Exception {
        long bytes = 0;
        long sentences = 0;
        long checked = 0;
        long edits = 0;
        long t0 = System.nanoTime();
        for (Path file : files) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            bytes += text.getBytes(StandardCharsets.UTF_8).length;
            LanguageToolStage.Result r = stage.analyse(text, thorough);
            sentences += LanguageToolStage.countSentences(text);
            checked += r.sentencesChecked();
            for (Edit e : r.edits()) {
                edits++;
                int from = Math.max(0, e.start() - 60);
                int to = Math.min(text.length(), e.end() + 60);
                System.out.printf("HIT %s %s: '%s' -> '%s' | %s%n", file.getFileName(), e.rule(), e.original(),
                        e.replacement(), text.substring(from, to).replace('\n', ' '));
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("%s: %d files, %.1f KB, %d sentences, %d to LanguageTool (%.2f%%), %d edits, %.1f s, %.0f KB/s%n",
                label, files.size(), bytes / 1024.0, sentences, checked, 100.0 * checked / sentences, edits, seconds,
                bytes / 1024.0 / seconds);
    }
}
