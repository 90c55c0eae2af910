package org.unspin.corpus;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Expands the inputs of a corpus run into the files to read, in order: a file stands for itself, {@code -} for
 * standard input, and a directory for its files that match the include globs, recursively, sorted by path.
 * Whether a file is JSONL and how it is compressed follow from its name ({@code a.jsonl.gz}).
 */
public final class CorpusInputs {
    /** Name used for standard input in messages. */
    public static final String STDIN = "<stdin>";
    /** Directory files read when no glob is given. */
    public static final List<String> DEFAULT_INCLUDES = List.of("*.txt", "*.jsonl", "*.txt.gz", "*.jsonl.gz",
            "*.txt.zst", "*.jsonl.zst");
    /** With --jsonl, directories give only their JSONL files by default. */
    public static final List<String> DEFAULT_JSONL_INCLUDES = List.of("*.jsonl", "*.jsonl.gz", "*.jsonl.zst");

    /**
     * One input file.
     *
     * @param name  the name used in messages: as given, or the path found in a directory
     * @param path  null for standard input
     * @param jsonl whether its lines are JSON records
     * @param size  its size in bytes on disk (compressed), 0 for standard input
     */
    public record Source(String name, Path path, boolean jsonl, Compression compression, long size) {
        public boolean stdin() {
            return path == null;
        }
    }

    private CorpusInputs() {
    }

    /**
     * @param inputs   names as given on the command line
     * @param jsonl    read every file (and stdin) as JSONL, not only those named {@code *.jsonl}
     * @param includes globs for the files of a directory (on the file name, or on the path below the
     *                 directory if the glob has a {@code /}); empty for the defaults
     */
    public static List<Source> expand(List<String> inputs, boolean jsonl, List<String> includes) {
        List<String> globs = !includes.isEmpty() ? includes : jsonl ? DEFAULT_JSONL_INCLUDES : DEFAULT_INCLUDES;
        List<Source> sources = new ArrayList<>();
        for (String input : inputs) {
            if (input.equals("-")) {
                sources.add(new Source(STDIN, null, jsonl, Compression.NONE, 0));
                continue;
            }
            Path path;
            try {
                path = Path.of(input);
            } catch (InvalidPathException e) {
                throw new CorpusException(input + ": cannot read (" + e.getReason() + ")");
            }
            if (Files.isDirectory(path)) {
                for (Path file : list(input, path, globs)) {
                    sources.add(source(file.toString(), file, jsonl));
                }
            } else if (!Files.exists(path)) {
                throw new CorpusException(input + ": no such file");
            } else {
                sources.add(source(input, path, jsonl));
            }
        }
        return sources;
    }

    private static Source source(String name, Path path, boolean jsonl) {
        Compression compression = Compression.of(path.getFileName().toString());
        boolean isJsonl = jsonl || compression.strip(path.getFileName().toString()).toLowerCase(Locale.ROOT)
                .endsWith(".jsonl");
        long size;
        try {
            size = Files.size(path);
        } catch (IOException e) {
            size = 0;
        }
        return new Source(name, path, isJsonl, compression, size);
    }

    private static List<Path> list(String name, Path dir, List<String> globs) {
        List<PathMatcher> byName = new ArrayList<>();
        List<PathMatcher> byPath = new ArrayList<>();
        for (String glob : globs) {
            try {
                (glob.contains("/") ? byPath : byName).add(FileSystems.getDefault().getPathMatcher("glob:" + glob));
            } catch (java.util.regex.PatternSyntaxException e) {
                throw new CorpusException("--include '" + glob + "': not a valid glob (" + e.getDescription() + ")");
            }
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).filter(p -> byName.stream().anyMatch(m -> m.matches(p.getFileName()))
                    || byPath.stream().anyMatch(m -> m.matches(dir.relativize(p)))).sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            throw new CorpusException(name + ": cannot list the directory (" + e.getMessage() + ")");
        }
    }

    /**
     * Opens a source, decompressing it; the caller closes the stream. {@code rawBytes} counts the bytes read
     * from the file itself (compressed), which is what progress is measured against.
     */
    public static InputStream open(Source source, InputStream stdin, AtomicLong rawBytes) throws IOException {
        InputStream raw = source.stdin() ? stdin : Files.newInputStream(source.path());
        InputStream counted = new FilterInputStream(raw) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    rawBytes.incrementAndGet();
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0) {
                    rawBytes.addAndGet(n);
                }
                return n;
            }
        };
        return source.compression().decompress(counted);
    }
}
