package io.backproplens.explain;

import io.backproplens.engine.GradientCheck;
import io.backproplens.engine.TensorRef;
import io.backproplens.engine.Trace;
import io.backproplens.engine.Weights;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.Map;

/**
 * Three slips of the seed notebook, computed on the current pass's own tensors:
 * <ol>
 * <li>{@code lin_grad}'s first version, {@code w.g = (inp.unsqueeze(-1)*out.g.unsqueeze(1).sum(0))}:
 * the {@code .sum(0)} sits inside the parentheses, so {@code out.g} is summed over the batch before
 * the product and the result is {@code (batch, 784, 50)}, not {@code (784, 50)};</li>
 * <li>{@code test_near(w2g, w2.g)} with {@code w2g = w2.g.clone()}: a tensor against its own copy,
 * which cannot fail, against the comparison the notebook meant (its own gradient against autodiff's);</li>
 * <li>the refactor's {@code Relu} returning {@code clamp_min(0.) - 0.5}: the functional {@code relu}
 * did not shift, so the refactored model is another function; its effect on the next layer.</li>
 * </ol>
 */
public record NotebookSlips(LinGrad linGrad, SelfTest selfTest, Shift shift) {

    /** Samples of the batch the batched {@code (S, 784, 50)} products are materialised for. */
    public static final int SAMPLES = 4;
    /** Rows the autodiff comparison runs on (the gradient check's cap). */
    public static final int CHECK_ROWS = 2_000;
    /** The refactor's shift. */
    public static final double SHIFT = 0.5;

    /**
     * The first slip, for lin1 ({@code inp = x}, {@code out.g = l1.g}, {@code w = w1}).
     *
     * @param wrongShape   the notebook's result for the whole batch, {@code (B, 784, 50)}
     * @param wrongBytes   what that array takes in the pass's dtype
     * @param rightShape   the meant result, {@code (784, 50)}
     * @param k            the element shown, {@code [k, j]} (w1.g's largest in magnitude)
     * @param wrong        the notebook's {@code w.g[i, k, j]} for the first samples, from the materialised {@code (S, 784, 50)}
     * @param columnSum    {@code out.g.sum(0)[j]}, the batch sum that slipped inside
     * @param batched      the meant {@code (inp.unsqueeze(-1)*out.g.unsqueeze(1)).sum(0)[k, j]} on the first S samples
     * @param matmul       {@code (inp[:S].t() @ out.g[:S])[k, j]}, the same by a matrix product
     * @param maxBatchedVsMatmul the largest difference between those two over all 784 x 50 entries
     * @param engine       the pass's {@code w1.g[k, j]} (all B samples)
     */
    public record LinGrad(String inp, String outG, String w, long[] inpShape, long[] outGShape, long[] wrongShape, long wrongBytes,
                          long[] rightShape, long[] sliceShape, int samples, int k, int j, double[] wrong, double[] inpAtK,
                          double columnSum, double batched, double matmul, double maxBatchedVsMatmul, double engine) {}

    /**
     * The second slip, for w2.
     *
     * @param cloneDiff       {@code max |w2g - w2.g|} with {@code w2g = w2.g.clone()}: always 0
     * @param doubledCloneDiff the same after w2.g is doubled (a wrong lin_grad): still 0
     * @param autodiffRel     {@code w2.g} against SameDiff's autodiff: the largest relative difference
     * @param doubledAutodiffRel doubled w2.g against SameDiff
     * @param rows            rows of the batch both ran on
     */
    public record SelfTest(double cloneDiff, double doubledCloneDiff, double autodiffRel, double doubledAutodiffRel, int rows,
                           double tolerance) {
        public boolean clonePasses() { return cloneDiff <= tolerance; }
        public boolean doubledClonePasses() { return doubledCloneDiff <= tolerance; }
        public boolean autodiffPasses() { return autodiffRel <= tolerance; }
        public boolean doubledAutodiffPasses() { return doubledAutodiffRel <= tolerance; }
    }

    /** Mean and std (unbiased, as torch) of a tensor. */
    public record Stats(double mean, double std) {}

    /**
     * The third slip: lin2's input and output with the ReLU as the functional {@code relu} had it
     * and as the refactor's {@code Relu} has it ({@code - 0.5}).
     *
     * @param sumW2 {@code w2.sum()}: lin2's output moves by {@code -0.5 * w2.sum()} per output
     */
    public record Shift(double shift, Stats relu, Stats shiftedRelu, Stats out, Stats shiftedOut, double loss, double shiftedLoss,
                        double sumW2) {}

    public static NotebookSlips of(Trace trace, Weights weights, double passShift) {
        Map<String, TensorRef> t = trace.tensorsAfter(trace.size() - 1);
        return new NotebookSlips(linGrad(t), selfTest(t, weights, passShift), shift(t));
    }

    private static INDArray d(Map<String, TensorRef> t, String label) {
        TensorRef r = t.get(label);
        if (r == null) throw new IllegalArgumentException("the pass has no " + label);
        return r.array().castTo(DataType.DOUBLE);
    }

    /** Frees {@code copy} if it is one (a cast to float64 of a float32 array), never the pass's own array. */
    private static void freeCopy(INDArray copy, INDArray original) {
        if (copy != original && !copy.isView() && copy.closeable()) copy.close();
    }

    static LinGrad linGrad(Map<String, TensorRef> t) {
        INDArray x = t.get("x").array(), l1g = d(t, "l1.g"), w1g = d(t, "w1.g");
        long b = x.size(0), m = x.size(1), h = l1g.size(1);
        int s = (int) Math.min(SAMPLES, b);
        INDArray xs = x.get(NDArrayIndex.interval(0, s), NDArrayIndex.all()).castTo(DataType.DOUBLE).dup();
        INDArray gs = l1g.get(NDArrayIndex.interval(0, s), NDArrayIndex.all()).dup();
        // inp.unsqueeze(-1): (S, 784, 1); out.g.unsqueeze(1).sum(0): (1, 50) summed over ALL B rows.
        INDArray colSum = l1g.sum(0);
        INDArray inpU = xs.reshape(s, m, 1).broadcast(s, m, h);
        INDArray wrong = inpU.mul(colSum.reshape(1, 1, h).broadcast(s, m, h));
        // What was meant: the product per sample, (S, 784, 50), then the sum over samples.
        INDArray batched = inpU.mul(gs.reshape(s, 1, h).broadcast(s, m, h)).sum(0);
        INDArray matmul = xs.transpose().mmul(gs);
        double maxDiff = Transforms.abs(batched.sub(matmul)).maxNumber().doubleValue();
        long arg = Transforms.abs(w1g).reshape(m * h).argMax().getLong(0);
        int k = (int) (arg / h), j = (int) (arg % h);
        double[] wr = new double[s], xk = new double[s];
        for (int i = 0; i < s; i++) {
            wr[i] = wrong.getDouble(i, k, j);
            xk[i] = xs.getDouble(i, k);
        }
        long bytes = b * m * h * x.dataType().width();
        LinGrad r = new LinGrad("x", "l1.g", "w1", x.shape(), l1g.shape(), new long[]{b, m, h}, bytes, new long[]{m, h}, wrong.shape(), s, k, j,
                wr, xk, colSum.getDouble(j), batched.getDouble(k, j), matmul.getDouble(k, j), maxDiff, w1g.getDouble(k, j));
        freeCopy(l1g, t.get("l1.g").array());  // 20 MB in float64 at 50,000 rows
        return r;
    }

    static SelfTest selfTest(Map<String, TensorRef> t, Weights weights, double passShift) {
        INDArray w2g = t.get("w2.g").array();
        INDArray clone = w2g.dup();
        double cloneDiff = Transforms.abs(clone.sub(w2g)).maxNumber().doubleValue();
        INDArray doubled = w2g.mul(2);
        double doubledCloneDiff = Transforms.abs(doubled.dup().sub(doubled)).maxNumber().doubleValue();
        // The comparison meant: the engine's w2.g against autodiff's on the same rows and weights.
        INDArray x = t.get("x").array(), y = t.get("y").array();
        int rows = (int) Math.min(CHECK_ROWS, x.size(0));
        INDArray xs = x.get(NDArrayIndex.interval(0, rows), NDArrayIndex.all());
        INDArray ys = y.get(NDArrayIndex.interval(0, rows));
        GradientCheck.Problem p = new GradientCheck.Problem(weights, passShift, xs, ys);
        INDArray mine = GradientCheck.engineGradients(p).get("w2").castTo(DataType.DOUBLE);
        INDArray theirs = new io.backproplens.engine.SameDiffModel(p.weights(), passShift, DataType.DOUBLE, false)
                .gradients(p.x(), p.y()).get("w2").castTo(DataType.DOUBLE).reshape(mine.shape());
        return new SelfTest(cloneDiff, doubledCloneDiff, rel(mine, theirs), rel(mine.mul(2), theirs), rows, GradientCheck.SAMEDIFF_TOLERANCE);
    }

    /** The largest {@code |a-b| / max(|a|, |b|, 1e-3 * max|b|)}, as the gradient check judges. */
    private static double rel(INDArray a, INDArray b) {
        double floor = 1e-3 * Transforms.abs(b).maxNumber().doubleValue();
        INDArray den = Transforms.max(Transforms.max(Transforms.abs(a), Transforms.abs(b)), floor);
        return Transforms.abs(a.sub(b)).div(den).maxNumber().doubleValue();
    }

    static Shift shift(Map<String, TensorRef> t) {
        INDArray l1 = d(t, "l1"), w2 = d(t, "w2"), b2 = d(t, "b2"), y = d(t, "y");
        INDArray relu = Transforms.relu(l1, true);
        INDArray shifted = relu.sub(SHIFT);
        INDArray out = relu.mmul(w2).addRowVector(b2), outS = shifted.mmul(w2).addRowVector(b2);
        Shift r = new Shift(SHIFT, stats(relu), stats(shifted), stats(out), stats(outS), mse(out, y), mse(outS, y), w2.sumNumber().doubleValue());
        // Three full-batch copies in float64 (20 MB each at 50,000 rows), freed now rather than at the next GC.
        freeCopy(l1, t.get("l1").array());
        relu.close();
        shifted.close();
        return r;
    }

    private static Stats stats(INDArray a) { return new Stats(a.meanNumber().doubleValue(), a.stdNumber().doubleValue()); }

    private static double mse(INDArray out, INDArray y) {
        INDArray diff = out.reshape(out.length()).sub(y.reshape(y.length()));
        return diff.mul(diff).meanNumber().doubleValue();
    }
}
