package io.backproplens.cli;

import picocli.CommandLine;

/** Builds the command line with its one-line error handling; {@code Main} and the tests use it. */
public final class Cli {
    /** Bad input: a usage error, a file that cannot be read, values that do not fit. */
    public static final int BAD_INPUT = 2;
    /** The command ran but its check failed (gradcheck). */
    public static final int CHECK_FAILED = 1;

    private Cli() {}

    public static CommandLine create() {
        CommandLine cl = new CommandLine(new LensCommand());
        OneLineErrors errors = new OneLineErrors();
        cl.setParameterExceptionHandler(errors);
        cl.setExecutionExceptionHandler(errors);
        return cl;
    }

    public static int run(String... args) {
        return create().execute(args);
    }
}
