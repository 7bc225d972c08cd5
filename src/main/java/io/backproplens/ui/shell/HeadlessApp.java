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

    final AppState state;
    final MainWindow window;
    /** The window as {@code record} and File > Export animation drive it. */
    final WindowDriver driver;
    private final Stage stage;

    private HeadlessApp(AppState state, MainWindow window, Stage stage) {
        this.state = state;
        this.window = window;
        this.stage = stage;
        this.driver = new WindowDriver(window);
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
        onFx(() -> { closePopOvers(); place.show().accept(window); return null; });
        settle();
        if (place.open() != null) {
            onFx(() -> { place.open().accept(window); return null; });
            settle();
        }
    }

    WritableImage snapshot() throws Exception { return driver.snapshot(); }

    /** The PopOvers open now (a place that opens one leaves it open for its audit and picture). On the FX thread. */
    static java.util.List<org.controlsfx.control.PopOver> popOvers() {
        return javafx.stage.Window.getWindows().stream()
                .filter(w -> w instanceof org.controlsfx.control.PopOver && w.isShowing() && w.getScene() != null)
                .map(w -> (org.controlsfx.control.PopOver) w).toList();
    }

    /** Closes every PopOver at once (no fade): the next place starts with none open. On the FX thread. */
    private static void closePopOvers() {
        for (org.controlsfx.control.PopOver p : popOvers()) p.hide(javafx.util.Duration.ZERO);
    }

    /** The main window's picture with the open PopOvers drawn over it where they stand on the screen. */
    WritableImage snapshotWithPopOvers() throws Exception {
        return onFx(() -> {
            Scene main = window.getScene();
            int w = (int) main.getWidth(), h = (int) main.getHeight();
            WritableImage image = main.snapshot(new WritableImage(w, h));
            double x0 = main.getWindow().getX() + main.getX(), y0 = main.getWindow().getY() + main.getY();
            for (org.controlsfx.control.PopOver p : popOvers()) {
                Scene s = p.getScene();
                javafx.scene.SnapshotParameters params = new javafx.scene.SnapshotParameters();
                params.setFill(javafx.scene.paint.Color.TRANSPARENT);
                WritableImage pop = s.getRoot().snapshot(params, null);
                javafx.geometry.Bounds b = s.getRoot().getBoundsInParent();
                int dx = (int) Math.round(p.getX() + s.getX() + b.getMinX() - x0), dy = (int) Math.round(p.getY() + s.getY() + b.getMinY() - y0);
                over(image, pop, dx, dy);
            }
            return image;
        });
    }

    /** Draws {@code top} over {@code image} at (dx, dy), blending by its alpha, cut at the edges. */
    private static void over(WritableImage image, WritableImage top, int dx, int dy) {
        javafx.scene.image.PixelReader under = image.getPixelReader(), src = top.getPixelReader();
        javafx.scene.image.PixelWriter out = image.getPixelWriter();
        for (int y = 0; y < (int) top.getHeight(); y++) {
            int ty = y + dy;
            if (ty < 0 || ty >= image.getHeight()) continue;
            for (int x = 0; x < (int) top.getWidth(); x++) {
                int tx = x + dx;
                if (tx < 0 || tx >= image.getWidth()) continue;
                javafx.scene.paint.Color c = src.getColor(x, y);
                if (c.getOpacity() == 0) continue;
                out.setColor(tx, ty, under.getColor(tx, ty).interpolate(c.deriveColor(0, 1, 1, 1 / c.getOpacity()), c.getOpacity()));
            }
        }
    }

    /** See {@link WindowDriver#settle}. */
    void settle() throws Exception { driver.settle(); }

    /** Waits until {@code n} frames have been laid out. */
    void pulses(int n) throws Exception { driver.pulses(n); }

    /** Whatever went wrong in the app while it ran, as the user would have seen it. */
    void failIfErrorShown(String during) throws IOException { driver.failIfErrorShown(during); }

    private void waitUntil(Callable<Boolean> condition, String what) throws Exception { driver.waitUntil(condition, what); }

    static <T> T onFx(Callable<T> work) throws Exception { return WindowDriver.onFx(work); }

    @Override
    public void close() { Platform.exit(); }
}
