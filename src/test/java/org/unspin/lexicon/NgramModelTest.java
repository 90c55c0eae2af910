package org.unspin.lexicon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads Debian's pocketsphinx-en-us trigram model (apt-get install -y pocketsphinx-en-us, or point the
 * UNSPIN_LM system property / environment variable at an en-us.lm.bin); the model tests skip without it.
 */
class NgramModelTest {
    private static final double LOG10_PER_SPHINX_UNIT = Math.log10(1.0001);
    private static NgramModel model;

    /** The installed model, opened once per JVM; skips the calling test when it is not installed. */
    static synchronized NgramModel installedModel() throws IOException {
        Optional<Path> path = NgramModel.findInstalled();
        org.unspin.TestResources.need(path.isPresent(), "no trigram model: run `apt-get install -y pocketsphinx-en-us` or set "
                + "UNSPIN_LM to an en-us.lm.bin (looked at " + NgramModel.configuredPath() + ")");
        if (model == null) {
            long started = System.nanoTime();
            model = NgramModel.open(path.get());
            System.out.printf("[ngram] opened %s in %.1f ms%n", path.get(), (System.nanoTime() - started) / 1e6);
        }
        return model;
    }

    @BeforeAll
    static void open() throws IOException {
        if (NgramModel.findInstalled().isPresent()) {
            installedModel();
        }
    }

    @Test
    void headerCountsAndUsedEntries() throws IOException {
        NgramModel lm = installedModel();
        assertThat(lm.order()).isEqualTo(3);
        assertThat(lm.vocabularySize()).isEqualTo(72_547);
        assertThat(new long[] {lm.count(1), lm.count(2), lm.count(3)}).containsExactly(72_547, 2_051_541, 1_669_625);
        // The header announces six bigram slots more than are filled (why sphinx_lm_convert aborts on this file).
        assertThat(lm.declaredCount(2)).isEqualTo(2_051_547);
        assertThat(lm.declaredCount(3)).isEqualTo(1_669_625);
    }

    @Test
    void rangesAreMonotoneAndEveryStoredNgramIsFoundByLookup() throws IOException {
        NgramModel lm = installedModel();
        NgramLevel bigrams = lm.level(2);
        NgramLevel trigrams = lm.level(3);
        assertThat(lm.bigramStart((int) lm.count(1))).isEqualTo(lm.count(2));
        assertThat(bigrams.next((int) lm.count(2))).isEqualTo(lm.count(3));
        long checked = 0;
        int unsortedRanges = 0;
        for (int w = 0; w < lm.count(1); w++) {
            int begin = lm.bigramStart(w);
            int end = lm.bigramStart(w + 1);
            assertThat(end).as("bigram range end of word %d", w).isGreaterThanOrEqualTo(begin);
            unsortedRanges += unsorted(bigrams, begin, end);
            for (int bigram = begin; bigram < end; bigram++) {
                int h1 = bigrams.word(bigram);
                assertStoredScore(lm, w, h1, -1, bigrams.prob(bigram));
                int trigramBegin = bigrams.next(bigram);
                int trigramEnd = bigrams.next(bigram + 1);
                assertThat(trigramEnd).as("trigram range end of bigram %d", bigram).isGreaterThanOrEqualTo(trigramBegin);
                unsortedRanges += unsorted(trigrams, trigramBegin, trigramEnd);
                for (int trigram = trigramBegin; trigram < trigramEnd; trigram++) {
                    assertStoredScore(lm, w, h1, trigrams.word(trigram), trigrams.prob(trigram));
                }
                checked += 1 + trigramEnd - trigramBegin;
            }
        }
        assertThat(checked).isEqualTo(lm.count(2) + lm.count(3));
        // Two 2-entry trigram ranges are stored out of order; the reader scans short ranges, so it still finds them.
        System.out.printf("[ngram] %d stored n-grams found by lookup; %d ranges out of order%n", checked, unsortedRanges);
        assertThat(unsortedRanges).isEqualTo(2);
    }

    /** 1 if the words in [begin, end) are not strictly ascending; fails if such a range is too long to scan. */
    private static int unsorted(NgramLevel level, int begin, int end) {
        for (int index = begin + 1; index < end; index++) {
            if (level.word(index) <= level.word(index - 1)) {
                assertThat(end - begin).as("unsorted range at %d", begin).isLessThanOrEqualTo(NgramLevel.LINEAR_SCAN_MAX);
                return 1;
            }
        }
        return 0;
    }

    private static void assertStoredScore(NgramModel lm, int w, int h1, int h2, float storedUnits) {
        double score = lm.log10Prob(w, h1, h2);
        if (score != storedUnits * LOG10_PER_SPHINX_UNIT) {
            throw new AssertionError(String.format("%s %s %s: lookup gives %f, stored %f", h2 < 0 ? "" : lm.word(h2),
                    lm.word(h1), lm.word(w), score, storedUnits * LOG10_PER_SPHINX_UNIT));
        }
        if (score > lm.log10ProbBound(w)) {
            throw new AssertionError(lm.word(w) + ": stored " + score + " above its bound " + lm.log10ProbBound(w));
        }
    }

    @Test
    void vocabularyRoundTripsAndIsCaseInsensitive() throws IOException {
        NgramModel lm = installedModel();
        for (int id = 0; id < lm.vocabularySize(); id++) {
            String word = lm.word(id);
            if (lm.wordId(word) != id) {
                throw new AssertionError("word " + id + " '" + word + "' maps back to " + lm.wordId(word));
            }
        }
        assertThat(lm.word(lm.wordId("secretary"))).isEqualTo("secretary");
        assertThat(lm.wordId("Secretary")).isEqualTo(lm.wordId("secretary"));
        assertThat(lm.wordId("<s>")).isNotNegative();
        assertThat(lm.wordId("xyzzyq")).isEqualTo(-1);
        assertThat(lm.wordId("")).isEqualTo(-1);
    }

    /*
     * Reference scores from sphinxbase's own reader (Debian package sphinxbase-utils), in sphinx's integer
     * log-base-1.0001 units, produced by:
     *   sphinx_lm_eval -lm /usr/share/pocketsphinx/model/en-us/en-us.lm.bin -text "SENTENCE" -verbose yes
     * ("lm score:" line; -verbose prints the per-word terms). -text adds no <s>/</s>; a leading <s> is context only.
     */
    private static final Object[][] SPHINX_LM_EVAL = {
        {"they need travel documents to cross the border", -432802},
        {"they need journey paperwork to cross the border", -502295},
        {"the united nations voted to lift sanctions against iraq", -516191},
        {"the united nations voted to carry sanctions against iraq", -568616},
        {"she can sing as well as her sister", -372390},
        {"she can sing as perfectly as her sister", -464599},
        {"recent advances in deep learning", -347815},
        {"recent advances in profound learning", -415223},
        {"new sanctions against the regime in tehran", -357229},
        {"new sanctions against the routine in tehran", -450878},
        {"<s> the secretary of state said on monday </s>", -288092},
        {"<s> the secretary of condition said on monday </s>", -422984},
    };

    @Test
    void sentenceScoresMatchSphinxLmEval() throws IOException {
        NgramModel lm = installedModel();
        for (Object[] reference : SPHINX_LM_EVAL) {
            String sentence = (String) reference[0];
            double expected = (int) reference[1] * LOG10_PER_SPHINX_UNIT;
            assertThat(lm.scoreSequence(sentence.split(" "))).as(sentence).isCloseTo(expected, within(1e-3));
        }
    }

    @Test
    void eachTermMatchesSphinxLmEval() throws IOException {
        NgramModel lm = installedModel();
        // sphinx_lm_eval ... -text "they need journey paperwork to cross the border" -verbose yes, printed as
        // "log P(w|h2 h1 ) = units"; covers trigram hits and backoff to bigrams and unigrams.
        Object[][] terms = {
            {"they", null, null, -50476}, {"need", "they", null, -45648}, {"journey", "need", "they", -129673},
            {"paperwork", "journey", "need", -129733}, {"to", "paperwork", "journey", -28065},
            {"cross", "to", "paperwork", -84657}, {"the", "cross", "to", -10364}, {"border", "the", "cross", -23679},
        };
        for (Object[] term : terms) {
            int h1 = term[1] == null ? -1 : lm.wordId((String) term[1]);
            int h2 = term[2] == null ? -1 : lm.wordId((String) term[2]);
            double expected = (int) term[3] * LOG10_PER_SPHINX_UNIT;
            assertThat(lm.log10Prob(lm.wordId((String) term[0]), h1, h2)).as(Arrays.toString(term))
                    .isCloseTo(expected, within(1e-4));
        }
    }

    @Test
    void slotSumsAreTheSameDoublesAndWordBoundsHold() throws IOException {
        NgramModel lm = installedModel();
        String text = Files.readString(Path.of("testdata/clean-sotu-excerpt.txt")).toLowerCase(java.util.Locale.ROOT);
        int[] ids = Arrays.stream(text.split("[^a-z']+")).filter(t -> !t.isEmpty()).mapToInt(lm::wordId).toArray();
        java.util.SplittableRandom random = new java.util.SplittableRandom(11);
        long compared = 0;
        for (int i = 2; i + 2 < ids.length; i++) {
            for (int shape = 0; shape < 4; shape++) { // full window, ends after n1, ends after w, no history
                int h2 = ids[i - 2], h1 = shape == 3 ? -1 : ids[i - 1];
                int n1 = shape == 2 ? -1 : ids[i + 1], n2 = shape >= 1 ? -1 : ids[i + 2];
                NgramModel.Slot slot = lm.slot(h2, h1, n1, n2);
                int[] followers = h1 < 0 ? new int[0] : lm.followers(h1);
                for (int k = 0; k < 12; k++) {
                    int w = k == 0 ? ids[i] : k < 8 && followers.length > 0
                            ? followers[random.nextInt(followers.length)] : random.nextInt(lm.vocabularySize());
                    int[] window = {h2, h1, w, n1, n2};
                    int to = n1 < 0 ? 3 : n2 < 0 ? 4 : 5;
                    double plain = lm.log10ProbSum(window, 2, to, Double.NEGATIVE_INFINITY);
                    assertThat(slot.log10ProbSum(w, Double.NEGATIVE_INFINITY)).isEqualTo(plain);
                    double least = plain + random.nextDouble(-2, 2);
                    double cut = slot.log10ProbSum(w, least);
                    assertThat(cut).isEqualTo(plain >= least ? plain : Double.NEGATIVE_INFINITY);
                    assertThat(lm.log10Prob(w, h1, h2)).isLessThanOrEqualTo(lm.log10ProbBound(w));
                    compared++;
                }
            }
        }
        assertThat(compared).isGreaterThan(1000);
    }

    @Test
    void unknownWordScoresTheFloorAndCutsTheHistory() throws IOException {
        NgramModel lm = installedModel();
        // sphinx_lm_eval ... -text "<s> they need xyzzyq documents </s>" gives -216459: it drops the unknown word
        // and scores "documents" with no history; this reader adds the documented floor for the unknown word.
        double sphinx = -216459 * LOG10_PER_SPHINX_UNIT;
        assertThat(lm.scoreSequence("<s>", "they", "need", "xyzzyq", "documents", "</s>"))
                .isCloseTo(sphinx + lm.unknownLog10(), within(1e-3));
        assertThat(lm.log10Prob(-1, lm.wordId("the"), -1)).isEqualTo(lm.unknownLog10());
        // No <unk> in this model: the floor is the rarest real word's unigram (<s> has -99 and is never predicted).
        assertThat(lm.wordId("<unk>")).isEqualTo(-1);
        double rarest = Double.POSITIVE_INFINITY;
        for (int id = 0; id < lm.vocabularySize(); id++) {
            if (id != lm.wordId("<s>")) {
                rarest = Math.min(rarest, lm.log10Prob(id, -1, -1));
            }
        }
        assertThat(lm.unknownLog10()).isEqualTo(rarest).isCloseTo(-9.47, within(0.01));
    }

    @Test
    void rejectsAFileThatIsNotATrieModel(@TempDir Path dir) throws IOException {
        Path text = dir.resolve("model.arpa");
        Files.writeString(text, "\\data\\\nngram 1=3\n");
        assertThatThrownBy(() -> NgramModel.open(text)).isInstanceOf(NgramFormatException.class)
                .hasMessageStartingWith(text + ": byte 0: ");
        Path empty = Files.write(dir.resolve("empty.bin"), new byte[0]);
        assertThatThrownBy(() -> NgramModel.open(empty)).isInstanceOf(NgramFormatException.class)
                .hasMessageContaining("byte 0: file ends inside the header");
    }

    @Test
    void rejectsATruncatedModel(@TempDir Path dir) throws IOException {
        Path source = installedModel().file();
        Path truncated = dir.resolve("truncated.lm.bin");
        byte[] head = new byte[20_000_000];
        try (var in = Files.newInputStream(source)) {
            assertThat(in.readNBytes(head, 0, head.length)).isEqualTo(head.length);
        }
        Files.write(truncated, head);
        // 36 header bytes + 3 quantisation tables + 72,548 unigram records + 17,951,053 bytes of bigrams.
        assertThatThrownBy(() -> NgramModel.open(truncated)).isInstanceOf(NgramFormatException.class)
                .hasMessage(truncated + ": byte 19608097: file ends inside the bit-packed 3-gram array"
                        + " (needs 6887216 bytes, 391903 remain)");
    }
}
