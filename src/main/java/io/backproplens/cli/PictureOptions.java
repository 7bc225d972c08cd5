package io.backproplens.cli;

import io.backproplens.ui.core.Presentation;
import io.backproplens.ui.shell.Snapshots;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The size, UI scale and theme of rendered pictures: the options {@code snapshot} and
 * {@code record} share, with their bounds checked in one place. Each command starts from its own
 * size ({@code snapshot} 1920x1080 for slides, {@code record} 1280x720 for a GIF that stays small).
 */
final class PictureOptions {
    @Option(names = "--width", paramLabel = "W", description = "picture width in pixels, " + Snapshots.MIN_WIDTH + " to "
            + Snapshots.MAX_WIDTH + " (default: ${DEFAULT-VALUE})")
    int width;

    @Option(names = "--height", paramLabel = "H", description = "picture height in pixels, " + Snapshots.MIN_HEIGHT + " to "
            + Snapshots.MAX_HEIGHT + " (default: ${DEFAULT-VALUE})")
    int height;

    @Option(names = "--theme", paramLabel = "THEME", description = "LIGHT (high contrast) or DARK (default: ${DEFAULT-VALUE})")
    Presentation.Theme theme = Presentation.Theme.LIGHT;

    @Option(names = "--scale", paramLabel = "S", description = "UI scale from 1.0 to 2.5 (default: ${DEFAULT-VALUE})")
    double scale = 1.0;

    /** Picocli fills a mixin it finds already made: the command's own default size stays. */
    PictureOptions(int width, int height) {
        this.width = width;
        this.height = height;
    }

    /** Refuses a size or scale out of bounds, in one line naming the option. */
    void check(CommandLine cmd) {
        Ranges.check(cmd, "--width", width, Snapshots.MIN_WIDTH, Snapshots.MAX_WIDTH);
        Ranges.check(cmd, "--height", height, Snapshots.MIN_HEIGHT, Snapshots.MAX_HEIGHT);
        Ranges.check(cmd, "--scale", scale, Presentation.MIN_SCALE, Presentation.MAX_SCALE);
    }
}
