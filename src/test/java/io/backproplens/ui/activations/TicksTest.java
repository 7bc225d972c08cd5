package io.backproplens.ui.activations;

import io.backproplens.ui.common.Fmt;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TicksTest {

    @Test
    void roundTicksInsideTheRange() {
        assertThat(Ticks.linear(-0.3, 6.7, 5)).containsExactly(0.0, 2.0, 4.0, 6.0);
        assertThat(Ticks.linear(0, 30_000, 4)).containsExactly(0.0, 10_000.0, 20_000.0, 30_000.0);
        assertThat(Ticks.linear(-4.3e-4, 1.2e-4, 4)).hasSizeBetween(3, 8);
        assertThat(Ticks.linear(1, 1, 4)).containsExactly(1.0);
    }

    @Test
    void numbersAsTheNotebookAndAClassroomReadThem() {
        assertThat(Fmt.stat(0.51171)).isEqualTo("0.5117");
        assertThat(Fmt.stat(-0.0397)).isEqualTo("-0.0397");
        assertThat(Fmt.stat(1.278e-4)).isEqualTo("1.278e-4");
        assertThat(Fmt.stat(8.09e37)).isEqualTo("8.09e37");
        assertThat(Fmt.stat(Double.NaN)).isEqualTo("nan");
        assertThat(Fmt.stat(Double.POSITIVE_INFINITY)).isEqualTo("inf");
        assertThat(Fmt.axisCount(15_000)).isEqualTo("15k");
        assertThat(Fmt.axisCount(2_500_000)).isEqualTo("2.5M");
        assertThat(Fmt.axisCount(5_000)).isEqualTo("5,000");
        assertThat(Fmt.power(-45)).isEqualTo("10\u207b\u2074\u2075");
        assertThat(Fmt.plain(-0.5)).isEqualTo("-0.5");
        assertThat(Fmt.plain(0.0)).isEqualTo("0");
        assertThat(Fmt.tick(-2e-4, 1e-4)).isEqualTo("-2e-4");
    }
}
