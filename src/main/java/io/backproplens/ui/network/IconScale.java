package io.backproplens.ui.network;

import io.backproplens.ui.core.Presentation;
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
                // In the icon's inline style: the theme's stylesheet sets -fx-icon-size too and wins
                // over a value set in code, and a bound one makes JavaFX warn at every CSS pass
                // (FontIcon writes its own -fx-font-size into the same style, so the rest is kept).
                Runnable size = () -> {
                    if (l.getGraphic() instanceof FontIcon icon) {
                        String rest = icon.getStyle() == null ? "" : icon.getStyle().replaceAll("-fx-icon-size:[^;]*;?", "").trim();
                        icon.setStyle(rest + (rest.isEmpty() || rest.endsWith(";") ? "" : ";") + "-fx-icon-size: " + Math.round(p.fontPx()) + "px;");
                    }
                };
                p.scale.addListener(o -> size.run());
                l.graphicProperty().addListener(o -> size.run());
                size.run();
            } else if (n instanceof javafx.scene.Parent parent) {
                follow(parent.getChildrenUnmodifiable(), p);
            }
        }
    }
}
