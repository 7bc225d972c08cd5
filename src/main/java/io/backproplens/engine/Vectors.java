package io.backproplens.engine;

import org.nd4j.linalg.api.buffer.DataBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The loss's two element-wise passes over n values ({@code inp} of shape n x 1 against {@code targ}
 * of n) as one loop each, reading and writing the
 * arrays' own buffers. At bs 64, ND4J's way (two reshaped views, a difference, a cast to double, a
 * norm, a scalar) made five arrays and cost ~125 us of a ~600 us batch here; these loops cost
 * about 1 us, and on the full batch they stay under a millisecond. The arithmetic is ND4J's own:
 * the difference in the arrays' dtype, scaled in it, and the sum of squares in double.
 */
final class Vectors {
    private Vectors() {}

    /** Whether the loops can take these n-value vectors (float or double, any unit or constant stride); else ND4J's ops. */
    private static boolean fit(INDArray a, INDArray b) {
        return a.length() == b.length() && a.dataType() == b.dataType()
                && (a.dataType() == DataType.FLOAT || a.dataType() == DataType.DOUBLE) && dense(a) && dense(b);
    }

    private static boolean dense(INDArray x) {
        return x.offset() == x.data().offset() && x.elementWiseStride() >= 1
                && (x.length() - 1) * x.elementWiseStride() < x.data().length();
    }

    /** {@code ((a - b)^2).sum()}, each difference in the dtype, summed in double. */
    static double squaredDistance(INDArray a, INDArray b) {
        if (!fit(a, b)) return Math.pow(flat(a).sub(flat(b)).castTo(DataType.DOUBLE).norm2Number().doubleValue(), 2);
        DataBuffer da = a.data(), db = b.data();
        long n = a.length(), sa = a.elementWiseStride(), sb = b.elementWiseStride();
        double sum = 0;
        if (a.dataType() == DataType.FLOAT) {
            for (long i = 0; i < n; i++) {
                double d = da.getFloat(i * sa) - db.getFloat(i * sb);
                sum += d * d;
            }
        } else {
            for (long i = 0; i < n; i++) {
                double d = da.getDouble(i * sa) - db.getDouble(i * sb);
                sum += d * d;
            }
        }
        return sum;
    }

    /** {@code (a - b) * scale} into {@code into} (n values, whole and dense), in the dtype. */
    static INDArray scaledDifference(INDArray a, INDArray b, double scale, INDArray into) {
        if (!fit(a, b) || !fit(into, b)) return into.assign(flat(a).sub(flat(b)).muli(scale).reshape(into.shape()));
        DataBuffer da = a.data(), db = b.data(), out = into.data();
        long n = a.length(), sa = a.elementWiseStride(), sb = b.elementWiseStride(), so = into.elementWiseStride();
        if (a.dataType() == DataType.FLOAT) {
            float f = (float) scale;
            for (long i = 0; i < n; i++) out.put(i * so, (da.getFloat(i * sa) - db.getFloat(i * sb)) * f);
        } else {
            for (long i = 0; i < n; i++) out.put(i * so, (da.getDouble(i * sa) - db.getDouble(i * sb)) * scale);
        }
        return into;
    }

    private static INDArray flat(INDArray x) { return x.reshape(x.length()); }
}
