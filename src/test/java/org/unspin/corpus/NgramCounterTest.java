package org.unspin.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unspin.lexicon.CorpusModel;

class NgramCounterTest {
    @TempDir
    Path dir;

    @Test
    void countsWordNgramsExactlyWithinRunsOfWords() {
        NgramCounter c = new NgramCounter(1000);
        c.add("The cat sat on the mat. The CAT sat down,");
        c.add("and the cat\u2019s toy stayed"); // one line break continues the run
        c.add("  ");
        c.endRun(); // a blank line: a new paragraph
        c.add("put 3 cats; The Cat sat");
        assertThat(c.tokens()).isEqualTo(20);
        assertThat(c.count("the")).isEqualTo(5);
        assertThat(c.count("the", "cat")).isEqualTo(3);
        assertThat(c.count("THE", "Cat", "sat")).isEqualTo(3);
        assertThat(c.count("cat", "sat", "on")).isEqualTo(1);
        assertThat(c.count("mat", "the")).as("a full stop ends the run").isZero();
        assertThat(c.count("down", "and")).as("a comma ends it too").isZero();
        assertThat(c.count("the", "cat's", "toy")).as("curly apostrophes fold to straight ones").isEqualTo(1);
        assertThat(c.count("put", "cats")).as("a number breaks the run").isZero();
        assertThat(c.count("3")).as("numbers are not words").isZero();
        assertThat(c.threshold()).isZero();
        assertThat(c.prunes()).isZero();
    }

    @Test
    void runsContinueOverOneLineBreakButNotOverAParagraphBreak() {
        NgramCounter c = new NgramCounter(1000);
        c.add("rising prices\nand wages\n\nfell again");
        c.add("later");
        assertThat(c.count("prices", "and")).isEqualTo(1);
        assertThat(c.count("prices", "and", "wages")).isEqualTo(1);
        assertThat(c.count("wages", "fell")).isZero();
        assertThat(c.count("again", "later")).isEqualTo(1);
    }

    @Test
    void batchesOfKeysCountAsTheirLinesWouldWhereverTheyCutARun() throws Exception {
        String[] lines = {"the new", "regulatory", "framework of the", "state", "", "it held", "firm, and", "so", "did"};
        NgramCounter direct = new NgramCounter(1000);
        for (String line : lines) {
            if (line.isBlank()) {
                direct.endRun();
            } else {
                direct.add(line);
            }
        }
        // every cut: batches of one line (one word, no run ended in it), two lines and three
        for (int per = 1; per <= 3; per++) {
            NgramCounter batched = new NgramCounter(1000);
            for (int from = 0; from < lines.length; from += per) {
                NgramKeys batch = new NgramKeys(true);
                for (int i = from; i < Math.min(from + per, lines.length); i++) {
                    if (lines[i].isBlank()) {
                        batch.endRun();
                    } else {
                        batch.add(lines[i]);
                    }
                }
                batched.apply(batch);
            }
            assertThat(batched.count("new", "regulatory", "framework")).isEqualTo(1);
            assertThat(batched.count("of", "the", "state")).isEqualTo(1);
            assertThat(batched.count("state", "it")).isZero();
            assertThat(batched.count("and", "so", "did")).isEqualTo(1);
            assertThat(batched.tokens()).isEqualTo(direct.tokens());
            direct.write(dir.resolve("direct.model"));
            batched.write(dir.resolve("batched.model"));
            assertThat(Files.readAllBytes(dir.resolve("batched.model")))
                    .isEqualTo(Files.readAllBytes(dir.resolve("direct.model")));
        }
    }

    @Test
    void aPruneFindsItsCutFarAboveTheThresholdToo() {
        NgramCounter c = new NgramCounter(16);
        c.add("alpha beta gamma ".repeat(5000)); // 9 n-grams: 6 counted 5000 times, 3 (across a cycle) 4999
        for (int i = 0; i < 5000; i++) {
            c.endRun();
            c.add("delta epsilon"); // 3 more counted 5000 times
        }
        for (String word : new String[] {"one", "two", "three", "four"}) {
            c.endRun();
            c.add(word);
        }
        // 16 entries: freeing 8 takes the four new ones, the three at 4999 and one at 5000, so all go
        assertThat(c.prunes()).isEqualTo(1);
        assertThat(c.threshold()).isEqualTo(5000);
        assertThat(c.size()).isZero();
    }

    @Test
    void pruningKeepsFrequentNgramsWithinTheDocumentedBoundAndBoundsTheTable() {
        int max = 2000;
        NgramCounter c = new NgramCounter(max);
        Random random = new Random(7);
        Map<String, Integer> truth = new HashMap<>();
        int maxSlots = 0;
        for (int i = 0; i < 20_000; i++) {
            // a frequent phrase among unique words: "w123 w456 the regulatory framework."
            String a = "w" + random.nextInt(1_000_000), b = "w" + random.nextInt(1_000_000);
            String line = i % 4 == 0 ? a + " " + b + " the regulatory framework." : a + " " + b + ".";
            c.add(line);
            truth.merge("the regulatory framework", i % 4 == 0 ? 1 : 0, Integer::sum);
            assertThat(c.size()).isLessThan(max);
            maxSlots = Math.max(maxSlots, c.slots());
        }
        assertThat(c.prunes()).isPositive();
        int t = c.threshold();
        assertThat(t).isPositive();
        assertThat(maxSlots).as("the table never grows past its bound").isLessThanOrEqualTo(4096);
        long seen = truth.get("the regulatory framework");
        assertThat(c.count("the", "regulatory", "framework")).isBetween(seen, seen + t);
        assertThat(c.count("regulatory")).isBetween(seen, seen + t);
        assertThat(c.tokens()).isEqualTo(20_000L * 2 + 5_000 * 3);
    }

    @Test
    void sameInputGivesTheSameModelBytes() throws Exception {
        Path first = dir.resolve("a.model"), second = dir.resolve("b.model");
        for (Path out : new Path[] {first, second}) {
            NgramCounter c = new NgramCounter(500);
            Random random = new Random(3);
            for (int i = 0; i < 3000; i++) {
                c.add("the word w" + random.nextInt(900) + " and w" + random.nextInt(50));
            }
            assertThat(c.prunes()).isPositive();
            c.write(out);
        }
        assertThat(Files.readAllBytes(first)).isEqualTo(Files.readAllBytes(second));
        assertThat(Files.list(dir)).as("no temporary file left").hasSize(2);
    }

    @Test
    void theModelAnswersLikeTheCounter() throws Exception {
        NgramCounter c = new NgramCounter(1000);
        c.add("As well as the budget, as well as the plan, as well as taxes.");
        Path file = dir.resolve("m.model");
        c.write(file);
        CorpusModel m = CorpusModel.open(file);
        assertThat(m.tokens()).isEqualTo(c.tokens());
        assertThat(m.size()).isEqualTo(c.size());
        assertThat(m.threshold()).isZero();
        assertThat(m.count("as", "well", "as")).isEqualTo(3).isEqualTo(c.count("as", "well", "as"));
        assertThat(m.count("As", "WELL")).isEqualTo(3);
        assertThat(m.count("as")).isEqualTo(6);
        assertThat(m.count("the", "budget")).isEqualTo(1);
        assertThat(m.count("budget", "as")).isZero();
        assertThat(m.count("perfectly")).isZero();
        assertThatThrownBy(() -> m.count("a", "b", "c", "d")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void badBoundsAreRejected() {
        assertThatThrownBy(() -> new NgramCounter(3)).isInstanceOf(IllegalArgumentException.class);
    }
}
