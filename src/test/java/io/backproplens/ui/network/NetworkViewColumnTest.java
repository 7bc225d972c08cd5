package io.backproplens.ui.network;

import io.backproplens.engine.TraceStep;
import io.backproplens.ui.shell.Lesson;
import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.backproplens.ui.network.LensAppFixture.await;
import static io.backproplens.ui.network.LensAppFixture.fx;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A projector at 200% (1280x720 and 1024x768, with and without presenter mode), where the tabs stand
 * beside the graph: at every step the class sees the active module's box with the tensor it reads
 * and the module after it, whole and at the legibility floor, and the formulas are never under a
 * sideways scroll bar. Before, the graph's column showed only the active box (at Lin2: neither l2's
 * chip nor MSE), and at 1024x768 the formula line lay under the column's horizontal scroll bar.
 */
@ExtendWith(ApplicationExtension.class)
class NetworkViewColumnTest {
    /** The notebook's chain, in forward order, with the tensor each module reads (its input). */
    private static final List<String> CHAIN = List.of("lin1", "relu", "lin2", "mse");
    private static final Map<String, String> INPUT = Map.of("lin1", "x", "relu", "l1", "lin2", "l2", "mse", "out");
    /** What each module writes in forward (after MSE, the loss). */
    private static final Map<String, String> OUTPUT = Map.of("lin1", "l1", "relu", "l2", "lin2", "out", "mse", "loss");

    private LensAppFixture app;

    @Start
    void start(Stage stage) { app = new LensAppFixture(stage, null, 720); }

    @Test
    void atTwoHundredPercentEachStepShowsItsBoxWithTheTensorBeforeAndTheModuleAfter() {
        app.awaitPass("the first pass", p -> true);
        fx(() -> app.window.showLesson(Lesson.FORWARD));
        for (int[] size : new int[][]{{1280, 720}, {1024, 768}}) {
            for (boolean presenter : new boolean[]{false, true}) {
                String setup = size[0] + "x" + size[1] + "@200%" + (presenter ? " presenter" : "");
                resize(size, 2.0, presenter);
                int steps = fx(() -> app.view.pass().trace().steps().size());
                for (int step = 0; step < steps; step++) {
                    int at = step;
                    fx(() -> app.state.step.set(at));
                    settle();
                    TraceStep s = fx(() -> app.view.pass().trace().steps().get(at));
                    String m = s.module();
                    int i = CHAIN.indexOf(m);
                    String what = setup + ", step " + (at + 1) + " (" + m + " " + s.phase() + ")";
                    Bounds pane = sceneBounds(fx(() -> app.view.zoom()));
                    inside(what + ": the active box", fx(() -> app.view.graph().box(m)), pane);
                    Label input = fx(() -> app.view.graph().chip(INPUT.get(m)));
                    inside(what + ": the chip of its input " + INPUT.get(m), input, pane);
                    assertThat(fx(input::getOpacity)).as(what + ": the input's chip shown, not faded as cut").isEqualTo(1.0);
                    inside(what + ": the chip of its output " + OUTPUT.get(m), fx(() -> app.view.graph().chip(OUTPUT.get(m))), pane);
                    // And the module after it, where one follows the output at once (ReLU's output, the
                    // hidden units, stands between it and Lin2).
                    if (m.startsWith("lin")) {
                        inside(what + ": the next module's box " + CHAIN.get(i + 1), fx(() -> app.view.graph().box(CHAIN.get(i + 1))), pane);
                    }
                    // Never by shrinking: the chips' 25 px stay at the floor's 20 px x UI scale on screen.
                    double chipPx = fx(() -> input.getFont().getSize() * app.view.zoom().effectiveScale());
                    assertThat(chipPx).as(what + ": the chip's text on screen, px").isGreaterThanOrEqualTo(40 - 0.01);
                }
            }
        }
    }

    @Test
    void atTwoHundredPercentOn1024x768TheFormulasWrapAndNeverScrollSideways() {
        app.awaitPass("the first pass", p -> true);
        fx(() -> app.window.showLesson(Lesson.BACKWARD));
        for (boolean presenter : new boolean[]{false, true}) {
            resize(new int[]{1024, 768}, 2.0, presenter);
            int steps = fx(() -> app.view.pass().trace().steps().size());
            for (int step = 0; step < steps; step++) {
                int at = step;
                fx(() -> app.state.step.set(at));
                fx(() -> app.view.showStep());
                settle();
                String what = "1024x768@200%" + (presenter ? " presenter" : "") + ", step " + (at + 1);
                Node scroll = fx(() -> app.view.lookup(".formula-scroll"));
                for (Node n : fx(() -> new ArrayList<>(scroll.lookupAll(".scroll-bar")))) {
                    if (n instanceof ScrollBar bar && bar.getOrientation() == Orientation.HORIZONTAL) {
                        assertThat(fx(bar::isVisible)).as(what + ": a sideways scroll bar over the formulas").isFalse();
                    }
                }
                Bounds viewport = fx(() -> sceneBounds(scroll.lookup(".viewport")));
                List<String> bound = fx(() -> app.view.formulas().formulas());
                for (int k = 0; k < bound.size(); k++) {
                    // Every piece of the formula inside the panel's width, and together the whole formula.
                    StringBuilder whole = new StringBuilder();
                    for (int p = 0; ; p++) {
                        Label piece = fx(lookup(scroll, "#formula-" + k + "-bound" + (p == 0 ? "" : "-" + p)));
                        if (piece == null) break;
                        double right = fx(() -> sceneBounds(piece).getMaxX());
                        assertThat(right).as(what + ": formula " + k + " piece " + p + " '" + fx(piece::getText) + "' within the panel")
                                .isLessThanOrEqualTo(viewport.getMaxX() + 0.5);
                        whole.append(fx(piece::getText));
                    }
                    assertThat(whole.toString().replaceAll("\\s+", "")).as(what + ": formula " + k + " whole")
                            .isEqualTo(bound.get(k).replaceAll("\\s+", ""));
                }
            }
        }
    }

    private static java.util.concurrent.Callable<Label> lookup(Node in, String id) {
        return () -> in.lookup(id) instanceof Label l ? l : null;
    }

    private void resize(int[] size, double scale, boolean presenter) {
        fx(() -> {
            app.stage.setWidth(size[0]);
            app.stage.setHeight(size[1]);
            app.state.presentation.scale.set(scale);
            app.state.presentation.presenter.set(presenter);
        });
        await("the window at " + size[0] + "x" + size[1], 30,
                () -> app.window.getScene().getWidth() == size[0] && app.window.getScene().getHeight() == size[1]);
        settle();
    }

    /** Lays the window out until the graph pane and its drawing stop moving (the drawing follows the layout's choice). */
    private void settle() {
        await("the layout at rest", 30, () -> {
            Bounds before = sceneBounds(app.view.graph());
            for (int k = 0; k < 3; k++) {
                app.window.applyCss();
                app.window.layout();
            }
            return before.equals(sceneBounds(app.view.graph()));
        });
    }

    private static Bounds sceneBounds(Node n) { return n.localToScene(n.getLayoutBounds()); }

    private static void inside(String what, Node n, Bounds pane) {
        assertThat(n).as(what).isNotNull();
        assertThat(fx(n::isVisible)).as(what + " visible").isTrue();
        Bounds b = fx(() -> sceneBounds(n));
        assertThat(b.getMinX() >= pane.getMinX() - 0.5 && b.getMaxX() <= pane.getMaxX() + 0.5
                && b.getMinY() >= pane.getMinY() - 0.5 && b.getMaxY() <= pane.getMaxY() + 0.5)
                .as(what + " at " + b + " inside the graph's pane " + pane).isTrue();
    }
}
