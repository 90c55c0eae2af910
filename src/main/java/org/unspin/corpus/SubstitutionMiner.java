package org.unspin.corpus;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.unspin.lexicon.Fingerprint;
import org.unspin.lexicon.MinedSubstitution;
import org.unspin.lexicon.NgramModel;
import org.unspin.lexicon.Thesaurus;
import org.unspin.tokenise.TokenList;
import org.unspin.tokenise.TokenType;

/**
 * Finds the substitutions a spinner made in a corpus: pairs (observed s, original w) linked by the thesaurus
 * where, over many occurrences in many documents, the language model prefers w in s's contexts.
 *
 * <p><b>Streaming part</b> (bounded memory, any order). Every word the language model knows is counted; for
 * the words the thesaurus also knows ("tracked" types), the miner keeps the number of documents and a
 * bottom-k sample of the word's distinct contexts: the {@code samples} contexts whose occurrences have the
 * smallest 64-bit hashes of (unit, word position), each as the model ids of two words either side (a run of
 * words ends at punctuation, numbers and line breaks that end a paragraph, as for the n-gram counts) and its
 * document's key. A bottom-k sample does not depend on the order in which occurrences arrive, so worker
 * threads ({@link Batch}), the input order and Spark partitions ({@link State#merge}) give the same sample.
 * It also counts, for each tracked type s and each of its thesaurus originals w that general English uses
 * more, the documents that have both words, and each tracked type's documents by length class (log2 of its
 * words; documents end where the next begins, so these counts need the batches in input order, as the document
 * counts do).
 * Memory: the counts are 36 bytes per model word (the model has 72,547; plus a 4 MB word table), the
 * shared-document counts 4 bytes per pair (1,209,087 pairs with the shipped thesaurus: 4.8 MB), the length
 * classes {@value #LENGTH_CLASSES} × 4 bytes per model word (4.6 MB) and a sample is
 * at most {@code samples × 40 + 96} bytes per tracked type (41,287 with the shipped thesaurus: 44 MB at most).
 *
 * <p><b>Scoring</b> ({@link #mine}, in parallel over types, deterministic). A tracked type s seen at least
 * {@code minOccurrences} times in {@code minDocuments} documents, in at least {@code minOccurrences} distinct
 * contexts, and at least a third as often in the corpus as in general English (the model's unigram), is scored against
 * each thesaurus original w the model knows that is more common in English than s, whose corpus frequency
 * ratio log10(count(s) / count(w)) − log10(P(s) / P(w)) is at least {@code minFrequencyRatio} (the corpus has
 * too much s for its w; off by default), and that shares documents with s beyond chance: the co-occurrence
 * z-score (shared − expected) / √(expected + 1) is at least {@code minCooccurrence}, where expected sums, over
 * the length classes, documents(s) · documents(w) / documents of that class (long documents have more of
 * every word: at a spin affinity of 1.0 the 233 clean addresses gave 82 rows without the classes, 10 with
 * them). That test separates a spinner's pairs from a domain's own words: a spinner swaps only a share of a
 * document's words, so its substitute keeps company with the unswapped original, while "shekels" in
 * scripture never meets "pounds". It comes before any context is scored, because it needs only counts and
 * passes few pairs, so each of those is scored in every sampled context. In each context the margin is
 * log10 P(l2 l1 w r1 r2) − log10 P(l2 l1 s r1 r2) (the terms of w, r1 and r2), and the context margin is the
 * margin less log10 P(w) / P(s): what the context adds beyond word frequency. At most
 * {@value #MAX_SURVIVORS} originals are kept per type (the largest summed context margins).
 *
 * <p>A document's spin evidence is the share of its sampled contexts (of all scored types but s itself) in
 * which some original beats the observed word by a context margin of at least {@value #STRONG}, shrunk
 * towards the corpus-wide share. Each context of s is weighted by its document's evidence, and s's spin
 * affinity, the mean evidence of its contexts' documents relative to the corpus-wide share (with
 * pseudo-contexts of affinity 1), must reach {@code minAffinity}. A pair is kept when the weighted share of
 * contexts with a positive context margin is at least {@code minShare}, the weighted mean margin at least
 * {@code minMargin}, the weighted mean context margin at least {@code minContextMargin}, and the positive
 * contexts come from at least {@code minDocuments} documents. At most
 * {@code maxOriginals} per observed word (the largest mean margins).
 *
 * <p><b>Later rounds.</b> When the first round keeps at least {@code seedRows} rows, those rows mark the
 * documents where a sampled context of their observed word prefers their original: sharper evidence than
 * any one context's margin, since a spinner's substitutes keep each other company. Every scored type is
 * weighed again, each context by whether its document carries the mark of another observed word, shrunk
 * towards the corpus-wide share ({@link #MARK_SHRINK}), with the same gates and a least affinity of
 * {@link #MARK_AFFINITY} to the marked documents; again with the new rows' marks, up to {@link #ROUNDS}
 * rounds or until a round adds nothing. A clean corpus gives a few first-round rows and stops there. On the
 * dev corpus of {@code unspin eval} (docs/evaluation.md, "Later mining rounds") the rounds named 6,287 of the
 * spinner's swaps instead of 4,695, at the same rewrite precision. Deterministic: the same rows for any
 * number of threads or partitions.
 */
public final class SubstitutionMiner {
    /** Margin (log10) at which a context counts as strong spin evidence for its document. */
    static final double STRONG = 2.0;
    /**
     * How much rarer (log10) an observed word may be in the corpus than in general English and still be scored:
     * a spinner's word is common in its spun documents but may be rare in the domains around them. On the dev
     * corpus 0 (more often than in English) lost 7 % of the swaps; 0.5 named 4,700 of them instead of 3,990,
     * at 0.872 rewrite precision instead of 0.862, for 5 rows instead of 1 on 100 MB of clean addresses.
     */
    private static final double ENRICHMENT_SLACK = 0.5;
    /**
     * A later round's least affinity to the documents the earlier rows mark (on dev: 1.5 named more swaps,
     * 7,410 instead of 6,287, at lower rewrite precision against the independent spinner, 0.888 against 0.918).
     */
    static final double MARK_AFFINITY = 2.0;
    /** The last round; mining stops earlier when a round adds no row. */
    static final int ROUNDS = 4;
    /** Pseudo-contexts of the corpus-wide share of marked contexts added to each context's mark. */
    static final double MARK_SHRINK = 0.5;
    /** Originals of one observed word kept for weighting (the best by context margin). */
    private static final int MAX_SURVIVORS = 8;
    /** Pseudo-contexts of the corpus-wide share added to each document's evidence. */
    private static final double SHRINK = 2.0;
    /** Pseudo-contexts of affinity 1 (an average document) added to a word's spin affinity. */
    private static final double AFFINITY_SHRINK = 5.0;
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    /** Document lengths are counted in classes of log2(words): 1, 2–3, 4–7, …, 2^15 and more. */
    static final int LENGTH_CLASSES = 16;

    /**
     * The miner's thresholds.
     *
     * @param samples          contexts sampled per word type
     * @param minDocuments     documents an observed word (and its positive contexts) must come from
     * @param minOccurrences   occurrences of an observed word before it is scored
     * @param minShare         weighted share of contexts where the original must win
     * @param minMargin        weighted mean margin (log10) the original must reach
     * @param minContextMargin weighted mean context margin (log10: the margin less the unigram log ratio of
     *                         the two words) the original must reach
     * @param minFrequencyRatio the corpus frequency ratio evidence an original must have (log10)
     * @param minAffinity      the mean spin evidence of the documents of the observed word's contexts, relative
     *                         to the corpus-wide share, that the word must reach
     * @param minCooccurrence  how far (a z-score) the documents that have both words must exceed what
     *                         independent words would share
     * @param maxOriginals     originals kept per observed word
     * @param seedRows         rows the first round must mine before later rounds weigh the contexts by the
     *                         documents those rows mark (a clean corpus gives a few rows, so never gets there)
     */
    public record Settings(int samples, int minDocuments, int minOccurrences, double minShare, double minMargin,
                           double minContextMargin, double minFrequencyRatio, double minAffinity,
                           double minCooccurrence, int maxOriginals, int seedRows)
            implements Serializable {
        /**
         * Fitted on the dev corpus of {@code unspin eval --setting corpus} (docs/evaluation.md, "Co-occurrence
         * first"): the co-occurrence gate, applied before scoring, replaced the frequency-ratio gate (off) and an
         * early cut on the unweighted share of winning contexts; the spin affinity (1.4) and the margins keep the
         * clean State of the Union corpora at 1 row ("prowess → skill") for the 233 addresses and 5 for 100 MB
         * of them in 4 KB pieces.
         */
        public static final Settings DEFAULT = new Settings(24, 3, 5, 0.3, 2.0, 0.5, Double.NEGATIVE_INFINITY, 1.4,
                2.0, 3, 20);

        public Settings {
            if (samples < 3 || samples > 1024) {
                throw new IllegalArgumentException("samples must be within 3..1024, got " + samples);
            }
        }
    }

    private final NgramModel lm;
    private final Thesaurus thesaurus;
    private final Settings settings;
    /** Open addressing: unigram fingerprint of a model word → its id. */
    /** Slot i: the key at 2i, the id at 2i + 1 (one cache line for both). */
    private final long[] slots;
    private final boolean[] tracked;
    /** Thesaurus word id → model id, -1 where the model lacks the word. */
    private final int[] modelIdOf;
    /** log10 unigram probability of each model word. */
    private final double[] unigrams;
    /**
     * The pairs whose documents are counted together: for tracked type s, slots pairStart[s] to
     * pairStart[s + 1] of pairWord hold the model ids of its thesaurus originals that general English uses
     * more (the only originals {@link #score} tries), in thesaurus order.
     */
    private final int[] pairStart;
    private final int[] pairWord;

    public SubstitutionMiner(NgramModel lm, Thesaurus thesaurus, Settings settings) {
        this.lm = lm;
        this.thesaurus = thesaurus;
        this.settings = settings;
        int size = lm.vocabularySize();
        int slots = Integer.highestOneBit(Math.max(4, size * 2 - 1)) << 1; // at most half full
        this.slots = new long[2 * slots];
        tracked = new boolean[size];
        unigrams = new double[size];
        modelIdOf = new int[thesaurus.wordCount()];
        Arrays.fill(modelIdOf, -1);
        int[] thesaurusIdOf = new int[size];
        for (int id = 0; id < size; id++) {
            String word = lm.word(id);
            if (word.isEmpty() || word.startsWith("<") || !word.equals(word.toLowerCase(java.util.Locale.ROOT))) {
                continue; // sentence markers; the model is lower-case, so nothing folds onto other words
            }
            long key = Fingerprint.of(word);
            int i = (int) key & (slots - 1);
            while (this.slots[2 * i] != 0 && this.slots[2 * i] != key) {
                i = (i + 1) & (slots - 1);
            }
            if (this.slots[2 * i] == 0) {
                this.slots[2 * i] = key;
                this.slots[2 * i + 1] = id;
                int t = thesaurus.id(word);
                tracked[id] = t >= 0;
                thesaurusIdOf[id] = t;
                if (t >= 0) {
                    modelIdOf[t] = id;
                }
                unigrams[id] = lm.log10Prob(id, -1, -1);
            }
        }
        pairStart = new int[size + 1];
        int[] words = new int[1 << 16];
        int n = 0;
        for (int id = 0; id < size; id++) {
            pairStart[id] = n;
            if (!tracked[id]) {
                continue;
            }
            for (int t : thesaurus.neighbours(thesaurusIdOf[id]).ids()) {
                int w = modelIdOf[t];
                if (w >= 0 && w != id && unigrams[w] >= unigrams[id]) {
                    if (n == words.length) {
                        words = Arrays.copyOf(words, n * 2);
                    }
                    words[n++] = w;
                }
            }
        }
        pairStart[size] = n;
        pairWord = Arrays.copyOf(words, n);
    }

    public Settings settings() {
        return settings;
    }

    /** Model word types the thesaurus knows (each may get a context sample). */
    public int trackedTypes() {
        int n = 0;
        for (boolean t : tracked) {
            n += t ? 1 : 0;
        }
        return n;
    }

    private int lookup(long fingerprint) {
        int mask = (slots.length >> 1) - 1;
        for (int i = (int) fingerprint & mask; slots[2 * i] != 0; i = (i + 1) & mask) {
            if (slots[2 * i] == fingerprint) {
                return (int) slots[2 * i + 1];
            }
        }
        return -1;
    }

    /** The model id of a (folded) word, -1 if unknown. */
    int idOf(String word) {
        return lookup(Fingerprint.of(word));
    }

    /** The key of a text unit or document, from its text or name. */
    public static long keyOf(String text) {
        return Fingerprint.finish(Fingerprint.extend(Fingerprint.START, text, 0, text.length()));
    }

    public Batch newBatch() {
        return new Batch();
    }

    public State newState() {
        return new State(lm.vocabularySize(), settings.samples(), pairStart, pairWord);
    }

    /**
     * The occurrences a worker found in a batch of text, for one thread to {@link State#apply} in order (only
     * the document counts need the order). Not thread-safe.
     */
    public final class Batch {
        private int size;
        private int[] type = new int[1 << 10];
        private long[] hash = new long[1 << 10];
        private long[] doc = new long[1 << 10];
        private long[] docKey = new long[1 << 10];
        private int[] context = new int[4 << 10];
        private int[] ids = new int[256];
        private int[] runs = new int[256];

        /**
         * Adds the words of one text unit.
         *
         * @param document the document's ordinal (from 1, ascending in input order; a document may span units)
         * @param unitKey  a key of this unit that does not depend on where it is read (its text, or its file
         *                 and line), so that the samples do not either
         * @param docKey   the document's key (its text or its file name), stored with each sampled context
         */
        public void observe(String text, TokenList t, long document, long unitKey, long docKey) {
            int words = 0;
            int run = 0;
            int gapStart = 0;
            boolean first = true;
            for (int i = 0; i < t.size(); i++) {
                if (t.type(i) != TokenType.WORD) {
                    run++;
                } else {
                    if (!first && !NgramKeys.linked(text, gapStart, t.start(i), 0)) {
                        run++;
                    }
                    first = false;
                    if (words == ids.length) {
                        ids = Arrays.copyOf(ids, words * 2);
                        runs = Arrays.copyOf(runs, words * 2);
                    }
                    ids[words] = lookup(Fingerprint.finish(Fingerprint.extend(Fingerprint.START, text, t.start(i),
                            t.end(i))));
                    runs[words++] = run;
                }
                gapStart = t.end(i);
            }
            for (int j = 0; j < words; j++) {
                int id = ids[j];
                if (id < 0) {
                    continue;
                }
                if (size == type.length) {
                    grow();
                }
                type[size] = id;
                doc[size] = document;
                if (tracked[id]) {
                    int r = runs[j];
                    int l1 = j >= 1 && runs[j - 1] == r ? ids[j - 1] : -1;
                    int l2 = l1 >= 0 && j >= 2 && runs[j - 2] == r ? ids[j - 2] : -1;
                    int r1 = j + 1 < words && runs[j + 1] == r ? ids[j + 1] : -1;
                    int r2 = r1 >= 0 && j + 2 < words && runs[j + 2] == r ? ids[j + 2] : -1;
                    hash[size] = Fingerprint.finish(unitKey + (j + 1) * GOLDEN);
                    this.docKey[size] = docKey;
                    context[4 * size] = l2;
                    context[4 * size + 1] = l1;
                    context[4 * size + 2] = r1;
                    context[4 * size + 3] = r2;
                } else {
                    hash[size] = 0;
                }
                size++;
            }
        }

        private void grow() {
            int n = type.length * 2;
            type = Arrays.copyOf(type, n);
            hash = Arrays.copyOf(hash, n);
            doc = Arrays.copyOf(doc, n);
            docKey = Arrays.copyOf(docKey, n);
            context = Arrays.copyOf(context, 4 * n);
        }

        void clear() {
            size = 0;
        }
    }

    /** The corpus-wide counts and samples. Not thread-safe; serializable for Spark. */
    public static final class State implements Serializable {
        private static final long serialVersionUID = 1L;
        private final int samples;
        private long tokens;
        private long documents;
        private long lastDocument;
        private final long[] count;
        private final int[] docs;
        private final long[] lastDoc;
        private final Sample[] sampled;
        /** Per type, the hash a new context must be below to enter the sample (all while it is not full). */
        private final long[] threshold;
        private final int[] pairStart;
        private final int[] pairWord;
        /** Per pair slot (see {@link SubstitutionMiner#pairStart}): documents that have both words. */
        private final int[] pairDocs;
        /** The tracked types of the document being read: a bit per type, and the list of those set. */
        private final long[] present;
        private int[] seen = new int[256];
        private int seenCount;
        /** Words of the document being read. */
        private int documentWords;
        /** Documents per length class: all of them, and per type those that have it (type × class). */
        private final long[] lengthDocs = new long[LENGTH_CLASSES];
        private final int[] typeLengthDocs;

        State(int vocabulary, int samples, int[] pairStart, int[] pairWord) {
            this.samples = samples;
            this.pairStart = pairStart;
            this.pairWord = pairWord;
            pairDocs = new int[pairWord.length];
            present = new long[(vocabulary + 63) >> 6];
            typeLengthDocs = new int[vocabulary * LENGTH_CLASSES];
            threshold = new long[vocabulary];
            Arrays.fill(threshold, -1L);
            count = new long[vocabulary];
            docs = new int[vocabulary];
            lastDoc = new long[vocabulary];
            sampled = new Sample[vocabulary];
        }

        /** Adds a worker's batch; batches must come in input order (documents are counted once). */
        public void apply(Batch b) {
            for (int k = 0; k < b.size; k++) {
                int id = b.type[k];
                long document = b.doc[k];
                count[id]++;
                tokens++;
                if (document != lastDocument) {
                    endDocument();
                    documents++;
                    lastDocument = document;
                }
                documentWords++;
                if (b.hash[k] != 0) {
                    if (lastDoc[id] != document) {
                        docs[id]++;
                        lastDoc[id] = document;
                        present[id >> 6] |= 1L << id;
                        if (seenCount == seen.length) {
                            seen = Arrays.copyOf(seen, seenCount * 2);
                        }
                        seen[seenCount++] = id;
                    }
                    if (Long.compareUnsigned(b.hash[k], threshold[id]) < 0) {
                        Sample s = sampled[id];
                        if (s == null) {
                            s = sampled[id] = new Sample(samples);
                        }
                        s.offer(b.hash[k], b.docKey[k], b.context, 4 * k);
                        threshold[id] = s.threshold();
                    }
                }
            }
            b.clear();
        }

        /** Documents that have both s and its original w (0 if w is not one of s's pair slots). */
        int sharedDocs(int s, int w) {
            for (int k = pairStart[s]; k < pairStart[s + 1]; k++) {
                if (pairWord[k] == w) {
                    return pairDocs[k];
                }
            }
            return 0;
        }

        /** Counts the pairs of the document read last (they are counted when the next one starts). */
        void endDocument() {
            if (documentWords == 0) {
                return;
            }
            int length = Math.min(LENGTH_CLASSES - 1, 31 - Integer.numberOfLeadingZeros(documentWords));
            lengthDocs[length]++;
            documentWords = 0;
            for (int i = 0; i < seenCount; i++) {
                int s = seen[i];
                typeLengthDocs[s * LENGTH_CLASSES + length]++;
                for (int k = pairStart[s]; k < pairStart[s + 1]; k++) {
                    int w = pairWord[k];
                    if ((present[w >> 6] & (1L << w)) != 0) {
                        pairDocs[k]++;
                    }
                }
            }
            for (int i = 0; i < seenCount; i++) {
                present[seen[i] >> 6] = 0;
            }
            seenCount = 0;
        }

        /**
         * Adds another state whose documents are disjoint from this one's (another Spark partition): counts
         * add up and the samples merge into the same bottom-k sample one pass would keep.
         */
        public State merge(State other) {
            endDocument();
            other.endDocument();
            for (int k = 0; k < pairDocs.length; k++) {
                pairDocs[k] += other.pairDocs[k];
            }
            for (int k = 0; k < typeLengthDocs.length; k++) {
                typeLengthDocs[k] += other.typeLengthDocs[k];
            }
            for (int k = 0; k < LENGTH_CLASSES; k++) {
                lengthDocs[k] += other.lengthDocs[k];
            }
            tokens += other.tokens;
            documents += other.documents;
            for (int id = 0; id < count.length; id++) {
                count[id] += other.count[id];
                docs[id] += other.docs[id];
                if (other.sampled[id] != null) {
                    if (sampled[id] == null) {
                        sampled[id] = new Sample(samples);
                    }
                    sampled[id].merge(other.sampled[id]);
                    threshold[id] = sampled[id].threshold();
                }
            }
            return this;
        }

        /** The statistics of one type, for a merge by key; null if the type was never seen. */
        public TypeStats stats(int id) {
            endDocument();
            return count[id] == 0 ? null : new TypeStats(count[id], docs[id], sampled[id],
                    Arrays.copyOfRange(pairDocs, pairStart[id], pairStart[id + 1]),
                    Arrays.stream(typeLengthDocs, id * LENGTH_CLASSES, (id + 1) * LENGTH_CLASSES).asLongStream().toArray());
        }

        /** Sets a type's merged statistics (see {@link #stats}). */
        public void put(int id, TypeStats stats) {
            count[id] = stats.count;
            docs[id] = stats.docs;
            if (stats.pairDocs != null) {
                System.arraycopy(stats.pairDocs, 0, pairDocs, pairStart[id], pairStart[id + 1] - pairStart[id]);
                for (int k = 0; k < LENGTH_CLASSES; k++) {
                    typeLengthDocs[id * LENGTH_CLASSES + k] = (int) stats.lengths[k];
                }
            }
            sampled[id] = stats.sample;
            threshold[id] = stats.sample == null ? -1L : stats.sample.threshold();
        }

        /** All documents by length class, as a total to carry under a key of its own (see {@link #addTotals}). */
        public TypeStats documentTotals() {
            endDocument();
            return new TypeStats(documents, 0, null, null, lengthDocs.clone());
        }

        /** Adds the document totals of other parts ({@link #documentTotals}). */
        public void addDocuments(TypeStats totals) {
            documents += totals.count;
            for (int k = 0; k < LENGTH_CLASSES; k++) {
                lengthDocs[k] += totals.lengths[k];
            }
        }

        /**
         * The documents two independent words would share: for each length class, the documents that have s
         * times the share of that class's documents that have w (long documents have more of every word).
         */
        double expectedShared(int s, int w) {
            double e = 0;
            for (int k = 0; k < LENGTH_CLASSES; k++) {
                if (lengthDocs[k] > 0) {
                    e += (double) typeLengthDocs[s * LENGTH_CLASSES + k] * typeLengthDocs[w * LENGTH_CLASSES + k]
                            / lengthDocs[k];
                }
            }
            return e;
        }

        public void addTotals(long tokens, long documents) {
            this.tokens += tokens;
            this.documents += documents;
        }

        public int vocabulary() {
            return count.length;
        }

        /** Word tokens the model knows. */
        public long tokens() {
            return tokens;
        }

        public long documents() {
            return documents;
        }

        /** Bytes of the samples now (an upper bound of their arrays). */
        public long sampleBytes() {
            long n = 0;
            for (Sample s : sampled) {
                n += s == null ? 0 : 40L * s.hash.length + 96;
            }
            return n;
        }
    }

    /** One type's statistics, mergeable by key (Spark's reduceByKey). */
    public static final class TypeStats implements Serializable {
        private static final long serialVersionUID = 1L;
        long count;
        int docs;
        Sample sample;
        /** Documents shared with each of the type's originals (its pair slots); null for a total. */
        int[] pairDocs;
        /** The type's documents (or, for the document total, all documents) per length class; null for words. */
        long[] lengths;

        TypeStats(long count, int docs, Sample sample, int[] pairDocs, long[] lengths) {
            this.count = count;
            this.docs = docs;
            this.sample = sample;
            this.pairDocs = pairDocs;
            this.lengths = lengths;
        }

        /** The word total carried under a key of its own. */
        public static TypeStats total(long value) {
            return new TypeStats(value, 0, null, null, null);
        }

        public long count() {
            return count;
        }

        public static TypeStats merge(TypeStats a, TypeStats b) {
            Sample s = a.sample;
            if (b.sample != null) {
                if (s == null) {
                    s = new Sample(b.sample.hash.length);
                }
                s.merge(b.sample);
            }
            int[] pairs = a.pairDocs == null ? b.pairDocs : a.pairDocs.clone();
            if (a.pairDocs != null && b.pairDocs != null) {
                for (int k = 0; k < pairs.length; k++) {
                    pairs[k] += b.pairDocs[k];
                }
            }
            long[] lengths = a.lengths == null ? b.lengths : a.lengths.clone();
            if (a.lengths != null && b.lengths != null) {
                for (int k = 0; k < lengths.length; k++) {
                    lengths[k] += b.lengths[k];
                }
            }
            return new TypeStats(a.count + b.count, a.docs + b.docs, s, pairs, lengths);
        }
    }

    /**
     * Bottom-k sample of distinct contexts: each context stands for its occurrence of least hash, and the k
     * contexts of least hash are kept (exact in one pass, in any order, and when merged: thresholds only fall).
     * Repeated text (copies of a page) therefore adds no evidence.
     */
    static final class Sample implements Serializable {
        private static final long serialVersionUID = 1L;
        int size;
        final long[] hash;
        final long[] doc;
        final int[] context;
        /** A fingerprint of each context, to find a repeated one quickly. */
        private final long[] keys;
        private int maxAt;

        Sample(int k) {
            keys = new long[k];
            hash = new long[k];
            doc = new long[k];
            context = new int[4 * k];
        }

        void offer(long h, long docKey, int[] ctx, int at) {
            int k = hash.length;
            if (size == k && Long.compareUnsigned(h, hash[maxAt]) >= 0) {
                return;
            }
            long key = contextKey(ctx, at);
            for (int i = 0; i < size; i++) {
                if (keys[i] == key && context[4 * i] == ctx[at] && context[4 * i + 1] == ctx[at + 1]
                        && context[4 * i + 2] == ctx[at + 2] && context[4 * i + 3] == ctx[at + 3]) {
                    if (Long.compareUnsigned(h, hash[i]) < 0) { // a context keeps its least hash
                        hash[i] = h;
                        doc[i] = docKey;
                        if (size == k) {
                            findMax();
                        }
                    }
                    return;
                }
            }
            int slot;
            if (size < k) {
                slot = size++;
            } else if (Long.compareUnsigned(h, hash[maxAt]) < 0) {
                slot = maxAt;
            } else {
                return;
            }
            hash[slot] = h;
            doc[slot] = docKey;
            keys[slot] = key;
            System.arraycopy(ctx, at, context, 4 * slot, 4);
            if (size == k) {
                findMax();
            }
        }

        /** The hash below which an occurrence may enter: the largest kept once full. */
        long threshold() {
            return size == hash.length ? hash[maxAt] : -1L;
        }

        private static long contextKey(int[] ctx, int at) {
            return ((long) ctx[at] * 0x9E3779B1L + ctx[at + 1]) * 0x85EBCA77L
                    + ((long) ctx[at + 2] * 0xC2B2AE3DL + ctx[at + 3]);
        }

        private void findMax() {
            maxAt = 0;
            for (int i = 1; i < hash.length; i++) {
                if (Long.compareUnsigned(hash[i], hash[maxAt]) > 0) {
                    maxAt = i;
                }
            }
        }

        void merge(Sample other) {
            for (int i = 0; i < other.size; i++) {
                offer(other.hash[i], other.doc[i], other.context, 4 * i);
            }
        }

        /** Indexes in ascending hash order (ties, which only identical occurrences share, by context). */
        Integer[] order() {
            Integer[] order = new Integer[size];
            for (int i = 0; i < size; i++) {
                order[i] = i;
            }
            Arrays.sort(order, Comparator.<Integer>comparingLong(i -> hash[i] ^ Long.MIN_VALUE)
                    .thenComparingLong(i -> doc[i])
                    .thenComparing(i -> Arrays.toString(Arrays.copyOfRange(context, 4 * i, 4 * i + 4))));
            return order;
        }
    }

    /** A scored observed type: its sampled contexts in order and the originals that survived. */
    private record Scored(int id, long[] docKeys, int[][] contexts, Original[] originals) {
    }

    /** One original of a scored type: its margin and context margin in each sampled context, and its counts. */
    private record Original(int id, double[] margins, double[] contextMargins, double frequencyRatio,
                            int sharedDocs, double cooccurrence) {
        double contextMarginSum() {
            return Arrays.stream(contextMargins).sum();
        }
    }

    /** The substitutions of a state, sorted by observed word, weight (descending) and original. */
    public List<MinedSubstitution> mine(State state, int threads) {
        state.endDocument();
        List<Integer> candidates = new ArrayList<>();
        for (int id = 0; id < state.count.length; id++) {
            Sample s = state.sampled[id];
            if (tracked[id] && s != null && s.size >= Math.min(settings.minOccurrences(), s.hash.length)
                    && state.count[id] >= settings.minOccurrences()
                    && state.docs[id] >= settings.minDocuments()
                    && Math.log10((double) state.count[id] / state.tokens) >= unigrams[id] - ENRICHMENT_SLACK) {
                candidates.add(id);
            }
        }
        Scored[] scored = new Scored[candidates.size()];
        ForkJoinPool pool = new ForkJoinPool(Math.max(1, threads));
        try {
            pool.submit(() -> IntStream.range(0, scored.length).parallel()
                    .forEach(i -> scored[i] = score(state, candidates.get(i)))).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CorpusException("interrupted");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }

        List<MinedSubstitution> out = select(state, scored, evidenceWeights(scored), settings.minAffinity(), 1);
        if (out.size() >= settings.seedRows()) {
            // Further rounds: the rows so far mark the documents they occur in, which is sharper evidence than
            // any single context's margin; every scored pair is weighed again by the marks. Pairs an earlier
            // round kept are written as that round found them.
            java.util.Set<String> known = new java.util.HashSet<>();
            out.forEach(m -> known.add(m.observed() + "\t" + m.original()));
            for (int round = 2; round <= ROUNDS; round++) {
                int before = out.size();
                for (MinedSubstitution m : select(state, scored, markWeights(scored, known), MARK_AFFINITY, round)) {
                    if (known.add(m.observed() + "\t" + m.original())) {
                        out.add(m);
                    }
                }
                if (out.size() == before) {
                    break;
                }
            }
        }
        out.sort(Comparator.comparing(MinedSubstitution::observed)
                .thenComparing(Comparator.comparingDouble(MinedSubstitution::weight).reversed())
                .thenComparing(MinedSubstitution::original));
        return out;
    }

    /**
     * Each sampled context's weight from its document's spin evidence: the share of the document's other
     * sampled contexts (of all scored types but this one) in which some original wins strongly, shrunk towards
     * the corpus-wide share. Index [scored type][context].
     */
    private static Weights evidenceWeights(Scored[] scored) {
        Map<Long, int[]> evidence = new HashMap<>();
        long strongAll = 0, all = 0;
        for (Scored s : scored) {
            for (int c = 0; c < s.docKeys.length; c++) {
                int[] e = evidence.computeIfAbsent(s.docKeys[c], k -> new int[2]);
                boolean strong = strong(s, c);
                e[0]++;
                e[1] += strong ? 1 : 0;
                all++;
                strongAll += strong ? 1 : 0;
            }
        }
        double prior = all == 0 ? 0 : (double) strongAll / all;
        double[][] weights = new double[scored.length][];
        for (int i = 0; i < scored.length; i++) {
            Scored s = scored[i];
            int n = s.docKeys.length;
            double[] weight = weights[i] = new double[n];
            for (int c = 0; c < n; c++) {
                int ownContexts = 0, ownStrong = 0;
                for (int d = 0; d < n; d++) {
                    if (s.docKeys[d] == s.docKeys[c]) {
                        ownContexts++;
                        ownStrong += strong(s, d) ? 1 : 0;
                    }
                }
                int[] e = evidence.get(s.docKeys[c]);
                weight[c] = (e[1] - ownStrong + SHRINK * prior + 1e-6) / (e[0] - ownContexts + SHRINK);
            }
        }
        return new Weights(weights, prior);
    }

    /** Per scored type and context, the weight of the context's document; and the corpus-wide share it is of. */
    private record Weights(double[][] weights, double prior) {
    }

    /**
     * Each sampled context's weight from the rows already mined ({@code pairs}: observed and original joined by
     * a tab): 1 where another observed word of those rows was sampled in the same document in a context its
     * original wins, else 0, shrunk towards the corpus-wide share of such contexts. A word's own marks never
     * count for it.
     */
    private Weights markWeights(Scored[] scored, java.util.Set<String> pairs) {
        Map<Long, long[]> marks = new HashMap<>(); // document → up to two marking word ids (enough to exclude one)
        for (Scored s : scored) {
            for (Original o : s.originals) {
                if (!pairs.contains(lm.word(s.id) + "\t" + lm.word(o.id))) {
                    continue;
                }
                for (int c = 0; c < s.docKeys.length; c++) {
                    if (o.contextMargins[c] > 0) {
                        long[] m = marks.computeIfAbsent(s.docKeys[c], k -> new long[] {-1, -1});
                        if (m[0] == -1 || m[0] == s.id) {
                            m[0] = s.id;
                        } else if (m[1] == -1) {
                            m[1] = s.id;
                        }
                    }
                }
            }
        }
        double[][] marked = new double[scored.length][];
        long all = 0, hit = 0;
        for (int i = 0; i < scored.length; i++) {
            Scored s = scored[i];
            marked[i] = new double[s.docKeys.length];
            for (int c = 0; c < s.docKeys.length; c++) {
                long[] m = marks.get(s.docKeys[c]);
                boolean other = m != null && (m[0] != s.id || m[1] != -1);
                marked[i][c] = other ? 1 : 0;
                all++;
                hit += other ? 1 : 0;
            }
        }
        double rate = all == 0 ? 0 : (double) hit / all;
        for (double[] w : marked) {
            for (int c = 0; c < w.length; c++) {
                w[c] = (w[c] + MARK_SHRINK * rate + 1e-6) / (1 + MARK_SHRINK);
            }
        }
        return new Weights(marked, rate);
    }

    /**
     * The rows of one round: for each scored type whose spin affinity (the mean weight of its contexts relative
     * to the corpus-wide mean, with pseudo-contexts of affinity 1) reaches {@code minAffinity}, the originals
     * that share its documents to a z-score of {@code minCooccurrence} and whose weighted share, margins and
     * documents pass the settings' gates; at most {@code maxOriginals} a type.
     */
    private List<MinedSubstitution> select(State state, Scored[] scored, Weights weighted, double minAffinity,
                                           int round) {
        double prior = weighted.prior();
        List<MinedSubstitution> out = new ArrayList<>();
        for (int i = 0; i < scored.length; i++) {
            Scored s = scored[i];
            int n = s.docKeys.length;
            double[] weight = weighted.weights()[i];
            double affinity = 0;
            for (double w : weight) {
                affinity += w;
            }
            affinity = (affinity / (prior + 1e-6) + AFFINITY_SHRINK) / (n + AFFINITY_SHRINK);
            if (affinity < minAffinity) {
                continue;
            }
            List<MinedSubstitution> kept = new ArrayList<>();
            for (Original o : s.originals) {
                double total = 0, positive = 0, sum = 0, contextSum = 0;
                java.util.Set<Long> positiveDocs = new java.util.HashSet<>();
                for (int c = 0; c < n; c++) {
                    double k = o.contextMargins[c];
                    total += weight[c];
                    sum += weight[c] * o.margins[c];
                    contextSum += weight[c] * k;
                    if (k > 0) {
                        positive += weight[c];
                        positiveDocs.add(s.docKeys[c]);
                    }
                }
                double share = positive / total;
                double mean = sum / total;
                double contextMean = contextSum / total;
                if (share < settings.minShare() || mean < settings.minMargin()
                        || contextMean < settings.minContextMargin()
                        || positiveDocs.size() < Math.min(settings.minDocuments(), state.docs[s.id])) {
                    continue;
                }
                long docs = state.docs[s.id];
                double w = share * (1 - Math.exp(-mean / 3)) * docs / (docs + 2.0);
                w = Math.max(0.001, Math.min(1, round(w)));
                kept.add(new MinedSubstitution(lm.word(s.id), lm.word(o.id), w, state.count[s.id], docs, n,
                        round(mean), round(contextMean), round(share), round(o.frequencyRatio), round(affinity),
                        o.sharedDocs, round(o.cooccurrence), round, examples(s, o)));
            }
            kept.sort(Comparator.comparingDouble(MinedSubstitution::meanMargin).reversed()
                    .thenComparing(MinedSubstitution::original));
            out.addAll(kept.subList(0, Math.min(kept.size(), settings.maxOriginals())));
        }
        return out;
    }

    private static boolean strong(Scored s, int c) {
        for (Original o : s.originals) {
            if (o.contextMargins[c] >= STRONG) {
                return true;
            }
        }
        return false;
    }

    private static double round(double x) {
        return Math.round(x * 1000) / 1000.0;
    }

    /** The observed type's contexts scored against each original that shares its documents beyond chance. */
    private Scored score(State state, int id) {
        Sample sample = state.sampled[id];
        Integer[] order = sample.order();
        int n = order.length;
        long[] docKeys = new long[n];
        int[][] contexts = new int[n][];
        double[] base = new double[n];
        for (int c = 0; c < n; c++) {
            int i = order[c];
            docKeys[c] = sample.doc[i];
            contexts[c] = Arrays.copyOfRange(sample.context, 4 * i, 4 * i + 4);
            base[c] = Double.NaN; // scored when an original first needs it
        }
        double unigram = unigrams[id];
        double corpus = Math.log10(state.count[id] + 0.5);
        int[] linked = thesaurus.neighbours(lm.word(id)).ids();
        List<Original> originals = new ArrayList<>();
        for (int t : linked) {
            int w = modelIdOf[t];
            if (w < 0 || w == id) {
                continue;
            }
            double prior = unigrams[w] - unigram;
            double ratio = corpus - Math.log10(state.count[w] + 0.5) + prior;
            if (prior < 0 || ratio < settings.minFrequencyRatio()) {
                continue; // the spinner's word is the rarer one, and the corpus has too much of it
            }
            // The co-occurrence test comes first: it needs no scoring, and it passes few pairs, so every context
            // of those can be scored (an early cut on the unweighted share of winning contexts lost the common
            // words a spinner swaps only some of the time: on the dev corpus half the swaps it could reach).
            int sharedDocs = state.sharedDocs(id, w);
            double expected = state.expectedShared(id, w);
            double cooccurrence = (sharedDocs - expected) / Math.sqrt(expected + 1);
            if (cooccurrence < settings.minCooccurrence()) {
                continue;
            }
            double[] m = new double[n];
            double[] k = new double[n];
            for (int c = 0; c < n; c++) {
                if (Double.isNaN(base[c])) {
                    base[c] = window(id, contexts[c]);
                }
                m[c] = window(w, contexts[c]) - base[c];
                k[c] = m[c] - prior;
            }
            originals.add(new Original(w, m, k, ratio, sharedDocs, cooccurrence));
        }
        if (originals.size() > MAX_SURVIVORS) { // keep the best: memory per scored word stays bounded
            originals.sort(Comparator.comparingDouble(Original::contextMarginSum).reversed()
                    .thenComparingInt(Original::id));
            originals = originals.subList(0, MAX_SURVIVORS);
        }
        return new Scored(id, docKeys, contexts, originals.toArray(new Original[0]));
    }

    /** log10 P of word x and the two words after it in the context (l2, l1, r1, r2). */
    private double window(int x, int[] ctx) {
        return lm.windowLog10Prob(x, ctx[1], ctx[0], ctx[2], ctx[3]);
    }

    /** Up to 3 contexts where the original wins most, with the original in brackets. */
    private List<String> examples(Scored s, Original o) {
        Integer[] best = new Integer[s.docKeys.length];
        for (int c = 0; c < best.length; c++) {
            best[c] = c;
        }
        double[] m = o.contextMargins;
        Arrays.sort(best, (a, b) -> Double.compare(m[b], m[a]));
        List<String> out = new ArrayList<>();
        for (int c : best) {
            if (out.size() == 3 || m[c] <= 0) {
                break;
            }
            int[] ctx = s.contexts[c];
            StringBuilder sb = new StringBuilder();
            if (ctx[1] >= 0) {
                if (ctx[0] >= 0) {
                    sb.append(lm.word(ctx[0])).append(' ');
                }
                sb.append(lm.word(ctx[1])).append(' ');
            }
            sb.append('[').append(lm.word(o.id)).append(']');
            if (ctx[2] >= 0) {
                sb.append(' ').append(lm.word(ctx[2]));
                if (ctx[3] >= 0) {
                    sb.append(' ').append(lm.word(ctx[3]));
                }
            }
            String example = sb.toString();
            if (!out.contains(example)) {
                out.add(example);
            }
        }
        return out;
    }
}
