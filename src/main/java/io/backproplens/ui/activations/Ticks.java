package io.backproplens.ui.activations;

import java.util.ArrayList;
import java.util.List;

/** Axis ticks at round numbers (1, 2, 5 times a power of ten); their labels come from {@link io.backproplens.ui.common.Fmt}. */
final class Ticks {
    private Ticks() {}

    /** Round tick values covering {@code [lo, hi]}, about {@code wanted} of them, inside the range. */
    static List<Double> linear(double lo, double hi, int wanted) {
        List<Double> out = new ArrayList<>();
        if (!(hi > lo) || !Double.isFinite(hi - lo)) {
            if (Double.isFinite(lo)) out.add(lo);
            return out;
        }
        double step = niceStep((hi - lo) / Math.max(1, wanted));
        double first = Math.ceil(lo / step - 1e-9) * step;
        for (int i = 0; ; i++) {
            double t = first + i * step;
            if (t > hi + step * 1e-9 || i > 1000) break;
            out.add(Math.abs(t) < step * 1e-9 ? 0.0 : t);
        }
        return out;
    }

    /** 1, 2 or 5 times a power of ten, at least {@code raw}. */
    static double niceStep(double raw) {
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / p;
        double nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10;
        return nice * p;
    }

    /** Decades (integer powers of ten) between the two exponents, every {@code step}-th one. */
    static List<Integer> decades(int loExp, int hiExp, int wanted) {
        List<Integer> out = new ArrayList<>();
        int span = Math.max(1, hiExp - loExp);
        int step = (int) Math.max(1, niceStep(span / (double) Math.max(1, wanted)));
        int first = Math.floorDiv(loExp + step - 1, step) * step;
        for (int e = first; e <= hiExp; e += step) out.add(e);
        return out;
    }
}
