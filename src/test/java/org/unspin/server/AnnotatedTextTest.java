package org.unspin.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class AnnotatedTextTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String DATA = "{\"annotation\":[{\"text\":\"A \"},{\"markup\":\"<b>\"},{\"text\":\"bold\"},"
            + "{\"markup\":\"</b>\"},{\"markup\":\"<br/>\",\"interpretAs\":\"\\n\"},{\"text\":\"line\"}]}";

    @Test
    void plainTextLeavesMarkupOutAndPutsInterpretAsIn() {
        AnnotatedText t = AnnotatedText.ofData(DATA, JSON);
        assertThat(t.plain()).isEqualTo("A bold\nline");
        assertThat(t.document()).isEqualTo("A <b>bold</b><br/>line");
    }

    @Test
    void spansMapToTheDocumentAroundMarkup() {
        AnnotatedText t = AnnotatedText.ofData(DATA, JSON);
        // "bold" is plain 2..6: its start is after <b>, its end before </b>.
        assertThat(t.document().substring(t.toDocumentStart(2), t.toDocumentEnd(6))).isEqualTo("bold");
        // "A bold" spans the opening tag.
        assertThat(t.document().substring(t.toDocumentStart(0), t.toDocumentEnd(6))).isEqualTo("A <b>bold");
        // The interpreted line break stands for the whole <br/>.
        assertThat(t.document().substring(t.toDocumentStart(6), t.toDocumentEnd(7))).isEqualTo("<br/>");
        assertThat(t.document().substring(t.toDocumentStart(7), t.toDocumentEnd(11))).isEqualTo("line");
    }

    @Test
    void plainTextMapsOneToOne() {
        AnnotatedText t = AnnotatedText.ofText("😀 text");
        assertThat(t.toDocumentStart(3)).isEqualTo(3);
        assertThat(t.toDocumentEnd(7)).isEqualTo(7);
    }

    @Test
    void malformedDataIsA400NamingTheItem() {
        assertThatThrownBy(() -> AnnotatedText.ofData("{\"annotation\":[{\"text\":\"a\"},{\"markup\":1}]}", JSON))
                .isInstanceOfSatisfying(HttpError.class, e -> assertThat(e.status()).isEqualTo(400))
                .hasMessageContaining("item 1");
        assertThatThrownBy(() -> AnnotatedText.ofData("{\"annotation\":[{\"text\":\"a\",\"markup\":\"b\"}]}", JSON))
                .hasMessageContaining("item 0");
        assertThatThrownBy(() -> AnnotatedText.ofData("[]", JSON)).hasMessageContaining("\"annotation\" array");
    }
}
