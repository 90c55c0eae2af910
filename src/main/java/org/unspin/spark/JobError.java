package org.unspin.spark;

/** A problem with the job's input, output or options: one line on standard error, exit code 2. */
final class JobError extends RuntimeException {
    JobError(String message) {
        super(message, null, false, false);
    }
}
