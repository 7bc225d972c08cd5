package io.backproplens.ui.matmul;

import io.backproplens.Notebook;
import io.backproplens.matmul.Matrices;
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
 * The first lesson scene on a small projector: with the room the app's chrome leaves the Matmul
 * view, the three grids, the counter, the index triple and the multiply-add of the step all stand
 * on the first page, inside the window, nothing cut, at the legibility floor. The numbers are
 * checked against the notebook's a and b and its printout.
 */
@ExtendWith(ApplicationExtension.class)
class MatmulCompactTest {
    private static Session session;
    private Stage stage;

    @BeforeAll
    static void load() throws Exception { session = MatmulViewFixture.session(); }

    @Start
    void start(Stage stage) { this.stage = stage; }

    /** The view's own size in the app's window (measured in snapshots: the chrome above, the status bar under). */
    private record Setup(String name, double scale, double width, double height) {}

    @Test
    void gridsTripleAndMultiplyAddShareTheFirstPage(FxRobot robot) throws Exception {
        for (Setup s : List.of(new Setup("1280x720 at 150%", 1.5, 1280, 557), new Setup("1280x720 at 150% presenter", 1.5, 1280, 608),
                new Setup("1024x768 at 100%", 1, 1024, 504), new Setup("1920x1080 at 200%", 2, 1920, 913))) {
            MatmulViewFixture[] app = new MatmulViewFixture[1];
            robot.interact(() -> app[0] = MatmulViewFixture.show(stage, session, null, s.scale(), s.width(), s.height()));
            MatmulView view = app[0].view;
            Scene scene = app[0].scene;
            MatmulStepper st = view.own().stepper();
            // Step 5 of the triple loop: i = 0, j = 1, k = 1, a[0,1] * b[1,1] added into result[0,1].
            for (int n = 0; n < 5; n++) robot.interact(view::next);
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(st.position()).isEqualTo(4);
            double[][] a = Matrices.NOTEBOOK_A, b = Matrices.NOTEBOOK_B;
            double product = a[0][1] * b[1][1], sum = a[0][0] * b[0][1] + product;

            // The index triple: on a small screen a line of its own (compact, or the printout folded),
            // on a big one the code's line of loop variables and the printout's current line beside.
            List<String> ids = new ArrayList<>(List.of("#mm-a", "#mm-b", "#mm-result", "#mm-counter", "#mm-detail"));
            boolean ownLine = st.compact() || st.arrangement() == MatmulStepper.Arrangement.BESIDE_FOLDED;
            ids.addAll(ownLine ? List.of("#mm-triple") : List.of("#mm-code-vars", "#mm-log"));
            for (String id : ids) {
                Node n = robot.lookup(id).query();
                assertThat(OnScreen.shownInside(n, scene)).as("%s: %s on the first page, inside the window", s.name(), id).isTrue();
            }
            assertThat(st.resultGrid().cellText(0, 1)).isEqualTo(Fmt.cell(sum));
            String triple = ownLine ? robot.lookup("#mm-triple").queryAs(Labeled.class).getText()
                    : st.codeVars() + " " + robot.lookup("#mm-log").queryAs(javafx.scene.control.ListView.class).getSelectionModel().getSelectedItem();
            assertThat(triple).as(s.name()).contains("i = 0").contains("j = 1").contains("k = 1")
                    .contains(Notebook.TRIPLES.get(4));
            String detail = texts(robot.lookup("#mm-detail").query());
            assertThat(detail).as(s.name()).contains("a[0,1]").contains("b[1,1]")
                    .contains(Fmt.cell(product)).contains(Fmt.cell(sum));
            List<LayoutAudit.Problem> problems = new ArrayList<>();
            WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> problems.addAll(LayoutAudit.of(scene, 14 * s.scale()))));
            assertThat(problems).as(s.name()).isEmpty();
        }
    }

    /** Every text in a subtree, in order. */
    private static String texts(Node n) {
        StringBuilder sb = new StringBuilder();
        collect(n, sb);
        return sb.toString();
    }

    private static void collect(Node n, StringBuilder sb) {
        if (n instanceof Text t) sb.append(t.getText());
        else if (n instanceof Labeled l && l.getText() != null) sb.append(l.getText()).append(' ');
        if (n instanceof Parent p) for (Node c : p.getChildrenUnmodifiable()) collect(c, sb);
    }
}
