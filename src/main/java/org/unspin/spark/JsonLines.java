package org.unspin.spark;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.unspin.Repair;
import org.unspin.corpus.RecordAnnotator;
import org.unspin.corpus.RecordAnnotator.BadRecordException;

/** One JSON line in, one annotated JSON line out: the record's fields stay in their order. */
final class JsonLines {
    /** The same reader and writer as the CLI's corpus mode, so both give the same bytes for a record. */
    static final ObjectMapper MAPPER = RecordAnnotator.mapper();

    private JsonLines() {
    }

    /** An output line and the repair it came from. */
    record Annotated(String line, Repair repair) {
    }

    /** The annotated record as one line of JSON, or why the line is not a record with a text. */
    static Annotated annotate(RecordAnnotator annotator, String line) throws BadRecordException {
        JsonNode node;
        try {
            node = MAPPER.readTree(line);
        } catch (JacksonException e) {
            throw new BadRecordException("malformed JSON: " + e.getOriginalMessage());
        }
        if (!(node instanceof ObjectNode record)) {
            throw new BadRecordException(node == null || node.isMissingNode() ? "blank line"
                    : "not a JSON object but " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        }
        Repair repair = annotator.annotate(record);
        try {
            return new Annotated(MAPPER.writeValueAsString(record), repair);
        } catch (JacksonException e) {
            throw new IllegalStateException("cannot write a tree just read", e);
        }
    }
}
