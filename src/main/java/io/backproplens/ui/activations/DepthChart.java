package io.backproplens.ui.activations;

import io.backproplens.ui.common.Fmt;
import io.backproplens.stats.DepthSweep;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * The std of each layer's ReLU output against depth, log scale, one line per weight scheme. Two
 * bands frame the log axis: the top one, red, holds layers whose output is all infinity or NaN
 * (float32 overflowed: no std exists), the bottom one layers whose std is exactly 0 (float32
 * underflowed). A layer that holds some infinities or NaN among finite values gets a red ring. Each
 * of these is a {@link Marker}, and the first of each kind per scheme is labelled on the chart.
 */
public final class DepthChart extends CanvasChart {
    public enum Kind { INF, NAN, ZERO }

    /** A non-finite or underflowed layer the chart marked. */
    public record Marker(DepthSweep.Scheme scheme, int layer, Kind kind) {}

    private DepthSweep.Result result;
    private int hoverLayer = -1;
    private IntConsumer onHover = l -> {};
    private final List<Marker> markers = new ArrayList<>();
    private final List<String> labels = new ArrayList<>();
    // The mapping of the last draw, for the mouse.
    private double px0, px1;
    private int depth = 1;

    public DepthChart() {
        super("depth-chart");
        setMinSize(200, 160);
        setPrefSize(900, 560);
        setOnMouseMoved(e -> hover(e.getX()));
        setOnMouseExited(e -> {
            hoverLayer = -1;
            onHover.accept(-1);
            draw();
        });
    }


    /** Called with the layer under the mouse (from 1), or -1 when it leaves. */
    public void setOnHoverLayer(IntConsumer c) { this.onHover = c; }

    public void show(DepthSweep.Result r) {
        this.result = r;
        draw();
    }

    public DepthSweep.Result result() { return result; }

    /** What the last draw marked. */
    public List<Marker> markers() { return List.copyOf(markers); }

    /** The texts the last draw wrote on the chart beside the markers ("randn: inf at layer 45"). */
    public List<String> drawnLabels() { return List.copyOf(labels); }


    private void hover(double x) {
        if (result == null || px1 <= px0) return;
        int l = (int) Math.round(1 + (x - px0) / (px1 - px0) * Math.max(1, depth - 1));
        l = Math.max(1, Math.min(depth, l));
        if (l != hoverLayer) {
            hoverLayer = l;
            onHover.accept(l);
            draw();
        }
    }



    /** Where a layer's point goes: on the log axis, in the top band, or in the bottom band. */
    private enum Place { LOG, TOP, BOTTOM }

    private static Place place(DepthSweep.Layer l) {
        if (l.allNonFinite() || Double.isNaN(l.std()) || Double.isInfinite(l.std())) return Place.TOP;
        if (l.std() == 0) return Place.BOTTOM;
        return Place.LOG;
    }

    @Override
    public void draw() {
        markers.clear();
        labels.clear();
        clear();
        double w = canvas.getWidth(), h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        Palette.Ink ink = ink();
        double fs = em();
        Font tickFont = font(1.0, false), labelFont = font(1.0, false), noteFont = font(1.0, true);
        double line = lineHeight(tickFont);
        if (w < 6 * fs || h < 6 * line) return;
        if (result == null || result.series().isEmpty()) {
            g.setFont(labelFont);
            g.setFill(ink.axis());
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            place("running the depth sweep\u2026", w / 2, h / 2);
            return;
        }
        depth = 1;
        for (DepthSweep.Series s : result.series()) depth = Math.max(depth, s.layers().size());
        depth = Math.max(depth, result.depth());

        // The log range: every finite positive std, and 1 (the target) always in view.
        double lo = 1, hi = 1;
        for (DepthSweep.Series s : result.series()) {
            for (DepthSweep.Layer l : s.layers()) {
                if (place(l) == Place.LOG) {
                    lo = Math.min(lo, l.std());
                    hi = Math.max(hi, l.std());
                }
            }
        }
        int loExp = (int) Math.floor(Math.log10(lo)), hiExp = (int) Math.ceil(Math.log10(hi));
        if (hiExp - loExp < 2) { loExp -= 1; hiExp += 1; }

        String widest = Fmt.power(loExp).length() > Fmt.power(hiExp).length() ? Fmt.power(loExp) : Fmt.power(hiExp);
        double left = fs * 1.6 + Math.max(textWidth(widest, tickFont), textWidth(Fmt.INF + "/" + Fmt.NAN, noteFont)) + 10;
        double right = fs * 1.2, top = line * 1.4, bottom = fs * 0.7 + line * 2 + fs * 0.3;
        double band = line * 1.6;
        px0 = left;
        px1 = w - right;
        double yTopBand = top, yLog1 = top + band + fs * 0.6, yLog0 = h - bottom - band - fs * 0.6, yBottomBand = h - bottom - band;
        if (px1 - px0 < 4 * fs || yLog0 - yLog1 < 2 * line) return;
        final int lo10 = loExp, hi10 = hiExp;
        java.util.function.IntToDoubleFunction x = l -> depth == 1 ? (px0 + px1) / 2 : px0 + (l - 1) * (px1 - px0) / (depth - 1);
        java.util.function.DoubleUnaryOperator yLog = v -> yLog0 - (Math.log10(v) - lo10) / (hi10 - lo10) * (yLog0 - yLog1);
        double topCenter = yTopBand + band / 2, bottomCenter = yBottomBand + band / 2;

        // Bands.
        g.setFill(ink.overflowBand());
        g.fillRect(px0, yTopBand, px1 - px0, band);
        g.setFill(ink.underflowBand());
        g.fillRect(px0, yBottomBand, px1 - px0, band);
        g.setFont(noteFont);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        g.setFill(ink.warn());
        place(Fmt.INF + "/" + Fmt.NAN, px0 - 8, topCenter);
        g.setFill(ink.axis());
        place("0", px0 - 8, bottomCenter);
        // The y axis title, level (rotated text is hard to read from the back), above the plot.
        g.setFont(labelFont);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        String yTitle = "std of each layer's output (log scale)";
        if (textWidth(yTitle, labelFont) > w - 4) yTitle = "std (log scale)";
        place(yTitle, 2, 1);

        // Decade grid and labels, right-aligned left of the axis (the title above left them top-left).
        g.setFont(tickFont);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        g.setLineWidth(1);
        for (int e : Ticks.decades(loExp, hiExp, (int) Math.max(1, (yLog0 - yLog1) / (line * 1.5)))) {
            double y = Math.round(yLog.applyAsDouble(Math.pow(10, e))) + 0.5;
            g.setStroke(e == 0 ? ink.axis().deriveColor(0, 1, 1, 0.6) : ink.grid());
            g.setLineWidth(e == 0 ? 2 : 1);
            if (e == 0) g.setLineDashes(8, 5);
            g.strokeLine(px0, y, px1, y);
            g.setLineDashes();
            g.setFill(ink.axis());
            place(Fmt.power(e), px0 - 8, y);
        }
        // The target: std 1 keeps a deep network trainable.
        g.setFill(ink.axis());
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.BOTTOM);
        place("std = 1", px1 - 6, Math.round(yLog.applyAsDouble(1)) - 3);

        // x axis: layers.
        g.setStroke(ink.axis());
        g.setLineWidth(2);
        g.strokeLine(px0, yLog0 + fs * 0.3, px0, yLog1 - fs * 0.3);
        g.strokeLine(px0, h - bottom, px1, h - bottom);
        g.setFont(tickFont);
        g.setFill(ink.axis());
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        g.setLineWidth(1);
        double widestLayer = textWidth(Integer.toString(depth), tickFont);
        for (double t : Ticks.linear(1, depth, (int) Math.max(1, (px1 - px0) / (widestLayer + fs * 2.5)))) {
            int l = (int) Math.round(t);
            if (Math.abs(t - l) > 1e-9) continue;
            double xx = Math.round(x.applyAsDouble(l)) + 0.5;
            g.strokeLine(xx, h - bottom, xx, h - bottom + fs * 0.4);
            place(Integer.toString(l), xx, h - bottom + fs * 0.6);
        }
        g.setFont(labelFont);
        g.setTextBaseline(VPos.BOTTOM);
        String xTitle = "layer (Lin + ReLU, " + result.width() + " wide)";
        if (textWidth(xTitle, labelFont) > w - 4) xTitle = "layer";
        place(xTitle, Math.max(textWidth(xTitle, labelFont) / 2 + 2, (px0 + px1) / 2), h - 2);

        // Hover guide.
        if (hoverLayer >= 1 && hoverLayer <= depth) {
            double xx = Math.round(x.applyAsDouble(hoverLayer)) + 0.5;
            g.setStroke(ink.axis().deriveColor(0, 1, 1, 0.5));
            g.setLineWidth(1);
            g.strokeLine(xx, yTopBand, xx, h - bottom);
        }

        // Series.
        List<double[]> labelBoxes = new ArrayList<>();
        for (DepthSweep.Series s : result.series()) {
            Color c = Palette.of(s.scheme());
            double prevX = Double.NaN, prevY = Double.NaN;
            Place prevPlace = null;
            boolean labelledTop = false, labelledZero = false, labelledPartial = false;
            for (DepthSweep.Layer l : s.layers()) {
                Place p = place(l);
                double xx = x.applyAsDouble(l.index());
                double yy = switch (p) {
                    case LOG -> yLog.applyAsDouble(l.std());
                    case TOP -> topCenter;
                    case BOTTOM -> bottomCenter;
                };
                if (!Double.isNaN(prevX)) {
                    g.setStroke(c);
                    g.setLineWidth(3);
                    if (p != Place.LOG || prevPlace != Place.LOG) g.setLineDashes(5, 5);
                    g.strokeLine(prevX, prevY, xx, yy);
                    g.setLineDashes();
                }
                if (p == Place.LOG) {
                    g.setFill(c);
                    g.fillOval(xx - 4, yy - 4, 8, 8);
                    if (l.hasInf() || l.hasNan()) {
                        // Some values overflowed already: the std drawn is of the finite ones only.
                        g.setStroke(ink.warn());
                        g.setLineWidth(2.5);
                        g.strokeOval(xx - 9, yy - 9, 18, 18);
                        Kind k = l.hasNan() ? Kind.NAN : Kind.INF;
                        markers.add(new Marker(s.scheme(), l.index(), k));
                        if (!labelledPartial) {
                            labelledPartial = true;
                            note(g, noteFont, s.scheme().label() + ": first " + (k == Kind.NAN ? Fmt.NAN : Fmt.INF) + " at layer " + l.index() + " \u2192",
                                    xx - 14, yy - fs * 0.6, w, labelBoxes, ink.warn(), ink);
                        }
                    }
                } else {
                    Kind k = p == Place.BOTTOM ? Kind.ZERO : (l.relu().nanCount() > 0 || l.lin().nanCount() > 0 ? Kind.NAN : Kind.INF);
                    markers.add(new Marker(s.scheme(), l.index(), k));
                    g.setStroke(p == Place.TOP ? ink.warn() : c);
                    g.setLineWidth(3);
                    g.strokeLine(xx - 6, yy - 6, xx + 6, yy + 6);
                    g.strokeLine(xx - 6, yy + 6, xx + 6, yy - 6);
                    if (p == Place.TOP && !labelledTop) {
                        labelledTop = true;
                        note(g, noteFont, s.scheme().label() + ": all " + (k == Kind.NAN ? Fmt.NAN : Fmt.INF) + " from layer " + l.index() + " \u2192",
                                xx - 14, topCenter - fs * 0.6, w, labelBoxes, ink.warn(), ink);
                    }
                    if (p == Place.BOTTOM && !labelledZero) {
                        labelledZero = true;
                        note(g, noteFont, s.scheme().label() + ": std 0 (underflow) from layer " + l.index() + " \u2192",
                                xx - 14, bottomCenter - fs * 0.6, w, labelBoxes, ink.text(c), ink);
                    }
                }
                prevX = xx;
                prevY = yy;
                prevPlace = p;
            }
        }
    }

    /** A label near a point, moved up when it would cover an earlier one; left out when it finds no room. */
    private void note(GraphicsContext g, Font f, String text, double cx, double y, double w,
                      List<double[]> boxes, Color color, Palette.Ink ink) {
        double tw = textWidth(text, f), th = lineHeight(f);
        if (tw > px1 - px0) return;
        // Right-aligned, ending at cx: the label points at its marker from the left.
        double x0 = Math.max(px0 + 2, Math.min(w - tw - 4, cx - tw));
        g.setFont(f);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        double yy = y;
        for (int tries = 0; tries < 6; tries++) {
            boolean hit = false;
            for (double[] b : boxes) {
                if (x0 < b[2] && x0 + tw > b[0] && yy < b[3] && yy + th > b[1]) { hit = true; break; }
            }
            if (!hit && yy >= 0) {
                g.setFill(ink.paper().deriveColor(0, 1, 1, 0.85));
                g.fillRect(x0 - 3, yy, tw + 6, th);
                g.setFill(color);
                if (place(text, x0, yy)) {
                    boxes.add(new double[]{x0, yy, x0 + tw, yy + th});
                    labels.add(text);
                }
                return;
            }
            yy -= th;
        }
    }
}
