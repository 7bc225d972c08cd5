package io.backproplens.cli;

import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/** Runs the command line in-process with captured stdout and stderr. */
final class CliRunner {
    record Run(int code, String out, String err) {
        String[] errLines() { return err.strip().isEmpty() ? new String[0] : err.strip().split("\\R"); }
    }

    private CliRunner() {}

    static Run run(String... args) {
        CommandLine cl = Cli.create();
        StringWriter out = new StringWriter(), err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    /** The 1,000-row pickle in the notebook's layout (test resources), copied to a real file. */
    static Path samplePickle(Path dir) throws IOException {
        Path p = dir.resolve("mnist-sample.pkl.gz");
        try (InputStream in = CliRunner.class.getResourceAsStream("/mnist-sample.pkl.gz")) {
            Files.copy(in, p);
        }
        return p;
    }
}
