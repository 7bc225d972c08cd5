package io.backproplens.data;

import static io.backproplens.data.IdxReader.IMAGES_MAGIC;
import static io.backproplens.data.IdxReader.LABELS_MAGIC;
import static io.backproplens.data.TestData.gzip;
import static io.backproplens.data.TestData.idx;
import static io.backproplens.data.TestData.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.management.ThreadMXBean;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files a hostile (or unlucky) user points the app at: a FIFO, a device, a folder, gigabytes of
 * garbage, a header promising millions of images. Each is refused at once, before it is opened or
 * read, with the file's name and the reason; none may hang, read gigabytes or allocate them.
 */
class HostileFilesTest {

    @TempDir
    Path dir;

    /** Opening a FIFO for reading blocks until a writer comes: the timeout is what fails if it is opened. */
    @Test
    @Timeout(10)
    void fifoIsRefusedWithoutOpeningIt() throws Exception {
        Path idxFifo = mkfifo(dir.resolve("train-images-idx3-ubyte"));
        assertRefused(() -> IdxReader.readImages(idxFifo), idxFifo + ": is not a regular file (a pipe, device or socket?)");
        // In a data folder it is reported under its own name, not skipped for a missing .gz.
        write(dir, "train-labels-idx1-ubyte", idx(LABELS_MAGIC, new int[] {1}, new byte[1]));
        assertRefused(() -> MnistLoader.load(dir), idxFifo + ": is not a regular file");
        Path pickleFifo = mkfifo(dir.resolve("mnist.pkl.gz"));
        assertRefused(() -> MnistLoader.load(pickleFifo), pickleFifo + ": is not a regular file");
    }

    @Test
    @Timeout(10)
    void deviceBehindALinkIsRefused() throws Exception {
        Path zero = Path.of("/dev/zero");
        assumeTrue(Files.exists(zero), "no /dev/zero here");
        // A link is followed (data folders often are links), so it is the device that is judged.
        Path link = Files.createSymbolicLink(dir.resolve("mnist.pkl"), zero);
        assertRefused(() -> MnistLoader.load(link), link + ": is not a regular file (a pipe, device or socket?)");
        assertRefused(() -> IdxReader.readLabels(zero), "/dev/zero: is not a regular file");
    }

    @Test
    void folderWhereAFileShouldBe() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("train-images-idx3-ubyte"));
        write(dir, "train-labels-idx1-ubyte", idx(LABELS_MAGIC, new int[] {1}, new byte[1]));
        assertRefused(() -> MnistLoader.load(dir), folder + ": is a directory, not a data file");
        Path pickleFolder = Files.createDirectories(dir.resolve("x.pkl"));
        assertRefused(() -> MnistPickle.read(pickleFolder), pickleFolder + ": is a directory, not a data file");
    }

    /** 2 GB of (sparse) garbage named .pkl: refused by its size, without reading a byte of it. */
    @Test
    @Timeout(10)
    void oversizedPickleIsRefusedBySize() throws Exception {
        Path p = sparse(dir.resolve("mnist.pkl"), 2_000_000_000L);
        assertRefusedWithoutAllocating(() -> MnistLoader.load(p),
                p + ": is 2000.0 MB on disk, more than the 300.0 MB the MNIST pickle (about 220 MB unpacked) can be");
        Path gz = sparse(dir.resolve("mnist.pkl.gz"), 400_000_000L);
        assertRefusedWithoutAllocating(() -> MnistLoader.load(gz), gz + ": is 400.0 MB on disk, more than the 300.0 MB");
    }

    @Test
    @Timeout(10)
    void oversizedIdxFileIsRefusedBySize() throws Exception {
        Path p = sparse(dir.resolve("train-images-idx3-ubyte.gz"), 1L << 31);
        assertRefusedWithoutAllocating(() -> IdxReader.readImages(p),
                p + ": is 2147.5 MB on disk, more than the 55.5 MB an MNIST IDX file can be");
    }

    /** The case: a header claiming 2.7 million images took 31 s and 12.6 GB before an exception trace. */
    @Test
    @Timeout(10)
    void headerPromisingMoreImagesThanMnistHasIsRefusedBeforeAllocation() throws Exception {
        byte[] file = idx(IMAGES_MAGIC, new int[] {2_700_000, 28, 28}, new byte[784 * 10]);
        Path raw = write(dir, "train-images-idx3-ubyte", file);
        Path gz = write(dir, "images.gz", gzip(file));
        for (Path p : new Path[] {raw, gz}) {
            assertRefusedWithoutAllocating(() -> IdxReader.readImages(p, 28, 28),
                    p + ": absurd image count 2700000 in header (MNIST has at most 70000)");
        }
    }

    @Test
    void imagesOfTheWrongSizeAreRefusedInTheHeader() throws Exception {
        // 60,000 images of 28x29 promised; only the header is there, so reading on would say "truncated".
        Path p = write(dir, "train-images-idx3-ubyte", idx(IMAGES_MAGIC, new int[] {60_000, 28, 29}, new byte[0]));
        assertRefused(() -> IdxReader.readImages(p, 28, 28),
                p + ": images are 28x29, but the network takes 28x28 MNIST digits");
    }

    private static Path mkfifo(Path p) throws Exception {
        Process mk = new ProcessBuilder("mkfifo", p.toString()).redirectErrorStream(true).start();
        assumeTrue(mk.waitFor() == 0, "mkfifo is not available: " + new String(mk.getInputStream().readAllBytes()));
        return p;
    }

    /** A file of {@code size} bytes that takes no disk space: a hole the reader must never read. */
    private static Path sparse(Path p, long size) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
            f.setLength(size);
        }
        return p;
    }

    private static void assertRefused(ThrowingCallable call, String expectedStart) {
        assertThatThrownBy(call)
                .isInstanceOf(DataFormatException.class)
                .hasMessageStartingWith(expectedStart)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    private static void assertRefusedWithoutAllocating(ThrowingCallable call, String expectedStart) {
        ThreadMXBean mx = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = mx.getCurrentThreadAllocatedBytes();
        assertRefused(call, expectedStart);
        assertThat(mx.getCurrentThreadAllocatedBytes() - before).as("bytes allocated while refusing").isLessThan(8L << 20);
    }
}
