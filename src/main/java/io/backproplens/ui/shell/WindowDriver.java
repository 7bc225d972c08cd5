package io.backproplens.ui.shell;

import io.backproplens.ui.core.AppState;
import io.backproplens.ui.core.ErrorDialogs;
import io.backproplens.ui.core.InFlight;
import io.backproplens.ui.audit.LayoutFingerprint;
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

    /** How many rounds {@link #settle} waits for the layout to come to rest before it gives up. */
    static final int MAX_SETTLE_ROUNDS = 200;

    /**
     * Waits until the app is idle: no background job ({@link AppState#busy}), no worker's result
     * still to land ({@link InFlight}), and then the layout of every open window unchanged across
     * two frames ({@link LayoutFingerprint}): a chart drawn on the pulse after its data, a bar
     * re-fitted in a {@code runLater}, a pane re-laid out once its size is known. Waits on frames,
     * never on the clock. A view that never comes to rest (something animates) is given up on after
     * {@link #MAX_SETTLE_ROUNDS} rounds, with a warning.
     *
     * @return whether it came to rest
     */
    boolean settle() throws Exception {
        Long before = null;
        for (int round = 0; round < MAX_SETTLE_ROUNDS; round++) {
            pulses(1);  // a view starts its background work on the next pulse
            waitUntil(this::idle, "background work");
            pulses(1);  // charts and pictures are drawn on the pulses after their data arrives
            Long now = onFx(() -> {
                if (!idle()) return null;
                window.applyCss();
                window.layout();
                return fingerprint();
            });
            if (now != null && now.equals(before)) return true;
            before = now;
        }
        org.slf4j.LoggerFactory.getLogger(WindowDriver.class).warn("the layout did not come to rest in {} rounds", MAX_SETTLE_ROUNDS);
        return false;
    }

    /** No background job and no worker's result still to land. On the FX thread. */
    private boolean idle() { return InFlight.count() == 0 && !state.busy.get(); }

    /** The layout of every window of the app that is showing (the main window, an open PopOver). */
    private static long fingerprint() {
        long h = 0;
        for (javafx.stage.Window w : javafx.stage.Window.getWindows()) {
            if (w.isShowing() && w.getScene() != null) h = h * 31 + LayoutFingerprint.of(w.getScene());
        }
        return h;
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
