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
    private Runnable onCompactChanged = () -> {};

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

    void onCompactChanged(Runnable r) { onCompactChanged = r; }

    @Override
    protected void layoutChildren() {
        double w = getWidth(), h = getHeight();
        double em = this.em.getAsDouble();
        double minBand = 11 * em;
        double tabs = 3 * em;  // the tab headers
        // Beside the tabs the formulas get 45% of the width and must fit the band there; else they
        // are a tab with the whole width. The graph yields height (down to 6em) to whichever it is.
        double fw = Math.floor(w * 0.45);
        double graphWant = graph.heightFor(w);
        // Beside the formulas the tabs get 55%: at least 60 em, else the inspector's list, picture and
        // statistics do not fit side by side (1280 px at 100%: its mode buttons and caption ran past the window).
        boolean wantCompact = w < 50 * em || w - fw < 60 * em || formulas.heightFor(fw) > h - graphWant;
        if (wantCompact != compact) setCompact(wantCompact);
        double band = Math.max(minBand, compact ? formulas.heightFor(w) + tabs : formulas.heightFor(fw));
        // The graph keeps at least its whole height at the floor scale (else the pane fades the chips
        // at its top edge: w1.g at the last step, where the sentence with the wall times is longer);
        // the band gives way down to its minimum, and the formulas scroll within it.
        // Where the graph is wider than the pane, the pane follows the step and the band keeps its room.
        double keep = graph.fitsWidth(w) ? Math.min(graph.wholeHeight(), h - minBand) : 0;
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
