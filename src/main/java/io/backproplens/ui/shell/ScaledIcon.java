package io.backproplens.ui.shell;

import io.backproplens.ui.core.Presentation;
import javafx.beans.binding.Bindings;
import org.kordamp.ikonli.javafx.FontIcon;

/** The chrome's icons, sized with the UI scale as its text is (the root font size: 16 px at 100%, the icon font's own default). */
final class ScaledIcon {
    private ScaledIcon() {}

    static FontIcon of(String literal, Presentation p) {
        FontIcon icon = new FontIcon(literal);
        icon.iconSizeProperty().bind(Bindings.createIntegerBinding(() -> (int) Math.round(p.fontPx()), p.scale));
        return icon;
    }
}
