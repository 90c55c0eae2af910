package org.unspin.lexicon;

import java.io.IOException;
import java.nio.file.Path;

/** A language-model file that cannot be read; the message names the file and the byte offset. */
public final class NgramFormatException extends IOException {
    private final transient Path file;
    private final long byteOffset;

    public NgramFormatException(Path file, long byteOffset, String reason) {
        super(file + ": byte " + byteOffset + ": " + reason);
        this.file = file;
        this.byteOffset = byteOffset;
    }

    public Path file() {
        return file;
    }

    public long byteOffset() {
        return byteOffset;
    }
}
