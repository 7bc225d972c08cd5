package io.backproplens.ui.matmul;

import io.backproplens.matmul.MatmulStep;
import io.backproplens.matmul.MatmulVariant;
import io.backproplens.session.PassResult;
import io.backproplens.session.Session;
import io.backproplens.session.Settings;
import io.backproplens.ui.audit.LayoutAudit;
import io.backproplens.ui.common.Fmt;
import io.backproplens.ui.core.AppState;
import javafx.scene.Node;
import javafx.scene.Scene;
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
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Matmul view on a projector at 200% with the height a 1280x720 window leaves it: the real
 * layer and the speed ladder turn into pages, the clicker reaches every page, each page fits the
 * window (the layout audit finds nothing), and the numbers on the pages are the engine's.
 */
@ExtendWith(ApplicationExtension.class)
class MatmulPagedTest {
    private static Session session;
    private static PassResult pass;

    private AppState state;
    private MatmulView view;
    private Scene scene;

    @BeforeAll
    static void runPass() throws Exception {
        session = MatmulViewFixture.session();
        pass = session.run(Settings.defaults().withBatch(64));
    }

    @Start
    void start(Stage stage) {
        // What the compact chrome leaves a view of a 1280x720 window at 200%.
        MatmulViewFixture app = MatmulViewFixture.show(stage, session, pass, 2, 1280, 500);
        state = app.state;
        view = app.view;
        scene = app.scene;
    }

    private List<LayoutAudit.Problem> audit() throws Exception {
        List<LayoutAudit.Problem> out = new ArrayList<>();
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> out.addAll(LayoutAudit.of(scene, 14 * 2))));
        return out;
    }

    /** With -Dmatmul.paged.shots=DIR, a picture of the scene (to look at the pages; no assertion reads it). */
    private void shot(String name) throws Exception {
        String dir = System.getProperty("matmul.paged.shots");
        if (dir == null) return;
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.image.WritableImage[] img = new javafx.scene.image.WritableImage[1];
        WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> img[0] = scene.snapshot(null)));
        javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(img[0], null), "png", new java.io.File(dir, name + ".png"));
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private boolean showing(FxRobot robot, String id) {
        Node n = robot.lookup(id).tryQuery().orElse(null);
        return n != null && n.getScene() == scene && n.isVisible();
    }

    @Test
    void realLayerWalksEachStepThroughItsPicturesAndItsPaper(FxRobot robot) throws Exception {
        robot.interact(() -> view.select(MatmulView.Section.REAL));
        RealLayerPane real = view.real();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, real::paged);
        assertThat(audit()).isEmpty();

        // x_valid[:5] @ w1 by ND4J, in double, from the pass's own weights.
        INDArray xv = session.data().xValid().get(NDArrayIndex.interval(0, 5), NDArrayIndex.all()).castTo(DataType.DOUBLE);
        INDArray product = xv.mmul(pass.weights().w1().value().castTo(DataType.DOUBLE));
        int nh = (int) product.columns();
        // Past the end of the first digit row, so the paper's window must follow i.
        for (int step = 0; step < nh + 3; step++) {
            int i = step / nh, j = step % nh;
            robot.interact(view::next);
            assertThat(real.position()).isEqualTo(step);
            assertThat(real.page()).isEqualTo(RealLayerPane.Page.PICTURES);
            assertThat(showing(robot, "#rl-detail")).isTrue();
            assertThat(showing(robot, "#rl-paper")).isFalse();
            if (step == 0) shot("real-pictures-0");
            if (step == 0 || step == nh) assertThat(audit()).as("pictures of step %d", step).isEmpty();
            robot.interact(view::next);
            assertThat(real.position()).isEqualTo(step);
            assertThat(real.page()).isEqualTo(RealLayerPane.Page.PAPER);
            assertThat(showing(robot, "#rl-paper")).isTrue();
            double expected = product.getDouble(i, j);
            assertThat(text(robot, "#rl-sum")).startsWith(".sum() = " + String.format(Locale.ROOT, "%.4f", expected))
                    .contains("result[" + i + "," + j + "]");
            // The cell that just filled is on the page, showing the same number.
            assertThat(showing(robot, "#rl-current")).isTrue();
            assertThat(text(robot, "#rl-current")).isEqualTo(Fmt.cell(Math.round(expected * 100) / 100.0));
            if (step == 0) shot("real-paper-0");
            if (step == 0 || step == nh) assertThat(audit()).as("step %d", step).isEmpty();
        }
        // Back: the paper to its own step's pictures, the pictures to the step before's paper.
        int last = real.position();
        robot.interact(view::previous);
        assertThat(real.position()).isEqualTo(last);
        assertThat(real.page()).isEqualTo(RealLayerPane.Page.PICTURES);
        robot.interact(view::previous);
        assertThat(real.position()).isEqualTo(last - 1);
        assertThat(real.page()).isEqualTo(RealLayerPane.Page.PAPER);
        robot.interact(view::reset);
        assertThat(real.position()).isEqualTo(-1);
    }

    @Test
    void backwardShowsItsChoicesThenTheStepperAndComesBack(FxRobot robot) throws Exception {
        robot.interact(() -> view.openBackward(pass, "w1.g"));
        BackwardPane backward = view.backward();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, backward::introShown);
        assertThat(showing(robot, "#bw-grad-w1-g")).isTrue();
        assertThat(showing(robot, "#bw-caption")).isTrue();
        assertThat(audit()).isEmpty();
        shot("backward-intro");
        robot.interact(view::next);
        assertThat(backward.introShown()).isFalse();
        // The stepper is in front, the formula over it, before its first step.
        assertThat(showing(robot, "#bw-formula")).isTrue();
        assertThat(backward.stepper().getScene()).isSameAs(scene);
        assertThat(backward.stepper().position()).isEqualTo(-1);
        shot("backward-stepper");
        stepsOnTheStepperPage(robot, backward);
        robot.interact(() -> backward.stepper().reset());
        assertThat(backward.introShown()).isFalse();
        robot.interact(view::next);
        assertThat(backward.stepper().position()).isZero();
        robot.interact(view::previous);
        assertThat(backward.stepper().position()).isEqualTo(-1);
        robot.interact(view::previous);
        assertThat(backward.introShown()).isTrue();
        // The clicker does not step a stepper it cannot see.
        assertThat(backward.stepper().position()).isEqualTo(-1);
        robot.interact(view::next);
        robot.interact(() -> backward.stepper().end());
        assertThat(text(robot, "#bw-check")).startsWith("\u2714 same as ND4J's product on this slice");
    }

    /**
     * Every step the clicker reaches on the backward stepper's page: the grids' windows hold the
     * cells the step multiplies and the sum so far (from the grid's own numbers), and nothing on the
     * page is cut, spilt or overlapping; what the stepper's own page puts on a later page (at this
     * size the grids too: three grids of 7-character numbers wrap onto three lines) is reported by
     * the audit as paged away and nothing else.
     */
    private void stepsOnTheStepperPage(FxRobot robot, BackwardPane backward) throws Exception {
        MatmulStepper st = backward.stepper();
        double[][] a = backward.slice().a(), b = backward.slice().b();
        double[][] sum = new double[a.length][b[0].length];
        int count = st.stepCount();
        assertThat(count).isEqualTo(a.length * b.length * b[0].length);
        for (int p = 0; p < count; p++) {
            robot.interact(view::next);
            assertThat(st.position()).isEqualTo(p);
            MatmulStep s = st.replay().steps().get(p);
            int i = s.i(), j = s.j(), k = s.k();
            sum[i][j] += a[i][k] * b[k][j];
            // The grids' windows follow the step: the cells it multiplies and the one it writes are in them.
            assertThat(cellText(st.aGrid().cellNode(i, k))).as("a[%d,%d] at step %d", i, k, p).isEqualTo(Fmt.cell(a[i][k]));
            assertThat(cellText(st.bGrid().cellNode(k, j))).as("b[%d,%d] at step %d", k, j, p).isEqualTo(Fmt.cell(b[k][j]));
            assertThat(cellText(st.resultGrid().cellNode(i, j))).as("result[%d,%d] at step %d", i, j, p).isEqualTo(Fmt.cell(sum[i][j]));
            if (p == 0 || p == count / 2 || p == count - 1) {
                shot("backward-step-" + p);
                // Blocks the stepper's own page puts on a later page are reported as such; nothing on it is cut or spilt.
                assertThat(audit()).as("step %d", p).allMatch(q -> q.kind() == LayoutAudit.Kind.PAGED_AWAY);
            }
        }
    }

    private static String cellText(javafx.scene.control.Control c) {
        assertThat(c).as("a drawn cell").isNotNull();
        return c instanceof javafx.scene.control.Labeled l ? l.getText() : ((javafx.scene.control.TextInputControl) c).getText();
    }

    @Test
    void realLayerIsOnePageWhenTheWindowIsTall(FxRobot robot) throws Exception {
        robot.interact(() -> {
            state.presentation.scale.set(1);
            scene.getWindow().setHeight(760);
            view.select(MatmulView.Section.REAL);
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.real().stepCount() > 0 && !view.real().paged());
        robot.interact(view::next);
        robot.interact(view::next);
        // Unpaged, each click is one step, and the paper and the pictures stand together.
        assertThat(view.real().position()).isEqualTo(1);
        assertThat(showing(robot, "#rl-paper")).isTrue();
        assertThat(showing(robot, "#rl-detail")).isTrue();
    }

    @Test
    void ladderPagesReachEveryRungAndTheExplanation(FxRobot robot) throws Exception {
        robot.interact(() -> view.select(MatmulView.Section.LADDER));
        SpeedLadderPane ladder = view.ladder();
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> !ladder.running() && ladder.measured().size() == 4);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, ladder::paged);
        robot.interact(view::reset);
        assertThat(ladder.page()).isZero();
        assertThat(audit()).isEmpty();
        List<MatmulVariant> seen = new ArrayList<>();
        boolean explained = false;
        int pages = ladder.pages();
        for (int p = 1; p < pages; p++) {
            robot.interact(view::next);
            assertThat(ladder.page()).isEqualTo(p);
            shot("ladder-page-" + p);
            assertThat(audit()).as("page %d", p).isEmpty();
            if (showing(robot, "#ladder-explain")) {
                explained = true;
                assertThat(text(robot, "#ladder-explain")).startsWith("Java's triple loop took");
                continue;
            }
            for (MatmulVariant v : ladder.rungsShown()) {
                seen.add(v);
                // The time on the page is the one measured.
                assertThat(text(robot, "#ladder-time-" + v.name().toLowerCase())).startsWith(Fmt.time(ladder.measured().get(v).seconds()));
            }
        }
        assertThat(seen).containsExactly(MatmulVariant.values());
        assertThat(explained).isTrue();
        // The last page stays the last; Previous walks back to the caption.
        robot.interact(view::next);
        assertThat(ladder.page()).isEqualTo(pages - 1);
        for (int p = pages - 1; p > 0; p--) robot.interact(view::previous);
        assertThat(ladder.page()).isZero();
        assertThat(showing(robot, "#ladder-run")).isTrue();
    }
}
