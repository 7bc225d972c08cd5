package io.backproplens.ui.network;

import io.backproplens.ui.common.Fmt;
import io.backproplens.engine.GradientCheck;
import io.backproplens.engine.Init;
import io.backproplens.engine.TensorRef;
import io.backproplens.session.PassResult;
import io.backproplens.ui.shell.ControlsBar;
import io.backproplens.ui.common.HeatmapView;
import javafx.geometry.Bounds;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.List;

import static io.backproplens.ui.network.LensAppFixture.await;
import static io.backproplens.ui.network.LensAppFixture.fx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The real app on a mini-batch of 1,000 rows (fast): Previous, the controls, the gradient check and
 * the heatmap's hover.
 */
@ExtendWith(ApplicationExtension.class)
class NetworkViewMiniBatchTest {
    private LensAppFixture app;

    @Start
    void start(Stage stage) { app = new LensAppFixture(stage, s -> s.withBatch(1000), 800); }  // 1280x800: the full chrome, its fields and scene buttons

    @Test
    void previousRestoresExactlyTheEarlierStep(FxRobot robot) {
        app.awaitPass("a 1000-row pass", p -> p.settings().batch() == 1000);
        fx(() -> app.stage.requestFocus());
        for (int i = 0; i < 8; i++) robot.type(KeyCode.RIGHT);
        await("the last step", 30, () -> app.state.step.get() == 7);
        app.awaitInspection("x.g");
        assertThat(labels()).contains("x.g", "w1.g", "b1.g");

        robot.type(KeyCode.LEFT);
        await("step 7 of 8", 30, () -> app.state.step.get() == 6);
        // The state after relu's backward: l1.g exists, the first layer's gradients do not yet.
        assertThat(labels()).contains("l1.g", "l2.g").doesNotContain("x.g", "w1.g", "b1.g");
        assertThat(fx(() -> app.view.formulas().formulas())).containsExactly("l1.g = (l1>0).float() * l2.g");
        assertThat(fx(() -> app.view.formulas().title())).isEqualTo("Step 7 of 8: relu, backward");
        assertThat(fx(() -> app.view.graph().chip("x.g").isVisible())).isFalse();
        assertThat(fx(() -> app.view.graph().chip("l1.g").getStyleClass().contains("chip-write"))).isTrue();
        assertThat(fx(() -> app.view.graph().box("relu").getStyleClass())).contains("active-backward");
        Inspection l1g = app.awaitInspection("l1.g");
        // The very array the engine wrote at that step, not a recomputation.
        assertThat(l1g.ref().array()).isSameAs(fx(() -> app.view.pass().model().layers().get(0).out().g()));

        // Back through the forward pass to before the first step, with the Previous button.
        for (int i = 0; i < 6; i++) robot.clickOn("#net-prev");
        await("step 1 of 8", 30, () -> app.state.step.get() == 0);
        assertThat(labels()).containsExactly("x", "w1", "b1", "w2", "b2", "y", "l1");
        assertThat(fx(() -> app.view.formulas().formulas())).containsExactly("l1 = x @ w1 + b1");
        assertThat(fx(() -> app.view.graph().chip("l2").getStyleClass().contains("chip-absent"))).isTrue();
        robot.clickOn("#net-prev");
        await("before the first step", 30, () -> app.state.step.get() == -1);
        assertThat(fx(() -> app.view.formulas().formulas())).isEmpty();
        assertThat(labels()).doesNotContain("l1");
        // Home resets, Next after it starts again at lin1.
        robot.type(KeyCode.RIGHT);
        await("step 1 again", 30, () -> app.state.step.get() == 0);
    }

    @Test
    void switchingInitChangesTheDisplayedStatistics(FxRobot robot) {
        app.awaitPass("a 1000-row Kaiming pass", p -> p.settings().batch() == 1000 && p.settings().init() == Init.KAIMING);
        fx(() -> app.view.inspector().select("w1"));
        app.awaitInspection("w1");
        double kaimingStd = Double.parseDouble(fx(() -> app.view.inspector().statText("std")));
        assertThat(kaimingStd).isCloseTo(Math.sqrt(2.0 / 784), within(0.002));

        chooseInit(robot, Init.XAVIER);
        PassResult xavier = app.awaitPass("the Xavier pass", p -> p.settings().init() == Init.XAVIER);
        await("w1's statistics for Xavier", 60, () -> {
            Inspection i = app.view.inspector().shownProperty().get();
            return i != null && i.label().equals("w1") && i.ref().array() == xavier.weights().w1().value();
        });
        double xavierStd = Double.parseDouble(fx(() -> app.view.inspector().statText("std")));
        assertThat(xavierStd).isCloseTo(1 / Math.sqrt(784), within(0.002)).isNotEqualTo(kaimingStd);

        // randn: std 1; the activations' statistics follow too.
        chooseInit(robot, Init.RANDN);
        app.awaitPass("the randn pass", p -> p.settings().init() == Init.RANDN);
        await("w1's statistics for randn", 60, () -> {
            Inspection i = app.view.inspector().shownProperty().get();
            return i != null && i.label().equals("w1") && i.ref().array() == app.view.pass().weights().w1().value();
        });
        assertThat(Double.parseDouble(fx(() -> app.view.inspector().statText("std")))).isCloseTo(1.0, within(0.02));
    }

    @Test
    void badSettingsAreRefusedWithAMessageNamingTheField(FxRobot robot) {
        PassResult before = app.awaitPass("a 1000-row pass", p -> p.settings().batch() == 1000);
        TextField nh = robot.lookup("#nh-field").queryAs(TextField.class);
        robot.doubleClickOn(nh).eraseText(4).write("0").type(KeyCode.ENTER);
        ControlsBar bar = robot.lookup(".controls-bar").queryAs(ControlsBar.class);
        await("a message", 10, () -> !bar.message().isEmpty());
        assertThat(fx(bar::message)).contains("nh").contains("between 1 and").contains("got 0").contains("Kept");
        assertThat(fx(() -> nh.getStyleClass())).contains("field-error");
        assertThat(fx(() -> app.state.settings.get().nh())).isEqualTo(50);
        assertThat(fx(() -> app.state.pass.get())).isSameAs(before);

        TextField seed = robot.lookup("#seed-field").queryAs(TextField.class);
        robot.doubleClickOn(seed).eraseText(6).write("abc").type(KeyCode.ENTER);
        await("the seed message", 10, () -> bar.message().startsWith("\u26a0 seed"));
        assertThat(fx(bar::message)).contains("'abc' is not a whole number");
        assertThat(fx(() -> app.state.settings.get().seed())).isEqualTo(42L);

        // A good value is applied and clears the message.
        robot.doubleClickOn(nh).eraseText(4).write("20").type(KeyCode.ENTER);
        PassResult nh20 = app.awaitPass("the nh = 20 pass", p -> p.settings().nh() == 20);
        assertThat(fx(bar::message)).isEmpty();
        assertThat(nh20.trace().tensorsAfter(0).get("l1").shapeText()).isEqualTo("1000x20");
    }

    @Test
    void gradientCheckRunsOnTheCurrentBatchAndShowsPassFail(FxRobot robot) {
        app.awaitPass("a 1000-row pass", p -> p.settings().batch() == 1000);
        robot.clickOn("#btn-gradcheck");
        GradCheckPanel panel = app.view.gradCheck();
        await("the gradient check", 180, () -> panel.resultProperty().get() != null);
        GradientCheck.Result r = fx(() -> panel.resultProperty().get());
        assertThat(r.checks()).hasSize(10);
        assertThat(r.passed()).as("%s", r.checks()).isTrue();
        assertThat(fx(panel::statusText)).contains("all 1,000 rows");
        assertThat(robot.lookup("#gradcheck-w1-samediff").queryLabeled().getText()).contains("pass");
        assertThat(robot.lookup("#gradcheck-summary").queryLabeled().getText()).contains("All 10 checks pass");
    }

    @Test
    void hoveringTheHeatmapShowsIndexAndValue(FxRobot robot) {
        app.awaitPass("a 1000-row pass", p -> p.settings().batch() == 1000);
        fx(() -> app.view.inspector().select("w2"));
        Inspection w2 = app.awaitInspection("w2");
        HeatmapView heat = app.view.inspector().heatmap();
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        Bounds b = fx(() -> heat.canvas().localToScreen(heat.canvas().getBoundsInLocal()));
        // w2 is 50x1: one column of 50 cells, stretched over the canvas; row 25 is just past the middle.
        robot.moveTo(new javafx.geometry.Point2D(b.getMinX() + b.getWidth() / 2, b.getMinY() + b.getHeight() * 25.5 / 50));
        await("the hover text for row 25", 10, () -> heat.hoverTextProperty().get().startsWith("w2[25, 0] = "));
        String text = fx(() -> heat.hoverTextProperty().get());
        float expected = w2.ref().array().getFloat(25, 0);
        assertThat(text).endsWith(io.backproplens.ui.common.Fmt.num(expected));
    }

    @Test
    void playWalksToTheEndAndStopsAndPTogglesIt(FxRobot robot) {
        app.awaitPass("a 1000-row pass", p -> p.settings().batch() == 1000);
        fx(() -> {
            javafx.scene.control.Slider speed = robot.lookup("#net-speed").queryAs(javafx.scene.control.Slider.class);
            speed.setValue(speed.getMax());
            return null;
        });
        robot.clickOn("#net-play");
        await("Play to reach the last step and stop", 30,
                () -> app.state.step.get() == 7 && !app.view.playback().playingProperty().get());
        fx(() -> app.stage.requestFocus());
        robot.type(KeyCode.HOME);
        await("Home to reset", 10, () -> app.state.step.get() == -1);
        robot.type(KeyCode.P);
        await("P to play", 10, () -> app.state.step.get() >= 0);
        robot.type(KeyCode.P);
        assertThat(fx(() -> app.view.playback().playingProperty().get())).isFalse();
    }

    @Test
    void theSelectedSampleAndAMiniBatchComeFromTheControls(FxRobot robot) {
        PassResult pass = app.awaitPass("a 1000-row pass", p -> p.settings().batch() == 1000);
        TextField sample = robot.lookup("#sample-field").queryAs(TextField.class);
        robot.doubleClickOn(sample).eraseText(6).write("7").type(KeyCode.ENTER);
        await("sample 7", 10, () -> app.state.sample.get() == 7);
        float label7 = pass.trace().tensorsAfter(-1).get("y").array().getFloat(7);
        await("the input to show sample 7's label", 10, () -> robot.lookup("#input-label").queryLabeled().getText()
                .equals("label " + io.backproplens.ui.common.Fmt.num(label7)));
        robot.clickOn("#sample-next");
        await("sample 8", 10, () -> app.state.sample.get() == 8);
        // x shown as the selected sample's digit follows it.
        fx(() -> app.view.inspector().select("x"));
        await("x for sample 8", 30, () -> {
            Inspection i = app.view.inspector().shownProperty().get();
            return i != null && i.label().equals("x") && i.mode() == InspectMode.SAMPLE && i.sample() == 8;
        });
        // Out of the batch's range: refused, the sample stays.
        robot.doubleClickOn(sample).eraseText(6).write("1000").type(KeyCode.ENTER);
        ControlsBar bar = robot.lookup(".controls-bar").queryAs(ControlsBar.class);
        await("the sample message", 10, () -> bar.message().contains("sample"));
        assertThat(fx(bar::message)).contains("between 0 and 999");
        assertThat(fx(() -> app.state.sample.get())).isEqualTo(8);

        // A mini-batch of 500 chosen in the bar: every shape follows.
        TextField batch = robot.lookup("#batch-field").queryAs(TextField.class);
        robot.doubleClickOn(batch).eraseText(6).write("500").type(KeyCode.ENTER);
        PassResult p500 = app.awaitPass("the 500-row pass", p -> p.settings().batch() == 500);
        assertThat(p500.trace().tensorsAfter(7).get("x.g").shapeText()).isEqualTo("500x784");
        await("the inspector to offer the 500-row x", 10, () -> app.view.inspector().offeredTensors().get(0).shapeText().equals("500x784"));
        // And back to the whole training set.
        robot.clickOn("#batch-choice");
        robot.clickOn("all 50,000");
        PassResult all = app.awaitPass("the full pass", p -> p.settings().batch() == 0);
        assertThat(all.trace().tensorsAfter(-1).get("x").shapeText()).isEqualTo("50000x784");
    }

    @Test
    void predictModeHidesWhatTheStepWritesUntilTheReveal(FxRobot robot) {
        app.awaitPass("a 1000-row pass", p -> p.settings().batch() == 1000);
        fx(() -> app.state.predict.set(true));
        fx(() -> app.stage.requestFocus());
        robot.type(KeyCode.RIGHT);
        await("step 1, hidden", 10, () -> app.state.step.get() == 0 && app.state.hidden.get());
        assertThat(labels()).doesNotContain("l1");
        assertThat(fx(() -> app.view.graph().chip("l1").getText())).isEqualTo("l1 ?");
        assertThat(fx(() -> app.view.formulas().formulas())).containsExactly("l1 = x @ w1 + b1");
        assertThat(fx(() -> app.view.graph().box("lin1").getStyleClass())).contains("active");

        robot.type(KeyCode.RIGHT);   // the reveal: same step, now with its result
        await("the reveal", 10, () -> !app.state.hidden.get());
        assertThat(fx(() -> app.state.step.get())).isZero();
        assertThat(labels()).contains("l1");
        assertThat(fx(() -> app.view.graph().chip("l1").getText())).isEqualTo("l1 1000x50");
        assertThat(app.awaitInspection("l1").shapeText()).isEqualTo("1000x50");

        robot.type(KeyCode.END);
        await("End to go to the last step", 10, () -> app.state.step.get() == 7);
    }

    @Test
    void theGraphFitsTheWindowAndZoomsAndPans(FxRobot robot) {
        app.awaitPass("a 1000-row pass", p -> p.settings().batch() == 1000);
        ZoomPane zoom = app.view.zoom();
        // Window sizes within the headless screen (1280x800: a larger stage breaks its renderer);
        // 1920x1080 is checked by eye (docs/screenshots/network.png), the fit is the same code.
        for (double[] size : new double[][]{{1280, 720}, {1024, 640}, {1280, 800}}) {
            fx(() -> {
                app.stage.setWidth(size[0]);
                app.stage.setHeight(size[1]);
            });
            org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
            // Fitted: the whole drawing inside the pane, as large as the pane allows, unless that
            // would draw it below the legibility floor: then it stays at the floor and overflows.
            Bounds pane = fx(() -> zoom.localToScene(zoom.getLayoutBounds()));
            Bounds drawn = fx(() -> app.view.graph().localToScene(new javafx.geometry.BoundingBox(0, 0, NetworkGraph.WIDTH, NetworkGraph.HEIGHT)));
            double floor = NetworkViewTestSupport.floor(app);
            assertThat(fx(zoom::effectiveScale)).as("at %s", size[0]).isGreaterThanOrEqualTo(floor - 1e-9);
            if (fx(zoom::effectiveScale) > floor + 1e-6) {
                assertThat(drawn.getMinX()).as("at %s", size[0]).isGreaterThanOrEqualTo(pane.getMinX() - 0.5);
                assertThat(drawn.getMaxX()).isLessThanOrEqualTo(pane.getMaxX() + 0.5);
                assertThat(drawn.getMinY()).isGreaterThanOrEqualTo(pane.getMinY() - 0.5);
                assertThat(drawn.getMaxY()).isLessThanOrEqualTo(pane.getMaxY() + 0.5);
                assertThat(Math.max(drawn.getWidth() / pane.getWidth(), drawn.getHeight() / pane.getHeight())).isGreaterThan(0.95);
            } else {
                // At the floor: no empty margin shown past the drawing's ends on the overflowing axis.
                if (drawn.getWidth() > pane.getWidth()) {
                    assertThat(drawn.getMinX()).isLessThanOrEqualTo(pane.getMinX() + 0.5);
                    assertThat(drawn.getMaxX()).isGreaterThanOrEqualTo(pane.getMaxX() - 0.5);
                }
            }
        }
        fx(() -> {
            app.stage.setWidth(1280);
            app.stage.setHeight(720);
        });
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        double fitted = fx(zoom::effectiveScale);
        robot.clickOn("#zoom-in");
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(zoom::effectiveScale)).isCloseTo(fitted * 1.25, within(1e-6));
        // Dragging pans: a chip moves with the pointer.
        Bounds before = fx(() -> app.view.graph().chip("x").localToScene(app.view.graph().chip("x").getBoundsInLocal()));
        Bounds pane = fx(() -> zoom.localToScreen(zoom.getLayoutBounds()));
        robot.drag(pane.getMinX() + pane.getWidth() * 0.55, pane.getMinY() + pane.getHeight() * 0.9)
                .dropBy(-100, 0);
        Bounds after = fx(() -> app.view.graph().chip("x").localToScene(app.view.graph().chip("x").getBoundsInLocal()));
        assertThat(after.getMinX()).isCloseTo(before.getMinX() - 100, within(2.0));
        robot.clickOn("#zoom-fit");
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(zoom::effectiveScale)).isCloseTo(fitted, within(1e-6));
    }

    private List<String> labels() {
        return fx(() -> app.view.inspector().offeredTensors().stream().map(TensorRef::label).toList());
    }

    /**
     * Picks an init in the controls bar's combo box. Selected through the control, not by clicking
     * the popup's text: the window has other nodes reading "Xavier" (the activations view's
     * buttons), and a click by text could land on one of them.
     */
    private static void chooseInit(FxRobot robot, Init init) {
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<Init> box = robot.lookup("#init-choice").queryAs(javafx.scene.control.ComboBox.class);
        robot.interact(() -> box.getSelectionModel().select(init));
    }
}
