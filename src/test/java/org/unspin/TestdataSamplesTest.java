package org.unspin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.unspin.edit.Edit;

/** The samples in testdata/ repaired with the shipped tables and the default threshold (see testdata/README.md). */
class TestdataSamplesTest {
    private static Unspinner unspinner;

    @BeforeAll
    static void load() {
        unspinner = Unspinner.withDefaults();
    }

    private static String read(String name) throws IOException {
        return Files.readString(Path.of("testdata", name), StandardCharsets.UTF_8);
    }

    @Test
    void spunNewsIsRepairedAsExpectedAndDoubtfulPhrasesAreOnlyReported() throws IOException {
        Repair r = unspinner.repair(read("spun-news.txt"));
        assertThat(r.text()).isEqualTo(read("spun-news.expected.txt"));
        assertThat(r.applied()).hasSize(17);
        // The restorer repairs what the tables only report ("as perfectly as" → "as well as"), and repairs
        // words of a table row inside another known phrase ("Federal Book" → "Federal Reserve").
        assertThat(r.applied()).filteredOn(e -> e.rule().equals("restorer")).extracting(Edit::original,
                Edit::replacement).containsExactly(org.assertj.core.groups.Tuple.tuple("as perfectly as", "as well as"),
                org.assertj.core.groups.Tuple.tuple("Book", "Reserve"),
                org.assertj.core.groups.Tuple.tuple("inventory", "stock"));
        assertThat(r.edits().stream().filter(e -> !e.applied() && !e.category().equals("suspect-word"))
                .map(Edit::original)).containsExactly("Innovative Guard");
        // The phrase table only reports "carry sanctions" (legitimate in "offences that carry sanctions");
        // the context rule sees "carry sanctions on Tehran" and restores "lift".
        assertThat(r.edits()).filteredOn(e -> e.category().equals("context")).singleElement().satisfies(e -> {
            assertThat(e.original()).isEqualTo("carry");
            assertThat(e.replacement()).isEqualTo("lift");
            assertThat(e.source()).startsWith("rules/");
        });
        for (Edit e : r.edits()) {
            assertThat(r.input().substring(e.start(), e.end())).isEqualTo(e.original());
            if (e.rule().equals("phrase-table")) {
                assertThat(e.source()).matches("spun-[a-z]+\\.tsv:\\d+");
            } else if (e.rule().equals("restorer")) {
                assertThat(e.source()).matches("(spun-[a-z]+|function-words|idioms)\\.tsv:\\d+");
                assertThat(e.explanation()).contains("log10", "runner-up", e.source());
            }
        }
    }

    @Test
    void aWordTheTextWritesTwiceAndItsOriginalNeverIsOnlyReported() throws IOException {
        // In the spun news, a function word the restorer's rows name is rewritten...
        String once = read("spun-news.txt") + " The committee heard much controversy concerning the reality and"
                + " extent of the sales.";
        assertThat(unspinner.repair(once).applied()).filteredOn(e -> e.original().equals("concerning"))
                .singleElement().satisfies(e -> assertThat(e.replacement()).isEqualTo("about"));
        // ...but where the text writes it twice and the original never, it is the text's own word: a spinner
        // leaves most of an original standing.
        Repair twice = unspinner.repair(once + " Nobody wrote to us concerning the reality of the matter.");
        assertThat(twice.edits()).filteredOn(e -> e.original().equals("concerning")).hasSize(2).allSatisfy(e -> {
            assertThat(e.applied()).isFalse();
            assertThat(e.replacement()).isEqualTo("about");
            assertThat(e.explanation()).contains("the text writes 'concerning' 2 times and 'about' never");
        });
        assertThat(twice.text()).contains("controversy concerning the reality");
        // one 'about' elsewhere and the evidence is the spinner's again
        Repair withOriginal = unspinner.repair(once + " Nobody wrote to us concerning the reality of the matter."
                + " We know what it is about.");
        assertThat(withOriginal.applied()).filteredOn(e -> e.original().equals("concerning")).isNotEmpty();
    }

    @Test
    void aRewriteWhoseRunnerUpReadsAlmostAsWellIsOnlyReported() throws IOException {
        String news = read("spun-news.txt");
        // "as long as" beats "if" by 2.6 log10 here: rewritten...
        Edit clear = unspinner.repair(news + " We will go provided that the weather is good.").edits().stream()
                .filter(e -> e.original().equals("provided that")).findFirst().orElseThrow();
        assertThat(clear.applied()).isTrue();
        assertThat(clear.replacement()).isEqualTo("as long as");
        // ...and by 1.9 here: either could be the original, so it is reported with the better one
        Edit close = unspinner.repair(news + " Plans should be prepared provided that we are to act promptly.")
                .edits().stream().filter(e -> e.original().equals("provided that")).findFirst().orElseThrow();
        assertThat(close.applied()).isFalse();
        assertThat(close.replacement()).isEqualTo("as long as");
        assertThat(close.explanation()).contains("'if' reads almost as well (within 2.0 log10): reported only");
    }

    @Test
    void aNameOneWordOffAKnownNameIsRestoredWhereTheTextIsSpun() throws IOException {
        Repair r = unspinner.repair(read("spun-news.txt") + " The Authorities of the United Standings asked.");
        assertThat(r.text()).endsWith("The Authorities of the United States asked.");
        assertThat(r.applied()).filteredOn(e -> e.original().equals("United Standings")).singleElement()
                .satisfies(e -> {
                    assertThat(e.replacement()).isEqualTo("United States");
                    assertThat(e.source()).isEqualTo(org.unspin.detect.Restorer.NAME_SOURCE);
                    assertThat(e.explanation()).contains("'standings' is a thesaurus neighbour of 'states' in the"
                            + " known name 'United States'", "makes a known phrase");
                });
        // A real name one word off another ("Mutual Security" → "Social Security") in a text the prior does not
        // mark as spun: names are not even looked up there.
        Repair clean = unspinner.repair("The Mutual Security program is a measure for peace. Congress passed"
                + " the Mutual Security appropriation last year.");
        assertThat(clean.edits()).isEmpty();
    }

    @Test
    void spunScienceIsRepairedAsExpected() throws IOException {
        Repair r = unspinner.repair(read("spun-science.txt"));
        assertThat(r.text()).isEqualTo(read("spun-science.expected.txt"));
        assertThat(r.applied()).hasSize(16);
        assertThat(r.edits().stream().filter(e -> !e.applied() && !e.category().equals("suspect-word"))
                .map(Edit::original)).containsExactlyInAnyOrder("profound learning", "highlight extraction");
    }

    @Test
    void repairedTextsAreCleanOnASecondPass() throws IOException {
        for (String name : new String[] {"spun-news.expected.txt", "spun-science.expected.txt"}) {
            Repair again = unspinner.repair(read(name));
            assertThat(again.applied()).as(name).isEmpty();
        }
    }

    @Test
    void entitiesAndControlsAreCleanedAndTheSpunPhraseRepaired() throws IOException {
        String input = read("entities-and-controls.txt");
        Repair r = unspinner.repair(input);
        assertThat(r.text()).isEqualTo("Secretary of State Mike Pompeo spoke at the National Press Club.\n"
                + "Tom & Jerry\u2019s lawyer said interest rates would rise, as well as rents.\n");
        // The soft hyphen and zero-width space inside spun names are absorbed by the phrase edits; the
        // BEL right after "prices" stays a clean-up edit of its own.
        assertThat(r.edits()).extracting(Edit::category, Edit::original).containsExactly(
                org.assertj.core.groups.Tuple.tuple("spun-name", "Secretary of Con\u00ADdition"),
                org.assertj.core.groups.Tuple.tuple("spun-name", "Countrywide\u200B Press Club"),
                org.assertj.core.groups.Tuple.tuple("markup", "&amp;"),
                org.assertj.core.groups.Tuple.tuple("markup", "&#8217;"),
                org.assertj.core.groups.Tuple.tuple("spun-phrase", "fascination prices"),
                org.assertj.core.groups.Tuple.tuple("unicode", "\u0007"),
                org.assertj.core.groups.Tuple.tuple("spun-phrase", "as perfectly as"));
        assertThat(r.score().byCategory()).containsEntry("markup", 2).containsEntry("unicode", 1);
        assertThat(r.score().findings()).isEqualTo(4);
    }
}
