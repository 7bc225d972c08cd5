package io.backproplens.engine;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The SGD step as engine equations: {@code w -= lr * w.g}, one update step per layer, then the grads cleared. */
class UpdateStepTest {

    private static List<String> labels(List<TensorRef> refs) { return refs.stream().map(TensorRef::label).toList(); }

    private static Model pass(Weights w) {
        Nd4j.getRandom().setSeed(3);
        Model m = Model.notebook(w, 0);
        m.call(new Tensor("x", Nd4j.randn(DataType.DOUBLE, 8, Weights.INPUTS)),
                new Tensor("y", Nd4j.createFromArray(new double[]{0, 1, 2, 3, 4, 5, 6, 7})));
        m.backward();
        return m;
    }

    @Test
    void anUpdateTemplateWritesItsSlotAndReadsItAndItsGradient() {
        Equation e = Equation.parse("{w} -= lr * {w}.g");

        assertThat(e.update()).isTrue();
        assertThat(e.notebook()).isEqualTo("w -= lr * w.g");
        assertThat(e.writes()).isEqualTo(new Equation.Slot("w", false));
        assertThat(e.reads()).containsExactly(new Equation.Slot("w", false), new Equation.Slot("w", true));
        assertThat(e.bind(s -> "w1")).isEqualTo("w1 -= lr * w1.g");
        assertThat(Equation.parse("{out} = {inp} @ {w} + {b}").update()).isFalse();
        assertThatThrownBy(() -> Equation.parse("{w}.g -= lr * {w}.g")).isInstanceOf(IllegalArgumentException.class);
    }

    /** The new values, entry by entry in plain Java from the arrays the trace recorded before the step. */
    @Test
    void theUpdateEqualsWMinusLrTimesWgComputedIndependently() {
        Weights w = Weights.init(Init.KAIMING, 5, 11, DataType.DOUBLE);
        Model m = pass(w);
        double lr = 0.25;
        List<double[]> before = w.all().stream().map(t -> t.value().dup('c').data().asDouble()).toList();
        List<double[]> grads = w.all().stream().map(t -> t.g().dup('c').data().asDouble()).toList();

        m.update(lr);

        for (int k = 0; k < 4; k++) {
            Tensor t = w.all().get(k);
            double[] after = t.value().dup('c').data().asDouble();
            for (int i = 0; i < after.length; i++) {
                double expected = before.get(k)[i] - lr * grads.get(k)[i];
                assertThat(after[i]).as(t.name() + "[" + i + "]").isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-15 * Math.max(1, Math.abs(expected))));
            }
            assertThat(t.g()).as(t.name() + ".g is cleared").isNull();
        }
        assertThat(after(w.w1())).isNotEqualTo(before.get(0));
    }

    private static double[] after(Tensor t) { return t.value().dup('c').data().asDouble(); }

    @Test
    void eachLayerWithTensorsRecordsOneUpdateStepWithItsBoundFormulas() {
        Weights w = Weights.init(Init.XAVIER, 4, 2, DataType.DOUBLE);
        Model m = pass(w);
        INDArray w1Before = w.w1().value();
        m.update(0.1);

        List<TraceStep> updates = m.trace().steps().stream().filter(s -> s.phase() == TraceStep.Phase.UPDATE).toList();
        assertThat(m.trace().size()).isEqualTo(8 + 2);
        assertThat(updates).extracting(TraceStep::title).containsExactly("lin1 (update)", "lin2 (update)");
        assertThat(updates.get(0).formulas()).containsExactly("w -= lr * w.g", "b -= lr * b.g");
        assertThat(updates.get(0).bound()).containsExactly("w1 -= lr * w1.g", "b1 -= lr * b1.g");
        assertThat(updates.get(1).bound()).containsExactly("w2 -= lr * w2.g", "b2 -= lr * b2.g");
        assertThat(labels(updates.get(0).reads())).containsExactly("w1", "w1.g", "b1", "b1.g");
        assertThat(labels(updates.get(0).writes())).containsExactly("w1", "b1");
        // The forward step still shows the w1 it read: the update wrote a fresh array.
        assertThat(m.trace().get(0).reads().get(1).array()).isSameAs(w1Before);
        assertThat(m.trace().tensorsAfter(-1).get("w1").array()).isSameAs(w1Before);
        assertThat(m.trace().tensorsAfter(m.trace().size() - 1).get("w1").array()).isSameAs(w.w1().value());
    }

    @Test
    void updateNeedsAPassAndForwardCodeMayNotUseAnUpdateTemplate() {
        Weights w = Weights.init(Init.XAVIER, 4, 2, DataType.DOUBLE);
        Model fresh = Model.notebook(w, 0);
        assertThatThrownBy(() -> fresh.update(0.1)).isInstanceOf(IllegalStateException.class).hasMessageContaining("before a forward");

        EquationTest.Sneaky sneaky = new EquationTest.Sneaky("{w} -= {inp} @ {w}", w.w1(), w.b1());
        assertThatThrownBy(() -> sneaky.call(new Tensor("x", Nd4j.ones(DataType.DOUBLE, 2, Weights.INPUTS))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-=");
    }
}
