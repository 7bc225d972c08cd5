package io.backproplens.ui.audit;

import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Labeled;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.ScrollPane;
import javafx.scene.text.Text;
import javafx.scene.transform.Transform;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Checks a laid-out window the way the back row of a lecture hall would: no label cut to "...",
 * no text outside the window or cut by its parent's clip, no two texts on top of each other, no
 * scroll pane hiding part of what it holds, and no text smaller than the floor. Canvas text is
 * included through {@link DrawnText}. Runs on the FX thread, after layout.
 */
public final class LayoutAudit {
    /** A node may set this property to say that scrolling it is its point (a long list, a log). */
    public static final String SCROLLS = "audit.scrolls";
    /**
     * A pane that pages its content (shows some blocks, hides the rest until paged to) puts this
     * property on each block it hides from its first page, the view the class sees by default.
     * Hidden nodes are otherwise not audited, so without it a page turn would hide content from
     * the audit as well as from the class. A block marked {@link #SCROLLS} (a log) may page.
     */
    public static final String PAGED_AWAY = "audit.pagedAway";

    public enum Kind { TRUNCATED, OUTSIDE, CLIPPED, HIDDEN, OVERLAP, HIDDEN_BY_SCROLL, TOO_SMALL, PAGED_AWAY }

    public record Problem(Kind kind, String where, String detail) {
        @Override
        public String toString() { return kind.name().toLowerCase(Locale.ROOT) + ": " + where + ": " + detail; }
    }

    /** A text on screen: its scene box, its size in screen pixels, what it says and whose it is. */
    private record Shown(String text, Bounds box, double px, Node owner) {}

    private final double minFontPx;
    private final List<Problem> problems = new ArrayList<>();
    private final List<Shown> shown = new ArrayList<>();
    private Bounds window;

    private LayoutAudit(double minFontPx) { this.minFontPx = minFontPx; }

    /** Every problem in {@code scene}, with {@code minFontPx} the smallest text size allowed. */
    public static List<Problem> of(Scene scene, double minFontPx) {
        return of(scene, minFontPx, new BoundingBox(0, 0, scene.getWidth(), scene.getHeight()));
    }

    /**
     * The same for a window over another (a PopOver over the main window): {@code within}, in
     * {@code scene}'s coordinates, is where its text can be seen (the main window's area), and
     * text beyond it leaves the window as text beyond a window's edge does.
     */
    public static List<Problem> of(Scene scene, double minFontPx, Bounds within) {
        LayoutAudit a = new LayoutAudit(minFontPx);
        Bounds own = new BoundingBox(0, 0, scene.getWidth(), scene.getHeight());
        Bounds both = intersect(own, within);
        a.window = both != null ? both : new BoundingBox(within.getMinX(), within.getMinY(), 0, 0);
        a.visit(scene.getRoot());
        a.overlaps();
        return List.copyOf(a.problems);
    }

    private void visit(Node n) {
        if (!n.isVisible() && n.getProperties().containsKey(PAGED_AWAY) && !n.getProperties().containsKey(SCROLLS)) {
            String first = firstText(n);
            if (first != null) {
                problems.add(new Problem(Kind.PAGED_AWAY, describe(n), "'" + abbreviate(first)
                        + "' and what stands with it is on a later page, not on the first page the class sees"));
            }
            return;
        }
        if (!n.isVisible() || n.getOpacity() == 0) return;
        if (n instanceof Labeled l && isTruncated(l)) {
            problems.add(new Problem(Kind.TRUNCATED, describe(n), "'" + abbreviate(l.getText()) + "' is cut"));
        }
        if (n instanceof ScrollPane sp && !sp.getProperties().containsKey(SCROLLS) && hidesContent(sp)) {
            problems.add(new Problem(Kind.HIDDEN_BY_SCROLL, describe(n), "content "
                    + size(sp.getContent().getLayoutBounds()) + " in a viewport " + size(sp.getViewportBounds())));
        }
        if (n instanceof Text t && !t.getText().isBlank() && !isGraphic(t)) {
            text(t.getText(), t.localToScene(t.getLayoutBounds()), t.getFont().getSize() * scaleOf(t), t);
        }
        if (n instanceof Canvas c) {
            for (DrawnText.Item i : DrawnText.items(c)) {
                text(i.text(), c.localToScene(i.bounds()), i.fontPx() * scaleOf(c), c);
            }
        }
        if (n instanceof Parent p) for (Node child : p.getChildrenUnmodifiable()) visit(child);
    }

    /** The first text in a subtree (labels, texts, canvas text), or null when it holds none. */
    private static String firstText(Node n) {
        if (n instanceof Text t && !t.getText().isBlank() && !isGraphic(t)) return t.getText();
        if (n instanceof Labeled l && l.getText() != null && !l.getText().isBlank()) return l.getText();
        if (n instanceof Canvas c && !DrawnText.items(c).isEmpty()) return DrawnText.items(c).get(0).text();
        if (n instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                String t = firstText(child);
                if (t != null) return t;
            }
        }
        return null;
    }

    /** An icon (an icon font's glyph is a Text node) is not text to read. */
    private static boolean isGraphic(Text t) {
        return t.getParent() instanceof Labeled l && l.getGraphic() == t || t.getStyleClass().contains("ikonli-font-icon");
    }

    private void text(String text, Bounds box, double px, Node owner) {
        if (insideVirtualFlow(owner)) {
            // List and table cells scroll by design; only a cell cut at its own edge is a problem,
            // and the Labeled check above catches that.
            if (px + 0.05 < minFontPx) tooSmall(text, px, owner);
            return;
        }
        Bounds clip = visibleArea(owner);
        if (clip == null || !clip.intersects(box)) {
            // Wholly out of sight. Fine inside a pane whose point is scrolling; anywhere else it is
            // content the layout pushed out of view, which the class cannot see either.
            if (!insideScrollingPane(owner)) {
                problems.add(new Problem(Kind.HIDDEN, describe(owner), "'" + abbreviate(text) + "' at " + size(box)
                        + " is laid out out of sight"));
            }
            return;
        }
        // A line half scrolled out of a scrolling pane is judged by the part in sight.
        if (!contains(window, insideScrollingPane(owner) ? visiblePart(box, clip) : box)) {
            problems.add(new Problem(Kind.OUTSIDE, describe(owner), "'" + abbreviate(text) + "' at " + size(box) + " leaves the window"));
        } else if (!contains(clip, box) && !insideScrollingPane(owner)) {  // a scrolled list cuts its edge rows by design
            problems.add(new Problem(Kind.CLIPPED, describe(owner), "'" + abbreviate(text) + "' is cut by its parent's clip"));
        }
        if (px + 0.05 < minFontPx) tooSmall(text, px, owner);
        // Only the part in sight can lie over other text: a line half scrolled out of a pane
        // whose point is scrolling does not overlap what stands below the pane.
        shown.add(new Shown(text, insideScrollingPane(owner) ? visiblePart(box, clip) : box, px, owner));
    }

    private static Bounds visiblePart(Bounds box, Bounds clip) {
        double x0 = Math.max(box.getMinX(), clip.getMinX()), y0 = Math.max(box.getMinY(), clip.getMinY());
        double x1 = Math.min(box.getMaxX(), clip.getMaxX()), y1 = Math.min(box.getMaxY(), clip.getMaxY());
        return new javafx.geometry.BoundingBox(x0, y0, Math.max(0, x1 - x0), Math.max(0, y1 - y0));
    }

    private void tooSmall(String text, double px, Node owner) {
        problems.add(new Problem(Kind.TOO_SMALL, describe(owner),
                String.format(Locale.ROOT, "'%s' is %.1f px, the floor is %.0f px", abbreviate(text), px, minFontPx)));
    }

    private void overlaps() {
        for (int i = 0; i < shown.size(); i++) {
            for (int j = i + 1; j < shown.size(); j++) {
                Shown a = shown.get(i), b = shown.get(j);
                if (a.owner() == b.owner() && !(a.owner() instanceof Canvas)) continue;
                if (overlap(a.box(), b.box()) > 2) {
                    problems.add(new Problem(Kind.OVERLAP, describe(a.owner()), "'" + abbreviate(a.text())
                            + "' overlaps '" + abbreviate(b.text()) + "' of " + describe(b.owner())));
                }
            }
        }
    }

    /** How far two boxes overlap, in pixels of the smaller direction (0 when apart). */
    private static double overlap(Bounds a, Bounds b) {
        double w = Math.min(a.getMaxX(), b.getMaxX()) - Math.max(a.getMinX(), b.getMinX());
        double h = Math.min(a.getMaxY(), b.getMaxY()) - Math.max(a.getMinY(), b.getMinY());
        return Math.max(0, Math.min(w, h));
    }

    /** The part of the scene where {@code n} can be seen: the window cut by every ancestor's clip. */
    private Bounds visibleArea(Node n) {
        Bounds area = window;
        for (Node p = n.getParent(); p != null; p = p.getParent()) {
            if (p.getClip() != null) {
                Bounds c = p.localToScene(p.getClip().getBoundsInParent());
                area = intersect(area, c);
                if (area == null) return null;
            }
        }
        return area;
    }

    /** Whether an ancestor is a scroll pane marked {@link #SCROLLS}: its content may lie out of sight. */
    private static boolean insideScrollingPane(Node n) {
        for (Node p = n.getParent(); p != null; p = p.getParent()) {
            if (p instanceof ScrollPane && p.getProperties().containsKey(SCROLLS)) return true;
        }
        return false;
    }

    private static boolean insideVirtualFlow(Node n) {
        for (Node p = n.getParent(); p != null; p = p.getParent()) {
            if (p instanceof javafx.scene.control.skin.VirtualFlow<?>) return true;
        }
        return false;
    }

    /**
     * Whether the label shows less than its text. The skin draws the text it could fit in a child
     * Text node, with the ellipsis where it cut; a Labeled with no such child shows no text.
     */
    static boolean isTruncated(Labeled l) {
        String full = l.getText();
        if (full == null || full.isBlank() || l.getContentDisplay() == ContentDisplay.GRAPHIC_ONLY) return false;
        for (Node c : l.getChildrenUnmodifiable()) {
            if (c instanceof Text t && c != l.getGraphic()) {  // an icon font's glyph is a Text too
                String drawn = squash(t.getText()), want = squash(full);
                if (l.isMnemonicParsing()) { drawn = drawn.replace("_", ""); want = want.replace("_", ""); }
                String ellipsis = l.getEllipsisString();
                return drawn.length() < want.length()
                        || !ellipsis.isEmpty() && drawn.contains(ellipsis) && !want.contains(ellipsis);
            }
        }
        return false;
    }

    private static String squash(String s) { return s.replaceAll("\\s+", " ").trim(); }

    private static boolean hidesContent(ScrollPane sp) {
        Node content = sp.getContent();
        if (content == null) return false;
        Bounds c = content.getLayoutBounds(), v = sp.getViewportBounds();
        return c.getWidth() > v.getWidth() + 1 || c.getHeight() > v.getHeight() + 1;
    }

    /** The factor from the node's own pixels to the scene's (a zoomed graph draws smaller or larger). */
    private static double scaleOf(Node n) {
        Transform t = n.getLocalToSceneTransform();
        return Math.sqrt(Math.abs(t.getMxx() * t.getMyy() - t.getMxy() * t.getMyx()));
    }

    private static boolean contains(Bounds outer, Bounds inner) {
        double tol = 1;
        return inner.getMinX() >= outer.getMinX() - tol && inner.getMinY() >= outer.getMinY() - tol
                && inner.getMaxX() <= outer.getMaxX() + tol && inner.getMaxY() <= outer.getMaxY() + tol;
    }

    private static Bounds intersect(Bounds a, Bounds b) {
        double x0 = Math.max(a.getMinX(), b.getMinX()), y0 = Math.max(a.getMinY(), b.getMinY());
        double x1 = Math.min(a.getMaxX(), b.getMaxX()), y1 = Math.min(a.getMaxY(), b.getMaxY());
        return x1 <= x0 || y1 <= y0 ? null : new BoundingBox(x0, y0, x1 - x0, y1 - y0);
    }

    private static String size(Bounds b) {
        return String.format(Locale.ROOT, "%.0fx%.0f+%.0f+%.0f", b.getWidth(), b.getHeight(), b.getMinX(), b.getMinY());
    }

    private static String abbreviate(String s) {
        String one = s.replace('\n', ' ');
        return one.length() <= 40 ? one : one.substring(0, 37) + "...";
    }

    /** A node as a person finds it: its id or style classes, inside the nearest ancestor with an id. */
    static String describe(Node n) {
        StringBuilder b = new StringBuilder(n.getClass().getSimpleName());
        if (n.getId() != null) b.append('#').append(n.getId());
        else if (!n.getStyleClass().isEmpty()) b.append('.').append(String.join(".", n.getStyleClass()));
        for (Node p = n.getParent(); p != null; p = p.getParent()) {
            if (p.getId() != null) return b.append(" in #").append(p.getId()).toString();
        }
        return b.toString();
    }
}
