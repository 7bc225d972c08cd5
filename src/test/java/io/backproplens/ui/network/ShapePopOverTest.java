package io.backproplens.ui.network;

import io.backproplens.engine.TensorRef;
import javafx.scene.control.Label;
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

/**
 * A backward formula opens one screen on its shapes (a ControlsFX PopOver): the shapes it lines
 * up are the shapes of the pass's own tensors, e.g. x.t() (784, B), l1.g (B, 50), w1.g and w1
 * (784, 50) for {@code w1.g = x.t() @ l1.g}.
 */
@ExtendWith(ApplicationExtension.class)
class ShapePopOverTest {
    private LensAppFixture app;

    @Start
    void start(Stage stage) { app = new LensAppFixture(stage, s -> s.withBatch(300)); }

    @Test
    void theFormulasPopOverShowsTheTensorsShapes(FxRobot robot) {
        app.awaitPass("a 300-row pass", p -> p.settings().batch() == 300);
        int last = fx(() -> app.view.pass().trace().size() - 1);
        fx(() -> app.state.step.set(last));
        // At 1280x720 the formulas are the side's "Step" tab (made when the layout is first computed).
        await("the Step tab in front", 30, () -> {
            app.view.showStep();
            var side = (javafx.scene.control.TabPane) app.view.lookup("#network-side");
            return side.getSelectionModel().getSelectedItem().getId().equals("tab-step");
        });
        await("lin1's backward formulas", 30, () -> app.view.formulas().formulas().contains("w1.g = x.t() @ l1.g"));
        int k = fx(() -> app.view.formulas().formulas().indexOf("w1.g = x.t() @ l1.g"));
        fx(() -> app.view.formulas().scrollTo(k));
        robot.clickOn("#formula-" + k + "-why");
        ShapePopOver pop = fx(() -> app.view.formulas().why());
        await("the PopOver to show", 30, pop::showing);
        Map<String, TensorRef> t = fx(() -> app.view.pass().trace().tensorsAfter(last));
        long[] x = t.get("x").shape(), l1g = t.get("l1.g").shape(), w1 = t.get("w1").shape(), w1g = t.get("w1.g").shape();
        assertThat(text(pop, "#shape-operand-0-name")).isEqualTo("x.t()");
        assertThat(text(pop, "#shape-operand-0-shape")).isEqualTo("(" + x[1] + ", " + x[0] + ")").isEqualTo("(784, 300)");
        assertThat(text(pop, "#shape-operand-1-shape")).isEqualTo("(" + l1g[0] + ", " + l1g[1] + ")").isEqualTo("(300, 50)");
        assertThat(text(pop, "#shape-result-shape")).isEqualTo("(" + w1g[0] + ", " + w1g[1] + ")");
        assertThat(text(pop, "#shape-target-shape")).startsWith("(" + w1[0] + ", " + w1[1] + ")").endsWith("\u2714 the same shape");
        assertThat(text(pop, "#shape-lineup")).isEqualTo("(784, 300) @ (300, 50) -> (784, 50)");

        // Esc closes it (it may lie over the other formulas).
        robot.type(javafx.scene.input.KeyCode.ESCAPE);
        await("the PopOver to close", 30, () -> !pop.showing());
        // b1.g's: a column sum leaves b1's shape.
        int kb = fx(() -> app.view.formulas().formulas().indexOf("b1.g = l1.g.sum(0)"));
        fx(() -> app.view.formulas().scrollTo(kb));
        robot.clickOn("#formula-" + kb + "-why");
        await("b1.g's story", 30, () -> pop.showing() && pop.story().result().name().equals("b1.g"));
        long[] b1 = t.get("b1").shape();
        assertThat(b1).containsExactly(50);
        assertThat(text(pop, "#shape-lineup")).isEqualTo("(300, 50).sum(0) -> (50,)");
        assertThat(text(pop, "#shape-target-shape")).startsWith("(50,)");
        // The text is as large as the formulas' (a popup has its own scene: the UI scale must reach it).
        double px = fx(() -> ((Label) pop.popOver().getContentNode().lookup("#shape-lineup")).getFont().getSize());
        assertThat(px).isGreaterThanOrEqualTo(20 * fx(() -> app.state.presentation.scale.get()) - 0.01);
    }

    private static String text(ShapePopOver pop, String id) {
        return fx(() -> ((Label) pop.popOver().getContentNode().lookup(id)).getText());
    }
}
