package io.backproplens.ui.shell;

import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.skin.ComboBoxListViewSkin;

/**
 * A ComboBox as wide as the entry it shows (and its arrow), not as its widest entry: in the compact
 * chrome's one row the lesson list ("11  Module refactor") and the view list ("Activations") made
 * "5 / 11  Forward" and "Network" wide enough to push the init onto a second row at 1280x720, 200%.
 * The list it opens is as wide as its entries still.
 */
final class FitComboSkin<T> extends ComboBoxListViewSkin<T> {
    FitComboSkin(ComboBox<T> box) { super(box); }

    @Override
    protected double computePrefWidth(double height, double top, double right, double bottom, double left) {
        Node shown = getDisplayNode();
        Node arrow = getSkinnable().lookup(".arrow-button");
        if (shown == null || arrow == null) return super.computePrefWidth(height, top, right, bottom, left);
        return left + shown.prefWidth(height) + arrow.prefWidth(height) + right;
    }
}
