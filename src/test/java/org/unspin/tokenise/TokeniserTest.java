package org.unspin.tokenise;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TokeniserTest {

    @Test
    void hyphenatedWordsAreOneTokenButLooseHyphensArePunctuation() {
        assertThat(tokens("a state-of-the-art, well-known plan")).containsExactly(
                "a", "state-of-the-art", ",", "well-known", "plan");
        assertThat(tokens("pre- and -post -- dash word--word COVID-19")).containsExactly(
                "pre", "-", "and", "-", "post", "-", "-", "dash", "word", "-", "-", "word", "COVID-19");
    }

    @Test
    void apostrophesInsideWordsStayAndQuotesAroundWordsDoNot() {
        assertThat(tokens("don't don\u2019t O\u2019Brien it's rock'n'roll the 90's"))
                .containsExactly("don't", "don\u2019t", "O\u2019Brien", "it's", "rock'n'roll", "the", "90's");
        assertThat(tokens("'hello' \u2018hello\u2019 \"hi\"")).containsExactly(
                "'", "hello", "'", "\u2018", "hello", "\u2019", "\"", "hi", "\"");
        // A plural possessive apostrophe is punctuation (it looks the same as a closing quote).
        assertThat(tokens("the Americans' cars, the students\u2019 union")).containsExactly(
                "the", "Americans", "'", "cars", ",", "the", "students", "\u2019", "union");
    }

    @Test
    void abbreviationsKeepTheirDots() {
        assertThat(tokens("The U.S. and the U.K., e.g. Paris, i.e. France; a Ph.D. student at 5 p.m. today"))
                .containsExactly("The", "U.S.", "and", "the", "U.K.", ",", "e.g.", "Paris", ",", "i.e.", "France",
                        ";", "a", "Ph.D.", "student", "at", "5", "p.m.", "today");
        assertThat(tokens("Mr. Smith met Dr. Jones, Acme Inc. and others etc.")).containsExactly(
                "Mr.", "Smith", "met", "Dr.", "Jones", ",", "Acme", "Inc.", "and", "others", "etc.");
        assertThat(tokens("two Ph.D.s from the U.S.A.")).containsExactly("two", "Ph.D.", "s", "from", "the", "U.S.A.");
    }

    @Test
    void initialsKeepTheirDotButSentenceFinalPeriodsDoNot() {
        assertThat(tokens("J. Smith met J. R. R. Tolkien.")).containsExactly(
                "J.", "Smith", "met", "J.", "R.", "R.", "Tolkien", ".");
        assertThat(tokens("It was the end. Then we left the U.S. So did I. Plan B.")).containsExactly(
                "It", "was", "the", "end", ".", "Then", "we", "left", "the", "U.S.", "So", "did", "I", ".",
                "Plan", "B", ".");
        assertThat(tokens("it is.It was example.com i.e no")).containsExactly(
                "it", "is", ".", "It", "was", "example", ".", "com", "i", ".", "e", "no");
    }

    @Test
    void numbersWithSeparatorsAndCurrency() {
        TokenList t = Tokeniser.tokenise("9/11 1,000 3.5 2020-21 $7 \u20ac7 \u00a37 7% 1,000,000 $1,000.50 10:30");
        check(t);
        assertThat(texts(t)).containsExactly("9/11", "1,000", "3.5", "2020-21", "$7", "\u20ac7", "\u00a37", "7%",
                "1,000,000", "$1,000.50", "10:30");
        for (int i = 0; i < t.size(); i++) {
            assertThat(t.type(i)).as(t.token(i)).isEqualTo(TokenType.NUMBER);
        }
        assertThat(tokens("$7 million in 2020. 1,2 1,0000 and/or 4th 1990s $ 5")).containsExactly(
                "$7", "million", "in", "2020", ".", "1", ",", "2", "1", ",", "0000", "and", "/", "or", "4th", "1990s",
                "$", "5");
    }

    @Test
    void typesAndWordCount() {
        TokenList t = Tokeniser.tokenise("The U.S. spent $7 million, i.e. 7% more in 4th place.");
        check(t);
        assertThat(t.wordCount()).isEqualTo(11);
        List<TokenType> types = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) {
            types.add(t.type(i));
        }
        assertThat(types).containsExactly(TokenType.WORD, TokenType.WORD, TokenType.WORD, TokenType.NUMBER,
                TokenType.WORD, TokenType.PUNCT, TokenType.WORD, TokenType.NUMBER, TokenType.WORD, TokenType.WORD,
                TokenType.WORD, TokenType.WORD, TokenType.PUNCT);
    }

    @Test
    void unicodeLettersAreWordCharacters() {
        assertThat(tokens("Caf\u00e9 na\u00efve Cafe\u0301s \u0396\u03b5\u03cd\u03c2 \u041c\u043e\u0441\u043a\u0432\u0430 "
                + "\uD835\uDC00\uD835\uDC01 \u0915\u094d\u200d\u0937"))
                .containsExactly("Caf\u00e9", "na\u00efve", "Cafe\u0301s", "\u0396\u03b5\u03cd\u03c2",
                        "\u041c\u043e\u0441\u043a\u0432\u0430", "\uD835\uDC00\uD835\uDC01", "\u0915\u094d\u200d\u0937");
        // Ideographs are one token each; kana run together.
        assertThat(tokens("\u4e2d\u6587abc \u30ab\u30bf\u30ab\u30ca")).containsExactly(
                "\u4e2d", "\u6587", "abc", "\u30ab\u30bf\u30ab\u30ca");
    }

    @Test
    void emojiAndMarksStayWithTheirBase() {
        String family = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67";
        String thumbs = "\uD83D\uDC4D\uD83C\uDFFD";
        String gb = "\uD83C\uDDEC\uD83C\uDDE7", fr = "\uD83C\uDDEB\uD83C\uDDF7";
        String keycap = "#\uFE0F\u20E3";
        assertThat(tokens("Hi" + family + " " + thumbs + "! " + gb + fr + " " + keycap + " \u2764\uFE0F"))
                .containsExactly("Hi", family, thumbs, "!", gb, fr, keycap, "\u2764\uFE0F");
    }

    @Test
    void spacesOfAllKindsSeparate() {
        assertThat(tokens("a\u00a0b\u2009c\u202fd\te\r\nf\u200Bg\u3000h")).containsExactly(
                "a", "b", "c", "d", "e", "f", "g", "h");
        assertThat(Tokeniser.tokenise("").size()).isZero();
        assertThat(Tokeniser.tokenise(" \n\t ").size()).isZero();
    }

    @Test
    void longTextGrowsTheArrays() {
        String text = "word, ".repeat(5000);
        TokenList t = Tokeniser.tokenise(text);
        check(t);
        assertThat(t.size()).isEqualTo(10000);
        assertThat(t.wordCount()).isEqualTo(5000);
        assertThat(t.start(9999)).isEqualTo(text.length() - 2);
    }

    @Test
    void randomTextsAreCoveredBySortedDisjointTokens() {
        String[] pieces = {"a", "Bc", "U", ".", ",", "-", "--", "'", "\u2019", "$", "\u20ac", "%", "/", ":", "7", "100",
            " ", "  ", "\n", "\u00a0", "\u0301", "\u200D", "\u200C", "\u00AD", "\uD83D\uDC68", "\uD83C\uDFFD",
            "\uD83C\uDDEC", "\uD83D", "\uDC68", "\u4e2d", "\u0915\u094d", "\uFE0F", "\u0000", "&", "\u0661"};
        Random random = new Random(7);
        for (int round = 0; round < 5000; round++) {
            StringBuilder b = new StringBuilder();
            int count = random.nextInt(30);
            for (int k = 0; k < count; k++) {
                b.append(pieces[random.nextInt(pieces.length)]);
            }
            check(Tokeniser.tokenise(b.toString()));
        }
    }

    private static List<String> tokens(String text) {
        TokenList t = Tokeniser.tokenise(text);
        check(t);
        return texts(t);
    }

    @Test
    void asciiLowerHashIsTheFoldedHashOfPlainAsciiTokensAndZeroForTheOthers() throws java.io.IOException {
        String text = java.nio.file.Files.readString(java.nio.file.Path.of("testdata/clean-sotu-excerpt.txt"))
                + " 4th COVID-19 don't O\u2019Brien U.S. Mr. 1,000 3.5% $7 caf\u00e9 e\u0301 \u6f22abc abc\u6f22 ABC & ; 1990";
        TokenList t = Tokeniser.tokenise(text);
        int hashed = 0;
        for (int i = 0; i < t.size(); i++) {
            String token = t.token(i);
            boolean plain = token.chars().allMatch(c -> c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z')
                    || token.chars().allMatch(c -> c >= '0' && c <= '9')
                    || token.length() == 1 && token.charAt(0) < 0x80 && t.type(i) == TokenType.PUNCT;
            int folded = 0;
            for (char c : token.toCharArray()) {
                folded = org.unspin.lexicon.FoldedVocabulary.hashStep(folded, c);
            }
            assertThat(t.asciiLowerHash(i)).as(token).isEqualTo(plain ? folded : 0);
            hashed += plain ? 1 : 0;
        }
        assertThat(hashed).isGreaterThan(t.size() * 9 / 10);
    }

    private static List<String> texts(TokenList t) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) {
            out.add(t.text().substring(t.start(i), t.end(i)));
        }
        return out;
    }

    /** Tokens are sorted, disjoint and non-empty, and every char between them is a separator. */
    private static void check(TokenList t) {
        String text = t.text();
        int last = 0;
        for (int i = 0; i < t.size(); i++) {
            assertThat(t.start(i)).as("token %d of %s", i, text).isGreaterThanOrEqualTo(last);
            assertThat(t.end(i)).isGreaterThan(t.start(i)).isLessThanOrEqualTo(text.length());
            assertThat(t.token(i)).isEqualTo(text.substring(t.start(i), t.end(i)));
            assertSeparators(text, last, t.start(i));
            assertThat(isSeparator(text.codePointAt(t.start(i)))).isFalse();
            last = t.end(i);
        }
        assertSeparators(text, last, text.length());
    }

    private static void assertSeparators(String text, int from, int to) {
        text.substring(from, to).codePoints().forEach(cp ->
                assertThat(isSeparator(cp)).as("U+%04X between tokens in %s", cp, text).isTrue());
    }

    private static boolean isSeparator(int cp) {
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp) || Character.getType(cp) == Character.FORMAT
                || Character.isISOControl(cp);
    }
}
