package io.backproplens.ui.activations;

import io.backproplens.ui.common.VerticalScroll;
import io.backproplens.ui.core.InitNames;
import io.backproplens.ui.common.Fmt;
import io.backproplens.engine.Init;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Two inits side by side on x_valid: same seed, same bins, same count axis, one layer at a time
 * (lin1, relu or lin2), with the notebook's mean/std table for all three layers underneath,
 * optionally averaged over several seeds.
 */
final class ComparePane extends BorderPane {
    final ComboBox<Init> initA = new ComboBox<>();
    final ComboBox<Init> initB = new ComboBox<>();
    final Spinner<Integer> seeds = new Spinner<>(1, 20, 1);
    final ObjectProperty<String> layer = new SimpleObjectProperty<>("relu");
    private final ToggleGroup layerGroup = new ToggleGroup();
    private final HistogramPanel panelA = new HistogramPanel("cmp-a");
    private final HistogramPanel panelB = new HistogramPanel("cmp-b");
    private final GridPane table = new GridPane();
    private final Label caption = new Label();
    private ActivationData.Comparison shown;

    ComparePane() {
        getStyleClass().add("compare-pane");
        initA.getItems().setAll(Init.values());
        initB.getItems().setAll(Init.values());
        javafx.util.StringConverter<Init> names = new javafx.util.StringConverter<>() {
            @Override public String toString(Init i) { return i == null ? "" : InitNames.of(i); }
            @Override public Init fromString(String s) { return Init.parse(s); }
        };
        initA.setConverter(names);
        initB.setConverter(names);
        initA.setValue(Init.XAVIER);
        initB.setValue(Init.KAIMING);
        initA.setId("cmp-init-a");
        initB.setId("cmp-init-b");
        seeds.setId("cmp-seeds");
        seeds.setEditable(true);
        seeds.getEditor().setPrefColumnCount(3);
        Inputs.commitOnFocusLost(seeds);

        HBox layers = new HBox();
        layers.getStyleClass().add("segmented");
        List<String> keys = ActivationData.FORWARD;
        for (int i = 0; i < keys.size(); i++) {
            ToggleButton t = new ToggleButton(keys.get(i));
            t.setId("cmp-layer-" + keys.get(i));
            t.setUserData(keys.get(i));
            t.setToggleGroup(layerGroup);
            t.getStyleClass().add(i == 0 ? "left-pill" : i == keys.size() - 1 ? "right-pill" : "center-pill");
            t.setSelected(keys.get(i).equals(layer.get()));
            layers.getChildren().add(t);
        }
        layerGroup.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) was.setSelected(true);       // one layer is always shown
            else layer.set((String) now.getUserData());
        });
        layer.addListener((o, a, b) -> redraw());

        FlowPane controls = new FlowPane(14, 6,
                group(new Label("Compare"), initA, new Label("with"), initB),
                group(new Label("Layer"), layers),
                group(new Label("Table: average over"), seeds, new Label("seeds")));
        controls.getStyleClass().add("mode-controls");
        caption.getStyleClass().add("mode-caption");
        caption.setWrapText(true);
        caption.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        // In the centre column, not the BorderPane's top: a VBox gives the wrapping controls their rows.
        VBox head = new VBox(4, controls, caption);
        head.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        setTop(null);
        headBox = head;

        table.setId("cmp-table");
        table.getStyleClass().add("cmp-table");
        table.setHgap(0);
        table.setVgap(0);
        tallTable.setId("cmp-table-turned");
        tallTable.getStyleClass().add("cmp-table");
        tallTable.setVisible(false);
        body.getChildren().addAll(panelA, panelB, table, tallTable);
        // The caption steps aside when the table and charts need its room (a small window at 200%).
        VBox column = new VBox(6, headBox, body) {
            @Override
            protected void layoutChildren() {
                double em = caption.getFont().getSize();
                double w = getWidth(), ctl = controls.prefHeight(w), cap = caption.prefHeight(w) + head.getSpacing();
                double need = ctl + cap + em * 14;
                // It also steps aside when that is what gives the charts their room (1024x768 at 100%).
                double bodyH = getHeight() - ctl - getSpacing();
                boolean room = getHeight() >= need && (body.chartsFit(w, bodyH - cap) || !body.chartsFit(w, bodyH));
                if (caption.isManaged() != room) {
                    caption.setManaged(room);
                    caption.setVisible(room);
                }
                super.layoutChildren();
            }
        };
        VBox.setVgrow(body, Priority.ALWAYS);
        // The table is always whole: where the window is too short for it and the controls (1280x720
        // at 200%) the pane scrolls, its rows at their full size, instead of cutting the lower rows.
        javafx.scene.control.ScrollPane scroll = VerticalScroll.of(column, "activations-scroll");
        setCenter(scroll);
    }

    @Override protected double computeMinHeight(double w) { return 0; }

    /**
     * The two charts and the table, arranged for the room there is. The table is the point of the
     * scene (the class reads its numbers), so it is always whole: beside the charts when the width
     * allows, under them otherwise, and turned (layers as columns) when its wide form is too wide.
     * The charts stand side by side when both get {@link PanelGrid#PANEL_MIN_EM}, else one above the other.
     */
    private final class Body extends javafx.scene.layout.Pane {
        @Override protected double computeMinWidth(double h) { return 0; }
        /** The table's height in the form it takes at this width: the pane scrolls rather than cut it. */
        @Override protected double computeMinHeight(double w) {
            double width = w > 0 ? w : getWidth();
            GridPane t = width > 0 && table.prefWidth(-1) > width ? tallTable : table;
            return t.prefHeight(-1);
        }
        @Override protected double computePrefHeight(double w) { return Math.max(em() * 20, computeMinHeight(w)); }

        private double em() { return caption.getFont().getSize(); }

        /**
         * One way to place the table and the two charts: the table in its wide or turned form,
         * beside the charts (right) or under them, the charts side by side or one above the other.
         */
        private record Plan(boolean turned, boolean beside, boolean sideBySide, double chartW, double chartH, double score) {}

        /**
         * The plan that gives the charts the most readable room (as {@link PanelGrid}: the smaller of
         * their width and 1.6 times their plot height), the wide table beside them first on a tie. At
         * 1280x720 the wide table under the charts left them about 50 px of bars; the turned table
         * beside them leaves them the pane's height.
         */
        private Plan plan(double W, double H, double em, double gap) {
            double minW = PanelGrid.PANEL_MIN_EM * em, chartMin = PanelGrid.CHART_MIN_EM * em;
            Plan best = null;
            for (boolean turned : new boolean[]{false, true}) {
                GridPane t = turned ? tallTable : table;
                double tw = t.prefWidth(-1), th = t.prefHeight(-1);
                if (tw > W) continue;                       // the wide form is too wide for the window: turned only
                for (boolean beside : new boolean[]{true, false}) {
                    double areaW = beside ? W - tw - gap : W, areaH = beside ? H : H - th - gap;
                    if (beside && H < th || areaW <= 0 || areaH <= 0) continue;
                    for (boolean sideBySide : new boolean[]{true, false}) {
                        double cw = sideBySide ? (areaW - gap) / 2 : areaW;
                        double cell = sideBySide ? areaH : (areaH - gap) / 2;
                        if (cw < minW) continue;
                        double text = Math.max(panelA.textHeight(cw), panelB.textHeight(cw));
                        double ch = cell - text;
                        double score = ch >= chartMin * 0.6 ? Math.min(cw, ch * 1.6) : -1;
                        Plan p = new Plan(turned, beside, sideBySide, cw, cell, score);
                        if (best == null || score > best.score() + 0.5) best = p;
                    }
                }
            }
            if (best == null) {
                // Narrower than one chart: the turned table and the charts under it, one above the other.
                double th = tallTable.prefHeight(-1);
                best = new Plan(true, false, false, W, (H - th - gap - gap) / 2, -1);
            }
            return best;
        }

        /** Whether the charts get a readable height in a body of this size (or only the table). */
        boolean chartsFit(double W, double H) {
            double em = em();
            return W > 0 && H > 0 && plan(W, H, em, PanelGrid.GAP_EM * em).score() >= 0;
        }

        @Override
        protected void layoutChildren() {
            double W = getWidth(), H = getHeight(), em = em(), gap = PanelGrid.GAP_EM * em;
            // The counts line repeats what the chart says; it goes first when the height is short.
            boolean compact = H - table.prefHeight(-1) < 16 * em;
            panelA.setCompact(compact);
            panelB.setCompact(compact);
            Plan p = plan(W, H, em, gap);
            table.setVisible(!p.turned());
            tallTable.setVisible(p.turned());
            GridPane table = p.turned() ? tallTable : ComparePane.this.table;
            double tw = Math.min(W, table.prefWidth(-1)), th = table.prefHeight(tw);
            if (p.beside()) table.resizeRelocate(W - tw, 0, tw, th);
            else table.resizeRelocate(0, Math.max(0, H - th), tw, th);
            double cw = p.chartW(), ch = p.chartH();
            if (p.sideBySide()) {
                panelA.resizeRelocate(0, 0, snapSizeX(cw), snapSizeY(ch));
                panelB.resizeRelocate(snapPositionX(cw + gap), 0, snapSizeX(cw), snapSizeY(ch));
            } else {
                panelA.resizeRelocate(0, 0, snapSizeX(cw), snapSizeY(ch));
                panelB.resizeRelocate(0, snapPositionY(ch + gap), snapSizeX(cw), snapSizeY(ch));
            }
            // Too little room for a readable chart: the panels step aside, the table stays.
            boolean room = p.score() >= 0;
            panelA.setVisible(room);
            panelB.setVisible(room);
        }
    }

    private final Body body = new Body();
    private VBox headBox;
    /** The table turned: layers as columns, the statistics as rows (for a narrow window). */
    private final GridPane tallTable = new GridPane();

    private static HBox group(javafx.scene.Node... nodes) {
        HBox b = new HBox(8, nodes);
        b.setAlignment(Pos.CENTER_LEFT);
        return b;
    }

    /** Shows a finished comparison. */
    void show(ActivationData.Comparison c) {
        this.shown = c;
        long s0 = c.base().seed();
        caption.setText("x_valid through Lin(784, " + c.base().nh() + ") \u2192 ReLU"
                + (c.base().reluShift() == 0 ? "" : " \u2212 " + Fmt.plain(c.base().reluShift()))
                + " \u2192 Lin(" + c.base().nh() + ", 1), the same random numbers (seed " + s0
                + ") scaled two ways; both charts share their bins and count axis."
                + (c.seeds() > 1 ? "  Table: average over seeds " + s0 + "\u2013" + (s0 + c.seeds() - 1) + "." : ""));
        fillTable(table, c, false);
        fillTable(tallTable, c, true);
        redraw();
    }

    private void redraw() {
        if (shown == null) return;
        ActivationData.Pair p = shown.pair(layer.get());
        panelA.show(p.a(), InitNames.of(shown.a()), Palette.of(shown.a()), p.yMax());
        panelB.show(p.b(), InitNames.of(shown.b()), Palette.of(shown.b()), p.yMax());
        panelA.setNotebook(NotebookBeside.text(shown.a(), p.key(), shown.base()), NotebookBeside.why(shown.a(), p.key()));
        panelB.setNotebook(NotebookBeside.text(shown.b(), p.key(), shown.base()), NotebookBeside.why(shown.b(), p.key()));
    }

    private static void fillTable(GridPane table, ActivationData.Comparison c, boolean tall) {
        table.getChildren().clear();
        table.getColumnConstraints().clear();
        String a = InitNames.of(c.a()), b = InitNames.of(c.b());
        String[] heads = {"", a + " mean", a + " std", b + " mean", b + " std", "std " + b + " / " + a};
        for (int col = 0; col < heads.length; col++) {
            Label h = cell(heads[col], "cmp-head");
            h.setId("cmp-head-" + col);
            if (tall) table.add(h, 0, col); else table.add(h, col, 0);
        }
        int r = 1;
        for (ActivationData.Row row : c.rows()) {
            String k = row.key();
            Label ratio = cell("\u00d7 " + Fmt.stat(row.stdB() / row.stdA()), "cmp-cell");
            ratio.setId("cmp-" + k + "-ratio");
            Label[] cells = {cell(k, "cmp-rowhead"), stat(k, "meanA", row.meanA()), stat(k, "stdA", row.stdA()),
                    stat(k, "meanB", row.meanB()), stat(k, "stdB", row.stdB()), ratio};
            for (int col = 0; col < cells.length; col++) {
                if (tall) table.add(cells[col], r, col); else table.add(cells[col], col, r);
            }
            r++;
        }
        int columns = tall ? c.rows().size() + 1 : heads.length;
        for (int col = 0; col < columns; col++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setHalignment(col == 0 ? HPos.LEFT : HPos.RIGHT);
            table.getColumnConstraints().add(cc);
        }
        Label a1 = (Label) table.lookup("#cmp-head-1"), a2 = (Label) table.lookup("#cmp-head-2");
        Label b1 = (Label) table.lookup("#cmp-head-3"), b2 = (Label) table.lookup("#cmp-head-4");
        // Each init's colour, made dark or light enough to read on the page of the current theme.
        for (Label l : new Label[]{a1, a2}) if (l != null) l.getStyleClass().addAll("init-text", c.a().id());
        for (Label l : new Label[]{b1, b2}) if (l != null) l.getStyleClass().addAll("init-text", c.b().id());
    }

    private static Label cell(String text, String style) {
        Label l = new Label(text);
        l.getStyleClass().add(style);
        l.setMaxWidth(Double.MAX_VALUE);
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }

    private static Label stat(String key, String col, double v) {
        Label l = cell(Fmt.stat(v), "cmp-cell");
        l.setId("cmp-" + key + "-" + col);
        return l;
    }

    void setStale(boolean stale) {
        panelA.setStale(stale);
        panelB.setStale(stale);
        table.setOpacity(stale ? 0.45 : 1);
        tallTable.setOpacity(stale ? 0.45 : 1);
    }

    ActivationData.Comparison shown() { return shown; }

    HistogramPanel panelA() { return panelA; }

    HistogramPanel panelB() { return panelB; }
}
