package io.backproplens.ui.matmul;

import io.backproplens.matmul.MatmulReplay;
import io.backproplens.matmul.MatmulStep;
import io.backproplens.ui.common.Fmt;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.text.TextAlignment;
import javafx.scene.text.TextFlow;
import javafx.scene.layout.VBox;

import java.util.List;

import static io.backproplens.ui.matmul.Labels.ref;
import static io.backproplens.ui.matmul.Labels.t;

/** {@code for i: for j: for k: c[i,j] += a[i,k] * b[k,j]}: one multiply-add a step. */
final class TripleLoopPresenter extends LoopPresenter {
    /**
     * The two equations, each in two pieces ({@code a[0,1] × b[1,1]} and {@code = 2 × 7 = 14}): a
     * piece is never broken, and in a column too narrow for a whole equation the pieces stand one
     * under the other, rather than a line wrapping mid-formula.
     */
    private final TextFlow product1 = new TextFlow(), product2 = new TextFlow(), sum1 = new TextFlow(), sum2 = new TextFlow();
    private final javafx.scene.layout.HBox line1 = new javafx.scene.layout.HBox(), line2 = new javafx.scene.layout.HBox();
    private final VBox box = new VBox(10, line1, line2);
    private boolean narrow, tight;

    TripleLoopPresenter() {
        box.setAlignment(Pos.CENTER);
        for (TextFlow f : List.of(product1, product2, sum1, sum2)) {
            f.getStyleClass().add("mm-formula");
            f.setTextAlignment(TextAlignment.CENTER);
            f.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        line1.setAlignment(Pos.CENTER);
        line2.setAlignment(Pos.CENTER);
        arrange(false);
    }

    /** The pieces two to a line, or ({@code narrow}) one to a line. */
    private void arrange(boolean narrow) {
        this.narrow = narrow;
        if (narrow) {
            line1.getChildren().clear();
            line2.getChildren().clear();
            box.getChildren().setAll(product1, product2, sum1, sum2);
            box.setSpacing(2);
        } else {
            line1.getChildren().setAll(product1, product2);
            line2.getChildren().setAll(sum1, sum2);
            box.getChildren().setAll(line1, line2);
            box.setSpacing(tight ? 2 : 10);
        }
    }

    @Override
    void setTight(boolean on) {
        if (on == tight) return;
        tight = on;
        arrange(narrow);
    }

    @Override
    void fitWidth(double w) {
        double wide = Math.max(product1.prefWidth(-1) + product2.prefWidth(-1), sum1.prefWidth(-1) + sum2.prefWidth(-1));
        // With a few px to spare before the pieces go back side by side: a width at the edge does not flip them.
        boolean next = narrow ? wide > w - 8 : wide > w;
        if (next != narrow) arrange(next);
    }

    @Override List<String> order() { return List.of("i", "j", "k"); }

    @Override
    MatrixGrid.Role aRole(MatmulStep st, int r, int c) {
        return r == st.i() && c == st.k() ? MatrixGrid.Role.A : r == st.i() ? MatrixGrid.Role.A_CTX : MatrixGrid.Role.PLAIN;
    }

    @Override
    MatrixGrid.Role bRole(MatmulStep st, int r, int c) {
        return r == st.k() && c == st.j() ? MatrixGrid.Role.B : c == st.j() ? MatrixGrid.Role.B_CTX : MatrixGrid.Role.PLAIN;
    }

    @Override boolean done(MatmulStep st, int r, int c, int cols) { return r * cols + c < st.i() * cols + st.j(); }

    @Override String logTitle() { return "print((i,k),(k,j),(i,j))"; }

    @Override
    String logLine(MatmulStep s, MatmulStepper.Input in) {
        int i = in.row(s.i()), k = in.inner(s.k()), j = in.col(s.j());
        return "(" + i + ", " + k + ") (" + k + ", " + j + ") (" + i + ", " + j + ")";
    }

    @Override boolean followsK() { return true; }

    @Override
    Node detail(MatmulStep st, int p, MatmulStepper.Input in, MatmulReplay replay) {
        String rn = in.rName(), an = in.aName(), bn = in.bName();
        double prod = st.terms()[0][0];
        double sum = st.writes().get(0).value();
        double prev = st.k() == 0 ? 0 : replay.steps().get(p - 1).writes().get(0).value();
        int ri = in.row(st.i()), kk = in.inner(st.k()), cj = in.col(st.j());
        product1.getChildren().setAll(
                t(ref(an, "[" + ri + "," + kk + "]"), "mm-t-a"), t(" \u00d7 ", null),
                t(ref(bn, "[" + kk + "," + cj + "]"), "mm-t-b"));
        product2.getChildren().setAll(t(" = ", null),
                t(Fmt.cell(replay.a()[st.i()][st.k()]), "mm-t-a"), t(" \u00d7 ", null),
                t(Fmt.cell(replay.b()[st.k()][st.j()]), "mm-t-b"), t(" = ", null), t(Fmt.cell(prod), "mm-t-p"));
        sum1.getChildren().setAll(t(ref(rn, "[" + ri + "," + cj + "]"), "mm-t-r"));
        sum2.getChildren().setAll(t(" = ", null),
                t(Fmt.cell(prev), null), t(" + ", null), t(Fmt.cell(prod), "mm-t-p"), t(" = ", null),
                t(Fmt.cell(sum), "mm-t-r"));
        return box;
    }
}
