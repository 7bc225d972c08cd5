package io.backproplens.ui;

import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;

/** Placeholder until the Matmul view lands. */
public final class MatmulView extends BorderPane implements Steppable {
    public MatmulView(Controller controller) {
        setCenter(new Label("Matmul"));
    }

    /** Shows a variant by its enum name (lesson scenes). */
    public void showVariant(String variant) {}

    /** The stepper's matrices, variant and step, for a scene file. */
    public SceneFile.MatmulState matmulState() {
        return new SceneFile.MatmulState("1,2,1;0,1,0;2,3,4", "2,5;6,7;1,8", "TRIPLE_LOOP", -1);
    }

    public void restore(SceneFile.MatmulState state) {}

    @Override public void next() {}

    @Override public void previous() {}
}
