package io.backproplens.ui.network;

import io.backproplens.ui.core.Presentation;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The play bar's icons sized with the UI scale, as its text is (the root font size: 16 px at 100%,
 * the icon font's own default). A FontIcon keeps its 16 px otherwise: about 12 px beside 32 px text
 * at 200%. Follows a button whose icon is replaced (Play and Pause swap theirs).
 */
final class IconScale {
    private IconScale() {}

    /** Every button among {@code nodes} (and inside a pane among them) keeps its icon at the root font size. */
    static void follow(Iterable<? extends Node> nodes, Presentation p) {
        for (Node n : nodes) {
            if (n instanceof Labeled l) {
                bind(l.getGraphic(), p);
                l.graphicProperty().addListener((o, was, now) -> bind(now, p));
            } else if (n instanceof javafx.scene.Parent parent) {
                follow(parent.getChildrenUnmodifiable(), p);
            }
        }
    }

    private static void bind(Node graphic, Presentation p) {
        if (graphic instanceof FontIcon icon && !icon.iconSizeProperty().isBound()) {
            icon.iconSizeProperty().bind(Bindings.createIntegerBinding(() -> (int) Math.round(p.fontPx()), p.scale));
        }
    }
}
