package io.backproplens.ui.audit;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.shape.Shape;
import javafx.scene.text.Text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * WCAG contrast of every visible text against what it is drawn on, from the real colours in the
 * scene graph after CSS: a text's fill (a Label's text fill reaches its skin's Text node) against
 * what is painted beneath it: shapes and regions drawn before it in the same parent, then the
 * ancestors' background fills, translucent ones composited over the ones beneath, up to the
 * scene's fill. AA asks 4.5:1 for body text. Disabled controls
 * are exempt (WCAG exempts inactive components); so are icon glyphs (not text). Canvas-drawn text
 * has no colour in the scene graph, and is not covered. Runs on the FX thread, after CSS.
 */
public final class ContrastAudit {
    /** WCAG AA for normal text. */
    public static final double AA = 4.5;

    /** A text whose colours are too close: where, what, its colours and their ratio. */
    public record Problem(String where, String text, Color text_, Color background, double ratio) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "contrast: %s: '%s' is %s on %s, %.2f:1, below %.1f:1",
                    where, text, hex(text_), hex(background), ratio, AA);
        }
    }

    private ContrastAudit() {}

    /** Every text in the scene below {@code minRatio}. */
    public static List<Problem> of(Scene scene, double minRatio) { return of(scene.getRoot(), scene, minRatio); }

    /** Every text in the subtree of {@code root} below {@code minRatio}. */
    public static List<Problem> of(Node root, Scene scene, double minRatio) {
        List<Problem> problems = new ArrayList<>();
        Color base = scene != null && scene.getFill() instanceof Color c && c.getOpacity() > 0 ? c : Color.WHITE;
        visit(root, base, minRatio, problems);
        return List.copyOf(problems);
    }

    private static void visit(Node n, Color base, double min, List<Problem> problems) {
        if (!n.isVisible() || n.getOpacity() == 0 || n.isDisabled()) return;
        if (n instanceof Text t && !t.getText().isBlank() && !isGraphic(t) && t.getFill() instanceof Color fg && fg.getOpacity() > 0) {
            Color bg = backgroundBehind(t, base);
            Color seen = over(fg, bg);
            double ratio = ratio(seen, bg);
            if (ratio + 1e-9 < min) {
                Node owner = t.getParent() instanceof Labeled l ? l : t;
                problems.add(new Problem(LayoutAudit.describe(owner), abbreviate(t.getText()), seen, bg, ratio));
            }
        }
        if (n instanceof Parent p) for (Node c : p.getChildrenUnmodifiable()) visit(c, base, min, problems);
    }

    /**
     * The colour under {@code n}: what is painted beneath it, nearest first, translucent layers
     * composited, over {@code base}. Beneath a node lie the siblings before it in its parent (a
     * shape or a region drawn first, as a graph's box behind its title) where they cover the
     * text's centre, then the parent's own background, and so on up.
     */
    static Color backgroundBehind(Node n, Color base) {
        javafx.geometry.Bounds box = n.localToScene(n.getLayoutBounds());
        double cx = box.getCenterX(), cy = box.getCenterY();
        List<Color> layers = new ArrayList<>();  // nearest first
        outer:
        for (Node c = n; c.getParent() != null; c = c.getParent()) {
            Parent p = c.getParent();
            List<Node> siblings = p.getChildrenUnmodifiable();
            for (int i = siblings.indexOf(c) - 1; i >= 0; i--) {
                Node s = siblings.get(i);
                if (!s.isVisible() || s.getOpacity() == 0 || !s.localToScene(s.getLayoutBounds()).contains(cx, cy)) continue;
                Color fill = s instanceof Shape shape && shape.getFill() instanceof Color col && col.getOpacity() > 0 ? col
                        : s instanceof Region r ? topFill(r.getBackground()) : null;
                if (fill == null) continue;
                layers.add(fill);
                if (fill.getOpacity() >= 1) break outer;
            }
            Color fill = p instanceof Region r ? topFill(r.getBackground()) : null;
            if (fill == null) continue;
            layers.add(fill);
            if (fill.getOpacity() >= 1) break;
        }
        Color c = base;
        for (int i = layers.size() - 1; i >= 0; i--) c = over(layers.get(i), c);
        return c;
    }

    /** The fill painted last (on top) that has some colour; gradients and images count by their first colour. */
    private static Color topFill(Background b) {
        if (b == null) return null;
        List<BackgroundFill> fills = b.getFills();
        for (int i = fills.size() - 1; i >= 0; i--) {
            Paint p = fills.get(i).getFill();
            Color c = p instanceof Color col ? col
                    : p instanceof javafx.scene.paint.LinearGradient g ? g.getStops().get(0).getColor()
                    : p instanceof javafx.scene.paint.RadialGradient g ? g.getStops().get(0).getColor() : null;
            if (c != null && c.getOpacity() > 0) return c;
        }
        return null;
    }

    /** {@code top} painted over an opaque {@code under}. */
    static Color over(Color top, Color under) {
        double a = top.getOpacity();
        return new Color(top.getRed() * a + under.getRed() * (1 - a), top.getGreen() * a + under.getGreen() * (1 - a),
                top.getBlue() * a + under.getBlue() * (1 - a), 1);
    }

    /** WCAG 2 contrast ratio, 1 to 21. */
    public static double ratio(Color a, Color b) {
        double la = luminance(a), lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    /** WCAG 2 relative luminance of an sRGB colour. */
    static double luminance(Color c) {
        return 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
    }

    private static double linear(double v) { return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }

    private static boolean isGraphic(Text t) {
        return t.getParent() instanceof Labeled l && l.getGraphic() == t || t.getStyleClass().contains("ikonli-font-icon");
    }

    private static String hex(Color c) {
        return String.format(Locale.ROOT, "#%02X%02X%02X", Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255), Math.round(c.getBlue() * 255));
    }

    private static String abbreviate(String s) {
        String one = s.replace('\n', ' ');
        return one.length() <= 40 ? one : one.substring(0, 37) + "...";
    }
}
