package io.backproplens.ui.common;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;

/**
 * Draws a {@link Raster} as big as its space allows (cells square for images, stretched for
 * matrices), with a colour legend under it; hovering a cell shows its index and value. Knows
 * nothing of tensors or the engine: it draws a grid of numbers.
 */
public class HeatmapView extends BorderPane {
    private final ObjectProperty<Raster> raster = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper hoverText = new ReadOnlyStringWrapper("");
    private final Canvas canvas = new Canvas();
    private final Pane canvasHolder = new Pane(canvas);
    private final Legend legend = new Legend();
    private final Label hover = new Label(" ");
    private final Label caption = new Label();
    private final VBox info = new VBox(2);
    private WritableImage image;
    private int hoverX = -1, hoverY = -1;

    public HeatmapView() {
        getStyleClass().add("heatmap-view");
        canvasHolder.setMinSize(40, 40);
        canvasHolder.setPrefSize(320, 240);
        canvas.widthProperty().bind(canvasHolder.widthProperty());
        canvas.heightProperty().bind(canvasHolder.heightProperty());
        canvas.widthProperty().addListener(o -> redraw());
        canvas.heightProperty().addListener(o -> redraw());
        setCenter(canvasHolder);

        hover.getStyleClass().add("heatmap-hover");
        hover.setId("heatmap-hover");
        hover.textProperty().bind(javafx.beans.binding.Bindings.when(hoverText.isEmpty())
                .then("Point at a cell to read its index and value").otherwise(hoverText));
        hover.setMaxWidth(Double.MAX_VALUE);
        caption.getStyleClass().add("heatmap-caption");
        caption.setMinWidth(0);
        caption.setMaxWidth(Double.MAX_VALUE);
        caption.setId("heatmap-caption");
        caption.setTooltip(new javafx.scene.control.Tooltip());
        caption.getTooltip().textProperty().bind(caption.textProperty());
        hover.setMinWidth(0);
        info.getChildren().addAll(legend, caption, hover);
        info.setPadding(new Insets(4, 0, 0, 0));
        setBottom(info);

        raster.addListener((o, was, now) -> {
            image = null;
            hoverX = hoverY = -1;
            hoverText.set("");
            legend.show(now);
            caption.setText(now == null || now.caption() == null ? "" : now.caption());
            redraw();
        });
        canvas.setOnMouseMoved(this::onHover);
        canvas.setOnMouseExited(e -> {
            hoverX = hoverY = -1;
            hoverText.set("");
            redraw();
        });
    }

    public ObjectProperty<Raster> rasterProperty() { return raster; }

    /**
     * The legend, caption and hover line, normally under the picture. A container short of height
     * can take them and put them beside it instead; they keep working wherever they are.
     */
    public VBox takeInfo() {
        setBottom(null);
        caption.setWrapText(true);
        hover.setWrapText(true);
        return info;
    }

    public Raster getRaster() { return raster.get(); }

    public void setRaster(Raster r) { raster.set(r); }

    /** What the pointer is over: {@code w1[413, 7] = -0.0123}, or empty. */
    public ReadOnlyStringProperty hoverTextProperty() { return hoverText.getReadOnlyProperty(); }

    /** The cell under a point of the canvas, as {x, y}, or null. */
    public int[] cellAt(double px, double py) {
        Raster r = raster.get();
        if (r == null) return null;
        double[] d = destination(r);
        if (px < d[0] || py < d[1] || px >= d[0] + d[2] || py >= d[1] + d[3]) return null;
        int x = (int) ((px - d[0]) / d[2] * r.width());
        int y = (int) ((py - d[1]) / d[3] * r.height());
        return new int[]{Math.min(x, r.width() - 1), Math.min(y, r.height() - 1)};
    }

    /** The canvas, so tests can hover over it. */
    public Canvas canvas() { return canvas; }

    private void onHover(MouseEvent e) {
        int[] cell = cellAt(e.getX(), e.getY());
        int x = cell == null ? -1 : cell[0], y = cell == null ? -1 : cell[1];
        if (x == hoverX && y == hoverY) return;
        hoverX = x;
        hoverY = y;
        String text = cell == null ? null : raster.get().describe(x, y);
        hoverText.set(text == null ? "" : text);
        redraw();
    }

    /** Where the raster goes on the canvas: {x, y, width, height}. */
    private double[] destination(Raster r) {
        double w = canvas.getWidth(), h = canvas.getHeight();
        if (!r.keepAspect()) return new double[]{0, 0, w, h};
        double s = Math.min(w / r.width(), h / r.height());
        double dw = r.width() * s, dh = r.height() * s;
        return new double[]{(w - dw) / 2, (h - dh) / 2, dw, dh};
    }

    private void redraw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth(), h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        Raster r = raster.get();
        if (r == null || w < 1 || h < 1) return;
        if (image == null) {
            image = new WritableImage(r.width(), r.height());
            image.getPixelWriter().setPixels(0, 0, r.width(), r.height(), PixelFormat.getIntArgbInstance(),
                    r.argb(), 0, r.width());
        }
        double[] d = destination(r);
        g.setImageSmoothing(false);
        g.drawImage(image, d[0], d[1], d[2], d[3]);
        g.setStroke(Color.gray(0.55));
        g.setLineWidth(1);
        g.strokeRect(d[0] - 0.5, d[1] - 0.5, d[2] + 1, d[3] + 1);
        if (hoverX >= 0) {
            double cw = d[2] / r.width(), ch = d[3] / r.height();
            double x = d[0] + hoverX * cw, y = d[1] + hoverY * ch;
            g.setStroke(Color.BLACK);
            g.setLineWidth(2);
            g.strokeRect(x - 1, y - 1, Math.max(cw, 2) + 2, Math.max(ch, 2) + 2);
            g.setStroke(Color.WHITE);
            g.setLineWidth(1);
            g.strokeRect(x - 2.5, y - 2.5, Math.max(cw, 2) + 5, Math.max(ch, 2) + 5);
        }
    }

    /** The colour bar with its range: {@code lo [gradient] hi}, and 0 marked on a centred map. */
    static final class Legend extends HBox {
        private final Label lo = new Label();
        private final Label hi = new Label();
        private final Rectangle bar = new Rectangle(120, 16);
        private final Label zero = new Label("0");

        Legend() {
            super(6);
            getStyleClass().add("heatmap-legend");
            setAlignment(Pos.CENTER_LEFT);
            lo.setId("legend-lo");
            hi.setId("legend-hi");
            bar.setStroke(Color.gray(0.5));
            StackPane barWithZero = new StackPane(bar, zero);
            zero.getStyleClass().add("legend-zero");
            getChildren().addAll(lo, barWithZero, hi);
            setVisible(false);
        }

        void show(Raster r) {
            setVisible(r != null);
            if (r == null) return;
            bar.setFill(r.map().gradient());
            lo.setText(Fmt.num(r.lo()));
            hi.setText(Fmt.num(r.hi()));
            zero.setVisible(r.map().centred());
        }
    }
}
