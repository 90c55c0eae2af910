package org.unspin.spark;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.unspin.corpus.RecordAnnotator;
import org.unspin.corpus.RecordAnnotator.EditDetail;

/**
 * The schema of the job's rows: the input's fields in their order, the kept original text if asked for, and the
 * {@code unspin} struct last, the order in which {@link RecordAnnotator} writes a record.
 */
final class OutputSchema {
    private OutputSchema() {
    }

    static StructType of(StructType input, AnnotatorSpec spec) {
        String keep = spec.fix() ? spec.keepOriginalField() : null;
        List<StructField> fields = new ArrayList<>();
        boolean kept = false;
        for (StructField f : input.fields()) {
            if (f.name().equals(RecordAnnotator.FIELD)) {
                continue;
            }
            if (f.name().equals(keep)) {
                fields.add(DataTypes.createStructField(keep, DataTypes.StringType, true));
                kept = true;
            } else {
                fields.add(f);
            }
        }
        if (keep != null && !kept) {
            fields.add(DataTypes.createStructField(keep, DataTypes.StringType, true));
        }
        fields.add(DataTypes.createStructField(RecordAnnotator.FIELD, unspin(spec.detail()), true));
        return DataTypes.createStructType(fields);
    }

    /** The {@code unspin} object of RecordAnnotator as a struct. */
    static StructType unspin(EditDetail detail) {
        List<StructField> fields = new ArrayList<>(List.of(
                field("score", DataTypes.DoubleType),
                field("words", DataTypes.IntegerType),
                field("findings", DataTypes.IntegerType),
                field("spinProbability", DataTypes.DoubleType),
                field("changed", DataTypes.BooleanType),
                field("contextAnomaly", DataTypes.DoubleType), // only where the prior marks a record as spun
                field("checkedWords", DataTypes.IntegerType),
                field("byCategory", DataTypes.createMapType(DataTypes.StringType, DataTypes.IntegerType))));
        if (detail != EditDetail.NONE) {
            List<StructField> edit = new ArrayList<>(List.of(
                    field("start", DataTypes.IntegerType),
                    field("end", DataTypes.IntegerType),
                    field("original", DataTypes.StringType),
                    field("replacement", DataTypes.StringType),
                    field("category", DataTypes.StringType),
                    field("applied", DataTypes.BooleanType)));
            if (detail == EditDetail.FULL) {
                edit.addAll(List.of(
                        field("rule", DataTypes.StringType),
                        field("source", DataTypes.StringType),
                        field("confidence", DataTypes.DoubleType),
                        field("explanation", DataTypes.StringType)));
            }
            fields.add(field("edits", DataTypes.createArrayType(DataTypes.createStructType(edit))));
        }
        return DataTypes.createStructType(fields);
    }

    private static StructField field(String name, DataType type) {
        return DataTypes.createStructField(name, type, true);
    }
}
