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
    /** ControlsFX's default arrow; none where the PopOver cannot stand beside its formula. */
    private static final double ARROW = 12;
    /** The scene of the formula it was opened from: the window it must stay inside. */
    private javafx.scene.Scene ownerScene;
    private boolean moving;
    /**
     * Moves left in this showing: where ControlsFX places the window otherwise than asked (a PopOver
     * wider or taller than the window), moving it again would never settle, and each move re-applies
     * the PopOver's CSS: the FX thread spun in that loop, with the audit's shapes-popover place.
     */
    private int movesLeft;
    private static final int MOVES_PER_SHOW = 4;
    private Node owner;
    /** Where the arrow's tip stands, on the screen: moved, not the window, to keep it inside. */
    private double tipX, tipY;

    ShapePopOver() {
        pop.setArrowLocation(PopOver.ArrowLocation.TOP_LEFT);
        pop.setDetachable(false);
        pop.setAutoHide(true);
        // A click on another formula's button closes this one and opens that one, in one click.
        pop.setConsumeAutoHidingEvents(false);
        pop.setTitle("Why these shapes");
        pop.setHeaderAlwaysVisible(false);
        pop.setAnimated(false);
        // The popup takes its size at its first pulse, and ControlsFX places it by the size it had:
        // look again whenever it changes size or place.
        pop.widthProperty().addListener(o -> fitLater());
        pop.heightProperty().addListener(o -> fitLater());
        pop.yProperty().addListener(o -> fitLater());
        pop.xProperty().addListener(o -> fitLater());
    }

    /**
     * Opens the story of a formula beside {@code owner}; {@code fontPx} is the UI's root font size (a
     * popup has its own scene). It stays inside the owner's window at any size and UI scale: the
     * sentences wrap to the window's width, and where everything is taller than the window (200% at
     * 1280x720) the sentences scroll under the shapes, which stay in view; the text never shrinks.
     */
    void show(Node owner, ShapeStory s, double fontPx) {
        story = s;
        lines.clear();
        content = new VBox(0.5 * fontPx);
        content.setId("shape-popover");
        content.getStyleClass().addAll("network-view", "shape-popover");
        content.getStylesheets().add(Objects.requireNonNull(ShapePopOver.class.getResource("/css/network.css")).toExternalForm());
        content.setPadding(new Insets(0.75 * fontPx, fontPx, 0.75 * fontPx, fontPx));
        content.setStyle(String.format(Locale.ROOT, "-fx-font-size: %.1fpx;", fontPx));
        // The theme's class is on the window's root; the popup's scene has a root of its own.
        if (owner.getScene() != null) {
            owner.getScene().getRoot().getStyleClass().stream().filter(c -> c.startsWith("theme-")).forEach(content.getStyleClass()::add);
        }
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
        addRow(table, row, "", s.target().name(), s.target().shapeText() + (s.fits() ? "   \u2714 the same shape" : "   \u2718 not the same"),
                "shape-target");
        Label line = label(s.lineUp(), "shape-lineup");
        line.setId("shape-lineup");
        content.getChildren().addAll(title, table, line);

        javafx.scene.Scene at = owner.getScene();
        // The room in the window: a margin of one em each side, and the PopOver's arrow and corners.
        double chrome = 2 * (ARROW + pop.getCornerRadius()) + 2 * fontPx;
        double roomW = at == null ? Double.MAX_VALUE : at.getWidth() - chrome;
        double roomH = at == null ? Double.MAX_VALUE : at.getHeight() - chrome;
        // A sentence wraps at about 60 characters: one screen, not one line across it; narrower where the window is.
        double wrap = Math.max(10 * fontPx, Math.min(34 * fontPx, roomW - 2 * fontPx));
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
        double tall = measuredHeight(content);
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
            tall = measuredHeight(content);
        }
        pop.setContentNode(content);
        if (at == null) {
            pop.show(owner);
            return;
        }
        // Open away from the window's nearer edge (formulas stand low in the view, so mostly above),
        // with the arrow on the formula where the PopOver fits there; else without it, inside the window.
        javafx.geometry.Bounds b = owner.localToScene(owner.getBoundsInLocal());
        boolean low = b.getCenterY() > at.getHeight() / 2;
        boolean fits = low ? b.getMinY() - tall - chrome / 2 >= 0 : b.getMaxY() + tall + chrome / 2 <= at.getHeight();
        pop.setArrowLocation(low ? PopOver.ArrowLocation.BOTTOM_LEFT : PopOver.ArrowLocation.TOP_LEFT);
        pop.setArrowSize(fits ? ARROW : 0);
        ownerScene = at;
        this.owner = owner;
        // The arrow's tip on the formula's edge; ControlsFX keeps the PopOver on it as it takes its size.
        javafx.geometry.Bounds screen = owner.localToScreen(owner.getBoundsInLocal());
        tipX = screen.getMinX() + fontPx;
        tipY = low ? screen.getMinY() : screen.getMaxY();
        movesLeft = MOVES_PER_SHOW;
        pop.show(owner, tipX, tipY);
        fitLater();
    }

    /** The height {@code box} asks for with its styles applied, in a scene of its own (it is not shown yet). */
    private static double measuredHeight(VBox box) {
        javafx.scene.Group holder = new javafx.scene.Group(box);
        new javafx.scene.Scene(holder);
        box.applyCss();
        double h = box.prefHeight(box.prefWidth(-1));
        holder.getChildren().clear();
        return h;
    }

    /** Looks at the PopOver's place after this pulse (not while the window is being shown or placed). */
    private void fitLater() { javafx.application.Platform.runLater(this::keepInside); }   // idempotent: a few per show cost nothing

    /** Moves the PopOver's window wholly into the scene's window where it stands over an edge. */
    private void keepInside() {
        javafx.scene.Scene at = ownerScene;
        javafx.stage.Window w = at == null ? null : at.getWindow();
        if (w == null || moving || !pop.isShowing() || content.getScene() == null) return;
        double left = w.getX() + at.getX(), top = w.getY() + at.getY();
        // The popup's whole window (the content, the arrow, the shadow's margin) within the scene's.
        double dx = Math.max(0, left - pop.getX()) - Math.max(0, pop.getX() + pop.getWidth() - (left + at.getWidth()));
        double dy = Math.max(0, top - pop.getY()) - Math.max(0, pop.getY() + pop.getHeight() - (top + at.getHeight()));
        if (pop.getHeight() > at.getHeight()) dy = top - pop.getY();
        if (pop.getWidth() > at.getWidth()) dx = left - pop.getX();
        if (Math.abs(dx) < 0.5 && Math.abs(dy) < 0.5 || movesLeft <= 0) return;
        movesLeft--;
        // ControlsFX places the window by the tip (and does again when the window changes size):
        // move the tip, so that its next placement keeps the shift.
        moving = true;
        try {
            tipX += dx;
            tipY += dy;
            pop.show(owner, tipX, tipY);
        } finally {
            moving = false;
        }
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
