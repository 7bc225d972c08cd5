package io.backproplens.ui;

import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Objects;

/**
 * The desktop app. The window shows at once; ND4J and MNIST load in the background and the views
 * fill in when they are ready.
 */
public class LensApp extends Application {
    private static final Logger LOG = LoggerFactory.getLogger(LensApp.class);

    @Override
    public void start(Stage stage) {
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> {
            LOG.error("Uncaught exception on {}", t.getName(), e);
            ErrorDialogs.show("Something went wrong", e);
        });
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        AppState state = new AppState();
        Controller controller = new Controller(state, new Background(state));
        Scene scene = new Scene(new MainWindow(controller), 1280, 720);
        scene.getStylesheets().add(Objects.requireNonNull(LensApp.class.getResource("/css/lens.css")).toExternalForm());
        stage.setTitle("Backprop Lens");
        stage.setScene(scene);
        stage.show();
        FxStallMeter.installIfRequested(state);
        controller.start();
    }
}
