package io.backproplens.engine;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The parameters of a stack of {@code depth} hidden Lin+ReLU layers of width nh and one output Lin:
 * {@code w1 (784 x nh), b1, w2 (nh x nh), b2, ..., w(depth+1) (nh x outputs), b(depth+1)}. Depth 1
 * with one output is the notebook's network, drawn exactly as {@link Weights#init} draws it.
 */
public record Params(List<Tensor> tensors) {
    public static final int MAX_DEPTH = 8;

    public Params {
        tensors = List.copyOf(tensors);
        if (tensors.size() < 4 || tensors.size() % 2 != 0) throw new IllegalArgumentException("params come as w, b pairs, at least two layers");
    }

    /**
     * Seeded parameters from one {@link Random}: w1 first, then each later w in layer order, so the same
     * seed gives the same weights on every machine. Hidden nh x nh layers take the init's scale for
     * fan-in nh; the last layer under {@code notebook} is {@code rand(nh, c) / sqrt(784)}, as cell 40.
     */
    public static Params init(Init init, int depth, int nh, int outputs, long seed, DataType dtype) {
        if (depth < 1 || depth > MAX_DEPTH) throw new IllegalArgumentException("depth (hidden layers) must be between 1 and " + MAX_DEPTH + ", got " + depth);
        if (nh < 1 || nh > Weights.MAX_NH) throw new IllegalArgumentException("nh (hidden units) must be between 1 and " + Weights.MAX_NH + ", got " + nh);
        if (outputs < 1) throw new IllegalArgumentException("outputs must be at least 1, got " + outputs);
        Random rng = new Random(seed);
        List<Tensor> t = new ArrayList<>();
        for (int i = 1; i <= depth + 1; i++) {
            int in = i == 1 ? Weights.INPUTS : nh, out = i == depth + 1 ? outputs : nh;
            double[] w = i == depth + 1 && init == Init.NOTEBOOK
                    ? uniform(rng, in * out, 1.0 / Math.sqrt(Weights.INPUTS))
                    : gaussian(rng, in * out, init.scale(in));
            t.add(new Tensor("w" + i, Nd4j.create(w, new long[]{in, out}, 'c').castTo(dtype)));
            t.add(new Tensor("b" + i, Nd4j.zeros(dtype, out)));
        }
        return new Params(t);
    }

    /** The notebook's four tensors as a stack of depth 1 (the same Tensor objects, not copies). */
    public static Params of(Weights w) { return new Params(w.all()); }

    /** Depth 1 as the app's {@link Weights} (the same Tensor objects), for the views that show one pass. */
    public Weights weights() {
        if (depth() != 1) throw new IllegalStateException("only a network of depth 1 is the notebook's Weights, this has depth " + depth());
        return new Weights(w(1), b(1), w(2), b(2));
    }

    /** Hidden Lin+ReLU layers. */
    public int depth() { return tensors.size() / 2 - 1; }

    public int hidden() { return (int) w(1).value().size(1); }

    public int outputs() { return (int) w(depth() + 1).value().size(1); }

    /** The weight of layer {@code i}, 1-based as the notebook numbers them. */
    public Tensor w(int i) { return tensors.get(2 * (i - 1)); }

    public Tensor b(int i) { return tensors.get(2 * (i - 1) + 1); }

    /** Fresh arrays with the same names and values: training the copy leaves these untouched. */
    public Params copy() {
        return new Params(tensors.stream().map(t -> new Tensor(t.name(), t.value().dup())).toList());
    }

    static double[] gaussian(Random rng, int n, double scale) {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) a[i] = rng.nextGaussian() * scale;
        return a;
    }

    static double[] uniform(Random rng, int n, double scale) {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) a[i] = rng.nextDouble() * scale;
        return a;
    }
}
