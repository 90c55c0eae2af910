package org.unspin.languagetool;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.languagetool.JLanguageTool;
import org.languagetool.rules.RuleMatch;
import org.unspin.Unspinner;
import org.unspin.lexicon.PhraseTable;

/** The LanguageTool set-up of {@code bench --compare} row (f): stock rules plus unspin's phrase tables. */
class LanguageToolBaselinesTest {

    @Test
    void stockLanguageToolWithTheExportedTableFindsBothItsOwnAndUnspinsMatches() throws IOException {
        String replace = LanguageToolExport.export(PhraseTable.shipped(), ContextRules.load(true, List.of()),
                Unspinner.DEFAULT_MIN_CONFIDENCE).replaceText();
        Path file = LanguageToolBaselines.temporaryReplaceFile(replace);
        JLanguageTool tool = LanguageToolBaselines.defaultEnglishWith(file);

        List<RuleMatch> matches = tool.check("Research on counterfeit consciousness is growing. She ate a apple.");

        assertThat(matches).anySatisfy(m -> assertThat(m.getSuggestedReplacements()).contains("artificial intelligence"));
        assertThat(matches).anySatisfy(m -> assertThat(m.getRule().getId()).isEqualTo("EN_A_VS_AN"));
        // a stock installation without the table knows nothing of the spun term
        assertThat(LanguageToolBaselines.defaultEnglish().check("Research on counterfeit consciousness is growing."))
                .noneSatisfy(m -> assertThat(m.getSuggestedReplacements()).contains("artificial intelligence"));
    }
}
