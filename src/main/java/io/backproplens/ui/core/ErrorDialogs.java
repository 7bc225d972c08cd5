package io.backproplens.ui.core;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;

import java.io.IOException;

/**
 * Errors as a teacher should see them: one plain sentence of what went wrong and what to do, no
 * stack trace (that goes to the log). Tests can turn the dialogs off and read the last message.
 */
public final class ErrorDialogs {
    private static volatile boolean showDialogs = true;
    private static volatile String lastMessage;

    private ErrorDialogs() {}

    public static void show(String title, Throwable error) {
        String message = describe(error);
        lastMessage = title + ": " + message;
        Background.onFx(() -> {
            if (!showDialogs) return;
            Alert alert = new Alert(Alert.AlertType.ERROR, message, ButtonType.OK);
            alert.setTitle("Backprop Lens");
            alert.setHeaderText(title);
            alert.show();
        });
    }

    /** The message a person can act on, without exception class names. */
    public static String describe(Throwable error) {
        // The innermost cause says what actually went wrong; wrappers only say where.
        Throwable t = error;
        while (t.getCause() != null && t.getCause() != t && t.getCause().getMessage() != null) t = t.getCause();
        if (t instanceof UnsatisfiedLinkError || t instanceof NoClassDefFoundError || t instanceof ExceptionInInitializerError) {
            return "ND4J's native library could not be loaded (" + t.getMessage() + "). Build with Maven on this "
                    + "machine so the natives for its platform are downloaded (see README: Install).";
        }
        if (t instanceof OutOfMemoryError) {
            return "Out of memory. Start with more heap (java -Xmx4g ...) or choose a smaller batch.";
        }
        // The app's own IOExceptions are written for people (file, what is wrong, what to do):
        // the outermost one says the most.
        for (Throwable c = error; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof IOException && c.getMessage() != null) return c.getMessage();
        }
        String m = t.getMessage();
        return m == null || m.isBlank() ? "Unexpected error (" + t.getClass().getSimpleName() + "); see the log." : m;
    }

    /** For tests: stop showing modal dialogs, keep recording the message. */
    public static void setShowDialogs(boolean show) { showDialogs = show; }

    public static String lastMessage() { return lastMessage; }
}
