package org.unspin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SettingsTest {

    private static Settings everything() {
        return Settings.builder().shippedDictionaries(false).addDictionary("a.tsv").minConfidence(0.9)
                .collapseSpaces(true).foldTypography(true).restorer(false).flags(false)
                .addCandidateFile("c.tsv").languageModel("lm.bin").corpusModel("m.model").contextRules(false)
                .thorough(true).ltRules(Set.of("EN_A_VS_AN", "COMMA_PARENTHESIS_WHITESPACE")).addRuleFile("r.xml")
                .addAllowList("allow.tsv").addDenyList("deny.tsv").build();
    }

    @Test
    void defaultsAreTheDefaultPipeline() {
        Settings d = Settings.DEFAULTS;
        assertThat(d.shippedDictionaries()).isTrue();
        assertThat(d.minConfidence()).isEqualTo(Unspinner.DEFAULT_MIN_CONFIDENCE).isEqualTo(0.8);
        assertThat(d.restorer()).isTrue();
        assertThat(d.flags()).isTrue();
        assertThat(d.contextRules()).isTrue();
        assertThat(d.collapseSpaces() || d.foldTypography() || d.thorough()).isFalse();
        assertThat(d.dictionaries()).isEmpty();
        assertThat(d.languageModel()).isNull();
        assertThat(d.corpusModel()).isNull();
        assertThat(Settings.builder().build()).isEqualTo(d).hasSameHashCodeAs(d);
    }

    @Test
    void toBuilderCopiesEveryFieldAndChangesOnlyWhatItIsTold() {
        Settings s = everything();
        assertThat(s.toBuilder().build()).isEqualTo(s).hasSameHashCodeAs(s);
        Settings stricter = s.toBuilder().minConfidence(0.95).build();
        assertThat(stricter).isNotEqualTo(s);
        assertThat(stricter.toBuilder().minConfidence(0.9).build()).isEqualTo(s);
        assertThat(s.ltRules()).containsExactly("COMMA_PARENTHESIS_WHITESPACE", "EN_A_VS_AN");
        assertThat(s.toBuilder().dictionaries(s.dictionaries()).build()).isEqualTo(s);
        assertThat(s.toBuilder().dictionaries(List.of()).build().dictionaries()).isEmpty();
    }

    @Test
    void isImmutable() {
        List<String> files = new ArrayList<>(List.of("a.tsv"));
        Settings s = Settings.builder().dictionaries(files).build();
        files.add("b.tsv");
        assertThat(s.dictionaries()).containsExactly("a.tsv");
        assertThatThrownBy(() -> s.dictionaries().add("c.tsv")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> everything().ltRules().add("X")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void rejectsAThresholdOutsideZeroToOne() {
        for (double bad : new double[] {-0.1, 1.5, Double.NaN}) {
            assertThatThrownBy(() -> Settings.builder().minConfidence(bad))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0..1");
        }
    }

    @Test
    void survivesJavaSerialisationAsAnEqualValue() throws IOException, ClassNotFoundException {
        Settings s = everything();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(s);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            Object back = in.readObject();
            assertThat(back).isEqualTo(s).hasSameHashCodeAs(s);
        }
    }

    @Test
    void theUnspinnerBuilderTakesSettingsAndItsSettersChangeThem() {
        Settings s = Settings.DEFAULTS.toBuilder().minConfidence(0.95).contextRules(false).restorer(false).build();
        Unspinner u = Unspinner.builder().settings(s).build();
        assertThat(u.settings()).isEqualTo(s);
        assertThat(u.minConfidence()).isEqualTo(0.95);
        assertThat(u.contextRuleSentencesChecked()).isZero();

        Unspinner viaSetters = Unspinner.builder().minConfidence(0.95).contextRules(false).restorer(false).build();
        assertThat(viaSetters.settings()).isEqualTo(s);
        assertThat(Unspinner.builder().settings(s).addDictionary(Path.of("x", "y.tsv")).settings(s)
                .restorer(false).contextRules(false).build().settings()).as("settings() replaces what came before")
                .isEqualTo(s);
        assertThat(viaSetters.repair("Secretary of Condition Mike Pompeo spoke.").text())
                .isEqualTo(Unspinner.builder().settings(s).build().repair("Secretary of Condition Mike Pompeo spoke.")
                        .text());
    }
}
