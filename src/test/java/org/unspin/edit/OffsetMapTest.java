package org.unspin.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class OffsetMapTest {

    private static Edit replace(String input, int start, int end, String replacement) {
        return Edit.at(start, end, input.substring(start, end)).replacement(replacement).category("spun-phrase")
                .rule("test").confidence(1.0).explanation("test edit").applied(true).build();
    }

    @Test
    void mapsPositionsAroundARewrittenPhraseBothWays() {
        String input = "Secretary of Condition Mike Pompeo";
        Edit e = replace(input, 13, 22, "State");
        OffsetMap map = OffsetMap.of(input.length(), List.of(e));
        String output = EditSet.apply(input, List.of(e));
        assertThat(output).isEqualTo("Secretary of State Mike Pompeo");

        int mikeIn = input.indexOf("Mike");
        int mikeOut = output.indexOf("Mike");
        assertThat(map.toOutput(mikeIn)).isEqualTo(mikeOut);
        assertThat(map.toInput(mikeOut)).isEqualTo(mikeIn);
        assertThat(map.toOutput(13)).isEqualTo(13);
        assertThat(map.toOutput(22)).isEqualTo(18);
        assertThat(map.toInput(18)).isEqualTo(22);
        // Inside the rewritten span there is no exact counterpart: both sides snap to the span start.
        assertThat(map.toOutput(17)).isEqualTo(13);
        assertThat(map.toInput(15)).isEqualTo(13);
        assertThat(map.outputLength()).isEqualTo(output.length());
    }

    @Test
    void deletionsAndInsertionsShiftLaterPositions() {
        String input = "a\u200Bb &amp; c";
        List<Edit> edits = List.of(replace(input, 1, 2, ""), replace(input, 4, 9, "&"));
        OffsetMap map = OffsetMap.of(input.length(), edits);
        String output = EditSet.apply(input, edits);
        assertThat(output).isEqualTo("ab & c");
        assertThat(map.toOutput(input.indexOf('c'))).isEqualTo(output.indexOf('c'));
        assertThat(map.toInput(output.indexOf('c'))).isEqualTo(input.indexOf('c'));
        assertThat(map.toOutput(2)).isEqualTo(1); // 'b' follows the deleted zero-width space
        assertThat(map.toInput(1)).isEqualTo(2);
    }

    @Test
    void spanEndsStopBeforeTextDeletedRightAfterThem() {
        String input = "rates\u0007 rise";
        List<Edit> edits = List.of(replace(input, 5, 6, ""));
        OffsetMap map = OffsetMap.of(input.length(), edits);
        assertThat(map.toInput(5)).isEqualTo(6);     // a start at 5 begins after the deleted char
        assertThat(map.toInputEnd(5)).isEqualTo(5);  // an end at 5 stops before it
        assertThat(map.toInputEnd(2)).isEqualTo(2);
        assertThat(map.toInputEnd(10)).isEqualTo(11);
        // An end inside a replaced span extends to the end of the span.
        String text = "ab&amp;cd";
        OffsetMap entity = OffsetMap.of(text.length(), List.of(replace(text, 2, 7, "&")));
        assertThat(entity.toInputEnd(3)).isEqualTo(7);
        assertThat(entity.toInput(3)).isEqualTo(7);
    }

    @Test
    void reportedEditsDoNotMoveAnything() {
        String input = "as perfectly as ever";
        Edit flag = replace(input, 0, 15, "as well as").notApplied();
        OffsetMap map = OffsetMap.of(input.length(), List.of(flag));
        for (int p = 0; p <= input.length(); p++) {
            assertThat(map.toOutput(p)).isEqualTo(p);
            assertThat(map.toInput(p)).isEqualTo(p);
        }
    }

    @Test
    void randomEditsRoundTripOutsideEditedSpans() {
        Random random = new Random(42);
        for (int round = 0; round < 500; round++) {
            StringBuilder sb = new StringBuilder();
            int len = 1 + random.nextInt(60);
            for (int i = 0; i < len; i++) {
                sb.append((char) ('a' + random.nextInt(26)));
            }
            String input = sb.toString();
            List<Edit> edits = new ArrayList<>();
            boolean[] edited = new boolean[input.length() + 1];
            int pos = 0;
            while (pos < input.length()) {
                int start = pos + random.nextInt(5);
                int end = start + 1 + random.nextInt(4);
                if (end > input.length()) {
                    break;
                }
                String replacement = "X".repeat(random.nextInt(6));
                edits.add(replace(input, start, end, replacement));
                // A deleted span collapses to one output point, which maps back to the span's end.
                for (int i = replacement.isEmpty() ? start : start + 1; i < end; i++) {
                    edited[i] = true;
                }
                pos = end;
            }
            OffsetMap map = OffsetMap.of(input.length(), edits);
            String output = EditSet.apply(input, edits);
            assertThat(map.outputLength()).isEqualTo(output.length());
            for (int p = 0; p <= input.length(); p++) {
                int q = map.toOutput(p);
                assertThat(q).isBetween(0, output.length());
                if (!edited[p]) {
                    assertThat(map.toInput(q)).as("round trip of %d in %s", p, input).isEqualTo(p);
                }
            }
            // Unedited characters keep their identity across the map.
            for (int p = 0; p < input.length(); p++) {
                final int at = p;
                boolean insideEdit = edits.stream().anyMatch(e -> e.start() <= at && at < e.end());
                if (!insideEdit) {
                    assertThat(output.charAt(map.toOutput(p))).isEqualTo(input.charAt(p));
                }
            }
        }
    }

    @Test
    void rejectsOverlappingEditsAndOutOfRangePositions() {
        String input = "abcdef";
        List<Edit> overlapping = List.of(replace(input, 0, 3, "x"), replace(input, 2, 4, "y"));
        assertThatThrownBy(() -> OffsetMap.of(input.length(), overlapping))
                .isInstanceOf(IllegalArgumentException.class);
        OffsetMap map = OffsetMap.of(input.length(), List.of());
        assertThatThrownBy(() -> map.toOutput(7)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
