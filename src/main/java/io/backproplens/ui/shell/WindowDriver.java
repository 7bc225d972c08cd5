package io.backproplens.ui.shell;

import io.backproplens.ui.core.AppState;
import io.backproplens.ui.core.ErrorDialogs;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;

import java.io.IOException;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Drives a window from another thread, as a script would: runs work on the FX thread and waits
 * for it, lets background work and layout settle (on frames and the busy flag, not the clock),
 * and takes pictures. The headless app of {@code snapshot} and {@code record} and the desk's
 * File > Export animation both use it, so both see the same frames.
 */
final class WindowDriver {
    static final long TIMEOUT_SECONDS = 300;

    final MainWindow window;
    final AppState state;

    WindowDriver(MainWindow window) {
        this.window = window;
        this.state = window.state();
    }

    WritableImage snapshot() throws Exception {
        return onFx(() -> window.getScene().snapshot(new WritableImage(
                (int) window.getScene().getWidth(), (int) window.getScene().getHeight())));
    }

    /**
     * Lets background work finish, then a few frames pass for layout and charts: waits on pulses
     * (frames) and the busy flag, not on the clock, until a view stays idle across two frames.
     */
    void settle() throws Exception {
        do {
            pulses(2);  // a view starts its background work on the next pulse
            waitUntil(() -> !state.busy.get(), "background work");
            pulses(3);  // charts and pictures are drawn on the pulses after their data arrives
        } while (onFx(state.busy::get));
        onFx(() -> { window.applyCss(); window.layout(); return null; });
    }

    /** Waits until {@code n} frames have been laid out. */
    void pulses(int n) throws Exception {
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(n);
        Scene scene = onFx(window::getScene);
        Runnable listener = () -> {
            done.countDown();
            if (done.getCount() > 0) Platform.requestNextPulse();
        };
        onFx(() -> {
            scene.addPostLayoutPulseListener(listener);
            Platform.requestNextPulse();
            return null;
        });
        try {
            if (!done.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)) throw new IOException("timed out waiting for " + n + " frames");
        } finally {
            onFx(() -> { scene.removePostLayoutPulseListener(listener); return null; });
        }
    }

    /** Whatever went wrong in the app while it ran, as the user would have seen it. */
    void failIfErrorShown(String during) throws IOException {
        if (ErrorDialogs.lastMessage() != null) throw new IOException("while " + during + ": " + ErrorDialogs.lastMessage());
    }

    void waitUntil(Callable<Boolean> condition, String what) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (!onFx(condition)) {
            if (System.nanoTime() > end) throw new IOException("timed out waiting for " + what);
            failIfErrorShown("waiting for " + what);
            Thread.sleep(100);
        }
    }

    /** Runs {@code work} on the FX thread and waits for its result (never call it on the FX thread). */
    static <T> T onFx(Callable<T> work) throws Exception {
        if (Platform.isFxApplicationThread()) throw new IllegalStateException("a window is driven from another thread");
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(work.call());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        return f.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }
}
