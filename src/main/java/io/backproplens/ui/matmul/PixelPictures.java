package io.backproplens.ui.matmul;

import io.backproplens.ui.common.ColorMap;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

/**
 * 28x28 vectors (a digit, a weight column, their product) drawn as images with square pixels,
 * scaled by whole numbers so nothing blurs on a projector. Digits are dark ink on white; signed
 * values use blue (negative) - white - red (positive), symmetric around zero.
 */
final class PixelPictures {
    static final int SIDE = 28;

    private PixelPictures() {}

    /** A digit: its smallest value (the background) white, its largest black. */
    static WritableImage digit(double[] v, int scale) {
        double lo = Double.MAX_VALUE, hi = -Double.MAX_VALUE;
        for (double x : v) { lo = Math.min(lo, x); hi = Math.max(hi, x); }
        double span = hi > lo ? hi - lo : 1;
        Color[] c = new Color[v.length];
        for (int p = 0; p < v.length; p++) c[p] = Color.gray(1 - (v[p] - lo) / span);
        return draw(c, scale);
    }

    /** Signed values, white at zero, full colour at the largest magnitude. */
    static WritableImage signed(double[] v, int scale) {
        double max = 0;
        for (double x : v) max = Math.max(max, Math.abs(x));
        return signed(v, max, scale);
    }

    static WritableImage signed(double[] v, double max, int scale) {
        Color[] c = new Color[v.length];
        for (int p = 0; p < v.length; p++) c[p] = diverging(max == 0 ? 0 : v[p] / max);
        return draw(c, scale);
    }

    /** A weight image with the digit's ink laid over it in black: where the digit meets the weights. */
    static WritableImage overlay(double[] digit, double[] weight, int scale) {
        double lo = Double.MAX_VALUE, hi = -Double.MAX_VALUE, max = 0;
        for (double x : digit) { lo = Math.min(lo, x); hi = Math.max(hi, x); }
        for (double x : weight) max = Math.max(max, Math.abs(x));
        double span = hi > lo ? hi - lo : 1;
        Color[] c = new Color[digit.length];
        for (int p = 0; p < digit.length; p++) {
            double ink = (digit[p] - lo) / span;
            c[p] = diverging(max == 0 ? 0 : weight[p] / max).interpolate(Color.BLACK, 0.65 * ink);
        }
        return draw(c, scale);
    }

    /** The app's one blue-white-red map (the inspector's too), for t in [-1, 1]. */
    static Color diverging(double t) {
        return ColorMap.DIVERGING.color(t, -1, 1);
    }

    private static WritableImage draw(Color[] c, int scale) {
        int side = (int) Math.round(Math.sqrt(c.length));
        WritableImage img = new WritableImage(side * scale, side * scale);
        PixelWriter w = img.getPixelWriter();
        for (int p = 0; p < c.length; p++) {
            int x0 = (p % side) * scale, y0 = (p / side) * scale;
            for (int dy = 0; dy < scale; dy++)
                for (int dx = 0; dx < scale; dx++) w.setColor(x0 + dx, y0 + dy, c[p]);
        }
        return img;
    }
}
