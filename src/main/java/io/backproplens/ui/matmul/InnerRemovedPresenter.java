package io.backproplens.ui.matmul;

import io.backproplens.matmul.MatmulReplay;
import io.backproplens.matmul.MatmulStep;
import io.backproplens.ui.common.Fmt;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextAlignment;
import javafx.scene.text.TextFlow;

import java.util.List;

import static io.backproplens.ui.matmul.Labels.plain;
import static io.backproplens.ui.matmul.Labels.ref;
import static io.backproplens.ui.matmul.Labels.row;
import static io.backproplens.ui.matmul.Labels.setRow;
import static io.backproplens.ui.matmul.Labels.t;

/** {@code c[i,j] = (a[i,:] * b[:,j]).sum()}: the inner loop as one elementwise product and a sum. */
final class InnerRemovedPresenter extends LoopPresenter {
    private final MatrixGrid rowA = new MatrixGrid(), colB = new MatrixGrid(), product = new MatrixGrid();
    private final Label rowATitle = Labels.small(), colBTitle = Labels.small(), productTitle = Labels.small();
    private final TextFlow sum = new TextFlow();
    private final VBox box;

    InnerRemovedPresenter() {
        sum.setTextAlignment(TextAlignment.CENTER);
        sum.getStyleClass().add("mm-formula");
        for (MatrixGrid g : List.of(rowA, colB, product)) g.setHeads(false);
        box = new VBox(6, row(rowATitle, rowA), row(colBTitle, colB), row(productTitle, product), sum);
        box.setAlignment(Pos.CENTER);
    }

    @Override List<String> order() { return List.of("i", "j"); }

    @Override MatrixGrid.Role aRole(MatmulStep st, int r, int c) { return r == st.i() ? MatrixGrid.Role.A : MatrixGrid.Role.PLAIN; }

    @Override MatrixGrid.Role bRole(MatmulStep st, int r, int c) { return c == st.j() ? MatrixGrid.Role.B : MatrixGrid.Role.PLAIN; }

    @Override boolean done(MatmulStep st, int r, int c, int cols) { return r * cols + c < st.i() * cols + st.j(); }

    @Override
    String logLine(MatmulStep s, MatmulStepper.Input in) {
        return "(" + in.row(s.i()) + ", :) (:, " + in.col(s.j()) + ") (" + in.row(s.i()) + ", " + in.col(s.j()) + ")";
    }

    @Override
    Node detail(MatmulStep st, int p, MatmulStepper.Input in, MatmulReplay replay) {
        String rn = in.rName(), an = in.aName(), bn = in.bName();
        double[] prod = st.terms()[0];
        int i = st.i(), j = st.j(), n = prod.length;
        int ri = in.row(i), cj = in.col(j);
        rowATitle.setText(ref(an, "[" + ri + ",:]"));
        colBTitle.setText(ref(bn, "[:," + cj + "]"));
        productTitle.setText("product");
        setRow(rowA, n, c -> Fmt.cell(replay.a()[i][c]), MatrixGrid.Role.A);
        setRow(colB, n, c -> Fmt.cell(replay.b()[c][j]), MatrixGrid.Role.B);
        setRow(product, n, c -> Fmt.cell(prod[c]), MatrixGrid.Role.R_CTX);
        sum.getChildren().setAll(t("(" + plain(an) + "[" + ri + ",:] * " + plain(bn) + "[:," + cj + "]).sum()  =  ", null),
                t(Fmt.cell(st.writes().get(0).value()), "mm-t-r"), t("   \u2192  " + ref(rn, "[" + ri + "," + cj + "]"), "mm-t-r"));
        return box;
    }

    @Override boolean hasPictureGrids() { return true; }

    @Override
    void fitPicture(MatmulStepper.Input in, double s, int chars, double w, double h) {
        size(List.of(rowA, colB, product), s, chars, 1, in.ac(), w - rowATitle.prefWidth(-1) - 40, 1);
        sum.setMaxWidth(w - 30);
    }
}
