package io.backproplens.ui.matmul;

import io.backproplens.matmul.MatmulReplay;
import io.backproplens.matmul.MatmulStep;
import io.backproplens.ui.common.Fmt;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

import java.util.List;

import static io.backproplens.ui.matmul.Labels.plain;
import static io.backproplens.ui.matmul.Labels.ref;

/** {@code c[i] = (a[i].unsqueeze(-1) * b).sum(dim=0)}: a whole row of the result a step. */
final class BroadcastPresenter extends LoopPresenter {
    private final MatrixGrid column = new MatrixGrid(), bCopy = new MatrixGrid(), product = new MatrixGrid(), sum = new MatrixGrid();
    private final Label columnTitle = Labels.small(), bTitle = Labels.small(), productTitle = Labels.small(), sumTitle = Labels.small();
    private final Label note = new Label();
    private final VBox box;
    private final javafx.scene.layout.FlowPane row;

    BroadcastPresenter() {
        for (MatrixGrid g : List.of(column, bCopy, product, sum)) g.setHeads(false);
        note.getStyleClass().add("mm-note");
        note.setWrapText(true);
        row = new javafx.scene.layout.FlowPane(12, 8, Labels.titled(columnTitle, column), Labels.op("\u00d7"), Labels.titled(bTitle, bCopy), Labels.op("="),
                Labels.titled(productTitle, product), Labels.op("\u2192"), Labels.titled(sumTitle, sum));
        row.setAlignment(Pos.CENTER);
        box = new VBox(4, row, note);
        box.setAlignment(Pos.CENTER);
    }

    @Override List<String> order() { return List.of("i"); }

    @Override MatrixGrid.Role aRole(MatmulStep st, int r, int c) { return r == st.i() ? MatrixGrid.Role.A : MatrixGrid.Role.PLAIN; }

    @Override MatrixGrid.Role bRole(MatmulStep st, int r, int c) { return MatrixGrid.Role.B; }

    @Override boolean done(MatmulStep st, int r, int c, int cols) { return r < st.i(); }

    @Override String logLine(MatmulStep s, MatmulStepper.Input in) { return "(" + in.row(s.i()) + ", :) (:, :) (" + in.row(s.i()) + ", :)"; }

    @Override
    Node detail(MatmulStep st, int p, MatmulStepper.Input in, MatmulReplay replay) {
        String rn = in.rName(), an = in.aName(), bn = in.bName();
        int i = st.i(), ac = replay.inner(), bc = replay.cols();
        double[][] prod = st.terms();
        columnTitle.setText(ref(an, "[" + in.row(i) + "].unsqueeze(-1)"));
        bTitle.setText(bn);
        productTitle.setText("product");
        // Two short lines rather than one long one: the picture stays one row on a projector.
        sumTitle.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        sumTitle.setText(".sum(dim=0)\n\u2192 " + ref(rn, "[" + in.row(i) + "]"));
        column.setShape(ac, bc);
        column.setTexts((r, c) -> Fmt.cell(replay.a()[i][r]));
        column.setRoles((r, c) -> c == 0 ? MatrixGrid.Role.A : MatrixGrid.Role.FADED);
        bCopy.setShape(ac, bc);
        bCopy.setTexts((r, c) -> Fmt.cell(replay.b()[r][c]));
        bCopy.setRoles((r, c) -> MatrixGrid.Role.B);
        product.setShape(ac, bc);
        product.setTexts((r, c) -> Fmt.cell(prod[r][c]));
        product.setRoles((r, c) -> MatrixGrid.Role.R_CTX);
        sum.setShape(1, bc);
        sum.setTexts((r, c) -> Fmt.cell(st.writes().get(c).value()));
        sum.setRoles((r, c) -> MatrixGrid.Role.R);
        for (MatrixGrid g : List.of(column, bCopy, product, sum)) g.refresh();
        note.setText("Shape (" + ac + ", 1), broadcast across " + plain(bn) + "'s " + bc + " columns: the faded copies are not made in memory.");
        return box;
    }

    @Override boolean hasPictureGrids() { return true; }

    @Override String note() { return note.getText(); }

    @Override
    void setNoteShown(boolean shown) {
        note.setVisible(shown);
        note.setManaged(shown);
    }

    @Override
    void fitPicture(MatmulStepper.Input in, double s, int chars, double w, double h) {
        // Four grids in a row when they fit, fewer per row (the row wraps) when not.
        int across = 4;
        while (across > 1 && in.bc() * column.cellWidthFor(s, chars) * across + 80 * across > w) across--;
        size(List.of(column, bCopy, product), s, chars, in.ac(), in.bc(), w, across);
        size(List.of(sum), s, chars, 1, in.bc(), w, across);
        note.setMaxWidth(w - 30);
        row.setPrefWrapLength(w - 30);
    }
}
