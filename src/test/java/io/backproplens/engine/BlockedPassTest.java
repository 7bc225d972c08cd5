package io.backproplens.engine;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class BlockedPassTest {
    static final int N = 1000, NH = 12;

    record Pass(Model model, double loss) {}

    private static INDArray[] data(DataType dtype) {
        Nd4j.getRandom().setSeed(11);
        INDArray x = Nd4j.randn(DataType.DOUBLE, N, Weights.INPUTS);
        INDArray y = Nd4j.createFromArray(new java.util.Random(11).ints(N, 0, 10).asDoubleStream().toArray());
        return new INDArray[]{Model.prepareInput(x, dtype), y.castTo(dtype)};
    }

    private static Pass pass(DataType dtype, double shift, int blockRows) {
        INDArray[] xy = data(dtype);
        Model m = Model.notebook(Weights.init(Init.KAIMING, NH, 5, dtype), shift).inputGrad(true);
        Tensor x = new Tensor("x", xy[0]), y = new Tensor("y", xy[1]);
        Tensor loss;
        if (blockRows == 0) {
            loss = m.call(x, y);
            m.backward();
        } else {
            loss = new BlockedPass(m, blockRows).run(x, y);
        }
        return new Pass(m, loss.value().getDouble(0));
    }

    /** Every tensor of the trace by label, as the app looks them up after the last step. */
    private static Map<String, TensorRef> tensors(Model m) { return m.trace().tensorsAfter(m.trace().size() - 1); }

    /** Largest difference relative to the largest entry of the reference. */
    private static double relErr(INDArray got, INDArray ref) {
        INDArray g = got.castTo(DataType.DOUBLE), r = ref.castTo(DataType.DOUBLE);
        return g.sub(r).amaxNumber().doubleValue() / Math.max(r.amaxNumber().doubleValue(), 1e-300);
    }

    @ParameterizedTest(name = "{0}, shift {1}, blocks of {2} rows")
    @CsvSource({"DOUBLE, 0, 128, 1e-12", "DOUBLE, 0.5, 333, 1e-12", "FLOAT, 0, 128, 2e-5",
            "FLOAT, 0.5, 1000, 2e-5", "FLOAT, 0, 4096, 2e-5", "FLOAT, 0, 97, 2e-5"})
    void equalsTheUnblockedPassToRounding(DataType dtype, double shift, int blockRows, double tol) {
        Pass whole = pass(dtype, shift, 0), blocked = pass(dtype, shift, blockRows);

        assertThat(blocked.loss()).isCloseTo(whole.loss(), org.assertj.core.data.Offset.offset(tol * whole.loss()));
        for (int i = 0; i < whole.model().params().size(); i++) {
            Tensor ref = whole.model().params().get(i), got = blocked.model().params().get(i);
            assertThat(relErr(got.g(), ref.g())).as(ref.name() + ".g").isLessThan(tol);
            assertThat(got.g().shape()).isEqualTo(ref.g().shape());
        }
        Map<String, TensorRef> ref = tensors(whole.model()), got = tensors(blocked.model());
        assertThat(got.keySet()).containsExactlyElementsOf(ref.keySet());
        for (String label : ref.keySet()) {
            assertThat(got.get(label).shape()).as(label).isEqualTo(ref.get(label).shape());
            assertThat(relErr(got.get(label).array(), ref.get(label).array())).as(label).isLessThan(tol);
        }
    }

    @ParameterizedTest
    @CsvSource({"128", "5000"})
    void theTraceIsTheWholeBatchsOneStepPerModule(int blockRows) {
        Model whole = pass(DataType.FLOAT, 0, 0).model(), blocked = pass(DataType.FLOAT, 0, blockRows).model();

        assertThat(blocked.trace().steps()).extracting(TraceStep::title)
                .containsExactlyElementsOf(whole.trace().steps().stream().map(TraceStep::title).toList());
        for (int i = 0; i < whole.trace().size(); i++) {
            TraceStep w = whole.trace().get(i), b = blocked.trace().get(i);
            assertThat(b.bound()).isEqualTo(w.bound());
            assertThat(b.batch()).isEqualTo(N);
            assertThat(b.reads()).extracting(TensorRef::toString).isEqualTo(w.reads().stream().map(TensorRef::toString).toList());
            assertThat(b.writes()).extracting(TensorRef::toString).isEqualTo(w.writes().stream().map(TensorRef::toString).toList());
        }
    }
}
