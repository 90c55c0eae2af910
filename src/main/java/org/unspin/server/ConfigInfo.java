package org.unspin.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The answer of {@code /v2/configinfo} in LanguageTool's shape ({@code software}, {@code parameter.maxTextLength},
 * {@code rules}), which LanguageTool's LibreOffice extension and Java client read before checking remotely.
 */
final class ConfigInfo {
    /** The rule ids of the phrase tables, as {@link CheckResponse#ruleId} names them (context rules have their own). */
    private static final String[][] RULES = {
        {"UNSPIN_SPUN_NAME", "spun-name"}, {"UNSPIN_SPUN_PHRASE", "spun-phrase"}, {"UNSPIN_SPUN_TERM", "spun-term"}};

    private ConfigInfo() {
    }

    static ObjectNode of(ObjectMapper json, ServerInfo info, int maxTextChars) {
        ObjectNode root = json.createObjectNode();
        root.set("software", CheckResponse.software(json, info));
        ObjectNode parameter = root.putObject("parameter");
        parameter.put("maxTextLength", maxTextChars);
        parameter.put("maxTextHardLength", maxTextChars);
        ArrayNode rules = root.putArray("rules");
        for (String[] rule : RULES) {
            rules.addObject()
                    .put("ruleId", rule[0])
                    .put("description", CheckResponse.categoryName(rule[1]))
                    .put("isDefaultActive", true)
                    .put("categoryId", CheckResponse.categoryId(rule[1]))
                    .put("categoryName", CheckResponse.categoryName(rule[1]));
        }
        return root;
    }
}
