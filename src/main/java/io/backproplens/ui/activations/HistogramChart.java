package io.backproplens.ui.activations;

import io.backproplens.ui.common.Fmt;
import io.backproplens.stats.Histogram;
import io.backproplens.stats.Summary;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * A histogram drawn on a canvas, sized to its region: labelled axes with round ticks, the bars,
 * the atom (a ReLU's exact zeros) as its own orange spike with its share written above it, the
 * mean as a dashed line and the mean ± one std as a bracket, and NaN / +Inf / -Inf as red bars in
 * a separate box at the right, on the same count scale. Nothing is left out silently.
 *
 * <p>Drawing 80 bins takes well under a millisecond; the histogram itself is computed elsewhere.
 */
public final class HistogramChart extends CanvasChart {

    private Histogram histogram;
    private Summary summary;
    private String xLabel = "value";
    private Color color = Palette.XAVIER;
    private long yMax;
    private long lastDrawNanos;
    private final List<String> drawnNotes = new ArrayList<>();

    public HistogramChart() {
        super("histogram-chart");
        setMinSize(160, 120);
        setPrefSize(520, 340);
    }


    /**
     * Shows a histogram.
     *
     * @param yMax the count at the top of the y axis, to give two charts the same scale; 0 picks it
     *             from this histogram's tallest bin
     */
    public void show(Histogram h, Summary s, String xLabel, Color color, long yMax) {
        this.histogram = h;
        this.summary = s;
        this.xLabel = xLabel;
        this.color = color;
        this.yMax = yMax;
        draw();
    }

    public Histogram histogram() { return histogram; }

    /** How long the last redraw took (issuing the canvas commands), for the speed report. */
    public long lastDrawNanos() { return lastDrawNanos; }

    /** The annotations the last redraw wrote ("nan 12", "49.7% exactly 0", ...), for tests. */
    public List<String> drawnNotes() { return List.copyOf(drawnNotes); }




    /** Redraws everything; cheap, called on every change of data or size. */
    @Override
    public void draw() {
        long t0 = System.nanoTime();
        drawnNotes.clear();
        double w = canvas.getWidth(), h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, w, h);
        if (w < 40 || h < 40) return;
        double fs = fontSizeProperty().get();
        Font tickFont = font(0.85, false), labelFont = font(0.95, false), noteFont = font(0.85, true);
        if (histogram == null) {
            g.setFill(Palette.AXIS);
            g.setFont(labelFont);
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText("waiting for data\u2026", w / 2, h / 2);
            lastDrawNanos = System.nanoTime() - t0;
            return;
        }
        Histogram.Binning b = histogram.binning();

        // The y scale: round ticks up to the tallest bin (the atom is drawn apart and may be clipped).
        long tallest = yMax > 0 ? yMax : Math.max(1, histogram.maxCount());
        double yStep = Ticks.niceStep(tallest / 4.0);
        double yTop = Math.max(yStep, Math.ceil(tallest / yStep - 1e-9) * yStep);
        List<Double> yTicks = Ticks.linear(0, yTop, 4);

        double yTickWidth = 0;
        for (double t : yTicks) yTickWidth = Math.max(yTickWidth, textWidth(Fmt.axisCount(t), tickFont));
        double left = fs * 1.5 + yTickWidth + 8;
        double top = fs * 1.6;
        double bottom = fs * 0.85 * 1.3 + 8 + fs * 0.95 * 1.3 + 6;
        // NaN / +Inf / -Inf get their own box on the right when present.
        List<String> nfNames = new ArrayList<>();
        List<Long> nfCounts = new ArrayList<>();
        if (histogram.nanCount() > 0) { nfNames.add(Fmt.NAN); nfCounts.add(histogram.nanCount()); }
        if (histogram.posInfCount() > 0) { nfNames.add("+" + Fmt.INF); nfCounts.add(histogram.posInfCount()); }
        if (histogram.negInfCount() > 0) { nfNames.add("\u2212" + Fmt.INF); nfCounts.add(histogram.negInfCount()); }
        double nfSlot = fs * 3.4;
        double nfWidth = nfNames.isEmpty() ? 0 : nfNames.size() * nfSlot + fs;
        double right = 14 + nfWidth;
        double px0 = left, px1 = w - right, py0 = h - bottom, py1 = top;
        if (px1 - px0 < 30 || py0 - py1 < 30) return;
        // A little room on both sides, so a spike at the edge (a ReLU's zeros) stands clear of the axis.
        double pad = (b.hi() - b.lo()) * 0.03;
        double xLo = b.lo() - pad, xHi = b.hi() + pad;
        double xScale = (px1 - px0) / (xHi - xLo);
        java.util.function.DoubleUnaryOperator px = v -> px0 + (v - xLo) * xScale;
        java.util.function.DoubleUnaryOperator py = c -> py0 - Math.min(c, yTop) / yTop * (py0 - py1);

        // Grid and y ticks.
        g.setFont(tickFont);
        g.setLineWidth(1);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (double t : yTicks) {
            double y = Math.round(py.applyAsDouble(t)) + 0.5;
            g.setStroke(Palette.GRID);
            g.strokeLine(px0, y, px1, y);
            g.setFill(Palette.AXIS);
            g.fillText(Fmt.axisCount(t), px0 - 6, y);
        }

        // The mean +- std band behind the bars.
        boolean haveStats = summary != null && Double.isFinite(summary.mean());
        if (haveStats && Double.isFinite(summary.std())) {
            double a = Math.max(px0, px.applyAsDouble(summary.mean() - summary.std()));
            double z = Math.min(px1, px.applyAsDouble(summary.mean() + summary.std()));
            if (z > a) {
                g.setFill(Color.gray(0.5, 0.10));
                g.fillRect(a, py1, z - a, py0 - py1);
            }
        }

        // Bars.
        g.setFill(color);
        double binPx = b.width() * xScale;
        double gap = binPx >= 5 ? 1 : 0;
        for (int i = 0; i < b.bins(); i++) {
            long c = histogram.count(i);
            if (c == 0) continue;
            double x0 = px.applyAsDouble(b.edge(i)), x1 = px.applyAsDouble(b.edge(i + 1));
            double y = py.applyAsDouble(c);
            // A bin with a few values still shows: at least one pixel tall.
            double hgt = Math.max(1, py0 - y);
            g.fillRect(x0, py0 - hgt, Math.max(1, x1 - x0 - gap), hgt);
        }

        // The atom: an orange spike, its share written above the plot.
        if (histogram.hasAtom() && histogram.atomCount() > 0) {
            double ax = px.applyAsDouble(histogram.atom());
            double aw = Math.max(8, binPx * 1.2);
            // At an edge of the bins (a ReLU's 0 is the smallest value) the spike stands just outside
            // them, in the padding, so it does not hide the first bin.
            double spikeX = histogram.atom() <= b.lo() ? ax - aw - 1 : histogram.atom() >= b.hi() ? ax + 1 : ax - aw / 2;
            double ay = py.applyAsDouble(histogram.atomCount());
            g.setFill(Palette.ATOM);
            g.fillRect(spikeX, ay, aw, py0 - ay);
            g.setStroke(Palette.AXIS);
            g.strokeRect(spikeX + 0.5, ay + 0.5, aw - 1, py0 - ay - 1);
            if (histogram.atomCount() > yTop) breakMark(g, spikeX + aw / 2, py1, aw + 6);
            ax = spikeX + aw / 2;
            String note = Fmt.percent(histogram.atomShare()) + " exactly " + Fmt.plain(histogram.atom());
            g.setFont(noteFont);
            g.setFill(Palette.AXIS);
            g.setTextBaseline(VPos.BOTTOM);
            // Beside the spike, away from the y tick labels and the canvas edge.
            double tw = textWidth(note, noteFont);
            double tx = Math.max(px0 + 2, Math.min(w - tw - 2, ax - tw / 2));
            if (ax < px0 + (px1 - px0) * 0.3) tx = Math.max(px0 + 2, ax - aw / 2);
            g.setTextAlign(TextAlignment.LEFT);
            g.fillText(note, tx, py1 - 4);
            drawnNotes.add(note);
        }

        // Mean line and the +-1 std bracket.
        if (haveStats) {
            double mx = px.applyAsDouble(summary.mean());
            if (mx >= px0 && mx <= px1) {
                g.setStroke(Palette.MEAN);
                g.setLineWidth(2);
                g.setLineDashes(6, 4);
                g.strokeLine(mx, py1, mx, py0);
                g.setLineDashes();
                g.setFont(tickFont);
                g.setFill(Palette.MEAN);
                g.setTextBaseline(VPos.TOP);
                g.setTextAlign(mx > (px0 + px1) / 2 ? TextAlignment.RIGHT : TextAlignment.LEFT);
                g.fillText("mean", mx + (mx > (px0 + px1) / 2 ? -5 : 5), py1 + 2);
            }
            if (Double.isFinite(summary.std()) && summary.std() > 0) {
                double a = px.applyAsDouble(summary.mean() - summary.std());
                double z = px.applyAsDouble(summary.mean() + summary.std());
                double y = py1 + fs * 1.6;
                double ca = Math.max(px0, a), cz = Math.min(px1, z);
                if (cz - ca > 6) {
                    g.setStroke(Palette.MEAN);
                    g.setLineWidth(2);
                    g.setLineCap(StrokeLineCap.BUTT);
                    g.strokeLine(ca, y, cz, y);
                    if (a >= px0) g.strokeLine(a, y - 6, a, y + 6);
                    if (z <= px1) g.strokeLine(z, y - 6, z, y + 6);
                    // The label beside the bracket: right of it if there is room, else left.
                    g.setFont(tickFont);
                    g.setFill(Palette.MEAN);
                    g.setTextBaseline(VPos.CENTER);
                    String label = "\u00b1 1 std";
                    double lw = textWidth(label, tickFont);
                    if (cz + 8 + lw <= px1) {
                        g.setTextAlign(TextAlignment.LEFT);
                        g.fillText(label, cz + 8, y);
                    } else {
                        g.setTextAlign(TextAlignment.RIGHT);
                        g.fillText(label, Math.max(px0 + lw + 2, ca - 8), y);
                    }
                }
            }
        }

        // Values outside a fixed (shared) range: arrows at the sides.
        g.setFont(noteFont);
        g.setTextBaseline(VPos.BOTTOM);
        if (histogram.below() > 0) {
            String s = "\u25c0 " + Fmt.count(histogram.below()) + " below";
            g.setFill(Palette.NON_FINITE);
            g.setTextAlign(TextAlignment.LEFT);
            g.fillText(s, px0 + 4, py0 - 4);
            drawnNotes.add(s);
        }
        if (histogram.above() > 0) {
            String s = Fmt.count(histogram.above()) + " above \u25b6";
            g.setFill(Palette.NON_FINITE);
            g.setTextAlign(TextAlignment.RIGHT);
            g.fillText(s, px1 - 4, py0 - 4);
            drawnNotes.add(s);
        }

        // Axes.
        g.setStroke(Palette.AXIS);
        g.setLineWidth(2);
        g.strokeLine(px0, py0, px1, py0);
        g.strokeLine(px0, py0, px0, py1);

        // x ticks.
        List<Double> xTicks = Ticks.linear(xLo, xHi, (int) Math.max(2, (px1 - px0) / (fs * 5.5)));
        double xStep = xTicks.size() > 1 ? xTicks.get(1) - xTicks.get(0) : Math.max(1e-300, xHi - xLo);
        g.setFont(tickFont);
        g.setFill(Palette.AXIS);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        g.setLineWidth(1);
        for (double t : xTicks) {
            double x = Math.round(px.applyAsDouble(t)) + 0.5;
            g.strokeLine(x, py0, x, py0 + 5);
            g.fillText(Fmt.tick(t, xStep), x, py0 + 7);
        }

        // Axis labels.
        g.setFont(labelFont);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText(xLabel, (px0 + px1) / 2, h - 4);
        g.save();
        g.translate(fs * 0.2, (py0 + py1) / 2);
        g.rotate(-90);
        g.setTextBaseline(VPos.TOP);
        g.fillText("count", 0, 0);
        g.restore();

        // NaN / Inf box: same count scale, clipped with a break mark when taller.
        if (!nfNames.isEmpty()) {
            double bx0 = px1 + fs;
            g.setStroke(Palette.NON_FINITE);
            g.setLineWidth(1.5);
            g.setLineDashes(4, 3);
            g.strokeRect(bx0 - fs * 0.5, py1, nfWidth - fs * 0.5, py0 - py1);
            g.setLineDashes();
            for (int i = 0; i < nfNames.size(); i++) {
                double cx = bx0 + i * nfSlot + nfSlot / 2 - fs * 0.25;
                long c = nfCounts.get(i);
                double y = py.applyAsDouble(c);
                double hgt = Math.max(2, py0 - y);
                g.setFill(Palette.NON_FINITE);
                g.fillRect(cx - nfSlot * 0.3, py0 - hgt, nfSlot * 0.6, hgt);
                if (c > yTop) breakMark(g, cx, py1, nfSlot * 0.6 + 6);
                g.setFont(noteFont);
                g.setTextAlign(TextAlignment.CENTER);
                g.setTextBaseline(VPos.TOP);
                g.fillText(nfNames.get(i), cx, py0 + 7);
                g.setTextBaseline(VPos.BOTTOM);
                g.fillText(Fmt.axisCount(c), cx, Math.max(py1 + fs, py0 - hgt - 2));
                drawnNotes.add(nfNames.get(i) + " " + c);
            }
        }
        lastDrawNanos = System.nanoTime() - t0;
    }

    /** Two white slashes across a clipped bar: it goes on beyond the top of the axis. */
    private static void breakMark(GraphicsContext g, double cx, double y, double width) {
        g.setStroke(Color.WHITE);
        g.setLineWidth(3);
        g.strokeLine(cx - width / 2, y + 10, cx + width / 2, y + 4);
        g.strokeLine(cx - width / 2, y + 16, cx + width / 2, y + 10);
        g.setLineWidth(1);
    }
}
