package io.backproplens.ui.audit;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.text.Text;

/**
 * What the {@link LayoutAudit} would look at, folded into one number: every visible text, label,
 * scroll pane and canvas, where it stands in the scene, and every text a canvas drew. Two equal
 * fingerprints a frame apart mean the layout has come to rest; a chart redrawn a frame late, a
 * label re-fitted on the next pulse or a result landing from a worker changes it. Runs on the FX
 * thread.
 */
public final class LayoutFingerprint {
    private long hash = 17;

    private LayoutFingerprint() {}

    /** The fingerprint of the scene as it is laid out now. */
    public static long of(Scene scene) {
        LayoutFingerprint f = new LayoutFingerprint();
        f.add(scene.getWidth());
        f.add(scene.getHeight());
        if (scene.getRoot() != null) f.visit(scene.getRoot());
        return f.hash;
    }

    private void visit(Node n) {
        if (!n.isVisible() || n.getOpacity() == 0) return;
        // Only what carries text, as the audit sees it: a progress bar's stripe or a spinner may
        // move on every frame without the layout changing.
        if (n instanceof Text t && !t.getText().isBlank()) {
            add(t.getText());
            add(t.getFont().getSize());
            box(n, n.getLayoutBounds());
        }
        if (n instanceof Labeled l) {
            add(l.getText());
            box(n, n.getLayoutBounds());
        }
        if (n instanceof ScrollPane sp) {
            box(sp, sp.getViewportBounds());
            if (sp.getContent() != null) box(sp, sp.getContent().getLayoutBounds());
        }
        if (n instanceof Canvas c) {
            box(c, c.getLayoutBounds());
            for (DrawnText.Item i : DrawnText.items(c)) {
                add(i.text());
                box(c, i.bounds());
                add(i.fontPx());
            }
        }
        if (n instanceof Parent p) for (Node child : p.getChildrenUnmodifiable()) visit(child);
    }

    /** A box of the node, where it stands in the scene. */
    private void box(Node n, Bounds local) {
        Bounds b = n.localToScene(local);
        add(b.getMinX());
        add(b.getMinY());
        add(b.getWidth());
        add(b.getHeight());
    }

    /** A length to a hundredth of a pixel: finer than any layout change the eye (or the audit) sees. */
    private void add(double v) { add(Math.round(v * 100)); }

    private void add(long v) { hash = hash * 1_000_003 + v; }

    private void add(String s) { add(s == null ? 0 : s.hashCode()); }
}
