package io.backproplens.ui.network;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;
import javafx.scene.transform.Scale;
import javafx.scene.transform.Translate;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Shows content of a fixed logical size fitted to the available space (so it fits 1280x720 as
 * well as 1920x1080), and lets the user zoom (wheel, +/- buttons) and pan (drag). Zoom 1 is "fit";
 * the Fit button or a double click on the background returns there.
 */
public final class ZoomPane extends Region {
    private final Node content;
    private final double contentWidth;
    private final double contentHeight;
    private final Translate translate = new Translate();
    private final Scale scale = new Scale(1, 1, 0, 0);
    private final HBox buttons;
    private double zoom = 1;
    private double panX, panY;
    private double dragX, dragY;

    public ZoomPane(Node content, double contentWidth, double contentHeight) {
        this.content = content;
        this.contentWidth = contentWidth;
        this.contentHeight = contentHeight;
        getStyleClass().add("zoom-pane");
        content.getTransforms().setAll(translate, scale);
        content.setManaged(false);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);

        Button in = iconButton("mdi2m-magnify-plus", "Zoom in (mouse wheel)", "zoom-in");
        in.setOnAction(e -> zoomAt(1.25, getWidth() / 2, getHeight() / 2));
        Button out = iconButton("mdi2m-magnify-minus", "Zoom out (mouse wheel)", "zoom-out");
        out.setOnAction(e -> zoomAt(0.8, getWidth() / 2, getHeight() / 2));
        Button fit = iconButton("mdi2f-fit-to-page-outline", "Fit to the window (double click)", "zoom-fit");
        fit.setOnAction(e -> fit());
        buttons = new HBox(2, in, out, fit);
        buttons.setAlignment(Pos.CENTER_LEFT);
        buttons.getStyleClass().add("zoom-buttons");
        getChildren().add(content);

        addEventHandler(ScrollEvent.SCROLL, e -> {
            if (e.getDeltaY() == 0) return;
            zoomAt(e.getDeltaY() > 0 ? 1.15 : 1 / 1.15, e.getX(), e.getY());
            e.consume();
        });
        addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            dragX = e.getX();
            dragY = e.getY();
        });
        addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            if (e.getButton() != MouseButton.PRIMARY && e.getButton() != MouseButton.MIDDLE) return;
            panX += e.getX() - dragX;
            panY += e.getY() - dragY;
            dragX = e.getX();
            dragY = e.getY();
            requestLayout();
        });
        addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getClickCount() == 2 && e.isStillSincePress()) fit();
        });
    }

    /** Zoom in, out and fit buttons, to place in a toolbar (over the drawing they hid parts of it). */
    public HBox controls() { return buttons; }

    /** Back to the whole content fitted to the pane. */
    public void fit() {
        zoom = 1;
        panX = panY = 0;
        requestLayout();
    }

    public double zoom() { return zoom; }

    /** The scale from logical content units to pixels at the moment. */
    public double effectiveScale() { return scale.getX(); }

    /** Zooms by {@code factor} keeping the content point under (px, py) where it is. */
    public void zoomAt(double factor, double px, double py) {
        double newZoom = Math.max(0.5, Math.min(8, zoom * factor));
        double f = newZoom / zoom;
        // The point under the cursor, in pane coordinates, must stay put: shift the pan accordingly.
        double cx = translate.getX(), cy = translate.getY();
        double nx = px - (px - cx) * f, ny = py - (py - cy) * f;
        zoom = newZoom;
        double s = fitScale() * zoom;
        panX = nx - (getWidth() - contentWidth * s) / 2;
        panY = ny - (getHeight() - contentHeight * s) / 2;
        requestLayout();
    }

    private double fitScale() {
        double w = getWidth() - 8, h = getHeight() - 8;
        if (w <= 0 || h <= 0) return 1;
        return Math.min(w / contentWidth, h / contentHeight);
    }

    @Override
    protected void layoutChildren() {
        double s = fitScale() * zoom;
        scale.setX(s);
        scale.setY(s);
        translate.setX((getWidth() - contentWidth * s) / 2 + panX);
        translate.setY((getHeight() - contentHeight * s) / 2 + panY);
        content.autosize();
    }

    @Override
    protected double computePrefWidth(double height) { return contentWidth * 0.6; }

    @Override
    protected double computePrefHeight(double width) { return contentHeight * 0.6; }

    @Override
    protected double computeMinWidth(double height) { return 100; }

    @Override
    protected double computeMinHeight(double width) { return 80; }

    static Button iconButton(String icon, String tip, String id) {
        Button b = new Button(null, new FontIcon(icon));
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.getStyleClass().addAll("button-icon", "flat");
        b.setFocusTraversable(false);
        return b;
    }
}
