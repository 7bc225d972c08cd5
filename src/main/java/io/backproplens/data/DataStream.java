package io.backproplens.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * An input file, gunzipped on the fly when it starts with the gzip magic bytes {@code 1f 8b}
 * (whatever its name says), whose failures all become one-line {@link DataFormatException}s.
 * Reads never allocate more than the data that actually arrived, so a lying header cannot.
 */
final class DataStream implements AutoCloseable {

    private static final int CHUNK = 1 << 20;

    final String name;
    final boolean gzipped;
    /** Size of a raw (not gzipped) file on disk, or -1 when unknown. */
    final long rawSize;
    private final InputStream in;
    private long consumed;

    private DataStream(String name, InputStream in, boolean gzipped, long rawSize) {
        this.name = name;
        this.in = in;
        this.gzipped = gzipped;
        this.rawSize = rawSize;
    }

    /**
     * Opens a regular file of at most {@code maxBytes} bytes on disk; {@code what} names what such
     * a file is at most ("an MNIST IDX file") in the message that refuses a bigger one.
     *
     * <p>The file's type and size are checked before it is opened: opening a FIFO blocks until a
     * writer appears (for ever, in practice), and a device such as /dev/zero never ends. Links are
     * followed on purpose (data folders are often links); it is the target that must be a regular
     * file. The type can still change between the check and the open; that race needs someone
     * swapping files under the reader and is not worth a native call to close.
     */
    static DataStream open(Path file, long maxBytes, String what) throws IOException {
        String name = file.toString();
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new DataFormatException(name, "file not found", e);
        } catch (AccessDeniedException e) {
            throw new DataFormatException(name, "cannot be read (permission denied)", e);
        }
        if (attributes.isDirectory()) {
            throw new DataFormatException(name, "is a directory, not a data file");
        }
        if (!attributes.isRegularFile()) {
            throw new DataFormatException(name, "is not a regular file (a pipe, device or socket?); give a data file");
        }
        if (attributes.size() > maxBytes) {
            throw new DataFormatException(name, "is " + megabytes(attributes.size()) + " on disk, more than the "
                    + megabytes(maxBytes) + " " + what + " can be");
        }
        try {
            return of(name, Files.newInputStream(file), attributes.size());
        } catch (NoSuchFileException e) {
            throw new DataFormatException(name, "file not found", e);
        } catch (AccessDeniedException e) {
            throw new DataFormatException(name, "cannot be read (permission denied)", e);
        }
    }

    /** A byte count for people: "2147.5 MB" (decimal megabytes, as file managers show them). */
    static String megabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1e6);
    }

    /** {@code fileSize} is the stream's byte count when known, else -1; {@code name} goes into messages. */
    static DataStream of(String name, InputStream raw, long fileSize) throws IOException {
        BufferedInputStream b = new BufferedInputStream(raw, 1 << 16);
        try {
            b.mark(2);
            int b0 = b.read(), b1 = b.read();
            b.reset();
            if (b0 < 0) {
                throw new DataFormatException(name, "file is empty");
            }
            if (b0 == 0x1f && b1 == 0x8b) {
                try {
                    return new DataStream(name, new GZIPInputStream(b, 1 << 16), true, -1);
                } catch (ZipException | EOFException e) {
                    throw notGzip(name, e);
                }
            }
            return new DataStream(name, b, false, fileSize);
        } catch (IOException | RuntimeException e) {
            b.close();
            throw e;
        }
    }

    /** Bytes still to come in a raw file of known size, else -1. */
    long remaining() {
        return rawSize < 0 ? -1 : rawSize - consumed;
    }

    /** Fills {@code buf[off, off+len)} unless the stream ends first; returns the bytes read. */
    int readUpTo(byte[] buf, int off, int len) throws IOException {
        int n = 0;
        while (n < len) {
            int r = read(buf, off + n, len - n);
            if (r <= 0) {
                break;
            }
            n += r;
        }
        return n;
    }

    /**
     * Reads up to {@code max} bytes into a buffer that doubles only when the data fills it, so the
     * allocation follows what arrives, not what a header promised.
     */
    byte[] readGrowing(int max) throws IOException {
        long known = remaining();
        byte[] buf = new byte[(int) Math.min(max, known >= 0 ? known : CHUNK)];
        int n = readUpTo(buf, 0, buf.length);
        while (n == buf.length && n < max) {
            buf = Arrays.copyOf(buf, (int) Math.min(max, Math.max(CHUNK, 2L * buf.length)));
            n += readUpTo(buf, n, buf.length - n);
        }
        return n == buf.length ? buf : Arrays.copyOf(buf, n);
    }

    /** True when the stream has no byte left (reads one if it has). */
    boolean atEnd() throws IOException {
        return readUpTo(new byte[1], 0, 1) == 0;
    }

    /** All reads go through here so a broken gzip stream becomes a one-line message. */
    private int read(byte[] buf, int off, int len) throws IOException {
        try {
            int r = in.read(buf, off, len);
            consumed += Math.max(r, 0);
            return r;
        } catch (ZipException | EOFException e) {
            if (!gzipped) {
                throw e;
            }
            throw notGzip(name, e);
        }
    }

    private static DataFormatException notGzip(String name, IOException e) {
        String why = e instanceof EOFException ? "the compressed data ends early (truncated download?)"
                : String.valueOf(e.getMessage());
        return new DataFormatException(name, "not a valid gzip stream: " + why, e);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
