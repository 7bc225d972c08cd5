package io.backproplens.ui.common;

import java.util.Objects;

/**
 * A picture of numbers ready to draw: {@code width x height} cells, their colours and the numbers
 * behind them. Computed off the FX thread (the colours included), so drawing it is one pixel copy.
 *
 * @param values     the number of each cell, row-major; NaN marks a gap (drawn in the background colour)
 * @param argb       the colour of each cell
 * @param lo         the value drawn in the map's first colour
 * @param hi         the value drawn in the map's last colour
 * @param keepAspect whether cells are drawn square (images) or stretched to fill (matrices)
 * @param cells      says what a cell is (index and value), for hovering
 * @param caption    how the picture relates to the data (e.g. "every 131st row")
 */
public record Raster(int width, int height, float[] values, int[] argb, ColorMap map, double lo, double hi,
                     boolean keepAspect, CellDescriber cells, String caption) {

    /** Says what a cell shows, e.g. {@code w1[413, 7] = -0.0123}; null for a gap. */
    @FunctionalInterface
    public interface CellDescriber {
        String describe(int x, int y);
    }

    public Raster {
        Objects.requireNonNull(map);
        if (width < 1 || height < 1 || values.length != width * height || argb.length != values.length) {
            throw new IllegalArgumentException("raster " + width + "x" + height + " with " + values.length + " values");
        }
    }

    /**
     * Colours a grid of values with a map over their own range (symmetric around 0 for a centred
     * map). NaN cells are gaps and take no part in the range.
     */
    public static Raster of(int width, int height, float[] values, ColorMap map, boolean keepAspect,
                            CellDescriber cells, String caption) {
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        for (float v : values) {
            if (Float.isFinite(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        double[] r = map.range(min, max);
        int[] argb = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            float v = values[i];
            argb[i] = Float.isNaN(v) ? 0 : map.argb(v, r[0], r[1]);
        }
        return new Raster(width, height, values, argb, map, r[0], r[1], keepAspect, cells, caption);
    }

    public float value(int x, int y) { return values[y * width + x]; }

    /** What the cell at (x, y) shows, or null outside or on a gap. */
    public String describe(int x, int y) {
        if (x < 0 || y < 0 || x >= width || y >= height || Float.isNaN(value(x, y))) return null;
        return cells == null ? Fmt.num(value(x, y)) : cells.describe(x, y);
    }
}
