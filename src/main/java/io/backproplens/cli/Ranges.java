package io.backproplens.cli;

import picocli.CommandLine;

/**
 * Range checks for options, each failing as one line that names the option, its allowed range
 * and the value given (exit status 2 through {@link OneLineErrors}). Every command bounds every
 * number it takes: an option without an upper limit is a way to make a command run for hours or
 * grow until the kernel kills it.
 */
final class Ranges {
    private Ranges() {}

    static int check(CommandLine cmd, String option, int value, int min, int max) {
        if (value < min || value > max) {
            throw new CommandLine.ParameterException(cmd, option + " must be from " + min + " to " + max + ", got " + value);
        }
        return value;
    }

    /** NaN and the infinities are refused like any other value outside the range. */
    static double check(CommandLine cmd, String option, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new CommandLine.ParameterException(cmd, option + " must be a number from " + Text.number(min)
                    + " to " + Text.number(max) + ", got " + Text.number(value));
        }
        return value;
    }
}
