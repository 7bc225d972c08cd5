package io.backproplens.matmul;

import io.backproplens.Notebook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class MatmulVariantTest {

    static final List<String> NOTEBOOK_LINES = Notebook.TRIPLES;
    static final double[][] NOTEBOOK_RESULT = Notebook.RESULT;

    @Test
    void tripleLoopPrintsTheNotebooksEighteenLinesAndResult() {
        MatmulReplay r = MatmulVariant.TRIPLE_LOOP.replay(Matrices.NOTEBOOK_A, Matrices.NOTEBOOK_B);

        assertThat(r.steps()).extracting(MatmulStep::log).containsExactlyElementsOf(NOTEBOOK_LINES);
        assertThat(r.result()).isDeepEqualTo(NOTEBOOK_RESULT);
        assertThat(Matrices.format(r.result())).isEqualTo(Notebook.RESULT_TEXT);
    }

    @Test
    void everyVariantGivesTheNotebooksResult() {
        INDArray a = Matrices.toNd(Matrices.NOTEBOOK_A), b = Matrices.toNd(Matrices.NOTEBOOK_B);
        for (MatmulVariant v : MatmulVariant.values()) {
            assertThat(Matrices.fromNd(v.compute(a, b))).as(v.title()).isDeepEqualTo(NOTEBOOK_RESULT);
            assertThat(v.replay(Matrices.NOTEBOOK_A, Matrices.NOTEBOOK_B).result()).as(v.title())
                    .isDeepEqualTo(NOTEBOOK_RESULT);
        }
    }

    /** Random shapes, including a row times a matrix, a matrix times a column, and 1x1. */
    static Stream<Arguments> shapes() {
        List<Arguments> out = new ArrayList<>();
        int[][] fixed = {{1, 7, 4}, {5, 3, 1}, {1, 1, 1}, {1, 6, 1}, {6, 1, 5}, {4, 4, 4}};
        for (MatmulVariant v : MatmulVariant.values()) {
            for (int[] s : fixed) out.add(Arguments.of(v, s[0], s[1], s[2]));
            java.util.Random rng = new java.util.Random(v.ordinal());
            for (int t = 0; t < 4; t++) out.add(Arguments.of(v, 1 + rng.nextInt(9), 1 + rng.nextInt(9), 1 + rng.nextInt(9)));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1}x{2} @ {2}x{3}")
    @MethodSource("shapes")
    void computeAndReplayEqualMmul(MatmulVariant v, int n, int k, int m) {
        Nd4j.getRandom().setSeed(31L * n + 7L * k + m);
        INDArray a = Nd4j.randn(DataType.DOUBLE, n, k);
        INDArray b = Nd4j.randn(DataType.DOUBLE, k, m);
        double[][] expected = a.mmul(b).toDoubleMatrix();

        assertClose(Matrices.fromNd(v.compute(a, b)), expected);
        MatmulReplay r = v.replay(a.toDoubleMatrix(), b.toDoubleMatrix());
        assertClose(r.result(), expected);
        assertThat(r.totalMadds()).isEqualTo((long) n * k * m);
        assertThat(r.steps().get(r.steps().size() - 1).maddsDone()).isEqualTo((long) n * k * m);
    }

    @Test
    void innerDimensionsThatDoNotMatchAreRefusedInWords() {
        double[][] a = {{1, 2}, {3, 4}};
        double[][] b = {{1, 2, 3}};
        for (MatmulVariant v : MatmulVariant.values()) {
            assertThatThrownBy(() -> v.replay(a, b)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("2 columns must equal b's rows");
            assertThatThrownBy(() -> v.compute(Matrices.toNd(a), Matrices.toNd(b)))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    private static void assertClose(double[][] actual, double[][] expected) {
        assertThat(actual.length).isEqualTo(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i].length).isEqualTo(expected[i].length);
            for (int j = 0; j < expected[i].length; j++) {
                assertThat(actual[i][j]).as("[%d,%d]", i, j).isCloseTo(expected[i][j], within(1e-12));
            }
        }
    }
}
