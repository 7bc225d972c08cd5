package io.backproplens.ui.matmul;

import javafx.animation.Animation;
import javafx.animation.Interpolator;
import javafx.animation.KeyFrame;
import javafx.animation.KeyValue;
import javafx.animation.Timeline;
import javafx.geometry.Bounds;
import javafx.geometry.Pos;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.util.Duration;

import java.util.List;
import java.util.function.BiFunction;

/**
 * One multiply-add as motion: the cells of a and b the step reads (the highlighted operands) fly
 * to the result cell it writes, and the cell's old value gives way to the new one. The grids are
 * already drawn in the step's final state; the copies fly in a layer above them.
 */
final class MultiplyAddMotion {
    /** Copies of at most this many operand cells fly (a row of a broadcast step can be long). */
    private static final int MAX_TRAVELLERS = 12;

    private MultiplyAddMotion() {}

    /**
     * The animation of the step just drawn, or null when nothing is read or written on screen.
     *
     * @param before the text a result cell held before the step
     */
    static Animation of(Pane layer, List<MatrixGrid.Drawn> operands, List<MatrixGrid.Drawn> written,
                        BiFunction<Integer, Integer, String> before, Duration d) {
        if (written.isEmpty() || d.toMillis() <= 0 || layer.getScene() == null) return null;
        double ms = d.toMillis();
        Timeline t = new Timeline();
        // The operands meet at the middle of what is written (one cell in the triple loop).
        double tx = 0, ty = 0;
        for (MatrixGrid.Drawn w : written) {
            Bounds b = bounds(layer, w.node());
            tx += b.getMinX() / written.size();
            ty += b.getMinY() / written.size();
        }
        int n = 0;
        for (MatrixGrid.Drawn o : operands) {
            if (n++ >= MAX_TRAVELLERS) break;
            Label copy = copyOf(layer, o.node(), textOf(o.node()));
            double dx = tx - copy.getLayoutX(), dy = ty - copy.getLayoutY();
            t.getKeyFrames().addAll(
                    new KeyFrame(Duration.ZERO, new KeyValue(copy.opacityProperty(), 0.95)),
                    new KeyFrame(Duration.millis(0.55 * ms), new KeyValue(copy.translateXProperty(), dx, Interpolator.EASE_BOTH),
                            new KeyValue(copy.translateYProperty(), dy, Interpolator.EASE_BOTH),
                            new KeyValue(copy.opacityProperty(), 0.95)),
                    new KeyFrame(Duration.millis(0.65 * ms), new KeyValue(copy.opacityProperty(), 0)));
        }
        // The result cell shows its old value until the operands arrive, then the new fills in.
        for (MatrixGrid.Drawn w : written) {
            Label old = copyOf(layer, w.node(), before.apply(w.r(), w.c()));
            old.toBack();
            t.getKeyFrames().addAll(
                    new KeyFrame(Duration.millis(0.5 * ms), new KeyValue(old.opacityProperty(), 1)),
                    new KeyFrame(Duration.millis(ms), new KeyValue(old.opacityProperty(), 0, Interpolator.EASE_OUT)));
        }
        return t;
    }

    private static String textOf(Control cell) {
        return cell instanceof javafx.scene.control.TextField f ? f.getText() : ((Label) cell).getText();
    }

    /** A label drawn like {@code cell} (same classes, font and size), placed over it in the layer. */
    private static Label copyOf(Pane layer, Control cell, String text) {
        Bounds b = bounds(layer, cell);
        Label l = new Label(text);
        l.getStyleClass().setAll(cell.getStyleClass());
        l.getStyleClass().removeAll("text-field", "text-input", "mm-edit");
        l.getStyleClass().add("mm-traveller");
        l.setStyle(cell.getStyle());
        l.setAlignment(Pos.CENTER);
        l.setMinSize(b.getWidth(), b.getHeight());
        l.setPrefSize(b.getWidth(), b.getHeight());
        l.setMaxSize(b.getWidth(), b.getHeight());
        l.relocate(b.getMinX(), b.getMinY());
        layer.getChildren().add(l);
        return l;
    }

    private static Bounds bounds(Pane layer, Control node) {
        return layer.sceneToLocal(node.localToScene(node.getLayoutBounds()));
    }
}
