package io.backproplens.ui.train;

import io.backproplens.ui.common.ColorMap;
import io.backproplens.ui.common.HeatmapView;
import io.backproplens.ui.common.UnitTiles;
import javafx.scene.paint.Color;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Draws the Train view's pictures (the curves, the activity image, w1's tiles) a few hundred times
 * into copies nobody sees, on a background thread, once per run of the app, while the view waits
 * for its trainer. Without it the first second of Play ran that code in the interpreter: frames of
 * 15-20 ms of FX-thread time, against a budget of 16 ms, where the compiled code takes 2-4 ms.
 * Nodes outside a scene may be built and drawn on any thread; the JIT's compiled code serves the
 * FX thread afterwards.
 */
final class ChartWarmUp {
    private static final AtomicBoolean STARTED = new AtomicBoolean();
    /** Rounds of drawing: enough for the JIT's second tier to compile the drawing loops. */
    static final int ROUNDS = 300;

    private ChartWarmUp() {}

    /** Starts the warm-up on a daemon thread of its own, the first time only. */
    static void startOnce() {
        if (!STARTED.compareAndSet(false, true)) return;
        Thread t = new Thread(ChartWarmUp::run, "train-warm-up");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    /** The drawing itself (public to the package so a test can run it and see that it draws). Returns the rounds drawn. */
    static int run() {
        CurveChart loss = new CurveChart("train-loss-chart"), grads = new CurveChart("train-grad-chart");
        ActivityImage activity = new ActivityImage();
        HeatmapView tiles = new HeatmapView();
        for (ChartCanvas c : List.of(loss, grads, activity)) {
            c.canvas.setWidth(640);
            c.canvas.setHeight(240);
        }
        tiles.resize(640, 320);
        tiles.layout();
        int batches = 782, layers = 1;
        float[] values = new float[ROUNDS];
        float[] hist = new float[ROUNDS * layers * Activity.BINS], dead = new float[ROUNDS * layers], norms = new float[ROUNDS * 2];
        java.util.Random r = new java.util.Random(1);
        double[] x = new double[ROUNDS / 25 + 1], y = new double[x.length], acc = new double[x.length];
        for (int i = 0; i < ROUNDS; i++) {
            values[i] = (float) (2.3 * Math.exp(-i / 80.0) + 0.1 * r.nextDouble());
            for (int b = 0; b < Activity.BINS; b++) hist[i * Activity.BINS + b] = (float) r.nextDouble();
            dead[i] = 0.1f;
            norms[2 * i] = (float) r.nextDouble();
            norms[2 * i + 1] = (float) r.nextDouble();
        }
        var w = Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, 784, 50).subi(0.5);
        for (int i = 1; i <= ROUNDS; i++) {
            int n = i;
            CurveChart.Values v = new CurveChart.Values() {
                @Override public int size() { return n; }

                @Override public double get(int k) { return values[k]; }
            };
            int evals = n / 25 + 1;
            for (int k = 0; k < evals; k++) {
                x[k] = k * 25.0 / batches;
                y[k] = values[Math.min(n - 1, k * 25)];
                acc[k] = 0.1 + 0.8 * k / evals;
            }
            loss.show(List.of(new CurveChart.Line(Color.STEELBLUE, v, true, 1.5), new CurveChart.Line(Color.NAVY, v, false, 2)),
                    List.of(new CurveChart.Points(Color.ORANGE, java.util.Arrays.copyOf(x, evals), java.util.Arrays.copyOf(y, evals), false),
                            new CurveChart.Points(Color.GREEN, java.util.Arrays.copyOf(x, evals), java.util.Arrays.copyOf(acc, evals), true)),
                    batches, 1, "accuracy", "");
            grads.show(List.of(new CurveChart.Line(Color.PURPLE, v, false, 1.6)), List.of(), batches, 1, null, "");
            activity.show(new Activity.View(n, layers, 2, hist, dead, norms), batches, "");
            loss.drawIfDirty();
            grads.drawIfDirty();
            activity.drawIfDirty();
            if (i % 10 == 0) tiles.setRaster(UnitTiles.of(w, "w1", ColorMap.DIVERGING));
        }
        return ROUNDS;
    }
}
