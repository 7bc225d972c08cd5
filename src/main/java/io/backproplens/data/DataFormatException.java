package io.backproplens.data;

import java.io.IOException;

/**
 * A data file that exists but cannot be used: wrong magic number, sizes that disagree, a broken
 * gzip stream, a pickle that is not the MNIST triple. The message is one line that starts with the
 * file name, so the app can show it to a teacher as it is.
 */
public final class DataFormatException extends IOException {

    public DataFormatException(String fileName, String problem) {
        super(fileName + ": " + problem);
    }

    public DataFormatException(String fileName, String problem, Throwable cause) {
        super(fileName + ": " + problem, cause);
    }
}
