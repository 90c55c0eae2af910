package org.unspin;

import java.util.List;
import org.unspin.edit.Edit;
import org.unspin.edit.OffsetMap;

/**
 * The result of {@link Unspinner#repair(String)}.
 *
 * @param input   the text given
 * @param text    the repaired text: the input with every applied edit carried out
 * @param edits   all edits, applied and only reported, sorted by input offset, never overlapping
 * @param score   the document spin score
 * @param offsets maps positions between {@code input} and {@code text}
 */
public record Repair(String input, String text, List<Edit> edits, SpinScore score, OffsetMap offsets) {

    /** Whether the repaired text differs from the input. */
    public boolean changed() {
        return !text.equals(input);
    }

    /** The edits that were carried out. */
    public List<Edit> applied() {
        return edits.stream().filter(Edit::applied).toList();
    }
}
