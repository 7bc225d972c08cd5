package io.backproplens;

import io.backproplens.cli.Cli;
import javafx.application.Application;

/**
 * The jar's entry point. No arguments (or one scene file, {@code *.json}) opens the desktop app;
 * anything else is the command line. Deliberately not an {@code Application} subclass: JavaFX on
 * the class path refuses to start a main class that extends it ("runtime components are missing").
 */
public final class Main {
    private static final String APP_CLASS = "io.backproplens.ui.LensApp";

    private Main() {}

    public static void main(String[] args) {
        if (args.length == 0 || (args.length == 1 && args[0].endsWith(".json"))) {
            launchApp(args);
            return;
        }
        System.exit(Cli.run(args));
    }

    /** Looked up by name, so the command line builds and runs without the UI package. */
    private static void launchApp(String[] args) {
        Class<? extends Application> app;
        try {
            app = Class.forName(APP_CLASS).asSubclass(Application.class);
        } catch (ClassNotFoundException | ClassCastException e) {
            System.err.println("backprop-lens: the desktop app (" + APP_CLASS + ") is not in this build; "
                    + "run 'java -jar backprop-lens.jar --help' for the command line");
            System.exit(1);
            return;
        }
        Application.launch(app, args);
    }
}
