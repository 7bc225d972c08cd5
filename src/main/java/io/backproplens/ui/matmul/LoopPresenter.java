package io.backproplens.ui.matmul;

import io.backproplens.matmul.MatmulReplay;
import io.backproplens.matmul.MatmulStep;
import io.backproplens.matmul.MatmulVariant;
import javafx.scene.Node;

import java.util.List;

/**
 * What one loop variant shows while the stepper walks it: which cells of {@code a}, {@code b} and
 * the result a step touches, the loop variables in the code, the log line, and the picture of the
 * step under the grids. The stepper itself (grids, code, log, play bar) is the same for all four.
 */
abstract sealed class LoopPresenter permits TripleLoopPresenter, InnerRemovedPresenter, BroadcastPresenter, BlasPresenter {

    static LoopPresenter of(MatmulVariant v) {
        return switch (v) {
            case TRIPLE_LOOP -> new TripleLoopPresenter();
            case INNER_REMOVED -> new InnerRemovedPresenter();
            case BROADCAST -> new BroadcastPresenter();
            case BLAS -> new BlasPresenter();
        };
    }

    /** The loop variables, outermost first, as the code panel shows their values. */
    abstract List<String> order();

    abstract MatrixGrid.Role aRole(MatmulStep st, int r, int c);

    abstract MatrixGrid.Role bRole(MatmulStep st, int r, int c);

    /** Whether result[r, c] is final before this step (cells the step writes are handled by the stepper). */
    abstract boolean done(MatmulStep st, int r, int c, int cols);

    /** The log line of a step that has no printout of its own, with the tensors' own indices. */
    String logLine(MatmulStep s, MatmulStepper.Input in) { return "(:, :) (:, :) (:, :)"; }

    String logTitle() { return "what each step reads and writes"; }

    /** Whether the a and b grids follow k as well (only the triple loop reads single cells). */
    boolean followsK() { return false; }

    /** The picture of step {@code p} (st is that step), refilled in this presenter's own nodes. */
    abstract Node detail(MatmulStep st, int p, MatmulStepper.Input in, MatmulReplay replay);

    /**
     * Arranges the picture of the step for a column {@code w} wide (a formula's pieces one under the
     * other where a whole line does not fit); called before the picture is measured.
     */
    void fitWidth(double w) {}

    /** On a tight page (a small screen at a large scale) the picture keeps its fonts and gives up spacing. */
    void setTight(boolean tight) {}

    /** The picture's note under it, or null; on a tight page it may stand beside the grids instead ({@link #setNoteShown}). */
    String note() { return null; }

    /** Whether the picture shows its own note (else the stepper shows {@link #note} elsewhere). */
    void setNoteShown(boolean shown) {}

    /** Whether the picture has grids of its own, which then share the height with the main grids. */
    boolean hasPictureGrids() { return false; }

    /**
     * Sizes the picture's grids: cells {@code s} high (never under the legible floor), numbers up to
     * {@code chars} long, in a {@code w} wide area. Every row is drawn (up to the grid's window);
     * a picture too tall for the window pages with the rest (see {@link BlockPage}).
     */
    void fitPicture(MatmulStepper.Input in, double s, int chars, double w, double h) {}

    /** Sizes {@code grids} alike: cells {@code s} high, at most {@code rows} x as many columns as fit {@code w} / {@code across}. */
    static void size(List<MatrixGrid> grids, double s, int chars, int rows, int cols, double w, int across) {
        MatrixGrid g0 = grids.get(0);
        // The picture's label cells may be a little smaller than the (editable) grids above them.
        double ds = Math.max(g0.minCellH(), s * MatrixGrid.CELL_PER_NUMBER / MatrixGrid.EDIT_CELL_PER_NUMBER);
        int vc = Math.min(cols, MatrixGrid.MAX_VISIBLE);
        while (vc > 1 && vc * g0.cellWidthFor(ds, chars) * across + 60 * across > w) vc--;
        for (MatrixGrid g : grids) {
            g.setMaxVisible(Math.min(rows, MatrixGrid.MAX_VISIBLE), vc);
            g.setCellSize(g.cellWidthFor(ds, chars), ds);
        }
    }
}
