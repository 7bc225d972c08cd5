package io.backproplens.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads the IDX files MNIST is published in: a big-endian header {@code 00 00 08 ndims}, one int
 * per dimension, then unsigned bytes. Files may be gzipped or raw (see {@link DataStream}).
 *
 * <p>The header is never trusted for allocation: a 20-byte file claiming two billion images must
 * fail fast with a message, not with an OutOfMemoryError. Counts above MNIST's own 70,000 and files
 * bigger on disk than MNIST's largest are refused before anything is read; raw files are checked
 * against their size before the data is read; gzip streams are read into a buffer that grows with
 * the bytes that actually arrive, and the length is checked exactly afterwards.
 */
public final class IdxReader {

    public static final int IMAGES_MAGIC = 0x00000803;
    public static final int LABELS_MAGIC = 0x00000801;
    /** MNIST has 70,000 images (60,000 training, 10,000 test): no file of it holds more. */
    public static final int MAX_COUNT = 70_000;
    public static final int MAX_SIDE = 4096;
    /** The data of MNIST's largest possible file, 70,000 images of 28x28. */
    public static final long MAX_DATA_BYTES = (long) MAX_COUNT * 28 * 28;
    /** On disk: header, data, and room for gzip's overhead on incompressible bytes (under 1%). */
    static final long MAX_FILE_BYTES = MAX_DATA_BYTES + MAX_DATA_BYTES / 100 + (1 << 16);
    private static final String WHAT = "an MNIST IDX file";

    /** {@code count} images of {@code rows x cols} unsigned bytes, row-major, image after image. */
    public record Images(int count, int rows, int cols, byte[] pixels) {}

    /** {@code count} labels, one unsigned byte each. */
    public record Labels(int count, byte[] labels) {}

    private IdxReader() {}

    /** Images of any size (each side 1..{@value #MAX_SIDE}). */
    public static Images readImages(Path file) throws IOException {
        return readImages(file, 0, 0);
    }

    /**
     * Images of exactly {@code rows x cols} (0, 0: any size), checked in the header before the
     * pixels are read: the network takes 28x28 and nothing else.
     */
    public static Images readImages(Path file, int rows, int cols) throws IOException {
        try (DataStream s = DataStream.open(file, MAX_FILE_BYTES, WHAT)) {
            return readImages(s, rows, cols);
        }
    }

    public static Labels readLabels(Path file) throws IOException {
        try (DataStream s = DataStream.open(file, MAX_FILE_BYTES, WHAT)) {
            return readLabels(s);
        }
    }

    /** For streams of unknown size, such as class path resources; {@code name} goes into messages. */
    public static Images readImages(String name, InputStream in) throws IOException {
        return readImages(name, in, 0, 0);
    }

    public static Images readImages(String name, InputStream in, int rows, int cols) throws IOException {
        try (DataStream s = DataStream.of(name, in, -1)) {
            return readImages(s, rows, cols);
        }
    }

    public static Labels readLabels(String name, InputStream in) throws IOException {
        try (DataStream s = DataStream.of(name, in, -1)) {
            return readLabels(s);
        }
    }

    private static Images readImages(DataStream s, int wantRows, int wantCols) throws IOException {
        int[] dims = header(s, IMAGES_MAGIC, "images", 3);
        int count = dims[0], rows = dims[1], cols = dims[2];
        checkCount(s, count, "image");
        if (rows < 1 || rows > MAX_SIDE || cols < 1 || cols > MAX_SIDE) {
            throw new DataFormatException(s.name, "absurd image size " + rows + "x" + cols
                    + " in header (each side must be 1.." + MAX_SIDE + ")");
        }
        if (wantRows > 0 && (rows != wantRows || cols != wantCols)) {
            throw new DataFormatException(s.name, "images are " + rows + "x" + cols
                    + ", but the network takes " + wantRows + "x" + wantCols + " MNIST digits");
        }
        byte[] pixels = body(s, (long) count * rows * cols, count + " images of " + rows + "x" + cols);
        return new Images(count, rows, cols, pixels);
    }

    private static Labels readLabels(DataStream s) throws IOException {
        int count = header(s, LABELS_MAGIC, "labels", 1)[0];
        checkCount(s, count, "label");
        return new Labels(count, body(s, count, count + " labels"));
    }

    /** Reads the magic number and returns the {@code dims} big-endian ints that follow it. */
    private static int[] header(DataStream s, int magic, String kind, int dims) throws IOException {
        byte[] raw = new byte[4 * (1 + dims)];
        int n = s.readUpTo(raw, 0, raw.length);
        if (n == 0) {
            throw new DataFormatException(s.name, s.gzipped ? "file is empty (after gunzip)" : "file is empty");
        }
        if (n >= 4 && word(raw, 0) != magic) {
            throw new DataFormatException(s.name, String.format(Locale.ROOT,
                    "wrong IDX magic number 0x%08X (expected 0x%08X for %s)", word(raw, 0), magic, kind));
        }
        if (n < raw.length) {
            throw new DataFormatException(s.name, "file ends inside the IDX header (" + n + " of "
                    + raw.length + " header bytes)");
        }
        int[] sizes = new int[dims];
        for (int i = 0; i < dims; i++) {
            sizes[i] = word(raw, 4 * (i + 1));
        }
        return sizes;
    }

    private static void checkCount(DataStream s, int count, String what) throws DataFormatException {
        if (count < 0 || count > MAX_COUNT) {
            throw new DataFormatException(s.name, "absurd " + what + " count " + Integer.toUnsignedLong(count)
                    + " in header (MNIST has at most " + MAX_COUNT + ")");
        }
    }

    /** Reads exactly {@code expected} data bytes and insists that nothing follows them. */
    private static byte[] body(DataStream s, long expected, String claim) throws IOException {
        String says = "header says " + claim + " (" + expected + " bytes)";
        String holder = s.gzipped ? "decompressed data" : "file";
        if (expected > MAX_DATA_BYTES) {
            throw new DataFormatException(s.name, says + ", more than MNIST's largest file ("
                    + MAX_DATA_BYTES + " bytes)");
        }
        long known = s.remaining();
        if (known >= 0 && known != expected) {
            // Raw file of known size: refuse before allocating anything.
            throw new DataFormatException(s.name, says + " but the file holds " + known + " bytes after the header");
        }
        byte[] data = s.readGrowing((int) expected);
        if (data.length < expected) {
            throw new DataFormatException(s.name, says + " but the " + holder + " holds "
                    + data.length + " bytes after the header");
        }
        if (!s.atEnd()) {
            throw new DataFormatException(s.name, says + " but the " + holder + " holds more bytes after them");
        }
        return data;
    }

    private static int word(byte[] b, int at) {
        return (b[at] & 0xff) << 24 | (b[at + 1] & 0xff) << 16 | (b[at + 2] & 0xff) << 8 | (b[at + 3] & 0xff);
    }
}
