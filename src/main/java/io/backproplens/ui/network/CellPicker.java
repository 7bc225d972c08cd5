package io.backproplens.ui.network;

import io.backproplens.ui.common.HeatmapView;
import io.backproplens.ui.common.Raster;
import javafx.event.EventHandler;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Rectangle;

import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Chooses one cell of the inspector's heatmap, by a click or with the keyboard, and marks it; lies
 * over the heatmap (mouse-transparent) so the mark survives the heatmap's hover redraws.
 *
 * <p>Keys: the window steps on Left/Right whatever has focus (the clicker). As a text field keeps its
 * keys only while edited, the heatmap keeps the arrows only while it has focus (after a click on it,
 * or Tab); Esc or a click elsewhere gives them back. Space and PageUp/PageDown always step.
 */
final class CellPicker extends Pane {
    private final HeatmapView heatmap;
    private final Canvas canvas;
    private final Rectangle mark = new Rectangle();
    private TensorPictures.CellIndex index;
    private int cx = -1, cy = -1;
    private Consumer<long[]> onExplain = i -> {};
    private Runnable onRelease = () -> {};
    private Predicate<Node> keepsFocus = n -> false;
    private final EventHandler<KeyEvent> keys = this::onKey;
    private final EventHandler<MouseEvent> pressElsewhere = this::onPressAnywhere;

    CellPicker(HeatmapView heatmap) {
        this.heatmap = heatmap;
        this.canvas = heatmap.canvas();
        getStyleClass().add("cell-picker");
        setMouseTransparent(true);
        setPickOnBounds(false);
        mark.getStyleClass().add("cell-mark");
        mark.setManaged(false);
        mark.setVisible(false);
        mark.setMouseTransparent(true);
        getChildren().add(mark);
        canvas.setFocusTraversable(true);
        canvas.setOnMouseClicked(e -> {
            if (e.getButton() != MouseButton.PRIMARY || index == null) return;
            int[] cell = heatmap.cellAt(e.getX(), e.getY());
            if (cell != null && choose(cell[0], cell[1])) {
                canvas.requestFocus();
                explain();
            }
        });
        // Reached with Tab: start on the first cell, so the arrows have something to move.
        canvas.focusedProperty().addListener((o, was, now) -> {
            if (now && cx < 0 && index != null) firstCell();
        });
        canvas.widthProperty().addListener(o -> requestLayout());
        canvas.heightProperty().addListener(o -> requestLayout());
        heatmap.layoutBoundsProperty().addListener(o -> requestLayout());
        sceneProperty().addListener((o, was, now) -> {
            if (was != null) uninstall(was);
            if (now != null) install(now);
        });
    }

    /** Asked with a cell's tensor index when the user opens it (click, Enter, or a move while open). */
    void onExplain(Consumer<long[]> c) { onExplain = c; }

    /** Called when the user gives the arrows back (Esc). */
    void onRelease(Runnable r) { onRelease = r; }

    /** Nodes a press on which keeps the arrows here (the derivation panel). */
    void keepFocusOn(Predicate<Node> p) { keepsFocus = p; }

    /** A new picture: cells of it can be chosen where {@code index} is not null; the choice is forgotten. */
    void setPicture(TensorPictures.CellIndex index) {
        this.index = index;
        cx = cy = -1;
        canvas.setFocusTraversable(index != null);
        requestLayout();
    }

    /** The chosen cell, {x, y} of the raster, or null. */
    int[] chosen() { return cx < 0 ? null : new int[]{cx, cy}; }

    /** The tensor index of the chosen cell, or null. */
    long[] chosenIndex() { return cx < 0 || index == null ? null : index.at(cx, cy); }

    /** Moves the choice by (dx, dy) cells, over gaps (the lines between tiles); stays at an edge. */
    boolean move(int dx, int dy) {
        Raster r = heatmap.getRaster();
        if (r == null || index == null) return false;
        if (cx < 0) return firstCell();
        for (int x = cx + dx, y = cy + dy; x >= 0 && y >= 0 && x < r.width() && y < r.height(); x += dx, y += dy) {
            if (choose(x, y)) return true;
        }
        return false;
    }

    boolean explain() {
        long[] at = chosenIndex();
        if (at == null) return false;
        onExplain.accept(at);
        return true;
    }

    private boolean firstCell() {
        Raster r = heatmap.getRaster();
        if (r == null) return false;
        for (int y = 0; y < r.height(); y++) for (int x = 0; x < r.width(); x++) if (choose(x, y)) return true;
        return false;
    }

    private boolean choose(int x, int y) {
        Raster r = heatmap.getRaster();
        if (index == null || r == null || r.describe(x, y) == null || index.at(x, y) == null) return false;
        cx = x;
        cy = y;
        requestLayout();
        return true;
    }

    private void onKey(KeyEvent e) {
        if (getScene() == null || getScene().getFocusOwner() != canvas || index == null) return;
        boolean handled = switch (e.getCode()) {
            case LEFT -> moved(-1, 0);
            case RIGHT -> moved(1, 0);
            case UP -> moved(0, -1);
            case DOWN -> moved(0, 1);
            case ENTER -> {
                if (cx < 0) firstCell();
                yield explain();
            }
            case ESCAPE -> {
                release();
                yield true;
            }
            default -> false;
        };
        // An arrow at the edge is still the heatmap's: it must not step the lesson by surprise.
        if (handled || e.getCode().isArrowKey()) e.consume();
    }

    private boolean moved(int dx, int dy) {
        boolean open = cx >= 0;
        if (!move(dx, dy)) return false;
        if (open && openNow.getAsBoolean()) explain();
        return true;
    }

    private java.util.function.BooleanSupplier openNow = () -> false;

    /** Whether the derivation is open: then a move explains the new cell at once. */
    void followWhile(java.util.function.BooleanSupplier open) { openNow = open; }

    private void onPressAnywhere(MouseEvent e) {
        if (getScene() == null || getScene().getFocusOwner() != canvas) return;
        Node n = e.getPickResult().getIntersectedNode();
        if (n == canvas || (n != null && keepsFocus.test(n))) return;
        giveFocusBack();
    }

    private void release() {
        onRelease.run();
        giveFocusBack();
    }

    private void giveFocusBack() {
        if (getScene() != null && getScene().getRoot() != null) getScene().getRoot().requestFocus();
    }

    private void install(Scene s) {
        s.addEventFilter(KeyEvent.KEY_PRESSED, keys);
        s.addEventFilter(MouseEvent.MOUSE_PRESSED, pressElsewhere);
    }

    private void uninstall(Scene s) {
        s.removeEventFilter(KeyEvent.KEY_PRESSED, keys);
        s.removeEventFilter(MouseEvent.MOUSE_PRESSED, pressElsewhere);
    }

    @Override
    protected void layoutChildren() {
        Raster r = heatmap.getRaster();
        if (r == null || cx < 0 || cx >= r.width() || cy >= r.height() || !heatmap.isVisible()) {
            mark.setVisible(false);
            return;
        }
        Bounds c = sceneToLocal(canvas.localToScene(canvas.getLayoutBounds()));
        if (c == null) return;
        // Where HeatmapView draws the raster on its canvas: stretched, or centred square cells.
        double w = canvas.getWidth(), h = canvas.getHeight(), dx = 0, dy = 0, dw = w, dh = h;
        if (r.keepAspect()) {
            double s = Math.min(w / r.width(), h / r.height());
            dw = r.width() * s;
            dh = r.height() * s;
            dx = (w - dw) / 2;
            dy = (h - dh) / 2;
        }
        double cw = dw / r.width(), ch = dh / r.height();
        double pad = 3;
        mark.setX(c.getMinX() + dx + cx * cw - pad);
        mark.setY(c.getMinY() + dy + cy * ch - pad);
        mark.setWidth(Math.max(cw, 2) + 2 * pad);
        mark.setHeight(Math.max(ch, 2) + 2 * pad);
        mark.setVisible(true);
    }
}
