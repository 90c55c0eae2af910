package org.unspin.lexicon;

/**
 * A dictionary or model file that cannot be loaded (or, for a corpus model, written); the message names the file,
 * the line (0 where it has no lines, the reason then says where) and the reason.
 */
public final class DictionaryException extends RuntimeException {
    private final String file;
    private final int line;

    public DictionaryException(String file, int line, String reason) {
        super(file + ":" + line + ": " + reason);
        this.file = file;
        this.line = line;
    }

    /** For a file without lines (a binary model): "file: reason". */
    public DictionaryException(String file, String reason) {
        super(file + ": " + reason);
        this.file = file;
        this.line = 0;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }
}
