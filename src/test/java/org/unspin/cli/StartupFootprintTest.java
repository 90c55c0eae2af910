package org.unspin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default pipeline loads only for documents the prior marks as spun what the suspect-word flags and the
 * restorer's names one word off a known name need: the reverse thesaurus (144,000
 * words, 2.9 million links) costs start-up time and memory on every corpus worker. Checked in a fresh JVM
 * with class-loading logs, since a test JVM has loaded everything already.
 */
class StartupFootprintTest {
    private static final String SHIPPED_THESAURUS = "org.unspin.lexicon.Thesaurus$Shipped";

    private static String classesLoaded(Path input, String... options) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new java.util.ArrayList<>(List.of(java.toString(), "-verbose:class", "-cp",
                System.getProperty("java.class.path"), "org.unspin.cli.Main", "fix"));
        command.addAll(List.of(options));
        command.add(input.toString());
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(log).isZero();
        return log;
    }

    @Test
    void theThesaurusIsLoadedOnlyForADocumentThePriorMarksAsSpun(@TempDir Path dir) throws Exception {
        Path input = dir.resolve("paragraph.txt");
        // One strong finding in 5,000 clean words: prior 0.14, below the flag prior, so no suspect-word flags.
        Files.writeString(input, "The Secretary of Condition spoke to the press.\n"
                + Files.readString(Path.of("testdata/clean-sotu-excerpt.txt")));
        assertThat(classesLoaded(input)).contains("org.unspin.cli.Main").doesNotContain(SHIPPED_THESAURUS);
        Files.writeString(input, "The Secretary of Condition spoke at the Countrywide Press Club.\n");
        assertThat(classesLoaded(input)).contains(SHIPPED_THESAURUS);
        // the spun document's names one word off a known name need it too ("Countrywide Press Club"), flags or not
        assertThat(classesLoaded(input, "--no-flags")).contains(SHIPPED_THESAURUS);
        assertThat(classesLoaded(input, "--no-restore")).doesNotContain(SHIPPED_THESAURUS);
    }
}
