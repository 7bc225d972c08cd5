package io.backproplens.session;

import io.backproplens.data.Mnist;
import io.backproplens.data.MnistLoader;
import io.backproplens.engine.Init;
import io.backproplens.engine.TensorRef;
import io.backproplens.engine.TraceStep;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The two ways a pass holds less memory: without {@code x.g} when only its statistics are read,
 * and freed at once by {@link Session#release} when no one else holds it.
 */
class PassMemoryTest {
    static Session session;

    @BeforeAll
    static void load() throws Exception {
        Mnist m = MnistLoader.loadBundled();
        session = new Session(Datasets.normalized(m), DataType.FLOAT);
    }

    private static Map<String, INDArray> written(PassResult p) {
        Map<String, INDArray> out = new LinkedHashMap<>();
        for (TraceStep s : p.trace().steps()) {
            for (TensorRef w : s.writes()) out.put(w.label(), w.array());
        }
        return out;
    }

    @Test
    void withoutInputGradEveryOtherGradientIsTheSameAndXgIsMissing() {
        Settings s = Settings.defaults().withInit(Init.XAVIER).withBatch(2000);
        Map<String, INDArray> full = written(session.run(s));
        Map<String, INDArray> lean = written(session.runWithoutInputGrad(s));
        assertThat(full).containsKey("x.g");
        assertThat(lean).doesNotContainKey("x.g");
        for (String key : lean.keySet()) {
            assertThat(lean.get(key)).as(key).isEqualTo(full.get(key));
        }
        assertThat(lean.keySet()).contains("w1.g", "b1.g", "w2.g", "b2.g", "l1.g", "l2.g", "out.g");
    }

    private static TensorRef xg(PassResult p) {
        for (TraceStep s : p.trace().steps()) {
            for (TensorRef w : s.writes()) if (w.label().equals("x.g")) return w;
        }
        throw new AssertionError("the trace has no x.g");
    }

    @Test
    void xgIsInTheTraceButComputedOnlyWhenFirstReadAndEqualsL1gTimesW1Transposed() {
        PassResult p = session.run(Settings.defaults().withBatch(300));
        TensorRef xg = xg(p);
        assertThat(xg.ready()).as("x.g computed before anyone read it").isFalse();
        assertThat(xg.shape()).containsExactly(300, 784);
        assertThat(xg.ready()).as("its shape alone computes nothing").isFalse();
        assertThat(p.trace().tensorsAfter(p.trace().size() - 1).get("x.g").shapeText()).isEqualTo("300x784");
        assertThat(xg.ready()).isFalse();

        // The reference: x.g[i,k] = sum_j l1.g[i,j] * w1[k,j], in double, by plain loops.
        INDArray l1g = written(p).get("l1.g"), w1 = p.weights().w1().value();
        INDArray got = xg.array();
        assertThat(xg.ready()).isTrue();
        assertThat(xg.array()).as("computed once").isSameAs(got);
        double worst = 0;
        for (int i = 0; i < 300; i += 37) {
            for (int k = 0; k < 784; k += 13) {
                double want = 0;
                for (int j = 0; j < 50; j++) want += l1g.getDouble(i, j) * w1.getDouble(k, j);
                worst = Math.max(worst, Math.abs(got.getDouble(i, k) - want) / (Math.abs(want) + 1e-6));
            }
        }
        assertThat(worst).isLessThan(1e-3);
        assertThat(got.shape()).containsExactly(300, 784);
    }

    @Test
    void thePassReadsTheDatasOwnXTrainAndXValidNotCopies() {
        PassResult p = session.run(Settings.defaults());
        INDArray x = p.trace().get(0).reads().get(0).array();
        assertThat(x).isSameAs(session.data().xTrain());
        assertThat(session.xValid()).isSameAs(session.data().xValid());
        // ...and the trainer's data is the same array again.
        assertThat(io.backproplens.train.TrainData.of(session.data()).xTrain()).isSameAs(session.data().xTrain());
    }

    @Test
    void releaseLeavesAnXgNoOneAskedForUncomputed() {
        PassResult p = session.run(Settings.defaults().withBatch(200));
        TensorRef xg = xg(p);
        session.release(p);
        assertThat(xg.ready()).isFalse();
    }

    @Test
    void releaseFreesThePassesArraysAndLeavesTheDataUsable() {
        Settings s = Settings.defaults().withBatch(0);
        PassResult p = session.runWithoutInputGrad(s);
        double loss = p.loss();
        INDArray l1g = written(p).get("l1.g");
        session.release(p);
        assertThat(l1g.wasClosed()).isTrue();
        assertThat(p.validLin1().wasClosed()).isTrue();
        assertThat(p.weights().w1().value().wasClosed()).isTrue();
        // The session's x_train and x_valid are not the pass's: the same pass again gives the same loss.
        PassResult again = session.runWithoutInputGrad(s);
        assertThat(again.loss()).isEqualTo(loss);
        assertThat(again.validLin1()).isEqualTo(session.validPass(s).lin1());
    }

    @Test
    void theBundledDataFreesItsRawArraysButKeepsWhatItShows() throws Exception {
        Dataset freed = Datasets.bundled();  // frees the raw x and the test split it loaded
        Dataset kept = session.data();       // normalised from data nobody freed
        assertThat(freed.xTrain()).isEqualTo(kept.xTrain());
        assertThat(freed.yTrain()).isEqualTo(kept.yTrain());
        assertThat(freed.xValid()).isEqualTo(kept.xValid());
        assertThat(freed.yValid()).isEqualTo(kept.yValid());
    }

    @Test
    void aTrainedPassIsNotTheSessionsToFree() {
        Settings s = Settings.defaults().withBatch(100);
        PassResult p = session.run(s);
        Trained t = new Trained(p.params(), p.head(), s, 0, "none");
        assertThatThrownBy(() -> session.release(session.run(s, t))).isInstanceOf(IllegalArgumentException.class);
    }
}
