package io.backproplens.ui.network;

import io.backproplens.engine.TraceStep;
import javafx.animation.Animation;
import javafx.animation.Interpolator;
import javafx.animation.KeyFrame;
import javafx.animation.KeyValue;
import javafx.animation.Timeline;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;
import javafx.util.Duration;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One step of the pass as motion on the graph, in two halves: first what the step reads travels
 * along its edges into the module's box (forward: x, w1, b1 into Lin1; backward: out.g back into
 * Lin2), then what it writes leaves the box along its own edge (backward: the {@code .g} flows
 * back, against the arrows) while its chip, the hidden units or the loss fill in from the left.
 * Everything moves in the graph's motion layer; the graph itself is already in its final state.
 */
final class GraphMotion {
    /** The second half starts a little before the first ends, so the step reads as one movement. */
    private static final double WRITE_START = 0.45, READ_END = 0.5;
    private static final double TOKEN_RADIUS = 11;

    private final NetworkGraph graph;
    private final Timeline timeline = new Timeline();
    private final double ms;
    /** Lines already travelled in a direction (w1 and b1 share their link: one traveller). */
    private final Set<String> travelled = new HashSet<>();

    private GraphMotion(NetworkGraph graph, Duration d) {
        this.graph = graph;
        this.ms = d.toMillis();
    }

    /** The animation of step {@code step}, or null when it has nothing to move. */
    static Animation of(NetworkGraph graph, TraceCursor cursor, int step, Duration d) {
        TraceStep s = cursor.step(step);
        if (s == null || d.toMillis() <= 0) return null;
        Rectangle box = graph.box(s.module());
        if (box == null) return null;
        // The step has just changed the chips' texts ("l1" became "l1 1000x50"): lay them out now,
        // so what slides off them covers them as they will be drawn, not as they were.
        graph.applyCss();
        graph.layout();
        GraphMotion m = new GraphMotion(graph, d);
        boolean backward = s.phase() == TraceStep.Phase.BACKWARD;
        Bounds target = box.getBoundsInParent();
        for (String read : cursor.reads(step)) {
            Line line = nearest(graph.routes(read), target);
            if (line != null) m.travel(line, target, true, read.endsWith(".g") ? "motion-grad" : "motion-read");
        }
        for (String write : cursor.writes(step)) {
            Line line = nearest(graph.routes(write), target);
            if (line != null) m.travel(line, target, false, backward || write.endsWith(".g") ? "motion-grad" : "motion-write");
            var chip = graph.chip(write);
            if (chip != null && chip.isVisible()) m.fillIn(chip);
            if (write.equals("l2") && graph.unitsArea() != null) m.fillIn(graph.unitsArea());
            if (write.equals("loss")) m.fillIn(graph.lossValue());
        }
        if (m.timeline.getKeyFrames().isEmpty()) return null;
        return m.timeline;
    }

    /** The line with an end nearest the box (the one that leads into it), or null. */
    private static Line nearest(List<Line> lines, Bounds box) {
        Line best = null;
        double bestD = Double.POSITIVE_INFINITY;
        for (Line l : lines) {
            double d = Math.min(distance(l.getStartX(), l.getStartY(), box), distance(l.getEndX(), l.getEndY(), box));
            if (d < bestD) {
                bestD = d;
                best = l;
            }
        }
        // A line that does not touch the box is another module's (l2's short arrow, seen from Lin2).
        return bestD <= 60 ? best : null;
    }

    private static double distance(double x, double y, Bounds b) {
        double dx = Math.max(0, Math.max(b.getMinX() - x, x - b.getMaxX()));
        double dy = Math.max(0, Math.max(b.getMinY() - y, y - b.getMaxY()));
        return Math.hypot(dx, dy);
    }

    /** A traveller along {@code line}: into the box (a read, first half) or out of it (a write, second half). */
    private void travel(Line line, Bounds box, boolean into, String style) {
        Point2D a = new Point2D(line.getStartX(), line.getStartY()), b = new Point2D(line.getEndX(), line.getEndY());
        boolean startNearBox = distance(a.getX(), a.getY(), box) <= distance(b.getX(), b.getY(), box);
        Point2D near = startNearBox ? a : b, far = startNearBox ? b : a;
        Point2D from = into ? far : near, to = into ? near : far;
        if (!travelled.add(System.identityHashCode(line) + (into ? ">" : "<"))) return;
        Circle token = new Circle(from.getX(), from.getY(), TOKEN_RADIUS);
        token.getStyleClass().addAll("motion-token", style);
        token.setOpacity(0);
        graph.motionLayer().getChildren().add(token);
        double t0 = into ? 0 : WRITE_START * ms, t1 = into ? READ_END * ms : ms;
        double dx = to.getX() - from.getX(), dy = to.getY() - from.getY();
        // Hidden until it sets off (a write waits for the first half), then along the line.
        add(t0, new KeyValue(token.opacityProperty(), into ? 1 : 0), new KeyValue(token.translateXProperty(), 0),
                new KeyValue(token.translateYProperty(), 0));
        if (!into) add(t0 + 0.05 * ms, new KeyValue(token.opacityProperty(), 1));
        add(t1, new KeyValue(token.translateXProperty(), dx, Interpolator.EASE_BOTH),
                new KeyValue(token.translateYProperty(), dy, Interpolator.EASE_BOTH),
                new KeyValue(token.opacityProperty(), 1));
        // A read vanishes into the box; a write stays on its chip until the step ends.
        if (into) add(Math.min(ms, t1 + 0.08 * ms), new KeyValue(token.opacityProperty(), 0));
    }

    /** The node's value appears from the left during the second half (a cover slides off it). */
    private void fillIn(Node node) {
        Bounds b = graph.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
        if (b != null && b.getWidth() > 0) fillIn(b);
    }

    private void fillIn(Bounds b) {
        double pad = 3;
        Rectangle cover = new Rectangle(b.getMinX() - pad, b.getMinY() - pad, b.getWidth() + 2 * pad, b.getHeight() + 2 * pad);
        cover.getStyleClass().add("motion-cover");
        graph.motionLayer().getChildren().add(0, cover);  // under the travellers
        double right = cover.getX() + cover.getWidth();
        add(0, new KeyValue(cover.xProperty(), cover.getX()), new KeyValue(cover.widthProperty(), cover.getWidth()));
        add(WRITE_START * ms, new KeyValue(cover.xProperty(), cover.getX()), new KeyValue(cover.widthProperty(), cover.getWidth()));
        add(ms, new KeyValue(cover.xProperty(), right, Interpolator.EASE_OUT), new KeyValue(cover.widthProperty(), 0, Interpolator.EASE_OUT));
    }

    private void add(double atMs, KeyValue... values) {
        timeline.getKeyFrames().add(new KeyFrame(Duration.millis(atMs), values));
    }
}
