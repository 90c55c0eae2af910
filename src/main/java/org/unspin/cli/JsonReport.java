package org.unspin.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.unspin.Repair;
import org.unspin.corpus.EditJson;
import org.unspin.corpus.RecordAnnotator.EditDetail;
import org.unspin.edit.Edit;

/**
 * The JSON form of one repaired input, written as a single line so that several inputs make JSON Lines:
 * {@code {file, text, score{words, findings, perThousandWords, byCategory}, edits[...]}}, score and edits as
 * {@link EditJson} writes them, each edit with its line and column (as in the check format) after its span.
 * Edit offsets are UTF-16 input offsets (as in Java and JavaScript strings).
 */
final class JsonReport {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonReport() {
    }

    static String of(String file, Repair repair) {
        ObjectNode root = JSON.createObjectNode();
        root.put("file", file);
        root.put("text", repair.text());
        EditJson.writeScore(root.putObject("score"), repair.score());
        LineIndex lines = new LineIndex(repair.input());
        ArrayNode edits = root.putArray(EditJson.EDITS);
        for (Edit e : repair.edits()) {
            EditJson.write(edits.addObject(), e, EditDetail.FULL, lines.line(e.start()), lines.column(e.start()));
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
