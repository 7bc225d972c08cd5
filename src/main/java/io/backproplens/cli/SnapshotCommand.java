package io.backproplens.cli;

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

    @Option(names = "--width", paramLabel = "W", description = "image width in pixels (default: ${DEFAULT-VALUE})")
    int width = 1920;

    @Option(names = "--height", paramLabel = "H", description = "image height in pixels (default: ${DEFAULT-VALUE})")
    int height = 1080;

    @Override
    public Integer call() throws Exception {
        List<Path> files = Snapshots.renderLessons(out, width, height);
        for (Path f : files) spec.commandLine().getOut().println(f);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
