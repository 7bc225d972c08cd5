package io.backproplens.ui.shell;

import io.backproplens.engine.Head;
import io.backproplens.engine.Params;
import io.backproplens.session.Dataset;
import io.backproplens.session.PassResult;
import io.backproplens.session.Settings;
import io.backproplens.train.TrainConfig;
import io.backproplens.train.TrainData;
import io.backproplens.train.Trainer;
import io.backproplens.ui.common.Fmt;
import io.backproplens.ui.core.AppState;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import io.backproplens.ui.FxWait;

import static io.backproplens.ui.FxWait.fx;

import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The trained / initial switch in the real app on the real MNIST: train the notebook's network
 * in the Train view, switch to Trained, and the Network view's pass runs on the trained weights;
 * its loss is the one computed here from an independent replay of the same training.
 */
@ExtendWith(ApplicationExtension.class)
class TrainedSwitchTest {
    private static final int BATCH = 1000, STEPS = 25;
    private AppState state;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        LensAppFixture app = LensAppFixture.start(stage, 1280, 720, s -> s.settings.set(Settings.defaults().withBatch(BATCH)), true);
        state = app.state;
        window = app.window;
    }

    private static void await(String what, Callable<Boolean> condition) { FxWait.await(what, 240, condition); }

    private PassResult awaitPass(String what, java.util.function.Predicate<PassResult> p) {
        await(what, () -> state.pass.get() != null && p.test(state.pass.get()) && !state.busy.get());
        return fx(() -> state.pass.get());
    }

    @Test
    void switchingToTrainedRunsThePassOnTheTrainedWeightsAndBackGivesTheInitialLoss(FxRobot robot) {
        PassResult initial = awaitPass("the initial pass", p -> !p.isTrained());
        ToggleButton trained = robot.lookup("#weights-trained").queryAs(ToggleButton.class);
        assertThat(trained.isDisabled()).as("Trained before anything was trained").isTrue();
        assertThat(trained.isSelected()).as("Trained pressed at the start").isFalse();

        // The notebook's network (mse, depth 1) from the settings' init, seed and nh, in the Train view.
        TrainConfig config = TrainConfig.defaults(Head.MSE);
        fx(() -> {
            window.selectTab("train");
            window.train().setConfig(config);
            return null;
        });
        await("the trainer", () -> window.train().ready());
        for (int i = 0; i < STEPS; i++) robot.clickOn("#train-step");
        await(STEPS + " batches trained and offered", () -> window.train().batches() == STEPS
                && state.trained.get() != null && state.trained.get().batches() == STEPS);
        assertThat(trained.isDisabled()).isFalse();

        robot.clickOn("#weights-trained");
        PassResult after = awaitPass("the pass on the trained weights", PassResult::isTrained);
        assertThat(after.settings()).isEqualTo(initial.settings());

        // The reference: the same training replayed by a trainer of its own, and its loss on the
        // pass's 1,000 rows computed with plain ND4J ops (not the engine's modules).
        Dataset data = fx(() -> state.session.get().data());
        Trainer replay = new Trainer(config, TrainData.of(data));
        for (int i = 0; i < STEPS; i++) replay.step();
        double expected = mse(replay.snapshot().params(), data);
        double initialExpected = mse(replay.initialParams(), data);
        assertThat(initial.loss()).as("the initial loss").isCloseTo(initialExpected, within(1e-5 * initialExpected));
        assertThat(after.loss()).as("the trained loss").isCloseTo(expected, within(1e-5 * expected))
                .isLessThan(initial.loss() * 0.5);
        System.out.printf("loss on %d rows: initial %.6f (reference %.6f), after %d batches %.6f (reference %.6f)%n",
                BATCH, initial.loss(), initialExpected, STEPS, after.loss(), expected);

        // The Network view steps through it: at the end its loss chip reads the trained loss.
        fx(() -> {
            window.selectTab("network");
            window.network().end();
            return null;
        });
        await("the trained loss in the graph", () -> robot.lookup("#loss-value").queryAs(Label.class).getText()
                .equals("= " + Fmt.num(after.loss())));
        assertThat(robot.lookup("#net-counter").queryAs(Label.class).getText()).endsWith("trained");
        await("the Activations view on the trained weights", () -> {
            var shown = window.activations().forwardShownProperty().get();
            return shown != null && shown.isTrained();
        });

        robot.clickOn("#weights-trained");
        PassResult back = awaitPass("the initial pass again", p -> !p.isTrained());
        assertThat(back.loss()).isEqualTo(initial.loss());
        assertThat(robot.lookup("#net-counter").queryAs(Label.class).getText()).doesNotContain("trained");
    }

    /** {@code mean((relu(x @ w1 + b1) @ w2 + b2 - y)^2)} on the first rows, in double. */
    private static double mse(Params p, Dataset d) {
        INDArray x = d.xTrain().get(NDArrayIndex.interval(0, BATCH), NDArrayIndex.all()).castTo(DataType.DOUBLE);
        INDArray y = d.yTrain().get(NDArrayIndex.interval(0, BATCH)).castTo(DataType.DOUBLE).reshape(BATCH, 1);
        INDArray h = Transforms.relu(x.mmul(p.w(1).value().castTo(DataType.DOUBLE)).addRowVector(p.b(1).value().castTo(DataType.DOUBLE)), false);
        INDArray out = h.mmul(p.w(2).value().castTo(DataType.DOUBLE)).addRowVector(p.b(2).value().castTo(DataType.DOUBLE));
        INDArray diff = out.sub(y);
        return diff.mul(diff).meanNumber().doubleValue();
    }
}
