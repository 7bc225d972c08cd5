package io.backproplens.ui.activations;

import io.backproplens.engine.Init;
import io.backproplens.ui.core.InitNames;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/**
 * Histogram panels for a fixed list of tensors, laid out for the room there is: as many columns
 * and rows as keep every panel's text whole and its chart at least {@link #CHART_MIN_EM} tall and
 * {@link #PANEL_MIN_EM} wide (the sizes grow with the UI scale, since they are in em). When not all
 * panels fit, it shows a page of them with a pager ("relu, lin2 (2-3 of 3)"), never smaller text.
 */
final class PanelGrid extends Region {
    static final double PANEL_MIN_EM = 17, CHART_MIN_EM = 8.5, GAP_EM = 0.6;

    private final Map<String, HistogramPanel> panels = new LinkedHashMap<>();
    private final List<String> keys;
    private final HBox pager;
    private final Label pagerText = new Label();
    private final Button prev = new Button("\u25c0"), next = new Button("\u25b6");
    private Node extra;
    private int page, perPage, columns = 1, rows = 1;

    PanelGrid(String id, List<String> keys) {
        this.keys = List.copyOf(keys);
        setId(id);
        getStyleClass().add("panel-grid");
        for (String k : keys) {
            HistogramPanel p = new HistogramPanel(k.replace('.', '-'));
            panels.put(k, p);
            getChildren().add(p);
        }
        prev.setId(id + "-prev");
        next.setId(id + "-next");
        prev.setOnAction(e -> turn(-1));
        next.setOnAction(e -> turn(+1));
        pagerText.getStyleClass().add("pager-text");
        pagerText.setId(id + "-page");
        pager = new HBox(8, prev, pagerText, next);
        pager.getStyleClass().add("panel-pager");
        pager.setAlignment(Pos.CENTER_LEFT);
        getChildren().add(pager);
        perPage = keys.size();
    }

    /** A note shown in a spare cell when every panel fits with room to spare. */
    void setExtra(Node n) {
        extra = n;
        getChildren().add(n);
    }

    /** Shows {@code now}'s layers on the set's shared axes, with {@code before}'s as outlines (null: none). */
    void show(InitSet set, Init now, Init before) {
        Color color = Palette.of(now);
        for (Map.Entry<String, HistogramPanel> e : panels.entrySet()) {
            LayerData d = set.get(now, e.getKey());
            if (d == null) continue;
            LayerData was = before == null || before == now ? null : set.get(before, e.getKey());
            HistogramChart.Outline outline = was == null ? null
                    : new HistogramChart.Outline(was.histogram(), Palette.of(before), InitNames.of(before));
            e.getValue().show(d, null, color, set.yMax(e.getKey()), outline);
            e.getValue().setNotebook(NotebookBeside.text(now, e.getKey(), set.base()), NotebookBeside.why(now, e.getKey()));
        }
    }

    /** Shows layers of one model (a trained stack), each on its own axes, in one colour. */
    void show(List<LayerData> layers, Color color) {
        for (LayerData d : layers) {
            HistogramPanel p = panels.get(d.key());
            if (p == null) continue;
            p.show(d, null, color, 0, null);
            p.setNotebook("", null);
        }
    }

    /** The tensors' keys, in order. */
    List<String> keys() { return keys; }

    void setStale(boolean stale) { panels.values().forEach(p -> p.setStale(stale)); }

    HistogramPanel panel(String key) { return panels.get(key); }

    /** Panels shown at once (all of them unless the room is short). */
    int perPage() { return perPage; }

    int columns() { return columns; }

    /** Shows the page holding this panel. */
    void reveal(String key) {
        int i = keys.indexOf(key);
        if (i >= 0 && perPage > 0) { page = i / perPage; requestLayout(); }
    }

    private void turn(int d) {
        int pages = (keys.size() + perPage - 1) / perPage;
        page = Math.floorMod(page + d, Math.max(1, pages));
        requestLayout();
    }

    private double em() { return pagerText.getFont().getSize(); }

    @Override protected double computeMinWidth(double h) { return 0; }

    @Override protected double computeMinHeight(double w) { return 0; }

    @Override protected double computePrefWidth(double h) { return em() * PANEL_MIN_EM * 2; }

    @Override protected double computePrefHeight(double w) { return em() * 20; }

    @Override
    protected void layoutChildren() {
        Insets in = getInsets();
        double x0 = in.getLeft(), y0 = in.getTop();
        double W = getWidth() - in.getLeft() - in.getRight(), H = getHeight() - in.getTop() - in.getBottom();
        double em = em(), gap = GAP_EM * em;
        int n = keys.size();
        double pagerH = pager.prefHeight(-1);
        // The best arrangement: most panels at once, then the largest charts.
        int bestK = 0, bestC = 1, bestR = 1;
        double bestScore = -1;
        for (int c = 1; c <= n; c++) {
            double cw = (W - (c - 1) * gap) / c;
            if (cw < PANEL_MIN_EM * em) break;
            for (int r = 1; r <= n; r++) {
                int k = Math.min(n, c * r);
                if ((k + c - 1) / c < r) break;           // a row left empty
                double ch = (H - (k < n ? pagerH + gap : 0) - (r - 1) * gap) / r;
                double text = 0;
                for (int i = 0; i < k; i++) text = Math.max(text, panels.get(keys.get(i)).textHeight(cw));
                for (int i = k; i < n; i++) text = Math.max(text, panels.get(keys.get(i)).textHeight(cw));
                if (ch < text + CHART_MIN_EM * em) continue;
                double score = Math.min(cw, (ch - text) * 1.6);
                if (k > bestK || k == bestK && score > bestScore) {
                    bestK = k; bestC = c; bestR = r; bestScore = score;
                }
            }
        }
        if (bestK == 0) { bestK = 1; bestC = 1; bestR = 1; }
        perPage = bestK;
        columns = bestC;
        rows = bestR;
        int pages = (n + perPage - 1) / perPage;
        page = Math.min(page, pages - 1);
        boolean paged = perPage < n;
        pager.setVisible(paged);
        double gridH = H - (paged ? pagerH + gap : 0);
        double cw = (W - (columns - 1) * gap) / columns, ch = (gridH - (rows - 1) * gap) / rows;
        int first = page * perPage;
        for (int i = 0; i < n; i++) {
            HistogramPanel p = panels.get(keys.get(i));
            int j = i - first;
            boolean on = j >= 0 && j < perPage;
            p.setVisible(on);
            if (on) p.resizeRelocate(snapPositionX(x0 + (j % columns) * (cw + gap)), snapPositionY(y0 + (j / columns) * (ch + gap)),
                    snapSizeX(cw), snapSizeY(ch));
        }
        if (extra != null) {
            boolean room = !paged && columns * rows > n && extra.prefHeight(cw) <= ch;
            extra.setVisible(room);
            if (room) extra.resizeRelocate(x0 + (n % columns) * (cw + gap), y0 + (n / columns) * (ch + gap), cw, ch);
        }
        if (paged) {
            int last = Math.min(n, first + perPage);
            pagerText.setText(String.join(", ", keys.subList(first, last)) + "   (" + (first + 1)
                    + (last - first > 1 ? "\u2013" + last : "") + " of " + n + ")");
            pager.resizeRelocate(x0, y0 + H - pagerH, W, pagerH);
        }
    }
}
