package io.backproplens.ui.shell;

import io.backproplens.files.Animation;
import io.backproplens.files.AtomicWrite;
import io.backproplens.ui.core.ErrorDialogs;
import javafx.application.Platform;
import javafx.concurrent.Task;
import javafx.scene.Scene;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import javafx.stage.Window;
import org.controlsfx.control.Notifications;
import org.controlsfx.control.TaskProgressView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;

/**
 * File > Export animation: the steps of the view in front, from its first step to its last, as a
 * looping GIF, an MP4 or numbered PNGs for a slide deck, exactly as {@code record} renders a
 * scene ({@link StepFrames}, {@link Animation}) but from the window on the desk, at its size.
 * The work runs off the FX thread with its progress and a Cancel button in a small window of
 * its own (ControlsFX {@link TaskProgressView}; not in the frames); the file is written whole or
 * not at all, a cancelled export writes nothing, and the step the teacher was on comes back.
 */
final class AnimationExport {
    private static final Logger LOG = LoggerFactory.getLogger(AnimationExport.class);
    /** One step a second, as {@code record}'s default: slow enough to read each step on a slide. */
    static final int FPS = 1;

    private AnimationExport() {}

    /**
     * Renders and writes the animation; call it off the FX thread. Motion between steps is off
     * while the frames are taken (a picture must not catch a step mid-way) and comes back after,
     * as does the network's step.
     *
     * @return the files written
     * @throws CancellationException when {@code progress} asked to stop (nothing is written)
     * @throws java.io.IOException   naming the file and the reason when it cannot be written
     */
    static List<Path> export(MainWindow window, Path out, StepFrames.Progress progress) throws Exception {
        Animation.formatOf(out);
        // A path that cannot be written is refused before a single frame is taken.
        AtomicWrite.checkWritable(out);
        WindowDriver driver = new WindowDriver(window);
        var presentation = window.state().presentation;
        // A view left playing would step on its own between the frames: stop it first, then note
        // the step to come back to.
        WindowDriver.onFx(() -> {
            for (javafx.scene.Node n : window.front().lookupAll(".play-bar")) {
                if (n instanceof io.backproplens.ui.core.PlayBar bar) bar.pause();
            }
            return null;
        });
        boolean motion = WindowDriver.onFx(presentation.motion::get);
        int step = WindowDriver.onFx(window.state().step::get);
        List<BufferedImage> frames;
        try {
            WindowDriver.onFx(() -> { presentation.motion.set(false); return null; });
            frames = StepFrames.collect(driver, 0, StepFrames.MAX_FRAMES - 1, progress);
        } finally {
            // Not through onFx: a cancel interrupts this thread, and waiting would throw at once.
            Platform.runLater(() -> {
                window.state().step.set(step);
                presentation.motion.set(motion);
            });
        }
        if (progress.cancelled()) throw new CancellationException("cancelled");
        // Past this point a Cancel is too late: the write is atomic (the old file stays until the new
        // one is complete), and deleting the new one afterwards would lose the file it replaced.
        return Animation.write(frames, FPS, out);
    }

    /** The menu item: a file chooser, then the export in the background with progress and Cancel. */
    static void run(MainWindow window) {
        Window owner = window.getScene().getWindow();
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export animation");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Animated GIF (*.gif)", "*.gif"),
                new FileChooser.ExtensionFilter("MP4 video (*.mp4)", "*.mp4"),
                new FileChooser.ExtensionFilter("Numbered PNG images (*.png)", "*.png"));
        chooser.setInitialFileName(window.selectedTab() + ".gif");
        File f = chooser.showSaveDialog(owner);
        if (f == null) return;
        Path out = withExtension(f.toPath(), chooser.getSelectedExtensionFilter());
        start(window, out);
    }

    /** The export as a task shown with its progress and Cancel; returns it (tests wait on it). */
    static Task<List<Path>> start(MainWindow window, Path out) {
        Task<List<Path>> task = new Task<>() {
            @Override
            protected List<Path> call() throws Exception {
                updateTitle("Export animation to " + out.getFileName());
                updateMessage("Taking the first frame\u2026");
                return export(window, out, new StepFrames.Progress() {
                    @Override
                    public void frame(int taken) {
                        updateMessage("Frame " + taken + " taken");
                    }

                    @Override
                    public boolean cancelled() { return isCancelled(); }
                });
            }
        };
        Stage progress = progressWindow(window, task);
        task.setOnSucceeded(e -> {
            progress.close();
            List<Path> files = task.getValue();
            window.state().status.set("Exported the animation to " + files.get(0)
                    + (files.size() > 1 ? " and " + (files.size() - 1) + " more" : ""));
            Notifications.create().owner(window.getScene().getWindow()).title("Animation exported")
                    .text(files.size() == 1 ? files.get(0).toString() : files.size() + " PNG images, from " + files.get(0))
                    .showInformation();
        });
        task.setOnCancelled(e -> {
            progress.close();
            window.state().status.set("Export cancelled; nothing was written");
        });
        task.setOnFailed(e -> {
            progress.close();
            LOG.error("Export animation to {} failed", out, task.getException());
            ErrorDialogs.show("Could not export the animation", task.getException());
        });
        Thread t = new Thread(task, "lens-export");
        t.setDaemon(true);
        t.start();
        return task;
    }

    private static Stage progressWindow(MainWindow window, Task<?> task) {
        TaskProgressView<Task<?>> view = new TaskProgressView<>();
        view.getTasks().add(task);
        double px = window.state().presentation.fontPx();
        view.setStyle(String.format(Locale.ROOT, "-fx-font-size: %.1fpx;", px));
        view.setPrefSize(32 * px, 8 * px);
        Stage stage = new Stage(StageStyle.UTILITY);
        stage.initOwner(window.getScene().getWindow());
        stage.initModality(Modality.NONE);
        stage.setTitle("Export animation");
        Scene scene = new Scene(view);
        scene.getStylesheets().addAll(window.getScene().getStylesheets());
        stage.setScene(scene);
        // Closing the window is Cancel.
        stage.setOnCloseRequest(e -> task.cancel());
        stage.show();
        return stage;
    }

    /** The chosen filter's extension when the typed name has none of the three. */
    static Path withExtension(Path file, FileChooser.ExtensionFilter filter) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".gif") || name.endsWith(".mp4") || name.endsWith(".png") || filter == null) return file;
        String ext = filter.getExtensions().get(0).substring(1);
        return file.resolveSibling(file.getFileName() + ext);
    }
}
