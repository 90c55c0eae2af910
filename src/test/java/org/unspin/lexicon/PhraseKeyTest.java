package org.unspin.lexicon;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhraseKeyTest {

    @Test
    void foldsCaseAndCurlyApostrophes() {
        assertThat(PhraseKey.of("It\u2019s Vital")).isEqualTo(PhraseKey.of("it's vital"));
        assertThat(PhraseKey.of("it\u2018s vital")).isEqualTo(PhraseKey.of("IT'S VITAL"));
        assertThat(PhraseKey.of("its vital")).isNotEqualTo(PhraseKey.of("it's vital"));
    }

    @Test
    void spacingBetweenTokensCountsButItsAmountDoesNot() {
        assertThat(PhraseKey.of("as  well\tas")).isEqualTo(PhraseKey.of("as well as"));
        assertThat(PhraseKey.of("well-known")).isNotEqualTo(PhraseKey.of("well known"));
        assertThat(PhraseKey.of("well-known")).isNotEqualTo(PhraseKey.of("well - known"));
    }

    @Test
    void whitespaceHasNoTokens() {
        assertThat(PhraseKey.of(" \t ").isEmpty()).isTrue();
        assertThat(PhraseKey.of("as well").size()).isEqualTo(2);
    }
}
