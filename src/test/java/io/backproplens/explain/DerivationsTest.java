package io.backproplens.explain;

import io.backproplens.engine.Init;
import io.backproplens.engine.Model;
import io.backproplens.engine.Tensor;
import io.backproplens.engine.TensorRef;
import io.backproplens.engine.Trace;
import io.backproplens.engine.TraceStep;
import io.backproplens.engine.Weights;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Every derivation adds up to the element the engine computed, for random elements of every .g. */
class DerivationsTest {

    enum Dtype {
        FLOAT(DataType.FLOAT, 1e-5), DOUBLE(DataType.DOUBLE, 1e-12);
        final DataType type;
        final double tolerance;
        Dtype(DataType t, double tol) { type = t; tolerance = tol; }
    }

    private static Trace pass(DataType dtype, double shift) {
        Nd4j.getRandom().setSeed(5);
        INDArray x = Model.prepareInput(Nd4j.randn(DataType.DOUBLE, 300, Weights.INPUTS), dtype);
        INDArray y = Nd4j.createFromArray(new Random(5).ints(300, 0, 10).asDoubleStream().toArray()).castTo(dtype);
        Model m = Model.notebook(Weights.init(Init.KAIMING, 20, 3, dtype), shift).inputGrad(true);
        m.call(new Tensor("x", x), new Tensor("y", y));
        m.backward();
        return m.trace();
    }

    @ParameterizedTest
    @EnumSource(Dtype.class)
    void everyGradientOfThePassIsExplainedAndAddsUpToItsElement(Dtype d) {
        Trace t = pass(d.type, 0.5);
        Random rng = new Random(11);
        int explained = 0;
        for (TraceStep s : t.steps()) {
            if (s.phase() != TraceStep.Phase.BACKWARD) continue;
            for (TensorRef g : s.writes()) {
                long[] shape = g.array().shape();
                for (int draw = 0; draw < 5; draw++) {
                    long[] at = new long[shape.length];
                    for (int k = 0; k < shape.length; k++) at[k] = (long) (rng.nextDouble() * shape[k]);
                    Derivation der = Derivations.of(t, g.label(), at);
                    double scale = Math.max(1e-30, g.array().castTo(DataType.DOUBLE).amaxNumber().doubleValue());
                    assertThat(der.total()).as(der.element()).isCloseTo(der.engine(), within(d.tolerance * scale));
                    assertThat(der.engine()).isEqualTo(g.array().getDouble(at));
                    assertThat(der.terms()).isNotEmpty();
                    assertThat(der.terms().get(der.terms().size() - 1).partialSum())
                            .isCloseTo(der.terms().stream().mapToDouble(Derivation.Term::value).sum(), within(1e-12 * scale + 1e-300));
                }
                explained++;
            }
        }
        // out.g; l2.g, w2.g, b2.g; l1.g; x.g, w1.g, b1.g
        assertThat(explained).isEqualTo(8);
    }

    @Test
    void w1gIsTheBatchSumOfInputTimesGradientWithItsTermsSpelledOut() {
        Trace t = pass(DataType.DOUBLE, 0);
        Derivation d = Derivations.of(t, "w1.g", 3, 7);

        assertThat(d.element()).isEqualTo("w1.g[3,7]");
        assertThat(d.rule()).isEqualTo("dL/dw1[3,7] = sum_i x[i,3] * l1.g[i,7]");
        assertThat(d.count()).isEqualTo(300);
        assertThat(d.terms()).hasSize(Derivations.SHOWN_TERMS);
        assertThat(d.terms().get(0).text()).startsWith("x[0,3] * l1.g[0,7] = ");
    }

    @Test
    void theMseStepAnswersTheSignQuestion() {
        Derivation d = Derivations.of(pass(DataType.DOUBLE, 0), "out.g", 4, 0);

        assertThat(d.rule()).isEqualTo("dL/dout[4,0] = 2 * (out[4] - y[4]) / 300");
        assertThat(d.note()).contains("(y - out)^2 the loss is the same and so is the gradient");
    }

    @Test
    void theReluSaysWhetherTheGradientPasses() {
        Trace t = pass(DataType.DOUBLE, 0);
        Derivation d = Derivations.of(t, "l1.g", 0, 0);
        assertThat(d.count()).isEqualTo(1);
        assertThat(d.note()).containsAnyOf("let it through", "cut it to 0");
    }

    @Test
    void anElementOutsideTheTensorIsRefusedInWords() {
        assertThatThrownBy(() -> Derivations.of(pass(DataType.DOUBLE, 0), "w1.g", 784, 0))
                .hasMessage("w1.g[784,0] is outside 784x20");
        assertThatThrownBy(() -> Derivations.of(pass(DataType.DOUBLE, 0), "w9.g", 0, 0))
                .hasMessage("no backward step writes w9.g");
    }
}
