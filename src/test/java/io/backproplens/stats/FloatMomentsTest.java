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
