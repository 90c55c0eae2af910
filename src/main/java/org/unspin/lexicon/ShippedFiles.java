package org.unspin.lexicon;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Reads the data files unspin ships in a class-path folder, from the jar when running from it, else from the
 * directory (target/classes, tests): the same files in the same order either way.
 */
public final class ShippedFiles {
    private ShippedFiles() {
    }

    /**
     * Every file of class-path folder {@code folder} whose name ends in {@code suffix}, in name order, as
     * file name → bytes. An absent folder gives an empty map; an unreadable one a {@link DictionaryException}.
     */
    public static Map<String, byte[]> read(ClassLoader loader, String folder, String suffix) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        URL url = loader.getResource(folder);
        if (url == null) {
            return files;
        }
        try {
            if ("jar".equals(url.getProtocol())) {
                Path jar = Path.of(((JarURLConnection) url.openConnection()).getJarFileURL().toURI());
                readJarFolder(jar, folder, suffix, files);
            } else {
                readFolder(Path.of(url.toURI()), suffix, files);
            }
        } catch (IOException | URISyntaxException e) {
            throw new DictionaryException(url.toString(), 0, "cannot list shipped files: " + e);
        }
        return files;
    }

    /**
     * As {@link #readFolder} in a jar. A {@link JarFile}, not a zip file system: it shares the central directory
     * the class loader has read already (a zip file system reads all of it again, 0.1 s for the CLI jar).
     */
    private static void readJarFolder(Path jar, String folder, String suffix, Map<String, byte[]> files)
            throws IOException {
        String prefix = folder.endsWith("/") ? folder : folder + "/";
        try (JarFile zip = new JarFile(jar.toFile(), false)) {
            List<JarEntry> found = zip.stream()
                    .filter(e -> e.getName().startsWith(prefix) && e.getName().endsWith(suffix)
                            && e.getName().indexOf('/', prefix.length()) < 0)
                    .sorted(Comparator.comparing(JarEntry::getName))
                    .toList();
            for (JarEntry entry : found) {
                String name = entry.getName().substring(prefix.length());
                try (InputStream in = zip.getInputStream(entry)) {
                    files.put(name, in.readAllBytes());
                } catch (IOException e) {
                    throw new DictionaryException(name, 0, "cannot read file: " + e);
                }
            }
        }
    }

    private static void readFolder(Path folder, String suffix, Map<String, byte[]> files) throws IOException {
        List<Path> found;
        try (Stream<Path> listing = Files.list(folder)) {
            found = listing.filter(p -> p.getFileName().toString().endsWith(suffix))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .toList();
        }
        for (Path file : found) {
            String name = file.getFileName().toString();
            files.put(name, readBytes(name, file));
        }
    }

    /** A file's bytes; a failure becomes a {@link DictionaryException} naming {@code name}. */
    public static byte[] readBytes(String name, Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new DictionaryException(name, 0, "cannot read file: " + e);
        }
    }
}
