package io.backproplens.ui.activations;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.scene.paint.Color;

/** Histogram panels for a fixed list of tensors, in equal columns. */
final class PanelGrid extends GridPane {
    private final Map<String, HistogramPanel> panels = new LinkedHashMap<>();

    PanelGrid(List<String> keys, int columns) {
        getStyleClass().add("panel-grid");
        setHgap(10);
        setVgap(10);
        int rows = (keys.size() + columns - 1) / columns;
        for (int c = 0; c < columns; c++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setPercentWidth(100.0 / columns);
            cc.setHgrow(Priority.ALWAYS);
            getColumnConstraints().add(cc);
        }
        for (int r = 0; r < rows; r++) {
            RowConstraints rc = new RowConstraints();
            rc.setPercentHeight(100.0 / rows);
            rc.setVgrow(Priority.ALWAYS);
            getRowConstraints().add(rc);
        }
        for (int i = 0; i < keys.size(); i++) {
            HistogramPanel p = new HistogramPanel(keys.get(i).replace('.', '-'));
            panels.put(keys.get(i), p);
            add(p, i % columns, i / columns);
        }
    }

    void show(List<LayerData> data, Color color) {
        for (LayerData d : data) {
            HistogramPanel p = panels.get(d.key());
            if (p != null) p.show(d, null, color, 0);
        }
    }

    void setStale(boolean stale) { panels.values().forEach(p -> p.setStale(stale)); }

    HistogramPanel panel(String key) { return panels.get(key); }
}
