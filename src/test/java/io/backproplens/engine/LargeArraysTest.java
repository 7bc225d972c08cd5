package io.backproplens.engine;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.lang.ref.WeakReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@link LargeArrays}: arrays in huge-page mappings behave as ND4J's own (ops into them, views,
 * copies, both orders, float and double), views keep their memory after the array they view is
 * gone, and small arrays stay ND4J's.
 */
class LargeArraysTest {
    private static final long[] SHAPE = {50_000, 50};

    @Test
    void aLargeArrayHoldsWhatAnOpWritesAsAnNd4jArrayDoes() {
        assumeTrue(LargeArrays.available(), "huge-page mappings need Linux");
        Nd4j.getRandom().setSeed(3);
        INDArray src = Nd4j.randn(DataType.FLOAT, SHAPE).dup('f');
        INDArray mine = LargeArrays.uninitialized(DataType.FLOAT, SHAPE, 'f');
        assertThat(LargeArrays.isMapped(mine)).isTrue();
        Fused.relu(src, mine);
        INDArray theirs = Fused.relu(src, Nd4j.createUninitialized(DataType.FLOAT, SHAPE, 'f'));
        assertThat(mine.data().asFloat()).isEqualTo(theirs.data().asFloat());
        assertThat(mine.ordering()).isEqualTo('f');
        assertThat(mine.shape()).isEqualTo(SHAPE);
        // A product straight into it (Gemm's BLAS path) equals ND4J's own product.
        INDArray w = Nd4j.randn(DataType.FLOAT, 50, 20);
        INDArray blas = Gemm.mmul(mine, false, w, false);
        assertThat(LargeArrays.isMapped(blas)).as("a 50,000x20 float product is 4 MB").isTrue();
        assertThat(blas.equalsWithEps(theirs.mmul(w), 1e-4)).isTrue();
    }

    @Test
    void doublesAndRowMajorArraysWorkToo() {
        assumeTrue(LargeArrays.available(), "huge-page mappings need Linux");
        INDArray d = LargeArrays.uninitialized(DataType.DOUBLE, new long[]{1000, 784}, 'c');
        assertThat(LargeArrays.isMapped(d)).isTrue();
        d.assign(Nd4j.arange(1, 784_001).castTo(DataType.DOUBLE).reshape('c', 1000, 784));
        assertThat(d.getDouble(999, 783)).isEqualTo(784_000.0);
        assertThat(d.getDouble(1, 0)).isEqualTo(785.0);
        assertThat(d.sumNumber().doubleValue()).isEqualTo(784_000.0 * 784_001 / 2);
        d.close();
        assertThat(d.wasClosed()).isTrue();
    }

    @Test
    void aClosedArraysMemoryGoesToTheNextArrayOfItsSizeAndNoOtherArraySeesIt() {
        assumeTrue(LargeArrays.available(), "huge-page mappings need Linux");
        long[] own = {50_000, 53};   // a size no other test uses, so no collected array's mapping is pooled
        INDArray a = LargeArrays.uninitialized(DataType.FLOAT, own, 'f');
        INDArray other = LargeArrays.uninitialized(DataType.FLOAT, own, 'f');
        other.assign(3);
        long at = a.data().address();
        a.close();
        assertThat(LargeArrays.pooledBytes()).isGreaterThanOrEqualTo(10L << 20);
        INDArray b = LargeArrays.uninitialized(DataType.FLOAT, own, 'f');
        assertThat(b.data().address()).as("the closed array's mapping").isEqualTo(at);
        b.assign(5);
        INDArray c = LargeArrays.uninitialized(DataType.FLOAT, own, 'f');
        assertThat(c.data().address()).isNotEqualTo(at).isNotEqualTo(other.data().address());
        c.assign(7);
        assertThat(b.minNumber().doubleValue()).isEqualTo(5.0);
        assertThat(b.maxNumber().doubleValue()).isEqualTo(5.0);
        assertThat(other.maxNumber().doubleValue()).isEqualTo(3.0);
        // Another size does not take it.
        INDArray d = LargeArrays.uninitialized(DataType.FLOAT, new long[]{50_000, 100}, 'f');
        assertThat(d.data().address()).isNotEqualTo(at);
    }

    @Test
    void theCollectorGivesAnUnreachableArraysMemoryToThePool() {
        assumeTrue(LargeArrays.available(), "huge-page mappings need Linux");
        long[] odd = {50_000, 61};   // a size no other test uses
        // The other tests' dead arrays reach the pool when the collector finds them, and could push
        // this one out of a full pool (64 MB): let them arrive, then empty it.
        for (int i = 0; i < 5; i++) System.gc();
        LargeArrays.emptyPool();
        INDArray first = LargeArrays.uninitialized(DataType.FLOAT, odd, 'f');
        long at = first.data().address();
        long bytes = first.length() * 4;
        assertThat(LargeArrays.pooled(bytes)).isFalse();
        WeakReference<INDArray> gone = new WeakReference<>(first);
        first = null;
        for (int i = 0; gone.get() != null && i < 200; i++) System.gc();
        assertThat(gone.get()).isNull();
        // The cleaner runs on its own thread: wait until the mapping is in the pool (bounded).
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!LargeArrays.pooled(bytes) && System.nanoTime() < deadline) {
            System.gc();
            Thread.onSpinWait();
        }
        assertThat(LargeArrays.pooled(bytes)).as("the collected array's mapping is pooled").isTrue();
        assertThat(LargeArrays.uninitialized(DataType.FLOAT, odd, 'f').data().address()).isEqualTo(at);
    }

    @Test
    void smallArraysStayNd4jsOwn() {
        INDArray small = LargeArrays.uninitialized(DataType.FLOAT, new long[]{64, 50}, 'f');
        assertThat(LargeArrays.isMapped(small)).isFalse();
        assertThat(small.shape()).isEqualTo(new long[]{64, 50});
        assertThat(LargeArrays.isMapped(LargeArrays.uninitialized(DataType.INT, SHAPE, 'f'))).isFalse();
    }

    @Test
    void aViewKeepsItsMemoryAfterTheArrayItViewsIsCollected() {
        assumeTrue(LargeArrays.available(), "huge-page mappings need Linux");
        INDArray a = LargeArrays.uninitialized(DataType.FLOAT, SHAPE, 'f');
        a.assign(Nd4j.rand(DataType.FLOAT, SHAPE));
        INDArray rows = a.get(NDArrayIndex.interval(100, 300), NDArrayIndex.all());
        INDArray column = a.getColumn(7);
        float[] wantRows = rows.dup('c').data().asFloat(), wantColumn = column.dup().data().asFloat();
        WeakReference<INDArray> gone = new WeakReference<>(a);
        a = null;
        // Until the collector has found the array unreachable (a condition, not a sleep).
        for (int i = 0; gone.get() != null && i < 200; i++) System.gc();
        assertThat(gone.get()).as("the array was collected").isNull();
        // New mappings reuse the addresses of unmapped ones: write some, then read the views.
        for (int i = 0; i < 8; i++) LargeArrays.uninitialized(DataType.FLOAT, SHAPE, 'f').assign(-1);
        assertThat(rows.dup('c').data().asFloat()).isEqualTo(wantRows);
        assertThat(column.dup().data().asFloat()).isEqualTo(wantColumn);
    }

    @Test
    void aPassOnLargeArraysEqualsThePassOnNd4jsArrays() {
        Nd4j.getRandom().setSeed(5);
        INDArray x = Model.prepareInput(Nd4j.rand(DataType.FLOAT, 12_000, Weights.INPUTS), DataType.FLOAT);
        INDArray y = Nd4j.rand(DataType.FLOAT, 12_000).muli(9);
        Weights w = Weights.init(Init.KAIMING, 50, 7, DataType.FLOAT);
        Model fresh = Model.notebook(w, 0).inputGrad(true);
        Tensor xt = new Tensor("x", x);
        fresh.call(xt, new Tensor("y", y));
        fresh.backward();
        // The trace's 12,000x50 arrays (2.4 MB) and x.g came in huge pages.
        assertThat(fresh.trace().steps().stream().flatMap(s -> s.lines().stream())
                .filter(l -> l.writes().array().length() >= 12_000 * 50).allMatch(l -> LargeArrays.isMapped(l.writes().array())))
                .isEqualTo(LargeArrays.available());
        // The same maths by ND4J's own ops into its own arrays.
        INDArray l1 = x.mmul(w.w1().value()).addiRowVector(w.b1().value());
        INDArray l2 = org.nd4j.linalg.ops.transforms.Transforms.relu(l1, true);
        INDArray out = l2.mmul(w.w2().value()).addiRowVector(w.b2().value());
        INDArray outG = out.reshape(-1).sub(y).muli(2.0 / y.length()).reshape(-1, 1);
        INDArray l2G = outG.mmul(w.w2().value().transpose());
        INDArray l1G = l2G.mul(l1.gt(0).castTo(DataType.FLOAT));
        assertThat(w.w1().g().equalsWithEps(x.transpose().mmul(l1G), 1e-5)).isTrue();
        assertThat(w.b1().g().equalsWithEps(l1G.sum(0), 1e-5)).isTrue();
        assertThat(LargeArrays.isMapped(xt.g())).isEqualTo(LargeArrays.available());
        assertThat(xt.g().equalsWithEps(l1G.mmul(w.w1().value().transpose()), 1e-5)).isTrue();
        assertThat(fresh.layers().get(0).out().value().equalsWithEps(l1, 1e-5)).isTrue();
        assertThat(fresh.layers().get(1).out().value().equalsWithEps(l2, 1e-5)).isTrue();
        assertThat(fresh.layers().get(1).out().value().ulike().assign(1).equalsWithEps(l2, 1e-5)).as("able to fail").isFalse();
    }
}
