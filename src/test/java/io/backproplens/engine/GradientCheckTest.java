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
}
