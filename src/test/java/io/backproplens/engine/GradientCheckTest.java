package io.backproplens.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class GradientCheckTest {

    /** A small batch of normalised-looking inputs and digit labels; MNIST itself is not needed. */
    static GradientCheck.Problem problem(Init init, double shift) {
        Nd4j.getRandom().setSeed(7);
        INDArray x = Nd4j.randn(DataType.DOUBLE, 64, Weights.INPUTS);
        INDArray y = Nd4j.createFromArray(new java.util.Random(7).ints(64, 0, 10).asDoubleStream().toArray());
        return new GradientCheck.Problem(Weights.init(init, 16, 42, DataType.DOUBLE), shift, x, y);
    }

    @ParameterizedTest
    @EnumSource(Init.class)
    void manualGradientsMatchSameDiffAndFiniteDifferences(Init init) {
        GradientCheck.Result r = GradientCheck.run(problem(init, 0), 8, 1);

        assertThat(r.checks()).hasSize(10);
        assertThat(r.checks()).allSatisfy(c -> assertThat(c.pass()).as(c.toString()).isTrue());
        assertThat(r.passed()).isTrue();
        assertThat(r.loss()).isCloseTo(r.referenceLoss(), org.assertj.core.data.Percentage.withPercentage(1e-9));
    }

    @Test
    void passesWithTheNotebooksShiftedRelu() {
        assertThat(GradientCheck.run(problem(Init.KAIMING, 0.5), 8, 2).passed()).isTrue();
    }

    @Test
    void failsWhenAGradientIsCorrupted() {
        GradientCheck.Problem p = problem(Init.XAVIER, 0);
        Map<String, INDArray> grads = GradientCheck.engineGradients(p);
        INDArray w2g = grads.get("w2").dup();
        w2g.putScalar(3, 0, w2g.getDouble(3, 0) * 1.01 + 1e-3);  // one entry off by ~1%
        grads.put("w2", w2g);

        GradientCheck.Result r = GradientCheck.compare(grads, p, 50, 1);

        assertThat(r.passed()).isFalse();
        assertThat(r.checks()).filteredOn(c -> !c.pass()).extracting(GradientCheck.Check::tensor)
                .containsOnly("w2");
        assertThat(r.checks()).filteredOn(c -> c.tensor().equals("w2"))
                .allSatisfy(c -> assertThat(c.pass()).isFalse());
    }

    /** The app runs in float32: its gradients must agree with SameDiff's float32 ones to float rounding. */
    @ParameterizedTest
    @EnumSource(Init.class)
    void float32GradientsMatchSameDiffInFloat32(Init init) {
        Nd4j.getRandom().setSeed(11);
        INDArray x = Model.prepareInput(Nd4j.randn(DataType.FLOAT, 256, Weights.INPUTS), DataType.FLOAT);
        INDArray y = Nd4j.createFromArray(new java.util.Random(11).ints(256, 0, 10).asDoubleStream().toArray()).castTo(DataType.FLOAT);
        Weights w = Weights.init(init, 50, 42, DataType.FLOAT);
        Tensor xt = new Tensor("x", x);
        Model m = Model.notebook(w, 0).inputGrad(true);
        double loss = m.call(xt, new Tensor("y", y)).value().getDouble(0);
        m.backward();

        SameDiffModel sd = new SameDiffModel(w, 0, DataType.FLOAT, true);
        Map<String, INDArray> ref = sd.gradients(x, y);
        assertThat(loss).isCloseTo(sd.loss(x, y), org.assertj.core.data.Percentage.withPercentage(1e-3));
        Map<String, INDArray> mine = Map.of("w1", w.w1().g(), "b1", w.b1().g(), "w2", w.w2().g(), "b2", w.b2().g(), "x", xt.g());
        for (var e : mine.entrySet()) {
            INDArray a = e.getValue().castTo(DataType.DOUBLE);
            INDArray b = ref.get(e.getKey()).castTo(DataType.DOUBLE).reshape(a.shape());
            double scale = b.amaxNumber().doubleValue();
            double err = a.sub(b).amaxNumber().doubleValue();
            // float32 has 24 bits (6e-8); sums of a few hundred products lose a few more.
            assertThat(err / scale).as(e.getKey() + ".g, " + init).isLessThan(1e-4);
        }
    }
}
