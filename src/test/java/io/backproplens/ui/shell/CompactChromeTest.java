package io.backproplens.ui.shell;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import static io.backproplens.ui.FxWait.fx;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The compact chrome at 1280x720 and 200% (640x360 CSS px): the menu, the lesson, the view, the
 * init and its buttons in one row, and the caption in one line (its whole text in its tooltip and
 * in {@link MainWindow#caption()}). It took two rows and a two-line caption, 220 of the 720 px.
 */
@ExtendWith(ApplicationExtension.class)
class CompactChromeTest {
    private LensAppFixture app;

    @Start
    void start(Stage stage) {
        app = LensAppFixture.start(stage, 1280, 720, s -> s.presentation.scale.set(2.0), false);
    }

    private Bounds box(String id) {
        return fx(() -> {
            Node n = app.window.lookup(id);
            return n.localToScene(n.getLayoutBounds());
        });
    }

    @Test
    void oneRowAndOneLineOfCaptionAtTwoHundredPercent() {
        fx(() -> {
            app.window.showLesson(Lesson.FORWARD);
            app.window.applyCss();
            app.window.layout();
            return null;
        });
        assertThat(fx(app.window::compact)).as("compact at 360 CSS px of height").isTrue();
        Bounds lesson = box("#lesson-choice"), view = box("#view-choice"), init = box("#init-choice"), settings = box("#settings-button");
        for (Bounds b : new Bounds[]{view, init, settings}) {
            assertThat(b.getMinY()).as("on the lesson's row").isLessThan(lesson.getMaxY());
            assertThat(b.getMaxX()).as("inside the window").isLessThanOrEqualTo(1280);
        }
        Label caption = fx(() -> (Label) app.window.lookup("#lesson-caption"));
        String whole = fx(app.window::caption);
        assertThat(whole).startsWith("Forward: ").endsWith("every sample of the batch at once.");
        double line = fx(() -> caption.getFont().getSize());
        assertThat(box("#lesson-caption").getHeight()).as("one line of caption").isLessThan(1.8 * line);
        String shown = fx(caption::getText);
        // Cut at a clause, said with "…", the whole sentence in the tooltip.
        assertThat(shown).endsWith("\u2026");
        assertThat(whole).startsWith(shown.substring(0, shown.length() - 1));
        assertThat(fx(() -> caption.getTooltip().getText())).isEqualTo(whole);
        // Shown in full, not cut again by the label.
        assertThat(fx(() -> ((javafx.scene.text.Text) caption.lookup(".text")).getText())).isEqualTo(shown);
    }

    @Test
    void theWholeCaptionWrapsAgainWhereThereIsRoom() {
        fx(() -> {
            app.state.presentation.scale.set(1.0);
            app.window.showLesson(Lesson.FORWARD);
            app.window.applyCss();
            app.window.layout();
            return null;
        });
        Label caption = fx(() -> (Label) app.window.lookup("#lesson-caption"));
        assertThat(fx(caption::getText)).isEqualTo(fx(app.window::caption));
        assertThat(fx(caption::getTooltip)).isNull();
    }
}
