package io.backproplens.ui.shell;

import io.backproplens.ui.core.AppState;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * File > Export animation through its code path (the file chooser aside), on the real app with a
 * real pass of 1000 rows: the network's steps become a GIF of one frame per step, read back with
 * ImageIO; Cancel leaves no file; a path that cannot be written is refused before any frame.
 */
@ExtendWith(ApplicationExtension.class)
class AnimationExportTest {
    private AppState state;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        LensAppFixture app = LensAppFixture.start(stage, 1024, 768, s -> s.settings.set(s.settings.get().withBatch(1000)), true);
        state = app.state;
        window = app.window;
    }

    private int awaitForwardScene() throws Exception {
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> WindowDriver.onFx(() -> state.pass.get() != null && !state.busy.get()));
        WindowDriver.onFx(() -> { window.showLesson(Lesson.FORWARD); return null; });
        new WindowDriver(window).settle();
        return WindowDriver.onFx(() -> state.pass.get().trace().size());
    }

    @Test
    void theNetworksStepsBecomeAGifWithOneFramePerStep(@TempDir Path dir) throws Exception {
        int steps = awaitForwardScene();
        int stepBefore = WindowDriver.onFx(state.step::get);
        int played = WindowDriver.onFx(() -> window.network().graph().motion().played());
        Path gif = dir.resolve("forward.gif");
        AtomicInteger told = new AtomicInteger();

        List<Path> written = AnimationExport.export(window, gif, new StepFrames.Progress() {
            @Override
            public void frame(int taken) { told.set(taken); }
        });

        assertThat(written).containsExactly(gif);
        // Before the first step, then each of the trace's steps (8 for Lin-ReLU-Lin-MSE).
        assertThat(steps).isEqualTo(8);
        assertThat(frames(gif)).isEqualTo(steps + 1);
        assertThat(told.get()).isEqualTo(steps + 1);
        try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
            ImageReader r = ImageIO.getImageReaders(in).next();
            r.setInput(in);
            // The window's own size (the stage TestFX hands over may keep an earlier test's width).
            assertThat(r.getWidth(0)).isEqualTo((int) (double) WindowDriver.onFx(() -> window.getScene().getWidth()));
            assertThat(r.getHeight(0)).isEqualTo((int) (double) WindowDriver.onFx(() -> window.getScene().getHeight()));
        }
        // Written whole, nothing beside it; the teacher's step and motion are back; no motion ran for the pictures.
        try (var files = Files.list(dir)) {
            assertThat(files.toList()).containsExactly(gif);
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(WindowDriver.onFx(state.step::get)).isEqualTo(stepBefore);
        assertThat(WindowDriver.onFx(state.presentation.motion::get)).isTrue();
        assertThat(WindowDriver.onFx(() -> window.network().graph().motion().played())).isEqualTo(played);
    }

    @Test
    void cancelLeavesNoFile(@TempDir Path dir) throws Exception {
        awaitForwardScene();
        Path gif = dir.resolve("cancelled.gif");
        AtomicInteger taken = new AtomicInteger();
        assertThatThrownBy(() -> AnimationExport.export(window, gif, new StepFrames.Progress() {
            @Override
            public void frame(int n) { taken.set(n); }

            @Override
            public boolean cancelled() { return taken.get() >= 3; }
        })).isInstanceOf(CancellationException.class);
        assertThat(taken.get()).isEqualTo(3);
        try (var files = Files.list(dir)) {
            assertThat(files.toList()).isEmpty();
        }
    }

    @Test
    void aFolderThatDoesNotExistIsRefusedBeforeAnyFrame(@TempDir Path dir) throws Exception {
        awaitForwardScene();
        Path gif = dir.resolve("no-such-folder").resolve("x.gif");
        AtomicInteger taken = new AtomicInteger();
        assertThatThrownBy(() -> AnimationExport.export(window, gif, new StepFrames.Progress() {
            @Override
            public void frame(int n) { taken.set(n); }
        })).isInstanceOf(java.io.IOException.class)
                .hasMessageContaining("cannot write " + gif).hasMessageContaining("does not exist");
        assertThat(taken.get()).isZero();
        assertThatThrownBy(() -> AnimationExport.export(window, dir.resolve("x.txt"), StepFrames.Progress.NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(".gif, .mp4 or .png");
    }

    @Test
    void theTaskWritesTheFileAndSaysSoInTheStatusBar(@TempDir Path dir) throws Exception {
        awaitForwardScene();
        Path gif = dir.resolve("task.gif");
        // Left playing: the export stops it, or Play would step between the frames.
        var task = WindowDriver.onFx(() -> {
            window.network().playback().togglePlay();
            return AnimationExport.start(window, gif);
        });
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> WindowDriver.onFx(() -> task.isDone() && state.status.get().startsWith("Export")));
        assertThat(WindowDriver.onFx(task::getException)).isNull();
        assertThat(frames(gif)).isEqualTo(9);
        assertThat(WindowDriver.onFx(() -> window.network().playback().playing())).isFalse();
        assertThat(WindowDriver.onFx(state.status::get)).isEqualTo("Exported the animation to " + gif);
    }

    @Test
    void aCancelledTaskWritesNothing(@TempDir Path dir) throws Exception {
        awaitForwardScene();
        Path gif = dir.resolve("task.gif");
        var task = WindowDriver.onFx(() -> {
            var t = AnimationExport.start(window, gif);
            t.cancel();  // as the progress window's Cancel does
            return t;
        });
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> WindowDriver.onFx(() -> task.isDone() && state.status.get().startsWith("Export")));
        assertThat(WindowDriver.onFx(state.status::get)).isEqualTo("Export cancelled; nothing was written");
        // The export's thread stops at its next frame: wait until it has ended, then look.
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS,
                () -> Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().equals("lens-export")));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(WindowDriver.onFx(state.presentation.motion::get)).isTrue();
        try (var files = Files.list(dir)) {
            assertThat(files.toList()).isEmpty();
        }
    }

    static int frames(Path gif) throws Exception {
        try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
            ImageReader r = ImageIO.getImageReaders(in).next();
            r.setInput(in);
            return r.getNumImages(true);
        }
    }
}
