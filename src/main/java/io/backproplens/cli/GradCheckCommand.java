package io.backproplens.cli;

import io.backproplens.engine.GradientCheck;
import io.backproplens.engine.Tensor;
import io.backproplens.session.Dataset;
import io.backproplens.session.Settings;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.indexing.NDArrayIndex;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** Checks the manual backward against SameDiff and finite differences, in float64. */
@Command(name = "gradcheck", mixinStandardHelpOptions = true,
        description = "Run the manual backward in float64 on the first N training rows and compare w1.g, b1.g, "
                + "w2.g, b2.g and x.g with ND4J SameDiff's gradients of the same graph (every entry) and with "
                + "central finite differences (sampled entries). Exit status 0 only if every check passes.")
final class GradCheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    ModelOptions model;
    @Mixin
    DataOption data;

    @Option(names = "--batch", paramLabel = "N", description = "training rows in the pass, limited by memory: "
            + "the float64 check needs about " + MemoryEstimate.HELP + "; 0 = all, which needs more (default: ${DEFAULT-VALUE})")
    int batch = 1000;

    @Option(names = "--head", paramLabel = "HEAD", converter = TrainCommand.HeadConverter.class,
            description = "mse (the notebook's one output) or ce (10 outputs, log_softmax + nll) (default: ${DEFAULT-VALUE})")
    io.backproplens.engine.Head head = io.backproplens.engine.Head.MSE;

    /** Each sample costs two forward passes per tensor, and a redraw up to 20 times near ReLU kinks. */
    static final int MAX_SAMPLES = 100;

    @Option(names = "--samples", paramLabel = "N", description = "finite-difference entries per tensor, 1 to "
            + MAX_SAMPLES + " (default: ${DEFAULT-VALUE})")
    int samples = 20;

    @Override
    public Integer call() throws Exception {
        Settings s = model.settings(spec.commandLine(), batch);
        Ranges.check(spec.commandLine(), "--samples", samples, 1, MAX_SAMPLES);
        int asked = s.batch() == 0 ? ModelOptions.MAX_BATCH : s.batch();
        MemoryEstimate.check(spec.commandLine(), asked, s.nh()); // before the data is even loaded
        Dataset d = data.dataset();
        int n = s.batch() == 0 ? d.trainRows() : Math.min(s.batch(), d.trainRows());
        MemoryEstimate.check(spec.commandLine(), n, s.nh());
        GradientCheck.Problem p = new GradientCheck.Problem(
                io.backproplens.engine.Params.init(s.init(), 1, s.nh(), head.outputs(), s.seed(), DataType.DOUBLE).weights(), head, s.reluShift(),
                d.xTrain().get(NDArrayIndex.interval(0, n), NDArrayIndex.all()),
                d.yTrain().get(NDArrayIndex.interval(0, n)));
        GradientCheck.Result r = GradientCheck.run(p, samples, s.seed());

        PrintWriter out = spec.commandLine().getOut();
        out.println(Text.f("gradcheck: %sinit %s, seed %d, nh %d, relu shift %.2f, batch %d rows of %s, float64",
                head == io.backproplens.engine.Head.MSE ? "" : "head " + head.id() + " (log_softmax + nll, 10 outputs), ",
                s.init().id(), s.seed(), s.nh(), s.reluShift(), n, d.source()));
        out.println(Text.f("loss: engine %.12g, SameDiff %.12g", r.loss(), r.referenceLoss()));
        out.println(Text.f("%-6s %-10s %-12s %8s %11s %11s %10s  %s", "tensor", "shape", "vs", "entries",
                "max abs", "max rel", "tolerance", "result"));
        for (GradientCheck.Check c : r.checks()) {
            out.println(Text.f("%-6s %-10s %-12s %8d %11.3e %11.3e %10.0e  %s", c.tensor() + ".g",
                    Tensor.shapeText(c.shape()), c.reference(), c.entries(), c.maxAbs(), c.maxRel(),
                    c.tolerance(), c.pass() ? "pass" : "FAIL"));
        }
        long failed = r.checks().stream().filter(c -> !c.pass()).count();
        out.println(r.passed() ? "all " + r.checks().size() + " checks passed"
                : failed + " of " + r.checks().size() + " checks FAILED");
        out.flush();
        return r.passed() ? 0 : Cli.CHECK_FAILED;
    }
}
