package io.backproplens.ui.network;

import io.backproplens.engine.TensorRef;
import io.backproplens.ui.common.ColorMap;
import io.backproplens.ui.common.Raster;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.api.ndarray.INDArray;

import static org.assertj.core.api.Assertions.assertThat;

class TensorPicturesTest {

    @Test
    void w1AsOneTilePerHiddenUnit() {
        INDArray w1 = Nd4j.rand(DataType.FLOAT, 784, 50).subi(0.5);
        Raster r = TensorPictures.tiles(new TensorRef("w1", true, w1));
        // 50 units: 10 per row, 5 rows, 28 pixels and a 1-pixel gap each.
        assertThat(r.width()).isEqualTo(10 * 29 - 1);
        assertThat(r.height()).isEqualTo(5 * 29 - 1);
        assertThat(r.map()).isEqualTo(ColorMap.DIVERGING);
        // Unit 13 is tile (3, 1); its pixel (row 4, col 9) is w1[4*28+9, 13].
        int x = 3 * 29 + 9, y = 29 + 4;
        assertThat(r.value(x, y)).isEqualTo(w1.getFloat(4 * 28 + 9, 13));
        assertThat(r.describe(x, y)).startsWith("w1.g[121, 13] = ");
        assertThat(r.describe(28, 0)).isNull();     // the gap
    }

    @Test
    void sampleRowAsDigitAndHugeMatrixSampled() {
        INDArray x = Nd4j.rand(DataType.FLOAT, 3000, 784);
        Raster digit = TensorPictures.sample(new TensorRef("x", false, x), 2);
        assertThat(digit.width()).isEqualTo(28);
        assertThat(digit.value(5, 1)).isEqualTo(x.getFloat(2, 28 + 5));
        assertThat(digit.map()).isEqualTo(ColorMap.VIRIDIS);
        Raster m = TensorPictures.matrix(new TensorRef("x", true, x));
        assertThat(m.width()).isLessThanOrEqualTo(TensorPictures.MAX_COLS);
        assertThat(m.height()).isLessThanOrEqualTo(TensorPictures.MAX_ROWS);
        assertThat(m.caption()).contains("sampled from 3000x784");
        assertThat(m.map()).isEqualTo(ColorMap.DIVERGING);
    }
}
