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
        String level = p.get("level", "default");
        if (!level.equals("default") && !level.equals("picky")) {
            throw new HttpError(400, "Error: 'level' must be 'default' or 'picky', not '" + level + "'");
        }
        String enabledOnly = p.get("enabledOnly", "false");
        if (!enabledOnly.equals("true") && !enabledOnly.equals("false")) {
            throw new HttpError(400, "Error: 'enabledOnly' must be 'true' or 'false', not '" + enabledOnly + "'");
        }
        RuleFilter f = new RuleFilter(ids(p.get("enabledRules", "")), ids(p.get("disabledRules", "")),
                ids(p.get("enabledCategories", "")), ids(p.get("disabledCategories", "")),
                enabledOnly.equals("true"), level.equals("picky"));
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
