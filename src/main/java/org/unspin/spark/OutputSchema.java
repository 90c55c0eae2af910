package org.unspin.spark;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.unspin.corpus.EditJson;
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

    /** The {@code unspin} object of a record as a struct, from the field lists {@link EditJson} writes. */
    static StructType unspin(EditDetail detail) {
        List<StructField> fields = new ArrayList<>();
        EditJson.recordFields().forEach(f -> fields.add(field(f.name(), type(f.type()))));
        if (detail != EditDetail.NONE) {
            List<StructField> edit = new ArrayList<>();
            EditJson.editFields(detail).forEach(f -> edit.add(field(f.name(), type(f.type()))));
            fields.add(field(EditJson.EDITS, DataTypes.createArrayType(DataTypes.createStructType(edit))));
        }
        return DataTypes.createStructType(fields);
    }

    private static DataType type(EditJson.Type type) {
        return switch (type) {
            case INT -> DataTypes.IntegerType;
            case DOUBLE -> DataTypes.DoubleType;
            case BOOLEAN -> DataTypes.BooleanType;
            case STRING -> DataTypes.StringType;
            case COUNTS -> DataTypes.createMapType(DataTypes.StringType, DataTypes.IntegerType);
        };
    }

    private static StructField field(String name, DataType type) {
        return DataTypes.createStructField(name, type, true);
    }
}
