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

    @Override String logLine(MatmulStep s) { return "(" + s.i() + ", :) (:, " + s.j() + ") (" + s.i() + ", " + s.j() + ")"; }

    @Override
    Node detail(MatmulStep st, int p, MatmulStepper.Input in, MatmulReplay replay) {
        String rn = in.rName(), an = in.aName(), bn = in.bName();
        double[] prod = st.terms()[0];
        int i = st.i(), j = st.j(), n = prod.length;
        rowATitle.setText(ref(an, "[" + i + ",:]"));
        colBTitle.setText(ref(bn, "[:," + j + "]"));
        productTitle.setText("product");
        setRow(rowA, n, c -> Fmt.cell(replay.a()[i][c]), MatrixGrid.Role.A);
        setRow(colB, n, c -> Fmt.cell(replay.b()[c][j]), MatrixGrid.Role.B);
        setRow(product, n, c -> Fmt.cell(prod[c]), MatrixGrid.Role.R_CTX);
        sum.getChildren().setAll(t("(" + plain(an) + "[" + i + ",:] * " + plain(bn) + "[:," + j + "]).sum()  =  ", null),
                t(Fmt.cell(st.writes().get(0).value()), "mm-t-r"), t("   \u2192  " + ref(rn, "[" + i + "," + j + "]"), "mm-t-r"));
        return box;
    }

    @Override boolean hasPictureGrids() { return true; }

    @Override
    void fitPicture(MatmulStepper.Input in, double s, double wf, double w, double h) {
        double dh = h * 0.5 - 90;
        double dw = w - 40;
        double ds = Math.min(s, 72);
        int n = in.ac();
        int vis = 12;
        while (ds > 24 && (Math.min(n, vis) * ds * wf + 220 > dw || 3 * ds + 60 > dh)) ds -= 2;
        while (vis > 1 && Math.min(n, vis) * ds * wf + 220 > dw) vis--;
        for (MatrixGrid g : List.of(rowA, colB, product)) {
            g.setMaxVisible(1, vis);
            g.setCellSize(ds * wf, ds);
        }
    }
}
