package io.backproplens.ui.matmul;

import io.backproplens.Notebook;
import io.backproplens.ui.common.Fmt;
import io.backproplens.matmul.MatmulVariant;
import io.backproplens.ui.core.AppState;
import io.backproplens.ui.core.Background;
import io.backproplens.ui.core.Controller;
import io.backproplens.ui.core.ErrorDialogs;
import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stepper on the notebook's a and b, driven through its buttons as a teacher would: no MNIST
 * needed. The expected log is the notebook's printout, copied from the seed notebook (cell 5).
 */
@ExtendWith(ApplicationExtension.class)
class MatmulStepperTest {
    /** The notebook's `print((i,k),(k,j),(i,j))` output, in order. */
    static final List<String> NOTEBOOK_LOG = Notebook.TRIPLES;

    private MatmulView view;
    private MatmulStepper stepper;

    @Start
    void start(Stage stage) {
        ErrorDialogs.setShowDialogs(false);
        AppState state = new AppState();
        view = new MatmulView(new Controller(state, new Background(state)));
        stepper = view.own().stepper();
        stage.setScene(new Scene(view, 1280, 760));
        stage.show();
    }

    @SuppressWarnings("unchecked")
    private static List<String> log(FxRobot robot) {
        return List.copyOf(robot.lookup("#mm-log").queryAs(ListView.class).getItems());
    }

    private static String resultCell(MatmulStepper s, int r, int c) {
        return s.resultGrid().cellText(r, c);
    }

    @Test
    void tripleLoopPrintsTheNotebooksEighteenLinesAndItsResult(FxRobot robot) {
        assertThat(stepper.variant()).isEqualTo(MatmulVariant.TRIPLE_LOOP);
        assertThat(robot.lookup("#mm-counter").queryAs(Label.class).getText()).contains("multiply-adds 0 of 18");
        for (int n = 0; n < 18; n++) {
            robot.clickOn("#mm-next");
            // The log grows one notebook line per step, in the notebook's order.
            assertThat(log(robot)).containsExactlyElementsOf(NOTEBOOK_LOG.subList(0, n + 1));
        }
        assertThat(robot.lookup("#mm-next").queryButton().isDisabled()).isTrue();
        assertThat(robot.lookup("#mm-counter").queryAs(Label.class).getText()).contains("multiply-adds 18 of 18");
        assertThat(stepper.resultNow()).isDeepEqualTo(Notebook.RESULT);
        // What the class sees in the result grid.
        String[][] shown = new String[3][2];
        for (int r = 0; r < 3; r++) for (int c = 0; c < 2; c++) shown[r][c] = resultCell(stepper, r, c);
        assertThat(shown).isDeepEqualTo(new String[][]{{"15", "27"}, {"6", "7"}, {"26", "63"}});
        assertThat(stepper.codeLine()).contains("result[i,j] += a[i,k] * b[k,j]");
        assertThat(stepper.codeVars()).isEqualTo("i = 2    j = 1    k = 2");
    }

    @Test
    void stepHighlightsTheThreeCellsItTouchesInTheirColours(FxRobot robot) {
        for (int n = 0; n < 5; n++) robot.clickOn("#mm-next"); // step 5: (0,1) (1,1) (0,1)
        assertThat(stepper.aGrid().cellNode(0, 1).getStyleClass()).contains("mm-a");
        assertThat(stepper.bGrid().cellNode(1, 1).getStyleClass()).contains("mm-b");
        assertThat(stepper.resultGrid().cellNode(0, 1).getStyleClass()).contains("mm-r");
        assertThat(stepper.aGrid().cellNode(0, 0).getStyleClass()).doesNotContain("mm-a");
        // 5 + 2*7 = 19 after a[0,1]*b[1,1] is added.
        assertThat(resultCell(stepper, 0, 1)).isEqualTo("19");
    }

    @Test
    void previousUndoesExactlyOneStep(FxRobot robot) {
        for (int n = 0; n < 5; n++) robot.clickOn("#mm-next");
        assertThat(resultCell(stepper, 0, 1)).isEqualTo("19");
        assertThat(log(robot)).hasSize(5);

        robot.clickOn("#mm-prev");
        assertThat(stepper.position()).isEqualTo(3);
        assertThat(log(robot)).containsExactlyElementsOf(NOTEBOOK_LOG.subList(0, 4));
        assertThat(resultCell(stepper, 0, 1)).isEqualTo("5");          // only a[0,0]*b[0,1] so far
        assertThat(resultCell(stepper, 0, 0)).isEqualTo("15");         // finished cells stay finished
        assertThat(stepper.codeVars()).isEqualTo("i = 0    j = 1    k = 0");
        assertThat(stepper.aGrid().cellNode(0, 0).getStyleClass()).contains("mm-a");

        robot.clickOn("#mm-reset");
        assertThat(stepper.position()).isEqualTo(-1);
        assertThat(log(robot)).isEmpty();
        assertThat(resultCell(stepper, 0, 0)).isEqualTo("0");
        assertThat(robot.lookup("#mm-prev").queryButton().isDisabled()).isTrue();
    }

    @Test
    void broadcastTakesThreeStepsOneResultRowEach(FxRobot robot) {
        robot.clickOn("#mm-variant-broadcast");
        assertThat(stepper.variant()).isEqualTo(MatmulVariant.BROADCAST);
        assertThat(stepper.stepCount()).isEqualTo(3);
        robot.clickOn("#mm-next");
        assertThat(stepper.resultNow()).isDeepEqualTo(new double[][]{{15, 27}, {0, 0}, {0, 0}});
        assertThat(stepper.resultGrid().cellNode(0, 0).getStyleClass()).contains("mm-r");
        assertThat(stepper.resultGrid().cellNode(0, 1).getStyleClass()).contains("mm-r");
        assertThat(robot.lookup("#mm-counter").queryAs(Label.class).getText()).contains("step 1 of 3").contains("multiply-adds 6 of 18");
        robot.clickOn("#mm-next");
        robot.clickOn("#mm-next");
        assertThat(robot.lookup("#mm-next").queryButton().isDisabled()).isTrue();
        assertThat(stepper.resultNow()).isDeepEqualTo(Notebook.RESULT);
        assertThat(log(robot)).containsExactly("(0, :) (:, :) (0, :)", "(1, :) (:, :) (1, :)", "(2, :) (:, :) (2, :)");
    }

    @Test
    void innerRemovedTakesSixStepsAndBlasOne(FxRobot robot) {
        robot.clickOn("#mm-variant-inner-removed");
        assertThat(stepper.stepCount()).isEqualTo(6);
        robot.clickOn("#mm-variant-blas");
        assertThat(stepper.stepCount()).isEqualTo(1);
        robot.clickOn("#mm-next");
        assertThat(stepper.resultNow()).isDeepEqualTo(Notebook.RESULT);
    }

    @Test
    void aCellThatIsNotANumberIsNamedAndStopsStepping(FxRobot robot) {
        robot.clickOn("#mm-next");
        TextField cell = (TextField) stepper.aGrid().cellNode(1, 2);
        robot.clickOn(cell);
        robot.push(KeyCode.CONTROL, KeyCode.A);
        robot.write("x");
        assertThat(cell.getText()).isEqualTo("x");

        Label message = robot.lookup("#mm-message").queryAs(Label.class);
        assertThat(message.isVisible()).isTrue();
        assertThat(message.getText()).isEqualTo("a: row 1, column 2: 'x' is not a number");
        assertThat(cell.getStyleClass()).contains("mm-bad");
        Button next = robot.lookup("#mm-next").queryButton();
        assertThat(next.isDisabled()).isTrue();
        assertThat(robot.lookup("#mm-play").queryButton().isDisabled()).isTrue();
        robot.interact(view::next); // the keys go through next(): it must refuse too
        assertThat(stepper.position()).isEqualTo(-1);

        // Fixing the cell brings stepping back; no other cell lost its value.
        robot.clickOn(cell);
        robot.push(KeyCode.CONTROL, KeyCode.A);
        robot.write("7");
        assertThat(message.isVisible()).isFalse();
        assertThat(next.isDisabled()).isFalse();
        assertThat(stepper.aGrid().cellText(2, 2)).isEqualTo("4");
        robot.clickOn("#mm-end");
        // a[1] is now [0, 1, 7]: row 1 of the result is 1*[6,7] + 7*[1,8].
        assertThat(stepper.resultNow()[1]).containsExactly(13, 63);
    }

    /**
     * Whether the centre of {@code mark} is on {@code cell}. It sits on the cell's corner, so the
     * float rounding of the two boxes may put it a hair outside: half a pixel is allowed.
     */
    private static boolean centreOn(Bounds mark, Bounds cell) {
        return mark.getCenterX() >= cell.getMinX() - 0.5 && mark.getCenterX() <= cell.getMaxX() + 0.5
                && mark.getCenterY() >= cell.getMinY() - 0.5 && mark.getCenterY() <= cell.getMaxY() + 0.5;
    }

    @Test
    void aWrongCellIsMarkedWhereItIsWithItsMessageOnHoverUntilItIsANumberAgain(FxRobot robot) throws Exception {
        TextField cell = (TextField) stepper.aGrid().cellNode(1, 2);
        String message = "a: row 1, column 2: 'x' is not a number";
        robot.clickOn(cell);
        robot.push(KeyCode.CONTROL, KeyCode.A);
        robot.write("x");

        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, () -> fxValue(() -> mark(robot, message) != null));
        Bounds markAt = fxValue(() -> mark(robot, message).localToScene(mark(robot, message).getLayoutBounds()));
        Bounds cellAt = fxValue(() -> cell.localToScene(cell.getLayoutBounds()));
        // ControlsFX puts its icon on the cell's bottom-left corner: the icon's centre is on the cell.
        assertThat(centreOn(markAt, cellAt))
                .as("mark at %s, the cell at %s", markAt, cellAt).isTrue();
        assertThat(fxValue(() -> cell.getTooltip() == null ? null : cell.getTooltip().getText()))
                .as("the message on hovering the cell itself").isEqualTo(message);
        assertThat(fxValue(() -> marks(robot))).as("one mark only, on the wrong cell").isEqualTo(1);

        // A new row makes new cell fields: the mark moves onto the new field of that cell.
        Spinner<?> aRows = robot.lookup("#mm-a-rows").queryAs(Spinner.class);
        robot.clickOn(robot.from(aRows).lookup(".increment-arrow-button").queryAs(javafx.scene.Node.class));
        TextField again = (TextField) stepper.aGrid().cellNode(1, 2);
        assertThat(again).as("a new field").isNotSameAs(cell);
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, () -> fxValue(() -> {
            javafx.scene.Node m = mark(robot, message);
            if (m == null) return false;
            Bounds b = m.localToScene(m.getLayoutBounds());
            return marks(robot) == 1 && centreOn(b, again.localToScene(again.getLayoutBounds()));
        }));

        robot.clickOn(again);
        robot.push(KeyCode.CONTROL, KeyCode.A);
        robot.write("7");
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, () -> fxValue(() -> marks(robot) == 0));
        assertThat(fxValue(again::getTooltip)).isNull();
        assertThat(stepper.aGrid().cellText(1, 2)).isEqualTo("7");
    }

    @Test
    void shapesThatCannotBeMultipliedMarkAsColumnsAndBsRowsUntilTheyMatch(FxRobot robot) throws Exception {
        Spinner<?> bRows = robot.lookup("#mm-b-rows").queryAs(Spinner.class);
        Spinner<?> aCols = robot.lookup("#mm-a-cols").queryAs(Spinner.class);
        String message = "a is 3x3 and b is 2x2: a's 3 columns must equal b's rows";
        robot.clickOn(robot.from(bRows).lookup(".decrement-arrow-button").queryAs(javafx.scene.Node.class));

        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, () -> fxValue(() -> marks(robot) == 2));
        for (Spinner<?> s : List.of(aCols, bRows)) {
            Bounds at = fxValue(() -> s.localToScene(s.getLayoutBounds()));
            long onIt = fxValue(() -> robot.lookup(n -> isMark(n, message)).queryAll().stream()
                    .map(n -> n.localToScene(n.getLayoutBounds()))
                    .filter(b -> at.contains(b.getCenterX(), b.getCenterY())).count());
            assertThat(onIt).as("a mark with the message on %s", s.getId()).isEqualTo(1);
        }

        robot.clickOn(robot.from(bRows).lookup(".increment-arrow-button").queryAs(javafx.scene.Node.class));
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, () -> fxValue(() -> marks(robot) == 0));
    }

    /** A ControlsFX validation mark: a label whose tooltip is the message. */
    private static boolean isMark(javafx.scene.Node n, String message) {
        return n instanceof Label l && l.isVisible() && l.getTooltip() != null
                && (message == null || message.equals(l.getTooltip().getText()))
                && l.getGraphic() instanceof javafx.scene.image.ImageView;
    }

    private static javafx.scene.Node mark(FxRobot robot, String message) {
        return robot.lookup(n -> isMark(n, message)).query();
    }

    private static int marks(FxRobot robot) {
        return robot.lookup(n -> isMark(n, null)).queryAll().size();
    }

    @Test
    void mismatchedInnerDimensionsAreSaidInWords(FxRobot robot) {
        Spinner<?> bRows = robot.lookup("#mm-b-rows").queryAs(Spinner.class);
        robot.clickOn(robot.from(bRows).lookup(".decrement-arrow-button").queryAs(javafx.scene.Node.class));
        assertThat(bRows.getValue()).isEqualTo(2);
        Label message = robot.lookup("#mm-message").queryAs(Label.class);
        assertThat(message.isVisible()).isTrue();
        assertThat(message.getText()).isEqualTo("a is 3x3 and b is 2x2: a's 3 columns must equal b's rows");
        assertThat(robot.lookup("#mm-next").queryButton().isDisabled()).isTrue();

        // Back to 3 rows: b's third row comes back as it was.
        robot.clickOn(robot.from(bRows).lookup(".increment-arrow-button").queryAs(javafx.scene.Node.class));
        assertThat(message.isVisible()).isFalse();
        assertThat(stepper.bGrid().cellText(2, 1)).isEqualTo("8");
        robot.clickOn("#mm-end");
        assertThat(stepper.resultNow()).isDeepEqualTo(Notebook.RESULT);
    }

    @Test
    void largeMatricesDrawAWindowThatFollowsTheActiveCell(FxRobot robot) {
        robot.interact(() -> {
            for (String id : List.of("#mm-a-rows", "#mm-a-cols", "#mm-b-rows", "#mm-b-cols")) {
                @SuppressWarnings("unchecked")
                Spinner<Integer> s = robot.lookup(id).queryAs(Spinner.class);
                s.getValueFactory().setValue(30);
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
        // After the layout has sized the window, every drawn cell shows its value (new cells are "0").
        MatrixGrid ag = stepper.aGrid();
        for (int r = ag.firstRow(); r < ag.firstRow() + ag.visRows(); r++)
            for (int c = ag.firstCol(); c < ag.firstCol() + ag.visCols(); c++)
                assertThat(ag.cellText(r, c)).as("a[%d,%d]", r, c).isEqualTo(r < 3 && c < 3 ? Fmt.cell(io.backproplens.matmul.Matrices.NOTEBOOK_A[r][c]) : "0");
        // 30-row grids leave no room for the editor under the play bar: it folds behind its button.
        assertThat(stepper.footerShown()).isFalse();
        robot.clickOn("#mm-edit");
        robot.clickOn("#mm-random");
        assertThat(stepper.stepCount()).isEqualTo(30 * 30 * 30);
        long cells = stepper.aGrid().getChildrenUnmodifiable().stream().filter(n -> n instanceof Control c && c.getStyleClass().contains("mm-cell")).count();
        assertThat(cells).isLessThanOrEqualTo(MatrixGrid.MAX_VISIBLE * MatrixGrid.MAX_VISIBLE);
        assertThat(stepper.aGrid().windowed()).isTrue();

        robot.clickOn("#mm-end");
        WaitForAsyncUtils.waitForFxEvents();
        // The window followed the last step to the bottom-right corner, and it holds a@b.
        assertThat(stepper.resultGrid().cellNode(29, 29)).isNotNull();
        double[][] a = stepper.replay().a(), b = stepper.replay().b();
        double expected = 0;
        for (int k = 0; k < 30; k++) expected += a[29][k] * b[k][29];
        assertThat(stepper.resultGrid().cellText(29, 29)).isEqualTo(Fmt.cell(expected));
        assertThat(log(robot)).hasSize(27000).last().isEqualTo("(29, 29) (29, 29) (29, 29)");
    }

    @Test
    void playRunsToTheEndAndStops(FxRobot robot) throws Exception {
        robot.clickOn("#mm-variant-inner-removed");
        robot.interact(() -> robot.lookup("#mm-speed").queryAs(javafx.scene.control.Slider.class).setValue(20));
        robot.clickOn("#mm-play");
        // Wait until play has stopped by itself (not for a guessed time), then check where.
        WaitForAsyncUtils.waitFor(30, java.util.concurrent.TimeUnit.SECONDS,
                () -> fxValue(() -> "Play".equals(robot.lookup("#mm-play").queryButton().getText()) && stepper.position() == 5));
        assertThat(stepper.position()).isEqualTo(5);
        assertThat(robot.lookup("#mm-play").queryButton().getText()).isEqualTo("Play");
    }

    private static <T> T fxValue(java.util.concurrent.Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get();
    }
}
