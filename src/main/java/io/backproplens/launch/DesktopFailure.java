package io.backproplens.launch;

/**
 * Turns the messages JavaFX's GTK glass throws at start-up into a line a teacher can act on.
 * The messages are GtkApplication's own (OpenJFX 21); anything else is left to the caller.
 */
final class DesktopFailure {
    private DesktopFailure() {}

    static String describe(String javafxMessage, String display) {
        if (javafxMessage == null) return null;
        if (javafxMessage.startsWith("Unable to load glass GTK library")) {
            return "Backprop Lens: the desktop needs the GTK 3 library, which is not installed (on Debian and Ubuntu:"
                    + " sudo apt-get install libgtk-3-0); 'java -jar backprop-lens.jar snapshot --out DIR' renders"
                    + " the scenes without it.";
        }
        if (javafxMessage.startsWith("Unable to open DISPLAY")) {
            return "Backprop Lens: cannot open the display " + (display == null ? "" : "'" + display + "' ")
                    + "(is the X server running, and may this user use it?); 'java -jar backprop-lens.jar snapshot"
                    + " --out DIR' renders the scenes headless.";
        }
        return null;
    }
}
