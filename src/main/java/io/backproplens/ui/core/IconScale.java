package io.backproplens.ui.core;

import javafx.scene.Node;
import javafx.scene.control.Labeled;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Icons sized with the UI scale, as the text beside them is (the root font size: 16 px at 100%, the
 * icon font's own default). A FontIcon keeps its 16 px otherwise: about 12 px beside 32 px text at
 * 200%. The size goes into the icon's inline style: the theme's stylesheet sets -fx-icon-size too and
 * wins over a value set in code, and a bound iconSize makes JavaFX log "bound value cannot be set"
 * at every CSS pass.
 */
public final class IconScale {
    private IconScale() {}

    /** A new icon that keeps the root font size at every UI scale (the chrome's buttons and menus). */
    public static FontIcon icon(String literal, Presentation p) {
        FontIcon icon = new FontIcon(literal);
        p.scale.addListener(o -> size(icon, p));
        size(icon, p);
        return icon;
    }

    /**
     * Every button among {@code nodes} (and inside a pane among them) keeps its icon at the root font
     * size, also after its icon is replaced (the play bar's Play and Pause swap theirs).
     */
    public static void follow(Iterable<? extends Node> nodes, Presentation p) {
        for (Node n : nodes) {
            if (n instanceof Labeled l) {
                Runnable size = () -> {
                    if (l.getGraphic() instanceof FontIcon icon) size(icon, p);
                };
                p.scale.addListener(o -> size.run());
                l.graphicProperty().addListener(o -> size.run());
                size.run();
            } else if (n instanceof javafx.scene.Parent parent) {
                follow(parent.getChildrenUnmodifiable(), p);
            }
        }
    }

    /** Sets the icon's size in its inline style, keeping the rest (FontIcon writes its own -fx-font-size there). */
    static void size(FontIcon icon, Presentation p) {
        String rest = icon.getStyle() == null ? "" : icon.getStyle().replaceAll("-fx-icon-size:[^;]*;?", "").trim();
        icon.setStyle(rest + (rest.isEmpty() || rest.endsWith(";") ? "" : ";") + "-fx-icon-size: " + Math.round(p.fontPx()) + "px;");
    }
}
