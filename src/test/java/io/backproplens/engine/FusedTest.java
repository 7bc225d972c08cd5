package io.backproplens.engine;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinearDerivative;
import org.nd4j.linalg.factory.Nd4j;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link Fused}: the ReLU's backward as three plain ops gives what the notebook's
 * {@code (inp>0).float() * out.g} means, entry by entry in Java: g where inp is above 0, and a
 * positive 0 elsewhere (also where inp is 0 or -0 and g is negative), bit for bit what ND4J's fused
 * {@code relu_bp} gave before; in both layouts and in float and double.
 */
class FusedTest {
    @Test
    void reluBackwardIsGWhereTheInputIsPositiveAndAPositiveZeroElsewhere() {
        for (DataType dt : new DataType[]{DataType.FLOAT, DataType.DOUBLE}) {
            for (char order : new char[]{'c', 'f'}) {
                Nd4j.getRandom().setSeed(9);
                INDArray inp = Nd4j.randn(dt, 3000, 50).dup(order), g = Nd4j.randn(dt, 3000, 50).dup(order);
                inp.putScalar(0, 0, 0.0);
                inp.putScalar(1, 0, -0.0);
                g.putScalar(0, 0, -2.0);
                g.putScalar(1, 0, -3.0);
                INDArray got = Fused.reluBackward(inp, g, Nd4j.createUninitialized(dt, inp.shape(), order));
                INDArray relubp = Nd4j.exec(new RectifiedLinearDerivative(inp, g, Nd4j.createUninitialized(dt, inp.shape(), order)))[0];
                int masked = 0;
                for (int i = 0; i < inp.size(0); i++) {
                    for (int j = 0; j < inp.size(1); j++) {
                        double x = inp.getDouble(i, j), want = x > 0 ? g.getDouble(i, j) : 0.0;
                        if (x <= 0 && g.getDouble(i, j) < 0) masked++;
                        // Bits, not values: -0.0 and 0.0 are equal as doubles.
                        assertThat(Double.doubleToRawLongBits(got.getDouble(i, j))).as(dt + " " + order + " [" + i + "," + j + "]")
                                .isEqualTo(Double.doubleToRawLongBits(want));
                        assertThat(Double.doubleToRawLongBits(got.getDouble(i, j)))
                                .isEqualTo(Double.doubleToRawLongBits(relubp.getDouble(i, j)));
                    }
                }
                assertThat(masked).as("masked entries with a negative g").isGreaterThan(10_000);
            }
        }
    }

    @Test
    void reluIsTheInputClampedAtZero() {
        Nd4j.getRandom().setSeed(4);
        INDArray inp = Nd4j.randn(DataType.FLOAT, 700, 50).dup('f');
        INDArray got = Fused.relu(inp, LargeArrays.uninitialized(DataType.FLOAT, inp.shape(), 'f'));
        for (int i = 0; i < 700; i++) for (int j = 0; j < 50; j++) {
            assertThat(got.getFloat(i, j)).isEqualTo(Math.max(inp.getFloat(i, j), 0f));
        }
    }
}
