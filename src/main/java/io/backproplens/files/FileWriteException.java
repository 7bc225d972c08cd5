package io.backproplens.files;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A file that could not be written, with a message a person can act on: {@code "cannot write
 * /x/y.npy: no space left on device"}. The file as it was before the attempt is still there.
 */
public final class FileWriteException extends IOException {
    private final transient Path file;
    private final String reason;

    FileWriteException(Path file, String reason, Throwable cause) {
        super("cannot write " + file + ": " + reason, cause);
        this.file = file;
        this.reason = reason;
    }

    /** The file that was to be written. */
    public Path file() { return file; }

    /** Why not, in plain words: "no space left on device", "permission denied", ... */
    public String reason() { return reason; }
}
