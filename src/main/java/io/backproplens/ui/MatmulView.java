package io.backproplens.ui;

import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;

/** Placeholder until the Matmul view lands. */
public final class MatmulView extends BorderPane implements Steppable {
    public MatmulView(Controller controller) {
        setCenter(new Label("Matmul"));
    }

    @Override public void next() {}

    @Override public void previous() {}
}
