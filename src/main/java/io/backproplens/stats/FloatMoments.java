package io.backproplens.stats;

/**
 * {@link Summary} of a {@code float[]} with the same definitions (NaN and infinities counted and left
 * out, mean and n-1 std of the finite values in double), in two tight loops over the array: about
 * five times faster than {@link Summary#of} on an INDArray, which matters when the depth sweep
 * summarises 400 arrays of a million values.
 */
public final class FloatMoments {
    private FloatMoments() {}

    public static Summary of(float[] v) {
        long nonFinite = 0;
        // Four running sums: one would make every add wait for the previous one.
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        float min = Float.POSITIVE_INFINITY, max = Float.NEGATIVE_INFINITY;
        final int n4 = v.length & ~3;
        for (int i = 0; i < n4; i += 4) {
            float a = v[i], b = v[i + 1], c = v[i + 2], d = v[i + 3];
            if ((a - a) + (b - b) + (c - c) + (d - d) != 0) {   // some NaN or +-Inf among the four: rare
                nonFinite++;
                continue;
            }
            s0 += a; s1 += b; s2 += c; s3 += d;
            float lo2 = (a < b ? a : b) < (c < d ? c : d) ? (a < b ? a : b) : (c < d ? c : d);
            float hi2 = (a > b ? a : b) > (c > d ? c : d) ? (a > b ? a : b) : (c > d ? c : d);
            min = lo2 < min ? lo2 : min;
            max = hi2 > max ? hi2 : max;
        }
        if (nonFinite > 0) return slow(v);
        for (int i = n4; i < v.length; i++) {
            float a = v[i];
            if (a - a != 0) return slow(v);
            s0 += a;
            min = Math.min(min, a);
            max = Math.max(max, a);
        }
        long n = v.length;
        if (n == 0) return new Summary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, 0);
        double mean = (s0 + s1 + s2 + s3) / n;
        double q0 = 0, q1 = 0, q2 = 0, q3 = 0;
        for (int i = 0; i < n4; i += 4) {
            double a = v[i] - mean, b = v[i + 1] - mean, c = v[i + 2] - mean, d = v[i + 3] - mean;
            q0 += a * a; q1 += b * b; q2 += c * c; q3 += d * d;
        }
        for (int i = n4; i < v.length; i++) {
            double a = v[i] - mean;
            q0 += a * a;
        }
        double std = n > 1 ? Math.sqrt((q0 + q1 + q2 + q3) / (n - 1)) : Double.NaN;
        return new Summary(n, mean, std, min, max, 0, 0);
    }

    /** With NaN or infinities present: count them and leave them out, one value at a time. */
    private static Summary slow(float[] v) {
        long nan = 0, inf = 0;
        double sum = 0;
        float min = Float.POSITIVE_INFINITY, max = Float.NEGATIVE_INFINITY;
        for (float x : v) {
            if (x - x != 0) {
                if (x != x) nan++;
                else inf++;
                continue;
            }
            sum += x;
            min = x < min ? x : min;
            max = x > max ? x : max;
        }
        long n = v.length - nan - inf;
        if (n == 0) return new Summary(v.length, Double.NaN, Double.NaN, Double.NaN, Double.NaN, nan, inf);
        double mean = sum / n;
        double squares = 0;
        for (float x : v) {
            if (x - x != 0) continue;
            double d = x - mean;
            squares += d * d;
        }
        return new Summary(v.length, mean, n > 1 ? Math.sqrt(squares / (n - 1)) : Double.NaN, min, max, nan, inf);
    }
}
