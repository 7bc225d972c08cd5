package io.backproplens.ui.network;

import io.backproplens.engine.Init;
import io.backproplens.explain.ElementProduct;
import io.backproplens.session.PassResult;
import io.backproplens.ui.matmul.ElementPane;
import io.backproplens.ui.matmul.MatmulStepper;
import io.backproplens.ui.matmul.MatmulView;
import io.backproplens.matmul.MatmulVariant;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import static io.backproplens.ui.network.LensAppFixture.await;
import static io.backproplens.ui.network.LensAppFixture.fx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * "Step it": from a derivation in the inspector, the matmul stepper opens on exactly the row and
 * column of the real matrices whose product is the element; run to the end of that cell, the
 * triple loop's result is the element the engine computed (read from the trace's own array).
 */
@ExtendWith(ApplicationExtension.class)
class StepItTest {
    private LensAppFixture app;

    @Start
    void start(Stage stage) { app = new LensAppFixture(stage, s -> s.withBatch(300)); }

    @Test
    void theStepperOpenedFromADerivationComputesThatElement(FxRobot robot) {
        app.awaitPass("a 300-row pass", p -> p.settings().batch() == 300);
        fx(() -> {
            app.state.step.set(7);
            app.view.showTensorInspector();
        });
        for (String label : new String[]{"w1.g", "x.g", "b1.g"}) {
            long[] at = stepIt(robot, label);
            String element = label + java.util.Arrays.toString(at).replace(" ", "");
            INDArray g = fx(() -> app.view.pass().trace().tensorsAfter(7).get(label).array());
            double engine = g.getDouble(at);
            ElementPane pane = fx(() -> app.window.matmul().element());
            ElementProduct p = fx(pane::product);
            assertThat(p.element()).isEqualTo(element);
            MatmulStepper stepper = fx(pane::stepper);
            assertThat(fx(stepper::variant)).as("the first lesson's loop").isEqualTo(MatmulVariant.TRIPLE_LOOP);
            // One result cell; one multiply-add per sample (w1.g, b1.g) or per hidden unit (x.g = l1.g @ w1.t()).
            long inner = label.equals("x.g") ? 50 : 300;
            // Exactly the element's row and column of the real matrices.
            assertThat(new long[]{p.row(), p.col()}).isEqualTo(at.length == 2 ? at : new long[]{0, at[0]});
            assertThat(fx(() -> stepper.replay().rows() * stepper.replay().cols())).isEqualTo(1);
            assertThat(fx(stepper::stepCount)).isEqualTo((int) inner);
            assertThat(fx(() -> stepper.resultNow()[0][0])).as("before the first step").isEqualTo(0.0);

            fx(stepper::end);
            double got = fx(() -> stepper.resultNow()[0][0]);
            double scale = g.castTo(DataType.DOUBLE).amaxNumber().doubleValue();
            assertThat(got).as(element + " summed by the triple loop").isCloseTo(engine, within(1e-4 * scale));
            assertThat(fx(pane::checkText)).startsWith("\u2714 result = ");
        }
    }

    /**
     * The settings change under an open stepper: it steps the same element of the new pass (its
     * final result is the new pass's .g element, not the old one), and where the new pass has no
     * such element (nh smaller than its column) it closes, saying so.
     */
    @Test
    void theStepperFollowsANewPassOrClosesSayingWhy(FxRobot robot) {
        app.awaitPass("a 300-row Kaiming pass", p -> p.settings().batch() == 300 && p.settings().init() == Init.KAIMING);
        fx(() -> {
            app.state.step.set(7);
            app.view.showTensorInspector();
        });
        long[] at = stepIt(robot, "w1.g");
        String element = "w1.g" + java.util.Arrays.toString(at).replace(" ", "");
        ElementPane pane = fx(() -> app.window.matmul().element());
        MatmulStepper stepper = fx(pane::stepper);
        double before = fx(() -> pane.product().engine());
        fx(() -> { for (int n = 0; n < 5; n++) stepper.next(); });

        fx(() -> app.state.settings.set(app.state.settings.get().withInit(Init.XAVIER)));
        PassResult xavier = app.awaitPass("the Xavier pass", p -> p.settings().init() == Init.XAVIER);
        double wanted = xavier.trace().tensorsAfter(7).get("w1.g").array().getDouble(at);
        assertThat(wanted).as("Xavier's w1 differs from Kaiming's, so the element does").isNotCloseTo(before, within(1e-9));
        await("the stepper on the Xavier pass's " + element, 30, () -> pane.product() != null
                && pane.product().element().equals(element) && pane.product().engine() == wanted);
        assertThat(fx(stepper::position)).as("same shapes: the stepper stays on its step").isEqualTo(4);
        assertThat(fx(pane::caption)).startsWith("The settings changed");
        fx(stepper::end);
        double got = fx(() -> stepper.resultNow()[0][0]);
        double scale = xavier.trace().tensorsAfter(7).get("w1.g").array().castTo(DataType.DOUBLE).amaxNumber().doubleValue();
        assertThat(got).as(element + " of the new pass, summed by the triple loop").isCloseTo(wanted, within(1e-4 * scale));
        assertThat(Math.abs(got - before)).as("not the old pass's element").isGreaterThan(1e-4 * scale);
        assertThat(fx(pane::checkText)).startsWith("\u2714 result = ");

        // An element past the new pass's hidden units: w1.g[5,7] open, then nh 7, so w1.g is 784x7.
        fx(() -> {
            app.state.stepIt.set(null);
            app.state.stepIt.set(ElementProduct.of(app.view.pass().trace(), "w1.g", 5, 7).orElseThrow());
        });
        await("w1.g[5,7] in the stepper", 30, () -> pane.product() != null && pane.product().element().equals("w1.g[5,7]"));
        fx(() -> app.state.settings.set(app.state.settings.get().withNh(7)));
        app.awaitPass("the nh 7 pass", p -> p.settings().nh() == 7);
        await("the stepper closed", 30, () -> pane.product() == null && pane.waitingText() != null);
        assertThat(fx(pane::waitingText)).contains("has no w1.g[5,7]").contains("is outside 784x7");
    }

    /** Selects {@code label} in the inspector, explains an element a few cells in, and presses "Step it"; returns the element's index. */
    private long[] stepIt(FxRobot robot, String label) {
        fx(() -> {
            app.window.selectTab("network");
            app.view.inspector().select(label);
        });
        app.awaitInspection(label);
        DerivationPanel panel = fx(() -> app.view.inspector().derivationPanel());
        // Some element a few cells in, as the arrow keys choose it, then Enter.
        long[] at = fx(() -> {
            CellPicker picker = app.view.inspector().picker();
            picker.move(1, 0);
            for (int n = 0; n < 3; n++) picker.move(1, 1);
            picker.explain();
            return picker.chosenIndex();
        });
        String element = label + java.util.Arrays.toString(at).replace(" ", "");
        await("the derivation of " + element, 30, () -> panel.shown() != null && panel.shown().element().equals(element)
                && panel.product() != null);
        robot.clickOn("#derivation-step-it");
        await("the matmul view in front", 30, () -> app.window.selectedTab().equals("matmul")
                && app.window.matmul().section() == MatmulView.Section.ELEMENT
                && app.window.matmul().element().product() != null
                && app.window.matmul().element().product().element().equals(element));
        return at;
    }
}
