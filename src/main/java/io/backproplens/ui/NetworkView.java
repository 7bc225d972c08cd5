package io.backproplens.ui;

import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;

/** Placeholder until the Network view lands. */
public final class NetworkView extends BorderPane implements Steppable {
    public NetworkView(Controller controller) {
        setCenter(new Label("Network"));
    }

    @Override public void next() {}

    @Override public void previous() {}
}
