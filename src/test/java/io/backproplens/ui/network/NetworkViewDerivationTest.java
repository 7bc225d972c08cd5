package io.backproplens.ui.network;

import io.backproplens.explain.Derivation;
import io.backproplens.ui.common.Fmt;
import io.backproplens.ui.common.HeatmapView;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.backproplens.ui.network.LensAppFixture.await;
import static io.backproplens.ui.network.LensAppFixture.fx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The real app on all 50,000 rows at the last backward step: clicking an element of w1.g in the
 * inspector writes out its chain rule with this pass's numbers, and the total is the element the
 * engine computed (read straight from the trace's array); the arrows move to the next element;
 * out.g's derivation answers the notebook's sign question; Esc gives the arrows back to stepping.
 */
@ExtendWith(ApplicationExtension.class)
class NetworkViewDerivationTest {
    private static final Pattern CELL = Pattern.compile("^(\\S+)\\[(\\d+), (\\d+)\\] = (\\S+)");
    private LensAppFixture app;

    @Start
    void start(Stage stage) { app = new LensAppFixture(stage, null); }

    @Test
    void clickingAGradientElementDerivesItAndTheTotalIsThatElement(FxRobot robot) {
        app.awaitPass("the first full-batch pass", p -> true);
        fx(() -> {
            app.state.step.set(7);
            app.view.showTensorInspector();
            app.view.inspector().select("w1.g");
        });
        app.awaitInspection("w1.g");
        INDArray w1g = fx(() -> app.view.pass().trace().tensorsAfter(7).get("w1.g").array());
        DerivationPanel panel = fx(() -> app.view.inspector().derivationPanel());
        assertThat(fx(panel::isVisible)).isFalse();

        // Click a cell (a tile's pixel, not the gap between tiles); the hover line says which element it is.
        Matcher hovered = clickACell(robot, "w1.g");
        long k = Long.parseLong(hovered.group(2)), j = Long.parseLong(hovered.group(3));
        double element = w1g.getDouble(k, j);
        assertThat(hovered.group(4)).as("the value the hover line shows").isEqualTo(Fmt.num(element));

        Derivation d = awaitDerivation(panel, "w1.g[" + k + "," + j + "]");
        assertThat(fx(panel::ruleText)).isEqualTo("dL/dw1[" + k + "," + j + "] = sum_i x[i," + k + "] * l1.g[i," + j + "]");
        assertThat(d.count()).isEqualTo(50_000);
        assertThat(fx(panel::lines)).anyMatch(l -> l.startsWith("x[0," + k + "] * l1.g[0," + j + "] = "))
                .contains("\u2026 and 49,995 more terms");
        // The total, summed one scalar at a time in float64, is the float32 element the engine computed.
        double scale = w1g.castTo(DataType.DOUBLE).amaxNumber().doubleValue();
        assertThat(d.total()).isCloseTo(element, within(1e-4 * scale));
        assertThat(fx(panel::totalText)).isEqualTo("sum of all 50,000 terms = " + Fmt.num(d.total()));
        assertThat(fx(panel::engineText)).startsWith("= w1.g[" + k + "," + j + "], the element shown: " + Fmt.num(element));
        // Read from the back row: the numbers are at least 20 px x UI scale, and the panel is in the window.
        double scaleUi = fx(() -> app.state.presentation.scale.get());
        assertThat(fx(() -> ((Label) robot.lookup("#derivation-rule").query()).getFont().getSize())).isGreaterThanOrEqualTo(20 * scaleUi);
        Bounds b = fx(() -> panel.localToScene(panel.getLayoutBounds()));
        assertThat(b.getMinX()).isGreaterThanOrEqualTo(0);
        assertThat(b.getMaxX()).isLessThanOrEqualTo(fx(() -> app.stage.getScene().getWidth()) + 0.5);

        // Keyboard: the heatmap has focus after the click; Down moves to the pixel below in the tile
        // (28 inputs on), and the open panel follows it.
        long below = k + 28 < 784 && k % 784 / 28 < 27 ? k + 28 : k - 28;
        robot.type(below > k ? KeyCode.DOWN : KeyCode.UP);
        Derivation next = awaitDerivation(panel, "w1.g[" + below + "," + j + "]");
        assertThat(next.total()).isCloseTo(w1g.getDouble(below, j), within(1e-4 * scale));

        // out.g: the MSE step, with both spellings of the square.
        fx(() -> app.view.inspector().select("out.g"));
        app.awaitInspection("out.g");
        assertThat(fx(panel::isVisible)).as("a derivation of another tensor closes").isFalse();
        Matcher outCell = clickACell(robot, "out.g");
        long i = Long.parseLong(outCell.group(2));
        Derivation mse = awaitDerivation(panel, "out.g[" + i + ",0]");
        assertThat(mse.rule()).isEqualTo("dL/dout[" + i + ",0] = 2 * (out[" + i + "] - y[" + i + "]) / 50000");
        assertThat(mse.note()).contains("(out - y)^2", "(y - out)^2");
        INDArray outG = fx(() -> app.view.pass().trace().tensorsAfter(7).get("out.g").array());
        assertThat(mse.total()).isCloseTo(outG.getDouble(i, 0), within(1e-6 * Math.abs(outG.getDouble(i, 0)) + 1e-12));
        assertThat(fx(panel::lines)).contains(mse.note());

        // Esc closes it and gives the arrows back: Left steps back again (the clicker).
        robot.type(KeyCode.ESCAPE);
        await("the panel to close", 10, () -> !panel.isVisible());
        robot.type(KeyCode.LEFT);
        await("Left to step back to step 7 of 8", 30, () -> app.state.step.get() == 6);
    }

    /** Clicks a heatmap point that shows an element of {@code label}; returns the hover line's match. */
    private Matcher clickACell(FxRobot robot, String label) {
        HeatmapView heat = fx(() -> app.view.inspector().heatmap());
        Point2D at = fx(() -> {
            double w = heat.canvas().getWidth(), h = heat.canvas().getHeight();
            for (double fy = 0.37; fy < 0.9; fy += 0.05) {
                for (double fx = 0.41; fx < 0.9; fx += 0.05) {
                    int[] c = heat.cellAt(fx * w, fy * h);
                    if (c != null && heat.getRaster().describe(c[0], c[1]) != null) return heat.canvas().localToScreen(fx * w, fy * h);
                }
            }
            throw new AssertionError("no cell of " + label + " on the heatmap");
        });
        // From outside the picture, so the pointer's arrival is a move the hover line follows.
        robot.moveTo(at.add(-heat.canvas().getWidth(), 0));
        robot.moveTo(at);
        robot.clickOn(at);
        await("the hover line to name an element of " + label, 10, () -> heat.hoverTextProperty().get().startsWith(label + "["));
        Matcher m = CELL.matcher(fx(() -> heat.hoverTextProperty().get()));
        assertThat(m.find()).as(fx(() -> heat.hoverTextProperty().get())).isTrue();
        return m;
    }

    private static Derivation awaitDerivation(DerivationPanel panel, String element) {
        await("the derivation of " + element, 30, () -> panel.isVisible() && panel.shown() != null && panel.shown().element().equals(element));
        return fx(panel::shown);
    }
}
