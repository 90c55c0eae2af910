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
}
