package io.backproplens.ui.activations;

import io.backproplens.engine.Init;
import io.backproplens.stats.DepthSweep;
import io.backproplens.ui.common.InitColors;
import javafx.scene.paint.Color;

/**
 * The Activations view's colours; the inits' own are {@link InitColors}, shared with the Train view.
 */
final class Palette {
    private Palette() {}

    static final Color RANDN = InitColors.RANDN;
    static final Color SMALL = InitColors.SMALL;
    static final Color XAVIER = InitColors.XAVIER;
    static final Color KAIMING = InitColors.KAIMING;
    static final Color NOTEBOOK = InitColors.NOTEBOOK;
    /** NaN and infinity: never a series colour. */
    static final Color NON_FINITE = Color.web("#c51b1b");
    /** The atom (a ReLU's exact zeros). */
    static final Color ATOM = Color.web("#f1a340");
    static final Color AXIS = Color.web("#24292f");
    static final Color GRID = Color.web("#d0d7de");
    static final Color MEAN = Color.web("#111111");

    static Color of(Init init) { return InitColors.of(init); }

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
