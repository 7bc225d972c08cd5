package io.backproplens.ui.activations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.backproplens.engine.Init;
import io.backproplens.engine.Weights;
import io.backproplens.session.Datasets;
import io.backproplens.session.PassResult;
import io.backproplens.session.Session;
import io.backproplens.session.Settings;
import io.backproplens.session.ValidPass;
import io.backproplens.stats.Summary;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/** What the histogram panels are given, checked against the engine without any UI. */
class ActivationDataTest {
    private static Session session;

    @BeforeAll
    static void load() throws Exception {
        session = new Session(Datasets.bundled(), DataType.FLOAT);
    }

    @Test
    void kaimingReluStdExceedsXaviersOverSeveralSeeds() {
        Settings base = Settings.defaults();
        for (long seed = 1; seed <= 8; seed++) {
            Summary xavier = Summary.of(session.validPass(base.withSeed(seed).withInit(Init.XAVIER)).relu());
            Summary kaiming = Summary.of(session.validPass(base.withSeed(seed).withInit(Init.KAIMING)).relu());
            assertThat(kaiming.std()).as("seed %d: Kaiming %s vs Xavier %s", seed, kaiming, xavier).isGreaterThan(xavier.std());
            // Same normals, scaled by sqrt(2) more, through a ReLU (positively homogeneous): exactly sqrt(2).
            assertThat(kaiming.std() / xavier.std()).isCloseTo(Math.sqrt(2), within(1e-4));
        }
    }

    @Test
    void validPassIsTheNotebooksForwardOnXValid() {
        Settings s = Settings.defaults().withBatch(500).withSeed(9).withReluShift(0.5);
        ValidPass only = session.validPass(s);
        // The reference, written out with plain ND4J on the same weights: x_valid @ w1 + b1,
        // clamp_min(0) - shift, @ w2 + b2 (the notebook's lin, relu, lin).
        Weights w = session.run(s).weights();
        INDArray x = session.xValid().castTo(DataType.FLOAT);
        INDArray lin1 = x.mmul(w.w1().value()).addRowVector(w.b1().value().reshape(1, -1));
        INDArray relu = Transforms.max(lin1, 0.0, true).sub(0.5);
        INDArray lin2 = relu.mmul(w.w2().value()).addRowVector(w.b2().value().reshape(1, -1));
        assertThat(only.lin1().shape()).containsExactly(10_000, 50);
        assertThat(only.lin1().castTo(DataType.FLOAT).equalsWithEps(lin1, 1e-4)).as("lin1").isTrue();
        assertThat(only.relu().castTo(DataType.FLOAT).equalsWithEps(relu, 1e-4)).as("relu").isTrue();
        assertThat(only.lin2().castTo(DataType.FLOAT).equalsWithEps(lin2, 1e-4)).as("lin2").isTrue();
        // And the full pass shows the same x_valid outputs. Not bit for bit: OpenBLAS splits the
        // 10,000-row sgemm by the threads it has at the moment, which changes the summation order
        // (seen on CI: means equal to 9 digits, not 10).
        assertThat(session.run(s).validRelu().equalsWithEps(only.relu(), 1e-5)).as("full pass's x_valid relu").isTrue();
    }

    @Test
    void forwardDataIsTheEnginesStatisticsAndEveryValue() {
        PassResult p = session.run(Settings.defaults().withBatch(1000).withReluShift(0.5));
        List<LayerData> f = ActivationData.forward(p);
        assertThat(f).extracting(LayerData::key).containsExactly("lin1", "relu", "lin2");
        assertThat(f.get(0).summary()).isEqualTo(Summary.of(p.validLin1()));
        assertThat(f.get(1).summary()).isEqualTo(Summary.of(p.validRelu()));
        assertThat(f.get(2).summary()).isEqualTo(Summary.of(p.validLin2()));
        // The ReLU - 0.5 writes exactly -0.5 where lin1 <= 0: the histogram's atom counts exactly those.
        long clamped = p.validLin1().lte(0).castTo(DataType.INT).sumNumber().longValue();
        assertThat(f.get(1).histogram().atom()).isEqualTo(-0.5);
        assertThat(f.get(1).histogram().atomCount()).isEqualTo(clamped);
        assertThat(f.get(1).formula()).isEqualTo("lin1.clamp_min(0.) - 0.5");
        for (LayerData d : f) assertThat(d.histogram().total()).isEqualTo(d.summary().count());
    }

    @Test
    void gradientsAreTheOnesTheBackwardPassWrote() {
        PassResult p = session.run(Settings.defaults().withBatch(1000));
        Map<String, INDArray> g = ActivationData.gradientArrays(p);
        // In the order the backward pass wrote them: mse, lin2 (l2.g, w2.g), relu, lin1.
        assertThat(g.keySet()).containsExactly("out.g", "l2.g", "w2.g", "l1.g", "w1.g");
        assertThat(g.get("w1.g")).isSameAs(p.weights().w1().g());
        assertThat(g.get("w2.g")).isSameAs(p.weights().w2().g());
        List<LayerData> d = ActivationData.gradients(p);
        assertThat(d).extracting(LayerData::key).containsExactly("out.g", "l2.g", "l1.g", "w1.g", "w2.g");
        assertThat(d.get(3).shapeText()).isEqualTo("784x50");
        assertThat(d.get(2).summary()).isEqualTo(Summary.of(g.get("l1.g")));
        // l1.g is 0 wherever the ReLU clamped (l1 <= 0) on the training batch.
        long zeros = g.get("l1.g").eq(0).castTo(DataType.INT).sumNumber().longValue();
        assertThat(d.get(2).histogram().atomCount()).isEqualTo(zeros).isPositive();
    }

    @Test
    void compareTableAveragesTheEnginesStatisticsOverTheSeeds() {
        Settings base = Settings.defaults().withSeed(100);
        ActivationData.Comparison c = ActivationData.compare(session, base, Init.XAVIER, Init.KAIMING, 3);
        double sumA = 0, sumB = 0;
        for (int k = 0; k < 3; k++) {
            sumA += Summary.of(session.validPass(base.withSeed(100 + k).withInit(Init.XAVIER)).relu()).std();
            sumB += Summary.of(session.validPass(base.withSeed(100 + k).withInit(Init.KAIMING)).relu()).std();
        }
        // 1e-7, not exact: each pass's sgemm may be split over a different number of BLAS threads.
        assertThat(c.row("relu").stdA()).isCloseTo(sumA / 3, within(1e-7));
        assertThat(c.row("relu").stdB()).isCloseTo(sumB / 3, within(1e-7));
        assertThat(c.row("relu").stdB()).isGreaterThan(c.row("relu").stdA());
        // The pictures: first seed, shared bins and count axis.
        ActivationData.Pair relu = c.pair("relu");
        assertThat(relu.a().histogram().binning()).isEqualTo(relu.b().histogram().binning());
        assertThat(relu.yMax()).isEqualTo(Math.max(relu.a().histogram().maxCount(), relu.b().histogram().maxCount()));
        Summary first = Summary.of(session.validPass(base.withInit(Init.XAVIER)).relu());
        assertThat(relu.a().summary().count()).isEqualTo(first.count());
        assertThat(relu.a().summary().std()).isCloseTo(first.std(), within(1e-7));
        assertThat(relu.a().histogram().below() + relu.a().histogram().above()).isZero();
    }
}
