package io.backproplens.ui.matmul;

import io.backproplens.ui.common.Fmt;
import io.backproplens.engine.TensorRef;
import io.backproplens.engine.TraceStep;
import io.backproplens.session.PassResult;
import io.backproplens.session.Session;
import io.backproplens.session.Settings;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The parts of the Matmul view that read a real pass: the bundled MNIST, the engine's trace. The
 * expected numbers are computed here straight from the trace's tensors, not through the view.
 */
@ExtendWith(ApplicationExtension.class)
class MatmulRealPassTest {
    private static Session session;
    private static PassResult pass;       // 512 samples: slices hold part of each sum
    private static PassResult tinyPass;   // 4 samples: slices over samples hold whole sums

    private MatmulView view;

    @BeforeAll
    static void runPasses() throws Exception {
        session = MatmulViewFixture.session();
        pass = session.run(Settings.defaults().withBatch(512));
        tinyPass = session.run(Settings.defaults().withBatch(4));
    }

    @Start
    void start(Stage stage) {
        MatmulViewFixture app = MatmulViewFixture.show(stage, session, pass, 1, 1280, 760);
        view = app.view;
    }

    private static TraceStep backwardOf(PassResult p, String module) {
        return p.trace().steps().stream()
                .filter(s -> s.phase() == TraceStep.Phase.BACKWARD && s.module().equals(module)).findFirst().orElseThrow();
    }

    private static INDArray read(TraceStep s, String label) {
        return s.reads().stream().filter(r -> r.label().equals(label)).map(TensorRef::array).findFirst().orElseThrow().castTo(DataType.DOUBLE);
    }

    private static INDArray written(TraceStep s, String label) {
        return s.writes().stream().filter(r -> r.label().equals(label)).map(TensorRef::array).findFirst().orElseThrow().castTo(DataType.DOUBLE);
    }

    @Test
    void outerProductsOfW1gEndEqualToInpTransposedMatmulOutG(FxRobot robot) {
        robot.interact(() -> {
            view.openBackward(pass, "w1.g");
            view.backward().showOuterProducts(true);
        });
        BatchSumPane sums = view.backward().sums();
        BackwardSlice slice = sums.slice();
        assertThat(slice.which()).isEqualTo("w1.g");
        assertThat(sums.stepCount()).isEqualTo(4);

        // inp.t() @ out.g on the same slice, from the trace's x and l1.g.
        TraceStep lin1 = backwardOf(pass, "lin1");
        INDArray x = read(lin1, "x"), l1g = read(lin1, "l1.g");
        int[] px = slice.inpCols();
        double[][] expected = new double[px.length][3];
        for (int m = 0; m < px.length; m++)
            for (int h = 0; h < 3; h++)
                for (int n = 0; n < 4; n++) expected[m][h] += x.getDouble(n, px[m]) * l1g.getDouble(n, h);

        // Sample by sample: after sample 0 the sum is sample 0's outer product alone.
        robot.clickOn("#bs-next");
        for (int m = 0; m < px.length; m++)
            for (int h = 0; h < 3; h++)
                assertThat(sums.sumNow()[m][h]).isCloseTo(x.getDouble(0, px[m]) * l1g.getDouble(0, h), within(1e-15));

        robot.clickOn("#bs-end");
        for (int m = 0; m < px.length; m++)
            for (int h = 0; h < 3; h++) {
                assertThat(sums.sumNow()[m][h]).isCloseTo(expected[m][h], within(1e-12 * Math.abs(expected[m][h]) + 1e-18));
                // The grid the class reads shows the same number as the matmul's grid beside it.
                assertThat(sums.sumGrid().cellText(m, h)).isEqualTo(Fmt.cell(expected[m][h] * slice.gradScale()));
                assertThat(sums.matmulGrid().cellText(m, h)).isEqualTo(sums.sumGrid().cellText(m, h));
            }
        assertThat(sums.verdictText()).startsWith("\u2714 Equal to the matmul x.t() @ l1.g");

        // The same w1.g slice as a matmul in the stepper ends on the same numbers.
        robot.clickOn("#bw-mode-matmul");
        MatmulStepper stepper = view.backward().stepper();
        assertThat(stepper.stepCount()).isEqualTo(px.length * 4 * 3);
        robot.clickOn("#bw-end");
        for (int m = 0; m < px.length; m++)
            for (int h = 0; h < 3; h++)
                assertThat(stepper.resultNow()[m][h] / slice.gradScale()).isCloseTo(expected[m][h], within(1e-9 * Math.abs(expected[m][h]) + 1e-18));
        assertThat(robot.lookup("#bw-check").queryAs(Label.class).getText()).startsWith("\u2714 same as ND4J's product");
        // The log names x's own pixel (the slice's first column), not the slice's column 0.
        assertThat(stepper.logLines().get(0)).isEqualTo("(" + px[0] + ", 0) (0, 0) (" + px[0] + ", 0)");
    }

    @Test
    void withFourSamplesTheSliceIsThePasssOwnW2g(FxRobot robot) {
        robot.interact(() -> view.openBackward(tinyPass, "w2.g"));
        robot.clickOn("#bw-end");
        TraceStep lin2 = backwardOf(tinyPass, "lin2");
        INDArray w2g = written(lin2, "w2.g");
        MatmulStepper stepper = view.backward().stepper();
        BackwardSlice slice = view.backward().slice();
        // The engine ran in float32; the slice is recomputed in double from the same float inputs.
        double max = w2g.get(NDArrayIndex.interval(0, 3), NDArrayIndex.all()).amaxNumber().doubleValue();
        for (int h = 0; h < 3; h++) assertThat(stepper.resultNow()[h][0] / slice.gradScale()).isCloseTo(w2g.getDouble(h, 0), within(1e-4 * max));
        assertThat(robot.lookup("#bw-check").queryAs(Label.class).getText()).contains("and the pass's own w2.g");
    }

    @Test
    void inputGradientIsOutGMatmulWTransposed(FxRobot robot) {
        robot.interact(() -> view.openBackward(pass, "l2.g"));
        BackwardSlice slice = view.backward().slice();
        assertThat(slice.kind()).isEqualTo(BackwardSlice.Kind.INPUT);
        assertThat(slice.formula()).isEqualTo("l2.g = out.g @ w2.t()");
        robot.clickOn("#bw-end");
        // out.g has one column, so the slice holds whole sums: the pass's own l2.g[:4, :3].
        INDArray l2g = written(backwardOf(pass, "lin2"), "l2.g");
        MatmulStepper stepper = view.backward().stepper();
        double max = l2g.get(NDArrayIndex.interval(0, 4), NDArrayIndex.interval(0, 3)).amaxNumber().doubleValue();
        for (int n = 0; n < 4; n++)
            for (int h = 0; h < 3; h++)
                assertThat(stepper.resultNow()[n][h] / slice.gradScale()).isCloseTo(l2g.getDouble(n, h), within(1e-4 * max));
        assertThat(robot.lookup("#bw-check").queryAs(Label.class).getText()).contains("and the pass's own l2.g");
    }

    @Test
    void biasGradientIsColumnSums(FxRobot robot) {
        robot.interact(() -> view.openBackward(pass, "b1.g"));
        BatchSumPane sums = view.backward().sums();
        robot.clickOn("#bs-end");
        INDArray l1g = read(backwardOf(pass, "lin1"), "l1.g");
        for (int h = 0; h < 3; h++) {
            double s = 0;
            for (int n = 0; n < 4; n++) s += l1g.getDouble(n, h);
            assertThat(sums.sumNow()[0][h]).isCloseTo(s, within(1e-15));
        }
        assertThat(sums.verdictText()).startsWith("\u2714 Equal to l1.g.sum(0)");
    }

    @Test
    void reluGradientOpensTheMatmulItReads(FxRobot robot) {
        robot.interact(() -> view.openBackward(pass, "l1.g"));
        BackwardSlice slice = view.backward().slice();
        assertThat(slice.which()).isEqualTo("l2.g");
        assertThat(robot.lookup("#bw-caption").queryAs(Label.class).getText()).contains("l1.g").contains("elementwise, not a matmul");
    }

    @Test
    void realLayerStepIsADotProductOfDigitAndWeightColumn(FxRobot robot) {
        robot.interact(() -> view.select(MatmulView.Section.REAL));
        RealLayerPane real = view.real();
        assertThat(real.stepCount()).isEqualTo(5 * 50);
        for (int n = 0; n < 7; n++) robot.clickOn("#rl-next"); // step (0, 6)
        INDArray xv = session.data().xValid().get(NDArrayIndex.interval(0, 5), NDArrayIndex.all()).castTo(DataType.DOUBLE);
        INDArray w1 = pass.weights().w1().value().castTo(DataType.DOUBLE);
        double expected = xv.mmul(w1).getDouble(0, 6);
        assertThat(real.currentSum()).isCloseTo(expected, within(1e-9));
        // And it is the first layer's output on x_valid before b1 (zero at init): lin(x_valid, w1, b1)[0, 6].
        assertThat(real.currentSum()).isCloseTo(pass.validLin1().getDouble(0, 6), within(1e-4));
        assertThat(robot.lookup("#rl-sum").queryAs(Label.class).getText()).contains(String.format(java.util.Locale.ROOT, "%.4f", expected));
        assertThat(robot.lookup("#rl-current").queryAs(Label.class).getText()).isEqualTo(Fmt.cell(Math.round(expected * 100) / 100.0));
    }

    @Test
    void speedLadderTimesAllFourRungsInTheBackgroundBesideTheNotebooks(FxRobot robot) throws Exception {
        robot.interact(() -> view.select(MatmulView.Section.LADDER));
        SpeedLadderPane ladder = view.ladder();
        org.testfx.util.WaitForAsyncUtils.waitFor(60, java.util.concurrent.TimeUnit.SECONDS,
                // Read on the FX thread, which draws the chart after the last rung lands: wait for its last label.
                () -> org.testfx.util.WaitForAsyncUtils.asyncFx(() -> ladder.measured().size() == 4 && !ladder.running()
                        && robot.lookup("#ladder-chart").tryQuery().map(c -> ((javafx.scene.layout.Pane) c).getChildren()
                                .stream().anyMatch(n -> n instanceof Label l && l.getText().contains("45,879"))).orElse(false)
                        && java.util.Arrays.stream(io.backproplens.matmul.MatmulVariant.values()).allMatch(v ->
                                robot.lookup("#ladder-bar-" + v.name().toLowerCase()).tryQuery().isPresent())).get());
        for (var v : io.backproplens.matmul.MatmulVariant.values()) {
            var rung = ladder.measured().get(v);
            assertThat(rung.seconds()).isPositive();
            assertThat(rung.runs()).isGreaterThanOrEqualTo(3);
            // Every rung computes the same x_valid[:5] @ w as BLAS (float32).
            assertThat(rung.maxDiffFromBlas()).isLessThan(1e-3);
            assertThat(org.testfx.util.WaitForAsyncUtils.asyncFx(() -> robot.lookup("#ladder-bar-" + v.name().toLowerCase())
                    .tryQuery().isPresent()).get()).isTrue();
        }
        // The chart redraws itself on the FX thread (on every resize): read it there, in one go.
        java.util.List<String> labels = org.testfx.util.WaitForAsyncUtils.asyncFx(() -> robot.lookup("#ladder-chart")
                .queryAs(javafx.scene.layout.Pane.class).getChildren().stream()
                .filter(n -> n instanceof Label).map(n -> ((Label) n).getText()).toList()).get();
        assertThat(labels)
                .anyMatch(t -> t.contains("notebook (Python): 835 ms"))
                .anyMatch(t -> t.contains("18.2 \u00b5s") && t.contains("45,879\u00d7 faster"));
        assertThat(robot.lookup("#ladder-explain").queryAs(Label.class).getText()).contains("where Python's took 835 ms");
    }

    /**
     * x.g is computed only when read (the session's pass leaves it to whoever opens it): the
     * backward pane computes it off the FX thread, then shows the pass's own x.g, which equals
     * l1.g @ w1.t() summed here over the hidden units by plain loops.
     */
    @Test
    void theXgProductIsComputedOnDemandAndShowsThePassesOwnXg(FxRobot robot) throws Exception {
        // nh 3: the slice's hidden units are all of them, so it shows the pass's x.g itself.
        PassResult fresh = session.run(Settings.defaults().withNh(3).withBatch(4));
        TraceStep lin1 = backwardOf(fresh, "lin1");
        TensorRef xg = lin1.writes().stream().filter(r -> r.label().equals("x.g")).findFirst().orElseThrow();
        assertThat(xg.ready()).as("x.g before anyone opened it").isFalse();
        robot.interact(() -> view.openBackward(fresh, "x.g"));
        org.testfx.util.WaitForAsyncUtils.waitFor(60, java.util.concurrent.TimeUnit.SECONDS,
                () -> org.testfx.util.WaitForAsyncUtils.asyncFx(() -> view.backward().slice() != null
                        && view.backward().slice().which().equals("x.g")).get());
        assertThat(xg.ready()).isTrue();
        BackwardSlice slice = org.testfx.util.WaitForAsyncUtils.asyncFx(() -> view.backward().slice()).get();
        INDArray l1g = read(lin1, "l1.g"), w1 = fresh.weights().w1().value().castTo(DataType.DOUBLE);
        double[][] real = slice.real();
        assertThat(real).as("the pass's own x.g at the slice's cells").isNotNull();
        int[] pixels = slice.inpCols();
        for (int r = 0; r < real.length; r++) {
            for (int c = 0; c < pixels.length; c++) {
                double want = 0;
                for (int j = 0; j < l1g.size(1); j++) want += l1g.getDouble(r, j) * w1.getDouble(pixels[c], j);
                assertThat(real[r][c]).as("x.g[%d, %d]", r, pixels[c]).isCloseTo(want, within(1e-6 + 1e-4 * Math.abs(want)));
            }
        }
    }
}
