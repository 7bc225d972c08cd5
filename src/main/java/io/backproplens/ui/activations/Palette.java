package io.backproplens.ui.activations;

import io.backproplens.engine.Init;
import io.backproplens.stats.DepthSweep;
import javafx.scene.paint.Color;

/**
 * One colour per initialiser, the same in every chart, so "Kaiming is the orange one" holds across
 * the histograms, the comparison and the depth sweep. Colour-blind-safe (ColorBrewer PuOr/RdBu).
 */
final class Palette {
    private Palette() {}

    static final Color RANDN = Color.web("#7b3294");
    static final Color SMALL = Color.web("#1b7837");
    static final Color XAVIER = Color.web("#2166ac");
    static final Color KAIMING = Color.web("#d6604d");
    static final Color NOTEBOOK = Color.web("#8c510a");
    /** NaN and infinity: never a series colour. */
    static final Color NON_FINITE = Color.web("#c51b1b");
    /** The atom (a ReLU's exact zeros). */
    static final Color ATOM = Color.web("#f1a340");
    static final Color AXIS = Color.web("#24292f");
    static final Color GRID = Color.web("#d0d7de");
    static final Color MEAN = Color.web("#111111");

    static Color of(Init init) {
        return switch (init) {
            case RANDN -> RANDN;
            case XAVIER -> XAVIER;
            case KAIMING -> KAIMING;
            case NOTEBOOK -> NOTEBOOK;
        };
    }

    static Color of(DepthSweep.Scheme s) {
        return switch (s) {
            case RANDN -> RANDN;
            case SMALL -> SMALL;
            case XAVIER -> XAVIER;
            case KAIMING -> KAIMING;
        };
    }

    /** CSS form of a colour, for labels. */
    static String css(Color c) {
        return String.format("#%02x%02x%02x", (int) Math.round(c.getRed() * 255),
                (int) Math.round(c.getGreen() * 255), (int) Math.round(c.getBlue() * 255));
    }
}
