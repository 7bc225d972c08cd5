package io.backproplens.ui.network;

import io.backproplens.engine.TensorRef;
import io.backproplens.ui.shell.Lesson;
import io.backproplens.ui.slips.SlipsView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nd4j.linalg.api.buffer.DataType;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.Map;

import static io.backproplens.ui.network.LensAppFixture.await;
import static io.backproplens.ui.network.LensAppFixture.fx;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The "Notebook's slips" scene on a real 300-row pass: the misplaced .sum(0)'s shape is
 * (300, 784, 50) beside the meant (784, 50); the clone test passes even a doubled gradient while
 * autodiff fails it; the Relu's -0.5 moves lin2's mean by -0.5 * w2.sum(), computed here from w2.
 */
@ExtendWith(ApplicationExtension.class)
class SlipsSceneTest {
    private LensAppFixture app;

    @Start
    void start(Stage stage) { app = new LensAppFixture(stage, s -> s.withBatch(300), 800); }  // 1280x800: the full chrome, its fields and scene buttons

    @Test
    void theSlipsSceneShowsTheShapesAndTheShiftOfThisPass(FxRobot robot) {
        app.awaitPass("a 300-row pass", p -> p.settings().batch() == 300);
        robot.clickOn("#lesson-slips");
        assertThat(fx(() -> app.window.slipsShown())).isTrue();
        SlipsView v = fx(() -> app.window.slips());
        await("the slips computed", 120, () -> v.slips() != null && v.cell("wrong-shape") != null);
        Map<String, TensorRef> t = fx(() -> app.view.pass().trace().tensorsAfter(app.view.pass().trace().size() - 1));
        long[] x = t.get("x").shape(), w1 = t.get("w1").shape();
        assertThat(fx(() -> v.cell("wrong-shape"))).isEqualTo("(" + x[0] + ", " + x[1] + ", " + w1[1] + ")").isEqualTo("(300, 784, 50)");
        assertThat(fx(() -> v.cell("engine-shape"))).isEqualTo("(" + w1[0] + ", " + w1[1] + ")").isEqualTo("(784, 50)");
        assertThat(fx(() -> v.cell("matmul-shape"))).isEqualTo("(784, 50)");
        assertThat(fx(() -> v.cell("inp-u-shape"))).isEqualTo("(300, 784, 1)");
        assertThat(fx(() -> v.cell("batched-value"))).isEqualTo(fx(() -> v.cell("matmul-value")));

        robot.clickOn("#slip-self-test");
        await("the clone test", 30, () -> v.cell("clone-value") != null);
        assertThat(fx(() -> v.cell("clone-doubled-value"))).isEqualTo("\u2714 passes");
        assertThat(fx(() -> v.cell("autodiff-value"))).isEqualTo("\u2714 passes");
        assertThat(fx(() -> v.cell("autodiff-doubled-value"))).isEqualTo("\u2718 fails");

        robot.clickOn("#slip-shift");
        await("the shift", 30, () -> v.cell("out-mean-shape") != null);
        double w2sum = t.get("w2").array().castTo(DataType.DOUBLE).sumNumber().doubleValue();
        double before = Double.parseDouble(fx(() -> v.cell("out-mean-shape"))), after = Double.parseDouble(fx(() -> v.cell("out-mean-value")));
        // Four printed decimals each: the shown difference is -0.5 * w2.sum() to 1e-4.
        assertThat(after - before).isCloseTo(-0.5 * w2sum, org.assertj.core.api.Assertions.within(2e-4));
        assertThat(Math.abs(-0.5 * w2sum)).as("the shift moves the mean visibly").isGreaterThan(1e-3);
        assertThat(fx(() -> v.cell("out-std-shape"))).isEqualTo(fx(() -> v.cell("out-std-value")));
    }
}
