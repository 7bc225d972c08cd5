package io.backproplens.ui.common;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A first-layer weight matrix (784 x nh) as nh tiles of 28x28 in a grid, one pixel of gap between
 * tiles: each hidden unit's incoming weights as the picture of the stroke it responds to. Shared by
 * the tensor inspector and the Train view, which redraws it as the units learn.
 */
public final class UnitTiles {
    private UnitTiles() {}

    /** Tiles per row for nh units: about twice as wide as high, which suits a landscape panel. */
    public static int columns(int nh) { return Math.min((int) Math.ceil(Math.sqrt(nh * 2.0)), nh); }

    /** The tiles of {@code w} (784 x nh) coloured with {@code map}; hovering names {@code label[pixel, unit]}. */
    public static Raster of(INDArray w, String label, ColorMap map) {
        if (w.rank() != 2 || w.size(0) != 784) throw new IllegalArgumentException(label + " is not 784 x nh");
        int nh = (int) w.size(1);
        int cols = columns(nh);
        int rows = (nh + cols - 1) / cols;
        int side = DigitImage.SIDE, step = side + 1;
        int width = cols * step - 1, height = rows * step - 1;
        float[] v = new float[width * height];
        java.util.Arrays.fill(v, Float.NaN);
        MatrixSample all = MatrixSample.of(w, 784, nh);
        for (int u = 0; u < nh; u++) {
            int ox = (u % cols) * step, oy = (u / cols) * step;
            for (int p = 0; p < 784; p++) v[(oy + p / side) * width + ox + p % side] = all.value(p, u);
        }
        Raster.CellDescriber cells = (x, y) -> {
            int u = (y / step) * cols + x / step, px = x % step, py = y % step;
            if (px == side || py == side || u >= nh) return null;
            int p = py * side + px;
            return label + "[" + p + ", " + u + "] = " + Fmt.num(v[y * width + x]) + "   (unit " + u + ", pixel row " + py + ", col " + px + ")";
        };
        return Raster.of(width, height, v, map, true, cells,
                nh + " hidden units, each one's 784 incoming weights as a 28x28 tile (" + cols + " per row)");
    }
}
