package org.unspin.lexicon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CanonicalLexiconTest {
    private final CanonicalLexicon lexicon = CanonicalLexicon.shipped();

    @ParameterizedTest
    @ValueSource(strings = {"as well as", "freedom of movement", "secretary of state", "national press club",
            "artificial intelligence", "random forest", "deep learning", "travel documents",
            "house armed services committee", "kernel of truth", "because of", "over the past",
            "federal reserve board", "department of agriculture", "secretaries of state"})
    void containsCanonicalPhrases(String phrase) {
        assertThat(lexicon.contains(phrase)).as(phrase).isTrue();
        assertThat(lexicon.sources(phrase)).as(phrase).isNotZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"secretary of condition", "countrywide press club", "as perfectly as",
            "counterfeit consciousness", "as well", "as well as the", "well as", "", "as  well as"})
    void rejectsSpunAndPartialPhrases(String phrase) {
        // "as well" is itself listed; the others are spun, partial or not in key form.
        assertThat(lexicon.contains(phrase)).as(phrase).isEqualTo(phrase.equals("as well"));
    }

    @Test
    void keysAreLowerCaseOnly() {
        assertThat(lexicon.contains("National Press Club")).isFalse();
    }

    @Test
    void properFormKeepsTheCaseOfNamesOnly() {
        assertThat(lexicon.properForm("house armed services committee")).isEqualTo("House Armed Services Committee");
        assertThat(lexicon.properForm("national press club")).isEqualTo("National Press Club");
        // Listed in lower case by some source: an office, not only a name.
        assertThat(lexicon.properForm("secretary of state")).isNull();
        assertThat(lexicon.properForm("as well as")).isNull();
        assertThat(lexicon.properForm("no such phrase here")).isNull();
    }

    @Test
    void sourcesNameTheListsThatHoldThePhrase() {
        int bits = lexicon.sources("random forest");
        int curated = lexicon.sourceNames().indexOf("curated-ml-computing");
        assertThat(curated).isNotNegative();
        assertThat(bits & (1 << curated)).isNotZero();
        int wordnet = lexicon.sourceNames().indexOf("wordnet");
        assertThat(lexicon.sources("secretary of state") & (1 << wordnet)).isNotZero();
        assertThat(lexicon.sources("countrywide press club")).isZero();
    }

    @Test
    void isLargeAndSorted() {
        assertThat(lexicon.size()).isGreaterThanOrEqualTo(100_000);
        for (int i = 1; i < lexicon.size(); i++) {
            byte[] previous = lexicon.phrase(i - 1).getBytes(StandardCharsets.UTF_8);
            byte[] current = lexicon.phrase(i).getBytes(StandardCharsets.UTF_8);
            assertThat(java.util.Arrays.compareUnsigned(previous, current)).isNegative();
        }
    }

    @Test
    void nearMissFindsTheOfficeBehindASpunWord() {
        List<CanonicalLexicon.NearMiss> found = lexicon.nearMisses(List.of("secretary", "of", "condition"), 1);
        assertThat(found).contains(new CanonicalLexicon.NearMiss("secretary of state", 1));
        List<String> span = List.of("secretary", "of", "condition");
        assertThat(found).allSatisfy(m -> {
            String[] words = m.phrase().split(" ");
            assertThat(words).hasSize(3);
            int differing = 0;
            for (int i = 0; i < 3; i++) {
                differing += words[i].equals(span.get(i)) ? 0 : 1;
            }
            assertThat(differing).isEqualTo(m.differences()).isEqualTo(1);
            assertThat(lexicon.contains(m.phrase())).isTrue();
        });
    }

    @Test
    void nearMissFindsATermWithItsFirstWordSpun() {
        assertThat(lexicon.nearMisses(List.of("Counterfeit", "Intelligence"), 1))
                .contains(new CanonicalLexicon.NearMiss("artificial intelligence", 1));
        assertThat(lexicon.nearMisses(List.of("countrywide", "press", "club"), 1))
                .contains(new CanonicalLexicon.NearMiss("national press club", 1));
    }

    @Test
    void nearMissWithTwoDifferencesAndExactMatchesFirst() {
        List<CanonicalLexicon.NearMiss> two = lexicon.nearMisses(List.of("secretary", "for", "condition"), 2);
        assertThat(two).contains(new CanonicalLexicon.NearMiss("secretary of state", 2));
        assertThat(lexicon.nearMisses(List.of("secretary", "for", "condition"), 1))
                .doesNotContain(new CanonicalLexicon.NearMiss("secretary of state", 2));
        List<CanonicalLexicon.NearMiss> exact = lexicon.nearMisses(List.of("secretary", "of", "state"), 1);
        assertThat(exact.get(0)).isEqualTo(new CanonicalLexicon.NearMiss("secretary of state", 0));
    }

    @Test
    void nearMissIndexIsBuiltOnceUnderConcurrentFirstUse() throws Exception {
        CanonicalLexicon fresh = CanonicalLexicon.load(Path.of("dictionaries", CanonicalLexicon.FILE_NAME));
        List<String> span = List.of("national", "press", "guild");
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<List<CanonicalLexicon.NearMiss>>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> fresh.nearMisses(span, 1)));
            }
            List<CanonicalLexicon.NearMiss> first = results.get(0).get();
            assertThat(first).contains(new CanonicalLexicon.NearMiss("national press club", 1));
            for (var r : results) {
                assertThat(r.get()).isEqualTo(first);
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void nearMissRejectsADifferenceCountThatLeavesNothingToMatch() {
        assertThatThrownBy(() -> lexicon.nearMisses(List.of("as", "well"), 2))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void loadsAFileAndNamesTheBadLine(@TempDir Path dir) throws IOException {
        Path good = write(dir.resolve("good.tsv.gz"), CanonicalLexicon.MAGIC + "\n#sources\ta\tb\n"
                + "as well as\t\tb\nnational press club\tNational Press Club\ta,b\n");
        CanonicalLexicon small = CanonicalLexicon.load(good);
        assertThat(small.size()).isEqualTo(2);
        assertThat(small.sources("national press club")).isEqualTo(3);
        assertThat(small.properForm("national press club")).isEqualTo("National Press Club");
        assertThat(small.nearMisses(List.of("as", "good", "as"), 1))
                .containsExactly(new CanonicalLexicon.NearMiss("as well as", 1));

        Path unsorted = write(dir.resolve("unsorted.tsv.gz"), CanonicalLexicon.MAGIC + "\n#sources\ta\n"
                + "b c\t\ta\na b\t\ta\n");
        assertThatThrownBy(() -> CanonicalLexicon.load(unsorted)).isInstanceOf(DictionaryException.class)
                .hasMessageContaining("unsorted.tsv.gz:4:");
        Path unknownSource = write(dir.resolve("source.tsv.gz"), CanonicalLexicon.MAGIC + "\n#sources\ta\n"
                + "a b\t\tzzz\n");
        assertThatThrownBy(() -> CanonicalLexicon.load(unknownSource)).isInstanceOf(DictionaryException.class)
                .hasMessageContaining("source.tsv.gz:3:").hasMessageContaining("zzz");
        Path noHeader = write(dir.resolve("plain.tsv.gz"), "a b\t\ta\n");
        assertThatThrownBy(() -> CanonicalLexicon.load(noHeader)).isInstanceOf(DictionaryException.class)
                .hasMessageContaining("plain.tsv.gz:1:");
    }

    private static Path write(Path file, String content) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }
}
