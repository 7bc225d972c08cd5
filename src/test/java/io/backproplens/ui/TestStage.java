package io.backproplens.ui;

import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.util.Objects;

/**
 * A view alone in a test's window, styled as the app styles it (the light theme and the app's
 * stylesheet), so what a test measures is what the app lays out.
 */
public final class TestStage {
    private TestStage() {}

    /** Shows {@code root} in {@code stage} at {@code width} x {@code height}; returns the scene. */
    public static Scene show(Stage stage, Parent root, double width, double height) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        Scene scene = new Scene(root, width, height);
        scene.getStylesheets().add(Objects.requireNonNull(TestStage.class.getResource("/css/lens.css")).toExternalForm());
        stage.setScene(scene);
        stage.sizeToScene();
        stage.show();
        return scene;
    }
}
