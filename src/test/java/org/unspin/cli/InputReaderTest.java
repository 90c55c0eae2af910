package org.unspin.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import org.junit.jupiter.api.Test;

class InputReaderTest {
    private final InputReader strict = new InputReader(false);

    @Test
    void keepsTheByteOrderMarkForTheNormaliser() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'h', 'i'};
        assertThat(strict.decode("f", bom).text()).isEqualTo("\uFEFFhi");
    }

    @Test
    void decodesSupplementaryCharactersAndReportsOffsetAfterThem() {
        byte[] bytes = {(byte) 0xF0, (byte) 0x9F, (byte) 0x98, (byte) 0x80, 'a', (byte) 0xED, (byte) 0xA0, (byte) 0x80};
        // U+1F600 decodes; ED A0 80 is an encoded surrogate, which UTF-8 forbids.
        assertThatThrownBy(() -> strict.decode("f", bytes)).isInstanceOf(UserError.class)
                .hasMessage("f: invalid UTF-8 at byte offset 5");
        InputReader.Input lenient = new InputReader(true).decode("f", bytes);
        assertThat(lenient.text()).startsWith("\uD83D\uDE00a").contains("\uFFFD");
        assertThat(lenient.warning()).contains("byte offset 5");
    }

    @Test
    void readsStdinForDash() {
        InputReader.Input in = strict.read("-", new ByteArrayInputStream("é\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(in.name()).isEqualTo("<stdin>");
        assertThat(in.text()).isEqualTo("é\n");
        assertThat(in.warning()).isNull();
    }
}
