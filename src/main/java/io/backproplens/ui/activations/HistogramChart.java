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
 * <p>An {@link Outline} (the init shown before, on the same bins) is drawn as a faint step line
 * over the bars, so one picture shows before and after. Text that has no room is left out rather
 * than drawn over other text or past the canvas edge.
 *
 * <p>Drawing 80 bins takes well under a millisecond; the histogram itself is computed elsewhere.
 */
public final class HistogramChart extends CanvasChart {
    /** A histogram on the same bins drawn as an outline, with what it was (an init's name). */
    public record Outline(Histogram histogram, Color color, String name) {}

    private Histogram histogram;
    private Summary summary;
    private String xLabel = "value";
    private Color color = Palette.XAVIER;
    private long yMax;
    private Outline outline;
    private long lastDrawNanos;
    private double xLo = Double.NaN, xHi = Double.NaN, yTopShown = Double.NaN;
    private boolean outlineDrawn;
    private final List<String> drawnNotes = new ArrayList<>();

    public HistogramChart() {
        super("histogram-chart");
        setMinSize(0, 0);
        setPrefSize(520, 340);
    }

    /**
     * Shows a histogram.
     *
     * @param yMax the count at the top of the y axis, to give two charts the same scale; 0 picks it
     *             from this histogram's tallest bin
     */
    public void show(Histogram h, Summary s, String xLabel, Color color, long yMax) {
        show(h, s, xLabel, color, yMax, null);
    }

    /** Shows a histogram with another on the same bins as an outline (null for none). */
    public void show(Histogram h, Summary s, String xLabel, Color color, long yMax, Outline outline) {
        this.histogram = h;
        this.summary = s;
        this.xLabel = xLabel;
        this.color = color;
        this.yMax = yMax;
        this.outline = outline != null && outline.histogram().binning().equals(h.binning()) ? outline : null;
        draw();
    }

    public Histogram histogram() { return histogram; }

    /** The outline shown with the histogram, or null. */
    public Outline outline() { return outline; }

    /** Whether the last redraw drew the outline. */
    public boolean outlineDrawn() { return outlineDrawn; }

    /** The value range of the x axis as last drawn, {lo, hi}. */
    public double[] xRange() { return new double[]{xLo, xHi}; }

    /** The count at the top of the y axis as last drawn. */
    public double yTop() { return yTopShown; }

    /** How long the last redraw took (issuing the canvas commands), for the speed report. */
    public long lastDrawNanos() { return lastDrawNanos; }

    /** The annotations the last redraw wrote ("nan 12", "49.7% exactly 0", ...), for tests. */
    public List<String> drawnNotes() { return List.copyOf(drawnNotes); }

    /** Redraws everything; cheap, called on every change of data or size. */
    @Override
    public void draw() {
        long t0 = System.nanoTime();
        drawnNotes.clear();
        outlineDrawn = false;
        clear();
        double w = canvas.getWidth(), h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        Palette.Ink ink = ink();
        double fs = em();
        // Ticks and captions at 1 em: the back row's floor (14 px at 100%) with a margin.
        Font tickFont = font(1.0, false), labelFont = font(1.0, false), noteFont = font(1.0, true);
        double line = lineHeight(tickFont);
        if (w < 4 * fs || h < 3 * line) return;
        if (histogram == null) {
            g.setFill(ink.axis());
            g.setFont(labelFont);
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            place("waiting for data\u2026", w / 2, h / 2);
            lastDrawNanos = System.nanoTime() - t0;
            return;
        }
        Histogram.Binning b = histogram.binning();

        double top = line * 1.7;
        double bottom = fs * 0.7 + line + fs * 0.25 + line + 4;
        // A short chart keeps its ticks and drops the x title (the panel's name says what it is).
        boolean shortChart = h < top + bottom + 2.5 * line;
        if (shortChart) {
            top = line * 1.25;
            bottom = fs * 0.7 + line + 2;
        }
        double plotH = h - top - bottom;
        // The y scale: round ticks up to the tallest bin (the atom is drawn apart and may be clipped),
        // as many as fit one and a half lines apart.
        // The top is the count's alone, never the chart's height: an init switch that re-wraps a
        // caption (and so shortens the chart by a line) must not move the shared axis (400,000 to 500,000).
        long tallest = yMax > 0 ? yMax : Math.max(1, histogram.maxCount());
        int yWanted = (int) Math.max(1, Math.min(4, plotH / (line * 1.6)));
        double topStep = Ticks.niceStep(tallest / 4.0);
        double yTop = Math.max(topStep, Math.ceil(tallest / topStep - 1e-9) * topStep);
        List<Double> yTicks = Ticks.linear(0, yTop, yWanted);
        yTopShown = yTop;

        double yTickWidth = 0;
        for (double t : yTicks) yTickWidth = Math.max(yTickWidth, textWidth(Fmt.axisCount(t), tickFont));
        double left = Math.max(yTickWidth + fs * 0.5, textWidth("count", labelFont)) + 4;
        // NaN / +Inf / -Inf get their own box on the right when present.
        List<String> nfNames = new ArrayList<>();
        List<Long> nfCounts = new ArrayList<>();
        if (histogram.nanCount() > 0) { nfNames.add(Fmt.NAN); nfCounts.add(histogram.nanCount()); }
        if (histogram.posInfCount() > 0) { nfNames.add("+" + Fmt.INF); nfCounts.add(histogram.posInfCount()); }
        if (histogram.negInfCount() > 0) { nfNames.add("\u2212" + Fmt.INF); nfCounts.add(histogram.negInfCount()); }
        double nfSlot = fs * 3.4;
        double nfWidth = nfNames.isEmpty() ? 0 : nfNames.size() * nfSlot + fs;
        double right = fs * 1.2 + nfWidth;
        double px0 = left, px1 = w - right, py0 = h - bottom, py1 = top;
        // A short chart's bars may stand in a line and a half (1024x768 at 200%): short bars, but bars.
        if (px1 - px0 < 3 * fs || py0 - py1 < (shortChart ? 1.4 : 2) * line) { lastDrawNanos = System.nanoTime() - t0; return; }
        // A little room on both sides, so a spike at the edge (a ReLU's zeros) stands clear of the axis.
        double pad = (b.hi() - b.lo()) * 0.03;
        xLo = b.lo() - pad;
        xHi = b.hi() + pad;
        final double lo = xLo;
        double xScale = (px1 - px0) / (xHi - xLo);
        java.util.function.DoubleUnaryOperator px = v -> px0 + (v - lo) * xScale;
        java.util.function.DoubleUnaryOperator py = c -> py0 - Math.min(c, yTop) / yTop * (py0 - py1);

        // Grid and y ticks.
        g.setFont(tickFont);
        g.setLineWidth(1);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (double t : yTicks) {
            double y = Math.round(py.applyAsDouble(t)) + 0.5;
            g.setStroke(ink.grid());
            g.strokeLine(px0, y, px1, y);
            g.setFill(ink.axis());
            place(Fmt.axisCount(t), px0 - fs * 0.35, y);
        }
        // The y axis title, level (rotated text is hard to read from the back), above the ticks.
        g.setFont(labelFont);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        place("count", 2, 2);

        // The mean +- std band behind the bars.
        boolean haveStats = summary != null && Double.isFinite(summary.mean());
        if (haveStats && Double.isFinite(summary.std())) {
            double a = Math.max(px0, px.applyAsDouble(summary.mean() - summary.std()));
            double z = Math.min(px1, px.applyAsDouble(summary.mean() + summary.std()));
            if (z > a) {
                g.setFill(ink.band());
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
        double aw = Math.max(8, binPx * 1.2);
        double atomNoteRight = px0;
        if (histogram.hasAtom() && histogram.atomCount() > 0) {
            double spikeX = spikeX(histogram, px, aw);
            double ay = py.applyAsDouble(histogram.atomCount());
            g.setFill(Palette.ATOM);
            g.fillRect(spikeX, ay, aw, py0 - ay);
            g.setStroke(ink.axis());
            g.setLineWidth(1);
            g.strokeRect(spikeX + 0.5, ay + 0.5, aw - 1, py0 - ay - 1);
            if (histogram.atomCount() > yTop) breakMark(g, ink, spikeX + aw / 2, py1, aw + 6);
            double ax = spikeX + aw / 2;
            String note = Fmt.percent(histogram.atomShare()) + " exactly " + Fmt.plain(histogram.atom());
            g.setFont(noteFont);
            g.setFill(ink.axis());
            g.setTextBaseline(VPos.BOTTOM);
            // Beside the spike, away from the y tick labels and the canvas edge.
            double tw = textWidth(note, noteFont);
            double tx = Math.max(px0 + 2, Math.min(w - tw - 2, ax - tw / 2));
            if (ax < px0 + (px1 - px0) * 0.3) tx = Math.max(px0 + 2, ax - aw / 2);
            g.setTextAlign(TextAlignment.LEFT);
            if (place(note, tx, py1 - 3)) {
                drawnNotes.add(note);
                atomNoteRight = tx + tw;
            }
        }

        // The init shown before, on the same bins: a faint step line over the bars.
        if (outline != null) {
            Histogram o = outline.histogram();
            g.setStroke(outline.color().deriveColor(0, 1, 1, 0.85));
            g.setLineWidth(Math.max(2, fs * 0.14));
            g.setLineDashes(fs * 0.45, fs * 0.25);
            g.beginPath();
            g.moveTo(px.applyAsDouble(b.edge(0)), py0);
            for (int i = 0; i < b.bins(); i++) {
                double y = py.applyAsDouble(o.count(i));
                g.lineTo(px.applyAsDouble(b.edge(i)), y);
                g.lineTo(px.applyAsDouble(b.edge(i + 1)), y);
            }
            g.lineTo(px.applyAsDouble(b.edge(b.bins())), py0);
            g.stroke();
            if (o.hasAtom() && o.atomCount() > 0) {
                double sx = spikeX(o, px, aw), ay = py.applyAsDouble(o.atomCount());
                g.strokeRect(sx, ay, aw, py0 - ay);
            }
            g.setLineDashes();
            outlineDrawn = true;
            // Its legend, at the top right.
            String key = "- - before: " + outline.name();
            g.setFont(noteFont);
            g.setFill(ink.text(outline.color()));
            g.setTextAlign(TextAlignment.RIGHT);
            g.setTextBaseline(VPos.BOTTOM);
            if (px1 - textWidth(key, noteFont) > atomNoteRight + fs && place(key, px1, py1 - 3)) drawnNotes.add(key);
        }

        // Mean line and the +-1 std bracket.
        if (haveStats) {
            double mx = px.applyAsDouble(summary.mean());
            if (mx >= px0 && mx <= px1) {
                g.setStroke(ink.mean());
                g.setLineWidth(2);
                g.setLineDashes(6, 4);
                g.strokeLine(mx, py1, mx, py0);
                g.setLineDashes();
                g.setFont(tickFont);
                g.setFill(ink.mean());
                g.setTextBaseline(VPos.TOP);
                boolean rightHalf = mx > (px0 + px1) / 2;
                g.setTextAlign(rightHalf ? TextAlignment.RIGHT : TextAlignment.LEFT);
                place("mean", mx + (rightHalf ? -5 : 5), py1 + 2);
            }
            if (Double.isFinite(summary.std()) && summary.std() > 0 && py0 - py1 > line * 3.2) {
                double a = px.applyAsDouble(summary.mean() - summary.std());
                double z = px.applyAsDouble(summary.mean() + summary.std());
                double y = py1 + line * 1.9;
                double ca = Math.max(px0, a), cz = Math.min(px1, z);
                if (cz - ca > 6) {
                    g.setStroke(ink.mean());
                    g.setLineWidth(2);
                    g.setLineCap(StrokeLineCap.BUTT);
                    g.strokeLine(ca, y, cz, y);
                    if (a >= px0) g.strokeLine(a, y - 6, a, y + 6);
                    if (z <= px1) g.strokeLine(z, y - 6, z, y + 6);
                    // The label beside the bracket: right of it if there is room, else left.
                    g.setFont(tickFont);
                    g.setFill(ink.mean());
                    g.setTextBaseline(VPos.CENTER);
                    String label = "\u00b1 1 std";
                    double lw = textWidth(label, tickFont);
                    if (cz + 8 + lw <= px1) {
                        g.setTextAlign(TextAlignment.LEFT);
                        place(label, cz + 8, y);
                    } else if (ca - 8 - lw >= px0) {
                        g.setTextAlign(TextAlignment.RIGHT);
                        place(label, ca - 8, y);
                    }
                }
            }
        }

        // Values outside a fixed (shared) range: arrows at the sides.
        g.setFont(noteFont);
        g.setTextBaseline(VPos.BOTTOM);
        if (histogram.below() > 0) {
            String s = "\u25c0 " + Fmt.count(histogram.below()) + " below";
            g.setFill(ink.warn());
            g.setTextAlign(TextAlignment.LEFT);
            if (place(s, px0 + 4, py0 - 4)) drawnNotes.add(s);
        }
        if (histogram.above() > 0) {
            String s = Fmt.count(histogram.above()) + " above \u25b6";
            g.setFill(ink.warn());
            g.setTextAlign(TextAlignment.RIGHT);
            if (place(s, px1 - 4, py0 - 4 - (histogram.below() > 0 ? line : 0))) drawnNotes.add(s);
        }

        // Axes.
        g.setStroke(ink.axis());
        g.setLineWidth(2);
        g.strokeLine(px0, py0, px1, py0);
        g.strokeLine(px0, py0, px0, py1);

        // x ticks: as many as fit with a gap of one em between their labels.
        int wanted = (int) Math.max(2, (px1 - px0) / (fs * 4.5));
        List<Double> xTicks = Ticks.linear(xLo, xHi, wanted);
        for (int tries = 0; tries < 4 && xTicks.size() > 2; tries++) {
            double step = xTicks.get(1) - xTicks.get(0), widest = 0;
            for (double t : xTicks) widest = Math.max(widest, textWidth(Fmt.tick(t, step), tickFont));
            if (step * xScale >= widest + fs) break;
            wanted = Math.max(1, wanted / 2);
            xTicks = Ticks.linear(xLo, xHi, wanted);
        }
        double xStep = xTicks.size() > 1 ? xTicks.get(1) - xTicks.get(0) : Math.max(1e-300, xHi - xLo);
        g.setFont(tickFont);
        g.setFill(ink.axis());
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        g.setLineWidth(1);
        for (double t : xTicks) {
            double x = Math.round(px.applyAsDouble(t)) + 0.5;
            g.strokeLine(x, py0, x, py0 + fs * 0.4);
            place(Fmt.tick(t, xStep), x, py0 + fs * 0.7);
        }

        // The x axis title: in full, or its short form when the chart is narrow.
        g.setFont(labelFont);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.BOTTOM);
        String title = xLabel;
        if (textWidth(title, labelFont) > w - 4 && title.contains(" (")) title = title.substring(0, title.indexOf(" ("));
        double tx = Math.max(textWidth(title, labelFont) / 2 + 2, Math.min(w - textWidth(title, labelFont) / 2 - 2, (px0 + px1) / 2));
        if (!shortChart) place(title, tx, h - 2);

        // NaN / Inf box: same count scale, clipped with a break mark when taller.
        if (!nfNames.isEmpty()) {
            double bx0 = px1 + fs;
            g.setStroke(ink.warn());
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
                if (c > yTop) breakMark(g, ink, cx, py1, nfSlot * 0.6 + 6);
                g.setFont(noteFont);
                g.setFill(ink.warn());
                g.setTextAlign(TextAlignment.CENTER);
                g.setTextBaseline(VPos.TOP);
                place(nfNames.get(i), cx, py0 + fs * 0.7);
                g.setTextBaseline(VPos.BOTTOM);
                place(Fmt.axisCount(c), cx, Math.max(py1 + line, py0 - hgt - 2));
                drawnNotes.add(nfNames.get(i) + " " + c);
            }
        }
        lastDrawNanos = System.nanoTime() - t0;
    }

    /** Where the atom's spike starts: beside the bins when the atom is at their edge (a ReLU's 0). */
    private static double spikeX(Histogram h, java.util.function.DoubleUnaryOperator px, double aw) {
        Histogram.Binning b = h.binning();
        double ax = px.applyAsDouble(h.atom());
        return h.atom() <= b.lo() ? ax - aw - 1 : h.atom() >= b.hi() ? ax + 1 : ax - aw / 2;
    }

    /** Two slashes in the paper's colour across a clipped bar: it goes on beyond the top of the axis. */
    private static void breakMark(GraphicsContext g, Palette.Ink ink, double cx, double y, double width) {
        g.setStroke(ink.paper());
        g.setLineWidth(3);
        g.strokeLine(cx - width / 2, y + 10, cx + width / 2, y + 4);
        g.strokeLine(cx - width / 2, y + 16, cx + width / 2, y + 10);
        g.setLineWidth(1);
    }
}
