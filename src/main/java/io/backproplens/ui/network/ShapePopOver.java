package io.backproplens.ui.network;

import io.backproplens.explain.ShapeStory;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.control.PopOver;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One screen on why a backward formula's result has its shape, opened from the formula: the
 * operands and the result with their shapes lined up in a table, the shape the result must have
 * (the parameter's or the input's), and a few sentences with this pass's numbers. A ControlsFX
 * {@link PopOver}: it points at the formula and closes with Esc or a click elsewhere.
 */
final class ShapePopOver {
    private final PopOver pop = new PopOver();
    private final VBox content = new VBox(8);
    private ShapeStory story;
    private final List<String> lines = new ArrayList<>();

    ShapePopOver() {
        content.setId("shape-popover");
        content.getStyleClass().addAll("network-view", "shape-popover");
        content.getStylesheets().add(Objects.requireNonNull(ShapePopOver.class.getResource("/css/network.css")).toExternalForm());
        content.setPadding(new Insets(12, 16, 12, 16));
        pop.setContentNode(content);
        pop.setArrowLocation(PopOver.ArrowLocation.TOP_LEFT);
        pop.setDetachable(false);
        pop.setAutoHide(true);
        // A click on another formula's button closes this one and opens that one, in one click.
        pop.setConsumeAutoHidingEvents(false);
        pop.setTitle("Why these shapes");
        pop.setHeaderAlwaysVisible(false);
        pop.setAnimated(false);
    }

    /** Opens the story of a formula beside {@code owner}; {@code fontPx} is the UI's root font size (a popup has its own scene). */
    void show(Node owner, ShapeStory s, double fontPx) {
        story = s;
        lines.clear();
        content.getChildren().clear();
        content.setStyle(String.format(Locale.ROOT, "-fx-font-size: %.1fpx;", fontPx));
        // The theme's class is on the window's root; the popup's scene has a root of its own.
        if (owner.getScene() != null) {
            content.getStyleClass().removeIf(c -> c.startsWith("theme-"));
            owner.getScene().getRoot().getStyleClass().stream().filter(c -> c.startsWith("theme-")).forEach(content.getStyleClass()::add);
        }
        Label title = label(s.formula(), "shape-title");
        title.setId("shape-formula");
        GridPane table = new GridPane();
        table.setId("shape-table");
        table.setHgap(18);
        table.setVgap(2);
        int row = 0;
        for (int i = 0; i < s.operands().size(); i++) {
            ShapeStory.Operand o = s.operands().get(i);
            String lead = i == 0 ? "" : s.op();
            addRow(table, row++, lead, o.name(), o.shapeText(), "shape-operand-" + i);
        }
        if (s.op().startsWith(".")) addRow(table, row++, "", s.operands().get(0).name() + s.op(), s.result().shapeText(), "shape-op");
        addRow(table, row++, "=", s.result().name(), s.result().shapeText(), "shape-result");
        addRow(table, row, "", s.target().name(), s.target().shapeText() + (s.fits() ? "   \u2714 the same shape" : "   \u2718 not the same"),
                "shape-target");
        Label line = label(s.lineUp(), "shape-lineup");
        line.setId("shape-lineup");
        content.getChildren().addAll(title, table, line);
        for (int i = 0; i < s.why().size(); i++) {
            Label w = label(s.why().get(i), "shape-why");
            w.setId("shape-why-" + i);
            w.setWrapText(true);
            // A sentence wraps at about 60 characters: one screen, not one line across it.
            w.setMinWidth(0);
            w.setPrefWidth(fontPx * 34);
            w.setMaxWidth(fontPx * 34);
            w.setMinHeight(Region.USE_PREF_SIZE);
            content.getChildren().add(w);
        }
        // Open away from the window's nearer edge: formulas stand low in the view, so mostly above.
        if (owner.getScene() != null) {
            javafx.geometry.Bounds b = owner.localToScene(owner.getBoundsInLocal());
            boolean low = b.getCenterY() > owner.getScene().getHeight() / 2;
            pop.setArrowLocation(low ? PopOver.ArrowLocation.BOTTOM_LEFT : PopOver.ArrowLocation.TOP_LEFT);
        }
        pop.show(owner);
    }

    private void addRow(GridPane t, int row, String lead, String name, String shape, String id) {
        Label a = label(lead, "shape-cell"), b = label(name, "shape-cell"), c = label(shape, "shape-cell");
        b.setId(id + "-name");
        c.setId(id + "-shape");
        t.addRow(row, a, b, c);
    }

    private Label label(String text, String style) {
        Label l = new Label(text);
        l.getStyleClass().add(style);
        l.setMinWidth(Region.USE_PREF_SIZE);
        lines.add(text);
        return l;
    }

    boolean showing() { return pop.isShowing(); }

    void hide() { pop.hide(); }

    /** The story on screen (null before the first). */
    ShapeStory story() { return story; }

    /** Every text shown, top to bottom (tests read the shapes here). */
    List<String> lines() { return List.copyOf(lines); }

    PopOver popOver() { return pop; }
}
