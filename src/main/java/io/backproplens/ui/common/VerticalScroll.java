package io.backproplens.ui.common;

import io.backproplens.ui.audit.LayoutAudit;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;

/**
 * The scroll a view falls back on where the window is too short for its content at a readable
 * size (the Compare table and the depth sweep at 1280x720 and 200%, the Train view's charts): the
 * content fills the width and scrolls down, never sideways, and the layout audit is told that this
 * pane scrolls on purpose ({@link LayoutAudit#SCROLLS}).
 */
public final class VerticalScroll {
    private VerticalScroll() {}

    /** A vertical-only scroll around {@code content}, with {@code styleClass} for the view's stylesheet. */
    public static ScrollPane of(Node content, String styleClass) {
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add(styleClass);
        scroll.getProperties().put(LayoutAudit.SCROLLS, true);
        return scroll;
    }
}
