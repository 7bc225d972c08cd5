package io.backproplens.ui.shell;

import io.backproplens.ui.matmul.MatmulState;
import io.backproplens.ui.core.AppState;
import io.backproplens.ui.core.Background;
import io.backproplens.ui.core.Controller;
import io.backproplens.ui.core.ErrorDialogs;

import io.backproplens.engine.Init;
import io.backproplens.session.Settings;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The window's own features (issue 6): lesson scenes, keys, UI scale, scene files. No MNIST needed. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    private AppState state;
    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        ErrorDialogs.setShowDialogs(false);
        state = new AppState();
        // Not started: these tests are about the window, not the data.
        window = new MainWindow(new Controller(state, new Background(state)));
        state.presentation.applyTo(window);
        Scene scene = new Scene(window, 1280, 720);
        scene.getStylesheets().add(LensApp.stylesheet());
        stage.setScene(scene);
        stage.show();
        stage.requestFocus();
    }

    @BeforeEach
    void focus(FxRobot robot) {
        robot.interact(() -> stage.requestFocus());
    }

    @Test
    void lessonKeysBringTheirViewToTheFront(FxRobot robot) {
        robot.press(KeyCode.CONTROL).press(KeyCode.DIGIT3).release(KeyCode.DIGIT3).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.selectedTab()).isEqualTo("data");
        assertThat(robot.lookup("#lesson-caption").queryAs(Label.class).getText()).startsWith("Data:");

        robot.clickOn("#lesson-module");
        assertThat(window.selectedTab()).isEqualTo("network");
        assertThat(window.codeShown()).isTrue();
        robot.clickOn("#lesson-matmul");
        assertThat(window.selectedTab()).isEqualTo("matmul");
        assertThat(window.codeShown()).as("the code panel belongs to the Module scene only").isFalse();
    }

    @Test
    void helpOverlayOpensWithF1AndClosesWithEscape(FxRobot robot) {
        Node help = robot.lookup("#help-overlay").query();
        assertThat(help.isVisible()).isFalse();
        robot.type(KeyCode.F1);
        assertThat(help.isVisible()).isTrue();
        robot.type(KeyCode.ESCAPE);
        assertThat(help.isVisible()).isFalse();
    }

    @Test
    void uiScaleReachesTheViews(FxRobot robot) {
        robot.clickOn("#lesson-data");
        Label caption = robot.lookup("#lesson-caption").queryAs(Label.class);
        double before = caption.getFont().getSize();
        robot.interact(() -> state.presentation.scale.set(2.0));
        robot.interact(() -> window.applyCss());
        assertThat(caption.getFont().getSize()).isCloseTo(before * 2, org.assertj.core.data.Offset.offset(0.5));
        Label title = robot.lookup("#data-view .big-title").queryAs(Label.class);
        assertThat(title.getFont().getSize()).as("a view's title").isGreaterThan(40);
        robot.interact(() -> state.presentation.scale.set(1.0));
    }

    @Test
    void initKeysChangeTheSettings(FxRobot robot) {
        robot.type(KeyCode.X);
        assertThat(state.settings.get().init()).isEqualTo(Init.XAVIER);
        robot.type(KeyCode.R);
        assertThat(state.settings.get().init()).isEqualTo(Init.RANDN);
        robot.type(KeyCode.K);
        assertThat(state.settings.get().init()).isEqualTo(Init.KAIMING);
    }

    @Test
    void aSceneFileReopensTheSameStateAndACorruptOneChangesNothing(FxRobot robot, @TempDir Path dir) throws Exception {
        Settings lesson = new Settings(Init.XAVIER, 11, 20, 0, 500);
        robot.interact(() -> {
            window.controller().update(s -> lesson);
            window.matmul().restore(new MatmulState("1,2;3,4;5,6", "7,8,9;1,2,3", "BROADCAST", 1));
            window.showLesson(Lesson.DATA);
            state.sample.set(4);
        });
        MatmulState matmul = window.matmul().matmulState();
        assertThat(matmul).isEqualTo(new MatmulState("1,2;3,4;5,6", "7,8,9;1,2,3", "BROADCAST", 1));
        Path file = dir.resolve("lesson.json");
        robot.interact(() -> {
            try {
                window.saveScene(file);
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
        });
        robot.interact(() -> {
            window.controller().update(s -> Settings.defaults());
            window.selectTab("network");
            state.sample.set(0);
            window.showLesson(Lesson.MATMUL);
        });
        assertThat(window.matmul().matmulState()).isNotEqualTo(matmul);

        assertThat(open(robot, file)).isNull();
        assertThat(state.settings.get()).isEqualTo(lesson);
        assertThat(window.selectedTab()).isEqualTo("data");
        assertThat(state.sample.get()).isEqualTo(4);
        assertThat(window.matmul().matmulState()).as("the stepper's matrices, variant and step").isEqualTo(matmul);

        Path corrupt = dir.resolve("corrupt.json");
        Files.writeString(corrupt, Files.readString(file).replace("\"nh\" : 20", "\"nh\" : -3"));
        assertThat(open(robot, corrupt)).isEqualTo("corrupt.json: nh (hidden units) must be between 1 and 1024, got -3");
        assertThat(state.settings.get()).as("state kept").isEqualTo(lesson);
        assertThat(window.selectedTab()).isEqualTo("data");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> ErrorDialogs.lastMessage() != null);
        assertThat(ErrorDialogs.lastMessage()).contains("corrupt.json: nh");
    }

    @Test
    void savingASceneSaysSoInANotificationOnTheWindowAtTheUiScale(FxRobot robot, @TempDir Path dir) throws Exception {
        robot.interact(() -> state.presentation.scale.set(2.0));
        Path file = dir.resolve("lesson.json");
        robot.interact(() -> {
            try {
                window.saveScene(file);
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
        });
        String said = "Saved the scene to " + file;
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> notice(robot, said) != null));
        assertThat(Files.exists(file)).isTrue();
        javafx.scene.text.Text text = fx(() -> notice(robot, said));
        assertThat(fx(() -> text.getFont().getSize())).as("main content size at 200%%").isGreaterThanOrEqualTo(40);
        javafx.geometry.Bounds on = fx(() -> text.localToScreen(text.getLayoutBounds()));
        assertThat(on.getMinX()).as("on the window: %s", on).isGreaterThanOrEqualTo(stage.getX());
        assertThat(on.getMaxX()).as("on the window: %s", on).isLessThanOrEqualTo(stage.getX() + stage.getWidth());
        assertThat(on.getMaxY()).as("on the window: %s", on).isLessThanOrEqualTo(stage.getY() + stage.getHeight());
        assertThat(on.getWidth()).as("wrapped to half the window at most").isLessThanOrEqualTo(stage.getWidth() / 2 + 1);
        assertThat(on.getHeight()).as("on more than one line").isGreaterThan(2 * text.getFont().getSize());
        robot.interact(() -> state.presentation.scale.set(1.0));
    }

    /** The text of a shown notification that says {@code text}, or null. */
    private static javafx.scene.text.Text notice(FxRobot robot, String text) {
        return robot.lookup(".lens-notice .notice-text").queryAllAs(javafx.scene.text.Text.class).stream()
                .filter(t -> text.equals(t.getText()) && t.getScene() != null && t.getScene().getWindow().isShowing())
                .findFirst().orElse(null);
    }

    private static <T> T fx(java.util.concurrent.Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(30, TimeUnit.SECONDS);
    }

    /** Opens a scene as the menu does and waits for it to be applied or refused. */
    private String open(FxRobot robot, Path file) throws Exception {
        @SuppressWarnings("unchecked")
        java.util.concurrent.CompletableFuture<String>[] f = new java.util.concurrent.CompletableFuture[1];
        robot.interact(() -> f[0] = window.openScene(file));
        String message = f[0].get(60, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        return message;
    }
}
