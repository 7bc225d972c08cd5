package io.backproplens.matmul;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** w.g as a sum of outer products ends where the matmul inp.t() @ out.g ends, step for step in its own way. */
class OuterProductReplayTest {
    @Test
    void sumOfOuterProductsEqualsTheMatmulOfTheTranspose() {
        Random rng = new Random(7);
        for (int trial = 0; trial < 20; trial++) {
            int n = 1 + rng.nextInt(6), m = 1 + rng.nextInt(5), h = 1 + rng.nextInt(5);
            double[][] inp = new double[n][m], outG = new double[n][h];
            for (double[] r : inp) for (int c = 0; c < m; c++) r[c] = rng.nextInt(19) - 9;
            for (double[] r : outG) for (int c = 0; c < h; c++) r[c] = rng.nextInt(19) - 9;
            OuterProductReplay op = new OuterProductReplay(inp, outG);
            double[][] matmul = MatmulVariant.TRIPLE_LOOP.replay(op.inpT(), outG).result();
            assertThat(op.weightGrad()).isDeepEqualTo(matmul); // integers: exact
            assertThat(op.weightGradAfter(-1)[0][0]).isZero();
            // b.g: the column sums of out.g.
            for (int c = 0; c < h; c++) {
                double s = 0;
                for (double[] r : outG) s += r[c];
                assertThat(op.biasGrad()[c]).isCloseTo(s, within(0.0));
            }
        }
    }

    @Test
    void stepNAddsSampleNsOuterProduct() {
        double[][] inp = {{1, 2}, {3, 4}}, outG = {{5, 6, 7}, {8, 9, 10}};
        OuterProductReplay op = new OuterProductReplay(inp, outG);
        assertThat(op.outer(1)).isDeepEqualTo(new double[][]{{24, 27, 30}, {32, 36, 40}});
        assertThat(op.weightGradAfter(0)).isDeepEqualTo(new double[][]{{5, 6, 7}, {10, 12, 14}});
        assertThat(op.weightGrad()).isDeepEqualTo(new double[][]{{29, 33, 37}, {42, 48, 54}});
    }
}
