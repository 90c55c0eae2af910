package org.unspin.lexicon;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.zip.GZIPInputStream;

import org.unspin.tokenise.TokenList;
import org.unspin.tokenise.Tokeniser;

/**
 * The lexicon of canonical multiword phrases (names of institutions and offices, idioms, function phrases,
 * technical terms) that clean English uses and that spinners garble. Keys are the tokens of
 * {@link Tokeniser}, case-folded with {@link PhraseKey#fold(char)} and joined by single spaces
 * ("secretary of state"); {@link #keyOf(String)} makes one.
 *
 * <p>File format ({@code dictionaries/lexicon.tsv.gz}, UTF-8, gzipped): line 1 is {@value #MAGIC}; line 2 is
 * {@code #sources} followed by TAB-separated source names whose order defines the bits of
 * {@link #sources(String)}; then one row per phrase, sorted by key in UTF-8 byte order:
 * {@code key TAB proper-form-or-empty TAB source,source...}.
 *
 * <p>Memory: keys and proper forms live in two UTF-8 byte arrays indexed by offset arrays; strings are decoded
 * only when returned. Immutable after construction, hence safe to share between threads; the near-miss index
 * is built on first use under a lock.
 */
public final class CanonicalLexicon {
    public static final String FILE_NAME = "lexicon.tsv.gz";
    public static final String MANIFEST_NAME = "lexicon.manifest.json";
    public static final String MAGIC = "#unspin-lexicon\t1";

    private final List<String> sourceNames;
    private final byte[] keys;
    private final int[] keyStarts; // size n + 1
    private final byte[] propers;
    private final int[] properStarts; // size n + 1; empty range = no proper form
    private final int[] sourceBits;
    private final int size;
    private volatile NearMissIndex nearMissIndex;

    private CanonicalLexicon(List<String> sourceNames, byte[] keys, int[] keyStarts, byte[] propers,
                             int[] properStarts, int[] sourceBits, int size) {
        this.sourceNames = List.copyOf(sourceNames);
        this.keys = keys;
        this.keyStarts = keyStarts;
        this.propers = propers;
        this.properStarts = properStarts;
        this.sourceBits = sourceBits;
        this.size = size;
    }

    /** The lexicon shipped in {@code dictionaries/} on the class path, loaded once. */
    public static CanonicalLexicon shipped() {
        return Shipped.INSTANCE;
    }

    private static final class Shipped {
        static final CanonicalLexicon INSTANCE = loadResource("dictionaries/" + FILE_NAME);
    }

    static CanonicalLexicon loadResource(String resource) {
        InputStream in = CanonicalLexicon.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new DictionaryException(resource, 0, "not found on the class path");
        }
        try (in) {
            return read(in, resource);
        } catch (IOException e) {
            throw new DictionaryException(resource, 0, "cannot read: " + e.getMessage());
        }
    }

    /** Loads a lexicon file (gzipped if its name ends in {@code .gz}). */
    public static CanonicalLexicon load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (IOException e) {
            throw new DictionaryException(file.toString(), 0, "cannot read: " + e.getMessage());
        }
    }

    private static CanonicalLexicon read(InputStream raw, String name) throws IOException {
        InputStream in = name.endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        String magic = reader.readLine();
        if (!MAGIC.equals(magic)) {
            throw new DictionaryException(name, 1, "expected header '" + MAGIC.replace('\t', ' ') + "'");
        }
        String header = reader.readLine();
        if (header == null || !header.startsWith("#sources\t")) {
            throw new DictionaryException(name, 2, "expected '#sources' header line");
        }
        List<String> sourceNames = List.of(header.substring("#sources\t".length()).split("\t"));
        if (sourceNames.size() > 31) {
            throw new DictionaryException(name, 2, "more than 31 sources");
        }
        ByteBuilder keys = new ByteBuilder(1 << 22), propers = new ByteBuilder(1 << 20);
        int[] keyStarts = new int[1 << 17], properStarts = new int[1 << 17], bits = new int[1 << 17];
        int n = 0, lineNo = 2;
        byte[] previous = null;
        for (String line; (line = reader.readLine()) != null; ) {
            lineNo++;
            int tab1 = line.indexOf('\t'), tab2 = tab1 < 0 ? -1 : line.indexOf('\t', tab1 + 1);
            if (tab2 < 0 || tab1 == 0) {
                throw new DictionaryException(name, lineNo, "expected 'phrase TAB proper TAB sources'");
            }
            byte[] key = line.substring(0, tab1).getBytes(StandardCharsets.UTF_8);
            if (previous != null && Arrays.compareUnsigned(previous, key) >= 0) {
                throw new DictionaryException(name, lineNo, "keys not sorted or duplicated: " + line.substring(0, tab1));
            }
            previous = key;
            int mask = 0;
            for (String source : line.substring(tab2 + 1).split(",")) {
                int bit = sourceNames.indexOf(source);
                if (bit < 0) {
                    throw new DictionaryException(name, lineNo, "source '" + source + "' not in the #sources header");
                }
                mask |= 1 << bit;
            }
            if (n + 1 >= keyStarts.length) {
                keyStarts = Arrays.copyOf(keyStarts, keyStarts.length * 2);
                properStarts = Arrays.copyOf(properStarts, properStarts.length * 2);
                bits = Arrays.copyOf(bits, bits.length * 2);
            }
            keyStarts[n] = keys.length();
            keys.append(key);
            properStarts[n] = propers.length();
            if (tab2 > tab1 + 1) {
                propers.append(line.substring(tab1 + 1, tab2).getBytes(StandardCharsets.UTF_8));
            }
            bits[n] = mask;
            n++;
        }
        keyStarts[n] = keys.length();
        properStarts[n] = propers.length();
        return new CanonicalLexicon(sourceNames, keys.toArray(), Arrays.copyOf(keyStarts, n + 1), propers.toArray(),
                Arrays.copyOf(properStarts, n + 1), Arrays.copyOf(bits, n), n);
    }

    /** The lexicon key of a text: its tokens, folded, joined by single spaces. */
    public static String keyOf(String text) {
        TokenList tokens = Tokeniser.tokenise(text);
        return keyOf(tokens, 0, tokens.size());
    }

    /** The lexicon key of tokens {@code [from, to)} of a token list. */
    public static String keyOf(TokenList tokens, int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < to; i++) {
            sb.append(i == from ? "" : " ").append(PhraseKey.fold(tokens.text(), tokens.start(i), tokens.end(i)));
        }
        return sb.toString();
    }

    /** Number of phrases. */
    public int size() {
        return size;
    }

    /** Source names in bit order: bit i of {@link #sources(String)} stands for {@code sourceNames().get(i)}. */
    public List<String> sourceNames() {
        return sourceNames;
    }

    /** Whether the key (folded tokens joined by single spaces, see {@link #keyOf}) is a known phrase. */
    public boolean contains(String lowerCasedPhrase) {
        return indexOf(lowerCasedPhrase) >= 0;
    }

    /** The phrase as its source capitalises it ("House Armed Services Committee"), or null if it is common. */
    public String properForm(String lowerCasedPhrase) {
        int i = indexOf(lowerCasedPhrase);
        if (i < 0 || properStarts[i] == properStarts[i + 1]) {
            return null;
        }
        return new String(propers, properStarts[i], properStarts[i + 1] - properStarts[i], StandardCharsets.UTF_8);
    }

    /** Bitmask of the sources that list the phrase (see {@link #sourceNames()}); 0 if unknown. */
    public int sources(String lowerCasedPhrase) {
        int i = indexOf(lowerCasedPhrase);
        return i < 0 ? 0 : sourceBits[i];
    }

    /** The i-th phrase in sorted order (0 ≤ i < size()). */
    public String phrase(int i) {
        return new String(keys, keyStarts[i], keyStarts[i + 1] - keyStarts[i], StandardCharsets.UTF_8);
    }

    private int indexOf(String phrase) {
        byte[] q = phrase.getBytes(StandardCharsets.UTF_8);
        int[] slots = hashIndex();
        int mask = slots.length - 1;
        for (int slot = hash(q, 0, q.length) & mask; slots[slot] != 0; slot = (slot + 1) & mask) {
            int i = slots[slot] - 1;
            if (Arrays.equals(keys, keyStarts[i], keyStarts[i + 1], q, 0, q.length)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Open addressing over the keys' bytes (phrase number + 1, 0 for an empty slot, at most half full): the
     * restorer asks for many phrases per sentence, and a probe reads one key where bisection compares 17.
     * Built on first use.
     */
    private volatile int[] hashIndex;

    private int[] hashIndex() {
        int[] slots = hashIndex;
        if (slots == null) {
            synchronized (this) {
                slots = hashIndex;
                if (slots == null) {
                    slots = new int[Integer.highestOneBit(Math.max(1, size) * 2 - 1) << 1];
                    int mask = slots.length - 1;
                    for (int i = 0; i < size; i++) {
                        int slot = hash(keys, keyStarts[i], keyStarts[i + 1]) & mask;
                        while (slots[slot] != 0) {
                            slot = (slot + 1) & mask;
                        }
                        slots[slot] = i + 1;
                    }
                    hashIndex = slots;
                }
            }
        }
        return slots;
    }

    private static int hash(byte[] data, int from, int to) {
        int h = 0x811c9dc5; // FNV-1a, then a final mix so that linear probing sees well-spread low bits
        for (int i = from; i < to; i++) {
            h = (h ^ (data[i] & 0xff)) * 0x01000193;
        }
        return h ^ (h >>> 16);
    }

    /** A phrase close to a span: same token count, differing in {@code differences} positions. */
    public record NearMiss(String phrase, int differences) {
    }

    /**
     * Lexicon phrases with as many tokens as {@code spanTokens} that equal it in every position but at most
     * {@code maxDifferences} (which must leave at least one position to match), closest first, then by phrase.
     * An exact match is returned with 0 differences. Tokens are folded here like keys.
     */
    public List<NearMiss> nearMisses(List<String> spanTokens, int maxDifferences) {
        int length = spanTokens.size();
        if (maxDifferences < 0 || maxDifferences >= length) {
            throw new IllegalArgumentException("maxDifferences must be in 0.." + (length - 1) + " for " + length
                    + " tokens, got " + maxDifferences);
        }
        String[] span = new String[length];
        for (int i = 0; i < length; i++) {
            String token = spanTokens.get(i);
            span[i] = PhraseKey.fold(token, 0, token.length());
        }
        NearMissIndex index = nearMissIndex();
        // A phrase within k differences matches in at least length - k positions: count posting hits.
        int[][] postings = new int[length][];
        int total = 0;
        for (int i = 0; i < length; i++) {
            postings[i] = index.postings(length, i, span[i]);
            total += postings[i].length;
        }
        int[] all = new int[total];
        int at = 0;
        for (int[] p : postings) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        Arrays.sort(all);
        List<NearMiss> result = new ArrayList<>();
        for (int i = 0; i < all.length; ) {
            int j = i;
            while (j < all.length && all[j] == all[i]) {
                j++;
            }
            if (j - i >= length - maxDifferences) {
                // Fingerprints can collide: confirm on the decoded phrase.
                String phrase = phrase(all[i]);
                String[] words = phrase.split(" ", -1);
                if (words.length == length) {
                    int differences = 0;
                    for (int w = 0; w < length; w++) {
                        if (!words[w].equals(span[w])) {
                            differences++;
                        }
                    }
                    if (differences <= maxDifferences) {
                        result.add(new NearMiss(phrase, differences));
                    }
                }
            }
            i = j;
        }
        result.sort(Comparator.comparingInt(NearMiss::differences).thenComparing(NearMiss::phrase));
        return result;
    }

    private NearMissIndex nearMissIndex() {
        NearMissIndex index = nearMissIndex;
        if (index == null) {
            synchronized (this) {
                index = nearMissIndex;
                if (index == null) {
                    index = new NearMissIndex(this);
                    nearMissIndex = index;
                }
            }
        }
        return index;
    }

    /**
     * Posting lists keyed by (phrase length, position, token): one sorted long per phrase token, the high bits
     * a 39-bit fingerprint of the key, the low 24 bits the phrase number. About 8 bytes per token of the lexicon.
     */
    private static final class NearMissIndex {
        private static final int ID_BITS = 24;
        private final long[] entries;

        NearMissIndex(CanonicalLexicon lexicon) {
            if (lexicon.size >= 1 << ID_BITS) {
                throw new IllegalStateException("lexicon too large for the near-miss index: " + lexicon.size);
            }
            long[] e = new long[lexicon.keys.length / 4 + lexicon.size];
            int n = 0;
            for (int id = 0; id < lexicon.size; id++) {
                String[] words = lexicon.phrase(id).split(" ", -1);
                for (int pos = 0; pos < words.length; pos++) {
                    if (n == e.length) {
                        e = Arrays.copyOf(e, n * 2);
                    }
                    e[n++] = (fingerprint(words.length, pos, words[pos]) << ID_BITS) | id;
                }
            }
            entries = Arrays.copyOf(e, n);
            Arrays.sort(entries);
        }

        int[] postings(int length, int position, String token) {
            long base = fingerprint(length, position, token) << ID_BITS;
            int from = lowerBound(base), to = lowerBound(base + (1L << ID_BITS));
            int[] ids = new int[to - from];
            for (int i = from; i < to; i++) {
                ids[i - from] = (int) (entries[i] & ((1 << ID_BITS) - 1));
            }
            return ids;
        }

        private int lowerBound(long value) {
            int lo = 0, hi = entries.length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (entries[mid] < value) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }

        /** 39-bit FNV-1a hash of length, position and token. */
        private static long fingerprint(int length, int position, String token) {
            long h = 0xcbf29ce484222325L;
            h = (h ^ length) * 0x100000001b3L;
            h = (h ^ position) * 0x100000001b3L;
            for (int i = 0; i < token.length(); i++) {
                h = (h ^ token.charAt(i)) * 0x100000001b3L;
            }
            h ^= h >>> 29;
            return h >>> 25; // 39 bits: shifted entries stay positive, so signed order is key order
        }
    }

    /** Growable byte array. */
    private static final class ByteBuilder {
        private byte[] bytes;
        private int length;

        ByteBuilder(int capacity) {
            bytes = new byte[capacity];
        }

        void append(byte[] b) {
            if (length + b.length > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + b.length));
            }
            System.arraycopy(b, 0, bytes, length, b.length);
            length += b.length;
        }

        int length() {
            return length;
        }

        byte[] toArray() {
            return Arrays.copyOf(bytes, length);
        }
    }

}
