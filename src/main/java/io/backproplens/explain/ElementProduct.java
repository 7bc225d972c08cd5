package io.backproplens.explain;

import io.backproplens.engine.TensorRef;
import io.backproplens.engine.Trace;
import io.backproplens.engine.TraceStep;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.Optional;

/**
 * The one row-times-column product of the real matrices that computes an element of a {@code .g},
 * for the matmul stepper: {@code w1.g[k,j] = x.t()[k,:] @ l1.g[:,j]}, a {@code 1 x B} row times a
 * {@code B x 1} column, so the triple loop of the first lesson computes this gradient. A bias's
 * gradient is a column sum, written as the product of a row of ones with the column. Elementwise
 * gradients (the ReLU's mask, the MSE's {@code 2(out-y)/n}) have no product and give none.
 *
 * @param element  the element, {@code w1.g[3,7]}
 * @param formula  the product in this model's names, {@code w1.g[3,7] = x.t()[3,:] @ l1.g[:,7]}
 * @param aName    the left matrix ({@code x.t()}), {@code bName} the right one ({@code l1.g}), {@code rName} the result ({@code w1.g})
 * @param a        the row, {@code 1 x n}; {@code b} the column, {@code n x 1} (float64 copies of the trace's arrays)
 * @param row      the element's row in the result (a's row in the full matrix); {@code col} its column
 * @param engine   the element as the engine computed it (in the pass's own dtype)
 * @param index    the element's index in {@code rName} ({@code {3, 7}}; one number for a bias)
 */
public record ElementProduct(String element, String formula, String aName, String bName, String rName,
                             double[][] a, double[][] b, int row, int col, double engine, long[] index) {

    /** How many multiply-adds the product takes (the inner dimension). */
    public int inner() { return b.length; }

    /**
     * The same element of another pass ({@code w1.g[3,7]} after the settings changed), read afresh
     * from its trace.
     *
     * @throws IllegalArgumentException when that pass has no such element (a smaller nh or batch,
     *                                  or no backward step writing {@code rName}), naming why
     */
    public ElementProduct in(Trace other) {
        return of(other, rName, index).orElseThrow(() -> new IllegalArgumentException(rName + " is computed elementwise in this pass"));
    }

    /** The product for {@code label[index]} in {@code trace}, or empty for an elementwise gradient. */
    public static Optional<ElementProduct> of(Trace trace, String label, long... index) {
        TraceStep.Line l = Derivations.line(trace, label);
        TensorRef g = l.writes();
        Derivations.check(g, index);
        String el = g.label() + Derivations.idx(index);
        double engine = g.array().getDouble(index);
        switch (l.notebook()) {
            case "w.g = inp.t() @ out.g" -> {
                TensorRef inp = Derivations.value(l), outG = Derivations.grad(l);
                int k = (int) index[0], j = (int) index[1];
                double[] row = column(inp.array(), k), col = column(outG.array(), j);
                return Optional.of(new ElementProduct(el, el + " = " + inp.label() + ".t()[" + k + ",:] @ " + outG.label() + "[:," + j + "]",
                        inp.label() + ".t()", outG.label(), g.label(), new double[][]{row}, asColumn(col), k, j, engine, index.clone()));
            }
            case "inp.g = out.g @ w.t()" -> {
                TensorRef outG = Derivations.grad(l), w = Derivations.value(l);
                int i = (int) index[0], k = (int) index[1];
                double[] row = row(outG.array(), i), col = row(w.array(), k);
                return Optional.of(new ElementProduct(el, el + " = " + outG.label() + "[" + i + ",:] @ " + w.label() + ".t()[:," + k + "]",
                        outG.label(), w.label() + ".t()", g.label(), new double[][]{row}, asColumn(col), i, k, engine, index.clone()));
            }
            case "b.g = out.g.sum(0)" -> {
                TensorRef outG = Derivations.grad(l);
                int j = (int) index[0];
                double[] col = column(outG.array(), j);
                double[] ones = new double[col.length];
                java.util.Arrays.fill(ones, 1);
                return Optional.of(new ElementProduct(el, el + " = " + outG.label() + "[:," + j + "].sum() = ones(1," + col.length + ") @ "
                        + outG.label() + "[:," + j + "]", "ones", outG.label(), g.label(), new double[][]{ones}, asColumn(col), 0, j, engine, index.clone()));
            }
            default -> { return Optional.empty(); }
        }
    }

    private static double[][] asColumn(double[] v) {
        double[][] c = new double[v.length][1];
        for (int t = 0; t < v.length; t++) c[t][0] = v[t];
        return c;
    }

    private static double[] column(INDArray a, long c) {
        return a.get(NDArrayIndex.all(), NDArrayIndex.point(c)).castTo(DataType.DOUBLE).dup().data().asDouble();
    }

    private static double[] row(INDArray a, long r) {
        return a.get(NDArrayIndex.point(r), NDArrayIndex.all()).castTo(DataType.DOUBLE).dup().data().asDouble();
    }
}
