package org.unspin.lexicon;

/**
 * One row of a phrase table: a spun phrase and the canonical phrase it replaced.
 *
 * @param spun       the phrase as spinners write it (matched case-insensitively on token boundaries)
 * @param canonical  the phrase to restore; a canonical with capitals is a proper noun and keeps its own case
 * @param category   the edit category this entry reports, e.g. {@code spun-phrase}
 * @param confidence 0..1, how sure the table's author is that {@code spun} never occurs in clean text
 * @param note       free text for people
 * @param file       file name the row came from (e.g. {@code spun-news.tsv})
 * @param line       1-based line number of the row in that file
 */
public record PhraseEntry(String spun, String canonical, String category, double confidence, String note,
                          String file, int line) {

    /** {@code file:line}, used as the edit's source. */
    public String source() {
        return file + ":" + line;
    }
}
