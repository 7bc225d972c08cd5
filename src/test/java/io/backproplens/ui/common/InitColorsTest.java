package io.backproplens.ui.common;

import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Label text in the init colours reads at WCAG AA on both themes' backgrounds (issue 10). */
class InitColorsTest {
    /** WCAG 2 contrast, computed here from the definition, not by the class under test. */
    private static double contrast(Color a, Color b) {
        double la = lum(a), lb = lum(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double lum(Color c) {
        double[] v = {c.getRed(), c.getGreen(), c.getBlue()};
        for (int i = 0; i < 3; i++) v[i] = v[i] <= 0.03928 ? v[i] / 12.92 : Math.pow((v[i] + 0.055) / 1.055, 2.4);
        return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2];
    }

    @Test
    void everyInitColourAndTheTrainKeysGetATextVariantThatReadsOnLightAndDark() {
        Color white = Color.WHITE, subtle = Color.web("#f6f8fa"), dark = Color.web("#0d1117"), panel = Color.web("#161b22");
        for (Color c : new Color[]{InitColors.RANDN, InitColors.SMALL, InitColors.XAVIER, InitColors.KAIMING, InitColors.NOTEBOOK,
                Color.web("#e66101"), Color.web("#1b7837"), Color.web("#2166ac")}) {
            Color onLight = InitColors.onLight(c), onDark = InitColors.onDark(c);
            assertThat(contrast(onLight, white)).as("%s on white", c).isGreaterThanOrEqualTo(4.5);
            assertThat(contrast(onLight, subtle)).as("%s on the light subtle background", c).isGreaterThanOrEqualTo(4.5);
            assertThat(contrast(onDark, dark)).as("%s on the dark background", c).isGreaterThanOrEqualTo(4.5);
            assertThat(contrast(onDark, panel)).as("%s on the dark panels", c).isGreaterThanOrEqualTo(4.5);
            // The same hue: only mixed towards black or white.
            if (c.getSaturation() > 0.2) assertThat(Math.abs(onLight.getHue() - c.getHue()) % 360).as("hue of %s", c).isLessThan(6);
        }
        // The Train legend's orange, 3.46:1 on white before, comes out darker for a light background.
        assertThat(InitColors.onLight(Color.web("#e66101")).getBrightness())
                .isLessThan(Color.web("#e66101").getBrightness());
        assertThat(InitColors.css(InitColors.KAIMING)).startsWith("ladder(-color-bg-default, ");
    }
}
