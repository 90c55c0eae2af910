package org.unspin.lexicon;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Lookups in the shipped thesaurus (dictionaries/thesaurus.bin). */
class ThesaurusTest {
    private static final Path ARTIFACT = Path.of("dictionaries/thesaurus.bin");
    private static Thesaurus thesaurus;

    @BeforeAll
    static void load() {
        long start = System.nanoTime();
        thesaurus = Thesaurus.load(ARTIFACT);
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("thesaurus: %d words, %d directed links, loaded in %d ms%n",
                thesaurus.wordCount(), thesaurus.linkCount(), millis);
        assertThat(millis).as("load time (ms), target 500 on a quiet machine").isLessThan(5_000);
    }

    private static Optional<Thesaurus.Link> link(String observed, String original) {
        return thesaurus.originalsFor(observed).stream().filter(l -> l.original().equals(original)).findFirst();
    }

    private static List<Thesaurus.Link> links(String observed, String original) {
        return thesaurus.originalsFor(observed).stream().filter(l -> l.original().equals(original)).toList();
    }

    @ParameterizedTest(name = "{0} <- {1}")
    @CsvSource({
            "perfectly, well",
            "condition, state",
            "countrywide, national",
            "motion, action",
            "modified, changed",
            "assaults, attacks",
            "counterfeit, artificial",
            "consciousness, intelligence",
    })
    void spunWordLeadsBackToTheOriginal(String spun, String original) {
        assertThat(thesaurus.originalsFor(spun)).extracting(Thesaurus.Link::original).contains(original);
    }

    @Test
    void linksGoBothWaysWithInverseKinds() {
        assertThat(thesaurus.originalsFor("state")).extracting(Thesaurus.Link::original).contains("condition");
        assertThat(thesaurus.originalsFor("condition")).extracting(Thesaurus.Link::original).contains("state");
        // WordNet: "state" is a hypernym of "condition"
        assertThat(links("condition", "state")).anyMatch(l -> l.kind() == Thesaurus.Kind.BROADER
                && l.from(Thesaurus.WORDNET));
        assertThat(links("state", "condition")).anyMatch(l -> l.kind() == Thesaurus.Kind.NARROWER
                && l.from(Thesaurus.WORDNET));
        assertThat(links("state", "condition")).noneMatch(l -> l.kind() == Thesaurus.Kind.BROADER);
    }

    @Test
    void sourcesAreKeptPerLink() {
        Thesaurus.Link wellPerfectly = link("perfectly", "well").orElseThrow();
        assertThat(wellPerfectly.sources()).isEqualTo(Thesaurus.MOBY);
        assertThat(wellPerfectly.kind()).isEqualTo(Thesaurus.Kind.SYNONYM);
        assertThat(wellPerfectly.inflected()).isFalse();
        // "countrywide, nationwide" is one WordNet synset, and MyThes lists them as synonyms
        Thesaurus.Link nationwide = link("countrywide", "nationwide").orElseThrow();
        assertThat(nationwide.from(Thesaurus.WORDNET)).isTrue();
        assertThat(nationwide.from(Thesaurus.MYTHES)).isTrue();
        assertThat(nationwide.kind()).isEqualTo(Thesaurus.Kind.SYNONYM);
    }

    @Test
    void aRestrictedThesaurusKeepsOnlyTheChosenSourcesLinks() {
        Thesaurus moby = thesaurus.restrictedTo(Thesaurus.MOBY);
        Thesaurus wordNet = thesaurus.restrictedTo(Thesaurus.WORDNET | Thesaurus.MYTHES);
        assertThat(moby.originalsFor("perfectly")).extracting(Thesaurus.Link::original).contains("well");
        assertThat(wordNet.originalsFor("perfectly")).extracting(Thesaurus.Link::original).doesNotContain("well");
        // "countrywide"/"nationwide" is WordNet and MyThes: the restricted view keeps those bits only
        assertThat(wordNet.originalsFor("countrywide")).filteredOn(l -> l.original().equals("nationwide"))
                .isNotEmpty().allMatch(l -> (l.sources() & Thesaurus.MOBY) == 0);
        // inflection still works through the shared lemma tables
        assertThat(moby.originalsFor("assaults")).filteredOn(Thesaurus.Link::inflected).isNotEmpty();
        assertThat(moby.linkCount() + wordNet.linkCount()).isGreaterThanOrEqualTo(thesaurus.linkCount());
        assertThat(moby.linkCount()).isLessThan(thesaurus.linkCount());
        assertThat(thesaurus.restrictedTo(0).originalsFor("state")).isEmpty();
    }

    @Test
    void nounPluralsAreMatchedThroughTheirLemmas() {
        Thesaurus.Link attacks = link("assaults", "attacks").orElseThrow();
        assertThat(attacks.inflected()).isTrue();
        assertThat(link("attacks", "assaults")).isPresent();
        // an irregular plural from WordNet's noun.exc on the observed side
        assertThat(thesaurus.originalsFor("mice")).extracting(Thesaurus.Link::original).contains("rodents");
        // a plural never comes back as a verb past or a bare lemma through inflection
        assertThat(thesaurus.originalsFor("assaults")).filteredOn(Thesaurus.Link::inflected)
                .extracting(Thesaurus.Link::original).doesNotContain("attacked", "attack", "attacking");
    }

    @Test
    void verbFormsAreMatchedThroughTheirLemmas() {
        // "modify" has "change" as WordNet hypernym; only the lemmas carry that link
        assertThat(links("modified", "changed")).anyMatch(l -> l.inflected() && l.kind() == Thesaurus.Kind.BROADER
                && l.from(Thesaurus.WORDNET));
        assertThat(thesaurus.originalsFor("modifying")).extracting(Thesaurus.Link::original).contains("changing");
        assertThat(thesaurus.originalsFor("modifies")).extracting(Thesaurus.Link::original).contains("changes");
        // irregular pasts from verb.exc, and a verb whose past equals its base
        assertThat(thesaurus.originalsFor("smashed")).extracting(Thesaurus.Link::original)
                .contains("broke", "broken");
        assertThat(thesaurus.originalsFor("struck")).extracting(Thesaurus.Link::original).contains("hit");
        assertThat(thesaurus.contains("hitted")).isFalse();
    }

    @Test
    void inflectionNeedsTheSamePartOfSpeechOnBothSides() {
        // "well"/"perfectly" share no noun or verb sense, so "wells" must not offer a made-up "perfectlies"
        assertThat(thesaurus.contains("perfectlies")).isFalse();
        assertThat(thesaurus.originalsFor("wells")).filteredOn(Thesaurus.Link::inflected)
                .allMatch(l -> l.original().endsWith("s"));
    }

    @Test
    void pluralLemmasAreNotPluralisedAgain() {
        // WordNet has "papers" as a noun lemma of its own; its plural would be "paperses"
        assertThat(thesaurus.originalsFor("documents")).extracting(Thesaurus.Link::original).contains("papers");
        assertThat(thesaurus.contains("paperses")).isFalse();
    }

    @Test
    void properNounsAreLeftOut() {
        // MyThes lists "Wells" (H. G. Wells) under the lower-case headword "wells" with "author" as generic term
        assertThat(thesaurus.originalsFor("author")).extracting(Thesaurus.Link::original)
                .contains("writer").doesNotContain("wells", "austen");
    }

    @Test
    void lookupIgnoresCaseAndUnknownWordsGiveNothing() {
        assertThat(thesaurus.originalsFor("Assaults")).isEqualTo(thesaurus.originalsFor("assaults"));
        assertThat(thesaurus.originalsFor("xqzvplk")).isEmpty();
        assertThat(thesaurus.originalsFor("")).isEmpty();
        assertThat(thesaurus.originalsFor("national press club")).isEmpty();
    }

    @Test
    void eachOriginalAndKindIsListedOnceInWordOrder() {
        List<Thesaurus.Link> links = thesaurus.originalsFor("condition");
        assertThat(links).hasSizeGreaterThan(50);
        assertThat(links).extracting(l -> l.original() + "/" + l.kind()).doesNotHaveDuplicates();
        for (int i = 1; i < links.size(); i++) {
            assertThat(links.get(i - 1).original().compareTo(links.get(i).original())).isLessThanOrEqualTo(0);
        }
    }

    @Test
    void shippedCopyOnTheClassPathIsTheSameFile() {
        Thesaurus shipped = Thesaurus.shipped();
        assertThat(shipped).isSameAs(Thesaurus.shipped());
        assertThat(shipped.wordCount()).isEqualTo(thesaurus.wordCount());
        assertThat(shipped.originalsFor("motion")).isEqualTo(thesaurus.originalsFor("motion"));
    }

    @Test
    void concurrentLookupsAgree() throws Exception {
        List<String> words = List.of("condition", "assaults", "modified", "motion", "perfectly", "countrywide");
        List<List<Thesaurus.Link>> expected = words.stream().map(thesaurus::originalsFor).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new java.util.ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(pool.submit(() -> {
                    for (int round = 0; round < 20; round++) {
                        for (int i = 0; i < words.size(); i++) {
                            if (!thesaurus.originalsFor(words.get(i)).equals(expected.get(i))) {
                                return false;
                            }
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void damagedFilesGiveOneLineErrorsNamingTheFile() throws IOException {
        byte[] raw;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(ARTIFACT))) {
            raw = in.readAllBytes();
        }
        byte[] truncated = gzip(java.util.Arrays.copyOf(raw, raw.length / 2));
        assertThatThrownBy(() -> Thesaurus.read(new ByteArrayInputStream(truncated), "cut.bin"))
                .isInstanceOf(DictionaryException.class)
                .hasMessageStartingWith("cut.bin:0: byte ")
                .hasMessageNotContaining("\n");
        byte[] wrongMagic = raw.clone();
        wrongMagic[0] = 'X';
        assertThatThrownBy(() -> Thesaurus.read(new ByteArrayInputStream(gzip(wrongMagic)), "magic.bin"))
                .isInstanceOf(DictionaryException.class).hasMessageContaining("magic.bin").hasMessageContaining("magic");
        assertThatThrownBy(() -> Thesaurus.read(new ByteArrayInputStream(raw), "plain.bin"))
                .isInstanceOf(DictionaryException.class).hasMessageContaining("plain.bin")
                .hasMessageContaining("gzip");
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }
}
