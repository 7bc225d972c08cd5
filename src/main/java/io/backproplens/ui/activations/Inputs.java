package io.backproplens.ui.activations;

import javafx.scene.control.Spinner;

/** Small fixes to standard inputs. */
final class Inputs {
    private Inputs() {}

    /**
     * An editable spinner takes what was typed when focus leaves it (not only on Enter); text that is
     * not a number goes back to the current value.
     */
    static <T> void commitOnFocusLost(Spinner<T> s) {
        s.focusedProperty().addListener((o, was, now) -> {
            if (now || !s.isEditable()) return;
            commit(s);
        });
    }

    static <T> void commit(Spinner<T> s) {
        String text = s.getEditor().getText();
        try {
            T v = s.getValueFactory().getConverter().fromString(text);
            if (v != null) s.getValueFactory().setValue(v);
        } catch (RuntimeException e) {
            // Not a number: show the value the spinner keeps.
        }
        s.getEditor().setText(s.getValueFactory().getConverter().toString(s.getValue()));
    }
}
