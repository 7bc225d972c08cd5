package io.backproplens.ui.network;

import io.backproplens.engine.TensorRef;
import io.backproplens.engine.TraceStep;
import io.backproplens.ui.common.ColorMap;
import io.backproplens.ui.common.DigitImage;
import io.backproplens.ui.common.Fmt;
import io.backproplens.ui.common.MatrixSample;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Rectangle;
import javafx.util.Duration;

import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The notebook's model as a graph, drawn in fixed logical coordinates ({@link #WIDTH} x
 * {@link #HEIGHT}; a {@link ZoomPane} scales it): Input (the selected digit and its label) ->
 * Lin1 -> ReLU -> hidden units -> Lin2 -> MSE with the target, and the loss. Operations are boxes,
 * tensors are the edges between them, each labelled by a clickable chip with its shape for the
 * current batch; a tensor's {@code .g} appears under it once the backward pass has computed it.
 * The hidden units are circles filled by their activation for the selected sample, and w2's
 * weights are lines coloured by sign (red positive, blue negative) and as thick as they are large.
 *
 * <p>Everything on it comes from the trace at the current step, so a step back shows exactly
 * what existed then.
 */
public final class NetworkGraph extends Pane {
    public static final double WIDTH = 1500;
    public static final double HEIGHT = 390;
    private static final double FLOW_Y = 205;
    /** Hidden units drawn at most; more are summarised in a note. */
    static final int MAX_UNITS = 200;

    private final Consumer<String> onSelect;
    /** Under everything else: w2's many lines. */
    private final javafx.scene.Group lines = new javafx.scene.Group();

    public NetworkGraph(Consumer<String> onSelect) {
        this.onSelect = onSelect;
        getStyleClass().add("network-graph");
        setMinSize(WIDTH, HEIGHT);
        setPrefSize(WIDTH, HEIGHT);
        setMaxSize(WIDTH, HEIGHT);
    }

    /** Draws the graph as it is after step {@code step} of the cursor's trace. */
    public void show(TraceCursor cursor, int step, int sample, String selected) {
        getChildren().clear();
        Rectangle background = new Rectangle(WIDTH, HEIGHT, Color.TRANSPARENT);
        getChildren().addAll(background, lines);
        lines.getChildren().clear();
        if (cursor == null) return;
        View v = new View(cursor, step, sample, selected);
        v.draw();
    }

    /** The chip of a tensor (e.g. {@code "w1.g"}) currently on the graph, or null. */
    public Label chip(String label) {
        Node n = lookup("#" + chipId(label));
        return n instanceof Label l ? l : null;
    }

    static String chipId(String label) { return "chip-" + label.replace('.', '-'); }

    /** One drawing of the graph for one step; a fresh object per draw keeps the state local. */
    private final class View {
        final TraceCursor cursor;
        final int step;
        final int sample;
        final String selected;
        final Map<String, TensorRef> offered;
        final Set<String> reads;
        final Set<String> writes;
        final String module;
        final boolean backward;

        View(TraceCursor cursor, int step, int sample, String selected) {
            this.cursor = cursor;
            this.step = step;
            this.sample = sample;
            this.selected = selected;
            this.offered = cursor.offered(step);
            this.reads = cursor.reads(step);
            this.writes = cursor.writes(step);
            this.module = cursor.module(step);
            TraceStep s = cursor.step(step);
            this.backward = s != null && s.phase() == TraceStep.Phase.BACKWARD;
        }

        void draw() {
            input(10, 40, 180, 320);
            edge("x", 190, 380);
            opBox("lin1", "Lin1", "x @ w1 + b1", 380, 125);
            params(355, 10, "w1", "b1", 380 + 62.5);
            edge("l1", 505, 655);
            String shift = relu() == 0 ? "clamp_min(0.)" : "clamp_min(0.) - " + Fmt.num(relu());
            opBox("relu", "ReLU", shift, 655, 120);
            edge("l2", 775, 905);
            double[] unitsBox = hidden(912, 28, HEIGHT - 30);
            opBox("lin2", "Lin2", "l2 @ w2 + b2", 1130, 120);
            w2Lines(unitsBox, 1130);
            params(1105, 10, "w2", "b2", 1130 + 60);
            edge("out", 1250, 1385);
            outputValue(1317, FLOW_Y + 58);
            opBox("mse", "MSE", "loss", 1385, 105);
            target(1437, 300);
            loss(1437, 105);
        }

        double relu() {
            // The ReLU's shift shows in its bound formula; the settings are not needed here.
            TraceStep s = cursor.step(cursor.indexOf("relu", TraceStep.Phase.FORWARD));
            if (s == null) return 0;
            String f = s.formulas().get(0);
            int at = f.lastIndexOf(" - ");
            try {
                return at < 0 ? 0 : Double.parseDouble(f.substring(at + 3));
            } catch (NumberFormatException e) {
                return 0;
            }
        }

        void input(double x, double y, double w, double h) {
            Rectangle box = new Rectangle(x, y, w, h);
            box.getStyleClass().addAll("op-box", "input-box");
            box.setArcWidth(14);
            box.setArcHeight(14);
            add(box);
            add(text("Input", x + w / 2, y + 22, "op-title"));
            TensorRef xr = offered.get("x");
            DigitImage digit = new DigitImage(150);
            digit.setId("input-digit");
            digit.setLayoutX(x + (w - 150) / 2);
            digit.setLayoutY(y + 48);
            if (xr != null && xr.shape().length == 2 && xr.shape()[1] == 784 && sample < xr.shape()[0]) {
                digit.show(MatrixSample.row(xr.array(), sample), ColorMap.VIRIDIS);
            } else {
                digit.show(null, ColorMap.VIRIDIS);
            }
            add(digit);
            TensorRef yr = offered.get("y");
            String label = yr == null ? "?" : Fmt.num(MatrixSample.get(yr.array(), 0, sample));
            Label l = text("label " + label, x + w / 2, y + 226, "input-label");
            l.setId("input-label");
            add(l);
            add(text("sample " + sample, x + w / 2, y + 262, "op-sub"));
        }

        /** A box for an operation; the active one (the step's module) is highlighted. */
        void opBox(String name, String title, String sub, double x, double w) {
            double h = 90, y = FLOW_Y - h / 2;
            Rectangle box = new Rectangle(x, y, w, h);
            box.setId("op-" + name);
            box.getStyleClass().add("op-box");
            if (name.equals(module)) box.getStyleClass().add(backward ? "active-backward" : "active");
            box.setArcWidth(14);
            box.setArcHeight(14);
            add(box);
            add(text(title, x + w / 2, y + 30, "op-title"));
            add(text(sub, x + w / 2, y + 62, "op-sub"));
        }

        /** A tensor between two ops: an arrow, its chip above and its gradient's chip below. */
        void edge(String name, double x0, double x1) {
            boolean exists = offered.containsKey(name);
            boolean gradWritten = writes.contains(name + ".g");
            Line line = new Line(x0, FLOW_Y, x1 - 2, FLOW_Y);
            line.getStyleClass().add("edge");
            if (!exists) line.getStyleClass().add("edge-absent");
            if (writes.contains(name)) line.getStyleClass().add("edge-write");
            else if (reads.contains(name)) line.getStyleClass().add("edge-read");
            add(line);
            add(arrowHead(x1 - 2, FLOW_Y, true, line.getStyleClass().contains("edge-write") ? "arrow-write" : "arrow"));
            if (gradWritten) {
                Line back = new Line(x1 - 6, FLOW_Y + 8, x0 + 10, FLOW_Y + 8);
                back.getStyleClass().addAll("edge", "edge-grad");
                add(back);
                add(arrowHead(x0 + 4, FLOW_Y + 8, false, "arrow-grad"));
            }
            double mid = (x0 + x1) / 2;
            add(centred(chip(name), mid, FLOW_Y - 26));
            if (offered.containsKey(name + ".g")) add(centred(chip(name + ".g"), mid, FLOW_Y + 34));
        }

        /** A layer's parameters as a little table of chips above it, joined to the box by a line. */
        void params(double x, double y, String w, String b, double boxCentre) {
            VBox rows = new VBox(6);
            rows.setLayoutX(x);
            rows.setLayoutY(y);
            for (String p : new String[]{w, b}) {
                javafx.scene.layout.HBox row = new javafx.scene.layout.HBox(6, chip(p));
                if (offered.containsKey(p + ".g")) row.getChildren().add(chip(p + ".g"));
                rows.getChildren().add(row);
            }
            Line link = new Line(boxCentre, y + 80, boxCentre, FLOW_Y - 45);
            link.getStyleClass().addAll("edge", "param-link");
            if (reads.contains(w) || reads.contains(b)) link.getStyleClass().add("edge-read");
            add(link);
            add(rows);
        }

        /** The hidden units, filled by their activation l2 for the selected sample; returns their box. */
        double[] hidden(double x, double top, double bottom) {
            TensorRef l2 = offered.get("l2");
            TensorRef w1 = offered.get("w1");
            int nh = w1 == null ? 0 : (int) w1.shape()[1];
            int n = Math.min(nh, MAX_UNITS);
            if (n == 0) return new double[]{x, top, 0, 0};
            int perCol = Math.min(n, 25);
            int cols = (n + perCol - 1) / perCol;
            double pitch = (bottom - top - 24) / perCol;
            double r = Math.min(pitch * 0.42, 12);
            double colGap = Math.max(2 * r + 3, 8);
            float[] act = null;
            if (l2 != null && sample < l2.shape()[0]) act = MatrixSample.row(l2.array(), sample);
            double lo = 0, hi = 1;
            if (act != null) {
                lo = Double.POSITIVE_INFINITY;
                hi = Double.NEGATIVE_INFINITY;
                for (float a : act) {
                    lo = Math.min(lo, a);
                    hi = Math.max(hi, a);
                }
            }
            Label caption = text(nh + " hidden units", x + cols * colGap / 2, top - 4, "op-sub");
            caption.setId("hidden-caption");
            add(caption);
            boolean active = "relu".equals(module) && !backward;
            for (int j = 0; j < n; j++) {
                int c = j / perCol, rIdx = j % perCol;
                double cx = x + r + c * colGap;
                double cy = top + 24 + pitch * (rIdx + 0.5);
                Circle unit = new Circle(cx, cy, r);
                unit.getStyleClass().add("unit");
                if (active) unit.getStyleClass().add("unit-active");
                if (act != null) {
                    unit.setFill(ColorMap.VIRIDIS.color(act[j], lo, hi));
                    Tooltip.install(unit, tooltip("unit " + j + ": l2[" + sample + ", " + j + "] = " + Fmt.num(act[j])));
                } else {
                    unit.getStyleClass().add("unit-empty");
                }
                add(unit);
            }
            if (nh > n) add(text("first " + n + " of " + nh + " shown", x + cols * colGap / 2, bottom, "op-sub"));
            return new double[]{x, top + 24, cols * colGap, pitch, r, perCol, n};
        }

        /** w2 as one line per hidden unit into Lin2: red for positive, blue for negative, width by size. */
        void w2Lines(double[] units, double lin2X) {
            TensorRef w2 = offered.get("w2");
            int n = units.length > 6 ? (int) units[6] : 0;
            if (w2 == null || n == 0) return;
            double pitch = units[3], r = units[4];
            int perCol = (int) units[5];
            double colGap = Math.max(2 * r + 3, 8);
            float[] w = new float[n];
            double max = 0;
            for (int j = 0; j < n; j++) {
                w[j] = MatrixSample.get(w2.array(), j, 0);
                max = Math.max(max, Math.abs(w[j]));
            }
            boolean active = "lin2".equals(module);
            for (int j = 0; j < n; j++) {
                int c = j / perCol, rIdx = j % perCol;
                double cx = units[0] + r + c * colGap + r;
                double cy = units[1] + pitch * (rIdx + 0.5);
                Line l = new Line(cx, cy, lin2X, FLOW_Y);
                l.getStyleClass().add("w2-line");
                l.setStroke(w[j] >= 0 ? Color.web("#b2182b") : Color.web("#2166ac"));
                l.setStrokeWidth(0.6 + 5.0 * (max == 0 ? 0 : Math.abs(w[j]) / max));
                l.setOpacity(active ? 0.95 : 0.6);
                Tooltip.install(l, tooltip("w2[" + j + ", 0] = " + Fmt.num(w[j])));
                lines.getChildren().add(l);
            }
        }

        void outputValue(double cx, double y) {
            TensorRef out = offered.get("out");
            if (out == null || sample >= out.shape()[0]) return;
            Label l = text("out[" + sample + "] = " + Fmt.num(MatrixSample.get(out.array(), sample, 0)), cx, y + 24, "value-text");
            l.setId("output-value");
            add(l);
        }

        void target(double cx, double y) {
            TensorRef yr = offered.get("y");
            Line up = new Line(cx, y - 18, cx, FLOW_Y + 47);
            up.getStyleClass().add("edge");
            if (reads.contains("y")) up.getStyleClass().add("edge-read");
            add(up);
            add(arrowHeadUp(cx, FLOW_Y + 47, up.getStyleClass().contains("edge-read") ? "arrow-read" : "arrow"));
            add(centred(chip("y"), cx, y));
            if (yr != null && sample < yr.array().length()) {
                add(text("target y[" + sample + "] = " + Fmt.num(MatrixSample.get(yr.array(), 0, sample)), cx - 40, y + 40, "value-text"));
            }
        }

        void loss(double cx, double y) {
            TensorRef l = offered.get("loss");
            Line up = new Line(cx, FLOW_Y - 47, cx, y + 20);
            up.getStyleClass().add("edge");
            if (l == null) up.getStyleClass().add("edge-absent");
            if (writes.contains("loss")) up.getStyleClass().add("edge-write");
            add(up);
            add(centred(chip("loss"), cx, y));
            if (l != null) {
                Label v = text("= " + Fmt.num(MatrixSample.get(l.array(), 0, 0)), cx, y - 42, "value-text");
                v.setId("loss-value");
                add(v);
            }
        }

        /**
         * A tensor's chip: its label and shape. Absent (not yet computed at this step) values show
         * greyed without a shape; chips of what the step reads or writes are highlighted.
         */
        Label chip(String label) {
            TensorRef ref = offered.get(label);
            Label c = new Label(ref == null ? label : label + " " + ref.shapeText());
            c.setId(chipId(label));
            c.getStyleClass().addAll("chip", label.endsWith(".g") ? "chip-grad" : "chip-value");
            if (ref == null) {
                c.getStyleClass().add("chip-absent");
            } else {
                if (writes.contains(label)) c.getStyleClass().add("chip-write");
                else if (reads.contains(label)) c.getStyleClass().add("chip-read");
                if (label.equals(selected)) c.getStyleClass().add("chip-selected");
                c.setOnMouseClicked(e -> {
                    if (e.isStillSincePress()) onSelect.accept(label);
                    e.consume();
                });
                c.setTooltip(tooltip("Inspect " + label + " (" + ref.shapeText() + ")"));
            }
            return c;
        }

        <T extends Node> T add(T n) {
            getChildren().add(n);
            return n;
        }
    }

    private static Tooltip tooltip(String s) {
        Tooltip t = new Tooltip(s);
        t.setShowDelay(Duration.millis(150));
        return t;
    }

    /** A label centred on (cx, cy) once its size is known. */
    private static Label centred(Label l, double cx, double cy) {
        l.layoutXProperty().bind(l.widthProperty().multiply(-0.5).add(cx));
        l.layoutYProperty().bind(l.heightProperty().multiply(-0.5).add(cy));
        return l;
    }

    private static Label text(String s, double cx, double cy, String style) {
        Label l = new Label(s);
        l.getStyleClass().add(style);
        l.setAlignment(Pos.CENTER);
        return centred(l, cx, cy);
    }

    private static Polygon arrowHead(double x, double y, boolean right, String style) {
        double d = right ? -14 : 14;
        Polygon p = new Polygon(x, y, x + d, y - 7, x + d, y + 7);
        p.getStyleClass().add(style);
        return p;
    }

    private static Polygon arrowHeadUp(double x, double y, String style) {
        Polygon p = new Polygon(x, y, x - 7, y + 14, x + 7, y + 14);
        p.getStyleClass().add(style);
        return p;
    }
}
