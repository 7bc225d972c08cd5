package io.backproplens.ui.network;

import io.backproplens.engine.Tensor;
import io.backproplens.engine.TensorRef;
import io.backproplens.ui.common.ColorMap;
import io.backproplens.ui.common.DigitImage;
import io.backproplens.ui.common.Fmt;
import io.backproplens.ui.common.MatrixSample;
import io.backproplens.ui.common.Raster;
import io.backproplens.ui.common.UnitTiles;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Set;

/**
 * Turns a tensor of the trace into a {@link Raster} for the inspector, in one of the
 * {@link InspectMode}s. Runs off the FX thread; reads at most a few hundred thousand elements,
 * whatever the tensor's size.
 */
public final class TensorPictures {
    /** Largest matrix picture: enough for a sharp heatmap, small enough to build in milliseconds. */
    public static final int MAX_ROWS = 400;
    public static final int MAX_COLS = 500;
    private static final Set<String> SIGNED_VALUES = Set.of("w1", "b1", "w2", "b2", "l1", "out");

    private TensorPictures() {}

    /**
     * Diverging (centred on 0) for gradients, weights and signed pre-activations; viridis for
     * images, activations after the ReLU, labels and the loss.
     */
    public static ColorMap mapFor(String label) {
        // A trained stack's weights, biases and Lin outputs (odd l: l1, l3, ...) are signed too.
        boolean signed = SIGNED_VALUES.contains(label) || label.matches("[wb]\\d+")
                || label.matches("l\\d+") && Integer.parseInt(label.substring(1)) % 2 == 1;
        return label.endsWith(".g") || signed ? ColorMap.DIVERGING : ColorMap.VIRIDIS;
    }

    public static Raster of(TensorRef ref, InspectMode mode, int sample) { return picture(ref, mode, sample).raster(); }

    /** The raster and, for each of its cells, the tensor element it shows (what a click explains). */
    public static Picture picture(TensorRef ref, InspectMode mode, int sample) {
        return switch (mode) {
            case MATRIX -> new Picture(matrix(ref), matrixIndex(ref));
            case TILES -> new Picture(tiles(ref), tilesIndex(ref));
            case SAMPLE -> new Picture(sample(ref, sample), sampleIndex(ref, sample));
        };
    }

    /** A raster with the element behind each cell. */
    public record Picture(Raster raster, CellIndex index) {}

    /** The tensor index a raster cell shows ({@code {413, 7}}, {@code {7}}, {@code {}}), or null on a gap. */
    @FunctionalInterface
    public interface CellIndex {
        long[] at(int x, int y);
    }

    /** The same strided rows and columns {@link MatrixSample} picks for {@link #matrix}. */
    private static CellIndex matrixIndex(TensorRef ref) {
        INDArray a = ref.array();
        int rank = a.rank();
        long r = rank == 2 ? a.size(0) : 1, c = rank == 0 ? 1 : rank == 1 ? a.size(0) : a.size(1);
        int h = (int) Math.min(r, MAX_ROWS), w = (int) Math.min(c, MAX_COLS);
        return (x, y) -> {
            if (x < 0 || y < 0 || x >= w || y >= h) return null;
            long row = y * r / h, col = x * c / w;
            return switch (rank) {
                case 0 -> new long[0];
                case 1 -> new long[]{col};
                default -> new long[]{row, col};
            };
        };
    }

    private static CellIndex tilesIndex(TensorRef ref) {
        int nh = (int) ref.array().size(1);
        int cols = tileColumns(nh);
        int side = DigitImage.SIDE, step = side + 1;
        return (x, y) -> {
            if (x < 0 || y < 0) return null;
            int u = (y / step) * cols + x / step, px = x % step, py = y % step;
            if (px == side || py == side || x / step >= cols || u >= nh) return null;
            return new long[]{py * side + px, u};
        };
    }

    /** Tiles per row, as {@link UnitTiles} lays them out. */
    private static int tileColumns(int nh) { return UnitTiles.columns(nh); }

    private static CellIndex sampleIndex(TensorRef ref, int sample) {
        long row = Math.min(sample, ref.array().size(0) - 1);
        int side = DigitImage.SIDE;
        return (x, y) -> x < 0 || y < 0 || x >= side || y >= side ? null : new long[]{row, (long) y * side + x};
    }

    public static Raster matrix(TensorRef ref) {
        INDArray a = ref.array();
        MatrixSample m = MatrixSample.of(a, MAX_ROWS, MAX_COLS);
        String label = ref.label();
        int rank = a.rank();
        Raster.CellDescriber cells = (x, y) -> {
            float v = m.value(y, x);
            return switch (rank) {
                case 0 -> label + " = " + Fmt.num(v);
                case 1 -> label + "[" + m.cols()[x] + "] = " + Fmt.num(v);
                default -> label + "[" + m.rows()[y] + ", " + m.cols()[x] + "] = " + Fmt.num(v);
            };
        };
        return Raster.of(m.width(), m.height(), m.values(), mapFor(label), false, cells, caption(m));
    }

    /** w1 (784 x nh) as nh tiles of 28x28 in a grid ({@link UnitTiles}). */
    public static Raster tiles(TensorRef ref) {
        return UnitTiles.of(ref.array(), ref.label(), mapFor(ref.label()));
    }

    /** Row {@code sample} of an n x 784 tensor as a 28x28 image. */
    public static Raster sample(TensorRef ref, int sample) {
        INDArray a = ref.array();
        if (a.rank() != 2 || a.size(1) != 784) throw new IllegalArgumentException(ref.label() + " is not n x 784");
        int row = (int) Math.min(sample, a.size(0) - 1);
        float[] pixels = MatrixSample.row(a, row);
        Raster r = DigitImage.raster(pixels, mapFor(ref.label()), ref.label() + "[" + row + "]");
        String what = ref.grad() ? "which pixels move the loss, and which way" : "the digit the network sees (normalised)";
        return new Raster(r.width(), r.height(), r.values(), r.argb(), r.map(), r.lo(), r.hi(), true, r.cells(),
                "sample " + row + " of " + Fmt.count(a.size(0)) + " as 28x28: " + what);
    }

    private static String caption(MatrixSample m) {
        String shape = Tensor.shapeText(new long[]{m.srcRows(), m.srcCols()});
        if (m.height() == m.srcRows() && m.width() == m.srcCols()) return "every cell of " + shape;
        StringBuilder s = new StringBuilder("sampled from " + shape + ": ");
        s.append(m.height() == m.srcRows() ? "every row" : "every " + ordinal(m.srcRows() / (double) m.height()) + " row");
        s.append(", ");
        s.append(m.width() == m.srcCols() ? "every column" : "every " + ordinal(m.srcCols() / (double) m.width()) + " column");
        return s.append(" (real values, not averages)").toString();
    }

    private static String ordinal(double every) {
        long n = Math.round(every);
        if (Math.abs(every - n) > 0.05) return "~" + Fmt.num(every) + "th";
        String suffix = (n % 100 >= 11 && n % 100 <= 13) ? "th" : switch ((int) (n % 10)) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return n + suffix;
    }
}
