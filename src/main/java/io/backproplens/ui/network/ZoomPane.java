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
    private double contentWidth;
    private double contentHeight;
    private final Translate translate = new Translate();
    private final Scale scale = new Scale(1, 1, 0, 0);
    private final HBox buttons;
    private double zoom = 1;
    private double panX, panY;
    private double dragX, dragY;
    /** The smallest content scale allowed (the legibility floor, grows with the UI scale). */
    private java.util.function.DoubleSupplier floor = () -> 0;
    /** The part of the content to keep in view when it is larger than the pane (the active step). */
    private javafx.geometry.Bounds focus;

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

    /**
     * Never draws the content smaller than {@code minScale} (so its text keeps a legible size);
     * where it does not fit at that scale, the pane shows the part around {@link #focus}.
     */
    public void setFloor(java.util.function.DoubleSupplier minScale) {
        this.floor = minScale;
        requestLayout();
    }

    /** The content's logical size changed (a deeper model drawn): fit it anew. */
    public void setContentSize(double width, double height) {
        if (width == contentWidth && height == contentHeight) return;
        contentWidth = width;
        contentHeight = height;
        zoom = 1;
        panX = panY = 0;
        requestLayout();
        if (getParent() != null) getParent().requestLayout();
    }

    /** Keeps this region of the content (content units) in view when not all of it fits. */
    public void focus(javafx.geometry.Bounds region) {
        this.focus = region;
        panX = panY = 0;
        requestLayout();
    }

    /** The smallest content scale allowed now. */
    double floorScale() { return floor.getAsDouble(); }

    /** The least height that shows the content's whole height at the floor scale (lower, its top and bottom are cut). */
    double wholeHeight() { return contentHeight * floor.getAsDouble() + 8; }

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
        // Zooming out stops at the floor: below it the text would be too small for the back row.
        double newZoom = Math.max(1, Math.min(8, zoom * factor));
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
        return Math.max(floor.getAsDouble(), Math.min(w / contentWidth, h / contentHeight));
    }

    @Override
    protected void layoutChildren() {
        double s = fitScale() * zoom;
        scale.setX(s);
        scale.setY(s);
        translate.setX(offset(getWidth(), contentWidth * s, focus == null ? 0 : focus.getMinX() * s,
                focus == null ? 0 : focus.getMaxX() * s) + panX);
        translate.setY(offset(getHeight(), contentHeight * s, focus == null ? 0 : focus.getMinY() * s,
                focus == null ? 0 : focus.getMaxY() * s) + panY);
        content.autosize();
        // The content's own layout runs after this method in the same pulse: a chip whose text the
        // step just changed would be judged at its old width (the matrix audit caught 'out.g' half
        // past the pane's left edge). Lay it out first.
        if (content instanceof javafx.scene.Parent p) p.layout();
        hideCutLabels();
    }

    /**
     * Where the content starts along one axis: centred when it fits, else placed so the focus
     * (from lo to hi) is centred, without showing empty space past either end.
     */
    private static double offset(double pane, double size, double lo, double hi) {
        if (size <= pane || hi <= lo) return (pane - size) / 2;
        double t = pane / 2 - (lo + hi) / 2;
        return Math.max(pane - size, Math.min(0, t));
    }

    /**
     * Text the pane's edge would cut in half is faded out instead (and not clickable): a label is
     * shown whole or not at all. Pan or zoom brings it back.
     */
    private void hideCutLabels() {
        if (!(content instanceof javafx.scene.Parent p)) return;
        javafx.geometry.Bounds view = new javafx.geometry.BoundingBox(0, 0, getWidth(), getHeight());
        for (Node n : p.lookupAll(".label")) {
            javafx.geometry.Bounds b = sceneToLocal(n.localToScene(n.getLayoutBounds()));
            boolean inside = b == null || b.getMinX() >= view.getMinX() - 1 && b.getMaxX() <= view.getMaxX() + 1
                    && b.getMinY() >= view.getMinY() - 1 && b.getMaxY() <= view.getMaxY() + 1;
            n.setOpacity(inside ? 1 : 0);
            n.setMouseTransparent(!inside);
        }
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
