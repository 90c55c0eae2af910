package org.unspin.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EditTest {

    private static Edit.Builder finding() {
        return Edit.at(4, 9, "shall").replacement("will").category("spun-word").rule("restorer")
                .source("spinner.tsv:3").confidence(0.86).explanation("why");
    }

    @Test
    void theBuilderSetsEveryFieldByName() {
        Edit e = finding().applied(true).build();
        assertThat(e).isEqualTo(new Edit(4, 9, "shall", "will", "spun-word", "restorer", "spinner.tsv:3", 0.86,
                "why", true));
        assertThat(e.outputText()).isEqualTo("will");
    }

    @Test
    void replacementAndSourceDefaultToNoneAndAppliedToFalse() {
        Edit e = Edit.at(0, 3, "abc").category("unicode").rule("nfc").confidence(1).explanation("x").build();
        assertThat(e.replacement()).isNull();
        assertThat(e.source()).isNull();
        assertThat(e.applied()).isFalse();
        assertThat(e.outputText()).isEqualTo("abc");
    }

    @Test
    void toBuilderCopiesAndTheCopiesChangeOnlyWhatTheySay() {
        Edit e = finding().applied(true).build();
        assertThat(e.toBuilder().build()).isEqualTo(e);
        assertThat(e.notApplied()).isEqualTo(finding().applied(false).build());
        Edit reported = e.notApplied();
        assertThat(reported.notApplied()).isSameAs(reported);
        Edit moved = e.movedTo(10, 15, "Shall");
        assertThat(moved.start()).isEqualTo(10);
        assertThat(moved.original()).isEqualTo("Shall");
        assertThat(moved.movedTo(4, 9, "shall")).isEqualTo(e);
    }

    @Test
    void buildValidatesAsTheRecordDoes() {
        assertThatThrownBy(() -> Edit.at(0, 3, "ab").category("c").rule("r").confidence(1).explanation("x").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("original length");
        assertThatThrownBy(() -> Edit.at(0, 2, "ab").category("c").rule("r").explanation("x").build())
                .as("a confidence must be given").isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("confidence");
        assertThatThrownBy(() -> Edit.at(0, 2, "ab").category("c").rule("r").confidence(1).explanation("x")
                .applied(true).build()).hasMessageContaining("needs a replacement");
        assertThatThrownBy(() -> Edit.at(0, 2, "ab").rule("r").confidence(1).explanation("x").build())
                .isInstanceOf(NullPointerException.class).hasMessageContaining("category");
    }
}
