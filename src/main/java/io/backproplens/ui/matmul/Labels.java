package io.backproplens.ui.matmul;

import io.backproplens.ui.core.PlayBar;
import io.backproplens.ui.core.StepCursor;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The stepper's small builders, shared by every pane that draws grids: one look everywhere. */
final class Labels {
    private Labels() {}

    /** The stepping control of every matmul pane: 0.5 to 20 multiply-adds a second, 2 to start. */
    static PlayBar playBar(StepCursor cursor, String prefix) {
        PlayBar bar = new PlayBar(cursor, prefix, 0.5, 20, 2);
        bar.getStyleClass().add("mm-playbar");
        return bar;
    }

    /** A grid's big title ({@code a (3x3)}). */
    static Label gridTitle() {
        Label l = new Label();
        l.getStyleClass().add("mm-grid-title");
        return l;
    }

    /** A smaller grid title, never cut. */
    static Label small() {
        Label l = new Label();
        l.getStyleClass().add("mm-small-title");
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    /** A title above a grid, centred. */
    static VBox titled(Label title, Node grid) {
        VBox box = new VBox(4, title, grid);
        box.setAlignment(Pos.TOP_CENTER);
        box.setMinWidth(Region.USE_PREF_SIZE);
        return box;
    }

    /** An operator between grids ({@code @}, {@code =}, {@code +}). */
    static Label op(String s) {
        Label l = new Label(s);
        l.getStyleClass().add("mm-op");
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }
}
