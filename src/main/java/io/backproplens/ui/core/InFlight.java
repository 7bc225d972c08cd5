package io.backproplens.ui.core;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Work a view started on a thread of its own (not through {@link Background}, whose jobs the busy
 * flag counts) whose result has not yet landed on the FX thread: the inspector's statistics, an
 * element's derivation. A picture or a layout audit taken while any is in flight shows the view
 * half drawn ("computing..." where the heatmap will be), so {@code snapshot} waits for none.
 * Counted app-wide: the workers that report here have no app state to hand.
 */
public final class InFlight {
    private static final AtomicInteger COUNT = new AtomicInteger();

    private InFlight() {}

    /** A job was handed to a worker thread (call before handing it over). */
    public static void begin() { COUNT.incrementAndGet(); }

    /**
     * The job is over: posted to the FX thread after the job's own result, so the count drops only
     * once that result has been shown (runLater keeps order). Call once per {@link #begin}, also
     * when the job was dropped as stale or failed.
     */
    public static void end() { Background.onFx(COUNT::decrementAndGet); }

    /** Jobs begun and not yet ended. */
    public static int count() { return COUNT.get(); }
}
