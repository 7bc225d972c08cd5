package io.backproplens.ui.train;

import io.backproplens.train.Series;

import java.util.Arrays;

/**
 * The per-batch loss smoothed as TensorBoard does it: an exponential moving average with the
 * start-up bias divided out (so the first points are not pulled to 0). Extended by the batches a
 * frame has not seen yet, never recomputed; a non-finite loss passes through unsmoothed.
 */
final class Smoothed implements CurveChart.Values {
    static final double BETA = 0.98;
    private double[] values = new double[1024];
    private int n;
    private double ema, weight;

    /** Adds the new entries of {@code raw}; starts over if it is shorter than what was seen (a reset). */
    void extend(Series.View raw) {
        if (raw.size() < n) { n = 0; ema = 0; weight = 0; }
        for (int i = n; i < raw.size(); i++) {
            double x = raw.get(i);
            if (n == values.length) values = Arrays.copyOf(values, n * 2);
            if (Double.isFinite(x)) {
                ema = BETA * ema + (1 - BETA) * x;
                weight = BETA * weight + (1 - BETA);
                values[n++] = ema / weight;
            } else {
                values[n++] = x;
            }
        }
    }

    @Override public int size() { return n; }

    @Override public double get(int i) { return values[i]; }

    /** A series view as chart values. */
    static CurveChart.Values of(Series.View v) {
        return new CurveChart.Values() {
            @Override public int size() { return v.size(); }

            @Override public double get(int i) { return v.get(i); }
        };
    }
}
