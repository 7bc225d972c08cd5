package io.backproplens.data;

import static io.backproplens.data.IdxReader.IMAGES_MAGIC;
import static io.backproplens.data.IdxReader.LABELS_MAGIC;
import static io.backproplens.data.TestData.gzip;
import static io.backproplens.data.TestData.idx;
import static io.backproplens.data.TestData.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.management.ThreadMXBean;
import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Arrays;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {

    @TempDir
    Path dir;

    private static final byte[] PIXELS = {0, 1, 2, (byte) 255, 10, 20, 30, (byte) 128, 7, 8, 9, 10};

    @Test
    void readsRawAndGzippedImagesAlike() throws Exception {
        byte[] file = idx(IMAGES_MAGIC, new int[] {3, 2, 2}, PIXELS);
        // Gzip is recognised by its magic bytes, so a misleading name does not matter.
        for (Path p : new Path[] {write(dir, "raw-images", file), write(dir, "gz-images", gzip(file)),
                                  write(dir, "raw-but-named.gz", file)}) {
            IdxReader.Images images = IdxReader.readImages(p);
            assertThat(images.count()).as(p.toString()).isEqualTo(3);
            assertThat(images.rows()).isEqualTo(2);
            assertThat(images.cols()).isEqualTo(2);
            assertThat(images.pixels()).containsExactly(PIXELS);
        }
    }

    @Test
    void readsLabelsFromAStream() throws Exception {
        byte[] file = gzip(idx(LABELS_MAGIC, new int[] {4}, new byte[] {5, 0, 4, 1}));
        IdxReader.Labels labels = IdxReader.readLabels("labels.gz", new ByteArrayInputStream(file));
        assertThat(labels.count()).isEqualTo(4);
        assertThat(labels.labels()).containsExactly(5, 0, 4, 1);
    }

    @Test
    void missingFile() {
        Path p = dir.resolve("train-images-idx3-ubyte.gz");
        assertFails(() -> IdxReader.readImages(p), p + ": file not found");
    }

    @Test
    void emptyFile() throws Exception {
        Path p = write(dir, "empty-idx3-ubyte", new byte[0]);
        assertFails(() -> IdxReader.readImages(p), p + ": file is empty");
    }

    @Test
    void emptyGzip() throws Exception {
        Path p = write(dir, "empty-idx3-ubyte.gz", gzip(new byte[0]));
        assertFails(() -> IdxReader.readImages(p), p + ": file is empty (after gunzip)");
    }

    @Test
    void truncatedRawFile() throws Exception {
        Path p = write(dir, "train-images-idx3-ubyte", idx(IMAGES_MAGIC, new int[] {60000, 28, 28}, new byte[1234]));
        assertFails(() -> IdxReader.readImages(p),
                p + ": header says 60000 images of 28x28 (47040000 bytes) but the file holds 1234 bytes after the header");
    }

    @Test
    void truncatedDataInsideAValidGzip() throws Exception {
        Path p = write(dir, "train-images-idx3-ubyte.gz",
                gzip(idx(IMAGES_MAGIC, new int[] {60000, 28, 28}, new byte[1234])));
        assertFails(() -> IdxReader.readImages(p), p + ": header says 60000 images of 28x28 (47040000 bytes)"
                + " but the decompressed data holds 1234 bytes after the header");
    }

    @Test
    void gzipCutShort() throws Exception {
        byte[] gz = gzip(idx(IMAGES_MAGIC, new int[] {100, 28, 28}, randomBytes(78400)));
        Path p = write(dir, "cut.gz", Arrays.copyOf(gz, gz.length / 2));
        assertFails(() -> IdxReader.readImages(p), p + ": not a valid gzip stream: the compressed data ends early");
    }

    @Test
    void corruptGzipChecksum() throws Exception {
        byte[] gz = gzip(idx(IMAGES_MAGIC, new int[] {3, 2, 2}, PIXELS));
        gz[gz.length - 8] ^= 1; // CRC-32 of the data, first byte of the 8-byte trailer
        Path p = write(dir, "bad-crc.gz", gz);
        assertFails(() -> IdxReader.readImages(p), p + ": not a valid gzip stream: Corrupt GZIP trailer");
    }

    @Test
    void corruptDeflateData() throws Exception {
        // A valid gzip header, then a deflate block of the reserved type 11.
        byte[] gz = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff, 0x07, 0, 0, 0, 0};
        Path p = write(dir, "bad-block.gz", gz);
        assertFails(() -> IdxReader.readImages(p), p + ": not a valid gzip stream: invalid block type");
    }

    @Test
    void gzipMagicFollowedByGarbage() throws Exception {
        Path p = write(dir, "garbage.gz", new byte[] {0x1f, (byte) 0x8b, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11});
        assertFails(() -> IdxReader.readImages(p), p + ": not a valid gzip stream: ");
    }

    @Test
    void wrongMagic() throws Exception {
        Path p = write(dir, "train-images-idx3-ubyte.gz", gzip(idx(0x00000802, new int[] {3, 2, 2}, PIXELS)));
        assertFails(() -> IdxReader.readImages(p),
                p + ": wrong IDX magic number 0x00000802 (expected 0x00000803 for images)");
        Path labels = write(dir, "labels", idx(LABELS_MAGIC, new int[] {4}, new byte[4]));
        assertFails(() -> IdxReader.readImages(labels),
                labels + ": wrong IDX magic number 0x00000801 (expected 0x00000803 for images)");
        Path images = write(dir, "images", idx(IMAGES_MAGIC, new int[] {3, 2, 2}, PIXELS));
        assertFails(() -> IdxReader.readLabels(images),
                images + ": wrong IDX magic number 0x00000803 (expected 0x00000801 for labels)");
    }

    @Test
    void fileEndsInsideHeader() throws Exception {
        Path p = write(dir, "short", Arrays.copyOf(idx(IMAGES_MAGIC, new int[] {3, 2, 2}, PIXELS), 10));
        assertFails(() -> IdxReader.readImages(p), p + ": file ends inside the IDX header (10 of 16 header bytes)");
    }

    @Test
    void headerDimsDisagreeWithFileSize() throws Exception {
        byte[] data = Arrays.copyOf(PIXELS, 16); // 4 images of 2x2, header says 3
        Path raw = write(dir, "raw", idx(IMAGES_MAGIC, new int[] {3, 2, 2}, data));
        assertFails(() -> IdxReader.readImages(raw),
                raw + ": header says 3 images of 2x2 (12 bytes) but the file holds 16 bytes after the header");
        Path gz = write(dir, "gz", gzip(idx(IMAGES_MAGIC, new int[] {3, 2, 2}, data)));
        assertFails(() -> IdxReader.readImages(gz),
                gz + ": header says 3 images of 2x2 (12 bytes) but the decompressed data holds more bytes after them");
        Path labels = write(dir, "labels", idx(LABELS_MAGIC, new int[] {5}, new byte[4]));
        assertFails(() -> IdxReader.readLabels(labels),
                labels + ": header says 5 labels (5 bytes) but the file holds 4 bytes after the header");
    }

    @Test
    @Timeout(5)
    void absurdDimsFailFastWithoutAllocating() throws Exception {
        String[][] cases = {
            {"2147483647,28,28", "absurd image count 2147483647 in header (MNIST has at most 70000)"},
            {"-1,28,28", "absurd image count 4294967295 in header (MNIST has at most 70000)"},
            {"2700000,28,28", "absurd image count 2700000 in header (MNIST has at most 70000)"},
            {"70001,28,28", "absurd image count 70001 in header (MNIST has at most 70000)"},
            {"60000,0,28", "absurd image size 0x28 in header (each side must be 1..4096)"},
            {"60000,28,5000", "absurd image size 28x5000 in header (each side must be 1..4096)"},
            {"70000,4096,4096", "header says 70000 images of 4096x4096 (1174405120000 bytes), more than MNIST's largest file (54880000 bytes)"},
            {"1000,1000,1000", "header says 1000 images of 1000x1000 (1000000000 bytes), more than MNIST's largest file (54880000 bytes)"},
        };
        for (String[] c : cases) {
            int[] dims = Arrays.stream(c[0].split(",")).mapToInt(Integer::parseInt).toArray();
            Path raw = write(dir, "absurd-raw", idx(IMAGES_MAGIC, dims, new byte[100]));
            Path gz = write(dir, "absurd.gz", gzip(idx(IMAGES_MAGIC, dims, new byte[100])));
            assertFailsWithoutAllocating(() -> IdxReader.readImages(raw), raw + ": " + c[1]);
            assertFailsWithoutAllocating(() -> IdxReader.readImages(gz), gz + ": " + c[1]);
        }
        Path labels = write(dir, "absurd-labels", idx(LABELS_MAGIC, new int[] {Integer.MAX_VALUE}, new byte[3]));
        assertFailsWithoutAllocating(() -> IdxReader.readLabels(labels),
                labels + ": absurd label count 2147483647 in header (MNIST has at most 70000)");
    }

    @Test
    @Timeout(5)
    void plausibleButLyingHeaderDoesNotAllocateWhatItClaims() throws Exception {
        // 70,000 images of 28x28 would be 55 MB; the file holds 100 bytes of them.
        byte[] file = idx(IMAGES_MAGIC, new int[] {70_000, 28, 28}, new byte[100]);
        Path raw = write(dir, "liar-raw", file);
        Path gz = write(dir, "liar.gz", gzip(file));
        assertFailsWithoutAllocating(() -> IdxReader.readImages(raw), raw
                + ": header says 70000 images of 28x28 (54880000 bytes) but the file holds 100 bytes after the header");
        assertFailsWithoutAllocating(() -> IdxReader.readImages(gz), gz + ": header says 70000 images of 28x28"
                + " (54880000 bytes) but the decompressed data holds 100 bytes after the header");
    }

    @Test
    void directoryInsteadOfFile() {
        assertFails(() -> IdxReader.readImages(dir), dir + ": is a directory, not a data file");
    }

    /** Fails with exactly one line that starts with {@code expectedStart}. */
    private static void assertFails(ThrowingCallable call, String expectedStart) {
        assertThatThrownBy(call)
                .isInstanceOf(DataFormatException.class)
                .hasMessageStartingWith(expectedStart)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    private static void assertFailsWithoutAllocating(ThrowingCallable call, String expectedStart) {
        ThreadMXBean mx = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = mx.getCurrentThreadAllocatedBytes();
        assertFails(call, expectedStart);
        long allocated = mx.getCurrentThreadAllocatedBytes() - before;
        assertThat(allocated).as("bytes allocated while refusing the file").isLessThan(8L << 20);
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        new java.util.Random(42).nextBytes(b);
        return b;
    }
}
