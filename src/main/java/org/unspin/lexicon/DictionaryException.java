package org.unspin.lexicon;

/** A dictionary file that cannot be loaded; the message names the file, the line and the reason. */
public final class DictionaryException extends RuntimeException {
    private final String file;
    private final int line;

    public DictionaryException(String file, int line, String reason) {
        super(file + ":" + line + ": " + reason);
        this.file = file;
        this.line = line;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }
}
