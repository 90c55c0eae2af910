package org.unspin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.unspin.Repair;
import org.unspin.SpinScore;
import org.unspin.edit.Edit;
import org.unspin.edit.EditSet;
import org.unspin.edit.OffsetMap;

class UnifiedDiffTest {
    private static final String HEADER = "--- a/f\n+++ b/f\n";

    /** A repair of {@code input} made of replacements given as (start, end, replacement) triples. */
    private static Repair repair(String input, Object... spans) {
        List<Edit> edits = new ArrayList<>();
        for (int i = 0; i < spans.length; i += 3) {
            int s = (Integer) spans[i], t = (Integer) spans[i + 1];
            edits.add(Edit.at(s, t, input.substring(s, t)).replacement((String) spans[i + 2]).category("spun-phrase")
                    .rule("test").confidence(0.9).explanation("test edit").applied(true).build());
        }
        return new Repair(input, EditSet.apply(input, edits), edits, SpinScore.of(0, edits),
                OffsetMap.of(input.length(), edits));
    }

    private static String lines(int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i <= to; i++) {
            sb.append("line ").append(i).append('\n');
        }
        return sb.toString();
    }

    @Test
    void changeInTheMiddleHasThreeLinesOfContext() {
        String in = lines(1, 10);
        int s = in.indexOf("line 5") + 5;
        assertThat(UnifiedDiff.of("f", repair(in, s, s + 1, "five"))).isEqualTo(HEADER + """
                @@ -2,7 +2,7 @@
                 line 2
                 line 3
                 line 4
                -line 5
                +line five
                 line 6
                 line 7
                 line 8
                """);
    }

    @Test
    void distantChangesGetSeparateHunksAndNearOnesShareOne() {
        String in = lines(1, 20);
        int a = in.indexOf("line 2\n") + 5, b = in.indexOf("line 9\n") + 5, c = in.indexOf("line 18") + 5;
        String diff = UnifiedDiff.of("f", repair(in, a, a + 1, "two", b, b + 1, "nine", c, c + 2, "eighteen"));
        assertThat(diff).startsWith(HEADER + "@@ -1,12 +1,12 @@\n line 1\n-line 2\n+line two\n line 3\n");
        assertThat(diff).contains(" line 8\n-line 9\n+line nine\n line 10\n line 11\n line 12\n@@ -15,6 +15,6 @@\n");
        assertThat(diff).endsWith("-line 18\n+line eighteen\n line 19\n line 20\n");
    }

    @Test
    void missingFinalNewlineIsMarked() {
        String in = "first\nlast";
        assertThat(UnifiedDiff.of("f", repair(in, 6, 10, "end"))).isEqualTo(HEADER + """
                @@ -1,2 +1,2 @@
                 first
                -last
                \\ No newline at end of file
                +end
                \\ No newline at end of file
                """);
    }

    @Test
    void addingTheFinalNewlineChangesTheLastLine() {
        assertThat(UnifiedDiff.of("f", repair("a\nb", 3, 3, "\n"))).isEqualTo(HEADER + """
                @@ -1,2 +1,2 @@
                 a
                -b
                \\ No newline at end of file
                +b
                """);
    }

    @Test
    void joiningTwoLines() {
        String in = "one\ntwo\nthree\n";
        assertThat(UnifiedDiff.of("f", repair(in, 3, 4, " "))).isEqualTo(HEADER + """
                @@ -1,3 +1,2 @@
                -one
                -two
                +one two
                 three
                """);
    }

    @Test
    void insertingAndDeletingWholeLines() {
        assertThat(UnifiedDiff.of("f", repair("b\nc\n", 0, 0, "a\n"))).isEqualTo(HEADER + """
                @@ -1,2 +1,3 @@
                +a
                 b
                 c
                """);
        assertThat(UnifiedDiff.of("f", repair("a\nb\nc\n", 2, 4, ""))).isEqualTo(HEADER + """
                @@ -1,3 +1,2 @@
                 a
                -b
                 c
                """);
    }

    @Test
    void emptyInputAndUnchangedTexts() {
        assertThat(UnifiedDiff.of("f", repair("", 0, 0, "new\n"))).isEqualTo(HEADER + "@@ -0,0 +1 @@\n+new\n");
        assertThat(UnifiedDiff.of("f", repair("same\n"))).isEmpty();
        assertThat(UnifiedDiff.of("f", repair("same\n", 0, 4, "same"))).isEmpty();
    }

    @Test
    void randomRepairsRoundTripThroughPatch() {
        Random random = new Random(42);
        String[] pieces = {"alpha", "be", "c", "", " ", "\n", "\n", "\r\n", "x y", "\n\n"};
        String[] replacements = {"", "Q", "R\n", "\n", "S\nT", "\n\n", "long replacement"};
        for (int round = 0; round < 2000; round++) {
            StringBuilder sb = new StringBuilder();
            for (int i = random.nextInt(30); i > 0; i--) {
                sb.append(pieces[random.nextInt(pieces.length)]);
            }
            String in = sb.toString();
            List<Object> spans = new ArrayList<>();
            int pos = 0;
            while (pos <= in.length() && random.nextInt(4) != 0) {
                int s = pos + random.nextInt(Math.max(1, Math.min(12, in.length() - pos + 1)));
                if (s > in.length()) {
                    break;
                }
                int t = s + random.nextInt(Math.min(6, in.length() - s) + 1);
                spans.add(s);
                spans.add(t);
                spans.add(replacements[random.nextInt(replacements.length)]);
                pos = t + (t == s ? 1 : 0);
            }
            Repair repair = repair(in, spans.toArray());
            String diff = UnifiedDiff.of("f", repair);
            assertThat(patch(in, diff)).as("round %d: %s -> %s%n%s", round, in, repair.text(), diff)
                    .isEqualTo(repair.text());
            assertThat(diff.isEmpty()).isEqualTo(!repair.changed());
        }
    }

    private static final Pattern HUNK = Pattern.compile("@@ -(\\d+)(?:,(\\d+))? \\+(\\d+)(?:,(\\d+))? @@");

    /** A strict unified-diff applier: context and removed lines must match, hunk counts must add up. */
    private static String patch(String input, String diff) {
        if (diff.isEmpty()) {
            return input;
        }
        List<String> in = splitLines(input);
        List<String> d = splitLines(diff);
        assertThat(d.get(0)).isEqualTo("--- a/f\n");
        assertThat(d.get(1)).isEqualTo("+++ b/f\n");
        StringBuilder out = new StringBuilder();
        int next = 0; // next input line to copy
        int i = 2;
        while (i < d.size()) {
            Matcher m = HUNK.matcher(d.get(i++));
            assertThat(m.lookingAt()).isTrue();
            int oldStart = Integer.parseInt(m.group(1));
            int oldCount = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
            int newCount = m.group(4) == null ? 1 : Integer.parseInt(m.group(4));
            int from = oldCount == 0 ? oldStart : oldStart - 1;
            assertThat(from).isGreaterThanOrEqualTo(next);
            while (next < from) {
                out.append(in.get(next++));
            }
            int seenOld = 0, seenNew = 0;
            while (i < d.size() && !d.get(i).startsWith("@@")) {
                String line = d.get(i++);
                String text = line.substring(1);
                if (i < d.size() && d.get(i).startsWith("\\")) {
                    text = text.substring(0, text.length() - 1);
                    i++;
                }
                switch (line.charAt(0)) {
                    case ' ' -> {
                        assertThat(in.get(next++)).isEqualTo(text);
                        out.append(text);
                        seenOld++;
                        seenNew++;
                    }
                    case '-' -> {
                        assertThat(in.get(next++)).isEqualTo(text);
                        seenOld++;
                    }
                    case '+' -> {
                        out.append(text);
                        seenNew++;
                    }
                    default -> throw new AssertionError("bad diff line: " + line);
                }
            }
            assertThat(seenOld).isEqualTo(oldCount);
            assertThat(seenNew).isEqualTo(newCount);
        }
        while (next < in.size()) {
            out.append(in.get(next++));
        }
        return out.toString();
    }

    /** Lines with their \n kept. */
    private static List<String> splitLines(String s) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int nl = s.indexOf('\n'); nl >= 0; nl = s.indexOf('\n', start)) {
            lines.add(s.substring(start, nl + 1));
            start = nl + 1;
        }
        if (start < s.length()) {
            lines.add(s.substring(start));
        }
        return lines;
    }
}
