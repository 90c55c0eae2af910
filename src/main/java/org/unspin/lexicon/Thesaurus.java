package org.unspin.lexicon;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * Reverse thesaurus: for a word seen in spun text, the words a spinner may have replaced by it. Built by
 * {@code scripts/build-resources.sh} from Moby, WordNet 3.1 and MyThes (see {@code dictionaries/NOTICE}).
 *
 * <p>Links go both ways (if a source lists B under A, {@code originalsFor("b")} has A and
 * {@code originalsFor("a")} has B). Inflected words are answered through their lemma: for "assaults" the
 * links of "assault" whose two words share the part of speech of the inflection (noun plural or verb third
 * person) are taken and each original is put in the same form ("attacks"); such links say {@code inflected}.
 *
 * <p>Memory: one sorted UTF-8 word table and a few int arrays. Immutable after loading, so thread-safe.
 */
public final class Thesaurus {
    public static final String RESOURCE = "dictionaries/thesaurus.bin";

    /** Source bits of {@link Link#sources()}. */
    public static final int MOBY = ThesaurusFormat.SOURCE_MOBY;
    public static final int WORDNET = ThesaurusFormat.SOURCE_WORDNET;
    public static final int MYTHES = ThesaurusFormat.SOURCE_MYTHES;

    /** What the original word is relative to the observed word. The stored number is the ordinal. */
    public enum Kind {
        /** Same meaning (same WordNet synset, a MyThes synonym, or listed by Moby). */
        SYNONYM,
        /** WordNet "similar to" / MyThes similar or related term. */
        RELATED,
        /** The original is a hypernym of the observed word (the spinner narrowed it). */
        BROADER,
        /** The original is a hyponym of the observed word (the spinner generalised it). */
        NARROWER;

        Kind inverse() {
            return this == BROADER ? NARROWER : this == NARROWER ? BROADER : this;
        }
    }

    /**
     * One candidate original.
     *
     * @param original  the word to restore, lower-case
     * @param sources   OR of {@link #MOBY}, {@link #WORDNET}, {@link #MYTHES}
     * @param kind      what the original is relative to the observed word
     * @param inflected true if found only through the lemmas of both words (see the class comment)
     */
    public record Link(String original, int sources, Kind kind, boolean inflected) {
        public boolean from(int source) {
            return (sources & source) != 0;
        }
    }

    private static final Kind[] KINDS = Kind.values();
    private static final int FLAG_BITS = 9; // kind 2, parts of speech 4, sources 3
    private static final int SLOT_BITS = 4;

    private final byte[] blob;
    private final int[] wordStart;
    /** Per word, its links: other word id << FLAG_BITS | kind << 7 | pos << 3 | sources. */
    private final int[] linkStart;
    private final int[] links;
    /** Per lemma, its forms: form id << SLOT_BITS | slot. */
    private final int[] formStart;
    private final int[] forms;
    /** Per form, its lemmas: lemma id << SLOT_BITS | slot. */
    private final int[] lemmaStart;
    private final int[] lemmas;

    private Thesaurus(Reader in) {
        int wordCount = in.count("word count", ThesaurusFormat.MAX_WORDS);
        int blobLength = in.count("word table length", Integer.MAX_VALUE);
        blob = in.bytes(blobLength);
        wordStart = new int[wordCount + 1];
        int w = 0;
        for (int i = 0; i < blob.length; i++) {
            if (blob[i] == '\n') {
                if (w == wordCount) {
                    throw in.error("more words in the word table than " + wordCount);
                }
                wordStart[++w] = i + 1;
            }
        }
        if (w != wordCount) {
            throw in.error("word table has " + w + " words, expected " + wordCount);
        }

        int entryCount = in.count("link count", Integer.MAX_VALUE / 2);
        int[] lower = new int[entryCount];
        int e = 0;
        for (int a = 0; a < wordCount; a++) {
            int n = in.count("links of a word", entryCount - e);
            Arrays.fill(lower, e, e + n, a);
            e += n;
        }
        if (e != entryCount) {
            throw in.error("links per word add up to " + e + ", expected " + entryCount);
        }
        int[] higher = new int[entryCount];
        for (int i = 0; i < entryCount; i++) {
            int previous = i > 0 && lower[i - 1] == lower[i] ? higher[i - 1] : lower[i];
            higher[i] = previous + in.count("link target", wordCount - 1 - previous);
        }
        byte[] flags = in.bytes(entryCount);
        byte[] pos = in.bytes(entryCount);

        int[] degree = new int[wordCount + 1];
        for (int i = 0; i < entryCount; i++) {
            degree[lower[i]]++;
            degree[higher[i]]++;
        }
        linkStart = starts(degree);
        links = new int[2 * entryCount];
        int[] fill = Arrays.copyOf(linkStart, wordCount);
        for (int i = 0; i < entryCount; i++) {
            int kind = (flags[i] & 0xFF) >>> ThesaurusFormat.SOURCE_BITS;
            if (kind >= KINDS.length) {
                throw in.error("bad kind " + kind + " in link " + i);
            }
            int rest = (pos[i] & 0xF) << 3 | flags[i] & 7;
            links[fill[lower[i]]++] = higher[i] << FLAG_BITS | kind << 7 | rest;
            links[fill[higher[i]]++] = lower[i] << FLAG_BITS | KINDS[kind].inverse().ordinal() << 7 | rest;
        }

        int formCount = in.count("form count", Integer.MAX_VALUE);
        int[] formLemma = new int[formCount];
        int f = 0;
        for (int lemma = 0; lemma < wordCount; lemma++) {
            int n = in.count("forms of a lemma", formCount - f);
            Arrays.fill(formLemma, f, f + n, lemma);
            f += n;
        }
        if (f != formCount) {
            throw in.error("forms per lemma add up to " + f + ", expected " + formCount);
        }
        byte[] slots = in.bytes(formCount);
        forms = new int[formCount];
        int[] formsPerForm = new int[wordCount + 1];
        for (int i = 0; i < formCount; i++) {
            long form = formLemma[i] + ThesaurusFormat.unZigZag(in.varint());
            if (form < 0 || form >= wordCount || slots[i] >= ThesaurusFormat.SLOT_POS.length || slots[i] < 0) {
                throw in.error("bad form " + form + " / slot " + slots[i] + " of word " + formLemma[i]);
            }
            forms[i] = (int) form << SLOT_BITS | slots[i];
            formsPerForm[(int) form]++;
        }
        in.expectEnd();
        int[] formsPerLemma = new int[wordCount + 1];
        for (int lemma : formLemma) {
            formsPerLemma[lemma]++;
        }
        formStart = starts(formsPerLemma);
        lemmaStart = starts(formsPerForm);
        lemmas = new int[formCount];
        int[] at = Arrays.copyOf(lemmaStart, wordCount);
        for (int i = 0; i < formCount; i++) {
            lemmas[at[forms[i] >>> SLOT_BITS]++] = formLemma[i] << SLOT_BITS | forms[i] & 0xF;
        }
    }

    /** A view keeping only the links of some sources (see {@link #restrictedTo}); the word tables are shared. */
    private Thesaurus(Thesaurus all, int sourceMask) {
        blob = all.blob;
        wordStart = all.wordStart;
        formStart = all.formStart;
        forms = all.forms;
        lemmaStart = all.lemmaStart;
        lemmas = all.lemmas;
        int wordCount = wordStart.length - 1;
        int[] kept = new int[all.links.length];
        int[] start = new int[wordCount + 1];
        int n = 0;
        for (int w = 0; w < wordCount; w++) {
            start[w] = n;
            for (int i = all.linkStart[w]; i < all.linkStart[w + 1]; i++) {
                int sources = all.links[i] & sourceMask & 7;
                if (sources != 0) {
                    kept[n++] = all.links[i] & ~7 | sources;
                }
            }
        }
        start[wordCount] = n;
        linkStart = start;
        links = Arrays.copyOf(kept, n);
    }

    /**
     * The same thesaurus with only the links that {@code sources} (an OR of {@link #MOBY}, {@link #WORDNET},
     * {@link #MYTHES}) give; a link from several sources keeps the chosen ones. Evaluation uses it to spin
     * with one source and detect with another.
     */
    public Thesaurus restrictedTo(int sources) {
        return new Thesaurus(this, sources);
    }

    /** Prefix sums: start[i] is the first index of item i; start[n] is the total. */
    private static int[] starts(int[] counts) {
        int[] start = new int[counts.length];
        int sum = 0;
        for (int i = 0; i < counts.length - 1; i++) {
            start[i] = sum;
            sum += counts[i];
        }
        start[counts.length - 1] = sum;
        return start;
    }

    /** The thesaurus shipped in {@code dictionaries/} on the class path; loaded once. */
    public static Thesaurus shipped() {
        return Shipped.INSTANCE;
    }

    private static final class Shipped {
        static final Thesaurus INSTANCE = loadResource();

        private static Thesaurus loadResource() {
            try (InputStream in = Thesaurus.class.getClassLoader().getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new DictionaryException(RESOURCE, 0, "not found on the class path");
                }
                return read(in, RESOURCE);
            } catch (IOException e) {
                throw new DictionaryException(RESOURCE, 0, e.getMessage());
            }
        }
    }

    public static Thesaurus load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (IOException e) {
            throw new DictionaryException(file.toString(), 0, e.getMessage());
        }
    }

    /** Reads a gzipped thesaurus; {@code name} is used in error messages. */
    public static Thesaurus read(InputStream gzipped, String name) {
        byte[] data;
        try (InputStream in = new GZIPInputStream(gzipped, 1 << 16)) {
            data = in.readAllBytes();
        } catch (IOException e) {
            throw new DictionaryException(name, 0, "not a gzipped thesaurus: " + e.getMessage());
        }
        Reader reader = new Reader(data, name);
        reader.expectMagic();
        return new Thesaurus(reader);
    }

    /**
     * Words that a spinner may have replaced by {@code observed}, sorted by original word then kind. Each
     * (original, kind) appears once, with the sources of all links that give it. Empty if the word is unknown.
     */
    public List<Link> originalsFor(String observed) {
        int id = find(observed.toLowerCase(Locale.ROOT));
        return id < 0 ? List.of() : merge(collect(id));
    }

    /**
     * The originals of {@link #originalsFor} as word ids (see {@link #id}, {@link #wordOf}), sorted, each with the
     * strength of its best link: 4 synonym from two or more sources, 3 synonym, 2 related, 1 broader or
     * narrower. Allocates no strings, for callers that test many pairs.
     */
    public Neighbours neighbours(String observed) {
        int id = find(observed.toLowerCase(Locale.ROOT));
        return id < 0 ? Neighbours.NONE : neighbours(id);
    }

    /** {@link #neighbours(String)} of the word with this id ({@link #id}), for callers that hold ids. */
    public Neighbours neighbours(int id) {
        long[] sorted = collect(id).sorted();
        int[] ids = new int[sorted.length];
        byte[] strengths = new byte[sorted.length];
        int n = 0;
        for (long entry : sorted) {
            int word = (int) (entry >>> 8);
            int kind = (int) (entry >>> 4) & 3;
            int sourceCount = Integer.bitCount((int) entry & 7);
            byte strength = (byte) (kind == Kind.SYNONYM.ordinal() ? (sourceCount >= 2 ? 4 : 3)
                    : kind == Kind.RELATED.ordinal() ? 2 : 1);
            if (n > 0 && ids[n - 1] == word) {
                strengths[n - 1] = (byte) Math.max(strengths[n - 1], strength);
            } else {
                ids[n] = word;
                strengths[n++] = strength;
            }
        }
        return new Neighbours(Arrays.copyOf(ids, n), Arrays.copyOf(strengths, n));
    }

    /** Word ids linked to one word, sorted, with link strengths (see {@link #neighbours(String)}). */
    public record Neighbours(int[] ids, byte[] strengths) {
        static final Neighbours NONE = new Neighbours(new int[0], new byte[0]);

        /** Strength of the link to word {@code id}, 0 if none. */
        public int strength(int id) {
            int at = Arrays.binarySearch(ids, id);
            return at < 0 ? 0 : strengths[at];
        }
    }

    /** The id of a word, or -1 if the thesaurus does not know it. */
    public int id(String word) {
        return find(word.toLowerCase(Locale.ROOT));
    }

    /** The word with this id. */
    public String wordOf(int id) {
        return word(id);
    }

    /** Entries {@code original id << 8 | kind << 4 | inflected << 3 | sources} for the word with this id. */
    private LongList collect(int id) {
        LongList found = new LongList();
        for (int i = linkStart[id]; i < linkStart[id + 1]; i++) {
            found.add((long) (links[i] >>> FLAG_BITS) << 8 | (links[i] >>> 7 & 3) << 4 | links[i] & 7);
        }
        for (int a = lemmaStart[id]; a < lemmaStart[id + 1]; a++) {
            int lemma = lemmas[a] >>> SLOT_BITS;
            int slot = lemmas[a] & 0xF;
            int pos = ThesaurusFormat.SLOT_POS[slot];
            for (int i = linkStart[lemma]; i < linkStart[lemma + 1]; i++) {
                if ((links[i] >>> 3 & pos) == 0) {
                    continue;
                }
                int original = links[i] >>> FLAG_BITS;
                for (int f = formStart[original]; f < formStart[original + 1]; f++) {
                    if ((forms[f] & 0xF) == slot && forms[f] >>> SLOT_BITS != id) {
                        found.add((long) (forms[f] >>> SLOT_BITS) << 8 | (links[i] >>> 7 & 3) << 4 | 8
                                | links[i] & 7);
                    }
                }
            }
        }
        return found;
    }

    /** Merges entries with the same original and kind: sources OR-ed, inflected only if all are. */
    private List<Link> merge(LongList found) {
        long[] sorted = found.sorted();
        List<Link> out = new ArrayList<>();
        int i = 0;
        while (i < sorted.length) {
            long key = sorted[i] >>> 4;
            int sources = 0;
            boolean inflected = true;
            for (; i < sorted.length && sorted[i] >>> 4 == key; i++) {
                sources |= (int) sorted[i] & 7;
                inflected &= (sorted[i] & 8) != 0;
            }
            out.add(new Link(word((int) (key >>> 4)), sources, KINDS[(int) key & 3], inflected));
        }
        return out;
    }

    public boolean contains(String word) {
        return find(word.toLowerCase(Locale.ROOT)) >= 0;
    }

    public int wordCount() {
        return wordStart.length - 1;
    }

    /** Directed links (each stored pair counts twice), without the inflected ones made at lookup. */
    public int linkCount() {
        return links.length;
    }

    private String word(int id) {
        return new String(blob, wordStart[id], wordStart[id + 1] - 1 - wordStart[id], StandardCharsets.UTF_8);
    }

    private int find(String word) {
        byte[] key = word.getBytes(StandardCharsets.UTF_8);
        int low = 0;
        int high = wordStart.length - 2;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            int c = Arrays.compareUnsigned(blob, wordStart[mid], wordStart[mid + 1] - 1, key, 0, key.length);
            if (c < 0) {
                low = mid + 1;
            } else if (c > 0) {
                high = mid - 1;
            } else {
                return mid;
            }
        }
        return -1;
    }

    /** Growable long array for one lookup. */
    private static final class LongList {
        private long[] values = new long[64];
        private int size;

        void add(long value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        long[] sorted() {
            long[] out = Arrays.copyOf(values, size);
            Arrays.sort(out);
            return out;
        }
    }

    /** Cursor over the uncompressed stream; errors name the file and byte offset. */
    private static final class Reader {
        private final byte[] data;
        private final String name;
        private int at;

        Reader(byte[] data, String name) {
            this.data = data;
            this.name = name;
        }

        void expectMagic() {
            if (data.length < ThesaurusFormat.MAGIC.length
                    || !Arrays.equals(data, 0, ThesaurusFormat.MAGIC.length, ThesaurusFormat.MAGIC, 0,
                    ThesaurusFormat.MAGIC.length)) {
                throw error("not a thesaurus file (bad magic)");
            }
            at = ThesaurusFormat.MAGIC.length;
            long version = varint();
            if (version != ThesaurusFormat.VERSION) {
                throw error("unsupported version " + version + ", expected " + ThesaurusFormat.VERSION);
            }
        }

        long varint() {
            long value = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                if (at >= data.length) {
                    throw error("truncated");
                }
                byte b = data[at++];
                value |= (long) (b & 0x7F) << shift;
                if (b >= 0) {
                    return value;
                }
            }
            throw error("varint too long");
        }

        int count(String what, int max) {
            long value = varint();
            if (value > max) {
                throw error(what + " " + value + " exceeds " + max);
            }
            return (int) value;
        }

        byte[] bytes(int n) {
            if (data.length - at < n) {
                throw error("truncated: need " + n + " bytes");
            }
            byte[] out = Arrays.copyOfRange(data, at, at + n);
            at += n;
            return out;
        }

        void expectEnd() {
            if (at != data.length) {
                throw error((data.length - at) + " unexpected bytes after the data");
            }
        }

        DictionaryException error(String reason) {
            return new DictionaryException(name, 0, "byte " + at + " (uncompressed): " + reason);
        }
    }
}
