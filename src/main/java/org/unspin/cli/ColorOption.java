package org.unspin.cli;

import picocli.CommandLine.Option;

/** Whether to colour terminal output: {@code --color WHEN} and {@code --no-color} (a picocli mixin). */
final class ColorOption {
    enum When { auto, always, never }

    @Option(names = "--color", paramLabel = "WHEN", description = "Colour the word diff: ${COMPLETION-CANDIDATES} "
            + "(auto: when standard output is a terminal and NO_COLOR is not set). Default: ${DEFAULT-VALUE}.")
    When when = When.auto;

    @Option(names = "--no-color", description = "Same as --color never.")
    boolean noColor;

    /** Whether output to standard output ({@code toStdout}) or to a file should carry colour escapes. */
    boolean enabled(boolean toStdout) {
        if (noColor || when == When.never) {
            return false;
        }
        if (when == When.always) {
            return true;
        }
        // On Java 17 System.console() exists only when both standard input and output are terminals.
        String noColorEnv = System.getenv("NO_COLOR");
        return toStdout && System.console() != null && (noColorEnv == null || noColorEnv.isEmpty());
    }
}
