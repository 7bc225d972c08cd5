package io.backproplens.ui.matmul;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The ladder's comparison reads the way a person says it: a slowdown is "slower", never "0.42x faster". */
class SpeedLadderWordsTest {
    @Test
    void aFasterRungSaysFasterByItsFactor() {
        assertThat(SpeedLadderPane.versus(0.835, 0.00139)).isEqualTo("601\u00d7 faster");
        assertThat(SpeedLadderPane.versus(9.21e-3, 3.37e-3)).isEqualTo("2.7\u00d7 faster");
    }

    @Test
    void aSlowerRungSaysSlowerWithAFactorAboveOne() {
        // 1 ms against 2.4 ms: the rung took 2.4 times as long.
        assertThat(SpeedLadderPane.versus(1e-3, 2.4e-3)).isEqualTo("2.4\u00d7 slower");
        assertThat(SpeedLadderPane.versus(1e-3, 2.4e-3)).doesNotContain("faster");
    }
}
