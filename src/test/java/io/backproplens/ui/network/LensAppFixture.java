package io.backproplens.ui.network;

import io.backproplens.session.PassResult;
import io.backproplens.session.Settings;
import io.backproplens.ui.core.AppState;
import io.backproplens.ui.core.Background;
import io.backproplens.ui.core.Controller;
import io.backproplens.ui.core.ErrorDialogs;
import io.backproplens.ui.shell.LensApp;
import io.backproplens.ui.shell.MainWindow;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.fail;

/**
 * Starts the real app (real MNIST, real engine) in a TestFX stage and waits on its state, never
 * on sleeps: every wait polls a condition read on the FX thread.
 */
final class LensAppFixture {
    static final long LOAD_SECONDS = 180;

    final Stage stage;
    final MainWindow window;
    final AppState state;
    final NetworkView view;

    /** Call from a TestFX {@code @Start} method (on the FX thread). */
    LensAppFixture(Stage stage, UnaryOperator<Settings> initial) { this(stage, initial, 720); }

    /**
     * As {@link #LensAppFixture(Stage, UnaryOperator)} in a 1280 x {@code height} window: 800 keeps the
     * full chrome (the fields in the controls bar, the scene buttons), 720 folds it.
     */
    LensAppFixture(Stage stage, UnaryOperator<Settings> initial, int height) {
        ErrorDialogs.setShowDialogs(false);
        // As LensApp builds it, without the user's saved preferences: every test starts from the
        // notebook's defaults (Kaiming, seed 42, nh 50, shift 0, all 50,000 rows).
        state = new AppState();
        if (initial != null) state.settings.set(initial.apply(state.settings.get()));
        Controller controller = new Controller(state, new Background(state));
        window = new MainWindow(controller);
        state.presentation.applyTo(window);
        Scene scene = new Scene(window, 1280, height);
        scene.getStylesheets().add(LensApp.stylesheet());
        stage.setTitle("Backprop Lens");
        stage.setScene(scene);
        // The test classes share one stage: a size set by an earlier one would outlive its scene.
        stage.setWidth(1280);
        stage.setHeight(height);
        stage.show();
        this.stage = stage;
        this.view = window.network();
        controller.start();
    }

    /** Runs on the FX thread and returns the result. */
    static <T> T fx(Callable<T> c) {
        try {
            return WaitForAsyncUtils.asyncFx(c).get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static void fx(Runnable r) {
        fx(() -> {
            r.run();
            return null;
        });
    }

    /** Polls {@code condition} on the FX thread until true, or fails saying what was awaited. */
    static void await(String what, long seconds, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> fx(condition));
        } catch (TimeoutException e) {
            fail("timed out after " + seconds + " s waiting for " + what
                    + " (last error: " + ErrorDialogs.lastMessage() + ")");
        }
    }

    /** Waits until a pass matching {@code p} is on screen and nothing runs in the background. */
    PassResult awaitPass(String what, Predicate<PassResult> p) {
        await(what, LOAD_SECONDS, () -> state.pass.get() != null && p.test(state.pass.get()) && !state.busy.get());
        return fx(() -> state.pass.get());
    }

    /** Waits until the inspector shows {@code label} (its statistics computed) and returns its shape text. */
    Inspection awaitInspection(String label) {
        TensorInspector in = view.inspector();
        await("the inspector to show " + label, 60, () -> {
            Inspection i = in.shownProperty().get();
            return i != null && i.label().equals(label) && i.ref() == view.pass().trace().tensorsAfter(state.step.get()).get(label)
                    && in.statText("mean").length() > 0;
        });
        return fx(() -> in.shownProperty().get());
    }
}
