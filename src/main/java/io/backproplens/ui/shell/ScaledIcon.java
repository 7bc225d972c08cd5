package io.backproplens.ui.shell;

import io.backproplens.ui.core.Presentation;
import javafx.beans.binding.Bindings;
import org.kordamp.ikonli.javafx.FontIcon;

/** The chrome's icons, sized with the UI scale as its text is (1.25 x the root font). */
final class ScaledIcon {
    private ScaledIcon() {}

    static FontIcon of(String literal, Presentation p) {
        FontIcon icon = new FontIcon(literal);
        icon.iconSizeProperty().bind(Bindings.createIntegerBinding(() -> (int) Math.round(1.25 * p.fontPx()), p.scale));
        return icon;
    }
}
