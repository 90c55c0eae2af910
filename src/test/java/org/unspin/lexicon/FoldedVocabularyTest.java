package org.unspin.lexicon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.unspin.tokenise.TokenList;
import org.unspin.tokenise.Tokeniser;

/** The vocabulary grows from 512 words to thousands; probes with text slices must keep finding them. */
class FoldedVocabularyTest {

    @Test
    void everyWordOfARealTextIsFoundInAnyCaseAndOthersAreNot() throws IOException {
        String text = Files.readString(Path.of("testdata/clean-sotu-excerpt.txt"), StandardCharsets.UTF_8);
        TokenList tokens = Tokeniser.tokenise(text);
        FoldedVocabulary vocabulary = new FoldedVocabulary();
        Map<String, Integer> expected = new HashMap<>();
        for (int i = 0; i < tokens.size(); i++) {
            String folded = PhraseKey.fold(text, tokens.start(i), tokens.end(i));
            int id = vocabulary.add(folded);
            assertThat(expected.computeIfAbsent(folded, k -> id)).isEqualTo(id);
        }
        assertThat(vocabulary.size()).isEqualTo(expected.size()).isGreaterThan(1000);

        String upper = text.toUpperCase(Locale.ROOT);
        TokenList upperTokens = Tokeniser.tokenise(upper);
        for (int i = 0; i < upperTokens.size(); i++) {
            String folded = PhraseKey.fold(upper, upperTokens.start(i), upperTokens.end(i));
            assertThat(vocabulary.find(upper, upperTokens.start(i), upperTokens.end(i)))
                    .as(folded).isEqualTo(expected.getOrDefault(folded, -1));
        }
        String other = "Secretary of Condition Mike Pompeo spoke at the Countrywide Press Club";
        for (String word : other.split(" ")) {
            String folded = PhraseKey.fold(word, 0, word.length());
            assertThat(vocabulary.find(word, 0, word.length())).as(word)
                    .isEqualTo(expected.getOrDefault(folded, -1));
        }
        assertThat(vocabulary.find("Pompeo", 0, 6)).isEqualTo(-1);
    }
}
