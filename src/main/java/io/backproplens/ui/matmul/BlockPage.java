package io.backproplens.ui.matmul;

import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.ScrollBar;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * A column of blocks (a bar, the grids, the picture, the code) that pages block by block when the
 * window is too short for all of them: the blocks that do not fit whole are hidden, never half
 * shown, and a scroll bar (or the mouse wheel) brings the next ones up. On a projector a cut grid
 * or a half line of code is worse than a page turn. When everything fits, the spare height goes
 * to one growing block.
 */
final class BlockPage extends Region {
    private final List<Node> blocks = new ArrayList<>();
    private final ScrollBar bar = new ScrollBar();
    private final Rectangle clip = new Rectangle();
    private Node grow;
    private BiConsumer<Double, Double> sizer;
    private double gap = 6;
    private int first;
    private boolean syncing;

    BlockPage() {
        getStyleClass().add("mm-page");
        bar.setOrientation(Orientation.VERTICAL);
        bar.setMin(0);
        bar.setUnitIncrement(1);
        bar.setBlockIncrement(1);
        bar.setFocusTraversable(false);
        bar.valueProperty().addListener((o, was, now) -> {
            if (syncing) return;
            first = (int) Math.round(now.doubleValue());
            requestLayout();
        });
        setOnScroll(e -> {
            if (!bar.isVisible() || e.getDeltaY() == 0) return;
            bar.setValue(Math.max(0, Math.min(bar.getMax(), first + (e.getDeltaY() < 0 ? 1 : -1))));
            e.consume();
        });
        setClip(clip);
        setMinSize(0, 0);
        getChildren().add(bar);
    }

    /** The blocks, top to bottom; an unmanaged block is left out (a message that is not shown). */
    void setBlocks(List<? extends Node> nodes) {
        blocks.clear();
        blocks.addAll(nodes);
        getChildren().setAll(nodes);
        getChildren().add(bar);
        first = 0;
        requestLayout();
    }

    /** The block that takes the spare height when everything fits. */
    void setGrow(Node n) { grow = n; }

    void setGap(double gap) { this.gap = gap; }

    /** Called with the page's width and height before the blocks are measured (to size grids). */
    void setSizer(BiConsumer<Double, Double> sizer) { this.sizer = sizer; }

    /** Whether some blocks are hidden for want of height. */
    boolean paging() { return bar.isVisible(); }

    /** Pages so that {@code n} is the top block (when paging). */
    void showBlock(Node n) {
        int i = blocks.indexOf(n);
        if (i >= 0 && i != first) {
            first = i;
            requestLayout();
        }
    }

    private List<Node> shown() {
        List<Node> s = new ArrayList<>();
        for (Node n : blocks) if (n.isManaged()) s.add(n);
        return s;
    }

    @Override
    protected double computePrefWidth(double height) {
        double w = 0;
        for (Node n : shown()) w = Math.max(w, n.prefWidth(-1));
        return w;
    }

    @Override
    protected double computePrefHeight(double width) {
        List<Node> s = shown();
        double h = Math.max(0, s.size() - 1) * gap;
        for (Node n : s) h += n.prefHeight(width);
        return h;
    }

    @Override
    protected double computeMinWidth(double height) { return 0; }

    @Override
    protected double computeMinHeight(double width) { return 0; }

    @Override
    protected void layoutChildren() {
        double w = getWidth(), h = getHeight();
        clip.setWidth(w);
        clip.setHeight(h);
        if (w <= 0 || h <= 0) return;
        if (sizer != null) sizer.accept(w, h);
        List<Node> s = shown();
        double total = computePrefHeight(w);
        if (total <= h + 0.5) {
            bar.setVisible(false);
            first = 0;
            double extra = h - total, y = 0;
            for (Node n : s) {
                double ph = n.prefHeight(w) + (n == grow ? extra : 0);
                n.setVisible(true);
                n.resizeRelocate(0, y, w, ph);
                y += ph + gap;
            }
            return;
        }
        double bw = Math.max(14, bar.prefWidth(-1));
        double cw = w - bw - 4;
        first = Math.max(0, Math.min(first, s.size() - 1));
        double y = 0;
        boolean full = false;
        for (int i = 0; i < s.size(); i++) {
            Node n = s.get(i);
            double ph = n.prefHeight(cw);
            boolean show = i >= first && !full && (i == first || y + ph <= h + 0.5);
            if (i >= first && !show) full = true;
            n.setVisible(true);
            if (show) {
                n.resizeRelocate(0, y, cw, ph);
                y += ph + gap;
            } else {
                // Off the page, wholly outside the clip (hiding it would also stop its CSS).
                n.resizeRelocate(0, i < first ? -ph - 20 : h + 20, cw, ph);
            }
        }
        syncing = true;
        bar.setVisible(true);
        bar.setMax(Math.max(1, s.size() - 1));
        bar.setVisibleAmount(1);
        bar.setValue(first);
        syncing = false;
        bar.resizeRelocate(w - bw, 0, bw, h);
    }
}
