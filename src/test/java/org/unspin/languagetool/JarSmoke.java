package org.unspin.languagetool;

import java.util.Set;

/**
 * Checks that the shaded jar carries everything the stage needs, including LanguageTool's full English rule
 * set (loaded for {@code ltRules}): {@code java -cp target/unspin.jar:target/test-classes
 * org.unspin.languagetool.JarSmoke}.
 */
public final class JarSmoke {
    public static void main(String[] args) {
        String text = "She ate a apple. Last year the routine in Tehran signed it. their is a problem";
        System.out.println(LanguageToolStage.withDefaults().check(text, false));
        LanguageToolStage withLt = new LanguageToolStage(LanguageToolStage.Options.defaults()
                .withLtRules(Set.of("EN_A_VS_AN", "UPPERCASE_SENTENCE_START", "MORFOLOGIK_RULE_EN_US", "THEIR_IS")));
        System.out.println(withLt.check(text, true));
    }
}
