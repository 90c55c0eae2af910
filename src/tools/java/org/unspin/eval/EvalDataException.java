package org.unspin.eval;

/** Missing or damaged evaluation data; the message names the file (and line) and what to do. */
public final class EvalDataException extends RuntimeException {
    public EvalDataException(String message) {
        super(message);
    }
}
