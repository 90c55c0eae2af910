package org.unspin.languagetool;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.languagetool.JLanguageTool;
import org.languagetool.Languages;
import org.languagetool.rules.Rule;
import org.languagetool.rules.RuleMatch;

/**
 * Runs inside a class loader that has an export folder before LanguageTool's jars (as on a LanguageTool
 * server's class path): a stock English {@link JLanguageTool}, loaded the way LanguageTool loads itself, with
 * only the rules an export can feed (custom pattern rules and {@code EN_SIMPLE_REPLACE}) left on. Returns plain
 * strings so that no LanguageTool type crosses the class loaders.
 */
public final class StockLanguageToolProbe {
    private StockLanguageToolProbe() {
    }

    /** Each match as {@code start<TAB>end<TAB>rule id<TAB>first suggestion<TAB>message}. */
    public static List<String> matches(String text) throws IOException {
        JLanguageTool tool = new JLanguageTool(Languages.getLanguageForShortCode("en-US"));
        List<String> off = new ArrayList<>();
        for (Rule rule : tool.getAllRules()) {
            if (!rule.getId().startsWith("UNSPIN_") && !rule.getId().equals("EN_SIMPLE_REPLACE")) {
                off.add(rule.getId());
            }
        }
        tool.disableRules(off);
        List<String> found = new ArrayList<>();
        for (RuleMatch m : tool.check(text)) {
            List<String> suggestions = m.getSuggestedReplacements();
            found.add(m.getFromPos() + "\t" + m.getToPos() + "\t" + m.getRule().getId() + "\t"
                    + (suggestions.isEmpty() ? "" : suggestions.get(0)) + "\t" + m.getMessage());
        }
        return found;
    }
}
