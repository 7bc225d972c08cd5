package io.backproplens.explain;

import io.backproplens.engine.Init;
import io.backproplens.engine.Model;
import io.backproplens.engine.Tensor;
import io.backproplens.engine.TensorRef;
import io.backproplens.engine.Trace;
import io.backproplens.engine.TraceStep;
import io.backproplens.engine.Weights;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shape explanation of every backward formula: the shape its rule gives from the operands'
 * shapes ((784,B)@(B,50) -> (784,50), (B,50).sum(0) -> (50,)) is the shape of the array the
 * engine wrote, and the shape of the parameter or input it is the gradient of.
 */
class ShapeStoryTest {
    private static final int B = 300, NH = 20;

    private static Trace pass() {
        Nd4j.getRandom().setSeed(5);
        INDArray x = Model.prepareInput(Nd4j.randn(DataType.DOUBLE, B, Weights.INPUTS), DataType.FLOAT);
        INDArray y = Nd4j.createFromArray(new Random(5).ints(B, 0, 10).asDoubleStream().toArray()).castTo(DataType.FLOAT);
        Model m = Model.notebook(Weights.init(Init.KAIMING, NH, 3, DataType.FLOAT), 0).inputGrad(true);
        m.call(new Tensor("x", x), new Tensor("y", y));
        m.backward();
        return m.trace();
    }

    @Test
    void everyBackwardFormulasResultHasTheShapeOfTheTensorItIsTheGradientOf() {
        Trace t = pass();
        List<ShapeStory> all = ShapeStory.all(t);
        assertThat(all).hasSize(8);
        for (TraceStep s : t.steps()) {
            if (s.phase() != TraceStep.Phase.BACKWARD) continue;
            for (TraceStep.Line l : s.lines()) {
                ShapeStory story = ShapeStory.of(t, l);
                assertThat(story.result().shape()).as(l.bound()).isEqualTo(l.writes().array().shape());
                assertThat(story.fits()).as(l.bound()).isTrue();
                assertThat(story.why()).as(l.bound()).isNotEmpty();
            }
        }
        ShapeStory w1 = all.stream().filter(st -> st.result().name().equals("w1.g")).findFirst().orElseThrow();
        assertThat(w1.operands().get(0).name()).isEqualTo("x.t()");
        assertThat(w1.lineUp()).isEqualTo("(784, 300) @ (300, 20) -> (784, 20)");
        assertThat(w1.target().name()).isEqualTo("w1");
        ShapeStory b1 = all.stream().filter(st -> st.result().name().equals("b1.g")).findFirst().orElseThrow();
        assertThat(b1.lineUp()).isEqualTo("(300, 20).sum(0) -> (20,)");
        ShapeStory relu = all.stream().filter(st -> st.result().name().equals("l1.g")).findFirst().orElseThrow();
        // The mask's count, checked against a count done here one element at a time.
        double[] l1 = t.tensorsAfter(t.size() - 1).get("l1").array().castTo(DataType.DOUBLE).dup().data().asDouble();
        long on = java.util.Arrays.stream(l1).filter(v -> v > 0).count();
        assertThat(relu.why().get(0)).contains(String.format(java.util.Locale.ROOT, "%,d of %,d entries are 1", on, (long) B * NH));
        ShapeStory mse = all.stream().filter(st -> st.result().name().equals("out.g")).findFirst().orElseThrow();
        assertThat(mse.lineUp()).isEqualTo("(300,) - (300,) -> (300, 1)");
        assertThat(mse.why().get(1)).contains("/ 300 because the loss is the mean over the 300 samples");
    }
}
