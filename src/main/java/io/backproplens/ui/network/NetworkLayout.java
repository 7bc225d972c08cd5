package io.backproplens.ui.network;

import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.Region;

/**
 * Places the graph, the formulas and the side tabs (inspector, gradient check) for the room there
 * is, never by shrinking text: the graph takes the height its zoom floor needs (at most what leaves
 * the rest a usable band), and the formulas sit beside the tabs when they fit there, else they
 * become the first tab and the tabs get the whole width ("compact"), so three formulas can stand
 * side by side instead of one above the cut.
 */
final class NetworkLayout extends Region {
    private final ZoomPane graph;
    private final FormulaPanel formulas;
    private final TabPane side;
    private final Tab stepTab;
    /** The root font size in px (the UI scale's unit). */
    private final java.util.function.DoubleSupplier em;
    private boolean compact;
    /** The tabs beside the graph, not under it (a window short for its UI scale); see {@link #layoutShort}. */
    private boolean beside;
    private Runnable onCompactChanged = () -> {};
    /** The graph's width (content units) drawn left to right: what the layout plans with, whichever drawing is on screen. */
    private java.util.function.DoubleSupplier flatWidth = () -> NetworkGraph.WIDTH;
    /** The width (content units) of the graph drawn top to bottom, 0 where it has no such drawing. */
    private java.util.function.DoubleSupplier verticalWidth = () -> 0;
    private java.util.function.Consumer<Boolean> onVertical = b -> {};
    /** The graph drawn top to bottom in its column beside the tabs. */
    private boolean vertical;

    NetworkLayout(ZoomPane graph, FormulaPanel formulas, TabPane side, java.util.function.DoubleSupplier em) {
        this.em = em;
        this.graph = graph;
        this.formulas = formulas;
        this.side = side;
        stepTab = new Tab("Step");
        stepTab.setId("tab-step");
        getChildren().addAll(graph, formulas, side);
        getStyleClass().add("network-layout");
    }

    boolean compact() { return compact; }

    /** Whether the tabs (the step's title, sentence and formulas first) stand beside the graph. */
    boolean beside() { return beside; }

    void onCompactChanged(Runnable r) { onCompactChanged = r; }

    /**
     * How the graph can be drawn: left to right {@code flatWidth} wide, or top to bottom
     * {@code verticalWidth} wide (0: not at all); {@code onVertical} is told when the graph is to be
     * drawn top to bottom (a column beside the tabs too narrow for a step and its neighbours drawn
     * left to right) and back.
     */
    void planWith(java.util.function.DoubleSupplier flatWidth, java.util.function.DoubleSupplier verticalWidth,
                  java.util.function.Consumer<Boolean> onVertical) {
        this.flatWidth = flatWidth;
        this.verticalWidth = verticalWidth;
        this.onVertical = onVertical;
    }

    /** Whether the graph is drawn top to bottom beside the tabs. */
    boolean vertical() { return vertical; }

    private void setVertical(boolean v) {
        if (v == vertical) return;
        vertical = v;
        onVertical.accept(v);
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth(), h = getHeight();
        double em = this.em.getAsDouble();
        double minBand = 11 * em;
        double tabs = 3 * em;  // the tab headers
        // Beside the tabs the formulas get 45% of the width and must fit the band there; else they
        // are a tab with the whole width. The graph yields height (down to 6em) to whichever it is.
        double fw = Math.floor(w * 0.45);
        // From the left-to-right drawing whichever is on screen: the top-to-bottom one is drawn because
        // of this choice and must not feed back into it.
        double floor = graph.floorScale(), flat = flatWidth.getAsDouble();
        double graphWant = NetworkGraph.HEIGHT * Math.max(floor, (w - 8) / flat) + 8;
        double whole = NetworkGraph.HEIGHT * floor + 8;
        // Beside the formulas the tabs get 55%: at least 60 em, else the inspector's list, picture and
        // statistics do not fit side by side (1280 px at 100%: its mode buttons and caption ran past the window).
        boolean wantCompact = w < 50 * em || w - fw < 60 * em || formulas.heightFor(fw) > h - graphWant;
        if (wantCompact != compact) setCompact(wantCompact);
        // Under the graph's whole height at the floor scale, the tabs' headers and the step's title
        // and sentence must fit (7 em: a title and three lines), with a line of formula: at 1280x720
        // and 200% they did not (the graph got a band of 190 px, its boxes cut, and the sentence ran
        // under the window's bottom edge). In em, not by the step's own sentence, so stepping never
        // moves the view from one layout to the other.
        boolean wantBeside = compact && w >= 24 * em
                && h - (tabs + 7 * em) < Math.min(graphWant, whole);
        if (wantBeside != beside) setBeside(wantBeside);
        if (beside) {
            layoutBeside(w, h, tabs, em);
            return;
        }
        setVertical(false);
        double band = Math.max(minBand, compact ? formulas.heightFor(w) + tabs : formulas.heightFor(fw));
        // The graph keeps at least its whole height at the floor scale (else the pane fades the chips
        // at its top edge: w1.g at the last step, where the sentence with the wall times is longer);
        // the band gives way down to its minimum, and the formulas scroll within it.
        // Where the graph is wider than the pane, the pane follows the step and the band keeps its room.
        double keep = flat * floor <= w * 1.02 ? Math.min(whole, h - minBand) : 0;
        double gh = Math.min(graphWant, Math.max(Math.max(6 * em, h - band), keep));
        graph.resizeRelocate(0, 0, w, gh);
        double bh = h - gh;
        if (compact) {
            side.resizeRelocate(0, gh, w, bh);
        } else {
            formulas.resizeRelocate(0, gh, fw, bh);
            side.resizeRelocate(fw, gh, w - fw, bh);
        }
    }

    /**
     * The graph on the left at the full height (its boxes and chips whole, the pane following the
     * step sideways), and the tabs on the right in the narrowest column, from 40% to 62% of the
     * width, where their headers, the step's title and its sentence fit with two lines of formula;
     * the formulas scroll under them. Where the graph has a top-to-bottom drawing (the notebook's
     * network), its column is as wide as that drawing at the floor scale instead, and the tabs get the
     * rest: at 200% the left-to-right drawing's column showed one box, the top-to-bottom one shows
     * the box with the tensor before it and the module after it.
     */
    private void layoutBeside(double w, double h, double tabs, double em) {
        // Never narrower than the tab headers (else the last one is cut and a menu button stands in).
        javafx.scene.Node headers = side.lookup(".headers-region");
        double least = headers == null ? 0 : headers.prefWidth(-1) + 2 * em;
        double vw = verticalWidth.getAsDouble();
        // Top to bottom where even the widest column the tabs leave (their least, or 60% of the width)
        // is narrower than a step with its neighbours drawn left to right at the floor scale: at 200%
        // on 1280x720 and 1024x768 (702 and 446 px for 1128), not on 1920x1080 (1152 px). By the
        // window and the scale only, so stepping never switches the drawing.
        setVertical(vw > 0 && w - Math.max(least, Math.floor(w * 0.40)) < NetworkGraph.FLAT_NEIGHBOURHOOD * graph.floorScale() + 8);
        if (vertical) {
            // The graph drawn top to bottom: a column as wide as the drawing at its floor scale, the
            // tabs the rest (the formulas have more room than beside the left-to-right drawing).
            double gw = Math.max(0, Math.min(w - least, Math.ceil(vw * graph.floorScale()) + 10));
            graph.resizeRelocate(0, 0, gw, h);
            side.resizeRelocate(gw, 0, w - gw, h);
            return;
        }
        double cw = Math.max(least, Math.floor(w * 0.62));
        for (double f = 0.40; f < 0.62; f += 0.02) {
            double c = Math.max(least, Math.floor(w * f));
            if (tabs + formulas.headHeight(c - 8) + 3 * em <= h) {
                cw = c;
                break;
            }
        }
        graph.resizeRelocate(0, 0, w - cw, h);
        side.resizeRelocate(w - cw, 0, cw, h);
    }

    /** Beside the graph the column is narrow: the tabs' short names, so their headers fit it. */
    private void setBeside(boolean b) {
        beside = b;
        for (Tab t : side.getTabs()) {
            if ("tab-inspector".equals(t.getId())) t.setText(b ? "Inspector" : "Tensor inspector");
            if ("tab-gradcheck".equals(t.getId())) t.setText(b ? "Check" : "Gradient check");
        }
    }

    private void setCompact(boolean c) {
        compact = c;
        if (c) {
            getChildren().remove(formulas);
            stepTab.setContent(formulas);
            javafx.scene.control.Tab was = side.getSelectionModel().getSelectedItem();
            side.getTabs().add(0, stepTab);
            side.getSelectionModel().select(was);
        } else {
            boolean wasStep = side.getSelectionModel().getSelectedItem() == stepTab;
            side.getTabs().remove(stepTab);
            stepTab.setContent(null);
            getChildren().add(formulas);
            if (wasStep) side.getSelectionModel().select(0);
        }
        onCompactChanged.run();
    }
}
