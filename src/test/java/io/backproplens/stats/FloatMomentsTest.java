package io.backproplens.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

class FloatMomentsTest {

    @Test
    void agreesWithSummaryIncludingNonFiniteValues() {
        Random r = new Random(3);
        float[] v = new float[100_003];
        for (int i = 0; i < v.length; i++) v[i] = (float) (r.nextGaussian() * 3 + 1);
        v[5] = Float.NaN;
        v[77] = Float.POSITIVE_INFINITY;
        v[99] = Float.NEGATIVE_INFINITY;
        Summary fast = FloatMoments.of(v);
        Summary ref = Summary.of(Nd4j.createFromArray(v));
        assertThat(fast.count()).isEqualTo(ref.count());
        assertThat(fast.nanCount()).isEqualTo(1).isEqualTo(ref.nanCount());
        assertThat(fast.infCount()).isEqualTo(2).isEqualTo(ref.infCount());
        assertThat(fast.mean()).isCloseTo(ref.mean(), within(1e-12));
        assertThat(fast.std()).isCloseTo(ref.std(), within(1e-12));
        assertThat(fast.min()).isEqualTo(ref.min());
        assertThat(fast.max()).isEqualTo(ref.max());
    }

    /**
     * All finite, as real activations are: this is the four-way unrolled path (the test above always
     * takes the slow one). The reference is a plain two-pass loop in double, and the lengths cover
     * every remainder of the unrolling.
     */
    @Test
    void theFastPathAgreesWithAPlainTwoPassLoop() {
        Random r = new Random(5);
        for (int n : new int[]{2, 3, 4, 5, 6, 7, 1001, 100_003}) {
            float[] v = new float[n];
            for (int i = 0; i < n; i++) v[i] = (float) (r.nextGaussian() * 2 - 0.5);
            double sum = 0, min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
            for (float x : v) { sum += x; min = Math.min(min, x); max = Math.max(max, x); }
            double mean = sum / n, sq = 0;
            for (float x : v) sq += (x - mean) * (x - mean);

            Summary fast = FloatMoments.of(v);
            assertThat(fast.nanCount() + fast.infCount()).isZero();
            assertThat(fast.count()).isEqualTo(n);
            assertThat(fast.mean()).as("mean, n=" + n).isCloseTo(mean, within(1e-12));
            assertThat(fast.std()).as("std, n=" + n).isCloseTo(Math.sqrt(sq / (n - 1)), within(1e-12));
            assertThat(fast.min()).isEqualTo(min);
            assertThat(fast.max()).isEqualTo(max);
        }
    }

    @Test
    void allNonFiniteAndSingleValues() {
        Summary none = FloatMoments.of(new float[]{Float.NaN, Float.POSITIVE_INFINITY});
        assertThat(none.mean()).isNaN();
        assertThat(none.finiteCount()).isZero();
        Summary one = FloatMoments.of(new float[]{2});
        assertThat(one.mean()).isEqualTo(2);
        assertThat(one.std()).isNaN();
    }
}
