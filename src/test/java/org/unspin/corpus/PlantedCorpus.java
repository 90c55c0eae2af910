package org.unspin.corpus;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.unspin.lexicon.NgramModel;
import org.unspin.lexicon.Thesaurus;

/**
 * A generated corpus with planted substitutions: the State of the Union addresses since 1946 cut into
 * documents of about 250 words; in one document in five, about half the occurrences of each of a fixed set of
 * common words w are replaced by one thesaurus neighbour s that the clean corpus (almost) never uses, as one
 * spinner with one dictionary would.
 */
public final class PlantedCorpus {
    public static final Path SOTU = Path.of("target/corpora/sotu/package/data");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Common words of modern addresses that a spinner would replace. */
    static final List<String> PLANTED_WORDS = List.of("important", "great", "help", "country", "world", "economy",
            "support", "increase", "children", "health", "jobs", "program", "security", "build", "strong", "change",
            "future", "hard", "believe", "problem", "plan", "money", "create", "growth", "families", "energy",
            "business", "working", "budget", "programs");

    public final List<String> clean = new ArrayList<>();
    public final List<String> spun = new ArrayList<>();
    /** Planted observed word → original. */
    public final Map<String, String> planted = new LinkedHashMap<>();
    int spunDocuments;

    public PlantedCorpus(NgramModel lm, Thesaurus thesaurus, int firstYear, double spunShare) throws IOException {
        this(lm, thesaurus, firstYear, spunShare, false);
    }

    /** With {@code everywhere}, every occurrence of a planted original in a spun document is replaced. */
    public PlantedCorpus(NgramModel lm, Thesaurus thesaurus, int firstYear, double spunShare, boolean everywhere)
            throws IOException {
        List<String> docs = new ArrayList<>();
        try (Stream<Path> files = Files.list(SOTU)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".txt")).sorted().toList()) {
                if (Integer.parseInt(f.getFileName().toString().substring(0, 4)) < firstYear) {
                    continue;
                }
                StringBuilder doc = new StringBuilder();
                for (String sentence : Files.readString(f).split("(?<=[.!?])\\s+")) {
                    doc.append(sentence).append(' ');
                    if (doc.length() > 1500) {
                        docs.add(doc.toString().strip());
                        doc.setLength(0);
                    }
                }
                if (doc.length() > 200) {
                    docs.add(doc.toString().strip());
                }
            }
        }
        Map<String, Integer> counts = new HashMap<>();
        Pattern word = Pattern.compile("[A-Za-z']+");
        for (String d : docs) {
            Matcher m = word.matcher(d);
            while (m.find()) {
                counts.merge(m.group().toLowerCase(Locale.ROOT), 1, Integer::sum);
            }
        }
        for (String w : PLANTED_WORDS) {
            for (Thesaurus.Link link : thesaurus.originalsFor(w)) {
                String s = link.original();
                if (s.matches("[a-z]+") && s.length() > 3 && lm.wordId(s) >= 0 && counts.getOrDefault(s, 0) <= 1
                        && !planted.containsKey(s) && !planted.containsValue(s) && !PLANTED_WORDS.contains(s)
                        && link.kind() == Thesaurus.Kind.SYNONYM) {
                    planted.put(s, w);
                    break;
                }
            }
        }
        Map<String, String> byOriginal = new HashMap<>();
        planted.forEach((s, w) -> byOriginal.put(w, s));
        Pattern target = Pattern.compile("\\b(" + String.join("|", byOriginal.keySet()) + ")\\b");
        for (int i = 0; i < docs.size(); i++) {
            String d = docs.get(i);
            clean.add(d);
            boolean spin = Math.floorMod(Long.hashCode(SubstitutionMiner.keyOf("doc" + i)), 1000) < spunShare * 1000;
            if (spin) {
                spunDocuments++;
                Matcher m = target.matcher(d);
                int doc = i;
                // like a spinner, a share of the occurrences (about half), so the originals stay in the text too
                d = m.replaceAll(r -> everywhere || (SubstitutionMiner.keyOf(doc + ":" + r.start()) & 3) == 0
                        ? byOriginal.get(r.group(1)) : r.group(1));
            }
            spun.add(d);
        }
    }

    public static Path jsonl(Path file, List<String> docs) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (String d : docs) {
            sb.append(JSON.createObjectNode().put("text", d)).append('\n');
        }
        return Files.writeString(file, sb);
    }
}
