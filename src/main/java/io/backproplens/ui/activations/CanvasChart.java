package io.backproplens.ui.activations;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.scene.canvas.Canvas;
import javafx.scene.layout.Region;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/**
 * A chart drawn on a canvas that fills its region and redraws when resized or when its font size
 * changes (the font size follows the UI scale through a bound label, so charts grow with it).
 */
abstract class CanvasChart extends Region {
    protected final Canvas canvas = new Canvas();
    private final DoubleProperty fontSize = new SimpleDoubleProperty(16);
    private final Text measure = new Text();

    CanvasChart(String styleClass) {
        getStyleClass().add(styleClass);
        getChildren().add(canvas);
        fontSize.addListener((o, a, b) -> draw());
    }

    /** The font size the chart's text follows (bind it to the CSS root size). */
    public DoubleProperty fontSizeProperty() { return fontSize; }

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

    protected Font font(double scale, boolean bold) {
        return Font.font("System", bold ? FontWeight.BOLD : FontWeight.NORMAL, fontSize.get() * scale);
    }

    protected double textWidth(String s, Font f) {
        measure.setFont(f);
        measure.setText(s);
        return measure.getLayoutBounds().getWidth();
    }
}
