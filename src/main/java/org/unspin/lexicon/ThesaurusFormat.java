package org.unspin.lexicon;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Layout of {@code thesaurus.bin}, shared by the builder and {@link Thesaurus}.
 *
 * <p>The file is gzip (header without time stamp) over this byte stream; integers are unsigned LEB128
 * varints unless said otherwise, and every column is written for all words or entries before the next:
 * <pre>
 *   MAGIC, VERSION (varint)
 *   wordCount, blobLength, blob           words sorted by UTF-8 bytes, each followed by '\n'
 *   entryCount
 *   entriesPerWord[wordCount]             entries of word a link a to a word b &gt; a
 *   targetDelta[entryCount]               b minus the previous b of the same a (the first: b minus a)
 *   flags[entryCount]  (one byte)         kind &lt;&lt; 3 | source bits; kind says what b is relative to a
 *   pos[entryCount]    (one byte)         parts of speech shared by a and b (inflection is allowed for these)
 *   formCount
 *   formsPerLemma[wordCount]
 *   slot[formCount]    (one byte)         {@link #SLOT_POS} index
 *   formDelta[formCount] (zig-zag)        form id minus lemma id
 * </pre>
 * Each unordered pair of words is stored once per kind; the reader adds the reverse direction.
 */
public final class ThesaurusFormat {
    public static final byte[] MAGIC = "UNSPIN-THESAURUS\n".getBytes(StandardCharsets.US_ASCII);
    public static final int VERSION = 1;

    public static final int SOURCE_MOBY = 1;
    public static final int SOURCE_WORDNET = 2;
    public static final int SOURCE_MYTHES = 4;
    public static final int SOURCE_BITS = 3;

    public static final int POS_NOUN = 1;
    public static final int POS_VERB = 2;
    public static final int POS_ADJ = 4;
    public static final int POS_ADV = 8;

    /** Inflection slots; the index is the stored slot number. Past tense and past participle share one slot. */
    public static final int SLOT_PLURAL = 0;
    public static final int SLOT_THIRD_PERSON = 1;
    public static final int SLOT_PAST = 2;
    public static final int SLOT_GERUND = 3;
    public static final int SLOT_COMPARATIVE = 4;
    public static final int SLOT_SUPERLATIVE = 5;
    /** Part of speech that a slot belongs to; a link is inflected in a slot only if both words share it. */
    public static final int[] SLOT_POS = {POS_NOUN, POS_VERB, POS_VERB, POS_VERB, POS_ADJ, POS_ADJ};

    /** Largest number of words the packed in-memory entries can address. */
    public static final int MAX_WORDS = 1 << 20;

    private ThesaurusFormat() {
    }

    public static void writeVarint(ByteArrayOutputStream out, long value) {
        while ((value & ~0x7FL) != 0) {
            out.write((int) ((value & 0x7F) | 0x80));
            value >>>= 7;
        }
        out.write((int) value);
    }

    public static long zigZag(long value) {
        return (value << 1) ^ (value >> 63);
    }

    public static long unZigZag(long value) {
        return (value >>> 1) ^ -(value & 1);
    }
}
