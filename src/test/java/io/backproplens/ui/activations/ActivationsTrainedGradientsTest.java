package io.backproplens.ui.activations;

import static io.backproplens.ui.FxWait.fx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.backproplens.engine.Head;
import io.backproplens.engine.Params;
import io.backproplens.session.Dataset;
import io.backproplens.session.Datasets;
import io.backproplens.session.PassResult;
import io.backproplens.session.Session;
import io.backproplens.session.Settings;
import io.backproplens.session.Trained;
import io.backproplens.stats.Summary;
import io.backproplens.train.TrainConfig;
import io.backproplens.train.TrainData;
import io.backproplens.train.Trainer;
import io.backproplens.ui.FxWait;
import io.backproplens.ui.core.AppState;
import io.backproplens.ui.core.Background;
import io.backproplens.ui.core.Controller;
import io.backproplens.ui.core.ErrorDialogs;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Gradients mode (G) on a trained stack: with Trained on, the panels are the trained model's own
 * gradients, one per layer and weight, and each one's mean, std and share of exact zeros is what a
 * backward pass written out here in plain ND4J (double precision, no engine module) gives for the
 * same weights and the same training rows. Releasing Trained brings back the notebook's five.
 */
@ExtendWith(ApplicationExtension.class)
class ActivationsTrainedGradientsTest {
    private static final int BATCH = 1000, STEPS = 6;
    private static Session session;

    private AppState state;
    private ActivationsView view;

    @BeforeAll
    static void load() throws Exception {
        session = new Session(Datasets.bundled(), DataType.FLOAT);
        ErrorDialogs.setShowDialogs(false);
    }

    @Start
    void start(Stage stage) {
        state = new AppState();
        state.settings.set(Settings.defaults().withBatch(BATCH));
        Controller controller = new Controller(state, new Background(state));
        view = new ActivationsView(controller);
        io.backproplens.ui.TestStage.show(stage, view, 1280, 720);
        state.session.set(session);
        controller.recompute();
    }

    private static void await(String what, Callable<Boolean> c) { FxWait.await(what, 240, c); }

    @Test
    void gradientsModeShowsTheTrainedStacksGradientsAsAPlainReplayComputesThem(FxRobot robot) {
        fx(() -> { view.setMode(ActivationsView.Mode.GRADIENTS); return null; });
        await("the notebook's gradients", () -> view.forwardShownProperty().get() != null
                && !view.forwardShownProperty().get().isTrained() && view.gradientPanel("w1.g").data() != null);
        LayerData notebookW1 = fx(() -> view.gradientPanel("w1.g").data());

        // A ce model two hidden layers deep, trained a few batches, offered and switched on.
        TrainConfig config = TrainConfig.defaults(Head.CE).withDepth(2);
        Dataset data = session.data();
        Trainer trainer = new Trainer(config, TrainData.of(data));
        for (int i = 0; i < STEPS; i++) trainer.step();
        Params params = trainer.snapshot().params();
        Settings from = new Settings(config.init(), config.seed(), config.nh(), config.reluShift(), BATCH);
        fx(() -> {
            state.trained.set(new Trained(params, Head.CE, from, STEPS, STEPS + " batches of " + config.bs()));
            state.showTrained.set(true);
            return null;
        });
        await("the trained stack's gradients in Gradients mode", () -> {
            PassResult shown = view.forwardShownProperty().get();
            return shown != null && shown.isTrained() && shown == state.pass.get() && view.trainedGradientPanel("w1.g") != null;
        });

        Map<String, INDArray> expected = replay(params, data);
        assertThat(fx(view::trainedGradientKeys)).as("one panel per gradient, in the order the backward pass wrote them")
                .containsExactlyElementsOf(expected.keySet());
        assertThat(fx(() -> view.gradientPanel("w1.g").isVisible() && view.gradientPanel("w1.g").getParent().isVisible()))
                .as("the notebook's w1.g panel still on screen").isFalse();
        for (var e : expected.entrySet()) {
            LayerData d = fx(() -> view.trainedGradientPanel(e.getKey()).data());
            INDArray want = e.getValue();
            double mean = want.meanNumber().doubleValue(), std = want.stdNumber().doubleValue();
            Summary got = d.summary();
            assertThat(got.count()).as(e.getKey() + " values").isEqualTo(want.length());
            assertThat(got.std()).as(e.getKey() + " std").isCloseTo(std, within(1e-3 * std));
            assertThat(got.mean()).as(e.getKey() + " mean").isCloseTo(mean, within(1e-3 * std + 1e-12));
            if (e.getKey().equals("l1.g") || e.getKey().equals("l3.g")) {
                // The ReLU's input gradient: exactly 0 wherever the ReLU clamped (in the replay, where its input was <= 0).
                double zeros = exactZeros(want);
                assertThat(d.histogram().atomShare()).as(e.getKey() + " share of exact zeros").isCloseTo(zeros, within(2e-3));
                assertThat(zeros).as(e.getKey() + " has clamped entries").isGreaterThan(0.05);
            }
        }
        LayerData w1 = fx(() -> view.trainedGradientPanel("w1.g").data());
        assertThat(w1.summary().std()).as("the trained w1.g is not the notebook pass's").isNotCloseTo(notebookW1.summary().std(),
                within(1e-3 * notebookW1.summary().std()));

        // Released: the notebook's five gradients again, of the initial weights.
        fx(() -> { state.showTrained.set(false); return null; });
        await("the notebook's gradients again", () -> {
            PassResult shown = view.forwardShownProperty().get();
            return shown != null && !shown.isTrained() && view.trainedGradientKeys().isEmpty()
                    && view.gradientPanel("w1.g").getParent().isVisible();
        });
        assertThat(fx(() -> view.gradientPanel("w1.g").data().summary().std())).isCloseTo(notebookW1.summary().std(),
                within(1e-6 * notebookW1.summary().std()));
    }

    /** The share of entries exactly 0 (ND4J's equality conditions allow an epsilon: counted here one by one). */
    private static double exactZeros(INDArray a) {
        long n = 0;
        for (double v : a.ravel().toDoubleVector()) if (v == 0.0) n++;
        return n / (double) a.length();
    }

    /**
     * The backward pass of {@code log_softmax(relu(relu(x @ w1 + b1) @ w2 + b2) @ w3 + b3)} with NLL,
     * by hand in double on the first {@link #BATCH} training rows: each gradient under the engine's
     * label, in the order the engine's backward writes them.
     */
    private static Map<String, INDArray> replay(Params p, Dataset d) {
        INDArray x = d.xTrain().get(NDArrayIndex.interval(0, BATCH), NDArrayIndex.all()).castTo(DataType.DOUBLE);
        double[] y = d.yTrain().get(NDArrayIndex.interval(0, BATCH)).castTo(DataType.DOUBLE).toDoubleVector();
        INDArray[] w = new INDArray[4], b = new INDArray[4];
        for (int i = 1; i <= 3; i++) {
            w[i] = p.w(i).value().castTo(DataType.DOUBLE);
            b[i] = p.b(i).value().castTo(DataType.DOUBLE);
        }
        INDArray z1 = x.mmul(w[1]).addRowVector(b[1]), a1 = Transforms.relu(z1, true);
        INDArray z2 = a1.mmul(w[2]).addRowVector(b[2]), a2 = Transforms.relu(z2, true);
        INDArray z3 = a2.mmul(w[3]).addRowVector(b[3]);
        // Log-softmax written out: subtract the row max, then the log of the row sum of exps.
        INDArray shifted = z3.subColumnVector(z3.max(1).reshape(BATCH, 1));
        INDArray logp = shifted.subColumnVector(Transforms.log(Transforms.exp(shifted, true).sum(1), false).reshape(BATCH, 1));
        INDArray onehot = Nd4j.zeros(DataType.DOUBLE, BATCH, 10);
        for (int r = 0; r < BATCH; r++) onehot.putScalar(r, (int) y[r], 1.0);
        INDArray dLogp = onehot.mul(-1.0 / BATCH);
        INDArray dz3 = dLogp.sub(Transforms.exp(logp, true).mulColumnVector(dLogp.sum(1).reshape(BATCH, 1)));
        INDArray da2 = dz3.mmul(w[3].transpose());
        INDArray dz2 = da2.mul(z2.gt(0).castTo(DataType.DOUBLE));
        INDArray da1 = dz2.mmul(w[2].transpose());
        INDArray dz1 = da1.mul(z1.gt(0).castTo(DataType.DOUBLE));
        Map<String, INDArray> g = new LinkedHashMap<>();
        g.put("sm_pred.g", dLogp);
        g.put("out.g", dz3);
        g.put("l4.g", da2);
        g.put("w3.g", a2.transpose().mmul(dz3));
        g.put("l3.g", dz2);
        g.put("l2.g", da1);
        g.put("w2.g", a1.transpose().mmul(dz2));
        g.put("l1.g", dz1);
        g.put("w1.g", x.transpose().mmul(dz1));
        return g;
    }
}
