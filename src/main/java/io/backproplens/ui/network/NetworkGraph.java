package io.backproplens.ui.network;

import io.backproplens.engine.TensorRef;
import io.backproplens.engine.TraceStep;
import io.backproplens.ui.common.ColorMap;
import io.backproplens.ui.common.DigitImage;
import io.backproplens.ui.common.Fmt;
import io.backproplens.ui.common.MatrixSample;
import io.backproplens.ui.core.Motion;
import javafx.geometry.Pos;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.Shape;
import javafx.util.Duration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The notebook's model as a graph, drawn in fixed logical coordinates ({@link #WIDTH} x
 * {@link #HEIGHT}; a {@link ZoomPane} scales it): Input (the selected digit and its label) ->
 * Lin1 -> ReLU -> hidden units -> Lin2 -> MSE with the target, and the loss. Operations are boxes,
 * tensors are the edges between them, each labelled by a clickable chip with its shape for the
 * current batch; a tensor's {@code .g} appears under it once the backward pass has computed it.
 * The hidden units are circles filled by their activation (l2) for the selected sample, and w2's
 * weights are lines coloured by sign (red positive, blue negative) and as thick as they are large.
 *
 * <p>The nodes are built once per pass and sample; a step only changes what is visible and
 * highlighted, all of it read from the trace at that step, so a step back shows exactly what
 * existed then. With a {@link Motion}, one Next forward also moves what the step computes along
 * the edges ({@link GraphMotion}), in a layer above the graph that is empty again once it ends.
 *
 * <p>In a narrow, tall column (the tabs beside the graph, 150-200% on a small screen) the
 * notebook's network is drawn top to bottom instead ({@link #setVertical}), about
 * {@link #V_WIDTH} units wide.
 */
public final class NetworkGraph extends Pane {
    public static final double WIDTH = 1600;
    public static final double HEIGHT = 350;
    private static final double FLOW_Y = 195;
    /** What a short pane keeps in view: the parameters above, the flow and the gradients under it. */
    private static final double FOCUS_HEIGHT = 290;
    /** Hidden units drawn at most; more are summarised in a note. */
    static final int MAX_UNITS = 200;
    private static final String[] CHIP_STATES = {"chip-absent", "chip-read", "chip-write", "chip-selected"};

    private final Consumer<String> onSelect;
    /**
     * One tooltip for every unit, line and chip, its text set on hover: a Tooltip is a popup window
     * with its own scene, and building a hundred of them stalled the FX thread for 300 ms.
     */
    private final Tooltip tip = new Tooltip();
    private final Group lines = new Group();

    // What the nodes were built for.
    private TraceCursor builtCursor;
    private int builtSample = -1;

    // Nodes updated at every step.
    private final Map<String, Label> chips = new LinkedHashMap<>();
    private final Map<String, Shape[]> edges = new LinkedHashMap<>();
    private final Map<String, Shape[]> backEdges = new LinkedHashMap<>();
    private final Map<String, Rectangle> boxes = new LinkedHashMap<>();
    private final List<Circle> units = new ArrayList<>();
    private float[] unitValues;
    private Label mseSub;
    private Label lossValue;
    /** Each Lin's link from its parameters to its box, by the weight's label ({@code w1}). */
    private final Map<String, Line> paramLinks = new LinkedHashMap<>();
    /** The drawn plan of a model other than the notebook's, or null (the notebook's graph). */
    private StackPlan plan;
    /** Whether a deep stack shows every layer instead of folding the middle ones. */
    private boolean expanded;
    private Rectangle foldBox;
    /** The width (content units) the pane shows at the graph's floor scale; a stack wider than that folds. */
    private double widthBudget = Double.POSITIVE_INFINITY;
    /** The stack's width drawn as planned (its middle folded from depth 4), before fitting the budget. */
    private double plannedWidth;
    /**
     * The stack folded to fit: every hidden layer in one box, the edge chips' shapes under their
     * names, so a trained stack fits a 1280 px window at 100% instead of being followed step by step.
     */
    private boolean fitted;
    /** Edge chips that show their shape on a line under their name (the fitted drawing). */
    private final Set<String> twoLine = new java.util.HashSet<>();
    private Label foldSub;
    /** Called after a click folds or unfolds the middle layers (the view redraws and refits). */
    private Runnable onRefold = () -> {};
    /** The drawing's logical width: {@link #WIDTH} for the notebook's network, more for a deep stack. */
    private final javafx.beans.property.ReadOnlyDoubleWrapper contentWidth = new javafx.beans.property.ReadOnlyDoubleWrapper(WIDTH);
    /** The drawing's logical height: {@link #HEIGHT}, or the top-to-bottom drawing's length. */
    private final javafx.beans.property.ReadOnlyDoubleWrapper contentHeight = new javafx.beans.property.ReadOnlyDoubleWrapper(HEIGHT);
    /**
     * The notebook's network drawn top to bottom in a column (beside the tabs in a window short for
     * its UI scale), so the active box shows with the tensor before it and the module after it.
     */
    private boolean vertical;
    /** Chips that show their name only (the top-to-bottom drawing's gradients and parameters; the shape is in the tooltip and the formulas). */
    private final Set<String> nameOnly = new java.util.HashSet<>();
    /** In the top-to-bottom drawing, what to keep in view at each module's step (and at the start, key ""). */
    private final Map<String, javafx.geometry.Bounds> verticalFocus = new java.util.HashMap<>();

    // Motion between steps: the paths values travel along, and the layer the travellers fly in.
    /** For each tensor, the lines it travels along (an edge, a parameter's link, a gradient's back edge). */
    private final Map<String, List<Line>> routes = new LinkedHashMap<>();
    /** Above everything, never hit by the pointer; empty whenever no animation runs. */
    private final Group motionLayer = new Group();
    private javafx.geometry.Bounds unitsArea;
    private Motion motion;
    /** The step (and whether its values were hidden) last drawn; MIN_VALUE: nothing yet. */
    private int shownStep = Integer.MIN_VALUE;
    private boolean shownHidden;

    public NetworkGraph(Consumer<String> onSelect) {
        this.onSelect = onSelect;
        getStyleClass().add("network-graph");
        setMinSize(WIDTH, HEIGHT);
        setPrefSize(WIDTH, HEIGHT);
        setMaxSize(WIDTH, HEIGHT);
        tip.setShowDelay(Duration.millis(150));
        motionLayer.setMouseTransparent(true);
        motionLayer.setId("graph-motion");
    }

    /** Animates steps with {@code motion} (null: every step lands at once). */
    public void setMotion(Motion motion) { this.motion = motion; }

    /** The motion of this graph's steps, or null. */
    public Motion motion() { return motion; }

    /** What flies between steps; empty once the animation has ended. */
    Group motionLayer() { return motionLayer; }

    /** Draws the graph as it is after step {@code step} of the cursor's trace. */
    public void show(TraceCursor cursor, int step, int sample, String selected) {
        show(cursor, step, sample, selected, false);
    }

    /**
     * As {@link #show(TraceCursor, int, int, String)}; {@code hidden} (predict mode, before the
     * reveal): the step is active but what it writes shows as "?".
     */
    public void show(TraceCursor cursor, int step, int sample, String selected, boolean hidden) {
        if (cursor == null) {
            if (motion != null) motion.finish();
            getChildren().clear();
            builtCursor = null;
            shownStep = Integer.MIN_VALUE;
            return;
        }
        boolean rebuilt = cursor != builtCursor || sample != builtSample;
        if (rebuilt) {
            if (motion != null) motion.finish();
            build(cursor, sample);
        }
        boolean hide = hidden && step >= 0;
        // The graph is drawn in its final state first; the animation only decorates it.
        update(cursor, step, selected, hide);
        if (motion != null && (rebuilt || step != shownStep || hide != shownHidden)) {
            // One Next forward, or the reveal of a predicted step: what the step computes moves.
            boolean oneForward = !rebuilt && !hide
                    && (step == shownStep + 1 && !shownHidden || step == shownStep && shownHidden);
            motion.stepped(oneForward, () -> GraphMotion.of(this, cursor, step, motion.duration()),
                    motionLayer.getChildren()::clear);
        }
        shownStep = step;
        shownHidden = hide;
    }

    /** The chip of a tensor (e.g. {@code "w1.g"}), or null; it is visible only if the tensor exists. */
    public Label chip(String label) { return chips.get(label); }

    /** The op box of a module ({@code lin1, relu, lin2, mse}); for a folded layer, the fold's box. */
    public Rectangle box(String module) {
        Rectangle b = boxes.get(module);
        if (b == null && plan != null && plan.fold() != null && plan.fold().modules().contains(module)) return foldBox;
        return b;
    }

    /** The drawing's logical width (content units), for the zoom pane. */
    public javafx.beans.property.ReadOnlyDoubleProperty contentWidthProperty() { return contentWidth.getReadOnlyProperty(); }

    /** The drawing's logical height (content units), for the zoom pane. */
    public javafx.beans.property.ReadOnlyDoubleProperty contentHeightProperty() { return contentHeight.getReadOnlyProperty(); }

    /** Draws the notebook's network top to bottom ({@code true}) or left to right; the view redraws. */
    void setVertical(boolean on) {
        if (on == vertical) return;
        vertical = on;
        builtCursor = null;
        onRefold.run();
    }

    /** The width (content units) of the left-to-right drawing, whichever is on screen: what the layout plans with. */
    double flatWidth() { return plan == null ? WIDTH : contentWidth.get(); }

    /**
     * The width (content units) the top-to-bottom drawing takes, or 0 where there is none (a trained
     * stack): the layout gives the graph this column beside the tabs.
     */
    double verticalWidth() {
        if (plan != null) return 0;
        return builtCursor == null ? V_WIDTH : Math.max(V_WIDTH, verticalWidthOf(builtCursor.offered(builtCursor.size() - 1)));
    }

    /** What is drawn for a stack other than the notebook's network, or null. */
    StackPlan plan() { return plan; }

    /** Whether a deep stack's middle layers are drawn one by one. */
    public boolean expanded() { return expanded; }

    /** Folds ({@code false}) or unfolds a deep stack's middle layers; the view redraws. */
    public void setExpanded(boolean on) {
        if (on == expanded) return;
        expanded = on;
        builtCursor = null;
        onRefold.run();
    }

    void onRefold(Runnable r) { onRefold = r; }

    /**
     * The width (content units) the pane shows at the floor scale: a trained stack wider than that
     * is drawn folded to fit (unless unfolded by a click, then the view follows the step).
     */
    void setWidthBudget(double units) {
        if (!(units > 0) || units == widthBudget) return;
        widthBudget = units;
        if (plan != null && !expanded && (plannedWidth > units) != fitted) {
            builtCursor = null;
            onRefold.run();
        }
    }

    /** Whether the stack on screen is folded to fit the pane's width. */
    boolean fitted() { return fitted; }

    /**
     * The part of the graph to keep in view for a module's step (content units): its box with the
     * tensors on either side; the input at the start.
     */
    public javafx.geometry.Bounds focusOf(String module) {
        if (plan == null && vertical && !verticalFocus.isEmpty()) {
            javafx.geometry.Bounds f = verticalFocus.get(module == null ? "" : module);
            return f != null ? f : verticalFocus.get("");
        }
        Rectangle b = module == null ? null : box(module);
        if (b == null) return new javafx.geometry.BoundingBox(0, 0, 700, FOCUS_HEIGHT);
        return new javafx.geometry.BoundingBox(b.getX() - 200, 0, b.getWidth() + 400, FOCUS_HEIGHT);
    }

    static String chipId(String label) { return "chip-" + label.replace('.', '-'); }

    // ------------------------------------------------------------------ build (per pass and sample)

    private void build(TraceCursor cursor, int sample) {
        builtCursor = cursor;
        builtSample = sample;
        chips.clear();
        edges.clear();
        backEdges.clear();
        boxes.clear();
        units.clear();
        routes.clear();
        motionLayer.getChildren().clear();
        lines.getChildren().clear();
        paramLinks.clear();
        foldBox = null;
        foldSub = null;
        unitsArea = null;
        unitValues = null;
        // Everything that will exist by the end of the pass: x, w1, ... and every .g.
        Map<String, TensorRef> all = cursor.offered(cursor.size() - 1);
        List<Node> nodes = new ArrayList<>();
        twoLine.clear();
        nameOnly.clear();
        verticalFocus.clear();
        if (!StackPlan.isNotebook(cursor.trace())) {
            plan = StackPlan.of(cursor.trace(), expanded);
            fitted = false;
            plannedWidth = stackWidth(all);
            if (!expanded && plannedWidth > widthBudget) {
                plan = StackPlan.of(cursor.trace(), false, true);
                fitted = true;
            }
            buildStack(nodes, all, sample);
            return;
        }
        plan = null;
        if (vertical) {
            buildVertical(nodes, all, cursor, sample);
            return;
        }
        resizeTo(WIDTH);
        nodes.add(new Rectangle(WIDTH, HEIGHT, Color.TRANSPARENT));
        nodes.add(lines);

        input(nodes, all, sample, 5, 15, 170, 320);
        edge(nodes, all, "x", 175, 385);
        opBox(nodes, "lin1", "Lin1", "x @ w1 + b1", 385, 150);
        paramLinks.put("w1", params(nodes, all, 350, 4, "w1", "b1", 385 + 75));
        edge(nodes, all, "l1", 535, 735);
        double shift = reluShift(cursor);
        opBox(nodes, "relu", "ReLU", shift == 0 ? "clamp_min(0.)" : "clamp_min(0.) - " + Fmt.num(shift), 735, 140);
        Line toUnits = new Line(875, FLOW_Y, 918, FLOW_Y);
        Polygon head = arrowHead(930, FLOW_Y, true);
        arrow(nodes, "l2", toUnits, head);
        UnitBlock unitsBox = hidden(nodes, all, sample, 935, 58, 300);
        opBox(nodes, "lin2", "Lin2", "l2 @ w2 + b2", 1200, 140);
        w2Lines(all, unitsBox, 1200);
        // l2 read by Lin2 travels from the units into its box (the path of the w2 lines).
        route("l2", new Line(unitsArea.getMaxX(), FLOW_Y, 1200, FLOW_Y));
        paramLinks.put("w2", params(nodes, all, 1160, 4, "w2", "b2", 1200 + 70));
        edge(nodes, all, "out", 1340, 1450);
        mseSub = opBox(nodes, "mse", "MSE", "", 1455, 130);
        mseSub.setId("mse-sample");
        target(nodes, all, 1515, 312);
        loss(nodes, all, 1515, 62);
        nodes.add(motionLayer);
        getChildren().setAll(nodes);
    }

    // ------------------------------------------------------------------ the notebook's network, top to bottom

    /**
     * The top-to-bottom drawing's least width (content units): a tensor's chip and its gradient's side
     * by side, 434 px at 200% (1024x768 leaves the graph 446 px beside the tabs' headers).
     */
    static final double V_WIDTH = 271;
    /**
     * The width (content units) of the left-to-right drawing's widest step with what comes before and
     * after it: Lin2, from l2's chip over the units (918) to MSE's box grown around its term (1606).
     */
    static final double FLAT_NEIGHBOURHOOD = 700;
    /** Where the flow runs down, and where a Lin's parameters stand beside its box. */
    private static final double V_FLOW_X = 90, V_PARAMS_X = 150;
    /** An edge's length: its chips' row, then the arrow into the next box. */
    private static final double V_EDGE = 60;

    /** A chip's width in the top-to-bottom drawing (its padding is narrower: "chip-tight"), with a 3 px border. */
    private static double tightChipWidth(String text) { return text.length() * 15.1 + 12; }

    /** The width the top-to-bottom drawing needs for this pass's widest row of chips ("out 50000x1" and "out.g"). */
    private static double verticalWidthOf(Map<String, TensorRef> all) {
        double w = 0;
        for (String t : new String[]{"x", "l1", "l2", "out"}) {
            TensorRef r = all.get(t);
            w = Math.max(w, 2 + tightChipWidth(r == null ? t : t + " " + r.shapeText()) + 3 + tightChipWidth(t + ".g") + 2);
        }
        return w;
    }

    /**
     * The notebook's network in a column, for a window short of width and height at its UI scale:
     * Input, then each module's box under the tensor it reads, the tensors as downward arrows with
     * their chip and their gradient's side by side, Lin's parameters beside its box, the hidden units
     * in rows, and the target and the loss under MSE. Every module's step has a part of about 290
     * units (the pane's height at 200% on 1024x768) with the tensor before its box and what follows
     * it ({@link #focusOf}). Gradients and parameters show their names only: their shapes are in the
     * formulas under the step and in the tooltips, and with them the rows would not fit the column.
     */
    private void buildVertical(List<Node> nodes, Map<String, TensorRef> all, TraceCursor cursor, int sample) {
        double width = Math.max(V_WIDTH, verticalWidthOf(all));
        nodes.add(lines);
        double inputH = 150;
        Rectangle in = new Rectangle(2, 2, width - 4, inputH - 4);
        in.getStyleClass().addAll("op-box", "input-box");
        in.setArcWidth(14);
        in.setArcHeight(14);
        nodes.add(in);
        nodes.add(text("Input", 62, 22, "op-title"));
        TensorRef xr = all.get("x");
        DigitImage digit = new DigitImage(100);
        digit.setId("input-digit");
        digit.setLayoutX(12);
        digit.setLayoutY(42);
        boolean ok = xr != null && xr.shape().length == 2 && xr.shape()[1] == 784 && sample < xr.shape()[0];
        digit.show(ok ? MatrixSample.row(xr.array(), sample) : null, ColorMap.VIRIDIS);
        nodes.add(digit);
        TensorRef yr = all.get("y");
        String label = yr == null || sample >= yr.array().length() ? "?" : Fmt.num(MatrixSample.get(yr.array(), 0, sample));
        double side = (112 + width - 2) / 2;
        Label l = text("label " + label, side, 70, "input-label");
        l.setId("input-label");
        nodes.add(l);
        nodes.add(text("sample " + sample, side, 112, "op-sub"));
        verticalFocus.put("", bounds(width, 0, 290));

        double y = inputH;
        double xTop = y;
        vEdge(nodes, all, "x", y);
        y += V_EDGE;
        y = vLin(nodes, all, "lin1", "Lin1", "x @ w1\n+ b1", "w1", "b1", y);
        double l1Top = y;
        vEdge(nodes, all, "l1", y);
        y += V_EDGE;
        double shift = reluShift(cursor);
        double reluH = shift == 0 ? 76 : 96;
        vBox(nodes, "relu", "ReLU", shift == 0 ? "clamp_min(0.)" : "clamp_min(0.)\n- " + Fmt.num(shift), y, 140, reluH);
        y += reluH;
        verticalFocus.put("lin1", bounds(width, xTop + 4, y));

        // ReLU's output is l2: the hidden units in rows, with its chips under them.
        Line toUnits = new Line(V_FLOW_X, y, V_FLOW_X, y + 4);
        Polygon head = arrowDown(V_FLOW_X, y + 16);
        arrow(nodes, "l2", toUnits, head);
        double unitsTop = y + 20;
        int nh = hiddenCount(all);
        int n = Math.min(nh, MAX_UNITS);
        int perRow = Math.max(10, (n + 3) / 4);
        double colGap = (width - 12) / perRow;
        double r = Math.min(colGap * 0.42, 11);
        double pitch = 2 * r + 5;
        int rows = n == 0 ? 0 : (n + perRow - 1) / perRow;
        List<javafx.geometry.Point2D> centres = units(nodes, all, sample, n, r,
                j -> new javafx.geometry.Point2D(6 + colGap * (j % perRow + 0.5), unitsTop + pitch * (j / perRow + 0.5)));
        double unitsBottom = unitsTop + rows * pitch;
        unitsArea = new javafx.geometry.BoundingBox(6, unitsTop, width - 12, rows * pitch);
        if (nh > n) {
            nodes.add(text("first " + n + " of " + nh, width / 2, unitsBottom + 12, "op-sub"));
            unitsBottom += 26;
        }
        y = unitsBottom + 2;
        double l2Top = y;
        vChips(nodes, all, "l2", y);
        y += V_EDGE;
        verticalFocus.put("relu", bounds(width, l1Top + 4, l2Top + 44));
        // w2's lines run from the units into Lin2, behind l2's chips; l2 read by Lin2 travels the same way.
        w2Lines(all, centres, V_FLOW_X, y);
        route("l2", new Line(V_FLOW_X, unitsBottom, V_FLOW_X, y));
        y = vLin(nodes, all, "lin2", "Lin2", "l2 @ w2\n+ b2", "w2", "b2", y);
        double outTop = y;
        vEdge(nodes, all, "out", y);
        y += V_EDGE;
        mseSub = vBox(nodes, "mse", "MSE", "", y, 150, 76);
        mseSub.setId("mse-sample");
        y += 76;
        verticalFocus.put("lin2", bounds(width, l2Top + 4, y));

        // Under MSE: the target going in (left) and the loss coming out (right), its value under it.
        double mb = y;
        Line up = new Line(40, mb + 26, 40, mb + 16);
        Polygon upHead = arrowHeadUp(40, mb + 2);
        arrow(nodes, "y", up, upHead);
        nodes.add(leftAt(chip(all, "y"), 2, mb + 44));
        double lx = V_FLOW_X + 50;
        Line down = new Line(lx, mb, lx, mb + 74);
        down.getStyleClass().add("edge");
        edges.put("loss", new Shape[]{down});
        route("loss", down);
        nodes.add(down);
        nodes.add(centred(chip(all, "loss"), lx, mb + 92));
        lossValue = text("", lx, mb + 134, "value-text");
        lossValue.setId("loss-value");
        nodes.add(lossValue);
        double height = mb + 160;
        verticalFocus.put("mse", bounds(width, outTop + 4, height - 8));

        nodes.add(0, new Rectangle(width, height, Color.TRANSPARENT));
        nodes.add(motionLayer);
        getChildren().setAll(nodes);
        for (Label c : chips.values()) c.getStyleClass().add("chip-tight");
        resizeTo(width, height);
    }

    private static javafx.geometry.Bounds bounds(double width, double top, double bottom) {
        return new javafx.geometry.BoundingBox(0, top, width, bottom - top);
    }

    /** A module's box on the downward flow, from {@code top}; returns its second line of text. */
    /** A tensor's arrow, drawn and kept as its edge and route (lit while a step reads or writes it). */
    private void arrow(List<Node> nodes, String name, Line line, Polygon head) {
        line.getStyleClass().add("edge");
        edges.put(name, new Shape[]{line, head});
        route(name, line);
        nodes.add(line);
        nodes.add(head);
    }

    /** A Lin's box at {@code top} with its parameters' chips beside it; the y under the box. */
    private double vLin(List<Node> nodes, Map<String, TensorRef> all, String name, String title, String sub,
                        String w, String b, double top) {
        vBox(nodes, name, title, sub, top, 110, 96);
        paramLinks.put(w, vParams(nodes, all, w, b, top, 96));
        return top + 96;
    }

    private Label vBox(List<Node> nodes, String name, String title, String sub, double top, double w, double h) {
        Rectangle box = opRect(nodes, name, V_FLOW_X - w / 2, top, w, h);
        nodes.add(text(title, V_FLOW_X, top + 24, "op-title"));
        Label s = text(sub, V_FLOW_X, top + (h > 80 ? 66 : 56), "op-sub");
        s.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        nodes.add(s);
        javafx.beans.binding.DoubleBinding bw = javafx.beans.binding.Bindings.createDoubleBinding(
                () -> Math.max(w, s.getWidth() + 16), s.widthProperty());
        box.widthProperty().bind(bw);
        box.xProperty().bind(bw.multiply(-0.5).add(V_FLOW_X));
        return s;
    }

    /** A tensor flowing down from {@code top}: an arrow, its gradient's arrow back up beside it, and the chips' row. */
    private void vEdge(List<Node> nodes, Map<String, TensorRef> all, String name, double top) {
        double bottom = top + V_EDGE - 2;
        Line line = new Line(V_FLOW_X, top, V_FLOW_X, bottom - 12);
        Polygon head = arrowDown(V_FLOW_X, bottom);
        arrow(nodes, name, line, head);
        if (all.containsKey(name + ".g")) {
            double gx = V_FLOW_X + 9;
            Line back = new Line(gx, bottom - 4, gx, top + 14);
            back.getStyleClass().addAll("edge", "edge-grad");
            Polygon backHead = arrowHeadUp(gx, top + 2);
            backHead.getStyleClass().add("arrow-grad");
            backEdges.put(name + ".g", new Shape[]{back, backHead});
            route(name + ".g", back);
            nodes.add(back);
            nodes.add(backHead);
        }
        vChips(nodes, all, name, top);
    }

    /** A tensor's chip at the column's left edge and its gradient's (by name) right after it, on the edge at {@code top}. */
    private void vChips(List<Node> nodes, Map<String, TensorRef> all, String name, double top) {
        double cy = top + 24;
        Label value = leftAt(chip(all, name), 2, cy);
        nodes.add(value);
        if (all.containsKey(name + ".g")) {
            Label g = chip(all, name + ".g");
            nameOnly.add(name + ".g");
            g.layoutXProperty().bind(value.layoutXProperty().add(value.widthProperty()).add(3));
            g.layoutYProperty().bind(g.heightProperty().multiply(-0.5).add(cy));
            nodes.add(g);
        }
    }

    /** A Lin's parameters by name, beside its box: w and w.g, then b and b.g; returns the link into the box. */
    private Line vParams(List<Node> nodes, Map<String, TensorRef> all, String w, String b, double boxTop, double boxH) {
        VBox rows = new VBox(4);
        rows.setLayoutX(V_PARAMS_X);
        double cy = boxTop + boxH / 2;
        rows.layoutYProperty().bind(rows.heightProperty().multiply(-0.5).add(cy));
        for (String p : new String[]{w, b}) {
            HBox row = new HBox(3, chip(all, p));
            nameOnly.add(p);
            if (all.containsKey(p + ".g")) {
                row.getChildren().add(chip(all, p + ".g"));
                nameOnly.add(p + ".g");
            }
            rows.getChildren().add(row);
        }
        Line link = new Line(V_PARAMS_X, cy, V_FLOW_X + 50, cy);
        link.getStyleClass().addAll("edge", "param-link");
        for (String p : new String[]{w, b, w + ".g", b + ".g"}) route(p, link);
        nodes.add(link);
        nodes.add(rows);
        return link;
    }

    /** A label whose left edge is at {@code x}, centred on {@code cy} once its height is known. */
    private static Label leftAt(Label l, double x, double cy) {
        l.setLayoutX(x);
        l.layoutYProperty().bind(l.heightProperty().multiply(-0.5).add(cy));
        return l;
    }

    private static Polygon arrowDown(double x, double y) {
        Polygon p = new Polygon(x, y, x - 7, y - 14, x + 7, y - 14);
        p.getStyleClass().add("arrow");
        return p;
    }

    // ------------------------------------------------------------------ a trained stack (any depth, mse or ce)

    /** Monospaced chip text: about 0.6 em a character at the chips' 25 px, plus padding and border. */
    private static double chipWidth(String text) { return text.length() * 15.2 + 18; }

    /**
     * The widest text a tensor's chips take once the pass has made them ({@code "l3.g 64x50"}), or
     * with the shape on a line of its own ({@code twoLines}: the wider of "l3.g" and "64x50").
     */
    private static double chipsWidth(Map<String, TensorRef> all, String label, boolean twoLines) {
        double w = 0;
        for (String l : new String[]{label, label + ".g"}) {
            TensorRef r = all.get(l);
            String shape = r == null ? "" : r.shapeText();
            w = Math.max(w, twoLines ? chipWidth(l.length() >= shape.length() ? l : shape) : chipWidth(r == null ? l : l + " " + shape));
        }
        return w;
    }

    /** The edge into a slot: long enough for its chips (shorter in the fitted drawing). */
    private double edgeLength(Map<String, TensorRef> all, StackPlan.Slot slot) {
        return fitted ? Math.max(140, chipsWidth(all, slot.in(), true) + 20) : Math.max(190, chipsWidth(all, slot.in(), false) + 40);
    }

    private double boxWidth(StackPlan.Slot slot) {
        return switch (slot.kind()) {
            case LIN, RELU -> 150;
            case LOG_SOFTMAX -> 210;
            case LOSS -> 130;
            case FOLD -> fitted ? 200 : 280;
        };
    }

    /** The right margin after the loss box (the loss chip and its value stand over it). */
    private double endMargin() { return fitted ? 20 : 70; }

    /** The width {@link #buildStack} draws the current plan at. */
    private double stackWidth(Map<String, TensorRef> all) {
        double x = 175;
        for (StackPlan.Slot slot : plan.slots()) x += edgeLength(all, slot) + boxWidth(slot);
        return x + endMargin();
    }

    /**
     * The trained stack as a row of boxes in forward order: Lin (its w and b above it), ReLU, the
     * head's log_softmax and the loss (NLL or MSE) with the target under it and the loss above;
     * each tensor an edge with its chip above and its gradient's below. A deep stack's middle
     * layers are one box that a click unfolds (its subtitle names the layer at work).
     */
    private void buildStack(List<Node> nodes, Map<String, TensorRef> all, int sample) {
        nodes.add(lines);
        input(nodes, all, sample, 5, 15, 170, 320);
        double x = 175;
        double shift = 0;
        for (StackPlan.Slot slot : plan.slots()) {
            double len = edgeLength(all, slot);
            if (fitted) {
                twoLine.add(slot.in());
                twoLine.add(slot.in() + ".g");
            }
            edge(nodes, all, slot.in(), x, x + len);
            x += len;
            double w = boxWidth(slot);
            String m = slot.module();
            switch (slot.kind()) {
                case LIN -> {
                    opBox(nodes, m, "Lin" + m.substring(3), slot.in() + " @ " + slot.w() + " + " + slot.b(), x, w);
                    paramLinks.put(slot.w(), params(nodes, all, x, 4, slot.w(), slot.b(), x + w / 2));
                    // Centred over the box: its w and w.g side by side are wider than the box.
                    Node table = nodes.get(nodes.size() - 1);
                    double centre = x + w / 2;
                    if (table instanceof VBox v) v.layoutXProperty().bind(v.widthProperty().multiply(-0.5).add(centre));
                }
                case RELU -> {
                    shift = reluShiftOf(m);
                    opBox(nodes, m, "ReLU" + m.substring(4), shift == 0 ? "clamp_min(0.)" : "clamp_min(0.) - " + Fmt.num(shift), x, w);
                }
                case LOG_SOFTMAX -> opBox(nodes, m, "LogSoftmax", "inp - logsumexp", x, w);
                case LOSS -> {
                    mseSub = opBox(nodes, m, m.toUpperCase(java.util.Locale.ROOT), "", x, w);
                    mseSub.setId("mse-sample");
                    target(nodes, all, x + w / 2, 312);
                    loss(nodes, all, x + w / 2, 62);
                }
                case FOLD -> {
                    foldSub = opBox(nodes, "fold", StackPlan.foldTitle(slot), "", x, w);
                    foldSub.setId("fold-sub");
                    foldBox = boxes.remove("fold");
                    foldBox.setId("op-fold");
                    foldBox.getStyleClass().add("fold-box");
                    Label hint = text("click to unfold", x + w / 2, FLOW_Y + 72, "op-sub");
                    hint.setId("fold-hint");
                    nodes.add(hint);
                    for (Node n : new Node[]{foldBox, foldSub, hint}) {
                        n.setOnMouseClicked(e -> {
                            if (e.isStillSincePress()) setExpanded(true);
                            e.consume();
                        });
                        n.setCursor(javafx.scene.Cursor.HAND);
                    }
                    hoverTip(foldBox, StackPlan.foldTitle(slot) + " (" + String.join(", ", slot.modules()) + "): click to draw each of them");
                }
            }
            x += w;
        }
        double width = x + endMargin();
        if (expanded && (plan.depth() >= StackPlan.FOLD_FROM || plannedWidth > widthBudget)) {
            Label fold = text(plannedWidth > widthBudget ? "fold the hidden layers" : "fold layers 2-" + (plan.depth() - 1), 330, 318, "op-sub");
            fold.setId("fold-again");
            fold.getStyleClass().add("chip");
            fold.setOnMouseClicked(e -> {
                if (e.isStillSincePress()) setExpanded(false);
                e.consume();
            });
            nodes.add(fold);
        }
        nodes.add(0, new Rectangle(width, HEIGHT, Color.TRANSPARENT));
        nodes.add(motionLayer);
        getChildren().setAll(nodes);
        resizeTo(width);
    }

    private double reluShiftOf(String module) {
        TraceStep s = builtCursor.step(builtCursor.indexOf(module, TraceStep.Phase.FORWARD));
        return s == null ? 0 : s.reluShift().orElse(0);
    }

    /**
     * The selected sample's share of the stack's loss: for NLL {@code -sm_pred[i, label]} (minus the
     * log-probability of its label), for MSE {@code (prediction - label)^2}.
     */
    private void lossSub(Map<String, TensorRef> offered) {
        StackPlan.Slot last = plan.slots().get(plan.slots().size() - 1);
        TensorRef in = offered.get(last.in());
        TensorRef y = offered.get("y");
        boolean nll = "nll".equals(last.module());
        if (in == null || y == null || builtSample >= in.shape()[0]) {
            mseSub.setText(nll ? "-mean " + last.in() + "[i, y]" : "mean (out - y)\u00b2");
            return;
        }
        float label = MatrixSample.get(y.array(), 0, builtSample);
        if (nll) {
            mseSub.setText("-(" + Fmt.num(MatrixSample.get(in.array(), builtSample, (int) label)) + ")");
        } else {
            mseSub.setText("(" + Fmt.num(MatrixSample.get(in.array(), builtSample, 0)) + " - " + Fmt.num(label) + ")\u00b2");
        }
    }

    /** The drawing's size in content units: the notebook's graph is {@link #WIDTH} wide, a stack as wide as its boxes. */
    private void resizeTo(double width) { resizeTo(width, HEIGHT); }

    private void resizeTo(double width, double height) {
        setMinSize(width, height);
        setPrefSize(width, height);
        setMaxSize(width, height);
        contentWidth.set(width);
        contentHeight.set(height);
    }

    private static double reluShift(TraceCursor cursor) {
        TraceStep s = cursor.step(cursor.indexOf("relu", TraceStep.Phase.FORWARD));
        if (s == null) return 0;
        return s.reluShift().orElse(0);
    }

    private void input(List<Node> nodes, Map<String, TensorRef> all, int sample, double x, double y, double w, double h) {
        Rectangle box = new Rectangle(x, y, w, h);
        box.getStyleClass().addAll("op-box", "input-box");
        box.setArcWidth(14);
        box.setArcHeight(14);
        nodes.add(box);
        nodes.add(text("Input", x + w / 2, y + 24, "op-title"));
        TensorRef xr = all.get("x");
        DigitImage digit = new DigitImage(150);
        digit.setId("input-digit");
        digit.setLayoutX(x + (w - 150) / 2);
        digit.setLayoutY(y + 50);
        boolean ok = xr != null && xr.shape().length == 2 && xr.shape()[1] == 784 && sample < xr.shape()[0];
        digit.show(ok ? MatrixSample.row(xr.array(), sample) : null, ColorMap.VIRIDIS);
        nodes.add(digit);
        TensorRef yr = all.get("y");
        String label = yr == null || sample >= yr.array().length() ? "?" : Fmt.num(MatrixSample.get(yr.array(), 0, sample));
        Label l = text("label " + label, x + w / 2, y + 236, "input-label");
        l.setId("input-label");
        nodes.add(l);
        nodes.add(text("sample " + sample, x + w / 2, y + 280, "op-sub"));
    }

    /** An operation's rounded box, kept by name (the step lights it). */
    private Rectangle opRect(List<Node> nodes, String name, double x, double y, double w, double h) {
        Rectangle box = new Rectangle(x, y, w, h);
        box.setId("op-" + name);
        box.getStyleClass().add("op-box");
        box.setArcWidth(14);
        box.setArcHeight(14);
        boxes.put(name, box);
        nodes.add(box);
        return box;
    }

    /** A box for an operation; returns its second line of text. */
    private Label opBox(List<Node> nodes, String name, String title, String sub, double x, double w) {
        double h = 90, y = FLOW_Y - h / 2;
        Rectangle box = opRect(nodes, name, x, y, w, h);
        nodes.add(text(title, x + w / 2, y + 30, "op-title"));
        Label s = text(sub, x + w / 2, y + 64, "op-sub");
        nodes.add(s);
        // The box grows around its text (MSE's "(0.6082 - 4)\u00b2"), about its centre, never cut or spilled.
        javafx.beans.binding.DoubleBinding width = javafx.beans.binding.Bindings.createDoubleBinding(
                () -> Math.max(w, s.getWidth() + 16), s.widthProperty());
        box.widthProperty().bind(width);
        box.xProperty().bind(width.multiply(-0.5).add(x + w / 2));
        return s;
    }

    /** A tensor between two ops: an arrow, its chip above and its gradient's chip below. */
    private void edge(List<Node> nodes, Map<String, TensorRef> all, String name, double x0, double x1) {
        Line line = new Line(x0, FLOW_Y, x1 - 2, FLOW_Y);
        Polygon head = arrowHead(x1 - 2, FLOW_Y, true);
        arrow(nodes, name, line, head);
        if (all.containsKey(name + ".g")) {
            Line back = new Line(x1 - 6, FLOW_Y + 9, x0 + 12, FLOW_Y + 9);
            back.getStyleClass().addAll("edge", "edge-grad");
            Polygon backHead = arrowHead(x0 + 4, FLOW_Y + 9, false);
            backHead.getStyleClass().add("arrow-grad");
            backEdges.put(name + ".g", new Shape[]{back, backHead});
            route(name + ".g", back);
            nodes.add(back);
            nodes.add(backHead);
        }
        double mid = (x0 + x1) / 2;
        nodes.add(centred(chip(all, name), mid, FLOW_Y - 66));
        if (all.containsKey(name + ".g")) nodes.add(centred(chip(all, name + ".g"), mid, FLOW_Y + 72));
    }

    /** A layer's parameters as a little table of chips above it, joined to the box by a line. */
    private Line params(List<Node> nodes, Map<String, TensorRef> all, double x, double y, String w, String b, double boxCentre) {
        VBox rows = new VBox(8);
        rows.setLayoutX(x);
        rows.setLayoutY(y);
        for (String p : new String[]{w, b}) {
            HBox row = new HBox(8, chip(all, p));
            if (all.containsKey(p + ".g")) row.getChildren().add(chip(all, p + ".g"));
            rows.getChildren().add(row);
        }
        Line link = new Line(boxCentre, y + 84, boxCentre, FLOW_Y - 45);
        link.getStyleClass().addAll("edge", "param-link");
        for (String p : new String[]{w, b, w + ".g", b + ".g"}) route(p, link);
        nodes.add(link);
        nodes.add(rows);
        return link;
    }

    /**
     * Where the hidden units sit: {@code shown} circles of radius {@code radius}, {@code perCol} to a
     * column, columns {@code colGap} apart from {@code x}, rows {@code pitch} apart from {@code top}.
     */
    private record UnitBlock(double x, double top, double colGap, double pitch, double radius, int perCol, int shown) {
        double centerX(int j) { return x + colGap / 2 + (j / perCol) * colGap; }

        double centerY(int j) { return top + pitch * (j % perCol + 0.5); }
    }

    /** The hidden units in a block of columns. */
    private UnitBlock hidden(List<Node> nodes, Map<String, TensorRef> all, int sample, double x, double top, double bottom) {
        int nh = hiddenCount(all);
        int n = Math.min(nh, MAX_UNITS);
        if (n == 0) {
            unitsArea = new javafx.geometry.BoundingBox(x, top, 0, bottom - top);
            return new UnitBlock(x, top, 0, 0, 0, 1, 0);
        }
        // About twice as tall as wide: 50 units are 5 columns of 10.
        int perCol = Math.max(Math.min(n, 8), (n + 4) / 5);
        int cols = (n + perCol - 1) / perCol;
        double pitch = (bottom - top) / perCol;
        double r = Math.min(pitch * 0.42, 13);
        double colGap = Math.min(2 * r + 6, 150.0 / cols);
        double blockWidth = cols * colGap;
        UnitBlock block = new UnitBlock(x, top, colGap, pitch, r, perCol, n);
        unitsArea = new javafx.geometry.BoundingBox(x, top, blockWidth, bottom - top);
        // The units are l2 for this sample: its chip above them, its gradient's below.
        nodes.add(centred(chip(all, "l2"), x + blockWidth / 2, top - 34));
        if (all.containsKey("l2.g")) nodes.add(centred(chip(all, "l2.g"), x + blockWidth / 2, bottom + 30));
        units(nodes, all, sample, n, r, j -> new javafx.geometry.Point2D(block.centerX(j), block.centerY(j)));
        if (nh > n) nodes.add(text("first " + n + " of " + nh, x + blockWidth / 2, bottom + 8, "op-sub"));
        return block;
    }

    private static int hiddenCount(Map<String, TensorRef> all) {
        TensorRef w1 = all.get("w1");
        return w1 == null ? 0 : (int) w1.shape()[1];
    }

    /** {@code n} unit circles of radius {@code r} at {@code at(j)}, filled by l2 for this sample; returns their centres. */
    private List<javafx.geometry.Point2D> units(List<Node> nodes, Map<String, TensorRef> all, int sample, int n, double r,
                                                java.util.function.IntFunction<javafx.geometry.Point2D> at) {
        TensorRef l2 = all.get("l2");
        unitValues = l2 != null && sample < l2.shape()[0] ? MatrixSample.row(l2.array(), sample) : null;
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        if (unitValues != null) {
            for (float a : unitValues) {
                lo = Math.min(lo, a);
                hi = Math.max(hi, a);
            }
        }
        List<javafx.geometry.Point2D> centres = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            javafx.geometry.Point2D c = at.apply(j);
            centres.add(c);
            Circle unit = new Circle(c.getX(), c.getY(), r);
            unit.getStyleClass().add("unit");
            if (unitValues != null) {
                unit.setUserData(ColorMap.VIRIDIS.color(unitValues[j], lo, hi));
                hoverTip(unit, "unit " + j + ": l2[" + sample + ", " + j + "] = " + Fmt.num(unitValues[j]));
            }
            units.add(unit);
            nodes.add(unit);
        }
        return centres;
    }

    /** w2 as one line per hidden unit into Lin2: red for positive, blue for negative, width by size. */
    private void w2Lines(Map<String, TensorRef> all, UnitBlock u, double lin2X) {
        List<javafx.geometry.Point2D> from = new ArrayList<>();
        for (int j = 0; j < u.shown(); j++) from.add(new javafx.geometry.Point2D(u.centerX(j), u.centerY(j)));
        w2Lines(all, from, lin2X, FLOW_Y);
    }

    private void w2Lines(Map<String, TensorRef> all, List<javafx.geometry.Point2D> from, double toX, double toY) {
        TensorRef w2 = all.get("w2");
        int n = from.size();
        if (w2 == null || n == 0) return;
        float[] w = new float[n];
        double max = 0;
        for (int j = 0; j < n; j++) {
            w[j] = MatrixSample.get(w2.array(), j, 0);
            max = Math.max(max, Math.abs(w[j]));
        }
        for (int j = 0; j < n; j++) {
            Line l = new Line(from.get(j).getX(), from.get(j).getY(), toX, toY);
            l.setStroke(w[j] >= 0 ? Color.web("#b2182b") : Color.web("#2166ac"));
            l.setStrokeWidth(0.8 + 6.0 * (max == 0 ? 0 : Math.abs(w[j]) / max));
            hoverTip(l, "w2[" + j + ", 0] = " + Fmt.num(w[j]) + (w[j] >= 0 ? " (positive: red)" : " (negative: blue)"));
            lines.getChildren().add(l);
        }
    }

    private void target(List<Node> nodes, Map<String, TensorRef> all, double cx, double y) {
        Line up = new Line(cx, y - 18, cx, FLOW_Y + 59);
        Polygon head = arrowHeadUp(cx, FLOW_Y + 47);
        arrow(nodes, "y", up, head);
        nodes.add(centred(chip(all, "y"), cx, y));
    }

    private void loss(List<Node> nodes, Map<String, TensorRef> all, double cx, double y) {
        Line up = new Line(cx, FLOW_Y - 47, cx, y + 20);
        up.getStyleClass().add("edge");
        edges.put("loss", new Shape[]{up});
        route("loss", up);
        nodes.add(up);
        nodes.add(centred(chip(all, "loss"), cx, y));
        lossValue = text("", cx, y - 40, "value-text");
        lossValue.setId("loss-value");
        nodes.add(lossValue);
    }

    private Label chip(Map<String, TensorRef> all, String label) {
        Label c = new Label(label);
        c.setId(chipId(label));
        c.getStyleClass().addAll("chip", label.endsWith(".g") ? "chip-grad" : "chip-value");
        c.setOnMouseClicked(e -> {
            if (e.isStillSincePress() && !c.getStyleClass().contains("chip-absent")) onSelect.accept(label);
            e.consume();
        });
        TensorRef ref = all.get(label);
        if (ref != null) hoverTip(c, "Inspect " + label + " (" + ref.shapeText() + ")");
        chips.put(label, c);
        return c;
    }

    // ------------------------------------------------------------------ update (per step)

    private void update(TraceCursor cursor, int step, String selected, boolean hidden) {
        Map<String, TensorRef> offered = cursor.offered(hidden ? step - 1 : step);
        Set<String> reads = cursor.reads(step);
        Set<String> writes = cursor.writes(step);
        String module = cursor.module(step);
        TraceStep s = cursor.step(step);
        boolean backward = s != null && s.phase() == TraceStep.Phase.BACKWARD;

        for (Map.Entry<String, Label> e : chips.entrySet()) {
            String label = e.getKey();
            Label c = e.getValue();
            TensorRef ref = offered.get(label);
            boolean grad = label.endsWith(".g");
            // Gradients appear when computed; values not yet computed show greyed, without a shape.
            // In predict mode what the step writes shows as "?" until the reveal.
            boolean guess = hidden && writes.contains(label);
            c.setVisible(ref != null || !grad || guess);
            c.setText(guess ? label + " ?" : ref == null || nameOnly.contains(label) ? label : label + (twoLine.contains(label) ? "\n" : " ") + ref.shapeText());
            set(c, "chip-absent", ref == null);
            set(c, "chip-write", (ref != null || guess) && writes.contains(label));
            set(c, "chip-read", ref != null && !writes.contains(label) && reads.contains(label));
            set(c, "chip-selected", label.equals(selected));
        }
        for (Map.Entry<String, Shape[]> e : edges.entrySet()) {
            String name = e.getKey();
            boolean write = writes.contains(name), read = !write && reads.contains(name);
            for (Shape sh : e.getValue()) {
                boolean arrow = sh instanceof Polygon;
                set(sh, arrow ? "arrow-absent" : "edge-absent", !offered.containsKey(name));
                set(sh, arrow ? "arrow-write" : "edge-write", write);
                set(sh, arrow ? "arrow-read" : "edge-read", read);
            }
        }
        for (Map.Entry<String, Shape[]> e : backEdges.entrySet()) {
            for (Shape sh : e.getValue()) sh.setVisible(writes.contains(e.getKey()));
        }
        for (Map.Entry<String, Rectangle> e : boxes.entrySet()) {
            set(e.getValue(), "active", e.getKey().equals(module) && !backward);
            set(e.getValue(), "active-backward", e.getKey().equals(module) && backward);
        }
        for (Map.Entry<String, Line> e : paramLinks.entrySet()) {
            set(e.getValue(), "edge-read", reads.contains(e.getKey()) || writes.contains(e.getKey() + ".g"));
        }
        if (foldBox != null) {
            StackPlan.Slot fold = plan.fold();
            boolean in = fold.modules().contains(module);
            set(foldBox, "active", in && !backward);
            set(foldBox, "active-backward", in && backward);
            // The folded layer at work, by name: every step of the pass still has its place on screen.
            foldSub.setText(in ? module + (backward ? " (backward)" : "") : fold.modules().size() / 2 + " x Lin+ReLU");
        }

        boolean haveL2 = offered.containsKey("l2") && unitValues != null;
        boolean reluActive = "relu".equals(module) && !backward;
        for (Circle u : units) {
            u.setFill(haveL2 ? (Color) u.getUserData() : Color.WHITE);
            set(u, "unit-empty", !haveL2);
            set(u, "unit-active", reluActive);
        }
        lines.setOpacity("lin2".equals(module) ? 0.95 : 0.55);

        if (plan != null) {
            lossSub(offered);
        } else {
            notebookLossSub(offered);
        }
        TensorRef loss = offered.get("loss");
        lossValue.setText(loss == null ? "" : "= " + Fmt.num(MatrixSample.get(loss.array(), 0, 0)));
    }

    /** The selected sample's term of the notebook's MSE, {@code (prediction - label)^2}. */
    private void notebookLossSub(Map<String, TensorRef> offered) {
        TensorRef out = offered.get("out");
        TensorRef y = offered.get("y");
        if (out != null && y != null && builtSample < out.shape()[0]) {
            // This sample's term of the loss: (prediction - label)^2.
            mseSub.setText("(" + Fmt.num(MatrixSample.get(out.array(), builtSample, 0)) + " - "
                    + Fmt.num(MatrixSample.get(y.array(), 0, builtSample)) + ")\u00b2");
        } else {
            mseSub.setText("mean (out - y)\u00b2");
        }
    }

    private static void set(Node n, String styleClass, boolean on) {
        List<String> c = n.getStyleClass();
        if (on && !c.contains(styleClass)) c.add(styleClass);
        else if (!on) c.remove(styleClass);
    }

    // ------------------------------------------------------------------ motion geometry

    private void route(String label, Line line) { routes.computeIfAbsent(label, k -> new ArrayList<>()).add(line); }

    /** The lines {@code label} can travel along; a gradient without its own goes the way its value came. */
    List<Line> routes(String label) {
        List<Line> r = routes.get(label);
        if (r == null && label.endsWith(".g")) r = routes.get(label.substring(0, label.length() - 2));
        return r == null ? List.of() : r;
    }

    /** Where the hidden units are drawn. */
    javafx.geometry.Bounds unitsArea() { return unitsArea; }

    /** The loss's value above its chip. */
    Label lossValue() { return lossValue; }

    // ------------------------------------------------------------------ helpers

    /** Shows {@code text} in the shared tooltip while the pointer is over {@code n}. */
    private void hoverTip(Node n, String text) {
        n.addEventHandler(javafx.scene.input.MouseEvent.MOUSE_ENTERED, e -> {
            tip.setText(text);
            Tooltip.install(n, tip);
        });
        n.addEventHandler(javafx.scene.input.MouseEvent.MOUSE_EXITED, e -> Tooltip.uninstall(n, tip));
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

    private static Polygon arrowHead(double x, double y, boolean right) {
        double d = right ? -14 : 14;
        Polygon p = new Polygon(x, y, x + d, y - 7, x + d, y + 7);
        p.getStyleClass().add("arrow");
        return p;
    }

    private static Polygon arrowHeadUp(double x, double y) {
        Polygon p = new Polygon(x, y, x - 7, y + 14, x + 7, y + 14);
        p.getStyleClass().add("arrow");
        return p;
    }
}
