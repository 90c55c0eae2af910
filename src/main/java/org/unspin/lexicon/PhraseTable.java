package org.unspin.lexicon;

import java.nio.file.Path;
import java.util.List;

/**
 * The validated rows of one or more phrase-table files. Immutable.
 *
 * <h2>Phrase-table format</h2>
 * A phrase table is a UTF-8 text file named {@code *.tsv}:
 * <ul>
 *   <li>Lines starting with {@code #} and blank lines are ignored.</li>
 *   <li>The first other line is the header: tab-separated column names. It must name {@code spun},
 *       {@code canonical}, {@code category}, {@code confidence} and {@code note}, in any order; other
 *       columns are allowed and ignored.</li>
 *   <li>Every following line is one tab-separated row with exactly as many fields as the header.</li>
 *   <li>{@code spun}: the phrase as spinners write it. It is split with the same tokeniser as the text and
 *       matched on token boundaries, ignoring case and curly versus straight apostrophes. Whitespace inside
 *       it matches any whitespace run of the text that holds at most one line break.</li>
 *   <li>{@code canonical}: the phrase to restore, no leading or trailing spaces. Written in lower case it
 *       takes the case pattern of the matched text; written with any capital letter it is a proper noun and
 *       keeps its own case (upper-cased only when the match is all capitals).</li>
 *   <li>{@code category}: the edit category, {@code [a-z][a-z0-9-]*}, e.g. {@code spun-phrase}.</li>
 *   <li>{@code confidence}: a decimal number in [0,1]; rows below the rewrite threshold are only
 *       reported.</li>
 *   <li>{@code note}: free text, may be empty.</li>
 * </ul>
 * Loading rejects, with {@code file:line: reason}: a missing header or required column, a wrong number of
 * fields, an empty spun, canonical, category or confidence, a spun phrase without tokens or equal to its
 * canonical (ignoring case), an invalid category or confidence, and a spun phrase already defined in any
 * loaded file (the message names both places). Keys compare as {@link PhraseKey}s. Whole-file problems
 * (unreadable file) are reported at line 0; invalid UTF-8 at its line and byte offset.
 *
 * <p>The shipped tables are every {@code *.tsv} in the class-path folder {@code dictionaries/}, loaded in
 * file-name order; their entries name the file without folder.
 */
public final class PhraseTable {
    static final String SHIPPED_FOLDER = "dictionaries";

    private final List<PhraseEntry> entries;

    public PhraseTable(List<PhraseEntry> entries) {
        this.entries = List.copyOf(entries);
    }

    public List<PhraseEntry> entries() {
        return entries;
    }

    /** The tables shipped in {@code dictionaries/} (from the class path). */
    public static PhraseTable shipped() {
        return load(true, List.of());
    }

    /** Shipped tables (if {@code withShipped}) plus the given files, validated together. */
    public static PhraseTable load(boolean withShipped, List<Path> files) {
        return load(withShipped ? PhraseTable.class.getClassLoader() : null, files);
    }

    /** As {@link #load(boolean, List)}, with the shipped tables taken from {@code shippedFrom} if not null. */
    static PhraseTable load(ClassLoader shippedFrom, List<Path> files) {
        TableParser parser = new TableParser();
        if (shippedFrom != null) {
            ShippedFiles.read(shippedFrom, SHIPPED_FOLDER, ".tsv").forEach(parser::parse);
        }
        for (Path file : files) {
            String name = file.toString();
            parser.parse(name, ShippedFiles.readBytes(name, file));
        }
        return new PhraseTable(parser.entries());
    }

}
