package io.backproplens.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backproplens.session.Dataset;
import io.backproplens.session.Datasets;
import io.backproplens.stats.DepthSweep.Scheme;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DepthSweepTest {
    private static Dataset data;

    @BeforeAll
    static void load() throws Exception {
        data = Datasets.bundled();
    }

    @Test
    void theCourseDemoOnXValid() {
        DepthSweep.Result r = DepthSweep.run(data.xValid(), 50, 100, 42, 0.0);
        assertThat(r.series()).hasSize(4);
        assertThat(r.series()).allSatisfy(s -> assertThat(s.layers()).hasSize(50));

        // randn explodes: float32 overflows to infinity, then NaN.
        DepthSweep.Series randn = r.get(Scheme.RANDN);
        assertThat(randn.firstInf() > 0 || randn.firstNan() > 0).as("randn reaches Inf or NaN").isTrue();
        assertThat(randn.layers().get(0).std()).isGreaterThan(5);
        assertThat(randn.layers().get(20).std()).isGreaterThan(1e15);

        // randn * 0.01 vanishes.
        DepthSweep.Series small = r.get(Scheme.SMALL);
        assertThat(small.last().std()).isLessThan(1e-30);
        assertThat(small.firstInf()).isEqualTo(-1);

        // Xavier shrinks through the ReLUs, Kaiming holds.
        DepthSweep.Series xavier = r.get(Scheme.XAVIER), kaiming = r.get(Scheme.KAIMING);
        assertThat(xavier.last().std()).isLessThan(1e-3);
        assertThat(kaiming.last().std()).isBetween(0.05, 20.0);
        for (int l = 0; l < 50; l++) {
            assertThat(kaiming.layers().get(l).std()).isGreaterThan(xavier.layers().get(l).std());
            assertThat(kaiming.layers().get(l).hasInf() || kaiming.layers().get(l).hasNan()).isFalse();
        }
    }

    @Test
    void sameSeedSameNumbersAndTheShiftApplies() {
        DepthSweep.Result a = DepthSweep.run(data.xValid(), 3, 20, 5, 0.0);
        DepthSweep.Result b = DepthSweep.run(data.xValid(), 3, 20, 5, 0.0);
        DepthSweep.Result shifted = DepthSweep.run(data.xValid(), 3, 20, 5, 0.5);
        assertThat(a.get(Scheme.KAIMING).last().std()).isEqualTo(b.get(Scheme.KAIMING).last().std());
        assertThat(shifted.get(Scheme.KAIMING).layers().get(0).relu().mean())
                .isCloseTo(a.get(Scheme.KAIMING).layers().get(0).relu().mean() - 0.5, org.assertj.core.data.Offset.offset(1e-5));
    }

    @Test
    void refusesOutOfRangeSizes() {
        assertThatThrownBy(() -> DepthSweep.run(data.xValid(), 0, 100, 1, 0)).hasMessageContaining("depth");
        assertThatThrownBy(() -> DepthSweep.run(data.xValid(), 51, 100, 1, 0)).hasMessageContaining("depth");
        assertThatThrownBy(() -> DepthSweep.run(data.xValid(), 5, 0, 1, 0)).hasMessageContaining("width");
    }
}
