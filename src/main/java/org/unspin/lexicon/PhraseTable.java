package org.unspin.lexicon;

import java.nio.file.Path;
import java.util.List;

/** The validated rows of one or more phrase-table files. Immutable. */
public final class PhraseTable {
    private final List<PhraseEntry> entries;

    public PhraseTable(List<PhraseEntry> entries) {
        this.entries = List.copyOf(entries);
    }

    public List<PhraseEntry> entries() {
        return entries;
    }

    /** The tables shipped in {@code dictionaries/} (from the class path). */
    public static PhraseTable shipped() {
        return new PhraseTable(List.of()); // skeleton
    }

    /** Shipped tables (if {@code withShipped}) plus the given files, validated together. */
    public static PhraseTable load(boolean withShipped, List<Path> files) {
        return new PhraseTable(List.of()); // skeleton
    }
}
