package org.unspin.corpus;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.unspin.Repair;
import org.unspin.SpinScore;
import org.unspin.corpus.RecordAnnotator.EditDetail;
import org.unspin.edit.Edit;

/**
 * The one JSON shape of a repair's parts, written here for every output: an edit (fix/check {@code --format
 * json}, corpus mode, the Spark job, the server's {@code /api/repair}), the score object of a repair (fix/check
 * {@code --format json}, {@code /api/repair}) and the {@code unspin} object of a record (corpus mode and Spark,
 * whose Parquet schema is made from the same field lists, so the two cannot drift apart).
 *
 * <p>An edit's fields, in order: {@code start, end, original, replacement, category, rule, source, confidence,
 * explanation, applied}; {@link EditDetail#SUMMARY} keeps {@code start, end, original, replacement, category,
 * applied}. Offsets are UTF-16 offsets into the input text.
 */
public final class EditJson {
    private EditJson() {
    }

    /** JSON value kinds, enough to declare a schema ({@code COUNTS}: an object of names to integers). */
    public enum Type { INT, DOUBLE, BOOLEAN, STRING, COUNTS }

    /** One field: its name, kind and value (null: written as JSON null, or left out where {@link #optional}). */
    public record Field<T>(String name, Type type, boolean optional, Function<T, Object> value) {
    }

    private static Field<Edit> edit(String name, Type type, Function<Edit, Object> value) {
        return new Field<>(name, type, false, value);
    }

    private static final List<Field<Edit>> EDIT_FIELDS = List.of(
            edit("start", Type.INT, Edit::start),
            edit("end", Type.INT, Edit::end),
            edit("original", Type.STRING, Edit::original),
            edit("replacement", Type.STRING, Edit::replacement),
            edit("category", Type.STRING, Edit::category),
            edit("rule", Type.STRING, Edit::rule),
            edit("source", Type.STRING, Edit::source),
            edit("confidence", Type.DOUBLE, Edit::confidence),
            edit("explanation", Type.STRING, Edit::explanation),
            edit("applied", Type.BOOLEAN, Edit::applied));

    private static final List<String> SUMMARY = List.of("start", "end", "original", "replacement", "category",
            "applied");

    /** The fields of an edit at {@code detail}, in the order they are written (none for NONE). */
    public static List<Field<Edit>> editFields(EditDetail detail) {
        return switch (detail) {
            case NONE -> List.of();
            case SUMMARY -> EDIT_FIELDS.stream().filter(f -> SUMMARY.contains(f.name())).toList();
            case FULL -> EDIT_FIELDS;
        };
    }

    /** Writes one edit into {@code o}. */
    public static ObjectNode write(ObjectNode o, Edit e, EditDetail detail) {
        return write(o, e, detail, 0, 0);
    }

    /**
     * As {@link #write(ObjectNode, Edit, EditDetail)}, with the 1-based line and column of the edit's start (as in
     * the check format) right after its span, unless {@code line} is 0.
     */
    public static ObjectNode write(ObjectNode o, Edit e, EditDetail detail, int line, int column) {
        for (Field<Edit> f : editFields(detail)) {
            put(o, f, e);
            if (line > 0 && f.name().equals("end")) {
                o.put("line", line);
                o.put("column", column);
            }
        }
        return o;
    }

    /**
     * A repair's score object: {@code words, findings, perThousandWords, spinProbability}, then {@code
     * contextAnomaly, checkedWords} in documents the prior marks as spun, then {@code byCategory}.
     */
    public static ObjectNode writeScore(ObjectNode o, SpinScore score) {
        o.put("words", score.words());
        o.put("findings", score.findings());
        o.put("perThousandWords", score.perThousandWords());
        o.put("spinProbability", score.spinProbability());
        if (score.checkedWords() > 0) {
            o.put("contextAnomaly", score.contextAnomaly());
            o.put("checkedWords", score.checkedWords());
        }
        counts(o.putObject("byCategory"), score.byCategory());
        return o;
    }

    private static Field<Repair> record(String name, Type type, Function<Repair, Object> value) {
        return new Field<>(name, type, false, value);
    }

    private static Field<Repair> ifChecked(String name, Type type, Function<SpinScore, Object> value) {
        return new Field<>(name, type, true, r -> r.score().checkedWords() > 0 ? value.apply(r.score()) : null);
    }

    private static final List<Field<Repair>> RECORD_FIELDS = List.of(
            record("score", Type.DOUBLE, r -> r.score().perThousandWords()),
            record("words", Type.INT, r -> r.score().words()),
            record("findings", Type.INT, r -> r.score().findings()),
            record("spinProbability", Type.DOUBLE, r -> r.score().spinProbability()),
            record("changed", Type.BOOLEAN, Repair::changed),
            ifChecked("contextAnomaly", Type.DOUBLE, SpinScore::contextAnomaly), // only where the prior marks
            ifChecked("checkedWords", Type.INT, SpinScore::checkedWords),        // a record as spun
            record("byCategory", Type.COUNTS, r -> r.score().byCategory()));

    /**
     * The fields of a record's {@code unspin} object, in the order they are written; unless the detail is NONE
     * an array {@value #EDITS} of {@link #editFields} follows them.
     */
    public static List<Field<Repair>> recordFields() {
        return RECORD_FIELDS;
    }

    /** The name of the edit list in a repair's JSON. */
    public static final String EDITS = "edits";

    /** Writes a record's {@code unspin} object into {@code o}. */
    public static ObjectNode writeRecord(ObjectNode o, Repair repair, EditDetail detail) {
        for (Field<Repair> f : RECORD_FIELDS) {
            put(o, f, repair);
        }
        if (detail != EditDetail.NONE) {
            ArrayNode edits = o.putArray(EDITS);
            repair.edits().forEach(e -> write(edits.addObject(), e, detail));
        }
        return o;
    }

    private static void counts(ObjectNode o, Map<String, Integer> counts) {
        counts.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(c -> o.put(c.getKey(), c.getValue()));
    }

    @SuppressWarnings("unchecked")
    private static <T> void put(ObjectNode o, Field<T> f, T from) {
        Object v = f.value().apply(from);
        if (v == null) {
            if (!f.optional()) {
                o.putNull(f.name());
            }
            return;
        }
        switch (f.type()) {
            case INT -> o.put(f.name(), (Integer) v);
            case DOUBLE -> o.put(f.name(), (Double) v);
            case BOOLEAN -> o.put(f.name(), (Boolean) v);
            case STRING -> o.put(f.name(), (String) v);
            case COUNTS -> counts(o.putObject(f.name()), (Map<String, Integer>) v);
        }
    }
}
