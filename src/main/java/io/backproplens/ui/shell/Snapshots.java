package io.backproplens.ui.shell;

import io.backproplens.ui.core.AppState;
import io.backproplens.ui.core.Background;
import io.backproplens.ui.core.Controller;
import io.backproplens.ui.core.ErrorDialogs;
import io.backproplens.ui.core.Presentation;

import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Renders every lesson scene to PNG without a display (JavaFX's headless Monocle platform): for
 * slides, for the README, and for CI. The real window and the real views, nothing mocked.
 */
public final class Snapshots {
    private static final long TIMEOUT_SECONDS = 300;

    private Snapshots() {}

    /** Before the toolkit starts: the headless platform and software rendering. */
    public static void useHeadlessPlatform() {
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("prism.text", "t2k");
        System.setProperty("java.awt.headless", "true");
        System.setProperty("backproplens.prefs", "false");
    }

    /**
     * Starts the app headless at {@code width x height}, shows each lesson scene once its
     * background work has finished, and writes {@code NN-scene.png} files into {@code outDir}.
     */
    public static List<Path> renderLessons(Path outDir, int width, int height) throws Exception {
        return renderLessons(outDir, width, height, Presentation.Theme.LIGHT, 1.0);
    }

    /** The same with a theme and a UI scale (1.0 to 2.5), as a teacher would set them for a room. */
    public static List<Path> renderLessons(Path outDir, int width, int height, Presentation.Theme theme, double scale)
            throws Exception {
        if (scale < Presentation.MIN_SCALE || scale > Presentation.MAX_SCALE) {
            throw new IllegalArgumentException("scale must be from 1.0 to 2.5, got " + scale);
        }
        if (width < 640 || height < 360 || width > 7680 || height > 4320) {
            throw new IllegalArgumentException("size must be from 640x360 to 7680x4320, got " + width + "x" + height);
        }
        Files.createDirectories(outDir);
        useHeadlessPlatform();
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get(60, TimeUnit.SECONDS);
        Platform.setImplicitExit(false);
        try {
            AppState state = new AppState();
            state.presentation.theme.set(theme);
            state.presentation.scale.set(scale);
            Controller controller = new Controller(state, new Background(state));
            ErrorDialogs.setShowDialogs(false);
            MainWindow window = onFx(() -> {
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
                return w;
            });
            waitUntil(() -> state.pass.get() != null && !state.busy.get(), "the first pass");
            List<Path> written = new ArrayList<>();
            for (Lesson lesson : Lesson.values()) {
                onFx(() -> { window.showLesson(lesson); return null; });
                settle(state);
                WritableImage image = onFx(() -> window.getScene().snapshot(new WritableImage(width, height)));
                Path file = outDir.resolve(lesson.fileName() + ".png");
                ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
                written.add(file);
            }
            if (ErrorDialogs.lastMessage() != null) throw new IOException("while rendering: " + ErrorDialogs.lastMessage());
            return written;
        } finally {
            Platform.exit();
        }
    }

    /** Lets background work a scene started finish, then a few frames pass for layout and charts. */
    private static void settle(AppState state) throws Exception {
        Thread.sleep(300);
        waitUntil(() -> !state.busy.get(), "background work");
        Thread.sleep(500);
        onFx(() -> null);
    }

    private static void waitUntil(Callable<Boolean> condition, String what) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (!onFx(condition)) {
            if (System.nanoTime() > end) throw new IOException("timed out waiting for " + what);
            if (ErrorDialogs.lastMessage() != null) throw new IOException(ErrorDialogs.lastMessage());
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
}
