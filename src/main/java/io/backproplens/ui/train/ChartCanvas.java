package io.backproplens.ui.train;

import io.backproplens.ui.audit.DrawnText;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import javafx.geometry.VPos;

/**
 * A canvas that fills its region, with the text size and ink of a label it follows (so it scales
 * with the UI and follows the theme), and draws only when told that its data changed or its size
 * did: a frame with nothing new costs nothing. All text goes through {@link DrawnText}.
 */
abstract class ChartCanvas extends Region {
    protected final Canvas canvas = new Canvas();
    private final Text measure = new Text();
    private Label style;
    private boolean dirty = true;

    ChartCanvas(String styleClass) {
        getStyleClass().add(styleClass);
        getChildren().add(canvas);
        setMinSize(60, 60);
    }

    /** Takes font size and colour from {@code l} (a label styled by the view's CSS). */
    void follow(Label l) {
        style = l;
        l.fontProperty().addListener(o -> invalidate());
        l.textFillProperty().addListener(o -> invalidate());
    }

    /** Marks the chart for a redraw at the next {@link #drawIfDirty()}. */
    void invalidate() { dirty = true; }

    /** Redraws if the data or size changed since the last draw; called once per frame. */
    void drawIfDirty() {
        if (!dirty || canvas.getWidth() < 2 || canvas.getHeight() < 2) return;
        dirty = false;
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        DrawnText.clear(canvas);
        draw(g, canvas.getWidth(), canvas.getHeight());
    }

    protected abstract void draw(GraphicsContext g, double w, double h);

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth()), h = snapSizeY(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            dirty = true;
            drawIfDirty();
        }
    }

    /** The followed label's font size in px (16 at 100% when unstyled). */
    protected double fontPx() { return style == null ? 16 : style.getFont().getSize(); }

    /** Tick labels: 0.9 em, 14.4 px at 100%. */
    protected Font tickFont() { return Font.font(style == null ? "System" : style.getFont().getFamily(), fontPx() * 0.9); }

    protected Paint ink() { return style == null ? Color.BLACK : style.getTextFill(); }

    /** Grid lines: the ink, faint. */
    protected Color grid() {
        Paint p = ink();
        Color c = p instanceof Color col ? col : Color.GRAY;
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), 0.18);
    }

    protected double textWidth(String s, Font f) {
        measure.setFont(f);
        measure.setText(s);
        return measure.getLayoutBounds().getWidth();
    }

    protected void text(GraphicsContext g, String s, double x, double y, TextAlignment align, VPos baseline) {
        g.setTextAlign(align);
        g.setTextBaseline(baseline);
        DrawnText.fillText(canvas, s, x, y);
    }

}
