package org.unspin.lexicon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Prints load time and lookup rates; asserts only that the work was done (no timing assertions). */
class NgramThroughputTest {
    private static final int LOOKUPS = 500_000;

    @Test
    void printsLoadTimeAndTrigramLookupsPerSecond() throws IOException {
        NgramModel lm = NgramModelTest.installedModel();
        long fastestOpen = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            long started = System.nanoTime();
            assertThat(NgramModel.open(lm.file()).count(3)).isEqualTo(lm.count(3));
            fastestOpen = Math.min(fastestOpen, System.nanoTime() - started);
        }
        System.out.printf("[ngram] reopen (warm JVM, file in page cache): %.1f ms%n", fastestOpen / 1e6);

        // Stored trigrams (every lookup walks to the trigram level) and random id triples (mostly backoff).
        int[][] stored = storedTrigrams(lm, LOOKUPS);
        SplittableRandom random = new SplittableRandom(7);
        int[][] randomIds = new int[LOOKUPS][3];
        for (int[] ids : randomIds) {
            for (int k = 0; k < 3; k++) {
                ids[k] = random.nextInt(lm.vocabularySize());
            }
        }
        for (int round = 0; round < 3; round++) { // the first round warms up the JIT
            report(lm, "stored trigrams", stored);
            report(lm, "random word triples", randomIds);
        }
        long started = System.nanoTime();
        double total = 0;
        for (int i = 0; i < 100_000; i++) {
            total += lm.scoreSequence("the", "secretary", "of", "state", "said", "on", "monday");
        }
        System.out.printf("[ngram] scoreSequence of 7 words (incl. hashing): %.0f words/s%n",
                700_000 / ((System.nanoTime() - started) / 1e9));
        assertThat(total).isNegative();
    }

    private static void report(NgramModel lm, String what, int[][] triples) {
        long started = System.nanoTime();
        double sum = 0;
        for (int[] t : triples) {
            sum += lm.log10Prob(t[0], t[1], t[2]);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("[ngram] %s: %.2f million lookups/s (mean log10 %.2f)%n",
                what, triples.length / seconds / 1e6, sum / triples.length);
        assertThat(sum).isNegative();
    }

    /** Evenly spaced stored trigrams as {w, h1, h2}, found by walking the tree. */
    private static int[][] storedTrigrams(NgramModel lm, int wanted) {
        NgramLevel bigrams = lm.level(2);
        NgramLevel trigrams = lm.level(3);
        int step = (int) Math.max(1, lm.count(3) / wanted);
        int[][] result = new int[(int) Math.min(wanted, lm.count(3) / step)][];
        int filled = 0;
        for (int w = 0; w < lm.count(1) && filled < result.length; w++) {
            for (int b = lm.bigramStart(w); b < lm.bigramStart(w + 1) && filled < result.length; b++) {
                for (int t = bigrams.next(b); t < bigrams.next(b + 1) && filled < result.length; t += step) {
                    result[filled++] = new int[] {w, bigrams.word(b), trigrams.word(t)};
                }
            }
        }
        int[][] repeated = new int[wanted][];
        for (int i = 0; i < wanted; i++) {
            repeated[i] = result[(int) ((long) i * 7919 % filled)]; // shuffled so the access pattern is not sequential
        }
        return repeated;
    }
}
