package io.backproplens.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine's direct BLAS calls and loops (products, bias add, column sums, the loss's two passes)
 * against the same maths done entry by entry in plain Java, in double, on every layout the engine
 * meets: row- and column-major, a row block of a row-major array (a training batch), single rows and
 * columns, and a column slice that BLAS cannot take (the ND4J fallback).
 */
class BlasPathsTest {
    enum Dtype { FLOAT, DOUBLE }

    private static DataType t(Dtype d) { return d == Dtype.FLOAT ? DataType.FLOAT : DataType.DOUBLE; }

    /** Entry (i, j) of a 2-D array as it is indexed, whatever its layout. */
    private static double[][] values(INDArray a) {
        double[][] v = new double[(int) a.size(0)][(int) a.size(1)];
        for (int i = 0; i < v.length; i++) for (int j = 0; j < v[i].length; j++) v[i][j] = a.getDouble(i, j);
        return v;
    }

    private static double[][] product(double[][] a, boolean ta, double[][] b, boolean tb) {
        int m = ta ? a[0].length : a.length, k = ta ? a.length : a[0].length, n = tb ? b.length : b[0].length;
        double[][] c = new double[m][n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) s += (ta ? a[p][i] : a[i][p]) * (tb ? b[j][p] : b[p][j]);
                c[i][j] = s;
            }
        }
        return c;
    }

    /** A rows x cols array with distinct values, in several layouts. */
    private static List<INDArray> layouts(DataType dt, int rows, int cols, long seed) {
        Nd4j.getRandom().setSeed(seed);
        INDArray c = Nd4j.randn(DataType.DOUBLE, rows, cols).castTo(dt);
        INDArray big = Nd4j.randn(DataType.DOUBLE, rows + 9, cols).castTo(dt);
        big.get(NDArrayIndex.interval(5, 5 + rows), NDArrayIndex.all()).assign(c);
        INDArray wide = Nd4j.randn(DataType.DOUBLE, rows, cols + 3).castTo(dt);
        wide.get(NDArrayIndex.all(), NDArrayIndex.interval(2, 2 + cols)).assign(c);
        return List.of(c, c.dup('f'),
                big.get(NDArrayIndex.interval(5, 5 + rows), NDArrayIndex.all()),      // a batch: BLAS takes it
                wide.get(NDArrayIndex.all(), NDArrayIndex.interval(2, 2 + cols)));    // strided: ND4J's fallback
    }

    private static void assertClose(INDArray got, double[][] expected, DataType dt, String what) {
        double tol = dt == DataType.FLOAT ? 1e-4 : 1e-12;
        assertThat(got.shape()).as(what).containsExactly(expected.length, expected[0].length);
        for (int i = 0; i < expected.length; i++) {
            for (int j = 0; j < expected[i].length; j++) {
                double e = expected[i][j];
                assertThat(got.getDouble(i, j)).as(what + " [" + i + "," + j + "]").isCloseTo(e,
                        org.assertj.core.data.Offset.offset(tol * Math.max(1, Math.abs(e))));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Dtype.class)
    void productsEqualTheTripleLoopInEveryLayoutAndTranspose(Dtype d) {
        DataType dt = t(d);
        // 64x1 and 1x50 are the MSE head's out.g and a single-row product: ND4J may store stride 1 for a size-1 dimension.
        int[][] shapes = {{7, 5, 3}, {64, 50, 1}, {1, 6, 4}, {9, 1, 5}};
        int checked = 0;
        for (int[] s : shapes) {
            int m = s[0], k = s[1], n = s[2];
            for (boolean ta : new boolean[]{false, true}) {
                for (boolean tb : new boolean[]{false, true}) {
                    for (INDArray a : layouts(dt, ta ? k : m, ta ? m : k, 1)) {
                        for (INDArray b : layouts(dt, tb ? n : k, tb ? k : n, 2)) {
                            INDArray c = Gemm.mmul(a, ta, b, tb);
                            assertClose(c, product(values(a), ta, values(b), tb), dt,
                                    m + "x" + k + "x" + n + " ta " + ta + " tb " + tb + " " + a.ordering() + b.ordering());
                            checked++;
                        }
                    }
                }
            }
        }
        assertThat(checked).isEqualTo(4 * 4 * 16);
    }

    @ParameterizedTest
    @EnumSource(Dtype.class)
    void theBiasIsAddedExactlyAsAddRowVectorAddsIt(Dtype d) {
        DataType dt = t(d);
        Nd4j.getRandom().setSeed(4);
        INDArray b = Nd4j.randn(DataType.DOUBLE, 5).castTo(dt);
        for (INDArray x : layouts(dt, 64, 7, 3)) {
            INDArray w = Nd4j.randn(DataType.DOUBLE, 7, 5).castTo(dt);
            INDArray got = Gemm.mmulPlusRow(x, w, b, shape -> Nd4j.createUninitialized(dt, shape, 'f'));
            INDArray expected = Gemm.mmul(x, false, w, false).addRowVector(b);
            assertThat(got).as("x " + x.ordering() + (x.isView() ? " view" : "")).isEqualTo(expected);
        }
    }

    @ParameterizedTest
    @EnumSource(Dtype.class)
    void columnSumsEqualTheLoopInEveryLayout(Dtype d) {
        DataType dt = t(d);
        List<INDArray> arrays = new ArrayList<>(layouts(dt, 64, 50, 5));
        arrays.addAll(layouts(dt, 64, 1, 6));
        for (INDArray g : arrays) {
            double[][] v = values(g);
            double[][] expected = new double[1][v[0].length];
            for (double[] row : v) for (int j = 0; j < row.length; j++) expected[0][j] += row[j];
            INDArray got = Gemm.columnSums(g, shape -> Nd4j.createUninitialized(dt, shape, 'f'));
            assertThat(got.shape()).containsExactly(v[0].length);
            assertClose(got.reshape(1, v[0].length), expected, dt, "sum(0) of " + g.ordering() + (g.isView() ? " view" : ""));
        }
    }

    /** The loss and its gradient on a batch whose labels are a view of the whole label vector (as training passes them). */
    @ParameterizedTest
    @EnumSource(Dtype.class)
    void theLossAndItsGradientEqualTheFormulaOnABatchOfLabels(Dtype d) {
        DataType dt = t(d);
        Nd4j.getRandom().setSeed(7);
        INDArray labels = Nd4j.rand(DataType.DOUBLE, 200).muli(10).castTo(dt);
        INDArray targ = labels.get(NDArrayIndex.interval(64, 128));
        INDArray out = Nd4j.randn(DataType.DOUBLE, 64, 1).muli(3).castTo(dt);
        double sum = 0;
        double[][] g = new double[64][1];
        for (int i = 0; i < 64; i++) {
            double diff = out.getDouble(i, 0) - targ.getDouble(i);
            sum += diff * diff;
            g[i][0] = 2 * diff / 64;
        }
        Mse mse = new Mse("mse", "loss");
        Tensor inp = new Tensor("out", out);
        double loss = mse.call(inp, new Tensor("y", targ)).value().getDouble(0);
        mse.backward();
        double tol = dt == DataType.FLOAT ? 1e-6 : 1e-14;
        assertThat(loss).isCloseTo(sum / 64, org.assertj.core.data.Offset.offset(tol * sum / 64));
        assertClose(inp.g(), g, dt, "out.g");
        // The same through ND4J's ops, as the engine computed it before (ND4J's equals, within its 1e-5).
        INDArray nd4j = out.reshape(64).sub(targ.dup()).muli(2.0 / 64).reshape(64, 1);
        assertThat(inp.g().equals(nd4j)).isTrue();
    }

    @Test
    void aFreshArrayAndARowBlockAreTakenByBlasAndAColumnSliceIsNot() {
        INDArray x = Nd4j.rand(DataType.FLOAT, 100, 10);
        assertThat(Gemm.blasReady(x)).isTrue();
        assertThat(Gemm.blasReady(x.get(NDArrayIndex.interval(64, 96), NDArrayIndex.all()))).isTrue();
        assertThat(Gemm.blasReady(x.get(NDArrayIndex.all(), NDArrayIndex.interval(2, 5)))).isFalse();
        assertThat(Gemm.blasReady(x.dup('f').get(NDArrayIndex.interval(1, 5), NDArrayIndex.all()))).isFalse();
    }
}
