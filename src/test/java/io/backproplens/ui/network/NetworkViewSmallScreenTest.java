package io.backproplens.ui.network;

import io.backproplens.ui.shell.Lesson;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import static io.backproplens.ui.network.LensAppFixture.await;
import static io.backproplens.ui.network.LensAppFixture.fx;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 1280x720 projector at 200% (640x360 CSS px): the graph keeps a useful height and the step's
 * title and sentence stay on screen, whole, at every step of the pass. Before the tabs went beside
 * the graph there, the graph had a band of 190 px (95 CSS px) with its boxes cut, and the loss
 * step's sentence ran under the window's bottom edge, over the status bar.
 */
@ExtendWith(ApplicationExtension.class)
class NetworkViewSmallScreenTest {
    private LensAppFixture app;

    @Start
    void start(Stage stage) { app = new LensAppFixture(stage, null, 720); }

    @Test
    void atTwoHundredPercentTheGraphHasRoomAndEverySentenceIsOnScreen() {
        fx(() -> app.state.presentation.scale.set(2.0));
        app.awaitPass("the first pass", p -> true);
        fx(() -> app.window.showLesson(Lesson.LOSS));
        await("the loss step", 60, () -> app.view.formulas().narration().contains("loss = "));
        int steps = fx(() -> app.view.pass().trace().steps().size());
        for (int step = -1; step < steps; step++) {
            int at = step;
            fx(() -> app.state.step.set(at));
            fx(() -> {
                app.window.applyCss();
                app.window.layout();
            });
            Node zoom = fx(() -> app.window.lookup("#graph-zoom"));
            // The graph's band in CSS px: at least the notebook graph's boxes and chips at its floor
            // zoom (290 of its 350 units high, x 0.8), less a margin.
            double graphCss = fx(() -> zoom.getLayoutBounds().getHeight()) / 2.0;
            assertThat(graphCss).as("the graph's height at step %d, CSS px", at).isGreaterThanOrEqualTo(200);
            for (String id : new String[]{"#step-title", "#step-narration"}) {
                Label l = fx(() -> (Label) app.window.lookup(id));
                Bounds b = fx(() -> l.localToScene(l.getLayoutBounds()));
                double w = fx(() -> app.window.getScene().getWidth()), h = fx(() -> app.window.getScene().getHeight());
                String what = id + " '" + fx(l::getText) + "' at step " + at;
                assertThat(fx(l::isVisible)).as(what + " is shown").isTrue();
                assertThat(b.getMinX()).as(what + ", left").isGreaterThanOrEqualTo(0);
                assertThat(b.getMinY()).as(what + ", top").isGreaterThanOrEqualTo(0);
                assertThat(b.getMaxX()).as(what + ", right").isLessThanOrEqualTo(w);
                assertThat(b.getMaxY()).as(what + ", bottom").isLessThanOrEqualTo(h);
                // Whole: inside the pane that holds it (its clip), and clear of the status bar under the view.
                Node side = fx(() -> app.window.lookup("#network-side"));
                Bounds sideBox = fx(() -> side.localToScene(side.getLayoutBounds()));
                assertThat(b.getMaxY()).as(what + " inside the side pane").isLessThanOrEqualTo(sideBox.getMaxY() + 0.5);
                Node status = fx(() -> app.window.lookup("#status-bar"));
                Bounds statusBox = fx(() -> status.localToScene(status.getLayoutBounds()));
                assertThat(b.intersects(statusBox)).as(what + " overlaps the status bar").isFalse();
                assertThat(fx(() -> l.getText().equals(((javafx.scene.text.Text) l.lookup(".text")).getText())))
                        .as(what + " shown in full, not cut to '...'").isTrue();
            }
        }
    }
}
