package io.backproplens.ui.shell;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.util.List;

/** The {@code ?} overlay: every key the app answers to, big enough to read from the back. */
public final class HelpOverlay extends StackPane {

    /** The keyboard table; the README shows the same list. */
    public static final List<String[]> KEYS = List.of(
            new String[]{"Right, Space, PageDown", "Next step (a presenter's clicker works)"},
            new String[]{"Left, PageUp", "Previous step"},
            new String[]{"P", "Play / pause"},
            new String[]{"Home", "Reset to the first step"},
            new String[]{"End", "Jump to the last step"},
            new String[]{"R / X / K", "Init: randn / Xavier / Kaiming"},
            new String[]{"A / G / C / D", "Activations view: histograms / gradients / compare / depth sweep"},
            new String[]{"S / N", "Activations view: ReLU or ReLU - 0.5 / a new seed"},
            new String[]{"Ctrl+1 .. Ctrl+9", "Lesson scenes"},
            new String[]{"Ctrl+Plus / Ctrl+Minus / Ctrl+0", "UI scale up / down / 100%"},
            new String[]{"F11", "Full screen"},
            new String[]{"Ctrl+S / Ctrl+O", "Save / open a scene file"},
            new String[]{"Ctrl+E", "Export the view in front as PNG"},
            new String[]{"?  or  F1", "This help (Esc closes it)"});

    public HelpOverlay() {
        getStyleClass().add("help-overlay");
        setId("help-overlay");
        GridPane table = new GridPane();
        table.setHgap(32);
        table.setVgap(8);
        for (int i = 0; i < KEYS.size(); i++) {
            Label key = new Label(KEYS.get(i)[0]);
            key.getStyleClass().add("help-key");
            Label what = new Label(KEYS.get(i)[1]);
            table.addRow(i, key, what);
        }
        Label title = new Label("Keys");
        title.getStyleClass().add("big-title");
        VBox box = new VBox(16, title, table, new Label("Press Esc or ? to close"));
        box.getStyleClass().add("help-box");
        box.setPadding(new Insets(32));
        box.setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
        getChildren().add(box);
        setAlignment(Pos.CENTER);
        setVisible(false);
        setOnMouseClicked(e -> setVisible(false));
    }

    public void toggle() { setVisible(!isVisible()); }
}
