package org.unspin.edit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class EditSetTest {

    private static Edit edit(String text, int start, int end, String replacement, String category, boolean applied) {
        return Edit.at(start, end, text.substring(start, end)).replacement(replacement).category(category)
                .rule("test").confidence(applied ? 1.0 : 0.5).explanation("test").applied(applied).build();
    }

    @Test
    void findingOnCleanedTextMapsBackAndAbsorbsTheCleanUpInsideIt() {
        String input = "the Countrywide&#32;Press Club met";
        Edit entity = edit(input, 15, 20, " ", "markup", true);
        String cleaned = EditSet.apply(input, List.of(entity));
        assertThat(cleaned).isEqualTo("the Countrywide Press Club met");
        OffsetMap map = OffsetMap.of(input.length(), List.of(entity));

        int s = cleaned.indexOf("Countrywide");
        int e = cleaned.indexOf(" met");
        Edit finding = edit(cleaned, s, e, "National Press Club", "spun-name", true);

        List<Edit> all = EditSet.compose(input, List.of(entity), map, List.of(finding));
        assertThat(all).hasSize(1);
        Edit merged = all.get(0);
        assertThat(merged.original()).isEqualTo("Countrywide&#32;Press Club");
        assertThat(merged.start()).isEqualTo(input.indexOf("Countrywide"));
        assertThat(EditSet.apply(input, all)).isEqualTo("the National Press Club met");
    }

    @Test
    void cleanUpOutsideFindingsIsKeptAndEverythingIsSorted() {
        String input = "x&amp;y as perfectly as z\u200B";
        Edit amp = edit(input, 1, 6, "&", "markup", true);
        Edit zw = edit(input, input.length() - 1, input.length(), "", "unicode", true);
        List<Edit> earlier = List.of(amp, zw);
        String cleaned = EditSet.apply(input, earlier);
        OffsetMap map = OffsetMap.of(input.length(), earlier);
        int s = cleaned.indexOf("as perfectly as");
        Edit flag = edit(cleaned, s, s + "as perfectly as".length(), "as well as", "spun-phrase", false);

        List<Edit> all = EditSet.compose(input, earlier, map, List.of(flag));
        assertThat(all).extracting(Edit::category).containsExactly("markup", "spun-phrase", "unicode");
        assertThat(all.get(1).original()).isEqualTo("as perfectly as");
        assertThat(EditSet.apply(input, all)).isEqualTo("x&y as perfectly as z");
    }

    @Test
    void reportedFindingLeavesItsWholeSpanAsInTheInput() {
        String input = "as perfectly&nbsp;as";
        Edit nbsp = edit(input, 12, 18, "\u00A0", "markup", true);
        OffsetMap map = OffsetMap.of(input.length(), List.of(nbsp));
        String cleaned = EditSet.apply(input, List.of(nbsp));
        Edit flag = edit(cleaned, 0, cleaned.length(), "as well as", "spun-phrase", false);

        List<Edit> all = EditSet.compose(input, List.of(nbsp), map, List.of(flag));
        assertThat(all).singleElement().satisfies(e -> {
            assertThat(e.original()).isEqualTo(input);
            assertThat(e.applied()).isFalse();
        });
        assertThat(EditSet.apply(input, all)).isEqualTo(input);
    }
}
