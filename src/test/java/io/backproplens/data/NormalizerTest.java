package io.backproplens.data;

import io.backproplens.Notebook;
import static io.backproplens.data.MnistLoaderTest.f4;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.backproplens.stats.Summary;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class NormalizerTest {

    @Test
    void normalisingByTheTrainStatsGivesTheNotebooksNumbers() throws IOException {
        Mnist m = TestData.bundled();
        Normalizer n = Normalizer.fit(m.xTrain());
        assertThat(f4(n.mean()) + "/" + f4(n.std())).isEqualTo(Notebook.X_TRAIN_STATS);

        INDArray train = n.apply(m.xTrain());
        INDArray valid = n.apply(m.xValid());
        Summary t = Summary.of(train);
        Summary v = Summary.of(valid);
        assertThat(Math.abs(t.mean())).isLessThan(1e-3); // the notebook's test_near_zero
        assertThat(f4(t.std())).isEqualTo("1.0000");
        assertThat(f4(v.mean()) + "/" + f4(v.std())).isEqualTo(Notebook.X_VALID_NORMALIZED_STATS);
        assertThat(train.dataType()).isEqualTo(DataType.FLOAT);
        assertThat(train.shape()).containsExactly(50000, 784);
        // A new array: the raw pixels are still there.
        assertThat(Summary.of(m.xTrain()).max()).isEqualTo(255.0 / 256);
    }

    @Test
    void normalizeIsXMinusMOverS() {
        INDArray x = Nd4j.createFromArray(new double[] {1, 2, 3, 4});
        INDArray y = Normalizer.normalize(x, 2.5, 0.5);
        assertThat(y.dataType()).isEqualTo(DataType.FLOAT);
        assertThat(y.toFloatVector()).containsExactly(-3f, -1f, 1f, 3f);
        assertThat(x.toDoubleVector()).containsExactly(1, 2, 3, 4); // input untouched

        INDArray f = Nd4j.createFromArray(new float[] {0f, 1f});
        INDArray g = Normalizer.normalize(f, 0.5, 2);
        assertThat(g.toFloatVector()).containsExactly(-0.25f, 0.25f);
        assertThat(f.toFloatVector()).containsExactly(0f, 1f);
    }

    @Test
    void fitUsesTheUnbiasedStd() {
        Normalizer n = Normalizer.fit(Nd4j.createFromArray(new float[] {2, 4, 4, 4, 5, 5, 7, 9}));
        assertThat(n.mean()).isEqualTo(5.0);
        assertThat(n.std()).isCloseTo(Math.sqrt(32.0 / 7), within(1e-12));
    }

    @Test
    void refusesAZeroStd() {
        assertThatThrownBy(() -> Normalizer.fit(Nd4j.createFromArray(new float[] {3, 3, 3})))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
