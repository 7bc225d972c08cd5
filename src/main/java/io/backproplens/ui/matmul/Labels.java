package io.backproplens.ui.matmul;

import io.backproplens.ui.core.PlayBar;
import io.backproplens.ui.core.StepCursor;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The stepper's small builders, shared by every pane that draws grids: one look everywhere. */
final class Labels {
    private Labels() {}

    /** The stepping control of every matmul pane: 0.5 to 20 multiply-adds a second, 2 to start. */
    static PlayBar playBar(StepCursor cursor, String prefix) {
        PlayBar bar = new PlayBar(cursor, prefix, 0.5, 20, 2);
        bar.getStyleClass().add("mm-playbar");
        return bar;
    }

    /**
     * Keeps the play bar whole on a narrow window: the step buttons drop their words (the icons
     * and tooltips stay), then the speed slider goes, rather than any button being cut to "R...".
     * The bar itself (ui.core) is one line by design; only what it shows changes here.
     */
    static void fitPlayBar(PlayBar bar) {
        Runnable fit = () -> {
            double w = bar.getWidth();
            if (w <= 0) return;
            double need = bar.snappedLeftInset() + bar.snappedRightInset(), iconsOnly = need;
            int n = 0;
            for (Node c : bar.getChildren()) {
                if (c.getStyleClass().contains("step-counter")) continue;
                n++;
                double pw = c.prefWidth(-1);
                if (c instanceof javafx.scene.control.Button b && b.getStyleClass().contains("step-button")) {
                    boolean words = b.getContentDisplay() != javafx.scene.control.ContentDisplay.GRAPHIC_ONLY;
                    javafx.scene.text.Text probe = new javafx.scene.text.Text(b.getText());
                    probe.setFont(b.getFont());
                    double text = probe.getLayoutBounds().getWidth() + b.getGraphicTextGap();
                    need += words ? pw : pw + text;
                    iconsOnly += words ? pw - text : pw;
                } else if (c instanceof Region r && HBox.getHgrow(r) == null) {
                    need += c.isManaged() ? pw : estimate(c);
                    iconsOnly += c.isManaged() ? pw : estimate(c);
                }
            }
            need += bar.getSpacing() * (n - 1);
            iconsOnly += bar.getSpacing() * (n - 1);
            boolean words = need <= w;
            boolean slider = iconsOnly <= w;
            for (Node c : bar.getChildren()) {
                if (c instanceof javafx.scene.control.Button b && b.getStyleClass().contains("step-button")) {
                    Object was = b.getProperties().computeIfAbsent("mm.display", k -> b.getContentDisplay());
                    b.setContentDisplay(words ? (javafx.scene.control.ContentDisplay) was : javafx.scene.control.ContentDisplay.GRAPHIC_ONLY);
                } else if (c instanceof javafx.scene.control.Slider || c.getStyleClass().contains("speed-label")) {
                    c.setManaged(slider);
                    c.setVisible(slider);
                }
            }
        };
        bar.widthProperty().addListener((o, was, now) -> fit.run());
        bar.sceneProperty().addListener((o, was, now) -> javafx.application.Platform.runLater(fit));
        bar.needsLayoutProperty().addListener((o, was, now) -> { if (!now) fit.run(); });
    }

    /** The width a hidden control of the bar would take when shown. */
    private static double estimate(Node c) {
        if (c instanceof javafx.scene.control.Slider s) return Math.max(s.getMinWidth(), 80);
        return c.prefWidth(-1);
    }

    /** A grid's big title ({@code a (3x3)}). */
    static Label gridTitle() {
        Label l = new Label();
        l.getStyleClass().add("mm-grid-title");
        return l;
    }

    /** A smaller grid title, never cut. */
    static Label small() {
        Label l = new Label();
        l.getStyleClass().add("mm-small-title");
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    /** A title above a grid, centred. */
    static VBox titled(Label title, Node grid) {
        VBox box = new VBox(4, title, grid);
        box.setAlignment(Pos.TOP_CENTER);
        box.setMinWidth(Region.USE_PREF_SIZE);
        return box;
    }

    /** An operator between grids ({@code @}, {@code =}, {@code +}). */
    static Label op(String s) {
        Label l = new Label(s);
        l.getStyleClass().add("mm-op");
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    /** A name without its display scale ({@code "l1.g \u00d71e5"} -> {@code "l1.g"}), for formulas. */
    static String plain(String name) {
        int x = name.indexOf(" \u00d7");
        return x < 0 ? name : name.substring(0, x);
    }

    /** {@code name[idx]}, with a display scale moved after the index: {@code l1.g[2,0] \u00d71e5}. */
    static String ref(String name, String idx) {
        int x = name.indexOf(" \u00d7");
        return x < 0 ? name + idx : name.substring(0, x) + idx + name.substring(x);
    }

    /** A piece of a formula, coloured by its css class (null: plain). */
    static javafx.scene.text.Text t(String s, String css) {
        javafx.scene.text.Text t = new javafx.scene.text.Text(s);
        t.getStyleClass().add("mm-formula-text");
        if (css != null) t.getStyleClass().add(css);
        return t;
    }

    /** A title to the left of a grid. */
    static javafx.scene.layout.HBox row(Label title, Node grid) {
        title.setPrefWidth(130);
        title.setAlignment(Pos.CENTER_RIGHT);
        javafx.scene.layout.HBox box = new javafx.scene.layout.HBox(12, title, grid);
        box.setAlignment(Pos.CENTER);
        return box;
    }

    /** Fills a one-row grid. */
    static void setRow(MatrixGrid g, int n, java.util.function.IntFunction<String> text, MatrixGrid.Role role) {
        g.setShape(1, n);
        g.setTexts((r, c) -> text.apply(c));
        g.setRoles((r, c) -> role);
        g.refresh();
    }
}
