package org.unspin.corpus;

/** A corpus input or corpus model that cannot be read; the message names the file and the line or byte offset. */
public final class CorpusException extends RuntimeException {
    public CorpusException(String message) {
        super(message, null, false, false);
    }
}
