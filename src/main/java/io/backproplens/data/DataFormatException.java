package io.backproplens.data;

import java.io.IOException;

/**
 * A data file that exists but cannot be used: wrong magic number, sizes that disagree, a broken
 * gzip stream, a pickle that is not the MNIST triple. The message is one line that starts with the
 * file name, so the app can show it to a teacher as it is.
 */
public final class DataFormatException extends IOException {

    public DataFormatException(String fileName, String problem) {
        super(fileName + ": " + oneLine(problem));
    }

    public DataFormatException(String fileName, String problem, Throwable cause) {
        super(fileName + ": " + oneLine(problem), cause);
    }

    /** Library messages may end in a line break (Pyrolite's do, found by fuzzing): one line, always. */
    private static String oneLine(String problem) {
        return String.valueOf(problem).strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
