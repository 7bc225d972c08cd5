package io.backproplens.matmul;

import java.util.List;

/**
 * One step of a matmul variant, as the stepper replays it.
 *
 * @param i        row of a and of the result, or -1 when the step covers every row (BLAS)
 * @param j        column of b and of the result, or -1 when the step covers a whole row
 * @param k        the inner index, or -1 when the step sums over all of it
 * @param codeLine index into {@link MatmulVariant#code()} of the line this step executes
 * @param terms    the products this step formed: 1x1 {@code a[i,k]*b[k,j]} (triple loop), 1xK
 *                 {@code a[i,:]*b[:,j]} (innermost removed), KxJ {@code a[i].unsqueeze(-1)*b}
 *                 (broadcast), or empty (BLAS)
 * @param writes   the result cells this step set, with their values after it
 * @param maddsDone multiply-adds done once this step is complete
 * @param log      the notebook's printed line {@code (i, k) (k, j) (i, j)} for the triple loop, else null
 */
public record MatmulStep(int i, int j, int k, int codeLine, double[][] terms, List<Cell> writes,
                         long maddsDone, String log) {

    /** A result cell and the value it holds after the step. */
    public record Cell(int i, int j, double value) {}
}
