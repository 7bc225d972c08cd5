package io.backproplens.ui.shell;

import io.backproplens.ui.audit.ContrastAudit;
import io.backproplens.ui.core.AppState;
import io.backproplens.ui.core.Exports;
import io.backproplens.ui.core.Presentation;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import static io.backproplens.ui.FxWait.await;
import static io.backproplens.ui.FxWait.fx;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The projector features of the window (issue 10), on the real app with real MNIST: presenter
 * mode, the clicker after typing in a field, export at a chosen size, live field marks, the
 * caption following the step, and the dark theme's contrast measured from the scene's colours.
 */
@ExtendWith(ApplicationExtension.class)
class PresenterModeTest {
    private AppState state;
    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        // 1280x800: the desk's full chrome, with the seed and nh fields in the bar (1280x720 folds them behind Settings).
        LensAppFixture app = LensAppFixture.start(stage, 1280, 800);
        this.stage = stage;
        state = app.state;
        window = app.window;
        this.app = app;
    }

    private LensAppFixture app;

    private void awaitPass() { app.awaitPass(180); }

    @Test
    void theClickerStepsTheNetworkAfterTypingInTheSeedField(FxRobot robot) {
        awaitPass();
        robot.interact(() -> window.showLesson(Lesson.FORWARD));
        int before = fx(state.step::get);
        TextField seed = robot.lookup("#seed-field").queryAs(TextField.class);
        robot.doubleClickOn(seed).write("42");
        // Being edited: the field keeps the arrow for its caret, the view does not step.
        robot.type(KeyCode.RIGHT);
        assertThat(fx(state.step::get)).as("a field being edited keeps the arrows").isEqualTo(before);
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        // Enter ends the edit: the clicker's keys are the view's again.
        robot.type(KeyCode.RIGHT);
        await("Right to step the network", 10, () -> state.step.get() == before + 1);
        robot.type(KeyCode.SPACE);
        await("Space to step the network", 10, () -> state.step.get() == before + 2);

        // Esc gives focus back to the window; clicked into again but not typed in, the clicker steps anyway.
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(seed::isFocused)).as("Esc gives focus back").isFalse();
        robot.clickOn(seed);
        robot.type(KeyCode.LEFT);
        await("Left to step back from a focused, unedited field", 10, () -> state.step.get() == before + 1);
        // A click elsewhere (the lesson caption) takes focus from the field.
        robot.clickOn("#lesson-caption");
        assertThat(fx(seed::isFocused)).as("a click elsewhere gives focus back").isFalse();
    }

    @Test
    void presenterModeGivesTheViewTheScreenWithTheCaptionLarge(FxRobot robot) {
        awaitPass();
        robot.interact(() -> window.showLesson(Lesson.LOSS));
        double deskHeight = fx(() -> window.network().getHeight());
        robot.type(KeyCode.F5);
        await("presenter mode", 10, () -> window.presenter());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> isShown(robot.lookup("#menu-bar").query()))).as("menu bar folded away").isFalse();
        assertThat(fx(() -> isShown(robot.lookup(".controls-bar").query()))).as("controls folded away").isFalse();
        Label caption = robot.lookup("#presenter-caption").queryAs(Label.class);
        assertThat(fx(() -> isShown(caption))).isTrue();
        assertThat(fx(caption::getText)).startsWith("Loss:");
        assertThat(fx(() -> caption.getFont().getSize())).as("caption size at 100%%").isGreaterThanOrEqualTo(20);
        // The view gets the window: everything but the caption (the tab headers folded too).
        double viewHeight = fx(() -> window.network().getHeight());
        double captionHeight = fx(caption::getHeight);
        double windowHeight = fx(() -> window.getScene().getHeight());
        assertThat(viewHeight).isGreaterThan(deskHeight + 150).isGreaterThanOrEqualTo(windowHeight - captionHeight - 4);
        Bounds view = fx(() -> window.network().localToScene(window.network().getLayoutBounds()));
        assertThat(view.getMinY()).as("the view starts at the top edge").isLessThan(2);
        // No text field holds the keys: Right steps.
        int step = fx(state.step::get);
        robot.type(KeyCode.RIGHT);
        await("Right in presenter mode", 10, () -> state.step.get() == step + 1);

        robot.type(KeyCode.ESCAPE);
        await("Esc to leave presenter mode", 10, () -> !window.presenter());
        assertThat(fx(() -> isShown(robot.lookup("#menu-bar").query()))).isTrue();
        assertThat(fx(() -> isShown(caption))).isFalse();
        // In place, not where presenter mode's hidden side left it (above the window).
        robot.interact(() -> { window.applyCss(); window.layout(); });
        Bounds menus = fx(() -> robot.lookup("#menu-bar").query().localToScene(robot.lookup("#menu-bar").query().getBoundsInLocal()));
        assertThat(menus.getMinY()).as("the menu bar's top after Esc").isGreaterThanOrEqualTo(0);
    }

    @Test
    void exportLaysTheViewOutAtTheChosenSize(FxRobot robot, @TempDir Path dir) throws Exception {
        awaitPass();
        robot.interact(() -> window.showLesson(Lesson.FORWARD));
        WaitForAsyncUtils.waitForFxEvents();
        Path file = dir.resolve("network.png");
        double widthBefore = fx(() -> window.front().getWidth());
        fx(() -> { Exports.png(window.front(), 1920, 1080, file); return null; });
        BufferedImage png = ImageIO.read(file.toFile());
        assertThat(png.getWidth()).isEqualTo(1920);
        assertThat(png.getHeight()).isEqualTo(1080);
        assertThat(distinctColours(png, 0, 0, 1920, 1080)).as("a real picture").isGreaterThan(200);
        // The view fills the image: its right and bottom halves are drawn, not the empty page
        // the old export left around a view sitting unscaled in the top-left corner.
        assertThat(distinctColours(png, 1280, 0, 1920, 1080)).as("right third").isGreaterThan(20);
        assertThat(distinctColours(png, 0, 720, 1920, 1080)).as("bottom third").isGreaterThan(20);
        assertThat(fx(() -> window.front().getScene())).as("the view is back in the window").isSameAs(fx(window::getScene));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> window.front().getWidth())).isEqualTo(widthBefore);
    }

    private static int distinctColours(BufferedImage img, int x0, int y0, int x1, int y1) {
        Set<Integer> colours = new HashSet<>();
        for (int y = y0; y < y1; y += 2) for (int x = x0; x < x1; x += 2) colours.add(img.getRGB(x, y));
        return colours.size();
    }

    @Test
    void aFieldsMarkClearsTheMomentItsValueIsValidAgain(FxRobot robot) {
        awaitPass();
        TextField seed = robot.lookup("#seed-field").queryAs(TextField.class);
        ControlsBar bar = robot.lookup(".controls-bar").queryAs(ControlsBar.class);
        robot.doubleClickOn(seed).write("42x");
        assertThat(fx(() -> seed.getStyleClass())).as("marked while typing").contains("field-invalid");
        robot.type(KeyCode.ENTER);
        await("the refusal", 10, () -> !bar.message().isEmpty());
        assertThat(fx(bar::message)).contains("seed: '42x' is not a whole number");
        // Corrected to 42 (the current seed): mark and message go at once, before any Enter.
        robot.clickOn(seed).type(KeyCode.END).type(KeyCode.BACK_SPACE);
        await("the mark to clear", 10, () -> !seed.getStyleClass().contains("field-invalid"));
        assertThat(fx(bar::message)).isEmpty();
        assertThat(fx(() -> seed.getStyleClass())).doesNotContain("field-error");
        robot.type(KeyCode.ENTER);
        assertThat(fx(bar::message)).isEmpty();
    }

    @Test
    void theBackwardSceneOpensAtTheFirstBackwardStepAndTheCaptionFollowsThePhase(FxRobot robot) {
        awaitPass();
        robot.interact(() -> window.showLesson(Lesson.BACKWARD));
        int first = fx(() -> Lesson.firstBackward(state.pass.get()));
        assertThat(fx(() -> state.pass.get().trace().steps().get(first).phase()))
                .isEqualTo(io.backproplens.engine.TraceStep.Phase.BACKWARD);
        assertThat(fx(() -> state.pass.get().trace().steps().get(first - 1).phase()))
                .isEqualTo(io.backproplens.engine.TraceStep.Phase.FORWARD);
        assertThat(fx(state.step::get)).isEqualTo(first);
        assertThat(fx(window::caption)).startsWith("Backward:");
        robot.type(KeyCode.LEFT);
        await("the caption of the loss", 10, () -> window.caption().startsWith("Loss:"));
        robot.type(KeyCode.HOME);
        await("the caption of the forward pass", 10, () -> window.caption().startsWith("Forward:"));
        robot.interact(() -> window.selectTab("matmul"));
        assertThat(fx(window::caption)).as("another view: no network caption").isEqualTo(MainWindow.INTRO);
    }

    @Test
    void predictThenRevealShowsItsCheckMark() {
        awaitPass();
        CheckMenuItem item = fx(() -> menuItem("menu-predict"));
        assertThat(fx(item::isSelected)).isFalse();
        fx(() -> { state.predict.set(true); return null; });
        assertThat(fx(item::isSelected)).isTrue();
        CheckMenuItem presenter = fx(() -> menuItem("menu-presenter"));
        fx(() -> { window.setPresenter(true); return null; });
        assertThat(fx(presenter::isSelected)).isTrue();
        fx(() -> { window.setPresenter(false); return null; });
        assertThat(fx(presenter::isSelected)).isFalse();
    }

    private CheckMenuItem menuItem(String id) {
        MenuBar bar = (MenuBar) window.lookup("#menu-bar");
        for (Menu m : bar.getMenus()) {
            for (var i : m.getItems()) if (id.equals(i.getId())) return (CheckMenuItem) i;
        }
        throw new AssertionError("no menu item " + id);
    }

    @Test
    void theDarkThemesShellTextMeetsWcagAaAgainstItsRealBackground(FxRobot robot) {
        awaitPass();
        robot.interact(() -> {
            state.presentation.theme.set(Presentation.Theme.DARK);
            window.showLesson(Lesson.FORWARD);
        });
        // A refused value, so the message and the marked field are on screen too.
        TextField nh = robot.lookup("#nh-field").queryAs(TextField.class);
        robot.doubleClickOn(nh).write("0").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        List<String> problems = new ArrayList<>();
        fx(() -> {
            window.applyCss();
            window.layout();
            Scene scene = window.getScene();
            for (String id : List.of("#menu-bar", ".lesson-bar", ".controls-bar", "#status-bar")) {
                problems.addAll(ContrastAudit.of(window.lookup(id), scene, ContrastAudit.AA).stream().map(Object::toString).toList());
            }
            window.toggleHelp();
            window.applyCss();
            window.layout();
            problems.addAll(ContrastAudit.of(window.lookup("#help-overlay"), scene, ContrastAudit.AA).stream().map(Object::toString).toList());
            window.toggleHelp();
            return null;
        });
        // The menus' popups are windows of their own.
        MenuBar bar = robot.lookup("#menu-bar").queryAs(MenuBar.class);
        for (int i = 0; i < 3; i++) {
            int m = i;
            robot.interact(() -> bar.getMenus().get(m).show());
            WaitForAsyncUtils.waitForFxEvents();
            fx(() -> {
                for (Window w : Window.getWindows()) {
                    if (w != stage && w.isShowing() && w.getScene() != null) {
                        w.getScene().getRoot().applyCss();
                        problems.addAll(ContrastAudit.of(w.getScene(), ContrastAudit.AA).stream().map(p -> "menu: " + p).toList());
                    }
                }
                bar.getMenus().get(m).hide();
                return null;
            });
        }
        robot.interact(() -> state.presentation.presenter.set(true));
        fx(() -> {
            window.applyCss();
            window.layout();
            problems.addAll(ContrastAudit.of(window.lookup("#presenter-caption"), window.getScene(), ContrastAudit.AA).stream().map(Object::toString).toList());
            return null;
        });
        assertThat(problems).isEmpty();
    }

    private static boolean isShown(Node n) {
        if (n.getScene() == null) return false;
        for (Node p = n; p != null; p = p.getParent()) if (!p.isVisible()) return false;
        return true;
    }
}
