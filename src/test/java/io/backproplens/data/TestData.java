package io.backproplens.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Shared test data: the bundled MNIST loaded once per JVM, the pickle fixture, IDX bytes made by hand. */
final class TestData {

    private static Mnist bundled;
    static long bundledLoadMillis;

    private TestData() {}

    /** Loading takes a second and 600 MB: every test class shares one copy. */
    static synchronized Mnist bundled() throws IOException {
        if (bundled == null) {
            org.nd4j.linalg.factory.Nd4j.create(1); // native start-up is not part of the load time
            long t0 = System.nanoTime();
            bundled = MnistLoader.loadBundled();
            bundledLoadMillis = (System.nanoTime() - t0) / 1_000_000;
        }
        return bundled;
    }

    /** src/test/resources/mnist-sample.pkl.gz, a small file in the exact layout of the classic mnist.pkl.gz (see src/test/resources/README.md). */
    static Path pickleSample() {
        return resource("/mnist-sample.pkl.gz");
    }

    /** A file in src/test/resources (a plain directory on the test class path). */
    static Path resource(String name) {
        try {
            return Path.of(TestData.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An IDX header (magic then big-endian ints) followed by {@code data}. */
    static byte[] idx(int magic, int[] dims, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(4 * (1 + dims.length) + data.length);
        b.putInt(magic);
        for (int d : dims) {
            b.putInt(d);
        }
        return b.put(data).array();
    }

    static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static Path write(Path dir, String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }
}
