package io.backproplens.ui.core;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Parent;

import java.util.Locale;

/**
 * How the app looks on a projector: one UI scale (100% to 250%) applied as the root font size, so
 * every view sized in em follows, and a theme. Colours live in CSS variables, so a theme switch is
 * one style class on the root.
 */
public final class Presentation {
    public static final double BASE_FONT_PX = 16;
    public static final double MIN_SCALE = 1.0;
    public static final double MAX_SCALE = 2.5;

    public enum Theme {
        /** High-contrast light: dark text on white, strong colours; best on a washed-out projector. */
        LIGHT("Light (high contrast)"),
        DARK("Dark");

        private final String title;

        Theme(String title) { this.title = title; }

        @Override
        public String toString() { return title; }
    }

    public final DoubleProperty scale = new SimpleDoubleProperty(1.0);
    public final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(Theme.LIGHT);
    /**
     * Presenter mode: the window's chrome folds away and the view in front gets the screen. The
     * root carries the style class {@code presenter} while it is on, so a view's CSS can follow.
     */
    public final BooleanProperty presenter = new SimpleBooleanProperty(false);
    /**
     * Motion between steps (values travelling along the graph, a multiply-add flying into its
     * cell); off for users who ask for reduced motion (View menu) and in snapshots, whose pictures
     * must not depend on when they were taken. See {@link Motion}.
     */
    public final BooleanProperty motion = new SimpleBooleanProperty(true);

    /** Keeps the root's font size and theme class in step with the properties. */
    public void applyTo(Parent root) {
        Runnable apply = () -> {
            double s = Math.max(MIN_SCALE, Math.min(MAX_SCALE, scale.get()));
            root.setStyle(String.format(Locale.ROOT, "-fx-font-size: %.1fpx;", BASE_FONT_PX * s));
            root.getStyleClass().removeAll("theme-light", "theme-dark");
            root.getStyleClass().add(theme.get() == Theme.DARK ? "theme-dark" : "theme-light");
            Application.setUserAgentStylesheet(theme.get() == Theme.DARK
                    ? new PrimerDark().getUserAgentStylesheet()
                    : new PrimerLight().getUserAgentStylesheet());
            // A ComboBox never measures itself narrower than it is (its skin's popup list is at least
            // the box's current width), so after 150% -> 100% every choice kept its 150% width and
            // wrapped its bar. Collapsed here, each is measured afresh in the next layout.
            for (javafx.scene.Node n : root.lookupAll(".combo-box-base")) {
                if (n instanceof javafx.scene.layout.Region r) r.resize(0, r.getHeight());
            }
        };
        scale.addListener(o -> apply.run());
        theme.addListener(o -> apply.run());
        apply.run();
        // Its own listener: switching presenter mode must not reload the theme's stylesheet.
        Runnable mode = () -> {
            root.getStyleClass().remove("presenter");
            if (presenter.get()) root.getStyleClass().add("presenter");
        };
        presenter.addListener(o -> mode.run());
        mode.run();
    }

    /** The root font size in pixels, for views that draw text on a canvas. */
    public double fontPx() { return BASE_FONT_PX * scale.get(); }
}
