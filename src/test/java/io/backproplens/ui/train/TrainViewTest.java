package io.backproplens.ui.train;

import io.backproplens.engine.Init;
import io.backproplens.engine.Params;
import io.backproplens.engine.Tensor;
import io.backproplens.train.TrainSnapshot;
import io.backproplens.train.Trainer;
import io.backproplens.ui.core.AppState;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import io.backproplens.ui.FxWait;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static io.backproplens.ui.FxWait.fx;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Train view headless, on the first 2,000 training and 500 validation rows of the real MNIST:
 * its buttons drive a real trainer on its own thread and what it draws is the trainer's state.
 */
@ExtendWith(ApplicationExtension.class)
class TrainViewTest {
    private TrainView view;
    private AppState state;

    @BeforeAll
    static void load() throws Exception { TrainViewFixture.load(); }

    @Start
    void start(Stage stage) {
        TrainViewFixture f = TrainViewFixture.start(stage, 1280, 720, 0);
        view = f.view;
        state = f.state;
    }

    private static void await(String what, Callable<Boolean> condition) { FxWait.await(what, 120, condition); }

    private Trainer trainer() {
        await("a trainer", () -> !view.trainers().isEmpty());
        return fx(() -> view.trainers().get(0));
    }

    private long shownStep() { return fx(() -> view.shownProperty().get() == null ? -1 : view.shownProperty().get().step()); }

    private void idle() {
        try {
            view.idle().get(120, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static boolean same(Params a, Params b) {
        if (a.tensors().size() != b.tensors().size()) return false;
        for (int i = 0; i < a.tensors().size(); i++) {
            Tensor x = a.tensors().get(i), y = b.tensors().get(i);
            if (!x.name().equals(y.name()) || !x.value().equals(y.value())) return false;
        }
        return true;
    }

    @Test
    void stepTrainsOneBatchAndChangesW1(FxRobot robot) {
        Trainer t = trainer();
        await("the untrained state on screen", () -> shownStep() == 0);
        INDArray before = t.initialParams().w(1).value();
        robot.clickOn("#train-step");
        await("one batch on screen", () -> shownStep() == 1);
        TrainSnapshot s = fx(() -> view.shownProperty().get());
        INDArray after = s.params().w(1).value();
        assertThat(after.equals(before)).as("w1 after one step").isFalse();
        // The update is w1 - lr * w1.g: the change is lr times the gradient the batch's trace recorded.
        INDArray grad = s.lastTrace().steps().stream().flatMap(st -> st.writes().stream())
                .filter(w -> w.label().equals("w1.g")).findFirst().orElseThrow().array();
        assertThat(before.sub(grad.mul(s.config().lr())).equalsWithEps(after, 1e-6)).isTrue();
        assertThat(fx(() -> ((Label) robot.lookup("#train-counter").query()).getText())).startsWith("batch 1 ");
        assertThat(s.trainLoss().size()).isEqualTo(1);

        // The activations picture's dead share: units whose ReLU output is 0 on every row of the batch,
        // counted here with ND4J's column max on the trace's own l2.
        INDArray l2 = s.lastTrace().steps().stream().flatMap(st -> st.writes().stream())
                .filter(w -> w.label().equals("l2")).findFirst().orElseThrow().array();
        INDArray colMax = l2.max(0);
        long dead = 0;
        for (int u = 0; u < colMax.length(); u++) if (colMax.getDouble(u) == 0) dead++;
        Activity.View v = fx(() -> view.runs().get(0).activity().view());
        assertThat(v.n()).isEqualTo(1);
        assertThat((double) v.dead(0, 0)).isCloseTo(dead / (double) l2.size(1), org.assertj.core.data.Offset.offset(1e-6));
        assertThat(v.gradNorm(0, 0)).isCloseTo(grad.norm2Number().floatValue(), org.assertj.core.data.Offset.offset(1e-3f));
    }

    @Test
    void stepRedrawsW1sTilesWithTheNewWeights(FxRobot robot) {
        // The tiles are made off the FX thread (TilesMaker): they must still end up showing the
        // weights after the step, not the initial ones. Unit nh-1's tile, pixel 413 (row 14, col 21).
        Trainer t = trainer();
        robot.clickOn("#train-step");
        await("one batch on screen", () -> shownStep() == 1);
        INDArray w1 = fx(() -> view.shownProperty().get().params().w(1).value());
        int nh = (int) w1.size(1), u = nh - 1, p = 413, cols = io.backproplens.ui.common.UnitTiles.columns(nh);
        io.backproplens.ui.common.HeatmapView tiles = robot.lookup("#train-tiles").query();
        await("w1's tiles after batch 1", () -> fx(() -> tiles.getRaster() != null && tiles.getRaster().caption().endsWith("after batch 1")));
        io.backproplens.ui.common.Raster r = fx(tiles::getRaster);
        int x = (u % cols) * 29 + p % 28, y = (u / cols) * 29 + p / 28;
        assertThat(r.values()[y * r.width() + x]).isEqualTo(w1.getFloat(p, u));
        assertThat(w1.getFloat(p, u)).as("the step changed that weight").isNotEqualTo(t.initialParams().w(1).value().getFloat(p, u));
    }

    @Test
    void theWarmUpDrawsOffTheFxThread() throws Exception {
        // The charts are warmed on a thread of their own (ChartWarmUp): drawing them there must work.
        var result = new java.util.concurrent.CompletableFuture<Integer>();
        Thread th = new Thread(() -> {
            try {
                result.complete(ChartWarmUp.run());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        th.start();
        assertThat(result.get(120, TimeUnit.SECONDS)).isEqualTo(ChartWarmUp.ROUNDS);
    }

    @Test
    void playTrainsUntilPausedThenStops(FxRobot robot) {
        // 1,000 epochs of 32 batches: Play would run for a long while if Pause did not stop it.
        Trainer first = trainer();
        fx(() -> { view.setConfig(view.config().withEpochs(1000)); return null; });
        await("a 1000-epoch trainer", () -> view.trainers().get(0) != first && view.trainers().get(0).config().epochs() == 1000);
        robot.clickOn("#train-play");
        await("Play on", () -> view.playingProperty().get());
        await("a few batches trained by Play", () -> shownStep() >= 5);
        robot.clickOn("#train-play");
        await("Play off", () -> !view.playingProperty().get());
        idle();
        long paused = trainer().snapshot().step();
        assertThat(paused).isLessThan(1000L * trainer().batchesPerEpoch());
        // Nothing trains behind the teacher's back: one Step later the count has moved by exactly one.
        robot.clickOn("#train-step");
        idle();
        assertThat(trainer().snapshot().step()).isEqualTo(paused + 1);
        await("the step on screen", () -> shownStep() == paused + 1);
    }

    @Test
    void resetReturnsToTheInitialWeights(FxRobot robot) {
        Trainer t = trainer();
        for (int i = 0; i < 3; i++) robot.clickOn("#train-step");
        await("three batches", () -> shownStep() == 3);
        assertThat(same(fx(() -> view.shownProperty().get()).params(), t.initialParams())).isFalse();
        robot.clickOn("#train-reset");
        await("the start on screen", () -> shownStep() == 0);
        TrainSnapshot s = fx(() -> view.shownProperty().get());
        assertThat(same(s.params(), t.initialParams())).as("weights after Reset equal initialParams()").isTrue();
        assertThat(s.trainLoss().size()).isZero();
        assertThat(t.snapshot().evaluations()).isEmpty();
    }

    @Test
    void theRaceShowsOneCurvePerChosenInit(FxRobot robot) {
        trainer();
        fx(() -> {
            view.setRaceInits(List.of(Init.RANDN, Init.KAIMING));
            view.setMode(TrainView.Mode.RACE);
            return null;
        });
        await("two racing trainers", () -> view.trainers().size() == 2);
        assertThat(fx(() -> view.trainers().stream().map(tr -> tr.config().init()).toList())).containsExactly(Init.RANDN, Init.KAIMING);
        robot.clickOn("#train-step");
        robot.clickOn("#train-step");
        await("both models stepped", () -> view.trainers().stream().allMatch(tr -> tr.snapshot().step() == 2));
        await("two curves", () -> view.raceCurves() == 2);
        assertThat(robot.lookup(".race-legend").queryAll()).hasSize(2);
        assertThat(robot.lookup("#race-legend-randn").tryQuery()).isPresent();
        // The same batches: the same data order and seed, only the init differs.
        assertThat(fx(() -> view.trainers().get(0).snapshot().step())).isEqualTo(2);

        robot.clickOn("#train-race-xavier");
        await("three racing trainers", () -> view.trainers().size() == 3);
        robot.clickOn("#train-step");
        await("three curves", () -> view.raceCurves() == 3);
        assertThat(robot.lookup(".race-legend").queryAll()).hasSize(3);
    }

    /**
     * After a race, Trained is offered for the model with the lowest smoothed train loss (the
     * reference: TensorBoard's bias-corrected moving average of each trainer's own per-batch losses,
     * computed here), its weights exactly that trainer's; a click on another init's name in the
     * legend offers that one instead. The offer says which model it is and why.
     */
    @Test
    void aStoppedRaceOffersItsBestModelAsTrainedAndAClickOffersAnother(FxRobot robot) {
        trainer();
        fx(() -> {
            view.setRaceInits(List.of(Init.RANDN, Init.KAIMING));
            view.setMode(TrainView.Mode.RACE);
            return null;
        });
        await("two racing trainers", () -> view.trainers().size() == 2 && view.ready());
        for (int i = 0; i < 6; i++) robot.clickOn("#train-step");
        await("both models stepped six times", () -> view.trainers().stream().allMatch(tr -> tr.snapshot().step() == 6));
        await("a race model offered", () -> state.trained.get() != null && state.trained.get().batches() == 6);

        Trainer best = null;
        double bestLoss = Double.POSITIVE_INFINITY;
        for (Trainer tr : fx(() -> view.trainers())) {
            var raw = tr.snapshot().trainLoss();
            double ema = 0, weight = 0;
            for (int i = 0; i < raw.size(); i++) {
                ema = 0.98 * ema + 0.02 * raw.get(i);
                weight = 0.98 * weight + 0.02;
            }
            if (ema / weight < bestLoss) { bestLoss = ema / weight; best = tr; }
        }
        Trainer bestTrainer = best;
        var offered = fx(() -> state.trained.get());
        assertThat(offered.from().init()).as("the init of the offered model").isEqualTo(bestTrainer.config().init());
        assertThat(same(offered.params(), bestTrainer.snapshot().params())).as("the offered weights are that trainer's").isTrue();
        assertThat(offered.model()).contains("init race", "the " + io.backproplens.ui.core.InitNames.of(bestTrainer.config().init()) + " model",
                "lowest smoothed train loss");
        assertThat(fx(() -> view.raceOfferedProperty().get())).isEqualTo(bestTrainer.config().init());
        assertThat(robot.lookup("#race-legend-" + bestTrainer.config().init().id()).query().getStyleClass()).contains("race-offered");

        Trainer other = fx(() -> view.trainers().stream().filter(tr -> tr != bestTrainer).findFirst().orElseThrow());
        robot.clickOn("#race-legend-" + other.config().init().id());
        await("the other model offered", () -> state.trained.get() != null && state.trained.get().from().init() == other.config().init());
        assertThat(same(fx(() -> state.trained.get().params()), other.snapshot().params())).isTrue();
        assertThat(fx(() -> state.trained.get().model())).contains("picked in the race's legend");
        assertThat(robot.lookup("#race-legend-" + other.config().init().id()).query().getStyleClass()).contains("race-offered");
        assertThat(robot.lookup("#race-legend-" + bestTrainer.config().init().id()).query().getStyleClass()).doesNotContain("race-offered");
    }

    @Test
    void aBadValueIsRefusedNamingTheField(FxRobot robot) {
        Trainer t = trainer();
        TextField lr = robot.lookup("#train-lr").queryAs(TextField.class);
        robot.interact(() -> lr.setText("-1"));
        robot.clickOn("#train-lr").type(KeyCode.ENTER);
        await("the message", () -> ((Label) robot.lookup("#train-problem").query()).getText().startsWith("lr "));
        assertThat(fx(() -> view.trainers().get(0))).isSameAs(t);
        robot.interact(() -> lr.setText("0.1"));
        robot.clickOn("#train-lr").type(KeyCode.ENTER);
        await("a new run at lr 0.1", () -> view.trainers().get(0).config().lr() == 0.1);
        assertThat(fx(() -> ((Label) robot.lookup("#train-problem").query()).getText())).isEmpty();
    }
}
