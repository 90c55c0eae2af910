package org.unspin.server;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * LanguageTool's rule selection parameters applied to unspin's matches. The clean-up edits (categories
 * {@code unicode} and {@code markup}) are off by default because in an editor they flag legitimate text
 * (an HTML entity in Markdown, a soft hyphen on purpose): {@code level=picky}, or naming their rule or
 * category in {@code enabledRules}/{@code enabledCategories}, turns them on.
 */
record RuleFilter(Set<String> enabledRules, Set<String> disabledRules, Set<String> enabledCategories,
                  Set<String> disabledCategories, boolean enabledOnly, boolean picky) {

    static RuleFilter of(Params p) {
        // LanguageTool's levels (default, picky and its tone levels such as academic or clarity): any level
        // but default is at least picky, which is all that changes what unspin reports.
        String level = p.get("level", "default");
        try {
            org.languagetool.JLanguageTool.Level.valueOf(level.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new HttpError(400, "Error: 'level' must be one of " + java.util.Arrays.stream(
                    org.languagetool.JLanguageTool.Level.values()).map(l -> l.name().toLowerCase(java.util.Locale.ROOT))
                    .collect(Collectors.joining(", ")) + ", not '" + level + "'");
        }
        // As LanguageTool reads it: "true" or "yes" (what its Java client sends) switch it on, anything else off.
        String enabledOnly = p.get("enabledOnly", "false");
        boolean onlyEnabled = enabledOnly.equals("true") || enabledOnly.equals("yes");
        RuleFilter f = new RuleFilter(ids(p.get("enabledRules", "")), ids(p.get("disabledRules", "")),
                ids(p.get("enabledCategories", "")), ids(p.get("disabledCategories", "")),
                onlyEnabled, !level.equalsIgnoreCase("default"));
        if (f.enabledOnly && f.enabledRules.isEmpty() && f.enabledCategories.isEmpty()) {
            throw new HttpError(400, "Error: You cannot use 'enabledOnly' without specifying "
                    + "'enabledRules' or 'enabledCategories'");
        }
        return f;
    }

    private static Set<String> ids(String list) {
        return Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Whether a match of this rule and category goes into the answer. */
    boolean shows(String ruleId, String categoryId, boolean housekeeping) {
        boolean enabled = enabledRules.contains(ruleId) || enabledCategories.contains(categoryId);
        if (enabledOnly) {
            return enabled;
        }
        if (disabledRules.contains(ruleId) || disabledCategories.contains(categoryId)) {
            return false;
        }
        return !housekeeping || picky || enabled;
    }
}
