package org.unspin.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.unspin.edit.Edit;
import org.unspin.edit.EditSet;
import org.unspin.lexicon.PhraseEntry;
import org.unspin.lexicon.PhraseTable;
import org.unspin.tokenise.Tokeniser;

class PhraseMatcherTest {

    /** A matcher over rows given as spun, canonical, spun, canonical, ... with confidence 0.9. */
    private static PhraseMatcher matcher(String... pairs) {
        List<PhraseEntry> rows = new ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            rows.add(new PhraseEntry(pairs[i], pairs[i + 1], "spun-phrase", 0.9, "", "test.tsv", i / 2 + 2));
        }
        return new PhraseMatcher(new PhraseTable(rows));
    }

    private static List<Edit> find(PhraseMatcher matcher, String text) {
        return matcher.find(Tokeniser.tokenise(text), 0.8);
    }

    private static String repair(PhraseMatcher matcher, String text) {
        return EditSet.apply(text, find(matcher, text));
    }

    @Test
    void matchesOnlyWholeTokens() {
        PhraseMatcher m = matcher("these kinds of as", "these kinds of");
        assertThat(find(m, "Researchers make these kinds of assumptions all the time.")).isEmpty();
        assertThat(find(m, "Researchers make these kinds of as well.")).singleElement()
                .extracting(Edit::original).isEqualTo("these kinds of as");
    }

    @Test
    void punctuationNextToAPhraseDoesNotStopTheMatchNorJoinIt() {
        PhraseMatcher m = matcher("countrywide press club", "National Press Club", "as perfectly as", "as well as");
        String text = "He spoke at the Countrywide Press Club. Cats (as perfectly as) dogs came.";
        List<Edit> edits = find(m, text);
        assertThat(edits).extracting(Edit::original).containsExactly("Countrywide Press Club", "as perfectly as");
        assertThat(edits.get(0).start()).isEqualTo(text.indexOf("Countrywide"));
        assertThat(edits.get(0).end()).isEqualTo(text.indexOf("."));
        assertThat(edits.get(1).start()).isEqualTo(text.indexOf("(") + 1);
        assertThat(repair(m, text)).isEqualTo("He spoke at the National Press Club. Cats (as well as) dogs came.");
    }

    @Test
    void longestMatchWinsAtTheSameStart() {
        PhraseMatcher m = matcher("countrywide press", "national press", "countrywide press club", "National Press Club");
        assertThat(repair(m, "at the Countrywide Press Club today")).isEqualTo("at the National Press Club today");
        assertThat(repair(m, "the Countrywide Press Corps")).isEqualTo("the National Press Corps");
    }

    @Test
    void fallsBackToAShorterEntryWhenALongerPathDiesOut() {
        PhraseMatcher m = matcher("countrywide press", "national press",
                "countrywide press club association", "National Press Club Association");
        assertThat(repair(m, "the countrywide press club met")).isEqualTo("the national press club met");
    }

    @Test
    void leftmostMatchWinsOverAnOverlappingLaterOne() {
        PhraseMatcher m = matcher("counterfeit consciousness", "artificial intelligence",
                "consciousness research", "intelligence research");
        List<Edit> edits = find(m, "New counterfeit consciousness research appeared.");
        assertThat(edits).extracting(Edit::original).containsExactly("counterfeit consciousness");
        assertThat(find(m, "Old consciousness research appeared.")).extracting(Edit::original)
                .containsExactly("consciousness research");
    }

    @Test
    void findingsAreDisjointAndInTextOrder() {
        PhraseMatcher m = matcher("as perfectly as", "as well as", "counterfeit consciousness", "artificial intelligence");
        String text = "Counterfeit consciousness as perfectly as counterfeit consciousness.";
        List<Edit> edits = find(m, text);
        assertThat(edits).extracting(Edit::start)
                .containsExactly(0, text.indexOf("as perfectly"), text.indexOf("counterfeit"));
        assertThat(repair(m, text)).isEqualTo("Artificial intelligence as well as artificial intelligence.");
    }

    @Test
    void replacementTakesTheCaseOfTheMatch() {
        PhraseMatcher m = matcher("as perfectly as", "as well as", "counterfeit consciousness", "artificial intelligence");
        assertThat(repair(m, "cats as perfectly as dogs")).isEqualTo("cats as well as dogs");
        assertThat(repair(m, "As perfectly as dogs")).isEqualTo("As well as dogs");
        assertThat(repair(m, "CATS AS PERFECTLY AS DOGS")).isEqualTo("CATS AS WELL AS DOGS");
        assertThat(repair(m, "Cats As Perfectly As Dogs")).isEqualTo("Cats As Well As Dogs");
        assertThat(repair(m, "The Rise of Counterfeit Consciousness")).isEqualTo("The Rise of Artificial Intelligence");
        assertThat(repair(m, "cats aS PERFECTLY as dogs")).isEqualTo("cats as well as dogs");
    }

    @Test
    void capitalisedCanonicalIsAProperNounThatKeepsItsCase() {
        PhraseMatcher m = matcher("secretary of condition", "Secretary of State",
                "countrywide press club", "National Press Club");
        assertThat(repair(m, "the secretary of condition said")).isEqualTo("the Secretary of State said");
        assertThat(repair(m, "Secretary of Condition Mike Pompeo")).isEqualTo("Secretary of State Mike Pompeo");
        assertThat(repair(m, "Secretary Of Condition Mike Pompeo")).isEqualTo("Secretary of State Mike Pompeo");
        assertThat(repair(m, "at the countrywide Press club")).isEqualTo("at the National Press Club");
        assertThat(repair(m, "SECRETARY OF CONDITION POMPEO")).isEqualTo("SECRETARY OF STATE POMPEO");
    }

    @Test
    void curlyAndStraightApostrophesMatchEachOther() {
        PhraseMatcher curlyTable = matcher("it\u2019s vital to notice", "it's important to note");
        assertThat(repair(curlyTable, "It's vital to notice the date.")).isEqualTo("It's important to note the date.");
        PhraseMatcher straightTable = matcher("it's vital to notice", "it's important to note");
        assertThat(repair(straightTable, "It\u2019s vital to notice the date."))
                .isEqualTo("It's important to note the date.");
        assertThat(find(straightTable, "Its vital to notice the date.")).isEmpty();
    }

    @Test
    void phraseSpansOneLineBreakButNoBlankLine() {
        PhraseMatcher m = matcher("as perfectly as", "as well as");
        assertThat(find(m, "cats as perfectly\nas dogs")).hasSize(1);
        assertThat(find(m, "cats as perfectly \r\n  as dogs")).hasSize(1);
        assertThat(find(m, "cats as\tperfectly  as dogs")).hasSize(1);
        assertThat(find(m, "cats as perfectly\n\nas dogs")).isEmpty();
        assertThat(find(m, "cats as perfectly\r\n \r\nas dogs")).isEmpty();
        assertThat(find(m, "cats as perfectly\u2029as dogs")).isEmpty();
    }

    @Test
    void tokensTouchingInTheTableMustTouchInTheText() {
        PhraseMatcher m = matcher("well-known", "famous");
        assertThat(find(m, "a well-known fact")).hasSize(1);
        assertThat(find(m, "a well - known fact")).isEmpty();
        assertThat(find(m, "as well known")).isEmpty();
    }

    @Test
    void confidenceBelowTheThresholdIsReportedNotApplied() {
        PhraseTable table = new PhraseTable(List.of(
                new PhraseEntry("as perfectly as", "as well as", "spun-phrase", 0.6, "often genuine", "spun.tsv", 7)));
        PhraseMatcher m = new PhraseMatcher(table);
        String text = "Cats as perfectly as dogs.";
        Edit reported = m.find(Tokeniser.tokenise(text), 0.8).get(0);
        assertThat(reported.applied()).isFalse();
        assertThat(EditSet.apply(text, List.of(reported))).isEqualTo(text);
        assertThat(m.find(Tokeniser.tokenise(text), 0.6).get(0).applied()).isTrue();
        assertThat(m.find(Tokeniser.tokenise(text), 0.5).get(0).applied()).isTrue();
    }

    @Test
    void editCarriesTheRowsProvenance() {
        PhraseTable table = new PhraseTable(List.of(new PhraseEntry("secretary of condition", "Secretary of State",
                "spun-title", 0.95, "US cabinet post", "spun-news.tsv", 12)));
        Edit e = new PhraseMatcher(table).find(Tokeniser.tokenise("The Secretary of Condition left."), 0.8).get(0);
        assertThat(e.start()).isEqualTo(4);
        assertThat(e.end()).isEqualTo(26);
        assertThat(e.original()).isEqualTo("Secretary of Condition");
        assertThat(e.replacement()).isEqualTo("Secretary of State");
        assertThat(e.category()).isEqualTo("spun-title");
        assertThat(e.rule()).isEqualTo("phrase-table");
        assertThat(e.source()).isEqualTo("spun-news.tsv:12");
        assertThat(e.confidence()).isEqualTo(0.95);
        assertThat(e.explanation()).isEqualTo("spun form of 'Secretary of State' (spun-news.tsv:12: US cabinet post)");
        assertThat(e.applied()).isTrue();
    }

    @Test
    void cleanTextPassesUnchanged() {
        PhraseMatcher m = matcher("as perfectly as", "as well as", "countrywide press club", "National Press Club",
                "secretary of condition", "Secretary of State");
        String text = "Secretary of State Mike Pompeo spoke at the National Press Club as well as at a "
                + "countrywide meeting of the press, and a club of secretaries performed perfectly.";
        assertThat(find(m, text)).isEmpty();
        assertThat(find(m, "")).isEmpty();
    }
}
