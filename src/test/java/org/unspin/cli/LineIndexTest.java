package org.unspin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LineIndexTest {
    @Test
    void linesAndCodePointColumns() {
        String text = "ab\r\n\uD83D\uDE00x\n\nlast";
        LineIndex lines = new LineIndex(text);
        assertThat(lines.lineCount()).isEqualTo(4);
        assertThat(lines.line(0)).isEqualTo(1);
        assertThat(lines.column(2)).isEqualTo(3); // the \r is part of line 1
        assertThat(lines.line(4)).isEqualTo(2);
        assertThat(lines.column(6)).isEqualTo(2); // after the emoji: one code point, two UTF-16 units
        assertThat(lines.line(8)).isEqualTo(3);
        assertThat(lines.line(text.indexOf("last") + 2)).isEqualTo(4);
        assertThat(lines.column(text.indexOf("last") + 2)).isEqualTo(3);
        assertThat(lines.lineText(0)).isEqualTo("ab\r\n");
        assertThat(lines.lineText(3)).isEqualTo("last");
    }

    @Test
    void textEndingInNewlineHasNoPhantomLine() {
        LineIndex lines = new LineIndex("a\nb\n");
        assertThat(lines.lineCount()).isEqualTo(2);
        assertThat(lines.line(4)).isEqualTo(3);
        assertThat(lines.column(4)).isEqualTo(1);
        assertThat(new LineIndex("").lineCount()).isZero();
    }

    @Test
    void columnsInAnyOrderMatchACountFromTheLineStart() {
        String text = "a\uD83D\uDE00b\ncd\uD83D\uDE00\uD83D\uDE00e\n\nfgh";
        java.util.Random random = new java.util.Random(7);
        LineIndex lines = new LineIndex(text);
        for (int i = 0; i < 2000; i++) {
            int p = random.nextInt(text.length() + 1);
            int start = text.lastIndexOf('\n', p - 1) + 1;
            assertThat(lines.column(p)).as("column of offset " + p).isEqualTo(text.codePointCount(start, p) + 1);
        }
    }

    /** 40,000 findings on one 8 MB line: a recount from the line start per finding would take minutes. */
    @Test
    void ascendingColumnsOnOneLongLineAreLinear() {
        String text = "x\uD83D\uDE00".repeat((8 << 20) / 3);
        LineIndex lines = new LineIndex(text);
        long started = System.nanoTime();
        long sum = 0;
        for (int p = 0; p < text.length(); p += text.length() / 40_000 / 3 * 3) {
            sum += lines.column(p);
        }
        assertThat(sum).isPositive();
        assertThat(lines.column(text.length())).isEqualTo(2 * ((8 << 20) / 3) + 1);
        assertThat((System.nanoTime() - started) / 1e9).as("seconds").isLessThan(2.0);
    }
}
