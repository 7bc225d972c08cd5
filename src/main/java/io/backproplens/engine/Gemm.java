package io.backproplens.engine;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.function.Function;

/**
 * Matrix products with the layout chosen for speed. Measured here (docs/performance.md): writing
 * {@code l1.g @ w1.t()} into a c-order result takes ~900 ms, into an f-order one ~50 ms, so every
 * product the engine makes lands in a fresh f-order (column-major) array, and transposes are
 * passed to BLAS as flags rather than materialised. Public so the benchmark can time each product
 * of a pass exactly as the engine makes it.
 */
public final class Gemm {
    private Gemm() {}

    /** {@code op(a) @ op(b)} where op transposes when asked, into a new f-order array. */
    public static INDArray mmul(INDArray a, boolean transA, INDArray b, boolean transB) {
        return mmul(a, transA, b, transB, shape -> Nd4j.createUninitialized(a.dataType(), shape, 'f'));
    }

    /**
     * {@code op(a) @ op(b)} into the array {@code into} gives for the result's shape (which must be
     * a whole array, not a view: ND4J's gemm refuses views).
     */
    public static INDArray mmul(INDArray a, boolean transA, INDArray b, boolean transB, Function<long[], INDArray> into) {
        long rows = transA ? a.size(1) : a.size(0);
        long inner = transA ? a.size(0) : a.size(1);
        long innerB = transB ? b.size(1) : b.size(0);
        long cols = transB ? b.size(0) : b.size(1);
        if (inner != innerB) {
            throw new IllegalArgumentException("shapes do not fit: " + Tensor.shapeText(a.shape())
                    + (transA ? " (transposed)" : "") + " @ " + Tensor.shapeText(b.shape())
                    + (transB ? " (transposed)" : ""));
        }
        INDArray c = into.apply(new long[]{rows, cols});
        return Nd4j.gemm(a, b, c, transA, transB, 1.0, 0.0);
    }
}
