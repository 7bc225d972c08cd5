package io.backproplens.train;

import io.backproplens.session.Dataset;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The normalised splits a trainer reads, in float32. x_train is kept row-major so that a batch of
 * consecutive rows is a contiguous view, not a copy.
 */
public record TrainData(INDArray xTrain, INDArray yTrain, INDArray xValid, INDArray yValid) {

    public TrainData {
        xTrain = rowMajorFloat(xTrain);
        xValid = rowMajorFloat(xValid);
        yTrain = yTrain.castTo(DataType.FLOAT).reshape(yTrain.length());
        yValid = yValid.castTo(DataType.FLOAT).reshape(yValid.length());
        if (xTrain.size(0) != yTrain.length() || xValid.size(0) != yValid.length()) {
            throw new IllegalArgumentException("rows of x and labels differ: train " + xTrain.size(0) + " vs " + yTrain.length()
                    + ", valid " + xValid.size(0) + " vs " + yValid.length());
        }
        if (xTrain.size(0) == 0 || xValid.size(0) == 0) throw new IllegalArgumentException("training needs rows in both splits");
    }

    public static TrainData of(Dataset d) { return new TrainData(d.xTrain(), d.yTrain(), d.xValid(), d.yValid()); }

    /** The first {@code trainRows} and {@code validRows} rows (fewer if the splits are shorter): quick runs and tests. */
    public TrainData head(int trainRows, int validRows) {
        long t = Math.min(trainRows, xTrain.size(0)), v = Math.min(validRows, xValid.size(0));
        return new TrainData(xTrain.get(NDArrayIndex.interval(0, t), NDArrayIndex.all()).dup('c'),
                yTrain.get(NDArrayIndex.interval(0, t)).dup(),
                xValid.get(NDArrayIndex.interval(0, v), NDArrayIndex.all()).dup('c'),
                yValid.get(NDArrayIndex.interval(0, v)).dup());
    }

    public int trainRows() { return (int) xTrain.size(0); }

    public int validRows() { return (int) xValid.size(0); }

    private static INDArray rowMajorFloat(INDArray x) {
        INDArray f = x.dataType() == DataType.FLOAT ? x : x.castTo(DataType.FLOAT);
        return f.ordering() == 'c' && !f.isView() ? f : f.dup('c');
    }
}
