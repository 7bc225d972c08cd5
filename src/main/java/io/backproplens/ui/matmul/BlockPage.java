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
 * The stepper's blocks (the loop bar, the grids, the message, the picture, the code and log) in
 * one of two arrangements, chosen from outside ({@link #setBeside}) and never by re-parenting:
 * every block stays a child of this page whatever the arrangement, so its CSS and state survive a
 * change of window size.
 *
 * <ul>
 *   <li><b>Beside</b>: the {@link Column#FULL} blocks across the top, then the {@link Column#LEFT}
 *       blocks in a column with the {@link Column#SIDE} blocks in a column of their own on the
 *       right. The chooser only picks it when everything fits.</li>
 *   <li><b>Stacked</b>: all blocks in one column, in order. When the page is too short for all of
 *       them it pages block by block: the blocks that do not fit whole are hidden (never half
 *       shown) and a scroll bar (or the mouse wheel) brings the next ones up. On a projector a cut
 *       grid or a half line of code is worse than a page turn.</li>
 * </ul>
 * When everything fits, the spare height goes to one growing block.
 */
final class BlockPage extends Region {
    /**
     * Where a block stands when the page is arranged beside: across the top ({@code FULL}), in
     * the left or the side column, or across the foot under both columns ({@code BOTTOM}).
     */
    enum Column { FULL, LEFT, SIDE, BOTTOM }

    private static final class Block {
        final Node node;
        Column column;

        Block(Node node, Column column) { this.node = node; this.column = column; }

        Node node() { return node; }

        Column column() { return column; }
    }

    private final List<Block> blocks = new ArrayList<>();
    private final ScrollBar bar = new ScrollBar();
    private final Rectangle clip = new Rectangle();
    private Node grow;
    private BiConsumer<Double, Double> sizer;
    private double gap = 6;
    private boolean beside;
    private double sideWidth;
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

    /** Adds a block under (or, beside, in the column of) the ones before it. Called while building only. */
    void add(Node n, Column column) {
        blocks.add(new Block(n, column));
        getChildren().add(getChildren().size() - 1, n);
    }

    /** Moves block {@code n} just before block {@code before} in the order (a later block that belongs earlier). */
    void moveBefore(Node n, Node before) {
        Block moved = null;
        for (Block b : blocks) if (b.node() == n) moved = b;
        if (moved == null) return;
        blocks.remove(moved);
        for (int i = 0; i < blocks.size(); i++) {
            if (blocks.get(i).node() == before) {
                blocks.add(i, moved);
                requestLayout();
                return;
            }
        }
        blocks.add(moved);
    }

    /** Moves a block to another column of the beside arrangement (it stays a child of the page). */
    void setColumn(Node n, Column column) {
        for (Block b : blocks) {
            if (b.node() == n && b.column != column) {
                b.column = column;
                requestLayout();
            }
        }
    }

    /** The block that takes the spare height when everything fits. */
    void setGrow(Node n) { grow = n; }

    void setGap(double gap) { this.gap = gap; requestLayout(); }

    double gap() { return gap; }

    /** Called with the page's width and height before the blocks are measured (to size grids). */
    void setSizer(BiConsumer<Double, Double> sizer) { this.sizer = sizer; }

    /** Beside (the side blocks in a column {@code sideWidth} wide on the right) or stacked. */
    void setBeside(boolean beside, double sideWidth) {
        if (beside == this.beside && Math.abs(sideWidth - this.sideWidth) < 0.5) return;
        if (beside != this.beside) first = 0;
        this.beside = beside;
        this.sideWidth = sideWidth;
        requestLayout();
    }

    boolean beside() { return beside; }

    /** The width the left column gets when beside, on a page {@code w} wide. */
    double leftWidth(double w) { return beside ? w - sideWidth - gap * 2 : w; }

    /** Whether some blocks are hidden for want of height. */
    boolean paging() { return bar.isVisible(); }

    /** Pages so that {@code n} is the top block (when paging). */
    void showBlock(Node n) {
        List<Node> s = shown(null);
        int i = s.indexOf(n);
        if (i >= 0 && i != first) {
            first = i;
            requestLayout();
        }
    }

    /** The managed blocks (an unmanaged block is left out: a message that is not shown), of one column or all. */
    private List<Node> shown(Column only) {
        List<Node> s = new ArrayList<>();
        for (Block b : blocks) if (b.node().isManaged() && (only == null || b.column() == only)) s.add(b.node());
        return s;
    }

    private double stackHeight(List<Node> nodes, double width) {
        double h = Math.max(0, nodes.size() - 1) * gap;
        for (Node n : nodes) h += n.prefHeight(width);
        return h;
    }

    @Override
    protected double computePrefWidth(double height) {
        double w = 0;
        for (Node n : shown(null)) w = Math.max(w, n.prefWidth(-1));
        return w;
    }

    @Override
    protected double computePrefHeight(double width) {
        if (!beside) return stackHeight(shown(null), width);
        double w = width < 0 ? getWidth() : width;
        List<Node> full = shown(Column.FULL);
        double top = stackHeight(full, w) + (full.isEmpty() ? 0 : gap);
        List<Node> bottom = shown(Column.BOTTOM);
        double foot = bottom.isEmpty() ? 0 : stackHeight(bottom, w) + gap;
        return top + Math.max(stackHeight(shown(Column.LEFT), leftWidth(w)), stackHeight(shown(Column.SIDE), sideWidth)) + foot;
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
        // A block taken off the page (unmanaged) is on no page: it carries no mark of one.
        for (Block b : blocks) if (!b.node().isManaged()) pagedAway(b.node(), false);
        if (beside) layoutBeside(w, h);
        else layoutStacked(w, h);
    }

    /** Marks a block hidden from the first page for the layout audit, or clears the mark. */
    private static void pagedAway(Node n, boolean away) {
        if (away) n.getProperties().put(io.backproplens.ui.audit.LayoutAudit.PAGED_AWAY, Boolean.TRUE);
        else n.getProperties().remove(io.backproplens.ui.audit.LayoutAudit.PAGED_AWAY);
    }

    private void layoutBeside(double w, double h) {
        bar.setVisible(false);
        for (Block b : blocks) pagedAway(b.node(), false);
        first = 0;
        double y = 0;
        for (Node n : shown(Column.FULL)) {
            double ph = n.prefHeight(w);
            n.setVisible(true);
            n.resizeRelocate(0, y, w, ph);
            y += ph + gap;
        }
        double lw = leftWidth(w), top = y;
        List<Node> left = shown(Column.LEFT), side = shown(Column.SIDE), bottom = shown(Column.BOTTOM);
        // The foot stands under the taller of the two columns; the spare height goes to the growing block.
        double foot = bottom.isEmpty() ? 0 : stackHeight(bottom, w) + gap;
        double columns = Math.max(stackHeight(left, lw), stackHeight(side, sideWidth));
        double extra = Math.max(0, h - top - foot - stackHeight(left, lw));
        boolean growInFoot = bottom.contains(grow);
        for (Node n : left) {
            double ph = n.prefHeight(lw) + (n == grow ? extra : 0);
            n.setVisible(true);
            n.resizeRelocate(0, y, lw, ph);
            y += ph + gap;
        }
        // The side column takes the whole height beside the left one (its log grows into it).
        double sy = top, sx = w - sideWidth, sideBottom = bottom.isEmpty() ? h : top + columns;
        for (int i = 0; i < side.size(); i++) {
            Node n = side.get(i);
            double ph = i == side.size() - 1 ? Math.max(n.prefHeight(sideWidth), sideBottom - sy) : n.prefHeight(sideWidth);
            n.setVisible(true);
            n.resizeRelocate(sx, sy, sideWidth, ph);
            sy += ph + gap;
        }
        double fy = top + columns + gap, footExtra = growInFoot ? Math.max(0, h - top - columns - foot) : 0;
        for (Node n : bottom) {
            double ph = n.prefHeight(w) + (n == grow ? footExtra : 0);
            n.setVisible(true);
            n.resizeRelocate(0, fy, w, ph);
            fy += ph + gap;
        }
    }

    private void layoutStacked(double w, double h) {
        List<Node> s = shown(null);
        double total = stackHeight(s, w);
        if (total <= h + 0.5) {
            bar.setVisible(false);
            first = 0;
            double extra = h - total, y = 0;
            for (Node n : s) {
                double ph = n.prefHeight(w) + (n == grow ? extra : 0);
                pagedAway(n, false);
                n.setVisible(true);
                n.resizeRelocate(0, y, w, ph);
                y += ph + gap;
            }
            return;
        }
        double bw = Math.max(14, bar.prefWidth(-1));
        double cw = w - bw - 4;
        first = Math.max(0, Math.min(first, s.size() - 1));
        double y = 0, y1 = 0;
        boolean full = false, full1 = false;
        for (int i = 0; i < s.size(); i++) {
            Node n = s.get(i);
            double ph = n.prefHeight(cw);
            // The first page (the default view): what the class sees before anyone pages.
            boolean onFirst = !full1 && (i == 0 || y1 + ph <= h + 0.5);
            if (onFirst) y1 += ph + gap;
            else full1 = true;
            pagedAway(n, !onFirst);
            boolean show = i >= first && !full && (i == first || y + ph <= h + 0.5);
            if (i >= first && !show) full = true;
            // A block off the page is not shown at all: the page says so with its scroll bar.
            n.setVisible(show);
            if (show) {
                n.resizeRelocate(0, y, cw, ph);
                y += ph + gap;
            } else {
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
