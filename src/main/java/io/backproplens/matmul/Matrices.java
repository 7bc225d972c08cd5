package io.backproplens.matmul;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Small matrices as the user types them ({@code "1,2,1;0,1,0;2,3,4"}), checked and converted. */
public final class Matrices {
    /** The notebook's {@code a} and {@code b}. */
    public static final double[][] NOTEBOOK_A = {{1, 2, 1}, {0, 1, 0}, {2, 3, 4}};
    public static final double[][] NOTEBOOK_B = {{2, 5}, {6, 7}, {1, 8}};
    /** The largest side the app's matrix editor takes: 40x40x40 is 64,000 steps of the triple loop. */
    public static final int MAX_EDITOR_SIDE = 40;

    private Matrices() {}

    /**
     * Parses rows separated by {@code ;} and values by {@code ,} (spaces allowed).
     *
     * @param what the name shown in a message, such as {@code --a} or {@code a}
     * @throws IllegalArgumentException naming the matrix, the row and column (from 0), and what is wrong
     */
    public static double[][] parse(String what, String text) {
        if (text == null || text.isBlank()) throw new IllegalArgumentException(what + ": empty matrix");
        String[] rowTexts = text.trim().split(";", -1);
        List<double[]> rows = new ArrayList<>();
        for (int r = 0; r < rowTexts.length; r++) {
            String[] cells = rowTexts[r].split(",", -1);
            double[] row = new double[cells.length];
            for (int c = 0; c < cells.length; c++) {
                row[c] = number(what, cells[c].trim(), r, c);
            }
            if (!rows.isEmpty() && row.length != rows.get(0).length) {
                throw new IllegalArgumentException(what + ": row " + r + " has " + row.length
                        + " values but row 0 has " + rows.get(0).length);
            }
            rows.add(row);
        }
        return rows.toArray(double[][]::new);
    }

    /**
     * One cell's text as a finite number, or a message naming where it is. Rows and columns are
     * counted from 0, as the app's grids, Python and the notebook's printout count them.
     */
    public static double number(String what, String cell, int row, int col) {
        String where = what + ": row " + row + ", column " + col;
        if (cell.isEmpty()) throw new IllegalArgumentException(where + " is empty");
        try {
            double v = Double.parseDouble(cell);
            if (!Double.isFinite(v)) throw new IllegalArgumentException(where + ": '" + shown(cell) + "' is not a finite number");
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": '" + shown(cell) + "' is not a number");
        }
    }

    /**
     * A cell as a one-line message can quote it: line breaks and other control characters as
     * a backslash, u and four hex digits, and at most 30 characters (fuzzing found a cell holding a line break).
     */
    static String shown(String cell) {
        StringBuilder b = new StringBuilder();
        cell.codePoints().limit(30).forEach(c -> {
            if (Character.isISOControl(c) || Character.getType(c) == Character.LINE_SEPARATOR
                    || Character.getType(c) == Character.PARAGRAPH_SEPARATOR) {
                b.append(String.format(Locale.ROOT, "\\u%04x", c));
            } else {
                b.appendCodePoint(c);
            }
        });
        return cell.codePointCount(0, cell.length()) > 30 ? b + "..." : b.toString();
    }

    /** Refuses a product whose inner dimensions differ, in words a student can act on. */
    public static void checkInner(double[][] a, double[][] b) {
        String m = innerMismatch(a.length, a[0].length, b.length, b[0].length);
        if (m != null) throw new IllegalArgumentException(m);
    }

    /** The sentence saying why an {@code ar x ac} and a {@code br x bc} matrix cannot be multiplied, or null. */
    public static String innerMismatch(int ar, int ac, int br, int bc) {
        if (ac == br) return null;
        return "a is " + ar + "x" + ac + " and b is " + br + "x" + bc + ": a's " + ac + " columns must equal b's rows";
    }

    public static INDArray toNd(double[][] m) {
        return Nd4j.createFromArray(m).castTo(DataType.DOUBLE);
    }

    public static double[][] fromNd(INDArray m) {
        return m.castTo(DataType.DOUBLE).toDoubleMatrix();
    }

    /** A matrix as the notebook's cells show one: {@code [[15, 27], [6, 7], [26, 63]]}. */
    public static String format(double[][] m) {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < m.length; i++) {
            if (i > 0) s.append(", ");
            s.append('[');
            for (int j = 0; j < m[i].length; j++) {
                if (j > 0) s.append(", ");
                s.append(formatValue(m[i][j]));
            }
            s.append(']');
        }
        return s.append(']').toString();
    }

    /** Whole numbers without a decimal point, others to 4 significant decimals. */
    public static String formatValue(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        return String.format(Locale.ROOT, "%.4g", v);
    }
}
