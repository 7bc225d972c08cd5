package io.backproplens.ui.common;

import org.nd4j.linalg.api.buffer.DataBuffer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A grid read from a matrix of any size by strided sampling: cell {@code (i, j)} holds the real
 * element {@code (rows[i], cols[j])}, never an average, so hovering a cell tells a true index and
 * value. A 50,000x784 tensor becomes a few hundred rows and columns in a few milliseconds, without
 * copying the tensor. A vector is one row; a scalar one cell.
 */
public record MatrixSample(long srcRows, long srcCols, int[] rows, int[] cols, float[] values) {

    public int width() { return cols.length; }

    public int height() { return rows.length; }

    public float value(int i, int j) { return values[i * cols.length + j]; }

    /** At most {@code maxRows x maxCols} evenly spaced elements of {@code a} (rank 0, 1 or 2). */
    public static MatrixSample of(INDArray a, int maxRows, int maxCols) {
        long r = a.rank() == 2 ? a.size(0) : 1;
        long c = a.rank() == 0 ? 1 : a.rank() == 1 ? a.size(0) : a.size(1);
        if (a.rank() > 2) throw new IllegalArgumentException("cannot draw a rank " + a.rank() + " tensor as a matrix");
        int[] rows = pick(r, maxRows);
        int[] cols = pick(c, maxCols);
        float[] v = new float[rows.length * cols.length];
        Reader in = Reader.of(a);
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < cols.length; j++) v[i * cols.length + j] = in.get(rows[i], cols[j]);
        }
        return new MatrixSample(r, c, rows, cols, v);
    }

    /** Every row of {@code a}, as a float array; for one sample's row (784 pixels, nh units). */
    public static float[] row(INDArray a, long row) {
        long c = a.rank() == 1 ? a.size(0) : a.size(1);
        float[] v = new float[(int) c];
        Reader in = Reader.of(a);
        for (int j = 0; j < c; j++) v[j] = in.get(row, j);
        return v;
    }

    /** One element of a rank 0-2 array: (row, col), with a vector read as one row. */
    public static float get(INDArray a, long row, long col) { return Reader.of(a).get(row, col); }

    /** Every {@code n / k}-th index: k evenly spaced indices out of n (all when n <= k). */
    static int[] pick(long n, int k) {
        int m = (int) Math.min(n, Math.max(1, k));
        int[] idx = new int[m];
        for (int i = 0; i < m; i++) idx[i] = (int) (i * n / m);
        return idx;
    }

    /**
     * Reads elements through the buffer and strides, without ND4J ops (which would queue on its
     * executioner); arrays whose buffer is shared or offset go through the safe, slower getter.
     */
    private record Reader(INDArray a, DataBuffer buf, long s0, long s1, boolean direct) {
        static Reader of(INDArray a) {
            boolean direct = !a.isView() && a.data().offset() == 0 && a.data().length() == a.length();
            long[] st = a.stride();
            long s0 = a.rank() == 2 ? st[0] : 0;
            long s1 = a.rank() == 2 ? st[1] : a.rank() == 1 ? st[0] : 0;
            return new Reader(a, direct ? a.data() : null, s0, s1, direct);
        }

        float get(long i, long j) {
            if (direct) return (float) buf.getDouble(i * s0 + j * s1);
            return switch (a.rank()) {
                case 0 -> (float) a.getDouble(0);
                case 1 -> (float) a.getDouble(j);
                default -> (float) a.getDouble(i, j);
            };
        }
    }
}
