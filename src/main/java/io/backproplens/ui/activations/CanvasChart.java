package io.backproplens.ui.activations;

import io.backproplens.ui.audit.DrawnText;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/**
 * A chart drawn on a canvas that fills its region and redraws when resized, when its font size
 * changes or when the theme changes. Both come from CSS through a hidden label: its font is the
 * root size (so the charts grow with the UI scale) and its text fill is the theme's text colour
 * (so the charts follow light and dark). Every string goes through {@link DrawnText}, so the
 * layout audit sees canvas text as it sees labels.
 */
abstract class CanvasChart extends Region {
    protected final Canvas canvas = new Canvas();
    private final DoubleProperty fontSize = new SimpleDoubleProperty(16);
    private final Label ink = new Label();
    private final Text measure = new Text();

    CanvasChart(String styleClass) {
        getStyleClass().add(styleClass);
        ink.getStyleClass().add("chart-ink");
        ink.setVisible(false);
        ink.setManaged(false);
        getChildren().addAll(canvas, ink);
        fontSize.bind(javafx.beans.binding.Bindings.createDoubleBinding(() -> ink.getFont().getSize(), ink.fontProperty()));
        fontSize.addListener((o, a, b) -> draw());
        ink.textFillProperty().addListener((o, a, b) -> draw());
    }

    /** The root font size in pixels (1 em): every drawn size is a multiple of it. */
    public double em() { return fontSize.get(); }

    /** The colours of the current theme. */
    protected Palette.Ink ink() {
        Paint p = ink.getTextFill();
        Color c = p instanceof Color col ? col : Color.BLACK;
        return Palette.ink(c.getBrightness() > 0.6);
    }

    /** Redraws everything; cheap, called on every change of data or size. */
    public abstract void draw();

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth()), h = snapSizeY(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            draw();
        }
    }

    /** The text boxes of this frame, to keep later text off earlier text. */
    private final java.util.List<double[]> boxes = new java.util.ArrayList<>();

    /** Starts a frame: clears the picture and what the audit knows of its text. */
    protected void clear() {
        boxes.clear();
        DrawnText.clear(canvas);
        canvas.getGraphicsContext2D().clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
    }

    /** Draws text with the context's font, fill and alignment, and tells the audit. */
    protected void text(String s, double x, double y) { DrawnText.fillText(canvas, s, x, y); }

    /**
     * Draws {@code s} with the context's font, fill and alignment if its box lies inside the canvas
     * and clear of the text drawn so far in this frame; returns whether it did. Text that has no
     * room is left out rather than drawn over other text or past the edge.
     */
    protected boolean place(String s, double x, double y) {
        javafx.scene.canvas.GraphicsContext g = canvas.getGraphicsContext2D();
        Font f = g.getFont();
        double tw = textWidth(s, f), th = lineHeight(f);
        double x0 = switch (g.getTextAlign()) {
            case CENTER -> x - tw / 2;
            case RIGHT -> x - tw;
            default -> x;
        };
        double y0 = switch (g.getTextBaseline()) {
            case TOP -> y;
            case CENTER -> y - th / 2;
            case BOTTOM -> y - th;
            default -> y - th * 0.8;
        };
        if (x0 < 0 || y0 < 0 || x0 + tw > canvas.getWidth() || y0 + th > canvas.getHeight()) return false;
        for (double[] b : boxes) {
            if (x0 < b[2] && x0 + tw > b[0] && y0 < b[3] && y0 + th > b[1]) return false;
        }
        boxes.add(new double[]{x0, y0, x0 + tw, y0 + th});
        text(s, x, y);
        return true;
    }

    /** Marks a box as taken by something drawn (a label's background), so text keeps off it. */
    protected void reserve(double x0, double y0, double x1, double y1) { boxes.add(new double[]{x0, y0, x1, y1}); }

    protected Font font(double scale, boolean bold) {
        return Font.font("System", bold ? FontWeight.BOLD : FontWeight.NORMAL, fontSize.get() * scale);
    }

    protected double textWidth(String s, Font f) {
        measure.setFont(f);
        measure.setText(s);
        return measure.getLayoutBounds().getWidth();
    }

    /** The height of one line of text in this font. */
    protected double lineHeight(Font f) {
        measure.setFont(f);
        measure.setText("Xg");
        return measure.getLayoutBounds().getHeight();
    }

    /** The drawn text of the last frame, for tests. */
    public java.util.List<DrawnText.Item> drawnText() { return DrawnText.items(canvas); }
}
