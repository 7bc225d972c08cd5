package io.backproplens.data;

import static io.backproplens.data.MnistLoaderTest.assertShape;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.management.ThreadMXBean;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import net.razorvine.pickle.Pickler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

class MnistPickleTest {

    @TempDir
    Path dir;

    @Test
    void fixtureHasTheSampleShapes() throws IOException {
        Path sample = TestData.pickleSample();
        Mnist m = MnistLoader.load(sample);
        assertShape(m.xTrain(), 1000, 784);
        assertShape(m.yTrain(), 1000);
        assertShape(m.xValid(), 200, 784);
        assertShape(m.yValid(), 200);
        assertShape(m.xTest(), 200, 784);
        assertShape(m.yTest(), 200);
        assertThat(m.source()).isEqualTo(sample.toString());
        assertThat(m.label(0)).isEqualTo(5);
    }

    @Test
    void fixtureEqualsTheIdxRowsBitForBit() throws IOException {
        Mnist pkl = MnistLoader.load(TestData.pickleSample());
        Mnist idx = TestData.bundled();
        // The sample holds training images 0..999, then 1000..1199, then t10k 0..199.
        assertSameBits(pkl.xTrain(), rows(idx.xTrain(), 0, 1000));
        assertSameBits(pkl.yTrain(), idx.yTrain().get(NDArrayIndex.interval(0, 1000)));
        assertSameBits(pkl.xValid(), rows(idx.xTrain(), 1000, 1200));
        assertSameBits(pkl.yValid(), idx.yTrain().get(NDArrayIndex.interval(1000, 1200)));
        assertSameBits(pkl.xTest(), rows(idx.xTest(), 0, 200));
        assertSameBits(pkl.yTest(), idx.yTest().get(NDArrayIndex.interval(0, 200)));
    }

    @Test
    void python3PicklesOfNumpy2ReadTheSame() throws IOException {
        Mnist idx = TestData.bundled();
        for (String name : new String[] {"/mnist-tiny-py3-protocol4.pkl.gz", "/mnist-tiny-py3-protocol5.pkl.gz"}) {
            Mnist pkl = MnistLoader.load(TestData.resource(name));
            assertSameBits(pkl.xTrain(), rows(idx.xTrain(), 0, 3));
            assertSameBits(pkl.yTrain(), idx.yTrain().get(NDArrayIndex.interval(0, 3)));
            assertSameBits(pkl.xValid(), rows(idx.xValid(), 0, 3));
            assertSameBits(pkl.yValid(), idx.yValid().get(NDArrayIndex.interval(0, 3)));
            assertSameBits(pkl.xTest(), rows(idx.xTest(), 0, 3));
            assertSameBits(pkl.yTest(), idx.yTest().get(NDArrayIndex.interval(0, 3)));
        }
    }

    @Test
    void uncompressedPickleReadsTheSame() throws IOException {
        Path raw = Files.write(dir.resolve("mnist.pkl"), gunzippedSample());
        Mnist a = MnistLoader.load(raw);
        Mnist b = MnistLoader.load(TestData.pickleSample());
        assertSameBits(a.xValid(), b.xValid());
        assertSameBits(a.yTest(), b.yTest());
    }

    @Test
    void pickleThatIsNotTheTripleIsRefused() throws IOException {
        assertRefused(pickle("a.pkl.gz", true, Map.of("x", 1, "y", 2)),
                ": expected the MNIST triple ((x_train, y_train), (x_valid, y_valid), (x_test, y_test)) but found a dict with 2 keys");
        assertRefused(pickle("b.pkl", false, new Object[] {1, 2}),
                ": expected the MNIST triple ((x_train, y_train), (x_valid, y_valid), (x_test, y_test)) but found a tuple of 2 items");
        assertRefused(pickle("c.pkl", false, List.of(1, 2, 3)),
                ": expected the MNIST triple ((x_train, y_train), (x_valid, y_valid), (x_test, y_test)) but found a list of 3 items");
        assertRefused(pickle("d.pkl", false, new Object[] {new Object[] {1, 2}, "x", null}),
                ": train x: expected a float32 array [n, 784] but found the number 1");
        assertRefused(pickle("e.pkl", false, new Object[] {new Object[] {1}, null, null}),
                ": train split: expected a pair (x, y) but found a tuple of 1 item");
    }

    @Test
    void arrayOfTheWrongTypeIsRefused() throws IOException {
        byte[] p = gunzippedSample();
        // The first dtype code in the file is x_train's 'f4' (SHORT_BINSTRING of length 2): make it 'f8'.
        int at = indexOf(p, new byte[] {'U', 2, 'f', '4'});
        p[at + 3] = '8';
        Path f = Files.write(dir.resolve("f8.pkl"), p);
        assertRefused(f, ": train x: expected a float32 array [n, 784] but found a float64 array [1000, 784]");
    }

    @Test
    void truncatedPickleIsRefused() throws IOException {
        Path f = Files.write(dir.resolve("cut.pkl"), Arrays.copyOf(gunzippedSample(), 5000));
        assertRefused(f, ": not a readable pickle: opcode 0x54 announces 3136000 bytes but only 4857 are left");
    }

    @Test
    @Timeout(5)
    void hugeLengthInAPickleIsRefusedWithoutAllocatingIt() throws IOException {
        // PROTO 2, BINSTRING of 2^31-1 bytes, then three bytes and STOP.
        byte[] p = {(byte) 0x80, 2, 'T', (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x7f, 'a', 'b', '.'};
        Path f = Files.write(dir.resolve("huge.pkl"), p);
        ThreadMXBean mx = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = mx.getCurrentThreadAllocatedBytes();
        assertRefused(f, ": not a readable pickle: opcode 0x54 announces 2147483647 bytes but only 3 are left");
        assertThat(mx.getCurrentThreadAllocatedBytes() - before).isLessThan(8L << 20);
    }

    /** Found by MnistPickleFuzzTest: Pyrolite's message for protocol 5 out-of-band data ends in a line break. */
    @Test
    void outOfBandBufferIsRefusedInOneLine() throws IOException {
        // NEXT_BUFFER (0x97, protocol 5) as the first opcode; the rest is never read. The fuzzer's input.
        Path f = Files.write(dir.resolve("oob.pkl"), new byte[] {(byte) 0x97, 2, 'K', 'N', (byte) 0x9d, '.'});
        assertRefused(f, ": not a readable pickle: pickle stream refers to out-of-band data");
    }

    /** Found by MnistPickleFuzzTest: APPEND with no list on the stack threw Pyrolite's NullPointerException. */
    @Test
    void opcodesInAnOrderPythonNeverWritesAreRefusedInWords() throws IOException {
        // PROTO 2, NONE, NONE, APPEND, STOP.
        Path f = Files.write(dir.resolve("append.pkl"), new byte[] {(byte) 0x80, 2, 'N', 'N', 'a', '.'});
        assertRefused(f, ": not a readable pickle: its instructions do not fit together (a damaged file, or not a pickle)");
        assertThatThrownBy(() -> MnistLoader.load(f)).satisfies(e -> assertThat(e.getMessage()).doesNotContain("null", "Cannot invoke"));
    }

    @Test
    void bytesThatAreNoPickleAreRefused() throws IOException {
        Path f = Files.writeString(dir.resolve("text.pkl"), "hello, not a pickle");
        assertRefused(f, ": not a readable pickle: ");
        Path empty = Files.write(dir.resolve("empty.pkl.gz"), new byte[0]);
        assertRefused(empty, ": file is empty");
    }

    private static void assertRefused(Path file, String messageAfterName) {
        assertThatThrownBy(() -> MnistLoader.load(file))
                .isInstanceOf(DataFormatException.class)
                .hasMessageStartingWith(file + messageAfterName)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    private Path pickle(String name, boolean gz, Object content) throws IOException {
        byte[] p = new Pickler().dumps(content);
        return Files.write(dir.resolve(name), gz ? TestData.gzip(p) : p);
    }

    private static byte[] gunzippedSample() throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(TestData.pickleSample()))) {
            return in.readAllBytes();
        }
    }

    private static INDArray rows(INDArray x, int from, int to) {
        return x.get(NDArrayIndex.interval(from, to), NDArrayIndex.all());
    }

    private static void assertSameBits(INDArray actual, INDArray expected) {
        assertThat(actual.shape()).containsExactly(expected.shape());
        // Arrays.equals on float[] compares floatToIntBits: bit for bit.
        assertThat(Arrays.equals(actual.dup().data().asFloat(), expected.dup().data().asFloat()))
                .as("same float bits").isTrue();
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}
