package org.unspin.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.unspin.Repair;
import org.unspin.SpinScore;
import org.unspin.edit.Edit;

/**
 * The JSON form of one repaired input, written as a single line so that several inputs make JSON Lines:
 * {@code {file, text, score{words, findings, perThousandWords, byCategory}, edits[...]}}. Edit offsets are
 * UTF-16 input offsets (as in Java and JavaScript strings); line and column are as in the check format.
 */
final class JsonReport {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonReport() {
    }

    static String of(String file, Repair repair) {
        ObjectNode root = JSON.createObjectNode();
        root.put("file", file);
        root.put("text", repair.text());
        SpinScore score = repair.score();
        ObjectNode s = root.putObject("score");
        s.put("words", score.words());
        s.put("findings", score.findings());
        s.put("perThousandWords", score.perThousandWords());
        s.put("spinProbability", score.spinProbability());
        if (score.checkedWords() > 0) { // only in documents the prior marks as spun
            s.put("contextAnomaly", score.contextAnomaly());
            s.put("checkedWords", score.checkedWords());
        }
        ObjectNode byCategory = s.putObject("byCategory");
        score.byCategory().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(c -> byCategory.put(c.getKey(), c.getValue()));
        LineIndex lines = new LineIndex(repair.input());
        ArrayNode edits = root.putArray("edits");
        for (Edit e : repair.edits()) {
            ObjectNode o = edits.addObject();
            o.put("start", e.start());
            o.put("end", e.end());
            o.put("line", lines.line(e.start()));
            o.put("column", lines.column(e.start()));
            o.put("original", e.original());
            o.put("replacement", e.replacement());
            o.put("category", e.category());
            o.put("rule", e.rule());
            o.put("source", e.source());
            o.put("confidence", e.confidence());
            o.put("explanation", e.explanation());
            o.put("applied", e.applied());
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
