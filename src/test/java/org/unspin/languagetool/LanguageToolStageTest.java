package org.unspin.languagetool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unspin.edit.Edit;
import org.unspin.lexicon.DictionaryException;

class LanguageToolStageTest {
    /** Spun sentences between clean ones, with the article rules' and name rules' triggers in clean use too. */
    private static final String MIXED = """
            Secretary of State Mike Pompeo spoke at the National Press Club on Monday. Last year the routine \
            in Tehran wrapped up an agreement with the United States. It was a tense romance between the \
            government in Tehran and the extremist team. A routine check of the books found nothing.
            The report warned of a immediate risk, and the course begins with an tutorial on sampling. \
            Trade with the united states grew, said secretary of state mike pompeo. An honest answer came \
            an hour later; a unique chance for a European ally. Ships that carry goods were stopped.
            Washington would not carry sanctions on Tehran until the tests ended. The united front held.
            """;

    private static LanguageToolStage stage;

    @BeforeAll
    static void load() {
        stage = LanguageToolStage.withDefaults();
    }

    @Test
    void spunSentencesGetContextEditsAndCleanOnesNone() {
        List<Edit> edits = stage.check(MIXED, false);
        assertThat(edits).extracting(Edit::original, Edit::replacement).containsExactly(
                org.assertj.core.groups.Tuple.tuple("routine", "regime"),
                org.assertj.core.groups.Tuple.tuple("romance", "relationship"),
                org.assertj.core.groups.Tuple.tuple("team", "group"),
                org.assertj.core.groups.Tuple.tuple("a immediate", "an immediate"),
                org.assertj.core.groups.Tuple.tuple("an tutorial", "a tutorial"),
                org.assertj.core.groups.Tuple.tuple("united states", "United States"),
                org.assertj.core.groups.Tuple.tuple("secretary of state mike pompeo", "Secretary of State Mike Pompeo"),
                org.assertj.core.groups.Tuple.tuple("carry", "lift"));
        for (Edit e : edits) {
            assertThat(MIXED.substring(e.start(), e.end())).isEqualTo(e.original());
            boolean article = e.rule().startsWith("UNSPIN_A");
            assertThat(e.confidence()).isEqualTo(article ? LanguageToolStage.CONTEXT_GRAMMAR_CONFIDENCE
                    : LanguageToolStage.CONTEXT_CONFIDENCE);
            assertThat(e.applied()).isEqualTo(!article);
        }
    }

    @Test
    void triggerFilterFindsWhatThoroughFindsWhileSkippingSentences() {
        LanguageToolStage.Result filtered = stage.analyse(MIXED, false);
        LanguageToolStage.Result thorough = stage.analyse(MIXED, true);
        assertThat(filtered.edits()).isEqualTo(thorough.edits());
        assertThat(thorough.sentencesChecked()).isEqualTo(thorough.sentences());
        assertThat(filtered.sentencesChecked()).isLessThan(filtered.sentences());
    }

    /**
     * Sentences that hold a rule's trigger with its other fixed words near, apart, in other case, across a
     * no-break space or after a contraction: the exact token filter must send on every one that can match.
     */
    private static final String NEAR_MISSES = """
            Washington wouldn't carry sanctions on Tehran. WASHINGTON WOULD NOT CARRY SANCTIONS ON TEHRAN.             Washington would not carry sanctions on Tehran. Washington will not carry sanctions, on Tehran.             Ships carry goods under sanctions on Tehran, which would not end. The missiles pose a serious menace             to the region. The tests posed no peril for anyone. A pose, a menace to all. It is a menace to peace.             The EU will inflict new sanctions on Minsk. The EU will inflict pain, and sanctions on Minsk follow.             Trade with the united states grew. The United states grew. Trade with the united ­states grew.
            """;

    @Test
    void exactTokenFilterSendsEverySentenceThatCanMatch() {
        LanguageToolStage.Result filtered = stage.analyse(NEAR_MISSES, false);
        LanguageToolStage.Result thorough = stage.analyse(NEAR_MISSES, true);
        assertThat(filtered.edits()).isEqualTo(thorough.edits());
        assertThat(filtered.edits()).extracting(Edit::replacement)
                .contains("lift", "threat", "impose", "United States");
        assertThat(filtered.sentencesChecked()).isLessThan(filtered.sentences());
    }

    @Test
    void offsetsAreUtf16IndexesOfTheInputWithEmojiAndCurlyQuotes() {
        String text = "Fans 😀🇺🇸 cheered. “Today the routine in Tehran — they said — lied,” he wrote 👍🏽. "
                + "Then ‘the united nations’ met.";
        List<Edit> edits = stage.check(text, false);
        assertThat(edits).hasSize(2);
        Edit regime = edits.get(0);
        assertThat(regime.start()).isEqualTo(text.indexOf("routine"));
        assertThat(regime.end()).isEqualTo(text.indexOf("routine") + "routine".length());
        Edit un = edits.get(1);
        assertThat(un.start()).isEqualTo(text.indexOf("united nations"));
        assertThat(text.substring(un.start(), un.end())).isEqualTo("united nations");
        assertThat(un.replacement()).isEqualTo("United Nations");
    }

    @Test
    void rulesRunAcrossAHardWrappedLineButNotAcrossABlankLine() {
        String text = "Last year the routine in\r\nTehran wrapped up an agreement.\n"
                + "Trade with the united\nstates grew.\n\nThe routine in\n\nTehran is dull.";
        List<Edit> edits = stage.check(text, false);
        assertThat(edits).extracting(Edit::original, Edit::replacement).containsExactly(
                org.assertj.core.groups.Tuple.tuple("routine", "regime"),
                org.assertj.core.groups.Tuple.tuple("united\nstates", "United States"));
        assertThat(edits.get(1).start()).isEqualTo(text.indexOf("united"));
        assertThat(LanguageToolStage.unwrapLines(text)).hasSameSizeAs(text);
    }

    @Test
    void eightThreadsGetTheSameResults() throws Exception {
        List<String> texts = List.of(MIXED, MIXED.replace("Tehran", "Damascus"), "Nothing to see here. At all.",
                "Talks on Iran's nuclear software resumed. Health formals urged calm.");
        List<List<Edit>> expected = new ArrayList<>();
        for (String t : texts) {
            expected.add(stage.check(t, false));
        }
        LanguageToolStage fresh = LanguageToolStage.withDefaults();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                int k = i % texts.size();
                results.add(pool.submit(() -> fresh.check(texts.get(k), k % 2 == 0).equals(expected.get(k))));
            }
            for (Future<Boolean> f : results) {
                assertThat(f.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void chosenLanguageToolRulesAreReportedAsGrammarNotApplied() {
        LanguageToolStage withAn = new LanguageToolStage(LanguageToolStage.Options.defaults()
                .withLtRules(Set.of("EN_A_VS_AN")));
        String text = "She ate a apple. Last year the routine in Tehran signed it. the end came.";
        List<Edit> edits = withAn.check(text, false);
        assertThat(edits).extracting(Edit::rule).containsExactly("EN_A_VS_AN", "UNSPIN_ROUTINE_IN_CAPITAL");
        assertThat(new LanguageToolStage(LanguageToolStage.Options.defaults()
                .withLtRules(Set.of("UPPERCASE_SENTENCE_START"))).check(text, false))
                .extracting(Edit::rule, Edit::original, Edit::replacement)
                .contains(org.assertj.core.groups.Tuple.tuple("UPPERCASE_SENTENCE_START", "the", "The"));
        Edit grammar = edits.get(0);
        assertThat(grammar.category()).isEqualTo("grammar");
        assertThat(grammar.original()).isEqualTo("a");
        assertThat(grammar.replacement()).isEqualTo("an");
        assertThat(grammar.confidence()).isEqualTo(LanguageToolStage.GRAMMAR_CONFIDENCE);
        assertThat(grammar.applied()).isFalse();
        assertThat(edits.get(1).applied()).isTrue();
    }

    @Test
    void unknownLanguageToolRuleIdIsNamed() {
        LanguageToolStage bad = new LanguageToolStage(LanguageToolStage.Options.defaults()
                .withLtRules(Set.of("NO_SUCH_RULE_ID")));
        assertThatThrownBy(() -> bad.check("Text.", false)).hasMessageContaining("NO_SUCH_RULE_ID");
    }

    @Test
    void brokenRuleFileNamesFileAndLine(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("broken.xml");
        LanguageToolStage broken = brokenStage(file);
        assertThatThrownBy(() -> broken.check("Text.", false)).isInstanceOf(DictionaryException.class)
                .hasMessageStartingWith(file + ":4: ");
    }

    @Test
    void triggerScanOnTokensAgreesWithTheScanOfTheText() throws IOException {
        TriggerIndex index = TriggerIndex.of(ContextRules.load(true, List.of()).parse(new UnspinEnglish(UnspinEnglish.Analysis.FULL)).keySet());
        // Trigger words in any case, next to what makes a word run differ from a token: ideographs, marks,
        // joiners, digits, apostrophes, hyphens, dots.
        String[] pieces = {"United States", "Soviet Union", "a cope", "menace to", "President Xi", "an offer",
            "United", "States", "united", "STATES", "a", "cope", "an", "offer", "menace", "to",
            "President", "Xi", "Soviet", "Union", "\u6f22", "e\u0301", "\u0301", "4", "4th", "don't", "U.S.", "-",
            "'", ".", "1,000", "\u00ad", "\u200d", "\ud83d\ude00", "\u00dcnited", "\u00a0", "$7"};
        String[] gaps = {" ", "", "", "\n", " - ", ", "};
        java.util.Random random = new java.util.Random(7);
        int matched = 0;
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int k = random.nextInt(8); k >= 0; k--) {
                text.append(pieces[random.nextInt(pieces.length)]).append(gaps[random.nextInt(gaps.length)]);
            }
            boolean expected = index.mayMatch(text.toString());
            assertThat(index.mayMatch(org.unspin.tokenise.Tokeniser.tokenise(text.toString()))).as(text.toString())
                    .isEqualTo(expected);
            matched += expected ? 1 : 0;
        }
        assertThat(matched).isGreaterThan(1000);
        String sotu = Files.readString(Path.of("testdata/clean-sotu-excerpt.txt"), StandardCharsets.UTF_8) + MIXED;
        for (String paragraph : sotu.split("\n")) {
            assertThat(index.mayMatch(org.unspin.tokenise.Tokeniser.tokenise(paragraph)))
                    .isEqualTo(index.mayMatch(paragraph));
        }
        assertThat(stage.check(org.unspin.tokenise.Tokeniser.tokenise(MIXED), false)).isEqualTo(stage.check(MIXED, false));
    }

    @Test
    void triggersArePairsFromTheRulesAndARuleWithoutFixedTokensSendsEverySentence(@TempDir Path dir)
            throws IOException {
        assertThat(stage.untriggeredRules()).isEmpty();
        assertThat(stage.triggers()).contains("the routine", "a =immediate", "=united =states")
                .doesNotContain("the", "a", "routine");
        Path file = dir.resolve("pos.xml");
        Files.writeString(file, """
                <?xml version="1.0" encoding="UTF-8"?>
                <rules lang="en"><category id="POS" name="pos">
                <rule id="POS_ONLY" name="two numbers">
                  <pattern><token postag="CD"/><marker><token postag="CD"/></marker></pattern>
                  <message>Test rule.</message>
                  <example correction="">Count 7 <marker>8</marker>.</example>
                </rule>
                <rule id="REGEX_START" name="free regex first">
                  <pattern><token regexp="yes">re.*</token><marker><token>mouse</token></marker></pattern>
                  <message>Test: <suggestion>rat</suggestion></message>
                  <example correction="rat">A red <marker>mouse</marker>.</example>
                </rule></category></rules>
                """, StandardCharsets.UTF_8);
        LanguageToolStage pos = new LanguageToolStage(new LanguageToolStage.Options(Set.of(), List.of(file),
                false, 0.8));
        assertThat(pos.untriggeredRules()).singleElement().asString().startsWith("POS_ONLY");
        assertThat(pos.triggers()).isEmpty();
        LanguageToolStage.Result r = pos.analyse("One. Two sentences. A red mouse.", false);
        assertThat(r.sentencesChecked()).isEqualTo(3);
        assertThat(r.edits()).extracting(Edit::original, Edit::replacement)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("mouse", "rat"));
    }

    @Test
    void extraRuleFileRunsBesideTheShippedOnes(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("extra.xml");
        Files.writeString(file, """
                <?xml version="1.0" encoding="UTF-8"?>
                <rules lang="en"><category id="EXTRA" name="extra">
                <rule id="EXTRA_COUNTRYWIDE" name="countrywide press → national">
                  <pattern><marker><token>Countrywide</token></marker><token>Press</token><token>Club</token></pattern>
                  <message>Spun: <suggestion>National</suggestion></message>
                  <example correction="National">At the <marker>Countrywide</marker> Press Club.</example>
                  <example>At the National Press Club.</example>
                </rule></category></rules>
                """, StandardCharsets.UTF_8);
        LanguageToolStage extra = new LanguageToolStage(new LanguageToolStage.Options(Set.of(), List.of(file),
                true, 0.8));
        List<Edit> edits = extra.check("He spoke at the Countrywide Press Club about the routine in Tehran.", false);
        assertThat(edits).extracting(Edit::rule, Edit::source).containsExactly(
                org.assertj.core.groups.Tuple.tuple("EXTRA_COUNTRYWIDE", file.toString()),
                org.assertj.core.groups.Tuple.tuple("UNSPIN_ROUTINE_IN_CAPITAL", "rules/senses.xml"));
        assertThat(extra.triggers()).contains("countrywide press");
    }

    @Test
    void shippedRulesRunOnTokensAloneAndGiveTheEditsTheTaggedAnalysisGives(@TempDir Path dir) throws IOException {
        assertThat(stage.analysis()).isEqualTo(UnspinEnglish.Analysis.TOKENS);
        Path file = dir.resolve("pos.xml");
        Files.writeString(file, """
                <?xml version="1.0" encoding="UTF-8"?>
                <rules lang="en"><category id="POS" name="pos">
                <rule id="POS_NUMBERS" name="two numbers">
                  <pattern><token>count</token><token postag="CD"/><marker><token postag="CD"/></marker></pattern>
                  <message>Test: <suggestion>and</suggestion></message>
                  <example correction="and">We count 7 <marker>8</marker>.</example>
                </rule></category></rules>
                """, StandardCharsets.UTF_8);
        LanguageToolStage tagged = new LanguageToolStage(new LanguageToolStage.Options(Set.of(), List.of(file),
                true, 0.8));
        assertThat(tagged.analysis()).isEqualTo(UnspinEnglish.Analysis.TAGS);
        assertThat(tagged.check("We count 7 8 of them.", false)).extracting(Edit::rule).containsExactly("POS_NUMBERS");
        // With the tagger, the disambiguator and LanguageTool's own sentence split back, the shipped rules find
        // exactly what they find on tokens alone.
        List<String> texts = new ArrayList<>(List.of(MIXED));
        ContextRules.load(true, List.of()).parse(new UnspinEnglish(UnspinEnglish.Analysis.FULL)).keySet()
                .forEach(rule -> rule.getIncorrectExamples().forEach(example -> texts.add(
                        example.getExample().replace("<marker>", "").replace("</marker>", ""))));
        for (String name : List.of("spun-news.txt", "spun-science.txt", "clean-sotu-excerpt.txt")) {
            texts.add(Files.readString(Path.of("testdata", name), StandardCharsets.UTF_8));
        }
        int edits = 0;
        for (String text : texts) {
            List<Edit> onTokens = stage.check(text, true);
            assertThat(onTokens).isEqualTo(tagged.check(text, true));
            edits += onTokens.size();
        }
        assertThat(edits).isGreaterThan(50);
    }

    @Test
    void preloadGivesTheSameEditsAndItsErrorsSurfaceOnFirstUse(@TempDir Path dir) throws IOException {
        LanguageToolStage preloaded = LanguageToolStage.withDefaults();
        preloaded.preload();
        preloaded.preload(); // idempotent
        assertThat(preloaded.check(MIXED, false)).isEqualTo(stage.check(MIXED, false));
        Path file = dir.resolve("broken.xml");
        LanguageToolStage broken = brokenStage(file);
        broken.preload();
        assertThatThrownBy(() -> broken.check("A sentence.", false)).isInstanceOf(DictionaryException.class)
                .hasMessageStartingWith(file + ":4: ");
    }

    /** A stage with only a rule file that is broken on its line 4 (an unclosed token). */
    private static LanguageToolStage brokenStage(Path file) throws IOException {
        Files.writeString(file, "<?xml version=\"1.0\"?>\n<rules lang=\"en\">\n<category id=\"X\" name=\"x\">\n"
                + "<rule id=\"R\" name=\"r\"><pattern><token>a</pattern></rule>\n</category></rules>\n",
                StandardCharsets.UTF_8);
        return new LanguageToolStage(new LanguageToolStage.Options(Set.of(), List.of(file), false, 0.8));
    }
}
