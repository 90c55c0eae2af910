package org.unspin.cli;

/**
 * A problem with the user's input, files or dictionaries: reported as one line on stderr, exit code 2.
 * The message already names the file (and line or byte offset when there is one).
 */
final class UserError extends RuntimeException {
    UserError(String message) {
        super(message, null, false, false);
    }
}
