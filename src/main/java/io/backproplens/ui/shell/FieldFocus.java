package io.backproplens.ui.shell;

import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.beans.value.ChangeListener;
import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;

/**
 * Who owns the keyboard when a text field has focus, so a presenter's clicker always steps:
 * <ul>
 *   <li>A field is <em>being edited</em> while it has focus and its text has changed since it
 *       gained it (typed, deleted, pasted). Only then does it keep the clicker's keys (Right, Left,
 *       Space, PageUp, PageDown) for its caret; a field merely clicked into or tabbed to lets them
 *       step the view.</li>
 *   <li>Enter ends the edit: the field applies its value and the clicker's keys step the view
 *       again at once. The field keeps focus, so a refused value stays on screen to be fixed (the
 *       views commit a field when it loses focus, and the activations view then clears its
 *       refusal); typing again edits again.</li>
 *   <li>A field gives focus back to the window on Esc and when the pointer is pressed anywhere
 *       outside it.</li>
 *   <li>In presenter mode a field takes focus only from a click on it, never by Tab or by being
 *       the first control of the window.</li>
 * </ul>
 */
final class FieldFocus {
    private final MainWindow window;
    private TextInputControl field;
    private boolean edited;
    private boolean pointerDown;

    private final InvalidationListener textChanged = o -> edited = true;
    private final ChangeListener<Node> focusChanged = (o, was, now) -> focusMoved(now);
    private final EventHandler<KeyEvent> keys = this::key;
    private final EventHandler<MouseEvent> pressed = this::pressed;
    private final EventHandler<MouseEvent> released = e -> pointerDown = false;

    FieldFocus(MainWindow window) { this.window = window; }

    void install(Scene scene) {
        scene.focusOwnerProperty().addListener(focusChanged);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, keys);
        scene.addEventFilter(MouseEvent.MOUSE_PRESSED, pressed);
        scene.addEventFilter(MouseEvent.MOUSE_RELEASED, released);
        focusMoved(scene.getFocusOwner());
    }

    void uninstall(Scene scene) {
        scene.focusOwnerProperty().removeListener(focusChanged);
        scene.removeEventFilter(KeyEvent.KEY_PRESSED, keys);
        scene.removeEventFilter(MouseEvent.MOUSE_PRESSED, pressed);
        scene.removeEventFilter(MouseEvent.MOUSE_RELEASED, released);
        focusMoved(null);
    }

    /** Whether a text field has focus and has been typed in since it gained it. */
    boolean editing() { return field != null && edited; }

    private void focusMoved(Node now) {
        if (field != null) field.textProperty().removeListener(textChanged);
        field = now instanceof TextInputControl t ? t : null;
        edited = false;
        if (field == null) return;
        field.textProperty().addListener(textChanged);
        if (window.presenter() && !pointerDown) {
            TextInputControl f = field;
            Platform.runLater(() -> giveBack(f));
        }
    }

    private void key(KeyEvent e) {
        if (field == null) return;
        if (e.getCode() == KeyCode.ENTER && field instanceof TextField) {
            // After the field's own action (which may rewrite its text): the edit is over.
            Platform.runLater(() -> edited = false);
        } else if (e.getCode() == KeyCode.ESCAPE) {
            // Later: the field first handles Esc itself (restores its value).
            TextInputControl f = field;
            Platform.runLater(() -> giveBack(f));
        }
    }

    private void pressed(MouseEvent e) {
        pointerDown = true;
        if (field == null) return;
        for (Node n = e.getPickResult().getIntersectedNode(); n != null; n = n.getParent()) {
            if (n == field) return;
        }
        // A control that takes focus on a click gets it right after; anything else leaves it with the window.
        giveBack(field);
    }

    private void giveBack(TextInputControl f) {
        if (f.isFocused()) window.requestFocus();
    }
}
