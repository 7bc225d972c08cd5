package io.backproplens.ui;

import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;

/** Placeholder until the Activations view lands. */
public final class ActivationsView extends BorderPane implements Steppable {
    public ActivationsView(Controller controller) {
        setCenter(new Label("Activations"));
    }

    @Override public void next() {}

    @Override public void previous() {}
}
