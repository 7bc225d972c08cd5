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
    /** The page behind the charts in each theme (Primer's -color-bg-default). */
    static final Color PAPER_LIGHT = Color.WHITE, PAPER_DARK = Color.web("#0d1117");

    /**
     * The colours a chart draws with besides its series: text and axes, grid, the mean, the soft
     * bands, the warning red, and the page they are drawn on. Text colours keep 4.5:1 (WCAG AA)
     * against the paper.
     */
    record Ink(boolean dark, Color paper, Color axis, Color grid, Color mean, Color band, Color warn,
               Color overflowBand, Color underflowBand) {
        /** A series colour made dark or light enough to be read as text on this paper. */
        Color text(Color c) { return readable(c, paper); }
    }

    private static final Ink LIGHT = new Ink(false, PAPER_LIGHT, Color.web("#1f2328"), Color.web("#d0d7de"),
            Color.web("#111111"), Color.gray(0.5, 0.12), Color.web("#b31d1d"), Color.web("#fde0dd"), Color.web("#eef1f4"));
    private static final Ink DARK = new Ink(true, PAPER_DARK, Color.web("#e6edf3"), Color.web("#30363d"),
            Color.web("#f0f6fc"), Color.gray(0.6, 0.16), Color.web("#ff7b72"), Color.web("#3b1d1f"), Color.web("#1c2330"));

    static Ink ink(boolean dark) { return dark ? DARK : LIGHT; }

    /** WCAG relative luminance. */
    static double luminance(Color c) {
        return 0.2126 * lin(c.getRed()) + 0.7152 * lin(c.getGreen()) + 0.0722 * lin(c.getBlue());
    }

    private static double lin(double v) { return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }

    /** WCAG contrast ratio of two colours (1 to 21). */
    static double contrast(Color a, Color b) {
        double la = luminance(a), lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    /** {@code c}, moved towards black or white (whichever is away from the paper) until it reads at 4.6:1. */
    static Color readable(Color c, Color paper) {
        Color towards = luminance(paper) > 0.5 ? Color.BLACK : Color.WHITE;
        Color out = c;
        for (int i = 1; i <= 20 && contrast(out, paper) < 4.6; i++) out = c.interpolate(towards, i * 0.05);
        return out;
    }

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
