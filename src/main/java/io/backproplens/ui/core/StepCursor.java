package io.backproplens.ui.core;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;

/**
 * Where a stepper stands: {@code position} runs from -1 (before the first step) to
 * {@code count - 1}. {@code blocked} (a bad cell, mismatched shapes, data still loading) stops
 * every move. The view listens to {@code position} and draws; the {@link PlayBar} calls the moves.
 * Every stepping view has one: the network's is bound to the shared step, the matmul panes' are their own.
 */
public final class StepCursor {
    public final IntegerProperty position = new SimpleIntegerProperty(-1);
    public final IntegerProperty count = new SimpleIntegerProperty(0);
    public final BooleanProperty blocked = new SimpleBooleanProperty(false);

    public StepCursor() {
        count.addListener((o, was, now) -> {
            if (position.get() > now.intValue() - 1) position.set(now.intValue() - 1);
        });
    }

    public boolean canNext() { return !blocked.get() && position.get() < count.get() - 1; }

    public boolean canPrevious() { return !blocked.get() && position.get() > -1; }

    public boolean next() {
        if (!canNext()) return false;
        position.set(position.get() + 1);
        return true;
    }

    public boolean previous() {
        if (!canPrevious()) return false;
        position.set(position.get() - 1);
        return true;
    }

    public void reset() { if (!blocked.get()) position.set(-1); }

    public void end() { if (!blocked.get()) position.set(count.get() - 1); }

    public boolean atEnd() { return position.get() >= count.get() - 1; }

    /** A new thing to step through: back to the start. */
    public void restart(int newCount) {
        count.set(newCount);
        position.set(-1);
    }
}
