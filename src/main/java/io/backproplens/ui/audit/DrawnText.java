package io.backproplens.ui.audit;

import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

import java.util.ArrayList;
import java.util.List;

/**
 * The text a {@link Canvas} draws, remembered where the {@link LayoutAudit} can find it: a canvas is
 * one opaque picture to the scene graph, so without this its tick labels and captions would escape
 * the checks that every {@code Label} gets. A chart calls {@link #fillText} instead of the
 * GraphicsContext's, and {@link #clear} when it starts a new frame.
 */
public final class DrawnText {
    static final String KEY = DrawnText.class.getName();

    /** One string as drawn, in the canvas's own coordinates. */
    public record Item(String text, Bounds bounds, double fontPx) {}

    private DrawnText() {}

    /** Forgets what the canvas drew before: call at the start of every redraw. */
    public static void clear(Canvas canvas) { items(canvas).clear(); }

    /**
     * Draws {@code text} with the context's current font, fill and alignment (baseline-anchored, as
     * fillText is), and records its box.
     */
    public static void fillText(Canvas canvas, String text, double x, double y) {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.fillText(text, x, y);
        Font font = g.getFont();
        Text probe = new Text(text);
        probe.setFont(font);
        Bounds b = probe.getLayoutBounds();  // y from -ascent to descent around the baseline
        double left = switch (g.getTextAlign()) {
            case CENTER -> x - b.getWidth() / 2;
            case RIGHT -> x - b.getWidth();
            default -> x;
        };
        double top = switch (g.getTextBaseline()) {
            case TOP -> y;
            case CENTER -> y - b.getHeight() / 2;
            case BOTTOM -> y - b.getHeight();
            default -> y + b.getMinY();
        };
        items(canvas).add(new Item(text, new BoundingBox(left, top, b.getWidth(), b.getHeight()), font.getSize()));
    }

    /** What the canvas drew since its last {@link #clear}. */
    @SuppressWarnings("unchecked")
    public static List<Item> items(Canvas canvas) {
        return (List<Item>) canvas.getProperties().computeIfAbsent(KEY, k -> new ArrayList<Item>());
    }
}
