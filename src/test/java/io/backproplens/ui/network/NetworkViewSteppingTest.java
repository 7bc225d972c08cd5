package io.backproplens.ui.network;

import io.backproplens.engine.TensorRef;
import io.backproplens.session.PassResult;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.backproplens.ui.network.LensAppFixture.fx;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real app on the notebook's default: all 50,000 training rows. Steps with Next through the
 * whole forward and backward pass and checks, at every step, what the inspector offers (each tensor
 * with its shape for this batch), what the step writes, the formula on screen and the graph.
 */
@ExtendWith(ApplicationExtension.class)
class NetworkViewSteppingTest {
    private LensAppFixture app;

    @Start
    void start(Stage stage) { app = new LensAppFixture(stage, null); }

    /** What each step writes, with its shape on the full training set and nh = 50. */
    private static final List<Map<String, String>> WRITES = List.of(
            ordered("l1", "50000x50"),
            ordered("l2", "50000x50"),
            ordered("out", "50000x1"),
            ordered("loss", "scalar"),
            ordered("out.g", "50000x1"),
            ordered("l2.g", "50000x50", "w2.g", "50x1", "b2.g", "1"),
            ordered("l1.g", "50000x50"),
            ordered("x.g", "50000x784", "w1.g", "784x50", "b1.g", "50"));

    private static final String[] BOUND = {
            "l1 = x @ w1 + b1", "l2 = l1.clamp_min(0.)", "out = l2 @ w2 + b2", "loss = (out.squeeze() - y).pow(2).mean()",
            "out.g = 2*(out.squeeze()-y).unsqueeze(-1) / y.shape[0]", "l2.g = out.g @ w2.t()",
            "l1.g = (l1>0).float() * l2.g", "x.g = l1.g @ w1.t()"};

    @Test
    void nextWalksTheWholeForwardAndBackwardPassOnAll50000Rows(FxRobot robot) {
        PassResult pass = app.awaitPass("the first full-batch pass", p -> true);
        assertThat(pass.settings().batch()).isZero();

        // Before the first step: the inputs and the initial weights, nothing computed.
        Map<String, String> expected = ordered("x", "50000x784", "w1", "784x50", "b1", "50", "w2", "50x1", "b2", "1", "y", "50000");
        assertThat(offered()).isEqualTo(expected);
        assertThat(fx(() -> app.view.formulas().title())).startsWith("Before the pass");
        assertThat(fx(() -> app.view.graph().chip("x.g").isVisible())).isFalse();

        fx(() -> app.stage.requestFocus());
        for (int step = 0; step < 8; step++) {
            robot.type(KeyCode.RIGHT);
            int s = step;
            LensAppFixture.await("step " + step, 30, () -> app.state.step.get() == s);
            expected.putAll(WRITES.get(step));
            assertThat(offered()).as("tensors offered after step %d", step).isEqualTo(expected);
            assertThat(fx(() -> app.view.formulas().formulas().get(0))).isEqualTo(BOUND[step]);
            // The inspector follows the step: it shows the first tensor the step writes, with its shape.
            String written = WRITES.get(step).keySet().iterator().next();
            Inspection in = app.awaitInspection(written);
            assertThat(in.shapeText()).isEqualTo(expected.get(written));
            assertThat(fx(() -> app.view.inspector().statText("shape"))).isEqualTo(expected.get(written));
            // On the graph the written tensor's chip shows its shape and is highlighted.
            Label chip = fx(() -> app.view.graph().chip(in.label()));
            assertThat(fx(chip::getText)).isEqualTo(in.label() + " " + expected.get(in.label()));
            assertThat(fx(() -> chip.getStyleClass().contains("chip-write"))).isTrue();
        }
        assertThat(offered()).containsKeys("out.g", "l2.g", "w2.g", "b2.g", "l1.g", "w1.g", "b1.g", "x.g").hasSize(18);

        // x.g, 50000x784, is shown as the selected sample's 28x28 image; its statistics cover all 39.2M entries.
        Inspection xg = app.awaitInspection("x.g");
        assertThat(xg.mode()).isEqualTo(InspectMode.SAMPLE);
        assertThat(xg.raster().width()).isEqualTo(28);
        assertThat(xg.raster().height()).isEqualTo(28);
        assertThat(xg.summary().count()).isEqualTo(50_000L * 784);
        assertThat(xg.raster().value(3, 2)).isEqualTo(xg.ref().array().getFloat(0, 2 * 28 + 3));

        // l2.g chosen from the list (it can scroll to the top of the list, so its cell is in view)...
        fx(() -> app.view.showTensorInspector());
        robot.clickOn(cellOf("l2.g"));
        assertThat(app.awaitInspection("l2.g").shapeText()).isEqualTo("50000x50");
        // ...and w1.g from the graph: 50 tiles of 28x28.
        // At the last step the sentence (with the wall times) is longer: the graph still keeps its whole
        // height, so w1.g's chip at its top edge is shown (the pane fades a chip its edge would cut),
        // at 1280x720 and at 1280x680, where the band under the graph has less room.
        Label w1gChip = fx(() -> app.view.graph().chip("w1.g"));
        for (double h : new double[]{680, 720}) {
            fx(() -> app.stage.setHeight(h));
            LensAppFixture.await("the layout at 1280x" + h, 10, () -> app.window.getHeight() == h);
            fx(() -> { app.window.applyCss(); app.window.layout(); return null; });
            javafx.application.Platform.runLater(() -> {});
            WaitForAsyncUtils.waitForFxEvents();
            double pane = fx(() -> app.view.zoom().getHeight()), whole = fx(() -> app.view.zoom().wholeHeight());
            assertThat(pane).as("1280x" + h + ": the graph's pane against its whole height at the floor").isGreaterThanOrEqualTo(whole - 0.5);
            assertThat(fx(w1gChip::getOpacity)).as("1280x" + h + ": w1.g's chip shown whole").isEqualTo(1.0);
        }
        robot.clickOn(w1gChip);
        Inspection w1g = app.awaitInspection("w1.g");
        assertThat(w1g.mode()).isEqualTo(InspectMode.TILES);
        assertThat(w1g.raster().width() * w1g.raster().height()).isGreaterThanOrEqualTo(50 * 784);
        // And as a matrix on request: a 784x50 heatmap, every cell.
        robot.clickOn("#mode-matrix");
        LensAppFixture.await("w1.g as a matrix", 30, () -> {
            Inspection i = app.view.inspector().shownProperty().get();
            return i != null && i.label().equals("w1.g") && i.mode() == InspectMode.MATRIX;
        });
        assertThat(fx(() -> app.view.inspector().shownProperty().get().raster().height())).isEqualTo(400);

        // Next at the end stays at the end.
        robot.type(KeyCode.RIGHT);
        assertThat(fx(() -> app.state.step.get())).isEqualTo(7);
    }

    private javafx.scene.Node cellOf(String label) {
        fx(() -> app.view.inspector().list().scrollTo(label));
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        return fx(() -> app.view.inspector().list().lookupAll(".list-cell").stream()
                .filter(n -> n instanceof javafx.scene.control.ListCell<?> c && label.equals(c.getItem()))
                .findFirst().orElseThrow(() -> new AssertionError("no list cell for " + label)));
    }

    private Map<String, String> offered() {
        return fx(() -> {
            Map<String, String> m = new LinkedHashMap<>();
            for (TensorRef r : app.view.inspector().offeredTensors()) m.put(r.label(), r.shapeText());
            return m;
        });
    }

    private static Map<String, String> ordered(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
        return m;
    }
}
