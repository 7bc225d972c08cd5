package io.backproplens.ui.network;

import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.shape.Shape;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.ArrayList;
import java.util.List;

import static io.backproplens.ui.network.LensAppFixture.fx;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Motion between steps in the real app (1000 rows): Next animates what the step computes, a second
 * Next during the animation lands on the step after at once, in exactly the state a graph drawn
 * straight at that step shows; with reduced motion no animation runs at all.
 */
@ExtendWith(ApplicationExtension.class)
class NetworkViewMotionTest {
    private LensAppFixture app;

    @Start
    void start(Stage stage) { app = new LensAppFixture(stage, s -> s.withBatch(1000)); }

    @Test
    void aSecondNextDuringTheAnimationLandsTwoStepsOnAsIfNothingHadMoved(FxRobot robot) {
        app.awaitPass("the first pass", p -> true);
        Button next = robot.lookup("#net-next").queryButton();
        NetworkGraph graph = fx(() -> app.view.graph());
        record Seen(int step, boolean running, int travellers) {}
        // Both presses in one turn of the FX thread: the second surely comes while the first moves.
        List<Seen> seen = fx(() -> {
            List<Seen> s = new ArrayList<>();
            next.fire();
            s.add(new Seen(app.state.step.get(), graph.motion().running(), graph.motionLayer().getChildren().size()));
            next.fire();
            s.add(new Seen(app.state.step.get(), graph.motion().running(), graph.motionLayer().getChildren().size()));
            return s;
        });
        // The first Next (lin1 forward: x, w1, b1 travel in, l1 comes out and fills in) animates...
        assertThat(seen.get(0).step()).isEqualTo(0);
        assertThat(seen.get(0).running()).isTrue();
        assertThat(seen.get(0).travellers()).isGreaterThanOrEqualTo(3);
        // ...the second ends it and is on step 1 at once, nothing left flying.
        assertThat(seen.get(1)).isEqualTo(new Seen(1, false, 0));
        assertThat(fx(() -> app.view.formulas().title())).startsWith("Step 2 of");

        // What is drawn equals a graph drawn straight at step 1, without motion.
        String drawn = fx(() -> drawn(graph));
        String reference = fx(() -> {
            NetworkGraph fresh = new NetworkGraph(label -> {});
            fresh.setId(graph.getId());
            fresh.show(new TraceCursor(app.view.pass().trace()), 1, app.state.sample.get(), app.view.inspector().selected());
            // Styled as the app's graph is (fills and dashes come from the theme's CSS).
            javafx.scene.layout.StackPane view = new javafx.scene.layout.StackPane(fresh);
            view.getStyleClass().setAll(app.view.getStyleClass());
            view.getStylesheets().setAll(app.view.getStylesheets());
            javafx.scene.layout.StackPane root = new javafx.scene.layout.StackPane(view);
            root.getStyleClass().setAll(app.window.getStyleClass());
            root.setStyle(app.window.getStyle());
            new javafx.scene.Scene(root).getStylesheets().setAll(app.window.getScene().getStylesheets());
            root.applyCss();
            return drawn(fresh);
        });
        assertThat(drawn).isEqualTo(reference);
        assertThat(drawn).contains("chip-l2").contains("chip-write");
    }

    @Test
    void withReducedMotionNoAnimationRuns(FxRobot robot) {
        app.awaitPass("the first pass", p -> true);
        Button next = robot.lookup("#net-next").queryButton();
        NetworkGraph graph = fx(() -> app.view.graph());
        fx(() -> app.state.presentation.motion.set(false));
        // The first Next of this app would animate with motion on (see the test above); every step after too.
        for (int step = 0; step < 8; step++) {
            int s = step;
            boolean moving = fx(() -> {
                next.fire();
                return graph.motion().running() || !graph.motionLayer().getChildren().isEmpty();
            });
            assertThat(moving).as("motion at step %d", s).isFalse();
            LensAppFixture.await("step " + s, 30, () -> app.state.step.get() == s);
        }
        assertThat(fx(() -> graph.motion().played())).isZero();
    }

    /** The graph as drawn: every node's kind, id, text, classes, visibility, fill and fixed geometry. */
    static String drawn(Parent root) {
        StringBuilder b = new StringBuilder();
        describe(root, 0, b);
        return b.toString();
    }

    private static void describe(Node n, int depth, StringBuilder b) {
        b.append("  ".repeat(depth)).append(n.getClass().getSimpleName()).append(' ').append(n.getId())
                .append(' ').append(n.getStyleClass()).append(" visible=").append(n.isVisible())
                // A label's opacity is the zoom pane's (it fades text its edge would cut), not the step's.
                .append(" opacity=").append(n instanceof Labeled ? "-" : n.getOpacity())
                .append(" translate=").append(n.getTranslateX()).append(',').append(n.getTranslateY())
                .append(" scale=").append(n.getScaleX()).append(',').append(n.getScaleY());
        if (n instanceof Labeled l) b.append(" text='").append(l.getText()).append('\'');
        if (n instanceof Shape s) b.append(" fill=").append(s.getFill());
        if (n instanceof Line l) b.append(" line=").append(l.getStartX()).append(',').append(l.getStartY())
                .append('-').append(l.getEndX()).append(',').append(l.getEndY());
        if (n instanceof Circle c) b.append(" circle=").append(c.getCenterX()).append(',').append(c.getCenterY());
        b.append('\n');
        if (n instanceof Parent p && !(n instanceof Labeled)) {
            for (Node c : p.getChildrenUnmodifiable()) describe(c, depth + 1, b);
        }
        if (n instanceof Group g && g.getChildren().isEmpty()) b.append("  ".repeat(depth + 1)).append("(empty)\n");
    }
}
