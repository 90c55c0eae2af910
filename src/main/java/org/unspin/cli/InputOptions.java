package org.unspin.cli;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The inputs of fix and check and how to decode them (a picocli mixin). */
final class InputOptions {
    @Parameters(paramLabel = "FILE", arity = "0..*",
            description = "UTF-8 text files to read; standard input when none is given or for '-'.")
    List<String> files = new ArrayList<>();

    @Option(names = "--lenient",
            description = "Replace invalid UTF-8 with U+FFFD and warn, instead of failing.")
    boolean lenient;

    /** The input names in order, with '-' standing for stdin. */
    List<String> names() {
        return files.isEmpty() ? List.of("-") : files;
    }

    /** Reads every input before anything is written, so a bad input leaves no partial output. */
    List<InputReader.Input> readAll(InputStream stdin) {
        InputReader reader = new InputReader(lenient);
        List<InputReader.Input> inputs = new ArrayList<>();
        for (String name : names()) {
            inputs.add(reader.read(name, stdin));
        }
        return inputs;
    }
}
