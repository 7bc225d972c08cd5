package io.backproplens.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** The top command; run without arguments, the jar opens the desktop app instead (see Main). */
@Command(name = "backprop-lens", mixinStandardHelpOptions = true, version = "Backprop Lens 0.1.0",
        description = "Forward and backward passes of the notebook's MNIST network, from the command line.%n"
                + "Without arguments the jar opens the desktop app.",
        subcommands = {ReportCommand.class, TriplesCommand.class, GradCheckCommand.class,
                ExportCommand.class, BenchCommand.class, SnapshotCommand.class, TrainCommand.class})
final class LensCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("backprop-lens: missing command: report, triples, gradcheck, export, bench, snapshot or train (see 'backprop-lens --help')");
        return Cli.BAD_INPUT;
    }
}
