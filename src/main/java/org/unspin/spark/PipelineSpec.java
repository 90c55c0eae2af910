package org.unspin.spark;

import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.SparkFiles;
import org.unspin.Unspinner;

/**
 * The options that decide how an {@link Unspinner} is built, shipped to the executors with each task and used
 * there as the key of {@link Unspinners}: a value, so equal options find the one instance of their JVM.
 *
 * @param dictionaries extra phrase tables, as given to {@code --dict} (allow and deny lists likewise): found among the files shipped with
 *                     {@code spark-submit --files} (by file name) or else at that path on the machine
 */
record PipelineSpec(List<String> dictionaries, boolean shippedDictionaries, double minConfidence,
                    boolean contextRules, List<String> allowLists, List<String> denyLists) implements Serializable {

    PipelineSpec {
        dictionaries = List.copyOf(dictionaries);
        allowLists = List.copyOf(allowLists);
        denyLists = List.copyOf(denyLists);
    }

    PipelineSpec(List<String> dictionaries, boolean shippedDictionaries, double minConfidence, boolean contextRules) {
        this(dictionaries, shippedDictionaries, minConfidence, contextRules, List.of(), List.of());
    }

    /** Loads and validates the tables; a bad table fails with its file and line. */
    Unspinner build() {
        Unspinner.Builder builder = Unspinner.builder()
                .shippedDictionaries(shippedDictionaries)
                .minConfidence(minConfidence)
                .contextRules(contextRules);
        for (String dictionary : dictionaries) {
            builder.addDictionary(locate("--dict", dictionary));
        }
        for (String list : allowLists) {
            builder.addAllowList(locate("--allow", list));
        }
        for (String list : denyLists) {
            builder.addDenyList(locate("--deny", list));
        }
        return builder.build();
    }

    /**
     * The copy that {@code --files} (or {@code SparkContext.addFile}) put into this JVM's SparkFiles folder
     * comes first, since the path given on the submitting machine usually does not exist on an executor.
     */
    static Path locate(String option, String dictionary) {
        Path given = Path.of(dictionary);
        Path shipped = Path.of(SparkFiles.get(given.getFileName().toString()));
        if (Files.isRegularFile(shipped)) {
            return shipped;
        }
        if (Files.isRegularFile(given)) {
            return given;
        }
        throw new JobError(option + " " + dictionary + ": no such file, neither here nor among the files shipped "
                + "with spark-submit --files");
    }
}
