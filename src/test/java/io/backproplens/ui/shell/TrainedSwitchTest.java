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
    private static final int BATCH = 1000, STEPS = 25, CE_STEPS = 8;
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

        PassResult back = releaseOverTheLossScene(robot);
        assertThat(back.loss()).isEqualTo(initial.loss());
        assertThat(robot.lookup("#net-counter").queryAs(Label.class).getText()).doesNotContain("trained");
    }

    /**
     * The Train lesson's head (ce) two hidden layers deep: after Trained the Network view draws that
     * stack, its loss is an independent replay's log-softmax + NLL computed here by hand, and Next
     * from the start to the end lights every module's box going forward and coming back.
     */
    @Test
    void aTrainedCeStackOfDepthTwoIsDrawnAndSteppedThroughEveryModule(FxRobot robot) {
        PassResult initial = awaitPass("the initial pass", p -> !p.isTrained());
        TrainConfig config = TrainConfig.defaults(Head.CE).withDepth(2);
        fx(() -> {
            window.selectTab("train");
            window.train().setConfig(config);
            return null;
        });
        await("the trainer", () -> window.train().ready());
        for (int i = 0; i < CE_STEPS; i++) robot.clickOn("#train-step");
        await(CE_STEPS + " ce batches trained and offered", () -> window.train().batches() == CE_STEPS
                && state.trained.get() != null && state.trained.get().batches() == CE_STEPS);
        assertThat(robot.lookup("#weights-trained").queryAs(ToggleButton.class).isDisabled()).as("Trained offered for ce, depth 2").isFalse();

        robot.clickOn("#weights-trained");
        PassResult after = awaitPass("the pass on the trained ce stack", PassResult::isTrained);
        assertThat(after.head()).isEqualTo(Head.CE);
        assertThat(after.depth()).isEqualTo(2);

        Dataset data = fx(() -> state.session.get().data());
        Trainer replay = new Trainer(config, TrainData.of(data));
        for (int i = 0; i < CE_STEPS; i++) replay.step();
        double expected = nll(replay.snapshot().params(), data);
        double untrained = nll(replay.initialParams(), data);
        assertThat(after.loss()).as("the trained ce loss").isCloseTo(expected, within(1e-5 * expected))
                .isLessThan(untrained);
        System.out.printf("ce depth 2 on %d rows: untrained %.6f, after %d batches %.6f (reference %.6f)%n",
                BATCH, untrained, CE_STEPS, after.loss(), expected);

        // The lesson's captions name the model on screen: its three Lins and log_softmax, then NLL.
        fx(() -> {
            window.showLesson(Lesson.FORWARD);
            return null;
        });
        assertThat(fx(window::caption)).isEqualTo("Forward: x @ w1 + b1, ReLU, @ w2 + b2, ReLU, @ w3 + b3, log_softmax: every sample of the batch at once.");
        fx(() -> {
            window.showLesson(Lesson.LOSS);
            return null;
        });
        assertThat(fx(window::caption)).startsWith("Loss: log_softmax, then NLL").doesNotContain("MSE");

        // Step from before the pass to its end with Next, as the class would.
        fx(() -> {
            window.selectTab("network");
            window.network().reset();
            return null;
        });
        int steps = after.trace().size();
        java.util.Set<String> lit = new java.util.LinkedHashSet<>();
        for (int i = 0; i < steps; i++) {
            robot.clickOn("#net-next");
            int want = i;
            await("step " + (i + 1), () -> state.step.get() == want);
            String seen = fx(() -> {
                var step = after.trace().get(want);
                javafx.scene.shape.Rectangle box = window.network().graph().box(step.module());
                if (box == null || !box.isVisible()) return null;
                String style = step.phase() == io.backproplens.engine.TraceStep.Phase.BACKWARD ? "active-backward" : "active";
                return box.getStyleClass().contains(style) ? step.module() + " " + step.phase() : null;
            });
            assertThat(seen).as("the box of step " + (i + 1) + " (" + after.trace().get(i).title() + ") lit").isNotNull();
            lit.add(seen);
        }
        java.util.Set<String> every = new java.util.LinkedHashSet<>();
        for (String m : java.util.List.of("lin1", "relu1", "lin2", "relu2", "lin3", "log_softmax", "nll")) {
            every.add(m + " FORWARD");
            every.add(m + " BACKWARD");
        }
        assertThat(lit).as("every module forward and backward").containsExactlyInAnyOrderElementsOf(every);
        await("the trained ce loss in the graph", () -> robot.lookup("#loss-value").queryAs(Label.class).getText()
                .equals("= " + Fmt.num(after.loss())));
        assertThat(robot.lookup("#mse-sample").queryAs(Label.class).getText()).as("the NLL box's term for the sample").startsWith("-(");

        // The Activations view: one panel per layer of the trained stack, lin1 to lin3, on x_valid.
        fx(() -> {
            window.selectTab("activations");
            return null;
        });
        await("the Activations view on the trained stack", () -> {
            var shown = window.activations().forwardShownProperty().get();
            return shown == after && window.activations().trainedPanel("relu2") != null;
        });
        double relu2Mean = relu2Mean(replay.snapshot().params(), data);
        for (String layer : java.util.List.of("lin1", "relu1", "lin2", "relu2", "lin3")) {
            assertThat(fx(() -> window.activations().trainedPanel(layer))).as("a panel for " + layer).isNotNull();
        }
        assertThat(fx(() -> window.activations().trainedPanel("relu2").data().summary().mean()))
                .as("relu2's mean on x_valid").isCloseTo(relu2Mean, within(1e-4 * Math.max(1, Math.abs(relu2Mean))));

        PassResult back = releaseOverTheLossScene(robot);
        assertThat(back.loss()).as("the notebook's network with its initial weights, exactly as before").isEqualTo(initial.loss());
        assertThat(back.isNotebook()).isTrue();
        await("the notebook's graph again", () -> window.network().graph().box("mse") != null);
    }

    /**
     * {@code -mean(log_softmax(relu(relu(x @ w1 + b1) @ w2 + b2) @ w3 + b3)[i, y_i])} on the first
     * rows, in double, the log-softmax written out here (row max, exp, sum, log) rather than the engine's.
     */
    private static double nll(Params p, Dataset d) {
        INDArray a = d.xTrain().get(NDArrayIndex.interval(0, BATCH), NDArrayIndex.all()).castTo(DataType.DOUBLE);
        for (int i = 1; i <= p.depth() + 1; i++) {
            a = a.mmul(p.w(i).value().castTo(DataType.DOUBLE)).addRowVector(p.b(i).value().castTo(DataType.DOUBLE));
            if (i <= p.depth()) a = Transforms.relu(a, false);
        }
        double[][] out = a.toDoubleMatrix();
        double[] y = d.yTrain().get(NDArrayIndex.interval(0, BATCH)).castTo(DataType.DOUBLE).toDoubleVector();
        double sum = 0;
        for (int r = 0; r < BATCH; r++) {
            double max = Double.NEGATIVE_INFINITY;
            for (double v : out[r]) max = Math.max(max, v);
            double e = 0;
            for (double v : out[r]) e += Math.exp(v - max);
            sum += out[r][(int) y[r]] - max - Math.log(e);
        }
        return -sum / BATCH;
    }

    /** The mean of {@code relu(relu(x_valid @ w1 + b1) @ w2 + b2)} over every x_valid row, in double. */
    private static double relu2Mean(Params p, Dataset d) {
        INDArray a = d.xValid().castTo(DataType.DOUBLE);
        for (int i = 1; i <= 2; i++) {
            a = Transforms.relu(a.mmul(p.w(i).value().castTo(DataType.DOUBLE)).addRowVector(p.b(i).value().castTo(DataType.DOUBLE)), false);
        }
        return a.meanNumber().doubleValue();
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

    /**
     * Trained released over the Loss scene: the pass goes back to the initial weights and the
     * caption follows the notebook's model back (MSE, no log_softmax or NLL). Returns that pass.
     */
    private PassResult releaseOverTheLossScene(FxRobot robot) {
        fx(() -> {
            window.showLesson(Lesson.LOSS);
            return null;
        });
        robot.clickOn("#weights-trained");
        PassResult back = awaitPass("the initial pass again", p -> !p.isTrained());
        // The caption follows at once (the step now stands in the notebook's pass, maybe in another phase).
        await("a caption for the notebook's model", () -> !window.caption().contains("NLL") && !window.caption().contains("log_softmax"));
        fx(() -> {
            window.showLesson(Lesson.LOSS);
            return null;
        });
        assertThat(fx(window::caption)).isEqualTo("Loss: " + Lesson.LOSS.caption()).startsWith("Loss: MSE");
        return back;
    }
}
