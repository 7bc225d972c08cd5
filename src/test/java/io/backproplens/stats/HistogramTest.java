package io.backproplens.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

class HistogramTest {

    /** Every value is somewhere: bins, below/above, atom, NaN, +Inf, -Inf. */
    private static void assertAllCounted(Histogram h, long total) {
        assertThat(h.total()).isEqualTo(total);
        assertThat(h.binned() + h.below() + h.above() + h.atomCount() + h.nanCount() + h.posInfCount() + h.negInfCount())
                .as("every value counted once: %s", h).isEqualTo(total);
    }

    @Test
    void countsNanAndBothInfinitiesApartAndEveryValueOnce() {
        float[] v = {1, Float.NaN, 2, Float.POSITIVE_INFINITY, 3, Float.NEGATIVE_INFINITY, 10, Float.NaN,
                Float.POSITIVE_INFINITY, 0, 0, 0};
        Histogram h = Histogram.of(v);
        assertThat(h.nanCount()).isEqualTo(2);
        assertThat(h.posInfCount()).isEqualTo(2);
        assertThat(h.negInfCount()).isEqualTo(1);
        assertThat(h.infCount()).isEqualTo(3);
        assertThat(h.binned()).isEqualTo(7);
        assertThat(h.min()).isEqualTo(0);
        assertThat(h.max()).isEqualTo(10);
        assertThat(h.binning().lo()).isEqualTo(0);
        assertThat(h.binning().hi()).isEqualTo(10);
        assertAllCounted(h, v.length);
        // The largest value lands in the last bin, the smallest in the first.
        assertThat(h.count(h.bins() - 1)).isEqualTo(1);
        assertThat(h.count(0)).isGreaterThanOrEqualTo(3);
    }

    @Test
    void theAtomIsCountedApartFromTheBins() {
        float[] v = {0, 0, 0, 0, 0.5f, 1.5f, 2, Float.NaN};
        Histogram h = Histogram.of(v, 0.0);
        assertThat(h.atomCount()).isEqualTo(5 - 1);
        assertThat(h.atomShare()).isEqualTo(4 / 8.0);
        assertThat(h.binned()).isEqualTo(3);
        assertThat(h.binning().lo()).as("the range includes the atom").isEqualTo(0);
        assertAllCounted(h, v.length);
        // A shifted ReLU's atom is -0.5.
        Histogram shifted = Histogram.of(new float[]{-0.5f, -0.5f, 0.25f, 1f}, -0.5);
        assertThat(shifted.atomCount()).isEqualTo(2);
        assertAllCounted(shifted, 4);
    }

    @Test
    void onlyNonFiniteOrEmptyOrConstantDataStillMakesAHistogram() {
        Histogram nan = Histogram.of(new float[]{Float.NaN, Float.POSITIVE_INFINITY, Float.NaN});
        assertThat(nan.nanCount()).isEqualTo(2);
        assertThat(nan.posInfCount()).isEqualTo(1);
        assertThat(nan.binned()).isZero();
        assertThat(nan.min()).isNaN();
        assertAllCounted(nan, 3);

        Histogram empty = Histogram.of(new float[0]);
        assertAllCounted(empty, 0);
        assertThat(empty.bins()).isPositive();

        Histogram constant = Histogram.of(new float[]{3, 3, 3, 3});
        assertThat(constant.binning().lo()).isLessThan(3);
        assertThat(constant.binning().hi()).isGreaterThan(3);
        assertThat(constant.binned()).isEqualTo(4);
        assertAllCounted(constant, 4);
    }

    @Test
    void fixedBinningCountsValuesOutsideItBelowAndAbove() {
        Histogram.Binning b = new Histogram.Binning(0, 10, 5);
        Histogram h = Histogram.of(new float[]{-1, 0, 2, 4, 10, 11, 12, Float.NaN}, Double.NaN, b);
        assertThat(h.below()).isEqualTo(1);
        assertThat(h.above()).isEqualTo(2);
        assertThat(h.counts()).containsExactly(1, 1, 1, 0, 1);
        assertAllCounted(h, 8);
        Histogram d = Histogram.of(new double[]{-1, 0, 2, 4, 10, 11, 1e300, Double.NEGATIVE_INFINITY}, Double.NaN, b);
        assertThat(d.above()).isEqualTo(2);
        assertThat(d.negInfCount()).isEqualTo(1);
        assertAllCounted(d, 8);
    }

    @Test
    void binsAdaptToTheData() {
        Random r = new Random(1);
        float[] big = new float[500_000];
        for (int i = 0; i < big.length; i++) big[i] = (float) r.nextGaussian();
        float[] small = new float[30];
        for (int i = 0; i < small.length; i++) small[i] = (float) r.nextGaussian();
        float[] tiny = {1, 2, 3, 4};
        Histogram hb = Histogram.of(big), hs = Histogram.of(small), ht = Histogram.of(tiny);
        assertThat(hb.bins()).isEqualTo(Histogram.MAX_BINS);
        assertThat(hs.bins()).isBetween(2, Histogram.MIN_BINS);
        assertThat(ht.bins()).isLessThanOrEqualTo(2);
        assertAllCounted(hb, big.length);
        // A normal sample: the middle bin holds the most, the ends the fewest.
        assertThat(hb.count(hb.bins() / 2)).isGreaterThan(100 * Math.max(hb.count(0), hb.count(hb.bins() - 1)));
        // A shared binning covers both arrays.
        float[] shifted = big.clone();
        for (int i = 0; i < shifted.length; i++) shifted[i] += 20;
        Histogram.Binning both = Histogram.binning(Double.NaN, big, shifted);
        assertThat(both.lo()).isLessThan(-3);
        assertThat(both.hi()).isGreaterThan(23);
        assertAllCounted(Histogram.of(shifted, Double.NaN, both), shifted.length);
    }

    @Test
    void readsViewsAndDoubleArrays() {
        var m = Nd4j.createFromArray(new float[][]{{1, 2, 3}, {4, Float.NaN, 6}});
        Histogram col = Histogram.of(m.getColumn(1), Double.NaN);
        assertThat(col.total()).isEqualTo(2);
        assertThat(col.nanCount()).isEqualTo(1);
        assertThat(col.min()).isEqualTo(2);
        Histogram d = Histogram.of(Nd4j.createFromArray(new double[]{1e300, -1e300, 0, Double.NaN}), Double.NaN);
        assertThat(d.nanCount()).isEqualTo(1);
        assertThat(d.infCount()).as("huge doubles are finite, not infinity").isZero();
        assertAllCounted(d, 4);
    }

    @Test
    void refusesAnEmptyRange() {
        assertThatThrownBy(() -> new Histogram.Binning(1, 1, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Histogram.Binning(0, 1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Half a million values, as the activations view bins them: every one lands in some bin. */
    @Test
    void binsHalfAMillionValuesWithNoneLost() {
        Random r = new Random(7);
        float[] v = new float[500_000];
        for (int i = 0; i < v.length; i++) v[i] = (float) Math.max(0, r.nextGaussian());
        assertAllCounted(Histogram.of(v, 0.0), v.length);
    }
}
