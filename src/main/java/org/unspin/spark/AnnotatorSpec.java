package org.unspin.spark;

import java.io.Serializable;
import org.unspin.Settings;
import org.unspin.corpus.RecordAnnotator;
import org.unspin.corpus.RecordAnnotator.EditDetail;

/** Everything a task needs to build its {@link RecordAnnotator}; see RecordAnnotator for the fields. */
record AnnotatorSpec(Settings pipeline, String textField, boolean fix, EditDetail detail,
                     String keepOriginalField) implements Serializable {

    /** Cheap: the Unspinner behind it is the JVM's shared one. */
    RecordAnnotator annotator() {
        return new RecordAnnotator(Unspinners.of(pipeline), textField, fix, detail, keepOriginalField);
    }
}
