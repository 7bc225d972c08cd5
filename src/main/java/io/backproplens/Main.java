package io.backproplens;

import io.backproplens.cli.Cli;
import io.backproplens.ui.shell.LensApp;

/**
 * The jar's entry point. No arguments (or one scene file, {@code *.json}) opens the desktop app;
 * anything else is the command line. Deliberately not an {@code Application} subclass: JavaFX on
 * the class path refuses to start a main class that extends it ("runtime components are missing"),
 * and JavaFX stays inside the ui packages.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        if (args.length == 0 || (args.length == 1 && args[0].endsWith(".json"))) {
            LensApp.open(args);
            return;
        }
        System.exit(Cli.run(args));
    }
}
