package io.backproplens.stats;

import io.backproplens.engine.Init;
import io.backproplens.engine.Model;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BooleanSupplier;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The course's depth demo: x_valid through a stack of L {@code Lin + ReLU} layers (784 -> width,
 * then width -> width), once per weight scheme, in float32, recording the statistics of every
 * layer's output. Under randn the std grows about sqrt(width/2) per layer until float32 overflows
 * to infinity and then NaN; {@code randn*0.01} shrinks until it underflows to exact zeros; Xavier
 * shrinks by about sqrt(1/2) per ReLU; Kaiming holds near 1. Non-finite values are counted, never
 * dropped (see {@link Summary}).
 *
 * <p>Every scheme scales the same standard normal draws (one {@link Random} per seed, layer after
 * layer), so the curves differ only by the scale. Biases are zero, as in the notebook.
 */
public final class DepthSweep {
    public static final int MAX_DEPTH = 50;
    public static final int MAX_WIDTH = 1000;

    /** How a layer's weights are scaled: randn, randn*0.01, Xavier, Kaiming. */
    public enum Scheme {
        RANDN("randn"),
        SMALL("randn \u00d7 0.01"),
        XAVIER("Xavier"),
        KAIMING("Kaiming");

        private final String label;

        Scheme(String label) { this.label = label; }

        public String label() { return label; }

        /** The factor applied to standard normal draws for a layer with {@code fanIn} inputs. */
        public double scale(int fanIn) {
            return switch (this) {
                case RANDN -> Init.RANDN.scale(fanIn);
                case SMALL -> Init.SMALL.scale(fanIn);
                case XAVIER -> Init.XAVIER.scale(fanIn);
                case KAIMING -> Init.KAIMING.scale(fanIn);
            };
        }
    }

    /** One layer's output before ({@code lin}) and after ({@code relu}) the activation; index from 1. */
    public record Layer(int index, Summary lin, Summary relu) {
        /** The std the chart plots: of the layer's ReLU output. */
        public double std() { return relu.std(); }

        public boolean hasInf() { return relu.infCount() > 0 || lin.infCount() > 0; }

        public boolean hasNan() { return relu.nanCount() > 0 || lin.nanCount() > 0; }

        /** Every value of the output is NaN or infinite: no std exists any more. */
        public boolean allNonFinite() { return relu.finiteCount() == 0; }
    }

    /** One scheme's layers, first to last. */
    public record Series(Scheme scheme, List<Layer> layers) {
        /** The first layer (from 1) whose output holds an infinity, or -1. */
        public int firstInf() {
            for (Layer l : layers) if (l.hasInf()) return l.index();
            return -1;
        }

        /** The first layer (from 1) whose output holds a NaN, or -1. */
        public int firstNan() {
            for (Layer l : layers) if (l.hasNan()) return l.index();
            return -1;
        }

        /** The first layer (from 1) whose finite values all equal the same value (std 0), or -1. */
        public int firstZeroStd() {
            for (Layer l : layers) if (l.relu().finiteCount() > 1 && l.std() == 0) return l.index();
            return -1;
        }

        public Layer last() { return layers.get(layers.size() - 1); }
    }

    public record Result(int depth, int width, long seed, double reluShift, List<Series> series, long nanos) {
        public Series get(Scheme s) {
            for (Series x : series) if (x.scheme() == s) return x;
            throw new IllegalArgumentException("no series for " + s);
        }
    }

    private DepthSweep() {}

    /** Runs every scheme. {@code x} is x_valid (any dtype; computed in float32). */
    public static Result run(INDArray x, int depth, int width, long seed, double reluShift) {
        return run(x, depth, width, seed, reluShift, List.of(Scheme.values()), () -> false);
    }

    /**
     * Runs the given schemes; {@code cancelled} is asked between layers so a newer request can stop
     * an older one (then the result holds the layers done so far).
     */
    public static Result run(INDArray x, int depth, int width, long seed, double reluShift,
                             List<Scheme> schemes, BooleanSupplier cancelled) {
        if (depth < 1 || depth > MAX_DEPTH) throw new IllegalArgumentException("depth must be between 1 and " + MAX_DEPTH + ", got " + depth);
        if (width < 1 || width > MAX_WIDTH) throw new IllegalArgumentException("width must be between 1 and " + MAX_WIDTH + ", got " + width);
        if (!Double.isFinite(reluShift)) throw new IllegalArgumentException("ReLU shift must be finite");
        long t0 = System.nanoTime();
        // float32 and column-major: a c-order x_valid made the first product several times slower.
        INDArray input = Model.prepareInput(x, DataType.FLOAT);
        int inputs = (int) input.size(1);

        // The same standard normals for every scheme: draw them once.
        Random rng = new Random(seed);
        List<INDArray> normals = new ArrayList<>(depth);
        for (int l = 0; l < depth; l++) {
            int fanIn = l == 0 ? inputs : width;
            float[] w = new float[fanIn * width];
            for (int i = 0; i < w.length; i++) w[i] = (float) rng.nextGaussian();
            normals.add(Nd4j.create(w, new long[]{fanIn, width}, 'c'));
        }

        List<Series> out = new ArrayList<>();
        for (Scheme scheme : schemes) {
            List<Layer> layers = new ArrayList<>(depth);
            INDArray a = input;
            for (int l = 0; l < depth && !cancelled.getAsBoolean(); l++) {
                INDArray w = normals.get(l);
                int fanIn = (int) w.size(0);
                // The weights as torch would hold them (scaled, rounded to float32), then
                // lin = a @ w into a column-major result (the fast layout, docs/performance.md).
                INDArray scaled = w.mul(scheme.scale(fanIn));
                INDArray lin = Nd4j.createUninitialized(DataType.FLOAT, new long[]{a.size(0), width}, 'f');
                Nd4j.gemm(a, scaled, lin, false, false, 1.0, 0.0);
                scaled.close();
                // The ReLU in plain Java on the copy the statistics need anyway: one copy out, one
                // back in, no native element-wise op (those stall when the cores are busy).
                // Math.max keeps NaN as NaN, like torch's clamp_min.
                float[] v = Histogram.floats(lin);
                Summary linStats = FloatMoments.of(v);
                float shift = (float) reluShift;
                for (int i = 0; i < v.length; i++) v[i] = Math.max(v[i], 0f) - shift;
                layers.add(new Layer(l + 1, linStats, FloatMoments.of(v)));
                // Each layer's arrays are freed as soon as the next one is made: a sweep of 50
                // layers otherwise left ~100 arrays for the garbage collector (docs/performance.md).
                if (a != input) a.close();
                a = Nd4j.create(v, lin.shape(), 'f');
                lin.close();
            }
            if (a != input) a.close();
            out.add(new Series(scheme, List.copyOf(layers)));
        }
        for (INDArray w : normals) w.close();
        if (input != x) input.close();
        return new Result(depth, width, seed, reluShift, List.copyOf(out), System.nanoTime() - t0);
    }
}
