package io.backproplens.ui.shell;

import io.backproplens.ui.core.AppState;
import io.backproplens.ui.core.Background;
import io.backproplens.ui.core.Controller;
import io.backproplens.ui.core.ErrorDialogs;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.util.function.Consumer;

import static io.backproplens.ui.FxWait.await;
import static io.backproplens.ui.FxWait.fx;

/**
 * The real app in a TestFX stage, started as {@link LensApp} starts it: the main window with the
 * app's stylesheet and the UI scale and theme applied, error dialogs turned into messages a test
 * can read, and (unless the test is about the window alone) the controller started, which loads
 * MNIST and runs the first pass in the background. Call from a test's {@code @Start} method.
 */
final class LensAppFixture {
    final AppState state;
    final Controller controller;
    final MainWindow window;
    final Stage stage;

    private LensAppFixture(AppState state, Controller controller, MainWindow window, Stage stage) {
        this.state = state;
        this.controller = controller;
        this.window = window;
        this.stage = stage;
    }

    /** The app at {@code width x height}, the controller started. */
    static LensAppFixture start(Stage stage, int width, int height) {
        return start(stage, width, height, s -> {}, true);
    }

    /**
     * The app at {@code width x height}; {@code before} may change the state (settings, scale)
     * before the window is built; {@code run} starts the controller (the data and the first pass).
     */
    static LensAppFixture start(Stage stage, int width, int height, Consumer<AppState> before, boolean run) {
        ErrorDialogs.setShowDialogs(false);
        AppState state = new AppState();
        before.accept(state);
        Controller controller = new Controller(state, new Background(state));
        MainWindow window = new MainWindow(controller);
        state.presentation.applyTo(window);
        Scene scene = new Scene(window, width, height);
        scene.getStylesheets().add(LensApp.stylesheet());
        stage.setScene(scene);
        // The test classes share one stage: a size set by an earlier one would outlive its scene.
        stage.setWidth(width);
        stage.setHeight(height);
        stage.show();
        // Since JavaFX 20 a headless stage does not take focus when shown; tests type keys.
        stage.requestFocus();
        if (run) controller.start();
        return new LensAppFixture(state, controller, window, stage);
    }

    /** Waits until a pass is shown and no background work runs, then gives the window the keys. */
    void awaitPass(long seconds) {
        await("the first pass", seconds, () -> state.pass.get() != null && !state.busy.get());
        fx(() -> { stage.requestFocus(); return null; });
    }
}
