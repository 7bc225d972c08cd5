package io.backproplens.ui.common;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.api.ndarray.INDArray;

import static org.assertj.core.api.Assertions.assertThat;

/** Strided sampling reads real elements, in any memory order, and never more than asked. */
class MatrixSampleTest {

    @Test
    void smallMatrixIsReadWhole() {
        INDArray a = Nd4j.arange(12).castTo(DataType.FLOAT).reshape('c', 3, 4);
        MatrixSample m = MatrixSample.of(a, 100, 100);
        assertThat(m.height()).isEqualTo(3);
        assertThat(m.width()).isEqualTo(4);
        for (int i = 0; i < 3; i++) for (int j = 0; j < 4; j++) assertThat(m.value(i, j)).isEqualTo(i * 4 + j);
    }

    @Test
    void largeMatrixIsSampledWithTrueIndicesInBothOrders() {
        for (char order : new char[]{'c', 'f'}) {
            INDArray a = Nd4j.arange(5000 * 300).castTo(DataType.FLOAT).reshape('c', 5000, 300).dup(order);
            MatrixSample m = MatrixSample.of(a, 50, 40);
            assertThat(m.height()).isEqualTo(50);
            assertThat(m.width()).isEqualTo(40);
            assertThat(m.rows()[1]).isEqualTo(100);
            for (int i = 0; i < m.height(); i += 7) {
                for (int j = 0; j < m.width(); j += 5) {
                    assertThat(m.value(i, j)).as("order %s (%d, %d)", order, i, j)
                            .isEqualTo(a.getFloat(m.rows()[i], m.cols()[j]));
                }
            }
        }
    }

    @Test
    void vectorsScalarsAndViews() {
        INDArray v = Nd4j.createFromArray(1f, 2f, 3f);
        MatrixSample m = MatrixSample.of(v, 10, 10);
        assertThat(m.height()).isEqualTo(1);
        assertThat(m.values()).containsExactly(1f, 2f, 3f);
        assertThat(MatrixSample.of(Nd4j.scalar(4.5f), 10, 10).values()).containsExactly(4.5f);
        INDArray big = Nd4j.arange(20).castTo(DataType.FLOAT).reshape(4, 5);
        INDArray col = big.getColumn(2, true);   // a view with strides
        assertThat(MatrixSample.of(col, 10, 10).values()).containsExactly(2f, 7f, 12f, 17f);
        assertThat(MatrixSample.row(big, 3)).containsExactly(15f, 16f, 17f, 18f, 19f);
    }

    @Test
    void divergingMapIsWhiteAtZeroAndSymmetric() {
        double[] r = ColorMap.DIVERGING.range(-0.5, 2);
        assertThat(r).containsExactly(-2, 2);
        assertThat(ColorMap.DIVERGING.argb(0, r[0], r[1]) & 0xffffff).isEqualTo(0xf7f7f7);
        int neg = ColorMap.DIVERGING.argb(-2, r[0], r[1]), pos = ColorMap.DIVERGING.argb(2, r[0], r[1]);
        assertThat(neg & 0xff).isGreaterThan((neg >> 16) & 0xff);      // blue for negative
        assertThat((pos >> 16) & 0xff).isGreaterThan(pos & 0xff);      // red for positive
        assertThat(ColorMap.VIRIDIS.range(0, 3)).containsExactly(0, 3);
    }
}
