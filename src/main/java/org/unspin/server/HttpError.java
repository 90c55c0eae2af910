package org.unspin.server;

/** A request the server refuses, with the HTTP status and a one-line message for the client. */
final class HttpError extends RuntimeException {
    private final int status;

    HttpError(int status, String message) {
        super(message);
        this.status = status;
    }

    int status() {
        return status;
    }
}
