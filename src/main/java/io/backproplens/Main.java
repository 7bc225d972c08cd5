package io.backproplens;

import io.backproplens.ui.LensApp;
import javafx.application.Application;

/** Launcher that does not extend Application, so JavaFX on the class path starts. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        Application.launch(LensApp.class, args);
    }
}
