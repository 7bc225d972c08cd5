package io.backproplens.cli;

import io.backproplens.files.Animation;
import io.backproplens.ui.shell.Snapshots;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** A lesson scene's steps as an animation for slides, rendered headless. */
@Command(name = "record", mixinStandardHelpOptions = true,
        description = "Render the steps of one lesson scene, headless, as a looping GIF, an MP4 or numbered PNGs "
                + "(chosen by the file's extension): one frame per step, from the scene's first step to its last.")
final class RecordCommand implements Callable<Integer> {
    static final int MAX_FPS = 30;
    static final int MAX_FRAMES = Snapshots.MAX_FRAMES;

    @Spec
    CommandSpec spec;

    @Option(names = "--scene", required = true, paramLabel = "NAME", description = "the lesson scene: matmul, broadcasting, "
            + "data, init, forward, loss, backward, gradcheck or module (its title works too)")
    String scene;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "FILE.gif, FILE.mp4, or FILE.png for FILE-001.png, FILE-002.png, ...")
    Path out;

    @Mixin
    PictureOptions picture = new PictureOptions(1280, 720);

    @Option(names = "--fps", paramLabel = "F", description = "frames (steps) per second, 1 to " + MAX_FPS + " (default: ${DEFAULT-VALUE})")
    int fps = 1;

    @Option(names = "--steps", paramLabel = "A..B", description = "only steps A to B, counted from 0 = the scene's first frame "
            + "(default: all, at most " + MAX_FRAMES + ")")
    String steps;

    @Override
    public Integer call() throws Exception {
        CommandLine cmd = spec.commandLine();
        picture.check(cmd);
        Ranges.check(cmd, "--fps", fps, 1, MAX_FPS);
        try {
            Animation.formatOf(out);
            Snapshots.checkScene(scene);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cmd, e.getMessage());
        }
        Path folder = out.toAbsolutePath().getParent();
        if (folder == null || !Files.isDirectory(folder) || !Files.isWritable(folder)) {
            throw new CommandLine.ParameterException(cmd, "--out " + out + ": its folder " + folder + " does not exist or cannot be written");
        }
        int[] range = range(cmd);
        List<Path> files = Snapshots.record(scene, out, picture.width, picture.height, fps, range[0], range[1], picture.theme, picture.scale);
        for (Path f : files) cmd.getOut().println(f);
        cmd.getOut().flush();
        return 0;
    }

    private int[] range(CommandLine cmd) {
        if (steps == null) return new int[]{0, MAX_FRAMES - 1};
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,4})\\.\\.(\\d{1,4})").matcher(steps.strip());
        if (!m.matches()) throw new CommandLine.ParameterException(cmd, "--steps must look like 0..8, got '" + steps + "'");
        int a = Integer.parseInt(m.group(1)), b = Integer.parseInt(m.group(2));
        if (a > b || b - a >= MAX_FRAMES) {
            throw new CommandLine.ParameterException(cmd, "--steps A..B needs A <= B and at most " + MAX_FRAMES + " frames, got " + steps);
        }
        return new int[]{a, b};
    }
}
