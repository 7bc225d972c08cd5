package io.backproplens.ui.train;

import io.backproplens.engine.Init;
import io.backproplens.train.Series;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The race legend's entries: what the class reads beside each curve. */
class RaceLegendTest {
    private static Smoothed of(double... raw) {
        Smoothed s = new Smoothed();
        s.extend(new Series.View(raw, raw.length));
        return s;
    }

    @Test
    void anEntryIsTheNameAColonAndTheSmoothedLoss() {
        // One value: the bias-corrected moving average is the value itself.
        assertThat(TrainView.raceEntry(Init.SMALL, of(2.3015))).isEqualTo("randn \u00d7 0.01: 2.3015");
        assertThat(TrainView.raceEntry(Init.KAIMING, new Smoothed())).isEqualTo("Kaiming");
    }

    @Test
    void aLossThatOverflowedSaysDivergedNotNan() {
        assertThat(TrainView.raceEntry(Init.RANDN, of(5.0, Double.NaN))).isEqualTo("randn: diverged");
        assertThat(TrainView.raceEntry(Init.RANDN, of(Double.POSITIVE_INFINITY))).isEqualTo("randn: diverged");
    }
}
