package io.backproplens.ui.shell;

import io.backproplens.ui.core.Keys;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;


/** The {@code ?} overlay: every key the app answers to ({@link Keys}), big enough to read from the back. */
public final class HelpOverlay extends StackPane {

    public HelpOverlay() {
        getStyleClass().add("help-overlay");
        setId("help-overlay");
        GridPane table = new GridPane();
        table.setHgap(32);
        table.setVgap(8);
        for (Keys k : Keys.values()) {
            Label key = new Label(k.keys());
            key.getStyleClass().add("help-key");
            table.addRow(k.ordinal(), key, new Label(k.does()));
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
