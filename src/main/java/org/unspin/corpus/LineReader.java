package org.unspin.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into lines at LF bytes (an LF is never part of a longer UTF-8 sequence, so no decoding
 * is needed to find lines). A line longer than the limit is never held in memory: its bytes go to an
 * {@link Overflow} sink, or are discarded.
 */
public final class LineReader {
    /** Where the bytes of a line over the limit go. */
    public interface Overflow {
        /** A sink for the whole line (without its LF), or null to discard it; closed by the reader. */
        OutputStream open() throws IOException;
    }

    private final InputStream in;
    private final int maxLineBytes;
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private boolean eof;

    private byte[] line = new byte[1 << 12];
    private int lineLength;
    private long number;
    private long offset;
    private long nextOffset;
    private long length;
    private boolean tooLong;

    public LineReader(InputStream in, int maxLineBytes) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
    }

    /**
     * Reads the next line. A final line without LF counts; an empty input has no lines.
     *
     * @param overflow receives the line if it is longer than the limit (null: discard)
     * @return false at the end of the input
     */
    public boolean next(Overflow overflow) throws IOException {
        lineLength = 0;
        length = 0;
        tooLong = false;
        offset = nextOffset;
        OutputStream sink = null;
        boolean any = false;
        try {
            while (true) {
                if (position == limit && !fill()) {
                    if (!any) {
                        return false;
                    }
                    break;
                }
                any = true;
                int start = position;
                int lf = indexOfLf(start);
                int end = lf < 0 ? limit : lf;
                int count = end - start;
                position = lf < 0 ? limit : lf + 1;
                length += count;
                if (!tooLong && length > maxLineBytes) {
                    tooLong = true;
                    sink = overflow == null ? null : overflow.open();
                    if (sink != null) {
                        sink.write(line, 0, lineLength);
                    }
                    lineLength = 0;
                }
                if (tooLong) {
                    if (sink != null) {
                        sink.write(buffer, start, count);
                    }
                } else {
                    append(start, count);
                }
                if (lf >= 0) {
                    nextOffset = offset + length + 1;
                    break;
                }
            }
        } finally {
            if (sink != null) {
                sink.close();
            }
        }
        if (nextOffset < offset + length) {
            nextOffset = offset + length;
        }
        number++;
        return true;
    }

    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        int n = in.read(buffer);
        while (n == 0) {
            n = in.read(buffer);
        }
        if (n < 0) {
            eof = true;
            return false;
        }
        position = 0;
        limit = n;
        return true;
    }

    private int indexOfLf(int from) {
        for (int i = from; i < limit; i++) {
            if (buffer[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private void append(int start, int count) {
        if (lineLength + count > line.length) {
            // Never beyond the limit: doubling a 40 MB buffer for a 64 MB limit would hold 80 MB.
            line = Arrays.copyOf(line, Math.max(Math.min(line.length * 2, maxLineBytes), lineLength + count));
        }
        System.arraycopy(buffer, start, line, lineLength, count);
        lineLength += count;
    }

    /** 1-based number of the current line. */
    public long number() {
        return number;
    }

    /** Byte offset of the current line's first byte in the stream. */
    public long offset() {
        return offset;
    }

    /** Bytes in the current line, without its LF (also when it was too long). */
    public long length() {
        return length;
    }

    /** Whether the current line was over the limit (its bytes went to the overflow sink). */
    public boolean tooLong() {
        return tooLong;
    }

    /** Bytes consumed so far, LFs included. */
    public long consumed() {
        return nextOffset;
    }

    /** The current line's bytes, without LF; only valid until the next call, empty if it was too long. */
    public byte[] buffer() {
        return line;
    }

    /** Bytes of the current line in {@link #buffer()}. */
    public int bufferLength() {
        return lineLength;
    }

    /** A copy of the current line's bytes without LF (empty if it was too long). */
    public byte[] copy() {
        return Arrays.copyOf(line, lineLength);
    }
}
