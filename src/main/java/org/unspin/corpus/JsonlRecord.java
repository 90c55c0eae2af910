package org.unspin.corpus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import org.unspin.normalise.Utf8;

/**
 * One JSONL line as {@link RecordSource} parses it for every command and the Spark jobs: its record and
 * text, or why it is a bad record ({@code errorKind} as in the {@code --errors} file, and a one-line reason).
 *
 * @param record    the JSON object, also for a record without a usable text field (for its id); else null
 * @param text      the text field's value, when the record is good
 * @param errorKind null for a good record, else invalid-utf8, malformed-json, not-an-object, no-text-field or
 *                  text-not-string
 */
public record JsonlRecord(ObjectNode record, String text, String errorKind, String reason) {

    /**
     * Reads the bytes of one line (without its line feed) that starts {@code offset} bytes into its file;
     * null for a blank line. {@code json} should be {@link RecordAnnotator#mapper()}.
     */
    public static JsonlRecord read(ObjectMapper json, byte[] bytes, int length, long offset, String textField) {
        if (isBlank(bytes, length)) {
            return null;
        }
        Utf8.Decoded decoded = Utf8.decode(bytes, 0, length);
        if (decoded.badOffset() >= 0) {
            return bad("invalid-utf8", Utf8.invalidAt(offset + decoded.badOffset()));
        }
        // Parsed from the bytes when it looks like an object (Jackson then reads UTF-8, no String is made);
        // any other line, and one the byte parser rejects, is parsed from its text, for the text parser's message.
        if (length >= 4 && bytes[0] == '{' && bytes[1] != 0 && bytes[2] != 0 && bytes[3] != 0) {
            try {
                return of(json.readTree(bytes, 0, length), textField);
            } catch (IOException e) {
                // parsed again below
            }
        }
        return parse(json, decoded.text(), textField);
    }

    /** The same for a line already decoded; null for a blank line. */
    public static JsonlRecord parse(ObjectMapper json, String line, String textField) {
        if (line.isBlank()) {
            return null;
        }
        try {
            return of(json.readTree(line), textField);
        } catch (JsonProcessingException e) {
            String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage().lines().findFirst().orElse("");
            return bad("malformed-json", "malformed JSON (" + message + ")");
        }
    }

    private static JsonlRecord of(JsonNode node, String textField) {
        if (!(node instanceof ObjectNode record)) {
            return bad("not-an-object", "not a JSON object");
        }
        try {
            return new JsonlRecord(record, RecordAnnotator.textOf(record, textField), null, null);
        } catch (RecordAnnotator.BadRecordException e) {
            return new JsonlRecord(record, null, record.has(textField) ? "text-not-string" : "no-text-field",
                    e.getMessage());
        }
    }

    private static JsonlRecord bad(String kind, String reason) {
        return new JsonlRecord(null, null, kind, reason);
    }

    /** Blank as a JSONL line: only spaces, tabs and carriage returns. */
    public static boolean isBlank(byte[] bytes, int length) {
        for (int i = 0; i < length; i++) {
            byte b = bytes[i];
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    /** Whether this is a bad record. */
    public boolean bad() {
        return errorKind != null;
    }
}
