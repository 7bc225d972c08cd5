package io.backproplens.data;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The notebook's three splits of MNIST, as the notebook holds them after {@code map(tensor, ...)}:
 * x as FLOAT {@code [n, 784]} in c order with pixels {@code byte / 256}, y as a FLOAT vector
 * {@code [n]} (the digit as a float, because the notebook's loss is an MSE against it).
 * Immutable by convention: nobody should write into these arrays; normalise into new ones.
 */
public final class Mnist {

    public static final int IMAGE_ROWS = 28;
    public static final int IMAGE_COLS = 28;
    public static final int PIXELS = IMAGE_ROWS * IMAGE_COLS;

    private final INDArray xTrain, yTrain, xValid, yValid, xTest, yTest;
    private final String source;
    /** Labels as ints for the UI, which asks per image; reading yTrain each time would cross into native code. */
    private final int[] trainLabels;

    public Mnist(INDArray xTrain, INDArray yTrain, INDArray xValid, INDArray yValid,
                 INDArray xTest, INDArray yTest, String source) {
        check("train", xTrain, yTrain);
        check("valid", xValid, yValid);
        check("test", xTest, yTest);
        this.xTrain = xTrain;
        this.yTrain = yTrain;
        this.xValid = xValid;
        this.yValid = yValid;
        this.xTest = xTest;
        this.yTest = yTest;
        this.source = source;
        this.trainLabels = yTrain.toIntVector();
    }

    private static void check(String split, INDArray x, INDArray y) {
        long n = x.rank() == 2 ? x.size(0) : -1;
        boolean ok = n >= 0 && x.size(1) == PIXELS && x.dataType() == DataType.FLOAT && x.ordering() == 'c'
                && y.rank() == 1 && y.size(0) == n && y.dataType() == DataType.FLOAT;
        if (!ok) {
            throw new IllegalArgumentException(split + " split must be FLOAT x [n,784] (c order) and FLOAT y [n], got x "
                    + x.dataType() + Arrays.toString(x.shape()) + " (" + x.ordering() + " order) and y "
                    + y.dataType() + Arrays.toString(y.shape()));
        }
    }

    public INDArray xTrain() { return xTrain; }
    public INDArray yTrain() { return yTrain; }
    public INDArray xValid() { return xValid; }
    public INDArray yValid() { return yValid; }
    public INDArray xTest() { return xTest; }
    public INDArray yTest() { return yTest; }

    /** Where the data came from, for people: "bundled MNIST (IDX)", a directory or a pickle path. */
    public String source() { return source; }

    public int imageRows() { return IMAGE_ROWS; }
    public int imageCols() { return IMAGE_COLS; }

    public int trainSize() { return trainLabels.length; }

    /** The digit shown by training image {@code i}. */
    public int label(int i) { return trainLabels[i]; }

    /** All training labels as ints (a copy: 200 KB, cheap next to the images). */
    public int[] trainLabels() { return trainLabels.clone(); }

    @Override
    public String toString() {
        return "Mnist[" + source + ": train " + xTrain.size(0) + ", valid " + xValid.size(0)
                + ", test " + xTest.size(0) + "]";
    }
}
