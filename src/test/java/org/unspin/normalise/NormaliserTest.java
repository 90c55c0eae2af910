package org.unspin.normalise;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.unspin.edit.Edit;
import org.unspin.edit.EditSet;

class NormaliserTest {
    private static final Normaliser DEFAULT = new Normaliser(Normaliser.Options.DEFAULT);
    private static final Normaliser COLLAPSE = new Normaliser(new Normaliser.Options(true, false));
    private static final Normaliser FOLD = new Normaliser(new Normaliser.Options(false, true));
    private static final Normaliser BOTH = new Normaliser(new Normaliser.Options(true, true));

    static final String[] CLEAN = {
        "The Secretary of State said on Tuesday that talks would resume \u201cwithin weeks\u201d \u2014 a claim "
            + "officials in Brussels didn\u2019t confirm. \u201cWe\u2019ll see,\u201d one diplomat said.",
        "Caf\u00e9 owners in S\u00e3o Paulo and Z\u00fcrich reported na\u00efve estimates\u2026 the r\u00e9sum\u00e9s "
            + "piled up; \u00c5ngstr\u00f6m-scale precision wasn\u2019t the point. Cost: \u20ac7, \u00a35 or $9.",
        "Family emoji \uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67 and a thumbs-up \uD83D\uDC4D\uD83C\uDFFD, "
            + "flags \uD83C\uDDEC\uD83C\uDDE7; Greek \u03b1\u03bb\u03ae\u03b8\u03b5\u03b9\u03b1, Russian "
            + "\u043f\u0440\u0430\u0432\u0434\u0430, Chinese \u4e2d\u6587\u5206\u8bcd, Japanese "
            + "\u65e5\u672c\u8a9e\u3092\u8a71\u3059.",
        "Hindi \u0915\u094d\u200d\u0937 and Persian \u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645 keep their "
            + "joiners.\n\tIndented line after a tab.\r\nWindows line end. AT&T, R&D and Q&A; are not entities, "
            + "nor is &foo; or a bare & sign.",
        "",
    };

    @Test
    void cleanTextComesOutIdenticalWithNoEdits() {
        for (String text : CLEAN) {
            Normaliser.Result r = DEFAULT.normalise(text);
            assertThat(r.edits()).as(text).isEmpty();
            assertThat(r.text()).isSameAs(text);
            // Collapsing spaces leaves single spaces, tabs and line breaks alone.
            assertThat(COLLAPSE.normalise(text).text()).isSameAs(text);
        }
    }

    @Test
    void nfcComposesOnlyTheNonNfcSegment() {
        String input = "Cafe\u0301 and re\u0301sume\u0301 stay";
        Normaliser.Result r = check(DEFAULT, input);
        assertThat(r.text()).isEqualTo(Normalizer.normalize(input, Normalizer.Form.NFC));
        assertThat(r.edits()).hasSize(3).allSatisfy(e -> {
            assertThat(e.rule()).isEqualTo("nfc");
            assertThat(e.category()).isEqualTo("unicode");
            assertThat(e.original()).isEqualTo("e\u0301");
            assertThat(e.replacement()).isEqualTo("\u00e9");
        });
        assertThat(r.edits().get(0).start()).isEqualTo(3);
    }

    @Test
    void nfcReordersMarksAndMapsSingletons() {
        // Marks out of canonical order, the Ohm sign (a singleton) and conjoining Hangul jamo.
        String input = "q\u0301\u0323 \u2126 \u1100\u1161 x";
        Normaliser.Result r = check(DEFAULT, input);
        assertThat(r.text()).isEqualTo(Normalizer.normalize(input, Normalizer.Form.NFC));
        assertThat(r.edits()).extracting(Edit::original).containsExactly("\u0301\u0323", "\u2126", "\u1100\u1161");
    }

    @Test
    void removesZeroWidthCharactersAndBom() {
        Normaliser.Result r = check(DEFAULT, "\uFEFFzero\u200Bwidth hyphen\u00ADation word\u2060joiner \uFEFF");
        assertThat(r.text()).isEqualTo("zerowidth hyphenation wordjoiner ");
        assertThat(r.edits()).hasSize(5).allSatisfy(e -> assertThat(e.rule()).isEqualTo("zero-width"));
        assertThat(r.edits().get(0).explanation()).contains("byte order mark");
        assertThat(r.edits().get(1).explanation()).isEqualTo("removed zero width space U+200B");
    }

    @Test
    void joinersSurviveInEmojiAndIndicTextButNotBetweenLatinLetters() {
        String emoji = "\uD83D\uDC69\u200D\uD83D\uDCBB works";
        assertThat(DEFAULT.normalise(emoji).text()).isSameAs(emoji);
        String devanagari = "\u0915\u094d\u200d\u0937";
        assertThat(DEFAULT.normalise(devanagari).edits()).isEmpty();

        Normaliser.Result r = check(DEFAULT, "spun\u200Dtext and\u200C\u200Dmore, \u00e9\u200Dl\u00e8ve");
        assertThat(r.text()).isEqualTo("spuntext andmore, \u00e9l\u00e8ve");
        assertThat(r.edits()).hasSize(4).allSatisfy(e -> assertThat(e.rule()).isEqualTo("zero-width"));
    }

    @Test
    void removesControlsButKeepsTabsAndLineBreaks() {
        Normaliser.Result r = check(DEFAULT, "a\u0000b\tc\nd\r\ne\u007Ff\u0007g\u000Ch\u000Bi");
        assertThat(r.text()).isEqualTo("ab\tc\nd\r\nefg\nh\ni");
        assertThat(r.edits()).extracting(Edit::rule).containsOnly("control");
        assertThat(r.edits()).extracting(Edit::start).containsExactly(1, 10, 12, 14, 16);
    }

    @Test
    void c1ControlsAreReadAsWindows1252() {
        Normaliser.Result r = check(DEFAULT, "don\u0092t \u0093quote\u0094 \u0085 x\u0081y");
        assertThat(r.text()).isEqualTo("don\u2019t \u201cquote\u201d \u2026 xy");
        assertThat(r.edits()).extracting(Edit::rule).containsExactly("cp1252", "cp1252", "cp1252", "cp1252", "control");
    }

    @Test
    void decodesNamedAndNumericEntitiesOnce() {
        Normaliser.Result r = check(DEFAULT,
                "Fish &amp; chips&nbsp;caf&eacute; don&#8217;t don&#x2019;t &#X201C;q&#x201d; &amp;amp; &lt;b&gt;");
        assertThat(r.text()).isEqualTo(
                "Fish & chips\u00a0caf\u00e9 don\u2019t don\u2019t \u201cq\u201d &amp; <b>");
        assertThat(r.edits()).allSatisfy(e -> {
            assertThat(e.category()).isEqualTo("markup");
            assertThat(e.rule()).isEqualTo("html-entity");
        });
        assertThat(r.edits().get(0)).extracting(Edit::start, Edit::end, Edit::original).containsExactly(5, 10, "&amp;");
    }

    @ParameterizedTest
    @ValueSource(strings = {"AT&T", "R&D", "Q&A;", "&foo;", "&amp", "& amp;", "&AMP;", "&#;", "&#x;", "&#0;",
        "&#1;", "&#127;", "&#xD800;", "&#x110000;", "&#xFFFE;", "&#99999999999;", "&#x2019", "&#129;", "&#x1F;",
        "&#\u0661\u0662;", "&eacute ;", "&verylongentityname;"})
    void leavesNonEntitiesAndUnsafeReferencesAlone(String text) {
        String input = "x " + text + " y";
        Normaliser.Result r = DEFAULT.normalise(input);
        assertThat(r.edits()).isEmpty();
        assertThat(r.text()).isSameAs(input);
    }

    @Test
    void numericC1ReferencesFollowHtml5AndRemovedCharactersAreDropped() {
        Normaliser.Result r = check(DEFAULT, "don&#146;t hy&shy;phen zero&#8203;width &#9;tab &#128512; &#8486;");
        assertThat(r.text()).isEqualTo("don\u2019t hyphen zerowidth \ttab \uD83D\uDE00 \u03a9");
    }

    @Test
    void collapseSpacesIsOffByDefaultAndNeverTouchesNewlines() {
        String input = "a  b\t\tc \n  d   \n\ne";
        assertThat(DEFAULT.normalise(input).text()).isSameAs(input);
        Normaliser.Result r = check(COLLAPSE, input);
        assertThat(r.text()).isEqualTo("a b c \n d \n\ne");
        assertThat(r.edits()).extracting(Edit::rule).containsOnly("collapse-spaces");
        // A run that starts with a space keeps it: only the extra chars are deleted.
        assertThat(r.edits().get(0)).extracting(Edit::start, Edit::end, Edit::replacement).containsExactly(2, 3, "");
        assertThat(r.edits().get(1)).extracting(Edit::start, Edit::end, Edit::replacement).containsExactly(4, 6, " ");
    }

    @Test
    void foldTypographyIsOffByDefault() {
        String input = "\u2018single\u2019 \u201cdouble\u201d 1\u20132 a\u2014b wait\u2026 no\u00a0break";
        assertThat(DEFAULT.normalise(input).text()).isSameAs(input);
        Normaliser.Result r = check(FOLD, input);
        assertThat(r.text()).isEqualTo("'single' \"double\" 1-2 a-b wait... no break");
        assertThat(r.edits()).hasSize(8).extracting(Edit::rule).containsOnly("fold-typography");
    }

    @Test
    void foldingAppliesToWhatEntitiesAndC1ControlsProduce() {
        Normaliser.Result r = check(FOLD, "don&rsquo;t&nbsp;go &hellip; it\u0092s &#8212;");
        assertThat(r.text()).isEqualTo("don't go ... it's -");
    }

    @Test
    void collapseWithFoldTreatsNoBreakSpacesAsSpaces() {
        Normaliser.Result r = check(BOTH, "a \u00a0 b\u00a0\u00a0c\u00a0d");
        assertThat(r.text()).isEqualTo("a b c d");
    }

    @Test
    void editsAreWellFormedOnAMixedText() {
        String input = "\uFEFFIt\u2019s &quot;Cafe\u0301&quot;\u200B \u0093ok\u0094  \u0001end";
        for (Normaliser n : List.of(DEFAULT, COLLAPSE, FOLD, BOTH)) {
            check(n, input);
        }
        assertThat(check(DEFAULT, input).text()).isEqualTo("It\u2019s \"Caf\u00e9\" \u201cok\u201d  end");
    }

    @Test
    void randomStringsGiveSortedDisjointEditsThatReproduceTheText() {
        String[] pieces = {"a", "e", "Z", " ", "  ", "\t", "\n", "&", "amp;", "#", "x", "20", "19", ";", "&#8217;",
            "&eacute;", "\u0301", "\u0323", "\u200B", "\u200C", "\u200D", "\u00AD", "\uFEFF", "\u0000", "\u0007",
            "\u007F", "\u0085", "\u0092", "\u2019", "\u201C", "\u2014", "\u2026", "\u00A0", "\uD83D\uDC68", "\uD83C",
            "\uDFFD", "\u1100", "\u1161", "\u2126", "\u0915", "\u094D", "\u00e9", "\u4e2d"};
        Random random = new Random(20261128);
        List<Normaliser> all = List.of(DEFAULT, COLLAPSE, FOLD, BOTH);
        for (int round = 0; round < 3000; round++) {
            StringBuilder b = new StringBuilder();
            int count = random.nextInt(25);
            for (int k = 0; k < count; k++) {
                b.append(pieces[random.nextInt(pieces.length)]);
            }
            String input = b.toString();
            for (Normaliser n : all) {
                check(n, input);
            }
        }
    }

    /** Checks every invariant of a Result and returns it. */
    private static Normaliser.Result check(Normaliser n, String input) {
        Normaliser.Result r = n.normalise(input);
        int last = 0;
        for (Edit e : r.edits()) {
            assertThat(e.start()).as("sorted and disjoint in %s", input).isGreaterThanOrEqualTo(last);
            assertThat(e.end()).isGreaterThan(e.start());
            assertThat(e.original()).isEqualTo(input.substring(e.start(), e.end()));
            assertThat(e.replacement()).isNotEqualTo(e.original());
            assertThat(e.applied()).isTrue();
            assertThat(e.confidence()).isEqualTo(1.0);
            assertThat(e.source()).isNull();
            assertThat(e.category()).isIn("unicode", "markup");
            assertThat(e.rule()).isIn(Set.of("nfc", "zero-width", "control", "cp1252", "html-entity",
                    "collapse-spaces", "fold-typography"));
            assertThat(e.explanation()).isNotBlank().doesNotContain("\n");
            last = e.end();
        }
        assertThat(EditSet.apply(input, r.edits())).isEqualTo(r.text());
        if (r.edits().isEmpty()) {
            assertThat(r.text()).isSameAs(input);
        }
        return r;
    }
}
