package io.backproplens.ui.train;

import io.backproplens.ui.common.Fmt;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

import java.util.ArrayList;
import java.util.List;

/**
 * Per-batch curves against the epoch (x) on a log scale (y: losses and gradient norms span
 * decades, and a diverging init must not flatten the others), with points on the same axis or on
 * a 0-100% axis at the right (accuracy). Long series are decimated to one value per pixel column
 * (the band of the raw values between their min and max, the last smoothed value), so a frame
 * costs the same after 10 epochs as after 10 batches.
 */
final class CurveChart extends ChartCanvas {
    /** Values by batch: entry i is batch i+1. */
    interface Values {
        int size();

        double get(int i);
    }

    /** A curve; {@code band}: draw the raw values as a faint band behind, not a line. */
    record Line(Color color, Values values, boolean band, double width) {}

    /** Marked points at x (epochs), on the log axis or, {@code right}, on the 0..1 axis. */
    record Points(Color color, double[] x, double[] y, boolean right) {}

    private List<Line> lines = List.of();
    private List<Points> points = List.of();
    private int batchesPerEpoch = 1;
    private double xMax = 1;
    private String rightTitle;
    private String empty = "";

    CurveChart(String styleClass) { super(styleClass); }

    /**
     * @param rightTitle the right axis's title (0..100%), or null for none
     * @param empty      what the chart says while it has no values
     */
    void show(List<Line> lines, List<Points> points, int batchesPerEpoch, double xMax, String rightTitle, String empty) {
        this.lines = List.copyOf(lines);
        this.points = List.copyOf(points);
        this.batchesPerEpoch = Math.max(1, batchesPerEpoch);
        this.xMax = Math.max(xMax, 1e-9);
        this.rightTitle = rightTitle;
        this.empty = empty;
        invalidate();
    }

    int lineCount() { return lines.size(); }

    @Override
    protected void draw(GraphicsContext g, double w, double h) {
        Font tick = tickFont();
        g.setFont(tick);
        double fs = tick.getSize();
        // The y range: every finite positive value of the lines (bands by their raw values) and log-axis points.
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (Line l : lines) {
            for (int i = 0, n = l.values().size(); i < n; i++) {
                double v = l.values().get(i);
                if (v > 0 && v < Double.POSITIVE_INFINITY) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
            }
        }
        for (Points p : points) {
            if (p.right()) continue;
            for (double v : p.y()) if (v > 0 && v < Double.POSITIVE_INFINITY) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
        }
        boolean any = lo <= hi;
        if (!any) { lo = 0.1; hi = 10; }
        double lLo = Math.floor(Math.log10(lo) * 4) / 4, lHi = Math.ceil(Math.log10(hi) * 4) / 4;
        if (lHi - lLo < 0.5) { lLo -= 0.25; lHi += 0.25; }
        // Ticks at least 1.3 lines apart: 1-2-5 per decade if they fit, else decades, else every k-th decade.
        double plotH = h - fs * 0.9 - fs * 2.8;
        List<Double> yTicks = logTicks(lLo, lHi, plotH, fs * 1.3);

        double left = 0;
        for (double t : yTicks) left = Math.max(left, textWidth(tickText(t), tick));
        left += fs * 0.6;
        double right = rightTitle == null ? fs * 0.8 : textWidth("100%", tick) + fs * 0.6;
        final double top = fs * 0.9, bottom = fs * 2.8;
        final double leftF = left;
        double pw = w - left - right, ph = h - top - bottom;
        if (pw < 10 || ph < 10) return;
        final double yl = lLo, yh = lHi;
        java.util.function.DoubleUnaryOperator ly = v -> top + ph * (1 - (Math.log10(v) - yl) / (yh - yl));
        java.util.function.DoubleUnaryOperator ry = v -> top + ph * (1 - v);
        java.util.function.DoubleUnaryOperator x = e -> leftF + pw * e / xMax;

        // Grid and ticks.
        g.setLineWidth(1);
        g.setStroke(grid());
        g.setFill(ink());
        for (double t : yTicks) {
            double y = ly.applyAsDouble(t);
            g.strokeLine(left, y, left + pw, y);
            text(g, tickText(t), left - fs * 0.3, y, TextAlignment.RIGHT, VPos.CENTER);
        }
        double xStep = niceStep(xMax, Math.max(2, (int) (pw / (fs * 5))));
        for (double e = 0; e <= xMax + 1e-9; e += xStep) {
            double px = x.applyAsDouble(e);
            g.strokeLine(px, top, px, top + ph);
            text(g, Fmt.tick(e, xStep), px, top + ph + fs * 0.25, TextAlignment.CENTER, VPos.TOP);
        }
        text(g, "epoch", left + pw / 2, top + ph + fs * 1.45, TextAlignment.CENTER, VPos.TOP);
        if (rightTitle != null) {
            // No 0%: it would sit on the last epoch's tick label. Every 50% when 25% steps would touch.
            int stepPct = ph / 4 >= fs * 1.3 ? 25 : ph / 2 >= fs * 1.3 ? 50 : 100;
            for (int p = stepPct; p <= 100; p += stepPct) {
                text(g, p + "%", left + pw + fs * 0.3, ry.applyAsDouble(p / 100.0), TextAlignment.LEFT, VPos.CENTER);
            }
        }
        g.setStroke(ink());
        g.strokeRect(left, top, pw, ph);
        if (!any && points.isEmpty()) {
            text(g, empty, left + pw / 2, top + ph / 2, TextAlignment.CENTER, VPos.CENTER);
            return;
        }

        g.save();
        g.beginPath();
        g.rect(left, top, pw, ph);
        g.clip();
        int cols = (int) Math.ceil(pw);
        for (Line l : lines) drawLine(g, l, cols, left, pw, ly);
        for (Points p : points) {
            var yOf = p.right() ? ry : ly;
            double r = fs * 0.22;
            g.setStroke(p.color());
            g.setLineWidth(Math.max(1.5, fs * 0.1));
            g.beginPath();
            boolean started = false;
            for (int i = 0; i < p.x().length; i++) {
                double v = p.y()[i];
                if (!(p.right() ? Double.isFinite(v) : v > 0 && v < Double.POSITIVE_INFINITY)) { started = false; continue; }
                double px = x.applyAsDouble(p.x()[i]), py = yOf.applyAsDouble(v);
                if (started) g.lineTo(px, py); else g.moveTo(px, py);
                started = true;
            }
            g.stroke();
            g.setFill(p.color());
            for (int i = 0; i < p.x().length; i++) {
                double v = p.y()[i];
                if (!(p.right() ? Double.isFinite(v) : v > 0 && v < Double.POSITIVE_INFINITY)) continue;
                double px = x.applyAsDouble(p.x()[i]), py = yOf.applyAsDouble(v);
                if (p.right()) g.fillRect(px - r, py - r, 2 * r, 2 * r);
                else g.fillOval(px - r, py - r, 2 * r, 2 * r);
            }
        }
        g.restore();
    }

    /** One value per pixel column: the min-max band of the raw values, or the last value as a polyline. */
    private void drawLine(GraphicsContext g, Line l, int cols, double left, double pw, java.util.function.DoubleUnaryOperator ly) {
        int n = l.values().size();
        if (n == 0) return;
        double[] mn = new double[cols + 1], mx = new double[cols + 1], last = new double[cols + 1];
        java.util.Arrays.fill(mn, Double.NaN);
        java.util.Arrays.fill(mx, Double.NaN);
        java.util.Arrays.fill(last, Double.NaN);
        double perBatch = pw / (xMax * batchesPerEpoch);
        for (int i = 0; i < n; i++) {
            double v = l.values().get(i);
            int c = (int) Math.min(cols, Math.max(0, (i + 1) * perBatch));
            if (!(v > 0 && v < Double.POSITIVE_INFINITY)) { last[c] = Double.NaN; continue; }
            mn[c] = Double.isNaN(mn[c]) ? v : Math.min(mn[c], v);
            mx[c] = Double.isNaN(mx[c]) ? v : Math.max(mx[c], v);
            last[c] = v;
        }
        if (l.band()) {
            g.setFill(Color.color(l.color().getRed(), l.color().getGreen(), l.color().getBlue(), 0.28));
            double dot = Math.max(1.5, l.width());
            for (int c = 0; c <= cols; c++) {
                if (Double.isNaN(mn[c])) continue;
                double y1 = ly.applyAsDouble(mx[c]), y2 = ly.applyAsDouble(mn[c]);
                g.fillRect(left + c - dot / 2, y1 - dot / 2, dot, Math.max(dot, y2 - y1 + dot));
            }
            return;
        }
        g.setStroke(l.color());
        g.setLineWidth(l.width());
        g.beginPath();
        boolean started = false;
        for (int c = 0; c <= cols; c++) {
            if (Double.isNaN(last[c])) {
                if (Double.isNaN(mn[c])) continue;  // no batch lands in this column
                started = false;                    // a non-finite value breaks the line
                continue;
            }
            double px = left + c, py = ly.applyAsDouble(last[c]);
            if (started) g.lineTo(px, py); else g.moveTo(px, py);
            started = true;
        }
        g.stroke();
    }

    /**
     * Tick values between 10^lo and 10^hi for an axis {@code height} px tall whose labels need
     * {@code minGap} px: 1, 2 and 5 per decade when they fit, else 1 and 3, else every decade, else
     * every k-th decade.
     */
    static List<Double> logTicks(double lo, double hi, double height, double minGap) {
        double perDecade = height / Math.max(1e-9, hi - lo);
        // The tightest gap of each set, in decades: 1 to 2 (and 5 to 10) is log10(2); 1 to 3 is log10(3).
        int[][] sets = {{1, 2, 5}, {1, 3}, {1}};
        double[] tightest = {Math.log10(2), Math.log10(3), 1};
        for (int k = 0; k < sets.length; k++) {
            if (perDecade * tightest[k] >= minGap) return ticks(lo, hi, sets[k], 1);
        }
        int stride = (int) Math.ceil(minGap / Math.max(1e-9, perDecade));
        return ticks(lo, hi, new int[]{1}, stride);
    }

    private static List<Double> ticks(double lo, double hi, int[] mantissas, int stride) {
        List<Double> t = new ArrayList<>();
        for (int e = (int) Math.floor(lo); e <= Math.ceil(hi); e++) {
            if (Math.floorMod(e, stride) != 0) continue;
            for (int m : mantissas) {
                double v = m * Math.pow(10, e), lv = Math.log10(v);
                if (lv >= lo - 1e-9 && lv <= hi + 1e-9) t.add(v);
            }
        }
        return t;
    }

    /** A log tick as short as it can be: 0.5, 20, 1e7, 1e-5. */
    static String tickText(double v) {
        if (v >= 1e4 || v < 1e-3) {
            int e = (int) Math.floor(Math.log10(v) + 1e-9);
            long m = Math.round(v / Math.pow(10, e));
            return m + "e" + e;
        }
        return Fmt.num(v);
    }

    /** A 1, 2, 5 step giving about {@code wanted} ticks over [0, span]. */
    static double niceStep(double span, int wanted) {
        double raw = span / wanted, p = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[]{1, 2, 5, 10}) if (m * p >= raw) return m * p;
        return 10 * p;
    }
}
