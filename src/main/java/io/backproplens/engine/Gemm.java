package io.backproplens.engine;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.nd4j.linalg.api.buffer.DataBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
        return mmul(a, transA, b, transB, shape -> LargeArrays.uninitialized(a.dataType(), shape, 'f'));
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
        DataType t = c.dataType();
        if (c.ordering() != 'f' || a.rank() != 2 || b.rank() != 2 || !blasReady(a) || !blasReady(b) || !blasReady(c) || a.dataType() != t || b.dataType() != t
                || (t != DataType.FLOAT && t != DataType.DOUBLE) || rows == 0 || cols == 0 || inner == 0) {
            return Nd4j.gemm(a, b, c, transA, transB, 1.0, 0.0);
        }
        // Straight to OpenBLAS: ND4J's gemm is a matmul op whose set-up cost as much as the 64x50x1
        // products themselves here. A row-major array is its transpose, column-major.
        int m = (int) rows, n = (int) cols, k = (int) inner;
        if (k == 1) return outer(a, b, c, m, n);
        int ta = blasTrans(a, transA), tb = blasTrans(b, transB), lda = ld(a), ldb = ld(b);
        if (t == DataType.FLOAT) {
            openblas_nolapack.cblas_sgemm(openblas_nolapack.CblasColMajor, ta, tb, m, n, k, 1f, floats(a), lda, floats(b), ldb, 0f, floats(c), m);
        } else {
            openblas_nolapack.cblas_dgemm(openblas_nolapack.CblasColMajor, ta, tb, m, n, k, 1, doubles(a), lda, doubles(b), ldb, 0, doubles(c), m);
        }
        return c;
    }

    /**
     * An outer product ({@code l2.g = out.g @ w2.t()}, 50,000x1 @ 1x50) column by column: a's m
     * values copied into column j of c, then scaled by b's value j. The same single product per
     * entry as the GEMM (bit for bit, tested), without its set-up for an inner size of 1: 1.1-1.2 ms
     * against 1.3-1.4 ms here at 50,000x50. Both operands are dense vectors, whichever way round.
     */
    private static INDArray outer(INDArray a, INDArray b, INDArray c, int m, int n) {
        DataBuffer bv = b.data();
        for (int j = 0; j < n; j++) {
            long at = (long) j * m;
            if (c.dataType() == DataType.FLOAT) {
                FloatPointer col = floats(c).position(at);
                openblas_nolapack.cblas_scopy(m, floats(a), 1, col, 1);
                openblas_nolapack.cblas_sscal(m, bv.getFloat(j), col, 1);
            } else {
                DoublePointer col = doubles(c).position(at);
                openblas_nolapack.cblas_dcopy(m, doubles(a), 1, col, 1);
                openblas_nolapack.cblas_dscal(m, bv.getDouble(j), col, 1);
            }
        }
        return c;
    }

    /** The BLAS flag for {@code op(x)} of an array as stored: a row-major array is already its own transpose. */
    private static int blasTrans(INDArray x, boolean trans) {
        boolean t = x.ordering() == 'f' ? trans : !trans;
        return t ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans;
    }

    /** The leading dimension of a 2-D array as stored, column-major. */
    private static int ld(INDArray x) { return (int) Math.max(1, x.ordering() == 'f' ? x.size(0) : x.size(1)); }

    private static FloatPointer floats(INDArray x) { return new FloatPointer(x.data().addressPointer()); }

    private static DoublePointer doubles(INDArray x) { return new DoublePointer(x.data().addressPointer()); }

    /**
     * {@code a @ b + row}: the product into the array {@code into} gives, then {@code row} added to
     * each of its rows by BLAS as a rank-1 update with a column of ones ({@code c += ones ⊗ row}),
     * which adds exactly what {@code addiRowVector} adds. At bs 64 ND4J's broadcast op cost ~25 us
     * here, the BLAS call ~1 us (docs/performance.md).
     */
    public static INDArray mmulPlusRow(INDArray a, INDArray b, INDArray row, Function<long[], INDArray> into) {
        INDArray c = mmul(a, false, b, false, into);
        if (!blasReady(c) || !blasReady(row) || row.length() != c.size(1) || row.dataType() != c.dataType()) {
            return c.addiRowVector(row);
        }
        Nd4j.getBlasWrapper().level2().ger(c.ordering(), 1.0, ones(c.dataType(), c.size(0)), row, c);
        return c;
    }

    /**
     * {@code g.sum(0)}, the sum of each column, into the array {@code into} gives: one BLAS
     * matrix-vector product {@code g.t() @ ones}. ND4J's reduction cost ~17 us at bs 64 here; its
     * own gemv is a matmul op that refuses a vector argument, so this calls OpenBLAS (the library
     * ND4J's products run on) directly.
     */
    public static INDArray columnSums(INDArray g, Function<long[], INDArray> into) {
        INDArray y = into.apply(new long[]{g.size(1)});
        DataType t = g.dataType();
        if (g.rank() != 2 || !blasReady(g) || !blasReady(y) || y.dataType() != t || (t != DataType.FLOAT && t != DataType.DOUBLE)) {
            return y.assign(g.sum(0));
        }
        int rows = (int) g.size(0), cols = (int) g.size(1);
        boolean f = g.ordering() == 'f';
        int order = f ? openblas_nolapack.CblasColMajor : openblas_nolapack.CblasRowMajor, lda = f ? rows : cols;
        INDArray ones = ones(t, rows);
        if (t == DataType.FLOAT) {
            openblas_nolapack.cblas_sgemv(order, openblas_nolapack.CblasTrans, rows, cols, 1f, floats(g), lda, floats(ones), 1, 0f, floats(y), 1);
        } else {
            openblas_nolapack.cblas_dgemv(order, openblas_nolapack.CblasTrans, rows, cols, 1, doubles(g), lda, doubles(ones), 1, 0, doubles(y), 1);
        }
        return y;
    }

    /**
     * Whether BLAS can take the array as it is: dense in its own order's strides, starting where its
     * buffer starts (a row block of a row-major array is; ND4J gives such a view a buffer of its own
     * that begins at the block).
     */
    static boolean blasReady(INDArray x) {
        if (x.offset() != x.data().offset() || x.elementWiseStride() != 1 || x.length() > x.data().length()) return false;
        if (x.rank() == 1) return true;
        if (x.rank() != 2) return false;
        // The stride of a dimension of size 1 is never used (ND4J may store 1 for it).
        boolean rows = x.size(0) == 1, cols = x.size(1) == 1;
        return x.ordering() == 'f' ? (rows || x.stride(0) == 1) && (cols || x.stride(1) == x.size(0))
                : (cols || x.stride(1) == 1) && (rows || x.stride(0) == x.size(1));
    }

    private static final Map<Long, INDArray> ONES = new ConcurrentHashMap<>();

    /** A vector of n ones, made once per dtype and length (a batch size, the full batch) and never written. */
    private static INDArray ones(DataType t, long n) {
        return ONES.computeIfAbsent(n * 16 + t.ordinal(), k -> Nd4j.ones(t, n));
    }
}
