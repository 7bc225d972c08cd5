package io.backproplens.ui.matmul;

import io.backproplens.ui.core.PlayBar;
import io.backproplens.ui.core.StepCursor;
import io.backproplens.ui.common.Fmt;
import io.backproplens.matmul.OuterProductReplay;
import io.backproplens.ui.core.Steppable;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.Map;

/**
 * A gradient built up one sample at a time. For {@code w.g}: each sample's outer product
 * {@code inp[n].unsqueeze(-1) * out.g[n].unsqueeze(0)} drawn as a small matrix and added into the
 * running {@code w.g}, which after the last sample equals the matmul {@code inp.t() @ out.g}.
 * For {@code b.g}: each row {@code out.g[n]} added into the running column sums.
 */
public final class BatchSumPane extends BorderPane implements Steppable {
    private final StepCursor cursor = new StepCursor();
    private final PlayBar bar = Labels.playBar(cursor, "bs");
    private final CodePanel code = new CodePanel("bs-code");
    private final MatrixGrid inpGrid = new MatrixGrid(), outGrid = new MatrixGrid();
    private final Label inpTitle = Labels.small(), outTitle = Labels.small();
    private final MatrixGrid colGrid = new MatrixGrid(), rowGrid = new MatrixGrid(), outerGrid = new MatrixGrid();
    private final MatrixGrid beforeGrid = new MatrixGrid(), sumGrid = new MatrixGrid(), matmulGrid = new MatrixGrid();
    private final Label colTitle = Labels.small(), rowTitle = Labels.small(), outerTitle = Labels.small(), beforeTitle = Labels.small(), sumTitle = Labels.small(), matmulTitle = Labels.small();
    private final Label verdict = new Label();
    private final Label notebookNote = new Label();
    private final HBox stepRow = new HBox(12), sumRow = new HBox(12);
    private final HBox inputsBox;
    private final VBox targetBox;

    private BackwardSlice slice;
    private OuterProductReplay replay;
    private boolean bias;
    private double[][] sumNow = new double[0][0];

    public BatchSumPane() {
        getStyleClass().add("mm-batch-sum");
        inpGrid.setId("bs-inp");
        outGrid.setId("bs-outg");
        outerGrid.setId("bs-outer");
        sumGrid.setId("bs-sum");
        matmulGrid.setId("bs-matmul");
        verdict.setId("bs-verdict");
        verdict.getStyleClass().add("mm-ok");
        verdict.setWrapText(true);
        notebookNote.getStyleClass().add("mm-note");
        notebookNote.setWrapText(true);
        for (MatrixGrid g : List.of(colGrid, rowGrid, outerGrid, beforeGrid, sumGrid, matmulGrid)) g.setHeads(false);

        inputsBox = new HBox(18);
        notebookNote.setMaxWidth(440);
        verdict.setMaxWidth(420);
        targetBox = new VBox(8, Labels.titled(matmulTitle, matmulGrid), notebookNote);
        HBox top = new HBox(18, code, inputsBox, targetBox);
        top.setAlignment(Pos.TOP_LEFT);
        stepRow.setAlignment(Pos.CENTER_LEFT);
        sumRow.setAlignment(Pos.CENTER_LEFT);
        VBox center = new VBox(10, top, stepRow, sumRow) {
            @Override
            protected void layoutChildren() {
                fit(getWidth(), getHeight());
                super.layoutChildren();
            }
        };
        center.setPadding(new Insets(8, 12, 8, 12));
        center.setMinSize(0, 0);
        setCenter(center);
        setBottom(bar);
        cursor.position.addListener((o, was, now) -> render());
    }

    /** Shows {@code slice}'s w.g as outer products, or its b.g as column sums (by the slice's kind). */
    public void show(BackwardSlice slice) {
        this.slice = slice;
        this.bias = slice.kind() == BackwardSlice.Kind.BIAS;
        this.replay = new OuterProductReplay(slice.inp(), slice.outG());
        String inp = slice.inpName(), og = slice.outGName(), target = slice.which();
        String s = slice.scaleText();
        int m = replay.inputs(), h = replay.outputs(), n = replay.samples();
        if (bias) {
            code.setCode(List.of(
                    target + " = torch.zeros(" + h + ")",
                    "for n in range(" + n + "):",
                    "    " + target + " += " + og + "[n]",
                    "# the same as " + og + ".sum(0): column sums"));
            notebookNote.setText("");
        } else {
            code.setCode(List.of(
                    target + " = torch.zeros(" + m + ", " + h + ")",
                    "for n in range(" + n + "):",
                    "    " + target + " += " + inp + "[n].unsqueeze(-1) * " + og + "[n].unsqueeze(0)",
                    "# = (" + inp + ".unsqueeze(-1) * " + og + ".unsqueeze(1)).sum(0)",
                    "# = " + inp + ".t() @ " + og));
            notebookNote.setText("Careful: the notebook's commented line (inp.unsqueeze(-1)*out.g.unsqueeze(1).sum(0)) closes its bracket "
                    + "after .sum(0), which sums out.g over the batch first. The bracket belongs before .sum(0), as above.");
        }
        inpTitle.setText(inp + "[:" + n + ", " + slice.inpIndex() + "]");
        outTitle.setText(og + "[:" + n + ", " + slice.outIndex() + "]" + s);
        if (bias) inputsBox.getChildren().setAll(Labels.titled(outTitle, outGrid));
        else inputsBox.getChildren().setAll(Labels.titled(inpTitle, inpGrid), Labels.titled(outTitle, outGrid));
        if (bias) {
            stepRow.getChildren().setAll(Labels.titled(beforeTitle, beforeGrid), Labels.op("+"), Labels.titled(rowTitle, rowGrid), Labels.op("="), Labels.titled(sumTitle, sumGrid));
            sumRow.getChildren().setAll(verdict);
            matmulTitle.setText(og + ".sum(0)" + s + "  (ND4J)");
        } else {
            stepRow.getChildren().setAll(Labels.titled(colTitle, colGrid), Labels.op("\u00d7"), Labels.titled(rowTitle, rowGrid), Labels.op("="), Labels.titled(outerTitle, outerGrid));
            sumRow.getChildren().setAll(Labels.titled(beforeTitle, beforeGrid), Labels.op("+"), Labels.titled(outerTitle2, outerCopy), Labels.op("="), Labels.titled(sumTitle, sumGrid),
                    Labels.op(" "), verdict);
            matmulTitle.setText(inp + ".t() @ " + og + s + "  (ND4J)");
        }
        sizeCells();
        cursor.restart(n);
        render();
    }

    private final Label outerTitle2 = Labels.small();
    private final MatrixGrid outerCopy = new MatrixGrid();
    { outerCopy.setHeads(false); }

    public BackwardSlice slice() { return slice; }

    public int position() { return cursor.position.get(); }

    public int stepCount() { return cursor.count.get(); }

    /** The running sum (unscaled) after the current step: w.g, or b.g as a 1-row matrix. */
    public double[][] sumNow() { return sumNow; }

    public String verdictText() { return verdict.getText(); }

    public MatrixGrid sumGrid() { return sumGrid; }

    public MatrixGrid matmulGrid() { return matmulGrid; }

    private void render() {
        if (replay == null) return;
        int p = cursor.position.get();
        int m = replay.inputs(), h = replay.outputs(), n = replay.samples();
        double sc = slice.gradScale();
        String target = slice.which();
        String s = slice.scaleText();

        set(inpGrid, slice.inp(), 1, (r, c) -> r == p ? MatrixGrid.Role.A : MatrixGrid.Role.PLAIN);
        set(outGrid, slice.outG(), sc, (r, c) -> r == p ? MatrixGrid.Role.B : MatrixGrid.Role.PLAIN);

        double[][] before = bias ? new double[][]{replay.biasGradAfter(p - 1)} : replay.weightGradAfter(p - 1);
        sumNow = bias ? new double[][]{replay.biasGradAfter(p)} : replay.weightGradAfter(p);
        double[][] expected = expectedFor();

        if (p < 0) {
            colTitle.setText("");
            rowTitle.setText("");
            outerTitle.setText("");
            outerTitle2.setText("");
        }
        if (bias) {
            double[][] row = p < 0 ? new double[1][h] : new double[][]{slice.outG()[p]};
            beforeTitle.setText(target + s + " so far");
            rowTitle.setText(p < 0 ? "" : slice.outGName() + "[" + p + "]" + s);
            sumTitle.setText(target + s + " after sample " + Math.max(p, 0));
            set(beforeGrid, before, sc, (r, c) -> MatrixGrid.Role.PLAIN);
            set(rowGrid, row, sc, (r, c) -> p < 0 ? MatrixGrid.Role.PENDING : MatrixGrid.Role.B);
            set(sumGrid, sumNow, sc, (r, c) -> p < 0 ? MatrixGrid.Role.PENDING : MatrixGrid.Role.R);
        } else {
            double[][] col = new double[m][1], row = new double[1][h];
            if (p >= 0) {
                for (int r = 0; r < m; r++) col[r][0] = slice.inp()[p][r];
                row[0] = slice.outG()[p];
                colTitle.setText(slice.inpName() + "[" + p + "].unsqueeze(-1)");
                rowTitle.setText(slice.outGName() + "[" + p + "].unsqueeze(0)" + s);
                outerTitle.setText("outer product " + p + s);
                outerTitle2.setText("outer product " + p);
            }
            double[][] outer = p < 0 ? new double[m][h] : replay.outer(p);
            set(colGrid, col, 1, (r, c) -> p < 0 ? MatrixGrid.Role.PENDING : MatrixGrid.Role.A);
            set(rowGrid, row, sc, (r, c) -> p < 0 ? MatrixGrid.Role.PENDING : MatrixGrid.Role.B);
            set(outerGrid, outer, sc, (r, c) -> p < 0 ? MatrixGrid.Role.PENDING : MatrixGrid.Role.R_CTX);
            set(outerCopy, outer, sc, (r, c) -> p < 0 ? MatrixGrid.Role.PENDING : MatrixGrid.Role.R_CTX);
            beforeTitle.setText(target + s + " so far");
            sumTitle.setText(target + s + (p < 0 ? "" : " after sample " + p));
            set(beforeGrid, before, sc, (r, c) -> MatrixGrid.Role.PLAIN);
            set(sumGrid, sumNow, sc, (r, c) -> p < 0 ? MatrixGrid.Role.PENDING : MatrixGrid.Role.R);
        }
        set(matmulGrid, expected, sc, (r, c) -> MatrixGrid.Role.PLAIN);

        Map<String, String> vars = p < 0 ? Map.of() : Map.of("n", Integer.toString(p));
        code.show(p < 0 ? 0 : 2, vars, List.of("n"));
        if (p == n - 1) {
            double diff = maxDiff(sumNow, expected);
            verdict.setText((diff <= 1e-12 * Math.max(1, maxAbs(expected)) ? "\u2714 Equal to " : "\u2718 Differs from ")
                    + (bias ? slice.outGName() + ".sum(0)" : "the matmul " + slice.inpName() + ".t() @ " + slice.outGName())
                    + " on this slice (largest difference " + String.format(java.util.Locale.ROOT, "%.1e", diff) + ")."
                    + realNote());
        } else {
            verdict.setText(p < 0 ? "Press Next (\u2192): one sample per step." : "");
        }
        long madds = (long) (p + 1) * (bias ? h : (long) m * h);
        bar.counter.set("sample " + (p + 1) + " of " + n + "   \u00b7   " + (bias ? "additions " : "multiply-adds ") + madds
                + " of " + (bias ? (long) n * h : (long) n * m * h));
    }

    /** When the slice holds whole sums, the pass's own gradient must match too; say so only if it does. */
    private String realNote() {
        if (slice.real() == null) return "";
        double d = maxDiff(sumNow, slice.real());
        return d <= 1e-4 * maxAbs(slice.real()) ? "  The pass's own " + slice.which() + " has the same numbers (to float32 precision)." : "";
    }

    private double[][] expectedFor() {
        if (bias) {
            // ND4J's own sum, so the check is independent of the replay's arithmetic.
            return new double[][]{org.nd4j.linalg.factory.Nd4j.createFromArray(slice.outG()).sum(0).toDoubleVector()};
        }
        return org.nd4j.linalg.factory.Nd4j.createFromArray(slice.inp()).transpose().mmul(
                org.nd4j.linalg.factory.Nd4j.createFromArray(slice.outG())).toDoubleMatrix();
    }

    private static double maxDiff(double[][] x, double[][] y) {
        double d = 0;
        for (int r = 0; r < x.length; r++) for (int c = 0; c < x[r].length; c++) d = Math.max(d, Math.abs(x[r][c] - y[r][c]));
        return d;
    }

    private static double maxAbs(double[][] x) {
        double d = 0;
        for (double[] row : x) for (double v : row) d = Math.max(d, Math.abs(v));
        return d;
    }

    private static void set(MatrixGrid g, double[][] v, double scale, MatrixGrid.Roles roles) {
        g.setShape(v.length, v[0].length);
        g.setTexts((r, c) -> Fmt.cell(v[r][c] * scale));
        g.setRoles(roles);
        g.refresh();
    }

    private void sizeCells() { requestLayout(); }

    /** The largest cells (up to 60 px) with which the inputs, the step and the sum all fit. */
    private void fit(double w, double h) {
        if (replay == null || w <= 0 || h <= 0) return;
        int m = replay.inputs(), hc = replay.outputs(), n = replay.samples();
        int chars = 1;
        for (MatrixGrid g : List.of(inpGrid, outGrid, outerGrid, sumGrid, matmulGrid))
            for (int r = 0; r < g.rows(); r++)
                for (int c = 0; c < g.cols(); c++) {
                    String t = g.cellText(r, c);
                    if (t != null) chars = Math.max(chars, t.length());
                }
        double wf = Math.max(1.2, 0.28 * chars + 0.4);
        double codeH = code.prefHeight(-1), codeW = code.prefWidth(-1);
        double noteH = notebookNote.getText().isEmpty() ? 0 : notebookNote.prefHeight(440) + 8;
        double s = 60;
        for (; s > 26; s -= 2) {
            double in = s * 0.7;
            int targetRows = bias ? 1 : m;
            double topH = Math.max(codeH, Math.max(in * (n + 0.45) + 26, in * targetRows + 26 + noteH));
            double rowsH = bias ? 26 + s : 2 * (26 + m * s);
            double needH = topH + rowsH + 2 * 10 + 16 + (bias ? 40 : 0);
            double topW = codeW + 36 + (bias ? hc : m + hc) * in * wf + 2 * in + 36 + Math.max(hc * in * wf, noteH > 0 ? 440 : 0);
            double sumW = bias ? 0 : 3 * hc * s * wf + 4 * 50 + 420 + 24;
            double stepW = (bias ? 3 * hc : 1 + 2 * hc) * s * wf + 3 * 50 + 24;
            if (needH <= h && Math.max(topW, Math.max(sumW, stepW)) <= w) break;
        }
        for (MatrixGrid g : List.of(inpGrid, outGrid, matmulGrid)) g.setCellSize(s * 0.7 * wf, s * 0.7);
        for (MatrixGrid g : List.of(colGrid, rowGrid, outerGrid, outerCopy, beforeGrid, sumGrid)) g.setCellSize(s * wf, s);
    }




    @Override public void next() { cursor.next(); }

    @Override public void previous() { cursor.previous(); }

    @Override public void reset() { cursor.reset(); }

    @Override public void togglePlay() { bar.togglePlay(); }

    public void end() { cursor.end(); }
}
