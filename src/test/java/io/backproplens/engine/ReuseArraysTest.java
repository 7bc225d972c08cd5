package io.backproplens.engine;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link Model#reuseArrays}: a training loop that writes into arrays it allocated once gives the
 * weights the fresh-array engine gives, to the last bit; a call's trace stays as it was during the
 * next call; {@link Model#keepArrays()} hands a call's arrays over for good.
 */
class ReuseArraysTest {
    private static final int BS = 16;
    private static final INDArray X, Y;

    static {
        Nd4j.getRandom().setSeed(11);
        X = Nd4j.rand(DataType.FLOAT, 6 * BS + 5, Weights.INPUTS);   // a short last batch, as an epoch has
        Y = Nd4j.rand(DataType.FLOAT, 6 * BS + 5).muli(9);
    }

    private static Tensor rows(String name, INDArray a, long start, long n) {
        return new Tensor(name, a.rank() == 1 ? a.get(NDArrayIndex.interval(start, start + n))
                : a.get(NDArrayIndex.interval(start, start + n), NDArrayIndex.all()));
    }

    /** Every batch once per epoch, forward, backward, update; the weights at the end. */
    private static List<INDArray> train(int depth, boolean reuse, int epochs) {
        Params p = Params.init(Init.KAIMING, depth, 12, 1, 5, DataType.FLOAT);
        Model m = Model.stack(p, Head.MSE, 0).reuseArrays(reuse);
        for (int e = 0; e < epochs; e++) {
            for (long s = 0; s < X.size(0); s += BS) {
                long n = Math.min(BS, X.size(0) - s);
                m.call(rows("xb", X, s, n), rows("yb", Y, s, n));
                m.backward();
                m.update(0.05);
            }
        }
        return p.tensors().stream().map(t -> t.value().dup('c')).toList();
    }

    @Test
    void trainingIntoReusedArraysGivesTheFreshArraysWeightsBitForBit() {
        for (int depth : new int[]{1, 3}) {
            List<INDArray> fresh = train(depth, false, 2), reused = train(depth, true, 2);
            for (int i = 0; i < fresh.size(); i++) {
                assertThat(reused.get(i).data().asFloat()).as("depth " + depth + " tensor " + i).isEqualTo(fresh.get(i).data().asFloat());
            }
            assertThat(fresh.get(0).data().asFloat()).as("training moved w1")
                    .isNotEqualTo(Params.init(Init.KAIMING, depth, 12, 1, 5, DataType.FLOAT).w(1).value().dup('c').data().asFloat());
        }
    }

    private static List<float[]> contents(Trace t) {
        List<float[]> v = new ArrayList<>();
        for (TraceStep s : t.steps()) {
            for (TensorRef r : s.reads()) v.add(r.array().dup('c').data().asFloat());
            for (TensorRef w : s.writes()) v.add(w.array().dup('c').data().asFloat());
        }
        return v;
    }

    private static Trace step(Model m, long start) {
        m.call(rows("xb", X, start, BS), rows("yb", Y, start, BS));
        m.backward();
        m.update(0.05);
        return m.trace();
    }

    @Test
    void aCallsTraceStaysDuringTheNextCallAndIsWrittenOverByTheOneAfter() {
        Model m = Model.notebook(Weights.init(Init.KAIMING, 12, 3, DataType.FLOAT), 0).reuseArrays(true);
        Trace first = step(m, 0);
        List<float[]> seen = contents(first);
        // The update wrote new arrays, not the ones its own pass read: w1 before and after both exist.
        TraceStep lin1Update = first.steps().stream().filter(s -> s.title().equals("lin1 (update)")).findFirst().orElseThrow();
        assertThat(lin1Update.reads().get(0).array()).isNotSameAs(lin1Update.writes().get(0).array());

        step(m, BS);
        assertThat(contents(first)).as("during the next call").containsExactlyElementsOf(seen);

        step(m, 2 * BS);
        assertThat(contents(first)).as("the call after next writes over it").isNotEqualTo(seen);
    }

    @Test
    void keptArraysAreNeverWrittenAgain() {
        Model m = Model.notebook(Weights.init(Init.KAIMING, 12, 3, DataType.FLOAT), 0).reuseArrays(true);
        step(m, 0);
        Trace kept = step(m, BS);
        m.keepArrays();
        List<float[]> seen = contents(kept);
        for (int k = 2; k < 6; k++) step(m, k * BS);
        assertThat(contents(kept)).containsExactlyElementsOf(seen);
    }
}
