package io.backproplens.matmul;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Any text typed as a matrix ends in a rectangular matrix of finite numbers or one
 * IllegalArgumentException whose message names the matrix: never another exception. The text is
 * the input's bytes as UTF-8, so the saved corpus ({@code MatricesFuzzTestInputs/}) is readable.
 */
class MatricesFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void matrixOrAOneLineMessage(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        try {
            double[][] m = Matrices.parse("--a", text);
            assertThat(m.length).isPositive();
            for (double[] row : m) {
                assertThat(row).hasSize(m[0].length);
                assertThat(Arrays.stream(row).allMatch(Double::isFinite)).isTrue();
            }
        } catch (IllegalArgumentException e) {
            assertThat(e.getMessage()).startsWith("--a").doesNotContain("\n");
        }
    }
}
