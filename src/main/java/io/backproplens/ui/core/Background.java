package io.backproplens.ui.core;

import javafx.application.Platform;
import javafx.concurrent.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * Runs slow work (ND4J start, data load, full-batch passes) off the FX thread, one job at a time
 * in order, and hands results back on the FX thread. Failures become a readable dialog, never a
 * stack trace on screen; the state the views show stays as it was.
 */
public final class Background {
    private static final Logger LOG = LoggerFactory.getLogger(Background.class);

    private final AppState state;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "lens-background");
        t.setDaemon(true);
        return t;
    });
    private int running;
    /** Resident bytes at the last "Idle" log line: a line is written when it has moved by 64 MB. */
    private long loggedResident;
    private String lastTitle = "";

    public Background(AppState state) { this.state = state; }

    /**
     * Runs {@code work} in the background, shows {@code title} with an indeterminate progress while
     * it runs, then calls {@code onDone} on the FX thread with its result.
     */
    public <T> Task<T> submit(String title, Callable<T> work, Consumer<T> onDone) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception { return work.call(); }
        };
        begin(title);
        task.setOnSucceeded(e -> {
            end();
            onDone.accept(task.getValue());
        });
        task.setOnFailed(e -> {
            end();
            LOG.error("{} failed", title, task.getException());
            ErrorDialogs.show(title + " failed", task.getException());
        });
        executor.submit(task);
        return task;
    }

    private void begin(String title) {
        running++;
        lastTitle = title;
        state.busy.set(true);
        state.status.set(title + "\u2026");
        state.progress.set(-1);
    }

    private void end() {
        running--;
        if (running == 0) {
            state.busy.set(false);
            state.status.set("Ready");
            state.progress.set(0);
            // The work's arrays that were closed went back to the C heap, which keeps them resident
            // (the periodic trim runs only after a GC): give them back to the system now, behind
            // any new work, so no result waits for it, then log what stays.
            executor.execute(() -> {
                io.backproplens.engine.NativeMemory.trim();
                Platform.runLater(this::logResident);
            });
        }
    }

    /**
     * Resident memory whenever the background falls idle after work that moved it (a view's first
     * build, a new pass): anyone can read in the log what each step holds (docs/performance.md).
     */
    private void logResident() {
        long rss = io.backproplens.bench.ProcessVitals.residentBytes();
        if (rss < 0 || Math.abs(rss - loggedResident) < (64L << 20)) return;
        loggedResident = rss;
        LOG.info("Idle after {}: {}", lastTitle, io.backproplens.bench.ProcessVitals.summary());
    }

    /** Runs on the FX thread now if already there, else later: for callbacks from other threads. */
    public static void onFx(Runnable r) {
        if (Platform.isFxApplicationThread()) r.run();
        else Platform.runLater(r);
    }
}
