package io.backproplens.train;

import io.backproplens.engine.Head;
import io.backproplens.engine.Init;
import io.backproplens.engine.Params;
import io.backproplens.session.Datasets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code randn * 0.01}, the init the race needs beside randn: its weights have std 0.01 at
 * every layer, and a depth-8 stack started from it does not learn where Kaiming does.
 */
class SmallRandnTest {
    private static TrainData mnist;

    @BeforeAll
    static void load() throws Exception {
        mnist = TrainData.of(Datasets.bundled()).head(10_000, 2_000);
    }

    @Test
    void everyWeightHasStd001WithinSamplingError() {
        Params p = Params.init(Init.SMALL, 8, 50, 10, 42, DataType.FLOAT);
        for (int i = 1; i <= 9; i++) {
            double[] w = p.w(i).value().dup('c').data().asDouble();
            double mean = Arrays.stream(w).average().orElseThrow();
            double std = Math.sqrt(Arrays.stream(w).map(v -> (v - mean) * (v - mean)).sum() / (w.length - 1));
            // A normal sample's std has standard error sigma / sqrt(2n); four of them is a 1-in-15,000 miss.
            double se = 0.01 / Math.sqrt(2.0 * w.length);
            assertThat(std).as("std of w%d (%d values)", i, w.length).isCloseTo(0.01, org.assertj.core.data.Offset.offset(4 * se));
            assertThat(mean).as("mean of w%d", i).isCloseTo(0, org.assertj.core.data.Offset.offset(4 * 0.01 / Math.sqrt(w.length)));
            assertThat(p.b(i).value().sumNumber().doubleValue()).as("b%d starts at zero", i).isZero();
        }
        // The same standard normal draws as every other init, only scaled: randn's weights / 100.
        Params randn = Params.init(Init.RANDN, 8, 50, 10, 42, DataType.FLOAT);
        for (int i = 1; i <= 9; i++) {
            double[] small = p.w(i).value().dup('c').data().asDouble(), big = randn.w(i).value().dup('c').data().asDouble();
            for (int k = 0; k < small.length; k += 97) assertThat(small[k]).isCloseTo(big[k] * 0.01, org.assertj.core.data.Offset.offset(1e-7 + Math.abs(big[k]) * 1e-8));
        }
        assertThat(Init.parse("small")).isEqualTo(Init.SMALL);
    }

    @Test
    void atDepth8ItDoesNotTrainWhileKaimingDoes() {
        // The Train view's race: depth 8, lr 0.1, ce, the same batches for each init.
        TrainConfig race = TrainConfig.defaults(Head.CE).withDepth(8).withLr(0.1);
        Trainer small = new Trainer(race.withInit(Init.SMALL), mnist);
        Trainer kaiming = new Trainer(race.withInit(Init.KAIMING), mnist);
        double smallBefore = small.evaluate().loss(), kaimingBefore = kaiming.evaluate().loss();
        for (int b = 0; b < 150; b++) {
            small.step();
            kaiming.step();
        }
        double smallAfter = small.evaluate().loss(), kaimingAfter = kaiming.evaluate().loss();
        double[] smallLoss = small.snapshot().trainLoss().toArray(), kaimingLoss = kaiming.snapshot().trainLoss().toArray();

        // randn * 0.01 through 8 layers: the output is ~1e-9, log_softmax is uniform, loss ln 10. The
        // gradients that reach the weights are as small, so only the last bias learns the digits' shares.
        assertThat(smallBefore).isCloseTo(Math.log(10), org.assertj.core.data.Offset.offset(1e-3));
        assertThat(smallAfter).as("small randn's valid loss after 150 batches").isGreaterThan(smallBefore - 0.02);
        assertThat(tail(smallLoss)).as("small randn's last 10 batches").isGreaterThan(2.2);
        assertThat(kaimingAfter).as("Kaiming's valid loss after 150 batches").isLessThan(kaimingBefore * 0.5);
        assertThat(tail(kaimingLoss)).as("Kaiming's last 10 batches").isLessThan(1.2);
        System.out.printf("small randn: valid %.4f -> %.4f, last batches %.4f; Kaiming: valid %.4f -> %.4f, last batches %.4f%n",
                smallBefore, smallAfter, tail(smallLoss), kaimingBefore, kaimingAfter, tail(kaimingLoss));
    }

    private static double tail(double[] loss) {
        return Arrays.stream(loss).skip(loss.length - 10).average().orElseThrow();
    }

}
