package org.unspin.spark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.SparkFiles;
import org.unspin.Settings;
import org.unspin.Unspinner;

/**
 * One {@link Unspinner} per JVM and {@link Settings}, built on first use: loading the tables (and, when a
 * sentence needs them, LanguageTool's rules) takes a second, so every task of an executor shares one instance
 * (an Unspinner is thread-safe; equal settings are equal keys). In local mode the driver's instance is the
 * executors' instance.
 */
final class Unspinners {
    private static final ConcurrentHashMap<Settings, Unspinner> BUILT = new ConcurrentHashMap<>();

    private Unspinners() {
    }

    /** Loads and validates the tables on first use; a bad table fails with its file and line. */
    static Unspinner of(Settings settings) {
        return BUILT.computeIfAbsent(settings, s -> Unspinner.builder().settings(located(s)).build());
    }

    /** The settings with every file the job takes (--dict, --allow, --deny) found on this machine. */
    static Settings located(Settings s) {
        return s.toBuilder()
                .dictionaries(locate("--dict", s.dictionaries()))
                .allowLists(locate("--allow", s.allowLists()))
                .denyLists(locate("--deny", s.denyLists()))
                .build();
    }

    private static List<String> locate(String option, List<String> files) {
        return files.stream().map(f -> locate(option, f).toString()).toList();
    }

    /**
     * The copy that {@code --files} (or {@code SparkContext.addFile}) put into this JVM's SparkFiles folder
     * comes first, since the path given on the submitting machine usually does not exist on an executor.
     */
    static Path locate(String option, String file) {
        Path given = Path.of(file);
        Path shipped = Path.of(SparkFiles.get(given.getFileName().toString()));
        if (Files.isRegularFile(shipped)) {
            return shipped;
        }
        if (Files.isRegularFile(given)) {
            return given;
        }
        throw new JobError(option + " " + file + ": no such file, neither here nor among the files shipped "
                + "with spark-submit --files");
    }
}
