package io.backproplens.ui.common;

import io.backproplens.engine.Init;
import javafx.scene.paint.Color;

/**
 * One colour per initialiser, the same in every view and chart, so "Kaiming is the orange one"
 * holds from the activation histograms to the training race. Colour-blind-safe (ColorBrewer PuOr/RdBu).
 */
public final class InitColors {
    private InitColors() {}

    public static final Color RANDN = Color.web("#7b3294");
    /** randn * 0.01 (the depth sweep's "small" scheme). */
    public static final Color SMALL = Color.web("#1b7837");
    public static final Color XAVIER = Color.web("#2166ac");
    public static final Color KAIMING = Color.web("#d6604d");
    public static final Color NOTEBOOK = Color.web("#8c510a");

    public static Color of(Init init) {
        return switch (init) {
            case RANDN -> RANDN;
            case SMALL -> SMALL;
            case XAVIER -> XAVIER;
            case KAIMING -> KAIMING;
            case NOTEBOOK -> NOTEBOOK;
        };
    }

    /**
     * A colour as label text: the same hue, darkened where it stands on a light background and
     * lightened on a dark one until it reads at WCAG AA (4.5:1) on the theme's backgrounds. A CSS
     * {@code ladder} on {@code -color-bg-default} picks the variant, so a label on a light "paper"
     * panel inside the dark theme gets the dark ink too. Lines and bars keep the colour itself.
     */
    public static String css(Color c) {
        return String.format(java.util.Locale.ROOT, "ladder(-color-bg-default, %s 49%%, %s 50%%)",
                hex(onDark(c)), hex(onLight(c)));
    }

    /** The text variant of {@code c} for a light background, and for a dark one. */
    static Color onLight(Color c) { return towards(c, Color.BLACK, LIGHT_BG); }

    static Color onDark(Color c) { return towards(c, Color.WHITE, DARK_BG); }

    /** The lightest background light text stands on (the dark theme's panels) and the darkest one dark text does (a subtle panel). */
    private static final Color DARK_BG = Color.web("#161b22"), LIGHT_BG = Color.web("#f6f8fa");
    private static final double AA = 4.6;

    /** {@code c} mixed towards {@code end} in small steps until it reaches AA on {@code bg}. */
    static Color towards(Color c, Color end, Color bg) {
        for (double t = 0; t <= 1.0; t += 0.02) {
            Color m = c.interpolate(end, t);
            if (ratio(m, bg) >= AA) return m;
        }
        return end;
    }

    private static double ratio(Color a, Color b) {
        double la = luminance(a), lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(Color c) {
        return 0.2126 * lin(c.getRed()) + 0.7152 * lin(c.getGreen()) + 0.0722 * lin(c.getBlue());
    }

    private static double lin(double v) { return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }

    private static String hex(Color c) {
        return String.format("#%02x%02x%02x", (int) Math.round(c.getRed() * 255),
                (int) Math.round(c.getGreen() * 255), (int) Math.round(c.getBlue() * 255));
    }
}
