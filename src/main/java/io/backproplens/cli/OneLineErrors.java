package io.backproplens.cli;

import picocli.CommandLine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

/**
 * Bad input ends with ONE line on stderr that names the argument or file and what is wrong, and
 * exit status 2; no usage dump, no stack trace. Picocli's defaults print the whole usage help after
 * a parameter error, which buries the one line that matters.
 */
final class OneLineErrors implements CommandLine.IParameterExceptionHandler, CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleParseException(CommandLine.ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        cmd.getErr().println(prefix(cmd) + ex.getMessage() + " (see '" + cmd.getCommandSpec().qualifiedName() + " --help')");
        cmd.getErr().flush();
        return Cli.BAD_INPUT;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parsed) {
        String message = describe(ex);
        if (message == null) {
            // Not bad input but a bug: keep the trace, it is what a maintainer needs.
            cmd.getErr().println(prefix(cmd) + "internal error: " + ex);
            ex.printStackTrace(cmd.getErr());
            cmd.getErr().flush();
            return 1;
        }
        cmd.getErr().println(prefix(cmd) + message);
        cmd.getErr().flush();
        return Cli.BAD_INPUT;
    }

    /** The one line for an exception that means bad input, or null for anything else. */
    static String describe(Throwable ex) {
        if (ex instanceof UncheckedIOException u) ex = u.getCause();
        if (ex instanceof NoSuchFileException e) return e.getFile() + ": file not found";
        if (ex instanceof AccessDeniedException e) return e.getFile() + ": permission denied";
        // DataFormatException is an IOException whose message already starts with the file name.
        if (ex instanceof IOException || ex instanceof IllegalArgumentException) {
            String m = ex.getMessage();
            return m == null ? ex.getClass().getSimpleName() : m.lines().findFirst().orElse(m).strip();
        }
        return null;
    }

    private static String prefix(CommandLine cmd) {
        return cmd.getCommandSpec().qualifiedName() + ": ";
    }
}
