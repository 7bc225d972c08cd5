package io.backproplens.ui.shell;

import io.backproplens.ui.core.AppState;
import io.backproplens.ui.core.Background;
import io.backproplens.ui.core.Controller;
import io.backproplens.ui.core.ErrorDialogs;
import io.backproplens.ui.core.Presentation;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;

import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The real window on JavaFX's headless platform (Monocle), for {@code snapshot} and its layout
 * audit: the same views and the same background work as on a desk, only drawn into memory. One
 * per JVM: it starts the toolkit and {@link #close} stops it.
 */
final class HeadlessApp implements AutoCloseable {
    private static final long TIMEOUT_SECONDS = 300;

    final AppState state;
    final MainWindow window;
    private final Stage stage;

    private HeadlessApp(AppState state, MainWindow window, Stage stage) {
        this.state = state;
        this.window = window;
        this.stage = stage;
    }

    /** Before the toolkit starts: the headless platform with a screen of the given size, software rendering. */
    static void useHeadlessPlatform(int screenWidth, int screenHeight) {
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("headless.geometry", String.format(Locale.ROOT, "%dx%d-32", screenWidth, screenHeight));
        System.setProperty("prism.order", "sw");
        System.setProperty("prism.text", "t2k");
        System.setProperty("java.awt.headless", "true");
        System.setProperty("backproplens.prefs", "false");
    }

    /** Starts the toolkit on a screen that holds every size this run will ask for, and the app at the first. */
    static HeadlessApp start(int width, int height, int screenWidth, int screenHeight,
                             Presentation.Theme theme, double scale) throws Exception {
        checkSize(width, height);
        useHeadlessPlatform(Math.max(screenWidth, width), Math.max(screenHeight, height));
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get(60, TimeUnit.SECONDS);
        Platform.setImplicitExit(false);
        AppState state = new AppState();
        state.presentation.theme.set(theme);
        state.presentation.scale.set(scale);
        // A picture must not depend on when it was taken: no motion between steps.
        state.presentation.motion.set(false);
        Controller controller = new Controller(state, new Background(state));
        ErrorDialogs.setShowDialogs(false);
        HeadlessApp app = onFx(() -> {
            MainWindow w = new MainWindow(controller);
            state.presentation.applyTo(w);
            Scene scene = new Scene(w, width, height);
            scene.getStylesheets().add(LensApp.stylesheet());
            Stage stage = new Stage();
            stage.setScene(scene);
            stage.setWidth(width);
            stage.setHeight(height);
            stage.show();
            controller.start();
            return new HeadlessApp(state, w, stage);
        });
        app.waitUntil(() -> state.pass.get() != null && !state.busy.get(), "the first pass");
        return app;
    }

    static void checkSize(int width, int height) {
        if (width < Snapshots.MIN_WIDTH || height < Snapshots.MIN_HEIGHT || width > Snapshots.MAX_WIDTH || height > Snapshots.MAX_HEIGHT) {
            throw new IllegalArgumentException("size must be from " + Snapshots.MIN_WIDTH + "x" + Snapshots.MIN_HEIGHT
                    + " to " + Snapshots.MAX_WIDTH + "x" + Snapshots.MAX_HEIGHT
                    + ", got " + width + "x" + height);
        }
    }

    static void checkScale(double scale) {
        if (!(scale >= Presentation.MIN_SCALE && scale <= Presentation.MAX_SCALE)) {
            throw new IllegalArgumentException("scale must be from " + Presentation.MIN_SCALE + " to "
                    + Presentation.MAX_SCALE + ", got " + scale);
        }
    }

    /** A new window size and UI scale, as a teacher changing projector or room would. */
    void configure(int width, int height, double scale, boolean presenter) throws Exception {
        checkSize(width, height);
        checkScale(scale);
        onFx(() -> {
            stage.setWidth(width);
            stage.setHeight(height);
            state.presentation.scale.set(scale);
            // The mode alone, not full screen: the picture keeps the asked size on any screen.
            state.presentation.presenter.set(presenter);
            return null;
        });
        settle();
    }

    /** Shows a place and lets its background work and layout finish. */
    void show(Place place) throws Exception {
        onFx(() -> { place.show().accept(window); return null; });
        settle();
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

    private void waitUntil(Callable<Boolean> condition, String what) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (!onFx(condition)) {
            if (System.nanoTime() > end) throw new IOException("timed out waiting for " + what);
            failIfErrorShown("waiting for " + what);
            Thread.sleep(100);
        }
    }

    static <T> T onFx(Callable<T> work) throws Exception {
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

    @Override
    public void close() { Platform.exit(); }
}
