package io.backproplens.cli;

import io.backproplens.ui.Presentation;
import io.backproplens.ui.Snapshots;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** Renders every scene of the lesson path to PNG, headless: slides, README pictures, CI. */
@Command(name = "snapshot", mixinStandardHelpOptions = true,
        description = "Render every scene of the lesson path (matmul, broadcasting, data, init, forward, loss, "
                + "backward, gradient check, Module refactor) to PNG files, without a display.")
final class SnapshotCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "folder for the PNG files (created if missing)")
    Path out;

    /** From a small laptop screen to 8K; Snapshots refuses the same sizes (the lead will make it one constant). */
    static final int MIN_WIDTH = 640, MAX_WIDTH = 7680, MIN_HEIGHT = 360, MAX_HEIGHT = 4320;

    @Option(names = "--width", paramLabel = "W", description = "image width in pixels, " + MIN_WIDTH + " to "
            + MAX_WIDTH + " (default: ${DEFAULT-VALUE})")
    int width = 1920;

    @Option(names = "--height", paramLabel = "H", description = "image height in pixels, " + MIN_HEIGHT + " to "
            + MAX_HEIGHT + " (default: ${DEFAULT-VALUE})")
    int height = 1080;

    @Option(names = "--theme", paramLabel = "THEME", description = "LIGHT (high contrast) or DARK (default: ${DEFAULT-VALUE})")
    Presentation.Theme theme = Presentation.Theme.LIGHT;

    @Option(names = "--scale", paramLabel = "S", description = "UI scale from 1.0 to 2.5 (default: ${DEFAULT-VALUE})")
    double scale = 1.0;

    @Override
    public Integer call() throws Exception {
        OutputFolder.check(spec.commandLine(), out);
        Ranges.check(spec.commandLine(), "--width", width, MIN_WIDTH, MAX_WIDTH);
        Ranges.check(spec.commandLine(), "--height", height, MIN_HEIGHT, MAX_HEIGHT);
        Ranges.check(spec.commandLine(), "--scale", scale, Presentation.MIN_SCALE, Presentation.MAX_SCALE);
        List<Path> files = Snapshots.renderLessons(out, width, height, theme, scale);
        for (Path f : files) spec.commandLine().getOut().println(f);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
