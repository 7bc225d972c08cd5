package io.backproplens.launch;

import io.backproplens.cli.Cli;
import io.backproplens.ui.shell.LensApp;

import java.util.logging.Logger;

/**
 * Starts the desktop app or the command line, once {@code Main} has checked the Java version and
 * the display. What JavaFX itself finds missing when it starts (GTK 3, a display that does not
 * answer) becomes one line and exit status 2, not a stack trace.
 */
public final class Launch {
    /** Held so the filter below is not collected with a weakly referenced logger. */
    private static final Logger JAVAFX_LOG = Logger.getLogger("javafx");

    private Launch() {}

    public static void main(String[] args) {
        if (!Preflight.isDesktop(args)) {
            System.exit(Cli.run(args));
            return;
        }
        // The app runs JavaFX from the class path on purpose (one plain jar and lib/); JavaFX warns
        // about that at every start. Only that record is dropped: the filter sits on the parent
        // "javafx" logger itself, so CSS and layout warnings (its children) still show.
        JAVAFX_LOG.setFilter(r -> r.getMessage() == null || !r.getMessage().startsWith("Unsupported JavaFX configuration"));
        try {
            LensApp.open(args);
        } catch (UnsupportedOperationException e) {
            String line = DesktopFailure.describe(e.getMessage(), System.getenv("DISPLAY"));
            if (line == null) throw e;
            System.err.println(line);
            System.exit(Preflight.EXIT_ENVIRONMENT);
        }
    }
}
