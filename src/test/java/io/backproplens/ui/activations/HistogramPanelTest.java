package io.backproplens.ui.activations;

import static org.assertj.core.api.Assertions.assertThat;

import io.backproplens.stats.Histogram;
import io.backproplens.stats.Summary;
import java.util.Arrays;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** One histogram panel on its own: non-finite values are shown, and how fast it all is. */
@ExtendWith(ApplicationExtension.class)
class HistogramPanelTest {
    private HistogramPanel panel;
    private Scene scene;

    @Start
    void start(Stage stage) {
        panel = new HistogramPanel("test");
        scene = io.backproplens.ui.TestStage.show(stage, new StackPane(panel), 640, 420);
        scene.getStylesheets().add(Objects.requireNonNull(getClass().getResource("/css/activations.css")).toExternalForm());
    }

    private static <T> T fx(Callable<T> c) {
        try {
            return WaitForAsyncUtils.asyncFx(c).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static LayerData data(String key, INDArray a, double atom) {
        float[] v = Histogram.floats(a);
        return new LayerData(key, ActivationData.formula(key, 0), a.shape(), Summary.of(a), Histogram.of(v, atom),
                ActivationData.atomText(key));
    }

    @Test
    void nanAndInfinitiesAreCountedAndShownNeverDropped(FxRobot robot) {
        float[] v = new float[1000];
        Random r = new Random(5);
        for (int i = 0; i < v.length; i++) v[i] = (float) r.nextGaussian();
        v[3] = Float.NaN;
        v[4] = Float.NaN;
        v[10] = Float.POSITIVE_INFINITY;
        v[11] = Float.NEGATIVE_INFINITY;
        v[12] = Float.NEGATIVE_INFINITY;
        LayerData d = data("lin1", Nd4j.createFromArray(v).reshape(100, 10), Double.NaN);
        robot.interact(() -> panel.show(d, null, Palette.RANDN, 0));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(fx(() -> panel.nonFiniteLabel().isVisible())).isTrue();
        assertThat(fx(() -> panel.nonFiniteLabel().getText()))
                .startsWith("\u26a0 2 nan \u00b7 1 +inf \u00b7 2 \u2212inf").contains("995 finite values");
        assertThat(fx(() -> panel.chart().drawnNotes())).contains("nan 2", "+inf 1", "\u2212inf 2");
        // The mean and std shown are of the finite values (as Summary defines them), not NaN.
        assertThat(fx(() -> panel.statsLabel().getText())).doesNotContain("nan").startsWith("mean ");
        Histogram h = d.histogram();
        assertThat(h.binned() + h.nonFiniteCount()).isEqualTo(1000);

        // All finite again: the warning goes away.
        LayerData clean = data("lin1", Nd4j.createFromArray(Arrays.copyOf(new float[]{1, 2, 3, 4}, 4)), Double.NaN);
        robot.interact(() -> panel.show(clean, null, Palette.XAVIER, 0));
        assertThat(fx(() -> panel.nonFiniteLabel().isVisible())).isFalse();
    }

    @Test
    void onlyNanStillDraws(FxRobot robot) {
        LayerData d = data("lin2", Nd4j.createFromArray(new float[]{Float.NaN, Float.NaN, Float.NaN}), Double.NaN);
        robot.interact(() -> panel.show(d, null, Palette.RANDN, 0));
        assertThat(fx(() -> panel.statsLabel().getText())).isEqualTo("mean nan    std nan");
        assertThat(fx(() -> panel.chart().drawnNotes())).contains("nan 3");
    }

    /** Half a million values (10000 x 50, the size of lin1 and relu on x_valid) are all binned and drawn. */
    @Test
    void halfAMillionValuesAreBinnedAndDrawn(FxRobot robot) {
        INDArray a = Nd4j.randn(org.nd4j.linalg.api.buffer.DataType.FLOAT, 10_000, 50);
        INDArray relu = org.nd4j.linalg.ops.transforms.Transforms.relu(a, true);
        fx(() -> {
            Histogram h = Histogram.of(Histogram.floats(relu), 0.0);
            panel.show(new LayerData("relu", "lin1.clamp_min(0.)", relu.shape(), Summary.of(relu), h, "clamped by the ReLU"),
                    null, Palette.KAIMING, 0);
            return null;
        });
        assertThat(panel.data().histogram().total()).isEqualTo(500_000);
        assertThat(panel.chart().lastDrawNanos()).isPositive();
        assertThat(fx(() -> panel.chart().drawnNotes())).anySatisfy(n -> assertThat(n).endsWith("exactly 0"));
    }

}
