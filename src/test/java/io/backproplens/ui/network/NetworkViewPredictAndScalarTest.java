package io.backproplens.ui.network;

import io.backproplens.engine.TensorRef;
import io.backproplens.ui.common.Fmt;
import io.backproplens.ui.common.MatrixSample;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.Map;

import static io.backproplens.ui.network.LensAppFixture.await;
import static io.backproplens.ui.network.LensAppFixture.fx;
import static org.assertj.core.api.Assertions.assertThat;

/** Predict mode hides the step's values in the inspector too; the scalar loss reads as a number. */
@ExtendWith(ApplicationExtension.class)
class NetworkViewPredictAndScalarTest {
    private LensAppFixture app;

    @Start
    void start(Stage stage) { app = new LensAppFixture(stage, s -> s.withBatch(1000)); }

    private String inspectorText(String id) {
        return fx(() -> ((Label) app.view.inspector().lookup("#" + id)).getText());
    }

    @Test
    void homeThenRightInPredictModeShowsNothingOfTheHiddenStep(FxRobot robot) {
        app.awaitPass("a 1000-row pass", p -> p.settings().batch() == 1000);
        fx(() -> app.stage.requestFocus());
        // First look at l1 as the class would before switching to predict mode: it is inspected and cached.
        robot.type(KeyCode.RIGHT);
        await("step 1", 10, () -> app.state.step.get() == 0);
        app.awaitInspection("l1");

        fx(() -> app.state.predict.set(true));
        robot.type(KeyCode.HOME);
        await("before the first step", 10, () -> app.state.step.get() == -1);
        robot.type(KeyCode.RIGHT);
        await("step 1, hidden", 10, () -> app.state.step.get() == 0 && app.state.hidden.get());
        // Let the inspector finish whatever it computes, then nothing on it may be l1's.
        await("the inspector to settle", 60, () -> {
            Inspection i = app.view.inspector().shownProperty().get();
            return i != null && i.label().equals(app.view.inspector().selected()) && inspectorText("inspector-status").isEmpty();
        });
        TensorRef l1 = fx(() -> app.view.pass().trace().tensorsAfter(0).get("l1"));
        assertThat(fx(() -> app.view.inspector().selected())).isNotEqualTo("l1");
        assertThat(inspectorText("inspector-title")).isNotEqualTo("l1");
        assertThat(inspectorText("stat-shape")).isNotEqualTo(l1.shapeText());
        assertThat(fx(() -> app.view.inspector().shownProperty().get().ref().array())).isNotSameAs(l1.array());
        assertThat(fx(() -> app.view.graph().chip("l1").getText())).isEqualTo("l1 ?");

        robot.type(KeyCode.RIGHT);   // the reveal
        await("the reveal", 10, () -> !app.state.hidden.get());
        assertThat(app.awaitInspection("l1").ref().array()).isSameAs(l1.array());
        assertThat(inspectorText("inspector-title")).isEqualTo("l1");
    }

    @Test
    void theLossIsShownAsOneBigNumberNotAPicture() {
        app.awaitPass("a 1000-row pass", p -> p.settings().batch() == 1000);
        fx(() -> app.view.end());
        await("the last step", 10, () -> app.state.step.get() == 7);
        fx(() -> app.view.inspector().select("loss"));
        app.awaitInspection("loss");
        // The reference: mean over the batch of (out - y)^2, from the trace's own out and y.
        Map<String, TensorRef> t = fx(() -> app.view.pass().trace().tensorsAfter(7));
        long n = t.get("out").shape()[0];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double d = MatrixSample.get(t.get("out").array(), i, 0) - MatrixSample.get(t.get("y").array(), 0, i);
            sum += d * d;
        }
        String expected = Fmt.num(sum / n);
        await("the scalar to show", 10, () -> expected.equals(inspectorText("inspector-scalar")));
        assertThat(fx(() -> app.view.inspector().lookup("#inspector-scalar").isVisible())).isTrue();
        assertThat(fx(() -> app.view.inspector().heatmap().isVisible())).isFalse();
        assertThat(fx(() -> app.view.inspector().heatmap().getRaster())).isNull();
    }
}
