package io.backproplens.matmul;

import java.util.List;

/** The steps of one variant on one pair of matrices, and the result as it stands after any step. */
public record MatmulReplay(MatmulVariant variant, double[][] a, double[][] b, List<MatmulStep> steps) {

    public int rows() { return a.length; }

    public int inner() { return b.length; }

    public int cols() { return b[0].length; }

    public long totalMadds() { return (long) rows() * inner() * cols(); }

    /**
     * The result after steps {@code 0..upTo} (inclusive; -1 is the zeros the notebook starts from).
     * Rebuilt from the steps' writes, so going back a step shows exactly the earlier state.
     */
    public double[][] resultAfter(int upTo) {
        double[][] r = new double[rows()][cols()];
        for (int s = 0; s <= upTo && s < steps.size(); s++) {
            for (MatmulStep.Cell c : steps.get(s).writes()) r[c.i()][c.j()] = c.value();
        }
        return r;
    }

    public double[][] result() { return resultAfter(steps.size() - 1); }
}
