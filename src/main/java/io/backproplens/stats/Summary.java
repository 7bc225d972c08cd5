package io.backproplens.stats;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Count, mean, unbiased standard deviation, min and max of every element of an array, computed in
 * double precision. A float32 reduction over MNIST's 39 million pixels drifts in the fourth decimal,
 * which is exactly the decimal the notebook prints, so we do not trust one.
 *
 * <p>NaN and infinities are counted, then left out of mean, std, min and max: one exploding weight
 * should show up as "1 inf" beside a readable histogram, not turn every number into NaN.
 *
 * @param count    every element, finite or not
 * @param mean     mean of the finite elements (NaN if there are none)
 * @param std      standard deviation of the finite elements with n-1 (like torch {@code .std()});
 *                 NaN with fewer than two finite elements
 * @param min      smallest finite element (NaN if there are none)
 * @param max      largest finite element (NaN if there are none)
 * @param nanCount NaN elements
 * @param infCount +Infinity and -Infinity elements together
 */
public record Summary(long count, double mean, double std, double min, double max, long nanCount, long infCount) {

    private static final int CHUNK = 1 << 16;

    public long finiteCount() {
        return count - nanCount - infCount;
    }

    public static Summary of(INDArray array) {
        if (array.isEmpty()) {
            return new Summary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, 0);
        }
        Values v = Values.of(array);
        // Pass 1: counts, sum, min, max.
        long nan = 0, inf = 0, n = 0;
        double sum = 0, min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        double[] chunk = new double[CHUNK];
        for (long at = 0; at < v.length; at += CHUNK) {
            int len = v.read(at, chunk);
            for (int i = 0; i < len; i++) {
                double x = chunk[i];
                if (Double.isNaN(x)) {
                    nan++;
                } else if (Double.isInfinite(x)) {
                    inf++;
                } else {
                    n++;
                    sum += x;
                    min = Math.min(min, x);
                    max = Math.max(max, x);
                }
            }
        }
        double mean = n == 0 ? Double.NaN : sum / n;
        // Pass 2: squared deviations from the mean; two passes avoid the cancellation of sum(x^2) - n*mean^2.
        double squares = 0;
        for (long at = 0; at < v.length && n > 1; at += CHUNK) {
            int len = v.read(at, chunk);
            for (int i = 0; i < len; i++) {
                double d = chunk[i] - mean;
                if (Double.isFinite(d)) {
                    squares += d * d;
                }
            }
        }
        double std = n > 1 ? Math.sqrt(squares / (n - 1)) : Double.NaN;
        return n == 0
                ? new Summary(v.length, Double.NaN, Double.NaN, Double.NaN, Double.NaN, nan, inf)
                : new Summary(v.length, mean, std, min, max, nan, inf);
    }

    /**
     * The elements of an array, readable in chunks without copying the whole array onto the heap.
     * Works on the array's own off-heap buffer, so a view (whose buffer holds more than its
     * elements, or holds them with strides) is copied into a fresh array first.
     */
    private record Values(INDArray array, long length, FloatBuffer floats, DoubleBuffer doubles) {
        // `array` is kept only so its off-heap memory stays reachable while the NIO buffer reads it.

        static Values of(INDArray array) {
            if (array.length() > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("array of " + array.length() + " elements is too large to summarise");
            }
            INDArray a = array;
            if (a.isView() || a.data().length() != a.length() || a.data().offset() != 0) {
                a = a.dup();
            }
            if (a.dataType() == DataType.FLOAT) {
                return new Values(a, a.length(), a.data().asNioFloat(), null);
            }
            if (a.dataType() != DataType.DOUBLE) {
                // Half, bfloat16, ints: widening to double is exact (longs only up to 2^53).
                a = a.castTo(DataType.DOUBLE);
            }
            return new Values(a, a.length(), null, a.data().asNioDouble());
        }

        int read(long at, double[] into) {
            int len = (int) Math.min(into.length, length - at);
            int from = (int) at;
            if (floats != null) {
                for (int i = 0; i < len; i++) {
                    into[i] = floats.get(from + i);
                }
            } else {
                doubles.get(from, into, 0, len);
            }
            return len;
        }
    }
}
