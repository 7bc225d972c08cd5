package io.backproplens.engine;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EngineTraceTest {
    static final int N = 6, NH = 4;

    private static Model pass(boolean inputGrad) {
        Nd4j.getRandom().setSeed(3);
        INDArray x = Nd4j.randn(DataType.FLOAT, N, Weights.INPUTS);
        INDArray y = Nd4j.createFromArray(new float[]{1, 2, 3, 4, 5, 6});
        Model m = Model.notebook(Weights.init(Init.KAIMING, NH, 1, DataType.FLOAT), 0).inputGrad(inputGrad);
        m.call(new Tensor("x", Model.prepareInput(x, DataType.FLOAT)), new Tensor("y", y));
        m.backward();
        return m;
    }

    private static List<String> written(TraceStep s) {
        return s.writes().stream().map(r -> r.label() + " " + r.shapeText()).toList();
    }

    @Test
    void forwardRunsTheLayersThenTheLossAndBackwardComesBackInReverse() {
        Trace t = pass(false).trace();

        assertThat(t.steps()).extracting(TraceStep::title).containsExactly(
                "lin1", "relu", "lin2", "mse",
                "mse (backward)", "lin2 (backward)", "relu (backward)", "lin1 (backward)");
        assertThat(t.steps()).extracting(TraceStep::phase).containsExactly(
                TraceStep.Phase.FORWARD, TraceStep.Phase.FORWARD, TraceStep.Phase.FORWARD, TraceStep.Phase.FORWARD,
                TraceStep.Phase.BACKWARD, TraceStep.Phase.BACKWARD, TraceStep.Phase.BACKWARD, TraceStep.Phase.BACKWARD);
    }

    @Test
    void eachStepWritesTheNotebooksTensorsWithTheirShapes() {
        Trace t = pass(false).trace();

        assertThat(written(t.get(0))).containsExactly("l1 6x4");
        assertThat(written(t.get(1))).containsExactly("l2 6x4");
        assertThat(written(t.get(2))).containsExactly("out 6x1");
        assertThat(written(t.get(3))).containsExactly("loss scalar");
        assertThat(written(t.get(4))).containsExactly("out.g 6x1");
        assertThat(written(t.get(5))).containsExactly("l2.g 6x4", "w2.g 4x1", "b2.g 1");
        assertThat(written(t.get(6))).containsExactly("l1.g 6x4");
        // x.g is skipped unless asked for: nothing trains the data.
        assertThat(written(t.get(7))).containsExactly("w1.g 784x4", "b1.g 4");
        assertThat(t.get(7).bound()).containsExactly("w1.g = x.t() @ l1.g", "b1.g = l1.g.sum(0)");
    }

    @Test
    void closeWrittenFreesWhatThePassWroteAndNeverItsInputsOrWeights() {
        Model m = pass(false);
        Trace t = m.trace();
        var after = t.tensorsAfter(t.size() - 1);
        INDArray x = after.get("x").array(), w1 = after.get("w1").array();
        List<INDArray> wrote = t.steps().stream().flatMap(s -> s.writes().stream()).map(TensorRef::array)
                .filter(a -> !a.isView()).toList();
        t.closeWritten();
        assertThat(wrote).isNotEmpty().allMatch(INDArray::wasClosed);
        assertThat(x.wasClosed()).as("x, the pass's input").isFalse();
        assertThat(w1.wasClosed()).as("w1, a weight").isFalse();
        assertThat(w1.sumNumber().doubleValue()).as("w1 still readable").isFinite();
    }

    @Test
    void theInputsGradientIsWrittenWhenAskedFor() {
        Trace t = pass(true).trace();

        assertThat(written(t.get(7))).containsExactly("x.g 6x784", "w1.g 784x4", "b1.g 4");
        assertThat(t.get(7).bound()).first().isEqualTo("x.g = l1.g @ w1.t()");
    }
}
