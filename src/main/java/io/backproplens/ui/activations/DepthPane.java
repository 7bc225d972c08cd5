package io.backproplens.ui.activations;

import io.backproplens.ui.common.VerticalScroll;
import io.backproplens.ui.common.Fmt;
import io.backproplens.stats.DepthSweep;
import io.backproplens.stats.DepthSweep.Scheme;
import java.util.EnumMap;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;

/**
 * The depth sweep: how the std of the activations travels through L Lin + ReLU layers under randn,
 * randn * 0.01, Xavier and Kaiming, with a legend that says in words what happened to each.
 */
final class DepthPane extends BorderPane {
    final Spinner<Integer> depth = new Spinner<>(1, DepthSweep.MAX_DEPTH, DepthSweep.MAX_DEPTH);
    final Spinner<Integer> width = new Spinner<>(1, DepthSweep.MAX_WIDTH, 100, 10);
    private final DepthChart chart = new DepthChart();
    private final Label caption = new Label();
    private final Label readout = new Label(" ");
    private final Map<Scheme, Label> notes = new EnumMap<>(Scheme.class);

    DepthPane() {
        getStyleClass().add("depth-pane");
        depth.setId("sweep-depth");
        width.setId("sweep-width");
        for (Spinner<Integer> s : java.util.List.of(depth, width)) {
            s.setEditable(true);
            s.getEditor().setPrefColumnCount(4);
            Inputs.commitOnFocusLost(s);
        }
        FlowPane controls = new FlowPane(14, 6, group(new Label("Layers"), depth), group(new Label("Width"), width));
        controls.getStyleClass().add("mode-controls");
        caption.getStyleClass().add("mode-caption");
        caption.setWrapText(true);
        caption.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        // In the centre column, not the BorderPane's top: a VBox gives the wrapping controls their rows.
        headBox = new VBox(4, controls, caption);
        headBox.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);

        chart.setId("sweep-chart");
        // The log axis needs about 12 em to draw at all; 15 em keeps a few decades readable.
        chart.minHeightProperty().bind(Bindings.createDoubleBinding(() -> caption.getFont().getSize() * CHART_MIN_EM, caption.fontProperty()));
        // The caption steps aside when the chart needs its room (a small window at 200%).
        VBox column = new VBox(6, headBox, chart) {
            @Override
            protected void layoutChildren() {
                double em = caption.getFont().getSize();
                boolean room = getHeight() >= controls.prefHeight(getWidth()) + caption.prefHeight(getWidth()) + em * (CHART_MIN_EM + 1);
                if (caption.isManaged() != room) {
                    caption.setManaged(room);
                    caption.setVisible(room);
                }
                super.layoutChildren();
            }
        };
        VBox.setVgrow(chart, javafx.scene.layout.Priority.ALWAYS);
        page.setCenter(column);
        // Where the window is too short for the chart and its legend (1280x720 at 200%) the sweep
        // scrolls, the chart at its readable minimum, instead of squashing the chart or cutting the legend.
        javafx.scene.control.ScrollPane scroll = VerticalScroll.of(page, "activations-scroll");
        page.setMinWidth(0);
        setCenter(scroll);

        legend.getStyleClass().add("sweep-legend");
        legend.setHgap(16);
        legend.setVgap(8);
        for (Scheme s : Scheme.values()) {
            Rectangle swatch = new Rectangle(26, 6, Palette.of(s));
            Label name = new Label(s.label());
            name.getStyleClass().add("sweep-name");
            name.getStyleClass().addAll("init-text", s == Scheme.SMALL ? "small" : s.name().toLowerCase(java.util.Locale.ROOT));
            HBox head = new HBox(8, swatch, name);
            head.setAlignment(Pos.CENTER_LEFT);
            Label note = new Label("\u2026");
            note.setId("sweep-note-" + s.name());
            note.getStyleClass().add("sweep-note");
            note.setWrapText(true);
            note.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            notes.put(s, note);
            VBox entry = new VBox(2, head, note);
            // 16 em wide: the width follows the UI scale like the text in it.
            entry.prefWidthProperty().bind(Bindings.createDoubleBinding(() -> note.getFont().getSize() * 16, note.fontProperty()));
            entry.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            legend.getChildren().add(entry);
        }
        readout.setId("sweep-readout");
        readout.getStyleClass().add("sweep-readout");
        readout.setWrapText(true);
        readout.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        // The legend beside the chart when the chart keeps 30 em, else under it in two or more columns.
        page.widthProperty().addListener((o, a, b) -> placeLegend());
        readout.fontProperty().addListener((o, a, b) -> placeLegend());
        placeLegend();
        chart.setOnHoverLayer(this::showReadout);
    }

    private final FlowPane legend = new FlowPane();
    /** What scrolls: the controls, the chart and its legend. */
    private final BorderPane page = new BorderPane();
    static final double CHART_MIN_EM = 15;

    @Override protected double computeMinHeight(double w) { return 0; }
    private VBox headBox;
    private final VBox under = new VBox(6);

    private void placeLegend() {
        double em = readout.getFont().getSize();
        boolean beside = page.getWidth() <= 0 || page.getWidth() - em * 17 >= em * 30;
        if (beside && page.getRight() != legend) {
            under.getChildren().setAll(readout);
            legend.setPrefWrapLength(em * 16);
            legend.setOrientation(javafx.geometry.Orientation.HORIZONTAL);
            page.setRight(legend);
            BorderPane.setMargin(legend, new Insets(10, 0, 0, 14));
            page.setBottom(under);
        } else if (!beside && page.getRight() == legend || !beside && page.getBottom() != under || !beside && !under.getChildren().contains(legend)) {
            page.setRight(null);
            under.getChildren().setAll(legend, readout);
            page.setBottom(under);
        }
        if (beside) legend.setPrefWrapLength(em * 16);
        else legend.setPrefWrapLength(Math.max(em * 16, page.getWidth()));
    }

    private static HBox group(javafx.scene.Node... nodes) {
        HBox b = new HBox(8, nodes);
        b.setAlignment(Pos.CENTER_LEFT);
        return b;
    }

    void show(DepthSweep.Result r) {
        chart.show(r);
        caption.setText("x_valid (10,000 images) through " + r.depth() + " layers of Lin + ReLU"
                + (r.reluShift() == 0 ? "" : " \u2212 " + Fmt.plain(r.reluShift())) + ", " + r.width()
                + " wide, float32, seed " + r.seed() + ": the std of each layer's output, on a log scale.");
        for (Scheme s : Scheme.values()) {
            Label n = notes.get(s);
            DepthSweep.Series series = r.series().stream().filter(x -> x.scheme() == s).findFirst().orElse(null);
            n.getStyleClass().remove("alarm");
            if (series == null || series.layers().isEmpty()) {
                n.setText("\u2026");
                continue;
            }
            n.setText(noteText(series));
            if (series.firstInf() > 0 || series.firstNan() > 0) n.getStyleClass().add("alarm");
        }
    }

    /** What happened to one scheme, in words. */
    static String noteText(DepthSweep.Series s) {
        StringBuilder b = new StringBuilder();
        int inf = s.firstInf(), nan = s.firstNan(), zero = s.firstZeroStd();
        if (inf > 0 || nan > 0) {
            b.append("\u26a0 overflows float32: ");
            if (inf > 0) b.append(Fmt.INF + " at layer ").append(inf);
            if (inf > 0 && nan > 0) b.append(", ");
            if (nan > 0) b.append(Fmt.NAN + " from layer ").append(nan);
            int allBad = -1;
            for (DepthSweep.Layer l : s.layers()) if (l.allNonFinite()) { allBad = l.index(); break; }
            if (allBad > 0) b.append("; no finite value left from layer ").append(allBad);
        } else if (zero > 0) {
            b.append("vanishes: std exactly 0 (float32 underflow) from layer ").append(zero);
        } else {
            DepthSweep.Layer last = s.last();
            b.append("layer ").append(last.index()).append(": std ").append(Fmt.stat(last.std()));
            DepthSweep.Layer first = s.layers().get(0);
            b.append(" (layer 1: ").append(Fmt.stat(first.std())).append(")");
        }
        return b.toString();
    }

    private void showReadout(int layer) {
        DepthSweep.Result r = chart.result();
        if (r == null || layer < 1) {
            readout.setText(" ");
            return;
        }
        StringBuilder b = new StringBuilder("layer " + layer + ":");
        for (DepthSweep.Series s : r.series()) {
            if (layer > s.layers().size()) continue;
            DepthSweep.Layer l = s.layers().get(layer - 1);
            String v = l.allNonFinite() ? (l.relu().nanCount() > 0 ? Fmt.NAN : Fmt.INF) : Fmt.stat(l.std());
            if (!l.allNonFinite() && (l.hasInf() || l.hasNan())) v += " (+ Inf/NaN)";
            b.append("   ").append(s.scheme().label()).append(" ").append(v);
        }
        readout.setText(b.toString());
    }

    void setStale(boolean stale) { chart.setOpacity(stale ? 0.6 : 1); }

    DepthChart chart() { return chart; }

    Label note(Scheme s) { return notes.get(s); }
}
