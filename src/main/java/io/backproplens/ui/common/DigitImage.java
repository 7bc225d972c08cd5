package io.backproplens.ui.common;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/**
 * A 28x28 MNIST digit (or anything with 784 numbers, such as one sample's gradient {@code x.g})
 * drawn from a float row, one square per pixel. As a {@link Raster} for a {@link HeatmapView}, or
 * as this small canvas for places like the graph's input node.
 */
public final class DigitImage extends Canvas {
    public static final int SIDE = 28;
    private Raster raster;

    public DigitImage(double size) {
        super(size, size);
        getStyleClass().add("digit-image");
    }

    /** Shows a row of 784 numbers (viridis for images, blue-white-red for signed data such as x.g). */
    public void show(float[] row, ColorMap map) {
        raster = row == null ? null : raster(row, map, "pixel");
        draw();
    }

    public Raster raster() { return raster; }

    /**
     * The 784 numbers as a 28x28 picture; hovering names the pixel as {@code name[row, col]} and its
     * position in the row.
     */
    public static Raster raster(float[] row, ColorMap map, String name) {
        if (row.length != SIDE * SIDE) {
            throw new IllegalArgumentException("a digit has " + SIDE * SIDE + " pixels, got " + row.length);
        }
        float[] v = row.clone();
        return Raster.of(SIDE, SIDE, v, map, true,
                (x, y) -> name + " pixel (row " + y + ", col " + x + ") [" + (y * SIDE + x) + "] = " + Fmt.num(v[y * SIDE + x]),
                null);
    }

    private void draw() {
        GraphicsContext g = getGraphicsContext2D();
        double w = getWidth(), h = getHeight();
        g.setFill(Color.gray(0.92));
        g.fillRect(0, 0, w, h);
        if (raster == null) return;
        double cw = w / SIDE, ch = h / SIDE;
        int[] argb = raster.argb();
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                int c = argb[y * SIDE + x];
                g.setFill(Color.rgb((c >> 16) & 0xff, (c >> 8) & 0xff, c & 0xff));
                // A hair of overlap hides the seams between cells when the scale is not whole.
                g.fillRect(x * cw, y * ch, cw + 0.5, ch + 0.5);
            }
        }
    }
}
