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
    /**
     * Where not even one panel fits with a full chart (1024x768 and 1280x720 at 200%), one panel
     * leaves out its line of counts and keeps a short chart this tall: the ticks without the x title,
     * as {@link HistogramChart} draws a short one. Below it the chart would draw nothing at all.
     */
    static final double SHORT_CHART_MIN_EM = 6;

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
        int[] best = arrange(W, H, pagerH, CHART_MIN_EM, false);
        boolean shortOfRoom = best == null;
        if (shortOfRoom) best = arrange(W, H, pagerH, SHORT_CHART_MIN_EM, true);
        // Not even that: one panel, with all the room the pager can leave it.
        if (best == null) best = new int[]{1, 1, 1, keys.size() > 1 && pagerFitsBeside(W, 1) ? 1 : 0};
        setCompact(shortOfRoom);
        perPage = best[0];
        columns = best[1];
        rows = best[2];
        pagerBeside = best[3] == 1;
        place(x0, y0, W, H, pagerH, gap);
    }

    private boolean compact;
    /** The pager stands on the top-right panel's name line instead of a row of its own (short of room). */
    private boolean pagerBeside;

    private void setCompact(boolean on) {
        if (on == compact) return;
        compact = on;
        panels.values().forEach(p -> p.setCompact(on));
    }

    /**
     * The best arrangement, {panels, columns, rows, pager beside}: most panels at once, then the
     * largest charts; null if none fits. Compact: the panels leave out their line of counts, and the
     * pager moves up beside the top-right panel's name where it fits there.
     */
    private int[] arrange(double W, double H, double pagerH, double chartMinEm, boolean compact) {
        double em = em(), gap = GAP_EM * em;
        int n = keys.size();
        int bestK = 0, bestC = 1, bestR = 1;
        boolean bestBeside = false;
        double bestScore = -1;
        for (int c = 1; c <= n; c++) {
            double cw = (W - (c - 1) * gap) / c;
            if (cw < PANEL_MIN_EM * em) break;
            for (int r = 1; r <= n; r++) {
                int k = Math.min(n, c * r);
                if ((k + c - 1) / c < r) break;           // a row left empty
                boolean beside = compact && k < n && pagerFitsBeside(cw, k);
                double ch = (H - (k < n && !beside ? pagerH + gap : 0) - (r - 1) * gap) / r;
                double text = 0;
                for (int i = 0; i < k; i++) text = Math.max(text, panels.get(keys.get(i)).textHeight(cw, compact));
                for (int i = k; i < n; i++) text = Math.max(text, panels.get(keys.get(i)).textHeight(cw, compact));
                if (ch < text + chartMinEm * em) continue;
                double score = Math.min(cw, (ch - text) * 1.6);
                if (k > bestK || k == bestK && score > bestScore) {
                    bestK = k; bestC = c; bestR = r; bestScore = score; bestBeside = beside;
                }
            }
        }
        return bestK == 0 ? null : new int[]{bestK, bestC, bestR, bestBeside ? 1 : 0};
    }

    /** Whether the pager of pages of k panels fits on a name line this wide, right of the widest name and formula. */
    private boolean pagerFitsBeside(double panelWidth, int k) {
        double head = 0;
        for (HistogramPanel p : panels.values()) head = Math.max(head, p.headWidth());
        return head + besideWidth(k) + 2 * em() <= panelWidth;
    }

    /** "(2 of 5)", "(2\u20133 of 5)"; beside a name the pager says only this (the name is the panel's own). */
    private String rangeText(int first, int last) {
        return "(" + (first + 1) + (last - first > 1 ? "\u2013" + last : "") + " of " + keys.size() + ")";
    }

    /** The pager's width beside a name, at its widest text for pages of k panels. */
    private double besideWidth(int k) {
        int n = keys.size();
        javafx.scene.text.Text t = new javafx.scene.text.Text(rangeText(n - k, n));
        t.setFont(pagerText.getFont());
        Insets pi = pager.getInsets();
        return pi.getLeft() + pi.getRight() + prev.prefWidth(-1) + next.prefWidth(-1) + 2 * pager.getSpacing()
                + t.getLayoutBounds().getWidth() + em();
    }

    private void place(double x0, double y0, double W, double H, double pagerH, double gap) {
        int n = keys.size();
        int pages = (n + perPage - 1) / perPage;
        page = Math.min(page, pages - 1);
        boolean paged = perPage < n;
        pager.setVisible(paged);
        double gridH = H - (paged && !pagerBeside ? pagerH + gap : 0);
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
            String range = rangeText(first, last);
            pagerText.setText(pagerBeside ? range : String.join(", ", keys.subList(first, last)) + "   " + range);
            // Beside a name it stands on the panel, so it carries the panel's background (and the
            // contrast audit, which looks through a node's parents, sees that background).
            if (pagerBeside != pager.getStyleClass().contains("beside")) {
                if (pagerBeside) pager.getStyleClass().add("beside");
                else pager.getStyleClass().remove("beside");
            }
            if (pagerBeside) {
                double pw = besideWidth(perPage);
                pager.resizeRelocate(x0 + W - pw - em() * 0.5, y0 + em() * 0.3, pw, pagerH);
            } else {
                pager.resizeRelocate(x0, y0 + H - pagerH, W, pagerH);
            }
        }
    }
}
