package io.backproplens.ui.shell;

import io.backproplens.ui.core.AppState;
import io.backproplens.ui.core.Background;
import io.backproplens.ui.core.Controller;
import io.backproplens.ui.core.ErrorDialogs;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The desktop app. The window shows at once; ND4J and MNIST load in the background and the views
 * fill in when they are ready. An argument ending in {@code .json} is a scene file to open.
 */
public class LensApp extends Application {
    private static final Logger LOG = LoggerFactory.getLogger(LensApp.class);

    /**
     * Before {@link #start} and after JavaFX itself started (so a missing GTK is still reported
     * alone, in one line): the bundled MNIST and ND4J load in the background while the window is
     * built, instead of after it is shown.
     */
    @Override
    public void init() { io.backproplens.session.Datasets.preloadBundled(); }

    @Override
    public void start(Stage stage) {
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> {
            LOG.error("Uncaught exception on {}", t.getName(), e);
            ErrorDialogs.show("Something went wrong", e);
        });
        AppState state = new AppState();
        UserPrefs prefs = UserPrefs.forUser();
        state.settings.set(prefs.loadSettings());
        prefs.loadPresentation(state.presentation);
        state.settings.addListener((o, was, now) -> prefs.saveSettings(now));
        state.presentation.scale.addListener(o -> prefs.savePresentation(state.presentation));
        state.presentation.theme.addListener(o -> prefs.savePresentation(state.presentation));
        state.presentation.motion.addListener(o -> prefs.savePresentation(state.presentation));

        Controller controller = new Controller(state, new Background(state));
        MainWindow window = new MainWindow(controller);
        state.presentation.applyTo(window);
        Scene scene = new Scene(window, 1280, 720);
        scene.getStylesheets().add(stylesheet());
        stage.setTitle("Backprop Lens");
        stage.setScene(scene);
        stage.show();
        // The window should be up within 2 s of JVM start; logged so anyone can check it on their machine.
        LOG.info("Window shown {}", io.backproplens.bench.ProcessVitals.summary());
        FxStallMeter.installIfRequested(state);
        controller.start();
        if (prefs.problem() != null) {
            LOG.warn(prefs.problem());
            // A notice, not a dialog: the app works, it only forgets the settings when it closes.
            Platform.runLater(() -> Notifications.create().owner(stage).title("Settings not remembered")
                    .text(prefs.problem()).hideAfter(Duration.seconds(12)).showWarning());
        }

        List<String> args = getParameters().getRaw();
        if (args.size() == 1 && args.get(0).endsWith(".json")) window.openScene(Path.of(args.get(0)));
    }

    /** Opens the window (blocks until it closes); {@code args} may name one scene file. */
    public static void open(String[] args) { Application.launch(LensApp.class, args); }

    /** The app's own CSS, on top of the AtlantaFX theme. */
    public static String stylesheet() {
        return Objects.requireNonNull(LensApp.class.getResource("/css/lens.css")).toExternalForm();
    }
}
