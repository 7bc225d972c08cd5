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

    /** CSS form of a colour, for labels. */
    public static String css(Color c) {
        return String.format("#%02x%02x%02x", (int) Math.round(c.getRed() * 255),
                (int) Math.round(c.getGreen() * 255), (int) Math.round(c.getBlue() * 255));
    }
}
