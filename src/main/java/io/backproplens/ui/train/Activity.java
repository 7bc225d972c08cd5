package io.backproplens.ui.train;

import io.backproplens.engine.TensorRef;
import io.backproplens.engine.TraceStep;
import io.backproplens.stats.Histogram;
import io.backproplens.train.Trainer;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What each mini-batch did inside the network, kept for the whole run: every ReLU's output as a
 * histogram over fixed bins (one column of the "colorful dimension" picture), the share of its
 * units that were zero for every row of the batch, and the norm of every weight's gradient. It
 * listens to a trainer, so it runs on the training thread, inside the batch: a few thousand values
 * per layer, microseconds. One writer; readers on the FX thread take {@link #view()}, an immutable
 * prefix, so a frame never waits for training.
 */
final class Activity implements Trainer.Listener {
    /** Bins of a ReLU output from its floor (0 without a shift) to {@link #SPAN} above it, as fast.ai's histc(40, 0, 10). */
    static final int BINS = 40;
    static final double SPAN = 10;

    /**
     * The first {@code n} batches. Batch i, layer l: bins at {@code hist[(i * layers + l) * BINS + b]}
     * as log1p(count) / log1p(values), so one colour scale fits every batch and layer; dead share at
     * {@code dead[i * layers + l]}; gradient norm of w(k+1) at {@code gradNorm[i * lins + k]}.
     */
    record View(int n, int layers, int lins, float[] hist, float[] dead, float[] gradNorm) {
        float bin(int i, int layer, int b) { return hist[(i * layers + layer) * BINS + b]; }

        float dead(int i, int layer) { return dead[i * layers + layer]; }

        float gradNorm(int i, int lin) { return gradNorm[i * lins + lin]; }
    }

    private final int layers, lins;
    private final double floor;
    private float[] hist, dead, gradNorm;
    private int n;
    private volatile View view;

    /** For a network of {@code depth} hidden layers whose ReLUs subtract {@code shift}. */
    Activity(int depth, double shift) {
        this.layers = depth;
        this.lins = depth + 1;
        this.floor = -shift;
        clear();
    }

    /** Forgets every batch (the trainer was reset). Call on the training thread. */
    void clear() {
        hist = new float[256 * layers * BINS];
        dead = new float[256 * layers];
        gradNorm = new float[256 * lins];
        n = 0;
        view = new View(0, layers, lins, hist, dead, gradNorm);
    }

    View view() { return view; }

    @Override
    public void batch(Trainer.Batch b) {
        if (n * layers * BINS == hist.length) {
            hist = Arrays.copyOf(hist, hist.length * 2);
            dead = Arrays.copyOf(dead, dead.length * 2);
            gradNorm = Arrays.copyOf(gradNorm, gradNorm.length * 2);
        }
        int layer = 0;
        List<TensorRef> grads = new ArrayList<>();
        for (TraceStep s : b.trace().steps()) {
            if (s.phase() == TraceStep.Phase.FORWARD && s.reluShift().isPresent() && layer < layers) {
                record(s.writes().get(0), layer++);
            } else if (s.phase() == TraceStep.Phase.BACKWARD) {
                for (TensorRef w : s.writes()) if (w.grad() && w.tensorName().startsWith("w")) grads.add(w);
            }
        }
        for (TensorRef g : grads) {
            int k = Integer.parseInt(g.tensorName().substring(1)) - 1;
            if (k >= 0 && k < lins) gradNorm[n * lins + k] = g.array().norm2Number().floatValue();
        }
        n++;
        view = new View(n, layers, lins, hist, dead, gradNorm);
    }

    private void record(TensorRef relu, int layer) {
        INDArray a = relu.array().ordering() == 'c' ? relu.array() : relu.array().dup('c');
        float[] v = Histogram.floats(a);
        int rows = (int) relu.array().size(0), units = (int) relu.array().size(1);
        long[] counts = new long[BINS];
        double scale = BINS / SPAN;
        boolean[] alive = new boolean[units];
        float f = (float) floor;
        // Row-major rows x units: element j is unit j % units.
        for (int j = 0; j < v.length; j++) {
            float x = v[j];
            if (x != x) continue;
            if (x != f) alive[j % units] = true;
            int bin = (int) ((x - floor) * scale);
            counts[bin < 0 ? 0 : Math.min(bin, BINS - 1)]++;
        }
        int base = (n * layers + layer) * BINS;
        double norm = Math.log1p((double) rows * units);
        for (int i = 0; i < BINS; i++) hist[base + i] = (float) (Math.log1p(counts[i]) / norm);
        int deadUnits = 0;
        for (boolean on : alive) if (!on) deadUnits++;
        dead[n * layers + layer] = deadUnits / (float) units;
    }
}
