package io.backproplens.ui.matmul;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import org.testfx.util.WaitForAsyncUtils;

/** What the class sees on the first screen: the check the compact and tight page tests share. */
final class OnScreen {
    private OnScreen() {}

    /** Visible with all its parents, and its box inside the window and inside every clip above it. */
    static boolean shownInside(Node n, Scene scene) throws Exception {
        boolean[] ok = new boolean[1];
        WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> {
            Bounds box = n.localToScene(n.getLayoutBounds());
            boolean in = box.getMinX() >= -0.5 && box.getMinY() >= -0.5 && box.getMaxX() <= scene.getWidth() + 0.5
                    && box.getMaxY() <= scene.getHeight() + 0.5 && box.getWidth() > 0 && box.getHeight() > 0;
            for (Node p = n; p != null && in; p = p.getParent()) {
                if (!p.isVisible()) in = false;
                if (p.getClip() != null) {
                    Bounds c = p.localToScene(p.getClip().getBoundsInParent());
                    in = c.getMinX() <= box.getMinX() + 0.5 && c.getMinY() <= box.getMinY() + 0.5
                            && c.getMaxX() >= box.getMaxX() - 0.5 && c.getMaxY() >= box.getMaxY() - 0.5;
                }
            }
            ok[0] = in;
        }));
        return ok[0];
    }
}
