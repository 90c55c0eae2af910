package org.unspin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The library's public API is deliberate: every public type and member of the library packages is listed in
 * {@code src/test/resources/org/unspin/public-api.txt}, and this test fails when the classes and the list
 * disagree. A module-info cannot say it (docs/library.md, "The API, and Java modules"), so the list does: a
 * change to the API shows in review as a change to that file. After a deliberate change, copy
 * {@code target/public-api.txt} (written on failure) over the list.
 */
class PublicApiTest {
    /** The packages docs/library.md names as the library's API; cli, report, server and spark are entry points. */
    private static final Set<String> LIBRARY_PACKAGES = Set.of("org.unspin", "org.unspin.normalise",
            "org.unspin.tokenise", "org.unspin.lexicon", "org.unspin.detect", "org.unspin.languagetool",
            "org.unspin.edit", "org.unspin.corpus");
    private static final Path LIST = Path.of("src/test/resources/org/unspin/public-api.txt");

    @Test
    void publicTypesAndMembersMatchTheReviewedList() throws Exception {
        List<String> actual = new ArrayList<>(describe(libraryClasses()));
        assertTrue(actual.size() > 50, "found too few API lines to be the library: " + actual.size());
        Path written = Path.of("target/public-api.txt");
        Files.write(written, actual, StandardCharsets.UTF_8);
        List<String> expected = Files.readAllLines(LIST, StandardCharsets.UTF_8);
        assertEquals(String.join("\n", expected), String.join("\n", actual),
                "the public API changed; if deliberately, review " + written + " and copy it to " + LIST);
    }

    /** Every class compiled from the library packages (the folder the main classes were loaded from). */
    private static List<Class<?>> libraryClasses() throws IOException, URISyntaxException, ClassNotFoundException {
        Path root = Path.of(Unspinner.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertTrue(Files.isDirectory(root), "expected the main classes in a folder, got " + root);
        List<Class<?>> classes = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files.sorted()::iterator) {
                String name = root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".");
                if (!name.endsWith(".class") || name.endsWith("module-info.class")) {
                    continue;
                }
                name = name.substring(0, name.length() - ".class".length());
                String pkg = name.substring(0, Math.max(0, name.lastIndexOf('.')));
                if (LIBRARY_PACKAGES.contains(pkg)) {
                    classes.add(Class.forName(name, false, PublicApiTest.class.getClassLoader()));
                }
            }
        }
        return classes;
    }

    /** One sorted line per visible type and member, in the JDK's own generic notation. */
    static Set<String> describe(List<Class<?>> classes) {
        Set<String> lines = new TreeSet<>();
        for (Class<?> type : classes) {
            if (!visible(type)) {
                continue;
            }
            String name = type.getName();
            lines.add(name + " : " + type.toGenericString());
            for (Field field : type.getDeclaredFields()) {
                if (exposed(field.getModifiers()) && !field.isSynthetic()) {
                    lines.add(name + " . " + field.toGenericString().replace(type.getTypeName() + ".", ""));
                }
            }
            for (Constructor<?> constructor : type.getDeclaredConstructors()) {
                add(lines, type, constructor);
            }
            for (Method method : type.getDeclaredMethods()) {
                if (!method.isBridge()) {
                    add(lines, type, method);
                }
            }
        }
        return lines;
    }

    private static void add(Set<String> lines, Class<?> type, Executable member) {
        if (exposed(member.getModifiers()) && !member.isSynthetic()) {
            lines.add(type.getName() + " . " + member.toGenericString().replace(type.getTypeName() + ".", ""));
        }
    }

    /** Public, and every enclosing type public too (a public member of a hidden type is not API). */
    private static boolean visible(Class<?> type) {
        for (Class<?> t = type; t != null; t = t.getDeclaringClass()) {
            if (!Modifier.isPublic(t.getModifiers()) || t.isAnonymousClass() || t.isLocalClass() || t.isSynthetic()) {
                return false;
            }
        }
        return true;
    }

    /** Protected members count: a public class that is not final can be extended outside the library. */
    private static boolean exposed(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }
}
