package io.backproplens.ui.shell;

import io.backproplens.ui.core.Steppable;
import javafx.embed.swing.SwingFXUtils;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

/**
 * The steps of the view in front as pictures, one per step: the view is reset to its first step,
 * and each Next is one frame, until the picture stops changing (the last step) or step {@code to};
 * frames before {@code from} are stepped over. The one loop behind {@code record} and File >
 * Export animation; motion between steps must be off (a picture must not catch a step mid-way).
 */
final class StepFrames {
    /** A triple loop of 3x3x2 is 18 steps, the network's pass 9 frames: 500 is far past any scene, and bounds memory. */
    static final int MAX_FRAMES = 500;

    /** Told of each frame taken; asked, before each, whether to go on. */
    interface Progress {
        Progress NONE = new Progress() {};

        default void frame(int taken) {}

        default boolean cancelled() { return false; }
    }

    private StepFrames() {}

    /**
     * Runs off the FX thread, driving the window through {@code driver}.
     *
     * @throws CancellationException when {@code progress} asks to stop
     */
    static List<BufferedImage> collect(WindowDriver driver, int from, int to, Progress progress) throws Exception {
        MainWindow window = driver.window;
        WindowDriver.onFx(() -> { window.frontSteppable().ifPresent(Steppable::reset); return null; });
        driver.settle();
        List<BufferedImage> frames = new ArrayList<>();
        BufferedImage previous = null;
        for (int step = 0; step <= to; step++) {
            if (progress.cancelled()) throw new CancellationException("stopped after " + frames.size() + " frames");
            BufferedImage frame = SwingFXUtils.fromFXImage(driver.snapshot(), null);
            if (previous != null && same(previous, frame)) break;  // Next changed nothing: the last step
            if (step >= from) {
                frames.add(frame);
                progress.frame(frames.size());
            }
            previous = frame;
            WindowDriver.onFx(() -> { window.frontSteppable().ifPresent(Steppable::next); return null; });
            driver.settle();
        }
        return frames;
    }

    private static boolean same(BufferedImage a, BufferedImage b) {
        if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) return false;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) if (a.getRGB(x, y) != b.getRGB(x, y)) return false;
        }
        return true;
    }
}
