package io.backproplens.session;

import io.backproplens.Notebook;
import io.backproplens.data.Mnist;
import io.backproplens.data.MnistLoader;
import io.backproplens.engine.Init;
import io.backproplens.stats.Summary;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The numbers the notebook prints (02_fully_connected), from the same code path as {@code report}.
 * Data statistics are exact to the printed 4 decimals; the weight-dependent ones depend on the
 * random draws (the notebook's torch weights were unseeded), so they get a tolerance.
 */
class NotebookNumbersTest {
    static Mnist mnist;
    static Dataset data;
    static Session session;

    @BeforeAll
    static void load() throws Exception {
        mnist = MnistLoader.loadBundled();
        data = Datasets.normalized(mnist);
        session = new Session(data, DataType.FLOAT);
    }

    private static String dec4(double v) {
        String s = String.format(java.util.Locale.ROOT, "%.4f", v);
        return s.equals("-0.0000") ? "0.0000" : s;
    }

    @Test
    void dataStatisticsBeforeAndAfterNormalisingAreTheNotebooks() {
        Summary xt = Summary.of(mnist.xTrain()), xv = Summary.of(mnist.xValid());
        Summary nt = Summary.of(data.xTrain()), nv = Summary.of(data.xValid());

        assertThat(data.xTrain().shape()).containsExactly(50000, 784);
        assertThat(data.yTrain().shape()).containsExactly(50000);
        assertThat(data.xValid().shape()).containsExactly(10000, 784);
        assertThat(data.yValid().shape()).containsExactly(10000);
        assertThat(dec4(xt.mean()) + "/" + dec4(xt.std())).isEqualTo(Notebook.X_TRAIN_STATS);
        assertThat(dec4(xv.mean()) + "/" + dec4(xv.std())).isEqualTo(Notebook.X_VALID_STATS);
        assertThat(dec4(nt.mean()) + "/" + dec4(nt.std())).isEqualTo(Notebook.X_TRAIN_NORMALIZED_STATS);
        assertThat(Math.abs(nt.mean())).isLessThan(1e-3);  // the notebook's test_near_zero
        assertThat(dec4(nv.mean()) + "/" + dec4(nv.std())).isEqualTo(Notebook.X_VALID_NORMALIZED_STATS);
        assertThat(data.rawTrainMean()).isCloseTo(0.1304, within(5e-5));
        assertThat(data.rawTrainStd()).isCloseTo(0.3073, within(5e-5));
    }

    @Test
    void xavierKeepsTheLinearLayersStdNearOne() {
        PassResult r = session.run(Settings.defaults().withInit(Init.XAVIER).withBatch(1000));
        Summary w1 = Summary.of(r.weights().w1().value());
        Summary lin = Summary.of(r.validLin1()), relu = Summary.of(r.validRelu());

        assertThat(w1.mean()).isCloseTo(0, within(1e-3));
        assertThat(w1.std()).isCloseTo(Notebook.XAVIER_W1_STD, within(1e-3));
        assertThat(lin.std()).isCloseTo(Notebook.XAVIER_LIN_STD, within(0.05));
        assertThat(relu.mean()).isCloseTo(Notebook.XAVIER_RELU_MEAN, within(0.03));
        assertThat(relu.std()).isCloseTo(Notebook.XAVIER_RELU_STD, within(0.03));
    }

    @Test
    void kaimingGivesTheNotebooksReluStatistics() {
        PassResult r = session.run(Settings.defaults().withInit(Init.KAIMING).withBatch(1000));
        Summary relu = Summary.of(r.validRelu());

        assertThat(relu.mean()).isCloseTo(Notebook.KAIMING_RELU_MEAN, within(0.03));
        assertThat(relu.std()).isCloseTo(Notebook.KAIMING_RELU_STD, within(0.03));
        assertThat(r.validLin2().shape()).containsExactly(10000, 1);
    }

    @Test
    void theNotebooksOwnInitGivesItsTrainingLoss() {
        PassResult r = session.run(Settings.defaults().withInit(Init.NOTEBOOK));

        assertThat(r.loss()).isCloseTo(Notebook.LOSS, within(0.5));  // the notebook's weights were unseeded
    }

    /** The notebook's weights were unseeded; ours are seeded, so the loss is pinned: a change of draws or maths shows. */
    @Test
    void theSeededNotebookInitGivesThePinnedLoss() {
        PassResult r = session.run(Settings.defaults().withInit(Init.NOTEBOOK).withSeed(42));

        assertThat(r.loss()).isCloseTo(Notebook.SEEDED_LOSS, within(5e-5));
    }
}
