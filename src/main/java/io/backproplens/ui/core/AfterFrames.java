package io.backproplens.ui.core;

import javafx.animation.AnimationTimer;

/**
 * Runs a task on the FX thread once the frames already asked for are drawn. A settings change (an
 * init toggle, say) first redraws the views from what they hold; the full pass it starts in the
 * background would otherwise take both cores for its BLAS threads during exactly that frame
 * (issue 13: the toggle's p99). Requests made while one waits are one run.
 */
final class AfterFrames {
    /** Pulses to wait: the one that lays out and draws the change, and one after it on screen. */
    private static final int FRAMES = 2;
    private final Runnable task;
    private int seen;
    private boolean waiting;
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            if (++seen < FRAMES) return;
            stop();
            waiting = false;
            task.run();
        }
    };

    AfterFrames(Runnable task) { this.task = task; }

    /** Asks for the task after the next frames; on the FX thread. */
    void request() {
        if (waiting) return;
        waiting = true;
        seen = 0;
        timer.start();
    }
}
