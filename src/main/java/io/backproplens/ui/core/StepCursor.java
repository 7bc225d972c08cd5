package io.backproplens.ui.matmul;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;

/**
 * Where a stepper stands: {@code position} runs from -1 (before the first step) to
 * {@code count - 1}. {@code blocked} (a bad cell, mismatched shapes, data still loading) stops
 * every move. The view listens to {@code position} and draws; the play bar calls the moves.
 */
final class StepCursor {
    final IntegerProperty position = new SimpleIntegerProperty(-1);
    final IntegerProperty count = new SimpleIntegerProperty(0);
    final BooleanProperty blocked = new SimpleBooleanProperty(false);

    StepCursor() {
        count.addListener((o, was, now) -> {
            if (position.get() > now.intValue() - 1) position.set(now.intValue() - 1);
        });
    }

    boolean canNext() { return !blocked.get() && position.get() < count.get() - 1; }

    boolean canPrevious() { return !blocked.get() && position.get() > -1; }

    boolean next() {
        if (!canNext()) return false;
        position.set(position.get() + 1);
        return true;
    }

    boolean previous() {
        if (!canPrevious()) return false;
        position.set(position.get() - 1);
        return true;
    }

    void reset() { if (!blocked.get()) position.set(-1); }

    void end() { if (!blocked.get()) position.set(count.get() - 1); }

    boolean atEnd() { return position.get() >= count.get() - 1; }

    /** A new thing to step through: back to the start. */
    void restart(int newCount) {
        count.set(newCount);
        position.set(-1);
    }
}
