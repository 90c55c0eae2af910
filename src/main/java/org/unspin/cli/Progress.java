package org.unspin.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Progress of a corpus run on standard error: a bar redrawn in place when standard error is a terminal, a
 * plain line every few seconds when it is not (a log file), nothing when quiet. The ETA comes from the total
 * size of the input files (compressed bytes read against compressed sizes); standard input has no total.
 */
final class Progress {
    enum Mode { BAR, LINES, NONE }

    private static final long BAR_EVERY = 250_000_000L;
    private static final long LINES_EVERY = 5_000_000_000L;
    private static final int BAR_WIDTH = 24;

    private final PrintWriter err;
    private final Mode mode;
    private final long totalRaw;
    private final long started = System.nanoTime();
    private long last = started;
    private boolean drawn;

    /** @param totalRaw total size of the input files, or 0 when unknown */
    Progress(PrintWriter err, Mode mode, long totalRaw) {
        this.err = err;
        this.mode = mode;
        this.totalRaw = totalRaw;
    }

    /** BAR if standard error is a terminal (Linux: /proc/self/fd/2 points to a tty), else LINES. */
    static Mode detect() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            if ((target.startsWith("/dev/pts/") || target.startsWith("/dev/tty")) && !"dumb".equals(System.getenv("TERM"))) {
                return Mode.BAR;
            }
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // Not Linux, or no /proc: fall through to plain lines.
        }
        return Mode.LINES;
    }

    /** Called after every record; cheap unless it is time to print. */
    void update(long documents, long bytes, long rawBytes) {
        if (mode == Mode.NONE) {
            return;
        }
        long now = System.nanoTime();
        if (now - last < (mode == Mode.BAR ? BAR_EVERY : LINES_EVERY)) {
            return;
        }
        last = now;
        String line = line(documents, bytes, rawBytes, (now - started) / 1e9);
        if (mode == Mode.BAR) {
            err.print("\r" + line + "\u001b[K");
            drawn = true;
        } else {
            err.println("unspin: " + line);
        }
        err.flush();
    }

    /** Clears the bar before the summary. */
    void finish() {
        if (drawn) {
            err.print("\r\u001b[K");
            err.flush();
        }
    }

    String line(long documents, long bytes, long rawBytes, double seconds) {
        StringBuilder sb = new StringBuilder();
        double fraction = totalRaw > 0 ? Math.min(1, rawBytes / (double) totalRaw) : -1;
        if (mode == Mode.BAR && fraction >= 0) {
            int full = (int) Math.round(fraction * BAR_WIDTH);
            sb.append('[').append("#".repeat(full)).append(" ".repeat(BAR_WIDTH - full)).append("] ");
        }
        if (fraction >= 0) {
            sb.append(String.format(Locale.ROOT, "%3.0f%% ", fraction * 100));
        }
        double s = Math.max(seconds, 1e-9);
        sb.append(String.format(Locale.ROOT, "%,d docs, %,.1f MB, %,.0f docs/s, %.1f MB/s", documents, bytes / 1e6,
                documents / s, bytes / 1e6 / s));
        if (fraction > 0 && fraction < 1) {
            long eta = Math.round(seconds * (1 - fraction) / fraction);
            sb.append(String.format(Locale.ROOT, ", ETA %d:%02d:%02d", eta / 3600, eta / 60 % 60, eta % 60));
        }
        return sb.toString();
    }
}
