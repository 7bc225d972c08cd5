package io.backproplens.data;

import io.backproplens.Notebook;
import static io.backproplens.data.IdxReader.IMAGES_MAGIC;
import static io.backproplens.data.IdxReader.LABELS_MAGIC;
import static io.backproplens.data.TestData.gzip;
import static io.backproplens.data.TestData.idx;
import static io.backproplens.data.TestData.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backproplens.stats.Summary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class MnistLoaderTest {

    private static final Logger LOG = LoggerFactory.getLogger(MnistLoaderTest.class);

    @TempDir
    Path dir;

    @Test
    void bundledSplitHasTheNotebooksShapes() throws IOException {
        Mnist m = TestData.bundled();
        LOG.info("loadBundled() took {} ms", TestData.bundledLoadMillis);
        assertShape(m.xTrain(), 50000, 784);
        assertShape(m.yTrain(), 50000);
        assertShape(m.xValid(), 10000, 784);
        assertShape(m.yValid(), 10000);
        assertShape(m.xTest(), 10000, 784);
        assertShape(m.yTest(), 10000);
        assertThat(m.xTrain().ordering()).isEqualTo('c');
        assertThat(m.source()).isEqualTo("bundled MNIST (IDX)");
        assertThat(m.imageRows()).isEqualTo(28);
        assertThat(m.imageCols()).isEqualTo(28);
        // Per-element conversion would take tens of seconds; the one-pass one takes about one.
        assertThat(TestData.bundledLoadMillis).isLessThan(15_000);
    }

    @Test
    void bundledLabelsAndPixelsAreTheNotebooks() throws IOException {
        Mnist m = TestData.bundled();
        assertThat(m.yTrain().getFloat(0)).isEqualTo(5f);
        assertThat(m.label(0)).isEqualTo(5);
        assertThat(m.trainLabels()).hasSize(50000).startsWith(5, 0, 4, 1, 9, 2, 1, 3, 1, 4);
        assertThat(m.label(49999)).isEqualTo((int) m.yTrain().getFloat(49999));
        assertThat(m.yTest().getFloat(0)).isEqualTo(7f); // first t10k digit
        // byte / 256, not / 255: the brightest pixel is 255/256.
        Summary s = Summary.of(m.xTrain());
        assertThat(s.max()).isEqualTo(255.0 / 256);
        assertThat(s.min()).isZero();
        assertThat(Summary.of(m.yValid()).max()).isEqualTo(9);
    }

    @Test
    void bundledStatisticsAreTheOnesTheNotebookPrints() throws IOException {
        Mnist m = TestData.bundled();
        Summary train = Summary.of(m.xTrain());
        Summary valid = Summary.of(m.xValid());
        assertThat(f4(train.mean()) + "/" + f4(train.std())).isEqualTo(Notebook.X_TRAIN_STATS);
        assertThat(f4(valid.mean()) + "/" + f4(valid.std())).isEqualTo(Notebook.X_VALID_STATS);
    }

    @Test
    void directoryOfIdxFilesSplitsOffTheLastTenThousand() throws IOException {
        int n = 10_003;
        byte[] pixels = new byte[n * 784];
        byte[] labels = new byte[n];
        for (int i = 0; i < n; i++) {
            pixels[i * 784] = (byte) (i % 251); // first pixel tells the images apart
            labels[i] = (byte) (i % 10);
        }
        // Raw and gzipped names mixed, as people unpack downloads.
        write(dir, "train-images-idx3-ubyte", idx(IMAGES_MAGIC, new int[] {n, 28, 28}, pixels));
        write(dir, "train-labels-idx1-ubyte.gz", gzip(idx(LABELS_MAGIC, new int[] {n}, labels)));
        write(dir, "t10k-images-idx3-ubyte.gz", gzip(idx(IMAGES_MAGIC, new int[] {2, 28, 28}, new byte[2 * 784])));
        write(dir, "t10k-labels-idx1-ubyte", idx(LABELS_MAGIC, new int[] {2}, new byte[] {7, 2}));

        Mnist m = MnistLoader.load(dir);
        assertShape(m.xTrain(), 3, 784);
        assertShape(m.xValid(), 10000, 784);
        assertShape(m.yTest(), 2);
        assertThat(m.xValid().getFloat(0, 0)).isEqualTo(3f / 256); // valid starts at image 3
        assertThat(m.yValid().getFloat(0)).isEqualTo(3f);
        assertThat(m.xValid().getFloat(9999, 0)).isEqualTo((10_002 % 251) / 256f);
        assertThat(m.trainLabels()).containsExactly(0, 1, 2);
        assertThat(m.yTest().toFloatVector()).containsExactly(7f, 2f);
        assertThat(m.source()).contains(dir.toString());
    }

    @Test
    void directoryMissingAFile() throws IOException {
        write(dir, "train-images-idx3-ubyte.gz", gzip(idx(IMAGES_MAGIC, new int[] {1, 28, 28}, new byte[784])));
        assertThatThrownBy(() -> MnistLoader.load(dir))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(dir.resolve("train-labels-idx1-ubyte.gz") + ": file not found (nor train-labels-idx1-ubyte)");
    }

    @Test
    void labelsThatDoNotMatchTheImagesAreRefused() throws IOException {
        writeTestSet();
        write(dir, "train-images-idx3-ubyte", idx(IMAGES_MAGIC, new int[] {10_001, 28, 28}, new byte[10_001 * 784]));
        Path labels = write(dir, "train-labels-idx1-ubyte", idx(LABELS_MAGIC, new int[] {10_000}, new byte[10_000]));
        assertThatThrownBy(() -> MnistLoader.load(dir))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(labels + ": holds 10000 labels but " + dir.resolve("train-images-idx3-ubyte")
                        + " holds 10001 images");

        byte[] bad = new byte[10_001];
        bad[17] = 12;
        write(dir, "train-labels-idx1-ubyte", idx(LABELS_MAGIC, new int[] {10_001}, bad));
        assertThatThrownBy(() -> MnistLoader.load(dir))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(labels + ": label 12 at index 17 is not a digit 0..9");
    }

    @Test
    void tooFewImagesOrWrongSizeAreRefused() throws IOException {
        writeTestSet();
        Path images = write(dir, "train-images-idx3-ubyte", idx(IMAGES_MAGIC, new int[] {5, 28, 28}, new byte[5 * 784]));
        write(dir, "train-labels-idx1-ubyte", idx(LABELS_MAGIC, new int[] {5}, new byte[5]));
        assertThatThrownBy(() -> MnistLoader.load(dir))
                .hasMessageStartingWith(images + ": holds 5 images; the notebook's split needs more than 10000");

        write(dir, "train-images-idx3-ubyte", idx(IMAGES_MAGIC, new int[] {5, 27, 28}, new byte[5 * 27 * 28]));
        assertThatThrownBy(() -> MnistLoader.load(dir))
                .hasMessage(images + ": images are 27x28, but the network takes 28x28 MNIST digits");

        write(dir, "train-images-idx3-ubyte", idx(IMAGES_MAGIC, new int[] {0, 28, 28}, new byte[0]));
        write(dir, "train-labels-idx1-ubyte", idx(LABELS_MAGIC, new int[] {0}, new byte[0]));
        assertThatThrownBy(() -> MnistLoader.load(dir)).hasMessage(images + ": holds no images");
    }

    @Test
    void pathThatIsNeitherDirectoryNorPickle() throws IOException {
        Path missing = dir.resolve("mnist.pkl.gz");
        assertThatThrownBy(() -> MnistLoader.load(missing))
                .isInstanceOf(DataFormatException.class).hasMessage(missing + ": file not found");
        Path missingOther = dir.resolve("nothing-here");
        assertThatThrownBy(() -> MnistLoader.load(missingOther))
                .isInstanceOf(DataFormatException.class).hasMessage(missingOther + ": file not found");
        Path text = Files.writeString(dir.resolve("notes.txt"), "hello");
        assertThatThrownBy(() -> MnistLoader.load(text))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(text + ": is neither a directory of MNIST IDX files nor a .pkl.gz / .pkl pickle");
    }

    private void writeTestSet() throws IOException {
        write(dir, "t10k-images-idx3-ubyte", idx(IMAGES_MAGIC, new int[] {1, 28, 28}, new byte[784]));
        write(dir, "t10k-labels-idx1-ubyte", idx(LABELS_MAGIC, new int[] {1}, new byte[1]));
    }

    static void assertShape(INDArray a, long... shape) {
        assertThat(a.shape()).containsExactly(shape);
        assertThat(a.dataType()).isEqualTo(DataType.FLOAT);
    }

    static String f4(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }
}
