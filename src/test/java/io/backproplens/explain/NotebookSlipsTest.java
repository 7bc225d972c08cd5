package io.backproplens.explain;

import io.backproplens.engine.Init;
import io.backproplens.engine.Model;
import io.backproplens.engine.Tensor;
import io.backproplens.engine.Trace;
import io.backproplens.engine.Weights;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The notebook's slips on a real pass: the misplaced .sum(0) gives (batch, 784, nh) instead of
 * (784, nh); the clone test cannot fail while autodiff catches a doubled gradient; the refactor's
 * - 0.5 moves lin2's mean by -0.5 * w2.sum(), each checked against plain loops here.
 */
class NotebookSlipsTest {
    private static final int B = 300, NH = 20;

    @Test
    void theSlipsShapesAndNumbersAreTheOnesComputedIndependently() {
        Nd4j.getRandom().setSeed(5);
        INDArray x = Model.prepareInput(Nd4j.randn(DataType.DOUBLE, B, Weights.INPUTS), DataType.FLOAT);
        INDArray y = Nd4j.createFromArray(new Random(5).ints(B, 0, 10).asDoubleStream().toArray()).castTo(DataType.FLOAT);
        Weights w = Weights.init(Init.KAIMING, NH, 3, DataType.FLOAT);
        Model m = Model.notebook(w, 0).inputGrad(true);
        m.call(new Tensor("x", x), new Tensor("y", y));
        m.backward();
        Trace t = m.trace();
        NotebookSlips s = NotebookSlips.of(t, w, 0);

        // (a) the shapes: (B, 784, nh) for the notebook's line, (784, nh) meant; (S, 784, nh) materialised.
        NotebookSlips.LinGrad a = s.linGrad();
        assertThat(a.wrongShape()).containsExactly(B, 784, NH);
        assertThat(a.rightShape()).containsExactly(784, NH);
        assertThat(a.sliceShape()).containsExactly(NotebookSlips.SAMPLES, 784, NH);
        assertThat(a.wrongBytes()).isEqualTo((long) B * 784 * NH * 4);
        double[][] xd = x.castTo(DataType.DOUBLE).toDoubleMatrix();
        double[][] g = t.tensorsAfter(t.size() - 1).get("l1.g").array().castTo(DataType.DOUBLE).toDoubleMatrix();
        double colSum = 0;
        for (double[] row : g) colSum += row[a.j()];
        for (int i = 0; i < a.samples(); i++) {
            assertThat(a.wrong()[i]).as("notebook's w.g[%d,k,j] = x[i,k] * sum_i l1.g[i,j]", i).isCloseTo(xd[i][a.k()] * colSum, within(1e-9));
        }
        double meant = 0, all = 0;
        for (int i = 0; i < B; i++) {
            if (i < a.samples()) meant += xd[i][a.k()] * g[i][a.j()];
            all += xd[i][a.k()] * g[i][a.j()];
        }
        assertThat(a.batched()).isCloseTo(meant, within(1e-12));
        assertThat(a.matmul()).isCloseTo(meant, within(1e-12));
        assertThat(a.maxBatchedVsMatmul()).isLessThan(1e-12);
        assertThat(a.engine()).isCloseTo(all, within(1e-5 * Math.abs(all)));

        // (b) a clone always equals itself, even of a wrong gradient; autodiff tells them apart.
        NotebookSlips.SelfTest b = s.selfTest();
        assertThat(b.cloneDiff()).isZero();
        assertThat(b.doubledClonePasses()).isTrue();
        assertThat(b.autodiffRel()).isLessThan(1e-5);
        assertThat(b.doubledAutodiffPasses()).isFalse();
        assertThat(b.doubledAutodiffRel()).isCloseTo(0.5, within(1e-3));

        // (c) the shift: lin2's output mean moves by -0.5 * w2.sum(), computed here with loops.
        double[][] l1 = t.tensorsAfter(t.size() - 1).get("l1").array().castTo(DataType.DOUBLE).toDoubleMatrix();
        double[] w2 = w.w2().value().castTo(DataType.DOUBLE).data().asDouble();
        double b2 = w.b2().value().getDouble(0);
        double sum = 0, sumShifted = 0;
        for (double[] row : l1) {
            double o = b2, os = b2;
            for (int h = 0; h < NH; h++) {
                double r = Math.max(0, row[h]);
                o += r * w2[h];
                os += (r - 0.5) * w2[h];
            }
            sum += o;
            sumShifted += os;
        }
        NotebookSlips.Shift c = s.shift();
        assertThat(c.out().mean()).isCloseTo(sum / B, within(1e-9));
        assertThat(c.shiftedOut().mean()).isCloseTo(sumShifted / B, within(1e-9));
        double w2sum = 0;
        for (double v : w2) w2sum += v;
        assertThat(c.shiftedOut().mean() - c.out().mean()).isCloseTo(-0.5 * w2sum, within(1e-9)).isNotCloseTo(0, within(1e-3));
        assertThat(c.shiftedRelu().mean()).isCloseTo(c.relu().mean() - 0.5, within(1e-12));
        assertThat(c.shiftedRelu().std()).isCloseTo(c.relu().std(), within(1e-12));
    }
}
