package io.backproplens.ui.matmul;

import io.backproplens.ui.core.AppState;
import io.backproplens.ui.core.Background;
import io.backproplens.ui.core.Controller;
import io.backproplens.ui.core.ErrorDialogs;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The multiply-add as motion, on the notebook's a and b (triple loop): Next flies a[i,k] and
 * b[k,j] to result[i,j], whose old value gives way to the new; a second Next lands at once on the
 * same grids a stepper drawn without motion shows; with reduced motion nothing flies.
 */
@ExtendWith(ApplicationExtension.class)
class MatmulStepperMotionTest {
    private AppState state;
    private MatmulStepper stepper;

    @Start
    void start(Stage stage) {
        ErrorDialogs.setShowDialogs(false);
        state = new AppState();
        MatmulView view = new MatmulView(new Controller(state, new Background(state)));
        stepper = view.own().stepper();
        stage.setScene(new Scene(view, 1280, 760));
        stage.show();
    }

    @Test
    void nextFliesTheOperandsIntoTheResultCellAndASecondNextLandsAtOnce(FxRobot robot) {
        Button next = robot.lookup("#mm-next").queryButton();
        // Steps 0..4 of the triple loop without motion, then the sixth Next (i=0, j=1, k=2) with it.
        fx(() -> { state.presentation.motion.set(false); for (int s = 0; s < 5; s++) next.fire(); return null; });
        fx(() -> { state.presentation.motion.set(true); return null; });
        List<String> flying = fx(() -> {
            next.fire();
            List<String> t = new ArrayList<>();
            for (Node n : stepper.motionLayer().getChildren()) t.add(((Label) n).getText());
            t.add("running=" + stepper.motion().running());
            t.add("result=" + stepper.resultGrid().cellText(0, 1));
            // The second Next in the same turn of the FX thread: surely while the first flies.
            next.fire();
            t.add("after the second: running=" + stepper.motion().running() + " fliers=" + stepper.motionLayer().getChildren().size());
            return t;
        });
        // Under the fliers the result cell's old value, then a[0,2] and b[2,1], the step's operands,
        // as the grids show them; the cell itself already holds the new value.
        String a02 = fx(() -> stepper.aGrid().cellText(0, 2)), b21 = fx(() -> stepper.bGrid().cellText(2, 1));
        String before = fx(() -> io.backproplens.ui.common.Fmt.cell(stepper.replay().resultAfter(4)[0][1]));
        assertThat(flying).containsExactly(before, a02, b21, "running=true", "result=27",
                "after the second: running=false fliers=0");
        assertThat(before).isEqualTo("19");  // a[0,0]*b[0,1] + a[0,1]*b[1,1]: the first two multiply-adds into result[0,1]
        assertThat(fx(stepper::position)).isEqualTo(6);
        // The same grids as a stepper that was put on step 6 without any motion.
        String drawn = fx(() -> grids(stepper));
        String reference = fx(() -> {
            AppState other = new AppState();
            other.presentation.motion.set(false);
            MatmulView view = new MatmulView(new Controller(other, new Background(other)));
            new Scene(view, 1280, 760);
            for (int s = 0; s <= 6; s++) view.own().stepper().next();
            return grids(view.own().stepper());
        });
        assertThat(drawn).isEqualTo(reference);
    }

    @Test
    void withReducedMotionNothingFlies(FxRobot robot) {
        Button next = robot.lookup("#mm-next").queryButton();
        fx(() -> { state.presentation.motion.set(false); return null; });
        for (int s = 0; s < 18; s++) {
            boolean moving = fx(() -> {
                next.fire();
                return stepper.motion().running() || !stepper.motionLayer().getChildren().isEmpty();
            });
            assertThat(moving).as("motion at step %d", s).isFalse();
        }
        assertThat(fx(() -> stepper.motion().played())).isZero();
        assertThat(fx(stepper::resultNow)).isDeepEqualTo(io.backproplens.Notebook.RESULT);
    }

    /** Every drawn cell's text and role, grid by grid. */
    private static String grids(MatmulStepper s) {
        StringBuilder b = new StringBuilder();
        for (MatrixGrid g : List.of(s.aGrid(), s.bGrid(), s.resultGrid())) {
            for (MatrixGrid.Role role : MatrixGrid.Role.values()) {
                for (MatrixGrid.Drawn d : g.cells(role)) {
                    b.append(d.r()).append(',').append(d.c()).append(' ').append(role).append(' ')
                            .append(g.cellText(d.r(), d.c())).append('\n');
                }
            }
            b.append("--\n");
        }
        return b.toString();
    }

    private static <T> T fx(Callable<T> c) {
        try {
            return WaitForAsyncUtils.asyncFx(c).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
