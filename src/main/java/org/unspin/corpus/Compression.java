package org.unspin.corpus;

import com.github.luben.zstd.ZstdInputStream;
import com.github.luben.zstd.ZstdOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/** Compression chosen by file name: {@code .gz} (gzip) and {@code .zst} (Zstandard); anything else is plain. */
public enum Compression {
    NONE(""), GZIP(".gz"), ZSTD(".zst");

    private final String suffix;

    Compression(String suffix) {
        this.suffix = suffix;
    }

    public static Compression of(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(GZIP.suffix)) {
            return GZIP;
        }
        return name.endsWith(ZSTD.suffix) ? ZSTD : NONE;
    }

    /** Suffixes of compressions that are not supported, so that such a file is not taken for plain text. */
    private static final java.util.List<String> UNSUPPORTED = java.util.List.of(".bz2", ".xz", ".lzma", ".lz", ".lz4",
            ".br", ".z", ".zip", ".7z", ".tgz");

    /** The unsupported compression suffix {@code fileName} ends in ({@code .bz2}, {@code .xz}, ...), or null. */
    public static String unsupportedSuffix(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        return UNSUPPORTED.stream().filter(name::endsWith).findFirst().orElse(null);
    }

    /** The file name without this compression's suffix ({@code a.jsonl.gz} → {@code a.jsonl}). */
    public String strip(String fileName) {
        return fileName.substring(0, fileName.length() - suffix.length());
    }

    /** Decompresses {@code in}; concatenated gzip members and zstd frames are read as one stream. */
    public InputStream decompress(InputStream in) throws IOException {
        return switch (this) {
            case NONE -> in;
            case GZIP -> new GZIPInputStream(in, 1 << 16);
            case ZSTD -> new ZstdInputStream(in);
        };
    }

    /**
     * Starts one compressed member (a gzip member or a zstd frame) on {@code out}. Closing the returned stream
     * ends the member but leaves {@code out} open, so a file can be written as a sequence of complete members:
     * every member boundary is a valid end of file, which is what makes a compressed output resumable.
     */
    public OutputStream member(OutputStream out) throws IOException {
        OutputStream keepOpen = new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                out.flush();
            }
        };
        return switch (this) {
            case NONE -> keepOpen;
            case GZIP -> new GZIPOutputStream(keepOpen, 1 << 16);
            case ZSTD -> new ZstdOutputStream(keepOpen, 3);
        };
    }
}
