package io.backproplens.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

class SummaryTest {

    @Test
    void countsNanAndInfinityAndLeavesThemOutOfTheMoments() {
        INDArray a = Nd4j.createFromArray(new float[] {
            1, Float.NaN, 2, Float.POSITIVE_INFINITY, 3, Float.NEGATIVE_INFINITY, 10, Float.NaN});
        Summary s = Summary.of(a);
        assertThat(s.count()).isEqualTo(8);
        assertThat(s.nanCount()).isEqualTo(2);
        assertThat(s.infCount()).isEqualTo(2);
        assertThat(s.finiteCount()).isEqualTo(4);
        // By hand: finite 1, 2, 3, 10 -> mean 4; deviations -3, -2, -1, 6 -> squares 9+4+1+36 = 50; 50/3.
        assertThat(s.mean()).isEqualTo(4.0);
        assertThat(s.std()).isCloseTo(Math.sqrt(50.0 / 3), within(1e-12));
        assertThat(s.min()).isEqualTo(1.0);
        assertThat(s.max()).isEqualTo(10.0);
    }

    @Test
    void doubleAndIntegerArrays() {
        Summary d = Summary.of(Nd4j.createFromArray(new double[] {-1.5, 0.5, 4.0}).reshape(3, 1));
        assertThat(d.mean()).isCloseTo(1.0, within(1e-15));
        // deviations -2.5, -0.5, 3 -> 6.25 + 0.25 + 9 = 15.5; /2
        assertThat(d.std()).isCloseTo(Math.sqrt(7.75), within(1e-12));
        Summary i = Summary.of(Nd4j.createFromArray(new int[] {7, 9}));
        assertThat(i.mean()).isEqualTo(8.0);
        assertThat(i.std()).isCloseTo(Math.sqrt(2), within(1e-12));
        assertThat(i.nanCount()).isZero();
    }

    @Test
    void viewsSummariseOnlyTheirOwnElements() {
        INDArray m = Nd4j.createFromArray(new float[][] {{1, 2, 3}, {4, 5, 6}, {7, 8, 100}});
        Summary row = Summary.of(m.getRow(1));
        assertThat(row.count()).isEqualTo(3);
        assertThat(row.mean()).isEqualTo(5.0);
        Summary column = Summary.of(m.getColumn(0));
        assertThat(column.mean()).isEqualTo(4.0);
        assertThat(column.max()).isEqualTo(7.0);
        Summary block = Summary.of(m.get(NDArrayIndex.interval(1, 3), NDArrayIndex.interval(1, 3)));
        assertThat(block.count()).isEqualTo(4);
        assertThat(block.max()).isEqualTo(100.0);
        assertThat(block.mean()).isEqualTo((5 + 6 + 8 + 100) / 4.0);
        Summary transposed = Summary.of(m.transpose());
        assertThat(transposed.mean()).isEqualTo(136 / 9.0);
    }

    @Test
    void manyFloatsAreSummedInDouble() {
        // 5 million copies of 0.1f: a float accumulator drifts far from 0.1 (it stalls at 2^21 or so).
        int n = 5_000_000;
        float[] f = new float[n];
        java.util.Arrays.fill(f, 0.1f);
        Summary s = Summary.of(Nd4j.create(f, new long[] {n}, 'c'));
        assertThat(s.mean()).isCloseTo(0.1f, within(1e-12));
        assertThat(s.std()).isCloseTo(0.0, within(1e-12));
    }

    @Test
    void noFiniteValues() {
        Summary s = Summary.of(Nd4j.createFromArray(new float[] {Float.NaN, Float.POSITIVE_INFINITY}));
        assertThat(s.count()).isEqualTo(2);
        assertThat(s.mean()).isNaN();
        assertThat(s.std()).isNaN();
        assertThat(s.min()).isNaN();
        assertThat(s.nanCount()).isEqualTo(1);
        assertThat(s.infCount()).isEqualTo(1);
        Summary empty = Summary.of(Nd4j.create(org.nd4j.linalg.api.buffer.DataType.FLOAT, 0));
        assertThat(empty.count()).isZero();
        assertThat(empty.mean()).isNaN();
        Summary one = Summary.of(Nd4j.createFromArray(new float[] {3}));
        assertThat(one.mean()).isEqualTo(3.0);
        assertThat(one.std()).isNaN();
    }
}
