package io.backproplens.ui.activations;

import io.backproplens.ui.common.Fmt;
import io.backproplens.stats.Histogram;
import io.backproplens.stats.Summary;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

/**
 * One tensor: its name and formula, its mean and std in the notebook's four decimals, the share of
 * exact zeros where a ReLU made them, a red warning when NaN or infinities are present, and the
 * histogram. Find it as {@code #hist-<key>} ({@code hist-relu}, {@code hist-l1-g}).
 */
public final class HistogramPanel extends VBox {
    private final Label name = new Label();
    private final Label formula = new Label();
    private final Label stats = new Label();
    /** The notebook's printed mean and std for this layer and init, when it printed them. */
    private final Label notebook = new Label();
    private final Label detail = new Label();
    private final Label nonFinite = new Label();
    private final HistogramChart chart = new HistogramChart();
    private final javafx.scene.layout.FlowPane head = new javafx.scene.layout.FlowPane();
    private LayerData data;

    public HistogramPanel(String idSuffix) {
        setId("hist-" + idSuffix);
        getStyleClass().add("hist-panel");
        name.getStyleClass().add("hist-name");
        formula.getStyleClass().addAll("formula", "hist-formula");
        stats.getStyleClass().add("hist-stats");
        detail.getStyleClass().add("hist-detail");
        nonFinite.getStyleClass().add("hist-nonfinite");
        notebook.getStyleClass().add("hist-notebook");
        notebook.setId("hist-" + idSuffix + "-notebook");
        notebook.setWrapText(true);
        notebook.managedProperty().bind(notebook.textProperty().isNotEmpty());
        notebook.visibleProperty().bind(notebook.textProperty().isNotEmpty());
        nonFinite.setWrapText(true);
        nonFinite.managedProperty().bind(nonFinite.visibleProperty());
        nonFinite.setVisible(false);
        detail.setWrapText(true);
        // Text lines keep their height (wrapping if needed); the chart gives way.
        for (Label l : new Label[]{name, formula, stats, notebook, detail, nonFinite}) l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        // Name and formula on one line when they fit, the formula under the name when not.
        head.setHgap(10);
        head.setRowValignment(javafx.geometry.VPos.BASELINE);
        head.getChildren().addAll(name, formula);
        stats.setWrapText(true);
        getChildren().addAll(head, stats, notebook, detail, nonFinite, chart);
        setVgrow(chart, Priority.ALWAYS);
        setFillWidth(true);
        setMinWidth(0);
    }

    /**
     * Shows a tensor.
     *
     * @param caption a word before the name (the init in compare mode), or null
     * @param yMax    shared top of the count axis, 0 for this histogram's own
     */
    public void show(LayerData d, String caption, Color color, long yMax) { show(d, caption, color, yMax, null); }

    /** Shows a tensor with another histogram on the same bins as an outline (null for none). */
    public void show(LayerData d, String caption, Color color, long yMax, HistogramChart.Outline outline) {
        this.data = d;
        name.setText((caption == null ? "" : caption + ": ") + d.key());
        formula.setText("= " + d.formula());
        Summary s = d.summary();
        stats.setText(statsText(s));
        Histogram h = d.histogram();
        String values = d.shapeText() + " = " + Fmt.count(h.total()) + " values";
        if (h.hasAtom()) {
            values += "   \u00b7   " + Fmt.percent(h.atomShare()) + " exactly " + Fmt.plain(h.atom())
                    + (d.atomText() == null ? "" : " (" + d.atomText() + ")");
        }
        detail.setText(values);
        nonFinite.setText(nonFiniteText(h));
        nonFinite.setVisible(h.nonFiniteCount() > 0);
        chart.show(h, s, ActivationData.axisLabel(d), color, yMax, outline);
    }

    /** The notebook's numbers for this panel's layer and init (null or empty: it printed none). */
    public void setNotebook(String text) { setNotebook(text, null); }

    /** As {@link #setNotebook(String)}, with why the digits differ as the line's tooltip. */
    public void setNotebook(String text, String why) {
        notebook.setText(text == null ? "" : text);
        notebook.setTooltip(why == null ? null : new javafx.scene.control.Tooltip(why));
    }

    public String notebookText() { return notebook.getText(); }

    /** The text of the statistics line: {@code mean 0.5117   std 0.7864}, as the notebook prints them. */
    public static String statsText(Summary s) {
        return "mean " + Fmt.stat(s.mean()) + "    std " + Fmt.stat(s.std());
    }

    /** {@code ⚠ 12 nan · 3 +inf · 0 −inf}: counted, not drawn as bins. Empty when all are finite. */
    public static String nonFiniteText(Histogram h) {
        if (h.nonFiniteCount() == 0) return "";
        return "\u26a0 " + Fmt.count(h.nanCount()) + " " + Fmt.NAN + " \u00b7 " + Fmt.count(h.posInfCount()) + " +" + Fmt.INF + " \u00b7 "
                + Fmt.count(h.negInfCount()) + " \u2212" + Fmt.INF + " (counted, not in the bins; mean and std are of the "
                + Fmt.count(h.total() - h.nonFiniteCount()) + " finite values)";
    }

    /** The height of everything but the chart at this width: what the layout must leave whole. */
    double textHeight(double width) { return textHeight(width, !detail.isManaged()); }

    /** As {@link #textHeight(double)}, as it would be with or without the line of counts. */
    double textHeight(double width, boolean compact) {
        javafx.geometry.Insets in = getInsets();
        double w = width - in.getLeft() - in.getRight();
        double h = in.getTop() + in.getBottom();
        int shown = 0;
        for (javafx.scene.Node n : getChildren()) {
            if (n == chart) continue;
            if (n == detail ? compact : !n.isManaged()) continue;
            h += n.prefHeight(w);
            shown++;
        }
        return h + shown * getSpacing();
    }

    /** The width of the name line (name and formula side by side) with the panel's left inset. */
    double headWidth() {
        return getInsets().getLeft() + name.prefWidth(-1) + head.getHgap() + formula.prefWidth(-1);
    }

    /** Leaves out the line of counts (the chart still writes the atom's share): for a short window. */
    public void setCompact(boolean compact) {
        detail.setManaged(!compact);
        detail.setVisible(!compact);
    }

    /** Dims the panel while a newer result is being computed. */
    public void setStale(boolean stale) { setOpacity(stale ? 0.45 : 1.0); }

    public LayerData data() { return data; }

    public HistogramChart chart() { return chart; }

    public Label statsLabel() { return stats; }

    public Label nonFiniteLabel() { return nonFinite; }

    public Label detailLabel() { return detail; }
}
