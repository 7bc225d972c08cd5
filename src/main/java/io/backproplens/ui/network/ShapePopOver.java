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
    /** Rebuilt at each show: it is measured in a scene of its own before the PopOver takes it. */
    private VBox content = new VBox();
    private ShapeStory story;
    private final List<String> lines = new ArrayList<>();
    /** The scene of the formula it is opened from: the window it is sized to and measured like. */
    private javafx.scene.Scene ownerScene;
    /** ControlsFX's default arrow; none where the PopOver cannot stand beside its formula. */
    private static final double ARROW = 12;
    ShapePopOver() {
        pop.setArrowLocation(PopOver.ArrowLocation.TOP_LEFT);
        pop.setDetachable(false);
        pop.setAutoHide(true);
        // A click on another formula's button closes this one and opens that one, in one click.
        pop.setConsumeAutoHidingEvents(false);
        pop.setTitle("Why these shapes");
        pop.setHeaderAlwaysVisible(false);
        pop.setAnimated(false);
    }

    /**
     * Opens the story of a formula beside {@code owner}; {@code fontPx} is the UI's root font size (a
     * popup has its own scene). Its content is sized to the owner's window before it is shown, at any
     * size and UI scale: the formula breaks into lines at its operators, the line-up and the sentences
     * wrap, a verdict too wide beside its shape goes under it, and where everything is taller than the
     * window (200% at 1280x720) the sentences scroll under the shapes, which stay in view. Then it is
     * placed once, wholly inside the window: no text shrinks, and nothing moves it afterwards.
     */
    void show(Node owner, ShapeStory s, double fontPx) {
        story = s;
        lines.clear();
        content = new VBox(0.5 * fontPx);
        content.setId("shape-popover");
        content.getStyleClass().addAll("network-view", "shape-popover");
        content.getStylesheets().add(Objects.requireNonNull(ShapePopOver.class.getResource("/css/network.css")).toExternalForm());
        content.setPadding(new Insets(0.75 * fontPx, fontPx, 0.75 * fontPx, fontPx));
        // A popup's styles inherit from its owner (the bold monospaced formula): say the font here, so
        // that the content measured in a scene of its own before the show is the content shown.
        content.setStyle(String.format(Locale.ROOT, "-fx-font-size: %.1fpx; -fx-font-family: \"Monospaced\"; -fx-font-weight: bold;", fontPx));
        // The theme's class is on the window's root; the popup's scene has a root of its own.
        if (owner.getScene() != null) {
            owner.getScene().getRoot().getStyleClass().stream().filter(c -> c.startsWith("theme-")).forEach(content.getStyleClass()::add);
        }
        javafx.scene.Scene at = owner.getScene();
        ownerScene = at;
        // The room in the window: a margin of one em each side, and the PopOver's arrow and corners.
        double chrome = 2 * (ARROW + pop.getCornerRadius()) + 2 * fontPx;
        javafx.geometry.Rectangle2D seen = at == null ? null : seen(at);
        double roomW = seen == null ? Double.MAX_VALUE : seen.getWidth() - chrome;
        double roomH = seen == null ? Double.MAX_VALUE : seen.getHeight() - chrome;
        // The width inside the content's padding: what every line must fit.
        double inner = roomW - 2 * fontPx;

        Label title = label(s.formula(), "shape-title");
        title.setId("shape-formula");
        GridPane table = new GridPane();
        table.setId("shape-table");
        table.setHgap(1.1 * fontPx);
        table.setVgap(2);
        int row = 0;
        for (int i = 0; i < s.operands().size(); i++) {
            ShapeStory.Operand o = s.operands().get(i);
            String lead = i == 0 ? "" : s.op();
            addRow(table, row++, lead, o.name(), o.shapeText(), "shape-operand-" + i);
        }
        if (s.op().startsWith(".")) addRow(table, row++, "", s.operands().get(0).name() + s.op(), s.result().shapeText(), "shape-op");
        addRow(table, row++, "=", s.result().name(), s.result().shapeText(), "shape-result");
        String verdict = s.fits() ? "\u2714 the same shape" : "\u2718 not the same";
        Label targetShape = addRow(table, row, "", s.target().name(), s.target().shapeText() + "   " + verdict, "shape-target");
        Label line = label(s.lineUp(), "shape-lineup");
        line.setId("shape-lineup");
        content.getChildren().addAll(title, table, line);
        // The fonts are known once the styles apply: measure the lines in a scene of their own.
        measure(content);
        if (textWidth(s.formula(), title.getFont()) > inner) title.setText(breakAtOperators(s.formula(), title.getFont(), inner));
        if (table.prefWidth(-1) > inner) {
            // Too wide beside the target's shape: the verdict goes on a row of its own under it.
            targetShape.setText(s.target().shapeText());
            Label v = label(verdict, "shape-cell");
            v.setId("shape-target-verdict");
            table.add(v, 1, row + 1, 2, 1);
        }
        wrapTo(line, inner);
        // A sentence wraps at about 60 characters: one screen, not one line across it; narrower where the window is.
        double wrap = Math.max(10 * fontPx, Math.min(34 * fontPx, inner));
        VBox why = new VBox(0.5 * fontPx);
        for (int i = 0; i < s.why().size(); i++) {
            Label w = label(s.why().get(i), "shape-why");
            w.setId("shape-why-" + i);
            w.setWrapText(true);
            w.setMinWidth(0);
            w.setPrefWidth(wrap);
            w.setMaxWidth(wrap);
            w.setMinHeight(Region.USE_PREF_SIZE);
            why.getChildren().add(w);
        }
        content.getChildren().add(why);
        double tall = measure(content).getHeight();
        if (tall > roomH) {
            // The shapes stay in view; the sentences scroll below them.
            content.getChildren().remove(why);
            javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(why);
            scroll.setId("shape-why-scroll");
            scroll.getStyleClass().add("shape-why-scroll");
            scroll.getProperties().put(io.backproplens.ui.audit.LayoutAudit.SCROLLS, true);
            scroll.setFitToWidth(true);
            scroll.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
            scroll.setPrefViewportWidth(wrap + fontPx);
            scroll.setPrefViewportHeight(Math.max(3 * fontPx, why.prefHeight(wrap) - (tall - roomH)));
            content.getChildren().add(scroll);
        }
        javafx.geometry.Dimension2D size = measure(content);
        measured = size;
        pop.setContentNode(content);
        if (at == null || at.getWindow() == null) {
            pop.show(owner);
            return;
        }
        place(owner, at, size, fontPx);
    }

    /**
     * Shows the PopOver once, where its measured size lies wholly inside the window: above the formula
     * when it stands low in the view (formulas mostly do), else below it with the arrow on the formula,
     * shifted where the window's edge is near. ControlsFX places a PopOver whose arrow points up by its
     * top edge, and one whose arrow points down by the size its window has when it opens, which is not
     * yet the size it takes at its first pulse: so it always opens downwards from a top edge computed
     * here, and above the formula it stands without an arrow.
     */
    private void place(Node owner, javafx.scene.Scene at, javafx.geometry.Dimension2D size, double fontPx) {
        javafx.geometry.Rectangle2D seen = seen(at);
        double left = seen.getMinX(), top = seen.getMinY();
        double right = seen.getMaxX(), bottom = seen.getMaxY();
        double margin = fontPx, corner = pop.getCornerRadius();
        // The PopOver's outline around the content: its rounded corners each side.
        double popW = size.getWidth() + 2 * corner, popH = size.getHeight() + 2 * corner;
        javafx.geometry.Bounds b = owner.localToScreen(owner.getBoundsInLocal());
        boolean low = (b.getMinY() + b.getMaxY()) / 2 - top > (bottom - top) / 2;
        boolean below = !low && b.getMaxY() + ARROW + popH + margin <= bottom;
        double arrow = below ? ARROW : 0;
        // ControlsFX puts the tip this far right of the PopOver's left edge (arrow at the left corner).
        double lead = corner + pop.getArrowIndent() + arrow;
        double tipX = Math.max(left + margin + lead, Math.min(b.getMinX() + fontPx, right - margin - popW + lead));
        double want = below ? b.getMaxY() : low ? b.getMinY() - ARROW - popH : b.getMaxY() + ARROW;
        double tipY = Math.max(top + margin, Math.min(want, bottom - margin - popH - arrow));
        pop.setArrowLocation(PopOver.ArrowLocation.TOP_LEFT);
        pop.setArrowSize(below && tipX >= b.getMinX() && tipX <= b.getMaxX() ? ARROW : 0);
        pop.show(owner, tipX, tipY);
    }

    /**
     * The part of the window on its screen, in screen coordinates: where the PopOver may stand. A
     * popup is kept on its screen (JavaFX moves it there), so beyond the screen's edge it would be
     * moved out of the window: a 1920x1080 window placed 120 px down a 1080 px screen had its PopOver
     * moved 72 px above the window's top edge, the formula and the table over the window's border.
     */
    private static javafx.geometry.Rectangle2D seen(javafx.scene.Scene at) {
        javafx.stage.Window w = at.getWindow();
        double x = w == null ? 0 : w.getX() + at.getX(), y = w == null ? 0 : w.getY() + at.getY();
        javafx.geometry.Rectangle2D window = new javafx.geometry.Rectangle2D(x, y, at.getWidth(), at.getHeight());
        if (w == null) return window;
        for (javafx.stage.Screen screen : javafx.stage.Screen.getScreensForRectangle(window)) {
            javafx.geometry.Rectangle2D b = screen.getVisualBounds();
            double x0 = Math.max(x, b.getMinX()), y0 = Math.max(y, b.getMinY());
            double x1 = Math.min(window.getMaxX(), b.getMaxX()), y1 = Math.min(window.getMaxY(), b.getMaxY());
            // The window's part on its (first) screen, if a useful one.
            if (x1 - x0 > 100 && y1 - y0 > 100) return new javafx.geometry.Rectangle2D(x0, y0, x1 - x0, y1 - y0);
        }
        return window;
    }

    /**
     * The size {@code box} asks for with its styles applied, in a scene of its own (it is not shown
     * yet) with the window's style sheets, which the PopOver's window takes from the window too.
     */
    private javafx.geometry.Dimension2D measure(VBox box) {
        javafx.scene.Group holder = new javafx.scene.Group(box);
        javafx.scene.Scene scene = new javafx.scene.Scene(holder);
        if (ownerScene != null) scene.getStylesheets().setAll(ownerScene.getStylesheets());
        box.applyCss();
        double w = box.prefWidth(-1);
        double h = box.prefHeight(w);
        holder.getChildren().clear();
        return new javafx.geometry.Dimension2D(w, h);
    }

    private static double textWidth(String text, javafx.scene.text.Font font) {
        javafx.scene.text.Text t = new javafx.scene.text.Text(text);
        t.setFont(font);
        return t.getLayoutBounds().getWidth();
    }

    /**
     * A formula as lines no wider than {@code width}: broken after a space or before an operator or
     * a method call ({@code .unsqueeze}), each further line indented, so the code still reads as code.
     */
    static String breakAtOperators(String formula, javafx.scene.text.Font font, double width) {
        List<String> pieces = new ArrayList<>();
        int from = 0;
        for (int i = 1; i < formula.length(); i++) {
            char c = formula.charAt(i), before = formula.charAt(i - 1);
            boolean breakHere = before == ' ' && c != ' ' || "*/+@.".indexOf(c) >= 0 && before != ' ' && before != '(' && !Character.isDigit(before);
            if (breakHere) {
                pieces.add(formula.substring(from, i));
                from = i;
            }
        }
        pieces.add(formula.substring(from));
        StringBuilder out = new StringBuilder();
        String lineNow = "";
        for (String p : pieces) {
            if (!lineNow.isBlank() && textWidth(lineNow + p, font) > width) {
                out.append(lineNow.stripTrailing()).append('\n');
                lineNow = "    " + p.stripLeading();
            } else {
                lineNow += p;
            }
        }
        return out.append(lineNow.stripTrailing()).toString();
    }

    /** Lets a one-line text wrap at its spaces where it is wider than {@code width}. */
    private static void wrapTo(Label l, double width) {
        if (l.prefWidth(-1) <= width) return;
        l.setWrapText(true);
        l.setMinWidth(0);
        l.setPrefWidth(width);
        l.setMaxWidth(width);
        l.setMinHeight(Region.USE_PREF_SIZE);
    }

    /** A row of the table: the operator, the tensor's name and its shape (returned: the target's may change). */
    private Label addRow(GridPane t, int row, String lead, String name, String shape, String id) {
        Label a = label(lead, "shape-cell"), b = label(name, "shape-cell"), c = label(shape, "shape-cell");
        b.setId(id + "-name");
        c.setId(id + "-shape");
        t.addRow(row, a, b, c);
        return c;
    }

    private Label label(String text, String style) {
        Label l = new Label(text);
        l.getStyleClass().add(style);
        l.setMinWidth(Region.USE_PREF_SIZE);
        lines.add(text);
        return l;
    }

    boolean showing() { return pop.isShowing(); }

    /** The content's size as measured before the last show: where it was placed from (tests compare). */
    private javafx.geometry.Dimension2D measured;

    javafx.geometry.Dimension2D measured() { return measured; }

    void hide() { pop.hide(); }

    /** The story on screen (null before the first). */
    ShapeStory story() { return story; }

    /** Every text shown, top to bottom (tests read the shapes here). */
    List<String> lines() { return List.copyOf(lines); }

    PopOver popOver() { return pop; }
}
