package io.backproplens.ui.matmul;

import io.backproplens.Notebook;
import io.backproplens.matmul.Matrices;
import io.backproplens.matmul.MatmulVariant;
import io.backproplens.session.Session;
import io.backproplens.ui.audit.LayoutAudit;
import io.backproplens.ui.common.Fmt;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Matmul lesson scenes on a small projector at a large UI scale, where even the compact page
 * used to page: the grids, the counter, the index triple and the multiply-add (the triple loop) or
 * the broadcast picture (broadcasting) all stand inside the window on the first screen, nothing cut,
 * no font under the floor. The numbers are checked against the notebook's a and b.
 */
@ExtendWith(ApplicationExtension.class)
class MatmulTightTest {
    private static Session session;
    private Stage stage;

    @BeforeAll
    static void load() throws Exception { session = MatmulViewFixture.session(); }

    @Start
    void start(Stage stage) { this.stage = stage; }

    /** The view's own size in the app's window at 1280x720, measured in this build's snapshots (1280x720 at 150%: the tab bar from y = 97 to the status bar at y = 683). */
    private record Setup(String name, double scale, double width, double height) {}

    private static final List<String> SHOWN = List.of("#mm-a", "#mm-b", "#mm-result", "#mm-counter", "#mm-triple", "#mm-detail");

    @Test
    void theMultiplyAddStandsWithTheGridsAt200Percent(FxRobot robot) throws Exception {
        for (Setup s : List.of(new Setup("1280x720 at 200%", 2, 1280, 550), new Setup("1280x720 at 200% presenter", 2, 1280, 510))) {
            MatmulViewFixture app = show(robot, s);
            MatmulStepper st = app.view.own().stepper();
            // Step 5 of the triple loop: i = 0, j = 1, k = 1, a[0,1] * b[1,1] added into result[0,1].
            for (int n = 0; n < 5; n++) robot.interact(app.view::next);
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(st.position()).isEqualTo(4);
            double[][] a = Matrices.NOTEBOOK_A, b = Matrices.NOTEBOOK_B;
            double product = a[0][1] * b[1][1], sum = a[0][0] * b[0][1] + product;
            assertAllShown(robot, app.scene, s, SHOWN);
            assertThat(st.resultGrid().cellText(0, 1)).isEqualTo(Fmt.cell(sum));
            assertThat(oneLine(robot.lookup("#mm-triple").queryAs(Labeled.class).getText())).as(s.name())
                    .contains("i = 0").contains("j = 1").contains("k = 1").contains(Notebook.TRIPLES.get(4));
            assertThat(robot.lookup("#mm-counter").queryAs(Labeled.class).getText()).isEqualTo("multiply-adds 5 of 18");
            assertThat(texts(robot.lookup("#mm-detail").query())).as(s.name()).contains("a[0,1]").contains("b[1,1]")
                    .contains(Fmt.cell(product)).contains(Fmt.cell(sum));
            assertNoProblems(app.scene, s);
        }
    }

    @Test
    void theBroadcastPictureStandsWithTheGridsAt150Percent(FxRobot robot) throws Exception {
        for (Setup s : List.of(new Setup("1280x720 at 150%", 1.5, 1280, 586), new Setup("1280x720 at 150% presenter", 1.5, 1280, 608))) {
            MatmulViewFixture app = show(robot, s);
            MatmulStepper st = broadcastFirstStep(robot, app);
            assertAllShown(robot, app.scene, s, SHOWN);
            checkBroadcastStep(robot, app, st, s);
        }
    }

    /**
     * At 200% the picture and the plain grids cannot both stand at the floor: the picture stands in
     * their place. It shows b whole, a's row 0 as the column with its copies, the product and
     * result's row 0, with the counter and the triple, on the first screen.
     */
    @Test
    void theBroadcastPictureTakesTheGridsPlaceAt200Percent(FxRobot robot) throws Exception {
        for (Setup s : List.of(new Setup("1280x720 at 200%", 2, 1280, 550), new Setup("1280x720 at 200% presenter", 2, 1280, 510))) {
            MatmulViewFixture app = show(robot, s);
            MatmulStepper st = broadcastFirstStep(robot, app);
            assertAllShown(robot, app.scene, s, List.of("#mm-counter", "#mm-triple", "#mm-detail"));
            String picture = texts(robot.lookup("#mm-detail").query());
            for (double[] row : Matrices.NOTEBOOK_B) for (double v : row) assertThat(picture).contains(Fmt.cell(v));
            checkBroadcastStep(robot, app, st, s);
        }
    }

    private static MatmulStepper broadcastFirstStep(FxRobot robot, MatmulViewFixture app) {
        MatmulStepper st = app.view.own().stepper();
        robot.interact(() -> st.setVariant(MatmulVariant.BROADCAST));
        robot.interact(app.view::next);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(st.position()).isEqualTo(0);
        return st;
    }

    /** Step 1 of the broadcast loop, against row 0 of a @ b computed here from the notebook's a and b. */
    private static void checkBroadcastStep(FxRobot robot, MatmulViewFixture app, MatmulStepper st, Setup s) throws Exception {
        // Row 0 of the result, computed here from the notebook's a and b: sum over k of a[0,k] * b[k,j].
        double[][] a = Matrices.NOTEBOOK_A, b = Matrices.NOTEBOOK_B;
        String picture = texts(robot.lookup("#mm-detail").query());
        assertThat(picture).as(s.name()).contains("a[0].unsqueeze(-1)");
        for (int j = 0; j < b[0].length; j++) {
            double r = 0;
            for (int k = 0; k < a[0].length; k++) {
                r += a[0][k] * b[k][j];
                assertThat(picture).contains(Fmt.cell(a[0][k] * b[k][j]));
            }
            assertThat(st.resultGrid().cellText(0, j)).isEqualTo(Fmt.cell(r));
            assertThat(picture).contains(Fmt.cell(r));
        }
        assertThat(oneLine(robot.lookup("#mm-triple").queryAs(Labeled.class).getText())).contains("i = 0").contains("(0, :)");
        assertThat(robot.lookup("#mm-counter").queryAs(Labeled.class).getText().replaceAll("\\s+", " "))
                .contains("step 1 of 3").contains("multiply-adds 6 of 18");
        assertNoProblems(app.scene, s);
    }

    private MatmulViewFixture show(FxRobot robot, Setup s) {
        MatmulViewFixture[] app = new MatmulViewFixture[1];
        robot.interact(() -> app[0] = MatmulViewFixture.show(stage, session, null, s.scale(), s.width(), s.height()));
        WaitForAsyncUtils.waitForFxEvents();
        return app[0];
    }

    private static void assertAllShown(FxRobot robot, Scene scene, Setup s, List<String> ids) throws Exception {
        for (String id : ids) {
            Node n = robot.lookup(id).query();
            assertThat(OnScreen.shownInside(n, scene)).as("%s: %s on the first screen, inside the window", s.name(), id).isTrue();
        }
    }

    private static void assertNoProblems(Scene scene, Setup s) throws Exception {
        List<LayoutAudit.Problem> problems = new ArrayList<>();
        WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> problems.addAll(LayoutAudit.of(scene, 14 * s.scale()))));
        assertThat(problems).as(s.name()).isEmpty();
    }

    /** The triple's lines as one line (a narrow column breaks it between its parts). */
    private static String oneLine(String text) { return text.replace('\n', ' ').replaceAll(" {2,}", "  "); }

    /** Every text in a subtree, in order. */
    private static String texts(Node n) {
        StringBuilder sb = new StringBuilder();
        collect(n, sb);
        return sb.toString();
    }

    private static void collect(Node n, StringBuilder sb) {
        if (n instanceof Text t) sb.append(t.getText()).append(' ');
        else if (n instanceof Labeled l && l.getText() != null) sb.append(l.getText()).append(' ');
        if (n instanceof Parent p) for (Node c : p.getChildrenUnmodifiable()) collect(c, sb);
    }
}
