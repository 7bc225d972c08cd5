package io.backproplens.ui.matmul;

import io.backproplens.ui.common.Fmt;
import io.backproplens.matmul.Matrices;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A matrix as the user types it: the text of every cell (kept even when it is not a number, and
 * kept when the matrix is made smaller, so making it bigger again brings the values back), and
 * its parse into numbers or the cells that are not numbers.
 */
final class EditableMatrix {
    static final int MAX = io.backproplens.matmul.Matrices.MAX_EDITOR_SIDE;

    /** A cell that is not a number, with the message naming it. */
    record Bad(int r, int c, String message) {}

    private final String name;
    private final String[][] texts = new String[MAX][MAX];
    private int rows, cols;

    EditableMatrix(String name, double[][] values) {
        this.name = name;
        for (String[] row : texts) java.util.Arrays.fill(row, "0");
        fill(values);
    }

    String name() { return name; }

    int rows() { return rows; }

    int cols() { return cols; }

    String text(int r, int c) { return texts[r][c]; }

    /** The cells as a scene file keeps them: rows by {@code ;}, cells by {@code ,}, as typed. */
    String text() {
        StringBuilder sb = new StringBuilder();
        for (int r = 0; r < rows; r++) {
            if (r > 0) sb.append(';');
            for (int c = 0; c < cols; c++) {
                if (c > 0) sb.append(',');
                sb.append(texts[r][c].trim());
            }
        }
        return sb.toString();
    }

    void set(int r, int c, String text) { texts[r][c] = text == null ? "" : text; }

    void resize(int rows, int cols) {
        this.rows = Math.max(1, Math.min(MAX, rows));
        this.cols = Math.max(1, Math.min(MAX, cols));
    }

    void fill(double[][] values) {
        resize(values.length, values[0].length);
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < cols; c++) texts[r][c] = Fmt.cell(values[r][c]);
    }

    void randomize(Random rng, int lo, int hi) {
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < cols; c++) texts[r][c] = Integer.toString(lo + rng.nextInt(hi - lo + 1));
    }

    /** The cells that are not numbers, in reading order. */
    List<Bad> bad() {
        List<Bad> bad = new ArrayList<>();
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < cols; c++) {
                try {
                    Matrices.number(name, texts[r][c].trim(), r, c);
                } catch (IllegalArgumentException e) {
                    bad.add(new Bad(r, c, e.getMessage()));
                }
            }
        return bad;
    }

    /** The values; call only when {@link #bad()} is empty. */
    double[][] values() {
        double[][] v = new double[rows][cols];
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < cols; c++) v[r][c] = Matrices.number(name, texts[r][c].trim(), r, c);
        return v;
    }
}
