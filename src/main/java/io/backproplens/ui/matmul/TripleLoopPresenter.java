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
    private final TextFlow line1 = new TextFlow(), line2 = new TextFlow();
    private final VBox box = new VBox(10, line1, line2);

    TripleLoopPresenter() {
        box.setAlignment(Pos.CENTER);
        for (TextFlow f : List.of(line1, line2)) {
            f.getStyleClass().add("mm-formula");
            f.setTextAlignment(TextAlignment.CENTER);
        }
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
        line1.getChildren().setAll(
                t(ref(an, "[" + ri + "," + kk + "]"), "mm-t-a"), t(" \u00d7 ", null),
                t(ref(bn, "[" + kk + "," + cj + "]"), "mm-t-b"), t(" = ", null),
                t(Fmt.cell(replay.a()[st.i()][st.k()]), "mm-t-a"), t(" \u00d7 ", null),
                t(Fmt.cell(replay.b()[st.k()][st.j()]), "mm-t-b"), t(" = ", null), t(Fmt.cell(prod), "mm-t-p"));
        line2.getChildren().setAll(
                t(ref(rn, "[" + ri + "," + cj + "]"), "mm-t-r"), t(" = ", null),
                t(Fmt.cell(prev), null), t(" + ", null), t(Fmt.cell(prod), "mm-t-p"), t(" = ", null),
                t(Fmt.cell(sum), "mm-t-r"));
        return box;
    }
}
