package io.backproplens.ui.train;

import io.backproplens.engine.Init;
import io.backproplens.train.Trainer;

/** One trainer the view shows, with what its batches did inside the network. */
record Run(Init init, Trainer trainer, Activity activity) {
    static Run of(Trainer t) {
        Activity a = new Activity(t.config().depth(), t.config().reluShift());
        t.addListener(a);
        return new Run(t.config().init(), t, a);
    }
}
