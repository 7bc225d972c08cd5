package io.backproplens.ui.activations;

import io.backproplens.ui.common.Fmt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.backproplens.engine.Init;
import io.backproplens.session.Datasets;
import io.backproplens.session.PassResult;
import io.backproplens.session.Session;
import io.backproplens.session.Settings;
import io.backproplens.stats.DepthSweep;
import io.backproplens.stats.Summary;
import io.backproplens.ui.core.AppState;
import io.backproplens.ui.core.Background;
import io.backproplens.ui.core.Controller;
import io.backproplens.ui.core.ErrorDialogs;
import io.backproplens.ui.shell.MainWindow;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Activations tab in the real window, headless: what it shows is what the engine computed, the
 * keys switch the init for every view, the comparison and the depth sweep say what they should.
 */
@ExtendWith(ApplicationExtension.class)
class ActivationsViewTest {
    private static Session session;

    private Stage stage;
    private AppState state;
    private MainWindow window;

    @BeforeAll
    static void load() throws Exception {
        session = new Session(Datasets.bundled(), DataType.FLOAT);
        ErrorDialogs.setShowDialogs(false);
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        state = new AppState();
        // A small training batch keeps each pass short; x_valid is always all 10,000 rows.
        state.settings.set(Settings.defaults().withBatch(2000));
        Controller controller = new Controller(state, new Background(state));
        window = new MainWindow(controller);
        io.backproplens.ui.TestStage.show(stage, window, 1280, 720);
        state.session.set(session);
        controller.recompute();
    }

    // ------------------------------------------------------------------ helpers

    private static <T> T fx(Callable<T> c) {
        try {
            return WaitForAsyncUtils.asyncFx(c).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void waitUntil(long seconds, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> fx(condition));
        } catch (Exception e) {
            throw new AssertionError("condition not met within " + seconds + " s", e);
        }
    }

    private ActivationsView lens() {
        return fx(() -> (ActivationsView) window.tabs().getTabs().get(2).getContent());
    }

    /** Selects the Activations tab and waits for the histograms of the current settings. */
    private ActivationsView openTab(FxRobot robot) {
        robot.interact(() -> window.tabs().getSelectionModel().select(2));
        ActivationsView lens = lens();
        waitForCurrentPass(lens);
        robot.interact(stage::requestFocus);
        return lens;
    }

    private void waitForCurrentPass(ActivationsView lens) {
        waitUntil(120, () -> {
            PassResult shown = lens.forwardShownProperty().get();
            return shown != null && shown == state.pass.get() && shown.settings().equals(state.settings.get());
        });
    }

    private static String text(FxRobot robot, String query) {
        return fx(() -> ((Label) robot.lookup(query).query()).getText());
    }

    private static double parse(String s) {
        // Fmt spells non-finite values as PyTorch does: nan, inf, -inf.
        return Double.parseDouble(s.replace(Fmt.INF, "Infinity").replace(Fmt.NAN, "NaN"));
    }

    // ------------------------------------------------------------------ tests

    @Test
    void theNumbersShownAreTheEnginesStatistics(FxRobot robot) {
        ActivationsView lens = openTab(robot);
        PassResult p = fx(() -> state.pass.get());
        Map<String, INDArray> arrays = Map.of("lin1", p.validLin1(), "relu", p.validRelu(), "lin2", p.validLin2());
        for (var e : arrays.entrySet()) {
            Summary engine = Summary.of(e.getValue());
            String shown = text(robot, "#hist-" + e.getKey() + " .hist-stats");
            assertThat(shown).as(e.getKey()).isEqualTo(String.format(Locale.ROOT, "mean %.4f    std %.4f", engine.mean(), engine.std()));
            HistogramPanel panel = lens.forwardPanel(e.getKey());
            assertThat(panel.data().summary()).isEqualTo(engine);
            assertThat(panel.data().histogram().total()).isEqualTo(e.getValue().length());
            assertThat(panel.nonFiniteLabel().isVisible()).isFalse();
        }
        // The ReLU's share of exact zeros, counted independently by ND4J.
        long zeros = p.validRelu().eq(0).castTo(DataType.INT).sumNumber().longValue();
        String share = String.format(Locale.ROOT, "%.1f%% exactly 0", 100.0 * zeros / p.validRelu().length());
        assertThat(text(robot, "#hist-relu .hist-detail")).contains("10000x50 = 500,000 values").contains(share);
        assertThat(lens.forwardPanel("relu").chart().drawnNotes()).contains(share);
        assertThat(text(robot, "#hist-lin2 .hist-detail")).startsWith("10000x1");
    }

    /**
     * An init switch draws the histograms the view already holds for the new init, before or after
     * the new pass lands: they are that pass's numbers (the engine's statistics of its x_valid
     * outputs), on the bins the pass then keeps.
     */
    @Test
    void anInitSwitchDrawsTheNewInitsHistogramsAndTheyAreItsPasssNumbers(FxRobot robot) {
        ActivationsView lens = openTab(robot);
        Init from = fx(() -> state.settings.get().init());
        Init to = from == Init.XAVIER ? Init.KAIMING : Init.XAVIER;
        robot.type(to == Init.XAVIER ? KeyCode.X : KeyCode.K);
        waitUntil(120, () -> lens.drawnProperty().get() != null && lens.drawnProperty().get().init() == to);
        Map<String, LayerData> drawnAtOnce = fx(() -> Map.of("lin1", lens.forwardPanel("lin1").data(),
                "relu", lens.forwardPanel("relu").data(), "lin2", lens.forwardPanel("lin2").data()));

        waitForCurrentPass(lens);
        PassResult p = fx(() -> state.pass.get());
        assertThat(p.settings().init()).isEqualTo(to);
        Map<String, INDArray> arrays = Map.of("lin1", p.validLin1(), "relu", p.validRelu(), "lin2", p.validLin2());
        for (var e : arrays.entrySet()) {
            Summary engine = Summary.of(e.getValue());
            LayerData d = drawnAtOnce.get(e.getKey());
            assertThat(d.summary().mean()).as(e.getKey() + " mean").isCloseTo(engine.mean(), within(1e-5 * Math.max(1, Math.abs(engine.mean()))));
            assertThat(d.summary().std()).as(e.getKey() + " std").isCloseTo(engine.std(), within(1e-5 * Math.max(1, engine.std())));
            assertThat(d.histogram().total()).isEqualTo(e.getValue().length());
            LayerData after = fx(() -> lens.forwardPanel(e.getKey()).data());
            assertThat(after.histogram().binning()).as(e.getKey() + ": the pass keeps the bins").isEqualTo(d.histogram().binning());
        }
    }

    @Test
    void keysXAndKSwitchTheInitForEveryViewAndTheNumbersFollow(FxRobot robot) {
        ActivationsView lens = openTab(robot);
        robot.type(KeyCode.X);
        waitUntil(120, () -> state.settings.get().init() == Init.XAVIER);
        waitForCurrentPass(lens);
        String xavier = text(robot, "#hist-relu .hist-stats");
        assertThat(fx(() -> ((ToggleButton) robot.lookup("#init-xavier").query()).isSelected())).isTrue();
        Summary xavierEngine = Summary.of(fx(() -> state.pass.get()).validRelu());

        robot.type(KeyCode.K);
        waitUntil(120, () -> state.settings.get().init() == Init.KAIMING);
        waitUntil(120, () -> lens.forwardShownProperty().get() == state.pass.get() && state.pass.get() != null
                && state.pass.get().settings().equals(state.settings.get()));
        waitForCurrentPass(lens);
        String kaiming = text(robot, "#hist-relu .hist-stats");
        Summary kaimingEngine = Summary.of(fx(() -> state.pass.get()).validRelu());
        assertThat(fx(() -> ((ToggleButton) robot.lookup("#init-kaiming").query()).isSelected())).isTrue();
        assertThat(fx(() -> ((ToggleButton) robot.lookup("#init-xavier").query()).isSelected())).isFalse();

        assertThat(kaiming).isNotEqualTo(xavier);
        assertThat(xavier).isEqualTo(HistogramPanel.statsText(xavierEngine));
        assertThat(kaiming).isEqualTo(HistogramPanel.statsText(kaimingEngine));
        assertThat(kaimingEngine.std() / xavierEngine.std()).isCloseTo(Math.sqrt(2), within(1e-4));

        // R, and the clicker's Right arrow walks on: randn -> Xavier.
        robot.type(KeyCode.R);
        waitUntil(120, () -> state.settings.get().init() == Init.RANDN);
        robot.type(KeyCode.RIGHT);
        waitUntil(120, () -> state.settings.get().init() == Init.XAVIER);
    }

    /** Each chart's x range and count axis top, by panel key, as drawn now. */
    private static Map<String, String> axes(ActivationsView lens, java.util.List<String> keys, boolean gradients) {
        return fx(() -> {
            Map<String, String> out = new java.util.TreeMap<>();
            for (String k : keys) {
                // A window too small for every panel pages them: turn to this one and lay it out.
                lens.reveal(k);
                lens.applyCss();
                lens.layout();
                HistogramChart c = (gradients ? lens.gradientPanel(k) : lens.forwardPanel(k)).chart();
                double[] r = c.xRange();
                out.put(k, r[0] + ".." + r[1] + " top " + c.yTop() + " bins " + c.histogram().binning());
            }
            return out;
        });
    }

    private static int occupied(io.backproplens.stats.Histogram h) {
        int n = 0;
        for (int i = 0; i < h.bins(); i++) if (h.count(i) > 0) n++;
        return n;
    }

    private void switchInit(FxRobot robot, ActivationsView lens, KeyCode key, Init init) {
        robot.type(key);
        waitUntil(120, () -> state.settings.get().init() == init);
        waitForCurrentPass(lens);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * At each window size (the stage keeps the size an earlier test gave it, so it is set here): at
     * 1024x720 the captions wrap differently for each init, and the charts' heights with them.
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}x{1}")
    @org.junit.jupiter.params.provider.CsvSource({"1024, 720", "1280, 720", "1920, 1080"})
    void initKeysKeepEveryChartsAxesAndOutlineThePreviousInit(int width, int height, FxRobot robot) {
        fx(() -> {
            stage.setWidth(width);
            stage.setHeight(height);
            return null;
        });
        ActivationsView lens = openTab(robot);
        for (boolean gradients : new boolean[]{false, true}) {
            java.util.List<String> keys = gradients ? ActivationData.GRADIENTS : ActivationData.FORWARD;
            if (gradients) {
                robot.type(KeyCode.G);
                waitUntil(10, () -> lens.mode() == ActivationsView.Mode.GRADIENTS);
            }
            switchInit(robot, lens, KeyCode.R, Init.RANDN);
            Map<String, String> randn = axes(lens, keys, gradients);
            // Every value of this init lies inside the shared bins: nothing is pushed to the sides.
            for (String k : keys) {
                HistogramPanel p = gradients ? lens.gradientPanel(k) : lens.forwardPanel(k);
                assertThat(fx(() -> p.data().histogram().below() + p.data().histogram().above())).as(k).isZero();
            }
            switchInit(robot, lens, KeyCode.X, Init.XAVIER);
            Map<String, String> xavier = axes(lens, keys, gradients);
            // The previous init (randn) is drawn as an outline on the same bins.
            for (String k : keys) {
                HistogramChart c = fx(() -> (gradients ? lens.gradientPanel(k) : lens.forwardPanel(k)).chart());
                // A window too small for every panel pages them: turn to this one.
                robot.interact(() -> lens.reveal(k));
                WaitForAsyncUtils.waitForFxEvents();
                assertThat(fx(c::isVisible)).as(k).isTrue();
                assertThat(fx(c::outline)).as(k).isNotNull();
                assertThat(fx(() -> c.outline().name())).isEqualTo("randn");
                assertThat(fx(c::outlineDrawn)).as(k).isTrue();
                assertThat(fx(() -> c.outline().histogram().binning())).isEqualTo(fx(() -> c.histogram().binning()));
                // The outline is randn's own histogram: its counts add up to randn's values.
                assertThat(fx(() -> c.outline().histogram().total())).isEqualTo(fx(() -> c.histogram().total()));
            }
            switchInit(robot, lens, KeyCode.K, Init.KAIMING);
            Map<String, String> kaiming = axes(lens, keys, gradients);
            assertThat(xavier).isEqualTo(randn);
            assertThat(kaiming).isEqualTo(randn);
            assertThat(fx(() -> (gradients ? lens.gradientPanel(keys.get(0)) : lens.forwardPanel(keys.get(0))).chart().outline().name()))
                    .isEqualTo("Xavier");
        }
        // On the same bins the pictures differ: Kaiming's wider relu spreads its values over more bins.
        int xavierBins = fx(() -> occupied(lens.forwardPanel("relu").chart().outline().histogram()));
        int kaimingBins = fx(() -> occupied(lens.forwardPanel("relu").chart().histogram()));
        assertThat(kaimingBins).isGreaterThan(xavierBins);
    }

    @Test
    void reluShiftSeedAndNewSeedGoThroughTheSettings(FxRobot robot) {
        ActivationsView lens = openTab(robot);
        robot.type(KeyCode.S);
        waitUntil(60, () -> state.settings.get().reluShift() == 0.5);
        waitForCurrentPass(lens);
        assertThat(text(robot, "#hist-relu .hist-formula")).isEqualTo("= lin1.clamp_min(0.) - 0.5");
        PassResult p = fx(() -> state.pass.get());
        long clamped = p.validLin1().lte(0).castTo(DataType.INT).sumNumber().longValue();
        assertThat(lens.forwardPanel("relu").data().histogram().atomCount()).isEqualTo(clamped);
        assertThat(text(robot, "#hist-relu .hist-detail")).contains("exactly -0.5");

        robot.clickOn("#activations-seed-field");
        robot.interact(() -> ((TextField) robot.lookup("#activations-seed-field").query()).setText("7"));
        robot.type(KeyCode.ENTER);
        waitUntil(60, () -> state.settings.get().seed() == 7);
        waitForCurrentPass(lens);
        robot.clickOn("#new-seed");
        waitUntil(60, () -> state.settings.get().seed() != 7);
        // Not a number: refused with a message, the seed stays.
        long seed = fx(() -> state.settings.get().seed());
        robot.clickOn("#activations-seed-field");
        robot.interact(() -> ((TextField) robot.lookup("#activations-seed-field").query()).setText("abc"));
        robot.type(KeyCode.ENTER);
        assertThat(text(robot, "#activations-message")).contains("whole number");
        assertThat(fx(() -> state.settings.get().seed())).isEqualTo(seed);
    }

    @Test
    void gradientHistogramsAreTheBackwardPass(FxRobot robot) {
        ActivationsView lens = openTab(robot);
        robot.type(KeyCode.G);
        waitUntil(10, () -> lens.mode() == ActivationsView.Mode.GRADIENTS);
        PassResult p = fx(() -> state.pass.get());
        Map<String, INDArray> g = ActivationData.gradientArrays(p);
        for (String key : ActivationData.GRADIENTS) {
            Summary engine = Summary.of(g.get(key));
            assertThat(text(robot, "#hist-" + key.replace('.', '-') + " .hist-stats")).as(key)
                    .isEqualTo(HistogramPanel.statsText(engine));
            assertThat(lens.gradientPanel(key).data().histogram().total()).isEqualTo(g.get(key).length());
        }
        assertThat(text(robot, "#hist-w1-g .hist-detail")).startsWith("784x50 = 39,200 values");
        assertThat(text(robot, "#hist-out-g .hist-detail")).startsWith("2000x1");
    }

    @Test
    void compareModeKaimingsReluStdExceedsXaviersOverSeveralSeeds(FxRobot robot) {
        ActivationsView lens = openTab(robot);
        robot.type(KeyCode.C);
        waitUntil(10, () -> lens.mode() == ActivationsView.Mode.COMPARE);
        robot.interact(() -> lens.setCompare(Init.XAVIER, Init.KAIMING, 5));
        waitUntil(120, () -> {
            ActivationData.Comparison c = lens.compareShownProperty().get();
            return c != null && c.seeds() == 5 && c.a() == Init.XAVIER && c.b() == Init.KAIMING;
        });
        double xavier = parse(text(robot, "#cmp-relu-stdA"));
        double kaiming = parse(text(robot, "#cmp-relu-stdB"));
        assertThat(kaiming).isGreaterThan(xavier);
        // And seed by seed, from the engine.
        Settings base = fx(() -> state.settings.get());
        double sum = 0;
        for (int k = 0; k < 5; k++) {
            double x = Summary.of(session.validPass(base.withSeed(base.seed() + k).withInit(Init.XAVIER)).relu()).std();
            double kk = Summary.of(session.validPass(base.withSeed(base.seed() + k).withInit(Init.KAIMING)).relu()).std();
            assertThat(kk).isGreaterThan(x);
            sum += x;
        }
        assertThat(xavier).isCloseTo(sum / 5, within(1e-4));
        // Same axes: both panels use the same bins and the same count scale.
        assertThat(lens.comparePanel(true).data().histogram().binning())
                .isEqualTo(lens.comparePanel(false).data().histogram().binning());
        assertThat(text(robot, "#hist-cmp-a .hist-name")).startsWith("Xavier");
        assertThat(text(robot, "#hist-cmp-b .hist-name")).startsWith("Kaiming");
    }

    @Test
    void depthSweepUnderRandnReachesInfOrNanAndTheChartSaysSo(FxRobot robot) {
        ActivationsView lens = openTab(robot);
        robot.type(KeyCode.D);
        waitUntil(10, () -> lens.mode() == ActivationsView.Mode.DEPTH);
        waitUntil(300, () -> lens.depthShownProperty().get() != null);
        DepthSweep.Result r = fx(() -> lens.depthShownProperty().get());
        assertThat(r.depth()).isEqualTo(50);
        assertThat(r.width()).isEqualTo(100);
        DepthSweep.Series randn = r.get(DepthSweep.Scheme.RANDN);
        assertThat(randn.firstInf() > 0 || randn.firstNan() > 0).isTrue();

        // The chart marks it ...
        DepthChart chart = lens.depthChart();
        assertThat(fx(chart::markers)).anySatisfy(m -> {
            assertThat(m.scheme()).isEqualTo(DepthSweep.Scheme.RANDN);
            assertThat(m.kind()).isIn(DepthChart.Kind.INF, DepthChart.Kind.NAN);
        });
        assertThat(fx(chart::drawnLabels)).anySatisfy(l -> assertThat(l).startsWith("randn:").containsAnyOf(Fmt.INF, Fmt.NAN));
        // ... and the legend says it in words, visibly, in red.
        Label note = fx(() -> lens.depthNote(DepthSweep.Scheme.RANDN));
        assertThat(fx(note::isVisible)).isTrue();
        assertThat(fx(note::getText)).contains("overflows float32").containsAnyOf("inf at layer", "nan from layer");
        assertThat(fx(() -> note.getStyleClass().contains("alarm"))).isTrue();
        // Kaiming holds, Xavier and randn*0.01 say what they did.
        assertThat(fx(() -> lens.depthNote(DepthSweep.Scheme.KAIMING).getText())).startsWith("layer 50: std");
        assertThat(fx(() -> lens.depthNote(DepthSweep.Scheme.SMALL).getText())).contains("underflow");
        assertThat(fx(chart::markers)).noneSatisfy(m -> assertThat(m.scheme()).isEqualTo(DepthSweep.Scheme.KAIMING));
    }

    @Test
    void atTwoHundredPercentTheModesStayInTheWindowAndTheCompareTableIsWhole(FxRobot robot) {
        ActivationsView lens = openTab(robot);
        fx(() -> {
            stage.setWidth(1024);
            stage.setHeight(720);
            state.presentation.applyTo(window);   // the UI scale reaches the root font size, as in the app
            state.presentation.scale.set(2.0);
            return null;
        });
        robot.type(KeyCode.C);
        waitUntil(10, () -> lens.mode() == ActivationsView.Mode.COMPARE);
        waitUntil(120, () -> lens.compareShownProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        Scene scene = fx(() -> window.getScene());
        // Compare picks its own two inits: the global init buttons step aside and leave their row.
        assertThat(fx(() -> visible(lens.lookup("#init-xavier")))).isFalse();
        // The four mode buttons in the window (their keys go to the tooltip where the row is short).
        for (ActivationsView.Mode m : ActivationsView.Mode.values()) {
            javafx.geometry.Bounds b = fx(() -> {
                javafx.scene.Node n = lens.lookup("#mode-" + m.name().toLowerCase(Locale.ROOT));
                return n.localToScene(n.getLayoutBounds());
            });
            assertThat(b.getMaxX()).as(m.name()).isLessThanOrEqualTo(scene.getWidth());
        }
        assertThat(fx(() -> ((ToggleButton) lens.lookup("#mode-compare")).getText()))
                .as("scene %s wide, view %s", scene.getWidth(), fx(lens::getWidth)).isEqualTo("Compare");
        // Every cell of the table at full size and cut by nothing (the pane scrolls to the lower rows).
        java.util.List<io.backproplens.ui.audit.LayoutAudit.Problem> problems = fx(() -> io.backproplens.ui.audit.LayoutAudit.of(scene, 14 * 2));
        assertThat(problems).filteredOn(p -> p.where().contains("#cmp-") || p.where().contains("#mode-")).isEmpty();
        for (String key : ActivationData.FORWARD) {
            for (String col : new String[]{"meanA", "stdA", "meanB", "stdB", "ratio"}) {
                // The wide table and the turned one hold the same cells; one of them is shown.
                java.util.List<Label> shown = fx(() -> lens.lookupAll("#cmp-" + key + "-" + col).stream()
                        .filter(ActivationsViewTest::visible).map(n -> (Label) n).toList());
                assertThat(shown).as(key + " " + col).hasSize(1);
                assertThat(fx(() -> shown.get(0).getFont().getSize())).as(key + " " + col).isGreaterThanOrEqualTo(20 * 2 - 0.01);
            }
        }
        // Back in the Activations mode the init buttons return.
        robot.type(KeyCode.A);
        waitUntil(10, () -> lens.mode() == ActivationsView.Mode.ACTIVATIONS);
        assertThat(fx(() -> visible(lens.lookup("#init-xavier")))).isTrue();
        // The stage outlives the test: the next test gets the usual window back.
        fx(() -> {
            state.presentation.scale.set(1.0);
            stage.setWidth(1280);
            stage.setHeight(720);
            return null;
        });
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"1280, 720", "1024, 768"})
    void atTwoHundredPercentOnASmallScreenTheHistogramInViewIsDrawn(int width, int height, FxRobot robot) {
        ActivationsView lens = openTab(robot);
        fx(() -> {
            stage.setWidth(width);
            stage.setHeight(height);
            state.presentation.applyTo(window);
            state.presentation.scale.set(2.0);
            return null;
        });
        try {
            for (KeyCode mode : new KeyCode[]{KeyCode.A, KeyCode.G}) {
                robot.type(mode);
                WaitForAsyncUtils.waitForFxEvents();
                // One panel a page here; its chart drew its axis (the ticks it writes), not a blank box:
                // too short for a full chart, the panel drops its line of counts and the pager moves up.
                waitUntil(20, () -> {
                    java.util.List<HistogramPanel> shown = lens.lookupAll(".hist-panel").stream()
                            .filter(ActivationsViewTest::visible).map(n -> (HistogramPanel) n).toList();
                    return !shown.isEmpty() && shown.stream().allMatch(p -> p.chart().getHeight() > 0
                            && io.backproplens.ui.audit.DrawnText.items(p.chart().canvas).stream().anyMatch(i -> i.text().equals("0")));
                });
                Scene scene = fx(() -> window.getScene());
                java.util.List<io.backproplens.ui.audit.LayoutAudit.Problem> problems = fx(() -> io.backproplens.ui.audit.LayoutAudit.of(scene, 14 * 2));
                assertThat(problems).as(mode + " at " + width + "x" + height).filteredOn(p -> p.where().contains("hist-")
                        || p.where().contains("-page") || p.where().contains("-prev") || p.where().contains("-next")).isEmpty();
            }
        } finally {
            robot.type(KeyCode.A);
            fx(() -> {
                state.presentation.scale.set(1.0);
                stage.setWidth(1280);
                stage.setHeight(720);
                return null;
            });
        }
    }

    private static boolean visible(javafx.scene.Node n) {
        for (javafx.scene.Node p = n; p != null; p = p.getParent()) if (!p.isVisible()) return false;
        return true;
    }
}
