package io.backproplens.ui.common;

import javafx.scene.paint.Color;
import javafx.scene.paint.CycleMethod;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.Stop;

import java.util.ArrayList;
import java.util.List;

/**
 * The two colour maps of the app. {@link #DIVERGING} (blue, white, red; ColorBrewer RdBu) is for
 * signed numbers, weights and gradients, always centred on 0 so white means "zero" on every
 * heatmap; {@link #VIRIDIS} is for images and values read as "more or less" (it stays readable in
 * grey scale and for colour-blind viewers).
 */
public enum ColorMap {
    DIVERGING(true, 0x053061, 0x2166ac, 0x4393c3, 0x92c5de, 0xd1e5f0, 0xf7f7f7,
            0xfddbc7, 0xf4a582, 0xd6604d, 0xb2182b, 0x67001f),
    VIRIDIS(false, 0x440154, 0x482878, 0x3e4989, 0x31688e, 0x26828e, 0x1f9e89,
            0x35b779, 0x6ece58, 0xb5de2b, 0xfde725);

    // Odd, so the middle entry is exactly t = 0.5: white for 0 on the diverging map.
    private static final int LUT_SIZE = 257;
    private final boolean centred;
    private final int[] stops;
    private final int[] lut = new int[LUT_SIZE];

    ColorMap(boolean centred, int... stops) {
        this.centred = centred;
        this.stops = stops;
        for (int i = 0; i < LUT_SIZE; i++) lut[i] = interpolate(i / (LUT_SIZE - 1.0));
    }

    /** Whether the range is symmetric around 0 ({@code -m..m}), so 0 is always the middle colour. */
    public boolean centred() { return centred; }

    /** The range this map should span for data between {@code min} and {@code max}. */
    public double[] range(double min, double max) {
        if (!Double.isFinite(min) || !Double.isFinite(max)) return new double[]{-1, 1};
        if (centred) {
            double m = Math.max(Math.abs(min), Math.abs(max));
            return m == 0 ? new double[]{-1, 1} : new double[]{-m, m};
        }
        return min == max ? new double[]{min - 0.5, max + 0.5} : new double[]{min, max};
    }

    /** Opaque ARGB of {@code t} in [0, 1] (clamped); NaN is drawn mid grey. */
    public int argb(double t) {
        if (Double.isNaN(t)) return 0xff808080;
        int i = (int) Math.round(Math.max(0, Math.min(1, t)) * (LUT_SIZE - 1));
        return lut[i];
    }

    /** ARGB of {@code v} on the range {@code lo..hi}. */
    public int argb(double v, double lo, double hi) {
        return argb(hi == lo ? 0.5 : (v - lo) / (hi - lo));
    }

    public Color color(double v, double lo, double hi) {
        int c = argb(v, lo, hi);
        return Color.rgb((c >> 16) & 0xff, (c >> 8) & 0xff, c & 0xff);
    }

    /** A left-to-right gradient of the whole map, for legends. */
    public LinearGradient gradient() {
        List<Stop> s = new ArrayList<>();
        for (int i = 0; i < stops.length; i++) {
            int c = stops[i];
            s.add(new Stop(i / (stops.length - 1.0), Color.rgb((c >> 16) & 0xff, (c >> 8) & 0xff, c & 0xff)));
        }
        return new LinearGradient(0, 0, 1, 0, true, CycleMethod.NO_CYCLE, s);
    }

    private int interpolate(double t) {
        double x = t * (stops.length - 1);
        int i = Math.min(stops.length - 2, (int) Math.floor(x));
        double f = x - i;
        int a = stops[i], b = stops[i + 1];
        int r = (int) Math.round(((a >> 16) & 0xff) * (1 - f) + ((b >> 16) & 0xff) * f);
        int g = (int) Math.round(((a >> 8) & 0xff) * (1 - f) + ((b >> 8) & 0xff) * f);
        int bl = (int) Math.round((a & 0xff) * (1 - f) + (b & 0xff) * f);
        return 0xff000000 | (r << 16) | (g << 8) | bl;
    }
}
