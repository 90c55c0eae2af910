package org.unspin.corpus;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import org.unspin.Repair;
import org.unspin.Unspinner;

/**
 * Turns one JSON record into its unspin output record. The one place that defines the output shape, so the
 * CLI's JSONL mode and the Spark job write the same thing:
 *
 * <pre>{"id": ..., "text": "repaired text", ...every other input field, in input order...,
 *  "unspin": {"score": 12.5, "words": 400, "findings": 5, "changed": true,
 *             "byCategory": {"spun-phrase": 5}, "edits": [...]}}</pre>
 *
 * <p>With the generalising detector, {@code contextAnomaly} and {@code checkedWords} follow {@code changed}
 * (see {@link org.unspin.SpinScore}).
 *
 * <p>In {@code check} mode (no {@code fix}) the text field is left as it was. Edit offsets are UTF-16 offsets
 * into the <em>input</em> text of the record. Edit detail is chosen with {@link EditDetail}: {@code none}
 * leaves the list out, {@code summary} gives span, original, replacement, category and applied, {@code full}
 * adds rule, source, confidence and explanation; {@link EditJson} writes the object and its edits.
 * Thread-safe if the {@link Unspinner} is (it is).
 */
public final class RecordAnnotator {

    /** How much of each edit goes into the output record. */
    public enum EditDetail { NONE, SUMMARY, FULL }

    /** The name of the object unspin adds to every record. */
    public static final String FIELD = "unspin";

    private final Unspinner unspinner;
    private final String textField;
    private final boolean fix;
    private final EditDetail detail;
    private final String keepOriginalField;

    /**
     * @param textField         the field that holds the document text
     * @param fix               whether to replace the text field by the repaired text
     * @param detail            how much edit detail to write
     * @param keepOriginalField if not null, the input text is also kept under this field (fix mode)
     */
    public RecordAnnotator(Unspinner unspinner, String textField, boolean fix, EditDetail detail,
                           String keepOriginalField) {
        this.unspinner = Objects.requireNonNull(unspinner);
        this.textField = Objects.requireNonNull(textField);
        this.fix = fix;
        this.detail = Objects.requireNonNull(detail);
        this.keepOriginalField = keepOriginalField;
    }

    /**
     * A JSON mapper that reads records exactly enough to write every field back: decimals keep their digits
     * ({@code 1.10}), big integers stay exact, a field given twice is an error (it could not be written back),
     * strings may be of any length, and trailing content after the object is an error. Thread-safe.
     */
    public static ObjectMapper mapper() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        factory.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        return new ObjectMapper(factory)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
    }

    /** The text of a record, or a reason why it has none that a person can read. */
    public String textOf(ObjectNode record) throws BadRecordException {
        return textOf(record, textField);
    }

    /** The string in {@code textField} of a record; a record without one is a bad record. */
    public static String textOf(ObjectNode record, String textField) throws BadRecordException {
        JsonNode text = record.get(textField);
        if (text == null) {
            throw new BadRecordException("no \"" + textField + "\" field");
        }
        if (!text.isTextual()) {
            throw new BadRecordException("field \"" + textField + "\" is " + text.getNodeType().name()
                    .toLowerCase(java.util.Locale.ROOT) + ", not a string");
        }
        return text.asText();
    }

    /** Repairs the record's text and returns the record with the text replaced (fix mode) and unspin added. */
    public Repair annotate(ObjectNode record) throws BadRecordException {
        Repair repair = unspinner.repair(textOf(record));
        write(record, repair);
        return repair;
    }

    /** Writes a repair into its record, in place. */
    public void write(ObjectNode record, Repair repair) {
        if (fix) {
            if (keepOriginalField != null) {
                record.put(keepOriginalField, repair.input());
            }
            record.put(textField, repair.text());
        }
        record.remove(FIELD);
        EditJson.writeRecord(record.putObject(FIELD), repair, detail);
    }

    /** A record that cannot be repaired; it is passed through unchanged and reported. */
    public static final class BadRecordException extends Exception {
        public BadRecordException(String message) {
            super(message);
        }
    }
}
