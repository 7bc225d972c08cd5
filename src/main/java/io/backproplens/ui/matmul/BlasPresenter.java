package io.backproplens.ui.matmul;

import io.backproplens.matmul.MatmulReplay;
import io.backproplens.matmul.MatmulStep;
import javafx.scene.Node;
import javafx.scene.control.Label;

import java.util.List;

import static io.backproplens.ui.matmul.Labels.plain;

/** {@code c = a @ b}: one call, every multiply-add at once. */
final class BlasPresenter extends LoopPresenter {
    private final Label text = new Label();

    BlasPresenter() {
        text.getStyleClass().add("mm-detail-text");
        text.setWrapText(true);
    }

    @Override List<String> order() { return List.of(); }

    @Override MatrixGrid.Role aRole(MatmulStep st, int r, int c) { return MatrixGrid.Role.A; }

    @Override MatrixGrid.Role bRole(MatmulStep st, int r, int c) { return MatrixGrid.Role.B; }

    @Override boolean done(MatmulStep st, int r, int c, int cols) { return true; }

    @Override
    Node detail(MatmulStep st, int p, MatmulStepper.Input in, MatmulReplay replay) {
        text.setText(plain(in.rName()) + " = " + plain(in.aName()) + " @ " + plain(in.bName()) + "   \u2014 all " + replay.totalMadds()
                + " multiply-adds in one call: ND4J hands them to OpenBLAS, which works in blocks that fit the CPU's cache and vector units.");
        return text;
    }
}
