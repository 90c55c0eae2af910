package org.unspin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unspin.edit.Edit;
import org.unspin.lexicon.DictionaryException;

class AllowDenyListTest {
    private static String news;
    private static Repair plain;

    @BeforeAll
    static void repairOnce() throws IOException {
        news = Files.readString(Path.of("testdata/spun-news.txt"));
        plain = Unspinner.withDefaults().repair(news);
    }

    /** The findings of {@code plain} less those whose original is one of {@code originals}. */
    private static List<String> plainWithout(String... originals) {
        return originals(plain).stream().filter(o -> !List.of(originals).contains(o)).toList();
    }

    /** The originals of the findings (suspect-word flags left out: they follow the document prior). */
    private static List<String> originals(Repair r) {
        return r.edits().stream().filter(e -> !e.category().equals("suspect-word")).map(Edit::original).toList();
    }

    @Test
    void allowedPhraseIsNeitherRewrittenNorReportedAnyCase() {
        Repair r = Unspinner.builder().allow("countrywide PRESS club").allow("inventory market").build().repair(news);
        assertThat(originals(r)).isEqualTo(plainWithout("Countrywide Press Club", "inventory"));
        assertThat(r.text()).contains("at the Countrywide Press Club.").contains("the inventory market fell");
    }

    @Test
    void allowWithReplacementSuppressesOnlyThatSuggestion() {
        Repair other = Unspinner.builder().allow("Countrywide Press Club", "Country Press Club").build().repair(news);
        assertThat(originals(other)).isEqualTo(originals(plain));
        Repair same = Unspinner.builder().allow("Countrywide Press Club", "national press club").build().repair(news);
        assertThat(originals(same)).isEqualTo(plainWithout("Countrywide Press Club"));
    }

    @Test
    void allowCoversContextRulesAndAnyFindingTouchingThePhrase() {
        // "carry" -> "lift" comes from a LanguageTool context rule; "Secretary of Condition" touches "Condition".
        Repair r = Unspinner.builder().allow("carry sanctions").allow("condition").build().repair(news);
        assertThat(originals(r)).isEqualTo(plainWithout("carry", "Secretary of Condition", "Condition Division"));
    }

    @Test
    void allowedPhraseMatchesAcrossOneLineBreakOnTokenBoundaries() {
        Unspinner u = Unspinner.builder().allow("Countrywide Press Club").build();
        assertThat(u.repair("at the Countrywide\nPress Club.").edits()).isEmpty();
        // "Press Clubs" is another token: the allow entry does not match there.
        Unspinner partial = Unspinner.builder().allow("Countrywide Press").build();
        assertThat(partial.repair("at the Countrywide Press Club.").edits()).isEmpty();
        Unspinner inside = Unspinner.builder().allow("Countrywide Pres").build();
        assertThat(inside.repair("at the Countrywide Press Club.").edits()).hasSize(1);
    }

    @Test
    void denyRewritesWithCaseOrReportsAndWinsOverTables() {
        Unspinner u = Unspinner.builder()
                .deny("heavy cold", "bad cold")
                .deny("National Press Club", null)
                .deny("Secretary of Condition Mike", "Secretary of State Mike")
                .build();
        Repair r = u.repair(news);
        assertThat(r.text()).contains("through a bad cold,").startsWith("Secretary of State Mike Pompeo");
        Edit flagged = r.edits().stream().filter(e -> e.original().equals("National Press Club")).findFirst().orElseThrow();
        assertThat(flagged.applied()).isFalse();
        assertThat(flagged.replacement()).isNull();
        assertThat(flagged.category()).isEqualTo("deny-list");
        assertThat(flagged.explanation()).isEqualTo("on the deny list (Builder.deny:2)");
        // The longer deny row replaced the table's "Secretary of Condition" finding.
        assertThat(r.edits().get(0).original()).isEqualTo("Secretary of Condition Mike");
        assertThat(u.repair("Heavy cold again.").text()).isEqualTo("Bad cold again.");
    }

    @Test
    void allowListWinsOverDenyList() {
        Repair r = Unspinner.builder().deny("heavy cold", "bad cold").allow("heavy cold").build().repair(news);
        assertThat(originals(r)).isEqualTo(originals(plain));
    }

    @Test
    void filesAreReadWithExtraColumnsIgnoredAndErrorsNameFileAndLine(@TempDir Path dir) throws IOException {
        Path allow = dir.resolve("allow.tsv");
        Files.writeString(allow, "# exported\nphrase\treplacement\tcategory\tdocument\tnote\n"
                + "Federal Book\tFederal Reserve\tspun-name\tnews.txt\tmarked wrong\n");
        Path deny = dir.resolve("deny.tsv");
        Files.writeString(deny, "phrase\treplacement\tcategory\tnote\nheavy cold\tbad cold\tstyle\tour house style\n");
        Repair r = Unspinner.builder().addAllowList(allow).addDenyList(deny).build().repair(news);
        assertThat(originals(r)).contains("heavy cold").doesNotContain("Federal Book");
        Edit denied = r.edits().stream().filter(e -> e.original().equals("heavy cold")).findFirst().orElseThrow();
        assertThat(denied.category()).isEqualTo("style");
        assertThat(denied.explanation()).isEqualTo("on the deny list (" + deny + ":2: our house style)");

        assertThat(error(dir, "allow", "phrase\treplacement\nfoo\n")).endsWith("bad.tsv:2: expected 2 tab-separated fields, found 1");
        assertThat(error(dir, "allow", "# only a comment\nspun\tcanonical\n")).endsWith("bad.tsv:2: missing header: expected a line naming the column phrase (and optionally replacement)");
        assertThat(error(dir, "allow", "phrase\tnote\n \tx\n")).endsWith("bad.tsv:2: phrase ' ' has no tokens");
        assertThat(error(dir, "deny", "phrase\treplacement\nfoo bar\tx\n\nFOO  bar\ty\n")).endsWith("bad.tsv:4: phrase 'FOO  bar' is already denied at " + dir.resolve("bad.tsv") + ":2");
        assertThat(error(dir, "deny", "phrase\treplacement\tcategory\nfoo\tbar\tBad Cat\n")).endsWith("bad.tsv:2: category 'Bad Cat' does not match [a-z][a-z0-9-]*");
        assertThat(error(dir, "deny", "phrase\treplacement\nfoo\tfoo\n")).endsWith("bad.tsv:2: phrase 'foo' equals its replacement");
        assertThat(error(dir, "allow", "phrase\treplacement\nfoo\t bar\n")).endsWith("bad.tsv:2: replacement ' bar' has leading or trailing spaces");
    }

    private static String error(Path dir, String kind, String content) throws IOException {
        Path bad = dir.resolve("bad.tsv");
        Files.writeString(bad, content);
        Unspinner.Builder b = Unspinner.builder();
        if (kind.equals("allow")) {
            b.addAllowList(bad);
        } else {
            b.addDenyList(bad);
        }
        return org.assertj.core.api.Assertions.catchThrowableOfType(DictionaryException.class, b::build).getMessage();
    }

    @Test
    void builderRejectsPhraseWithoutTokens() {
        assertThatThrownBy(() -> Unspinner.builder().allow(" ")).isInstanceOf(DictionaryException.class)
                .hasMessage("Builder.allow:1: phrase ' ' has no tokens");
    }
}
