package io.backproplens.ui.activations;

import io.backproplens.ui.audit.LayoutAudit;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;

/**
 * The scroll the Compare table and the depth sweep fall back on where the window is too short
 * for them (1280x720 at 200%): their content keeps its readable size and scrolls down, never
 * sideways, and the layout audit is told that this pane scrolls on purpose.
 */
final class VerticalScroll {
    private VerticalScroll() {}

    static ScrollPane of(Node content) {
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("activations-scroll");
        scroll.getProperties().put(LayoutAudit.SCROLLS, true);
        return scroll;
    }
}
