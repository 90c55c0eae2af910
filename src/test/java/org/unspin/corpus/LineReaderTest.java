package org.unspin.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineReaderTest {
    /** Returns "number@offset:text" per line, or "number@offset:LONG(length)=sink content". */
    private static List<String> lines(InputStream in, int max) throws IOException {
        LineReader reader = new LineReader(in, max);
        List<String> out = new ArrayList<>();
        ByteArrayOutputStream[] sink = new ByteArrayOutputStream[1];
        while (reader.next(() -> sink[0] = new ByteArrayOutputStream())) {
            String where = reader.number() + "@" + reader.offset() + ":";
            out.add(reader.tooLong()
                    ? where + "LONG(" + reader.length() + ")=" + sink[0].toString(StandardCharsets.UTF_8)
                    : where + new String(reader.copy(), StandardCharsets.UTF_8));
        }
        out.add("consumed " + reader.consumed());
        return out;
    }

    private static InputStream bytes(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    /** Hands out at most 3 bytes per read, so lines cross buffer refills. */
    private static InputStream trickle(String s) {
        return new java.io.FilterInputStream(bytes(s)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, 3));
            }
        };
    }

    @Test
    void splitsAtLineFeedsKeepingCarriageReturnsAndAFinalLineWithoutLf() throws IOException {
        String text = "first line\r\n\nthird – é\nlast";
        List<String> expected = List.of("1@0:first line\r", "2@12:", "3@13:third – é", "4@26:last", "consumed 30");
        assertThat(lines(bytes(text), 100)).isEqualTo(expected);
        assertThat(lines(trickle(text), 100)).isEqualTo(expected);
        assertThat(lines(bytes(""), 100)).containsExactly("consumed 0");
        assertThat(lines(bytes("a\n"), 100)).containsExactly("1@0:a", "consumed 2");
    }

    @Test
    void aLineOverTheLimitGoesWholeToTheSinkAndTheNextLineIsIntact() throws IOException {
        String text = "short\n" + "x".repeat(20) + "y\nafter\n";
        List<String> expected = List.of("1@0:short", "2@6:LONG(21)=" + "x".repeat(20) + "y", "3@28:after",
                "consumed 34");
        assertThat(lines(bytes(text), 10)).isEqualTo(expected);
        assertThat(lines(trickle(text), 10)).isEqualTo(expected);
        assertThat(lines(bytes("exactly10!\n"), 10)).containsExactly("1@0:exactly10!", "consumed 11");
    }
}
