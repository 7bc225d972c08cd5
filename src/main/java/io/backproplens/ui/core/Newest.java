package io.backproplens.ui.core;

import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Newest request wins: each {@link #begin} makes every earlier {@link Ticket} stale, so a slow
 * result that a newer click has superseded is neither computed to the end nor shown. One of these
 * per kind of background work (the pass, the histograms, the comparison, the depth sweep, the
 * inspector).
 */
public final class Newest {
    private final AtomicLong latest = new AtomicLong();

    /** A request: current until the next {@link #begin} or {@link #cancel}. Safe on any thread. */
    public final class Ticket {
        private final long id;

        private Ticket(long id) { this.id = id; }

        public boolean current() { return latest.get() == id; }

        public boolean stale() { return !current(); }

        /** Runs {@code action} only while this request is still the newest (e.g. a partial result). */
        public void ifCurrent(Runnable action) { if (current()) action.run(); }
    }

    /** Work that may look at its ticket to stop early. */
    @FunctionalInterface
    public interface Work<T> {
        T call(Ticket ticket) throws Exception;
    }

    /** A new request; all earlier ones are stale from now on. */
    public Ticket begin() { return new Ticket(latest.incrementAndGet()); }

    /** Makes every request so far stale (nothing left to show). */
    public void cancel() { latest.incrementAndGet(); }

    /**
     * Runs {@code work} in the app's background unless a newer request came first, and hands a
     * non-null result to {@code onDone} on the FX thread only if this is still the newest request.
     */
    public <T> Ticket submit(Background background, String title, Work<T> work, Consumer<T> onDone) {
        Ticket ticket = begin();
        Callable<T> call = () -> ticket.current() ? work.call(ticket) : null;
        background.submit(title, call, result -> {
            if (result != null && ticket.current()) onDone.accept(result);
        });
        return ticket;
    }
}
