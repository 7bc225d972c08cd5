package io.backproplens.data;

import io.backproplens.stats.Summary;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The notebook's {@code normalize(x, m, s) = (x - m) / s}, with m and s taken from the training set
 * and applied unchanged to the validation set (so valid ends near, not at, mean 0 / std 1).
 *
 * @param mean mean of the data the normaliser was fitted on, computed in double
 * @param std  unbiased (n-1) standard deviation of that data, computed in double
 */
public record Normalizer(double mean, double std) {

    public Normalizer {
        if (!Double.isFinite(mean) || !(std > 0) || !Double.isFinite(std)) {
            throw new IllegalArgumentException("cannot normalise with mean " + mean + " and std " + std);
        }
    }

    /** Mean and std of every element of {@code x}, e.g. the training images. */
    public static Normalizer fit(INDArray x) {
        Summary s = Summary.of(x);
        return new Normalizer(s.mean(), s.std());
    }

    /** {@code (x - mean) / std} as a new FLOAT array; {@code x} is left as it is. */
    public INDArray apply(INDArray x) {
        return normalize(x, mean, std);
    }

    /**
     * {@code (x - m) / s} as a new FLOAT array, computed in float32 like the notebook's torch code
     * (m and s rounded to float first), so the printed statistics agree with it.
     */
    public static INDArray normalize(INDArray x, double m, double s) {
        INDArray out = x.dataType() == DataType.FLOAT ? x.dup(x.ordering()) : x.castTo(DataType.FLOAT);
        return out.subi((float) m).divi((float) s);
    }
}
