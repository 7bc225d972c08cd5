package io.backproplens.cli;

import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.Path;

/** {@code --out DIR} of export and snapshot: a folder, or a path where one can be made. */
final class OutputFolder {
    private OutputFolder() {}

    /** Refuses an empty path (it would mean the current folder) and an existing file or device. */
    static void check(CommandLine cmd, Path dir) {
        if (dir == null || dir.toString().isBlank()) {
            throw new CommandLine.ParameterException(cmd, "--out must name a folder, got an empty path");
        }
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new CommandLine.ParameterException(cmd, "--out " + dir + " is a file, not a folder: give a folder to write into");
        }
    }
}
