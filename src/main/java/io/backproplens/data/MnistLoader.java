package io.backproplens.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Builds the notebook's {@link Mnist} split from the IDX files bundled on the class path, from a
 * directory of IDX files, or from the notebook's own {@code mnist.pkl.gz}.
 *
 * <p>The split is the one {@code mnist.pkl.gz} was made with: train = the first 50,000 training
 * images, valid = the last 10,000, test = t10k; pixels are {@code byte / 256}.
 */
public final class MnistLoader {

    public static final String BUNDLED_SOURCE = "bundled MNIST (IDX)";
    /** The last this-many training images are the validation set. */
    public static final int VALID_SIZE = 10_000;

    static final String TRAIN_IMAGES = "train-images-idx3-ubyte";
    static final String TRAIN_LABELS = "train-labels-idx1-ubyte";
    static final String TEST_IMAGES = "t10k-images-idx3-ubyte";
    static final String TEST_LABELS = "t10k-labels-idx1-ubyte";

    /** byte/256 is exact in float: a multiplication by a power of two. */
    private static final float PIXEL_SCALE = 1f / 256;

    private MnistLoader() {}

    /** The four gzipped IDX files the build copies onto the class path under {@code /mnist/}. */
    public static Mnist loadBundled() throws IOException {
        return fromIdx(bundled(TRAIN_IMAGES, TRAIN_LABELS), bundled(TEST_IMAGES, TEST_LABELS), BUNDLED_SOURCE);
    }

    /**
     * A directory holding the four IDX files (each raw or {@code .gz}), or a {@code .pkl.gz} /
     * {@code .pkl} file in the layout of the notebook's {@code mnist.pkl.gz}.
     */
    public static Mnist load(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            return fromIdx(inDirectory(path, TRAIN_IMAGES, TRAIN_LABELS), inDirectory(path, TEST_IMAGES, TEST_LABELS),
                    "MNIST IDX files in " + path);
        }
        String lower = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (lower.endsWith(".pkl.gz") || lower.endsWith(".pkl")) {
            return MnistPickle.read(path);
        }
        if (!Files.exists(path)) {
            throw new DataFormatException(path.toString(), "file not found");
        }
        throw new DataFormatException(path.toString(),
                "is neither a directory of MNIST IDX files nor a .pkl.gz / .pkl pickle");
    }

    /** Images and their labels, with the names that go into messages about them. */
    private record Part(String imagesName, IdxReader.Images images, String labelsName, IdxReader.Labels labels) {

        void check() throws DataFormatException {
            if (images.count() == 0) {
                throw new DataFormatException(imagesName, "holds no images");
            }
            if (images.count() != labels.count()) {
                throw new DataFormatException(labelsName, "holds " + labels.count() + " labels but "
                        + imagesName + " holds " + images.count() + " images");
            }
            byte[] y = labels.labels();
            for (int i = 0; i < y.length; i++) {
                if ((y[i] & 0xff) > 9) {
                    throw new DataFormatException(labelsName, "label " + (y[i] & 0xff) + " at index " + i
                            + " is not a digit 0..9");
                }
            }
        }
    }

    private static Part bundled(String imagesBase, String labelsBase) throws IOException {
        String xName = imagesBase + ".gz", yName = labelsBase + ".gz";
        IdxReader.Images x;
        IdxReader.Labels y;
        try (InputStream in = resource(xName)) {
            x = IdxReader.readImages(xName, in, Mnist.IMAGE_ROWS, Mnist.IMAGE_COLS);
        }
        try (InputStream in = resource(yName)) {
            y = IdxReader.readLabels(yName, in);
        }
        return new Part(xName, x, yName, y);
    }

    private static InputStream resource(String name) throws DataFormatException {
        InputStream in = MnistLoader.class.getResourceAsStream("/mnist/" + name);
        if (in == null) {
            throw new DataFormatException(name, "not found on the class path at /mnist/ (the build copies data/mnist/*.gz there)");
        }
        return in;
    }

    private static Part inDirectory(Path dir, String imagesBase, String labelsBase) throws IOException {
        Path x = find(dir, imagesBase), y = find(dir, labelsBase);
        return new Part(x.toString(), IdxReader.readImages(x, Mnist.IMAGE_ROWS, Mnist.IMAGE_COLS),
                y.toString(), IdxReader.readLabels(y));
    }

    /**
     * The raw file if present, else its .gz: raw needs no inflating. Whatever exists under the name
     * is taken, so a FIFO or folder there is refused by name when opened, not skipped in silence.
     */
    private static Path find(Path dir, String base) throws DataFormatException {
        for (String name : new String[] {base, base + ".gz"}) {
            Path p = dir.resolve(name);
            if (Files.exists(p)) {
                return p;
            }
        }
        throw new DataFormatException(dir.resolve(base + ".gz").toString(), "file not found (nor " + base + ")");
    }

    private static Mnist fromIdx(Part train, Part test, String source) throws DataFormatException {
        train.check();
        test.check();
        int nTrain = train.images().count() - VALID_SIZE;
        if (nTrain < 1) {
            throw new DataFormatException(train.imagesName(), "holds " + train.images().count()
                    + " images; the notebook's split needs more than " + VALID_SIZE
                    + " (the last " + VALID_SIZE + " are the validation set)");
        }
        byte[] trainX = train.images().pixels(), trainY = train.labels().labels();
        int nTest = test.images().count();
        return new Mnist(
                images(trainX, 0, nTrain), labels(trainY, 0, nTrain),
                images(trainX, nTrain, VALID_SIZE), labels(trainY, nTrain, VALID_SIZE),
                images(test.images().pixels(), 0, nTest), labels(test.labels().labels(), 0, nTest),
                source);
    }

    /**
     * Images {@code [first, first+n)} as FLOAT [n,784]. One pass straight into the array's native
     * memory through a small chunk: per-element puts take many seconds, and a heap float[] handed
     * to Nd4j.create costs 157 MB more and a second copy (measured 2.4x slower).
     */
    private static INDArray images(byte[] pixels, int first, int n) {
        INDArray x = Nd4j.createUninitialized(DataType.FLOAT, new long[] {n, Mnist.PIXELS}, 'c');
        FloatBuffer out = x.data().asNioFloat();
        float[] chunk = new float[1 << 16];
        int from = first * Mnist.PIXELS, total = n * Mnist.PIXELS;
        for (int at = 0; at < total; at += chunk.length) {
            int len = Math.min(chunk.length, total - at);
            for (int i = 0; i < len; i++) {
                chunk[i] = (pixels[from + at + i] & 0xff) * PIXEL_SCALE;
            }
            out.put(at, chunk, 0, len);
        }
        return x;
    }

    private static INDArray labels(byte[] labels, int first, int n) {
        float[] f = new float[n];
        for (int i = 0; i < n; i++) {
            f[i] = labels[first + i] & 0xff;
        }
        return Nd4j.create(f, new long[] {n}, 'c');
    }
}
