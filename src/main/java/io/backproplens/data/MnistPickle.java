package io.backproplens.data;

import io.backproplens.data.NumpyPickle.NdArray;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Reads the notebook's {@code mnist.pkl.gz}: a (gzipped) pickle of
 * {@code ((x_train, y_train), (x_valid, y_valid), (x_test, y_test))}, x float32 {@code [n, 784]},
 * y int64 {@code [n]}. Anything else is refused with a message saying what was found instead.
 */
final class MnistPickle {

    private static final String[] SPLITS = {"train", "valid", "test"};
    /**
     * The notebook's pickle is 220 MB unpacked (70,000 x 784 float32 and the labels); nothing
     * bigger is read, on disk or after gunzip, so 2 GB of garbage is refused by its size alone.
     */
    static final long MAX_BYTES = 300_000_000;
    private static final String WHAT = "the MNIST pickle (about 220 MB unpacked)";

    private MnistPickle() {}

    static Mnist read(Path file) throws IOException {
        String name = file.toString();
        byte[] pickle;
        try (DataStream in = DataStream.open(file, MAX_BYTES, WHAT)) {
            pickle = in.readGrowing((int) MAX_BYTES);
            if (!in.atEnd()) {
                throw new DataFormatException(name, "unpacks to more than " + DataStream.megabytes(MAX_BYTES)
                        + ", more than " + WHAT + " can be");
            }
        }
        return read(name, pickle);
    }

    /** The triple from a pickle's bytes (already gunzipped); {@code name} goes into messages. */
    static Mnist read(String name, byte[] pickle) throws DataFormatException {
        Object root = NumpyPickle.load(name, pickle);
        Object[] triple = tuple(root, 3);
        if (triple == null) {
            throw new DataFormatException(name, "expected the MNIST triple ((x_train, y_train), (x_valid, y_valid), "
                    + "(x_test, y_test)) but found " + describe(root));
        }
        INDArray[] xy = new INDArray[6];
        for (int s = 0; s < 3; s++) {
            Object[] pair = tuple(triple[s], 2);
            if (pair == null) {
                throw new DataFormatException(name, SPLITS[s] + " split: expected a pair (x, y) but found "
                        + describe(triple[s]));
            }
            xy[2 * s] = images(name, SPLITS[s], pair[0]);
            xy[2 * s + 1] = labels(name, SPLITS[s], pair[1], xy[2 * s].size(0));
        }
        return new Mnist(xy[0], xy[1], xy[2], xy[3], xy[4], xy[5], name);
    }

    private static INDArray images(String name, String split, Object o) throws DataFormatException {
        if (!(o instanceof NdArray a) || !a.is("f4") || a.shape.length != 2 || a.shape[1] != Mnist.PIXELS) {
            throw new DataFormatException(name, split + " x: expected a float32 array [n, 784] but found " + describe(o));
        }
        ByteBuffer bytes = bytes(name, split + " x", a, 4);
        // A Fortran-ordered pickle is column-major: read it as such, then lay it out in c order.
        INDArray x = Nd4j.createUninitialized(DataType.FLOAT, a.shape, a.fortranOrder ? 'f' : 'c');
        x.data().asNioFloat().put(bytes.asFloatBuffer()); // bulk copy into native memory, no float[] between
        return a.fortranOrder ? x.dup('c') : x;
    }

    private static INDArray labels(String name, String split, Object o, long n) throws DataFormatException {
        if (!(o instanceof NdArray a) || !(a.is("i8") || a.is("i4")) || a.shape.length != 1) {
            throw new DataFormatException(name, split + " y: expected an int64 vector [n] but found " + describe(o));
        }
        if (a.shape[0] != n) {
            throw new DataFormatException(name, split + " y: " + a.shape[0] + " labels for " + n + " images");
        }
        boolean wide = a.is("i8");
        ByteBuffer bytes = bytes(name, split + " y", a, wide ? 8 : 4);
        float[] f = new float[(int) n];
        for (int i = 0; i < f.length; i++) {
            long v = wide ? bytes.getLong() : bytes.getInt();
            if (v < 0 || v > 9) {
                throw new DataFormatException(name, split + " y: label " + v + " at index " + i + " is not a digit 0..9");
            }
            f[i] = v;
        }
        return Nd4j.create(f, new long[] {n}, 'c');
    }

    /** The array's raw bytes, checked to hold exactly its elements. */
    private static ByteBuffer bytes(String name, String what, NdArray a, int width) throws DataFormatException {
        ByteBuffer b = a.bytes();
        long n = a.elements();
        if (b == null || n < 0 || n > Integer.MAX_VALUE || b.remaining() != n * width) {
            throw new DataFormatException(name, what + ": " + a.describe() + " should hold " + n + " x " + width
                    + " bytes but holds " + (b == null ? "no raw bytes" : b.remaining()));
        }
        return b;
    }

    private static Object[] tuple(Object o, int size) {
        return o instanceof Object[] t && t.length == size ? t : null;
    }

    /** What a Python reader would call the object, for messages. */
    static String describe(Object o) {
        if (o == null) {
            return "None";
        }
        if (o instanceof NdArray a) {
            return "a " + a.describe();
        }
        if (o instanceof Object[] t) {
            return "a tuple of " + items(t.length);
        }
        if (o instanceof List<?> l) {
            return "a list of " + items(l.size());
        }
        if (o instanceof Map<?, ?> m) {
            return "a dict with " + m.size() + (m.size() == 1 ? " key" : " keys");
        }
        if (o instanceof String || o instanceof byte[]) {
            return "a string";
        }
        if (o instanceof Number) {
            return "the number " + o;
        }
        if (o instanceof Boolean) {
            return "a bool";
        }
        if (o instanceof net.razorvine.pickle.objects.ClassDict c) {
            return "a " + c.getClassName() + " object";
        }
        return "a " + o.getClass().getSimpleName();
    }

    private static String items(int n) {
        return n + (n == 1 ? " item" : " items");
    }
}
