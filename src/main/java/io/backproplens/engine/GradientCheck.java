package io.backproplens.engine;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Checks the engine's manual gradients ({@code w1.g, b1.g, w2.g, b2.g, x.g}) two independent ways,
 * all in float64: against ND4J SameDiff's autodiff of the same graph (every entry), and against
 * central finite differences {@code (L(t+eps) - L(t-eps)) / 2eps} of the engine's own loss on
 * sampled entries. No UI and no printing: callers show the {@link Result}.
 */
public final class GradientCheck {
    /** The tensors checked, in the order the notebook names them, then the input. */
    public static final List<String> TENSORS = List.of("w1", "b1", "w2", "b2", "x");
    public static final String SAMEDIFF = "SameDiff";
    public static final String FINITE_DIFF = "finite diff";

    /** Two autodiffs in float64 differ only by summation order: a few ulps of the largest entry. */
    public static final double SAMEDIFF_TOLERANCE = 1e-9;
    /** Central differences carry O(eps^2) truncation and O(ulp * loss / eps) rounding error. */
    public static final double FINITE_DIFF_TOLERANCE = 1e-5;
    /**
     * The step of the differences. Along one entry the loss is piecewise quadratic (linear layers,
     * ReLU, squared error), so away from a ReLU kink the central difference is exact but for
     * rounding, which shrinks as eps grows; kinks, which are redrawn, get likelier as it grows.
     */
    static final double EPS = 1e-4;

    /**
     * One tensor against one reference.
     *
     * @param entries how many entries were compared (all for SameDiff, a sample for differences)
     * @param maxRel  the largest {@code |a-b| / max(|a|, |b|, floor)}, where the floor is 1e-3 of the
     *                tensor's largest reference entry, so entries that are ~0 (a ReLU unit dead on the
     *                whole batch) are judged on the tensor's scale, not by dividing noise by noise
     */
    public record Check(String tensor, String reference, long[] shape, long entries,
                        double maxAbs, double maxRel, double tolerance, boolean pass) {
        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "%s vs %s %s: %d entries, max abs %.3e, max rel %.3e, tolerance %.0e, %s",
                    tensor, reference, Tensor.shapeText(shape), entries, maxAbs, maxRel, tolerance, pass ? "pass" : "FAIL");
        }
    }

    /** The engine's loss and SameDiff's for the same weights and data, and every check. */
    public record Result(double loss, double referenceLoss, List<Check> checks) {
        public boolean passed() { return checks.stream().allMatch(Check::pass); }
    }

    /** The network and data to check: weights are copied, never changed. For ce, w2 is nh x 10. */
    public record Problem(Weights weights, Head head, double reluShift, INDArray x, INDArray y) {
        public Problem {
            weights = copy(weights);
            x = Model.prepareInput(x, DataType.DOUBLE).dup('f');
            y = y.castTo(DataType.DOUBLE).reshape(y.length());
        }

        /** The notebook's mse head. */
        public Problem(Weights weights, double reluShift, INDArray x, INDArray y) {
            this(weights, Head.MSE, reluShift, x, y);
        }
    }

    private GradientCheck() {}

    /** Runs the engine's backward and checks it; {@code seed} picks the finite-difference entries. */
    public static Result run(Problem p, int samplesPerTensor, long seed) {
        return compare(engineGradients(p), p, samplesPerTensor, seed);
    }

    /** The engine's gradients of one forward and backward pass, by tensor name (with {@code x}). */
    public static Map<String, INDArray> engineGradients(Problem p) {
        Weights w = copy(p.weights());
        Tensor x = new Tensor("x", p.x());
        Model m = model(w, p).inputGrad(true);
        m.call(x, new Tensor("y", p.y()));
        m.backward();
        Map<String, INDArray> g = new LinkedHashMap<>();
        for (Tensor t : w.all()) g.put(t.name(), t.g());
        g.put("x", x.g());
        return g;
    }

    /**
     * Compares given gradients (normally {@link #engineGradients}; a test may corrupt one to see the
     * check fail) with SameDiff's and with finite differences.
     */
    public static Result compare(Map<String, INDArray> grads, Problem p, int samplesPerTensor, long seed) {
        SameDiffModel reference = new SameDiffModel(p.weights(), p.head(), p.reluShift(), DataType.DOUBLE, true);
        Map<String, INDArray> sdGrads = reference.gradients(p.x(), p.y());
        double refLoss = reference.loss(p.x(), p.y());
        double loss = loss(p.weights(), p);

        for (String name : TENSORS) {
            if (grads.get(name) == null) throw new IllegalArgumentException("no gradient given for " + name);
        }
        List<Check> checks = new ArrayList<>();
        for (String name : TENSORS) {
            INDArray mine = grads.get(name).castTo(DataType.DOUBLE);
            INDArray theirs = sdGrads.get(name).castTo(DataType.DOUBLE).reshape(mine.shape());
            checks.add(compareAll(name, mine, theirs));
        }
        Random rng = new Random(seed);
        for (String name : TENSORS) {
            checks.add(compareSampled(name, grads.get(name).castTo(DataType.DOUBLE), p, samplesPerTensor, rng, loss));
        }
        return new Result(loss, refLoss, List.copyOf(checks));
    }

    private static Check compareAll(String name, INDArray mine, INDArray theirs) {
        double[] a = rowMajorValues(mine), b = rowMajorValues(theirs);
        return judge(name, SAMEDIFF, mine.shape(), a, b, maxAbs(b), SAMEDIFF_TOLERANCE);
    }

    private static Check compareSampled(String name, INDArray mine, Problem p, int samples, Random rng,
                                        double loss) {
        long n = mine.length();
        int count = (int) Math.min(n, samples);
        double[] a = new double[count];
        double[] b = new double[count];
        int done = 0;
        // One private copy of the weights and data per tensor, perturbed in place and restored.
        Weights w = copy(p.weights());
        INDArray x = p.x().dup('f');
        INDArray perturbed = name.equals("x") ? x : tensor(w, name).value();
        // Entries whose perturbation moves some ReLU input across 0 are redrawn: the loss has a kink
        // there and no derivative, so a difference quotient across it measures nothing useful.
        boolean all = count == n;
        for (long tries = 0; done < count && tries < (all ? n : 20L * count); tries++) {
            long linear = all ? tries : (long) (rng.nextDouble() * n);
            long[] at = index(mine.shape(), linear);
            double diff = centralDifference(perturbed, at, w, x, p);
            if (Double.isNaN(diff)) continue;
            a[done] = mine.getDouble(at);
            b[done] = diff;
            done++;
        }
        x.close();
        if (done == 0) {
            return new Check(name, FINITE_DIFF, mine.shape(), 0, Double.NaN, Double.NaN, FINITE_DIFF_TOLERANCE, false);
        }
        a = java.util.Arrays.copyOf(a, done);
        b = java.util.Arrays.copyOf(b, done);
        // The floor's scale comes from the whole engine tensor (a sample alone may be all ~0), and is
        // never below the rounding noise of a difference quotient: a few ulps of the loss over 2 eps.
        double noise = 16 * Math.ulp(Math.abs(loss)) / (2 * EPS);
        double scale = Math.max(maxAbs(rowMajorValues(mine)), 1e3 * noise / FINITE_DIFF_TOLERANCE);
        return judge(name, FINITE_DIFF, mine.shape(), a, b, scale, FINITE_DIFF_TOLERANCE);
    }

    private static Check judge(String name, String ref, long[] shape, double[] a, double[] b,
                               double scale, double tolerance) {
        double floor = Math.max(1e-3 * scale, Double.MIN_NORMAL);
        double maxAbs = 0, maxRel = 0;
        for (int i = 0; i < a.length; i++) {
            double d = Math.abs(a[i] - b[i]);
            if (Double.isNaN(d)) d = Double.POSITIVE_INFINITY;
            maxAbs = Math.max(maxAbs, d);
            maxRel = Math.max(maxRel, d / Math.max(floor, Math.max(Math.abs(a[i]), Math.abs(b[i]))));
        }
        return new Check(name, ref, shape, a.length, maxAbs, maxRel, tolerance, maxRel <= tolerance);
    }

    /**
     * {@code dL/dt[at]} by central differences, perturbing {@code t} (a private copy: one of
     * {@code w}'s tensors or {@code x}) and restoring it; NaN when the two evaluations see different
     * ReLU patterns (a kink lies between them).
     */
    private static double centralDifference(INDArray t, long[] at, Weights w, INDArray x, Problem p) {
        double v = t.getDouble(at);
        t.putScalar(at, v + EPS);
        Model plus = forward(w, p, x);
        t.putScalar(at, v - EPS);
        Model minus = forward(w, p, x);
        t.putScalar(at, v);
        INDArray patternPlus = activePattern(plus), patternMinus = activePattern(minus);
        boolean kink = !patternPlus.equals(patternMinus);
        double diff = kink ? Double.NaN : (lossOf(plus) - lossOf(minus)) / (2 * EPS);
        // Hundreds of these small passes: their arrays are freed at once, not at the next GC.
        patternPlus.close();
        patternMinus.close();
        plus.trace().closeWritten();
        minus.trace().closeWritten();
        return diff;
    }

    private static Model model(Weights w, Problem p) { return Model.stack(Params.of(w), p.head(), p.reluShift()); }

    private static Model forward(Weights w, Problem p, INDArray x) {
        Model m = model(w, p);
        m.call(new Tensor("x", x), new Tensor("y", p.y()));
        return m;
    }

    private static double lossOf(Model m) { return m.loss().out().value().getDouble(0); }

    /** Which ReLU inputs are positive, i.e. which units pass their gradient. */
    private static INDArray activePattern(Model m) { return m.layers().get(0).out().value().gt(0); }

    /** The engine's forward pass: the finite differences test its backward against its forward. */
    private static double loss(Weights w, Problem p) {
        Model m = forward(w, p, p.x());
        double loss = lossOf(m);
        m.trace().closeWritten();
        return loss;
    }

    private static Tensor tensor(Weights w, String name) {
        for (Tensor t : w.all()) if (t.name().equals(name)) return t;
        throw new IllegalArgumentException("no tensor " + name);
    }

    /** A copy in float64, with fresh arrays: perturbing it cannot touch the caller's weights. */
    static Weights copy(Weights w) {
        return new Weights(copy(w.w1()), copy(w.b1()), copy(w.w2()), copy(w.b2()));
    }

    private static Tensor copy(Tensor t) {
        return new Tensor(t.name(), t.value().castTo(DataType.DOUBLE).dup());
    }

    /** Row-major linear index to per-dimension indices. */
    private static long[] index(long[] shape, long linear) {
        long[] at = new long[shape.length];
        for (int d = shape.length - 1; d >= 0; d--) {
            at[d] = linear % shape[d];
            linear /= shape[d];
        }
        return at;
    }

    /** The entries in row-major order, through a copy that is freed at once (x.g's is 12.5 MB at 2,000 rows). */
    private static double[] rowMajorValues(INDArray a) {
        INDArray c = a.dup('c');
        double[] v = c.data().asDouble();
        c.close();
        return v;
    }

    private static double maxAbs(double[] v) {
        double m = 0;
        for (double d : v) m = Math.max(m, Math.abs(d));
        return m;
    }
}
