package io.backproplens.ui.activations;

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
        seeds.setPrefWidth(90);
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
        setTop(new VBox(4, controls, caption));

        GridPane pair = new GridPane();
        pair.setHgap(10);
        for (int c = 0; c < 2; c++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setPercentWidth(50);
            cc.setHgrow(Priority.ALWAYS);
            pair.getColumnConstraints().add(cc);
        }
        pair.add(panelA, 0, 0);
        pair.add(panelB, 1, 0);
        GridPane.setVgrow(panelA, Priority.ALWAYS);
        GridPane.setVgrow(panelB, Priority.ALWAYS);
        setCenter(pair);
        BorderPane.setMargin(pair, new javafx.geometry.Insets(6, 0, 6, 0));

        table.setId("cmp-table");
        table.getStyleClass().add("cmp-table");
        table.setHgap(0);
        table.setVgap(0);
        setBottom(table);
    }

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
        fillTable(c);
        redraw();
    }

    private void redraw() {
        if (shown == null) return;
        ActivationData.Pair p = shown.pair(layer.get());
        panelA.show(p.a(), InitNames.of(shown.a()), Palette.of(shown.a()), p.yMax());
        panelB.show(p.b(), InitNames.of(shown.b()), Palette.of(shown.b()), p.yMax());
    }

    private void fillTable(ActivationData.Comparison c) {
        table.getChildren().clear();
        table.getColumnConstraints().clear();
        String a = InitNames.of(c.a()), b = InitNames.of(c.b());
        String[] heads = {"", a + " mean", a + " std", b + " mean", b + " std", "std " + b + " / " + a};
        for (int col = 0; col < heads.length; col++) {
            Label h = cell(heads[col], "cmp-head");
            h.setId("cmp-head-" + col);
            table.add(h, col, 0);
        }
        int r = 1;
        for (ActivationData.Row row : c.rows()) {
            String k = row.key();
            table.add(cell(k, "cmp-rowhead"), 0, r);
            table.add(stat(k, "meanA", row.meanA()), 1, r);
            table.add(stat(k, "stdA", row.stdA()), 2, r);
            table.add(stat(k, "meanB", row.meanB()), 3, r);
            table.add(stat(k, "stdB", row.stdB()), 4, r);
            Label ratio = cell("\u00d7 " + Fmt.stat(row.stdB() / row.stdA()), "cmp-cell");
            ratio.setId("cmp-" + k + "-ratio");
            table.add(ratio, 5, r);
            r++;
        }
        for (int col = 0; col < heads.length; col++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setHalignment(col == 0 ? HPos.LEFT : HPos.RIGHT);
            table.getColumnConstraints().add(cc);
        }
        Label a1 = (Label) table.lookup("#cmp-head-1"), a2 = (Label) table.lookup("#cmp-head-2");
        Label b1 = (Label) table.lookup("#cmp-head-3"), b2 = (Label) table.lookup("#cmp-head-4");
        for (Label l : new Label[]{a1, a2}) if (l != null) l.setStyle("-fx-text-fill: " + Palette.css(Palette.of(c.a())) + ";");
        for (Label l : new Label[]{b1, b2}) if (l != null) l.setStyle("-fx-text-fill: " + Palette.css(Palette.of(c.b())) + ";");
    }

    private static Label cell(String text, String style) {
        Label l = new Label(text);
        l.getStyleClass().add(style);
        l.setMaxWidth(Double.MAX_VALUE);
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
    }

    ActivationData.Comparison shown() { return shown; }

    HistogramPanel panelA() { return panelA; }

    HistogramPanel panelB() { return panelB; }
}
