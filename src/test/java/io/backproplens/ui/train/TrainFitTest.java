package io.backproplens.ui.train;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import io.backproplens.ui.FxWait;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.Callable;

import static io.backproplens.ui.FxWait.fx;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Train view in a projector's room: at 1280x720 and 200% (a root font of 32 px) the settings
 * fold behind a Settings button and one chart at a time fills the view, chosen with the chooser;
 * at 1920x1080 and 100% all four charts and the settings are on screen. Each chart is judged by
 * where it really lies in the window (its bounds in the scene against the scene's size).
 */
@ExtendWith(ApplicationExtension.class)
class TrainFitTest {
    private TrainView view;
    private Stage stage;

    @BeforeAll
    static void load() throws Exception { TrainViewFixture.load(); }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        view = TrainViewFixture.start(stage, 1280, 720, 32).view;
    }

    private static void await(String what, Callable<Boolean> condition) { FxWait.await(what, 120, condition); }

    /** The node standing for each chart (the activity picture exists once the trainer is built). */
    private Node chart(FxRobot robot, TrainView.Chart c) {
        return switch (c) {
            case LOSS -> robot.lookup(".train-loss-chart").tryQuery().orElse(null);
            case GRAD -> robot.lookup(".train-grad-chart").tryQuery().orElse(null);
            case TILES -> robot.lookup("#train-tiles").tryQuery().orElse(null);
            case ACTIVITY -> robot.lookup(".train-activity").tryQuery().orElse(null);
        };
    }

    /** Whether {@code n} is in the window, visible all the way up, and wholly inside the scene. */
    private static boolean inWindow(Node n) {
        if (n == null || n.getScene() == null) return false;
        for (Node p = n; p != null; p = p.getParent()) if (!p.isVisible()) return false;
        Bounds b = n.localToScene(n.getLayoutBounds());
        Scene s = n.getScene();
        return b.getWidth() > 0 && b.getHeight() > 0 && b.getMinX() >= -0.5 && b.getMinY() >= -0.5
                && b.getMaxX() <= s.getWidth() + 0.5 && b.getMaxY() <= s.getHeight() + 0.5;
    }

    @Test
    void atTwiceTheScaleTheLossFitsAndTheChooserShowsEachChart(FxRobot robot) {
        await("the trainer", () -> view.ready());
        await("the layout for a short window", () -> view.settingsFolded() && view.chartsShown().size() == 1);
        // The loss, the main content, is on screen at once, as tall as the charts' readable minimum (8 em).
        Node loss = chart(robot, TrainView.Chart.LOSS);
        assertThat(fx(() -> inWindow(loss))).as("loss chart inside the window").isTrue();
        assertThat(fx(() -> ((Region) loss).getHeight())).isGreaterThanOrEqualTo(8 * 32 - 1);
        // The settings left the page for the Settings PopOver.
        assertThat(robot.lookup("#train-lr").tryQuery()).isEmpty();
        assertThat(fx(() -> inWindow(robot.lookup("#train-settings").query()))).isTrue();

        for (TrainView.Chart c : TrainView.Chart.values()) {
            robot.clickOn("#train-show-" + c.name().toLowerCase(java.util.Locale.ROOT));
            await(c + " shown", () -> view.chartsShown().equals(java.util.List.of(c)));
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(fx(() -> inWindow(chart(robot, c)))).as(c + " inside the window").isTrue();
            for (TrainView.Chart other : TrainView.Chart.values()) {
                if (other != c) assertThat(fx(() -> inWindow(chart(robot, other)))).as(other + " hidden while " + c + " is chosen").isFalse();
            }
        }

        robot.clickOn("#train-settings");
        await("the Settings PopOver", () -> view.settingsShown());
        assertThat(robot.lookup("#train-lr").tryQuery()).isPresent();
    }

    /**
     * 1024x768 at 200% in the app leaves the view about 450 px under the chrome: the loss chart,
     * axis title included, is wholly in the window without scrolling (it used to start near the
     * bottom, under the counter's own row, the chooser, its two-line title and a two-row legend).
     */
    @Test
    void atTwiceTheScaleInTheRoomOf1024x768TheWholeLossChartShowsWithoutScrolling(FxRobot robot) {
        await("the trainer", () -> view.ready());
        fx(() -> {
            stage.setWidth(1024);
            stage.setHeight(450);
            return null;
        });
        await("one chart at a time", () -> view.settingsFolded() && view.chartsShown().equals(java.util.List.of(TrainView.Chart.LOSS)));
        robot.clickOn("#train-step");
        await("a batch on screen", () -> ((javafx.scene.control.Label) robot.lookup("#train-counter").query()).getText().startsWith("batch 1"));
        WaitForAsyncUtils.waitForFxEvents();
        Node loss = chart(robot, TrainView.Chart.LOSS);
        javafx.scene.control.ScrollPane scroll = robot.lookup(".train-scroll").queryAs(javafx.scene.control.ScrollPane.class);
        assertThat(fx(scroll::getVvalue)).as("not scrolled").isEqualTo(0.0);
        assertThat(fx(() -> inWindow(loss))).as("the loss chart inside the window, at the top of the page").isTrue();
        assertThat(fx(() -> ((Region) loss).getHeight())).as("loss chart height").isGreaterThanOrEqualTo(7 * 32);
        // Its readouts on one row, beside each other.
        double y0 = fx(() -> robot.lookup("#train-readout-0").query().localToScene(0, 0).getY());
        for (int i = 1; i < 3; i++) {
            int k = i;
            assertThat(fx(() -> robot.lookup("#train-readout-" + k).query().localToScene(0, 0).getY())).as("readout " + k).isEqualTo(y0);
        }
        fx(() -> {
            stage.setWidth(1280);
            stage.setHeight(720);
            return null;
        });
    }

    @Test
    void atFullHdAndOneTimesTheScaleAllFourChartsAndTheSettingsShow(FxRobot robot) {
        await("the trainer", () -> view.ready());
        fx(() -> {
            view.setStyle("-fx-font-size: 16px;");
            stage.setWidth(1920);
            stage.setHeight(1080);
            return null;
        });
        await("the grid", () -> !view.settingsFolded() && view.chartsShown().size() == 4);
        WaitForAsyncUtils.waitForFxEvents();
        for (TrainView.Chart c : TrainView.Chart.values()) {
            assertThat(fx(() -> inWindow(chart(robot, c)))).as(c + " inside the window").isTrue();
        }
        assertThat(fx(() -> inWindow(robot.lookup("#train-lr").query()))).as("settings inline").isTrue();
        assertThat(fx(() -> robot.lookup("#train-chooser").query().isVisible())).as("no chooser needed").isFalse();
    }
}
