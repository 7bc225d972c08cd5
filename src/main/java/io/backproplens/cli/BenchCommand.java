package io.backproplens.cli;

import io.backproplens.bench.Benchmark;
import io.backproplens.bench.Timing;
import io.backproplens.session.Dataset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** The notebook's timings, redone: the matmul ladder, then the full-batch pass against references. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Time (i) the notebook's matmul ladder on x_valid[:5] @ w(784x10) and (ii) one full-batch "
                + "forward+backward on the 50000x784 training set: the engine, SameDiff computing the same "
                + "gradients, and a square float GEMM measured in the same run. Medians after warm-up.")
final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    DataOption data;

    @Option(names = "--json", description = "print one JSON object instead of the tables")
    boolean json;

    /** A full-batch round of the three takes about a second: 50 runs keep the command to minutes. */
    static final int MAX_RUNS = 50;

    @Option(names = "--runs", paramLabel = "N", description = "timed runs per measurement, 1 to " + MAX_RUNS
            + "; the median is reported (default: ${DEFAULT-VALUE})")
    int runs = 9;

    @Option(names = "--nh", paramLabel = "N", description = "hidden units, 1 to "
            + io.backproplens.session.Settings.MAX_NH + " (default: ${DEFAULT-VALUE})")
    int nh = 50;

    @Option(names = "--train-only", description = "only the training throughput (skips the ladder and the full-batch "
            + "pass): a few seconds, so it can run beside a peer in the same minute")
    boolean trainOnly;

    @Override
    public Integer call() throws Exception {
        Ranges.check(spec.commandLine(), "--nh", nh, 1, io.backproplens.session.Settings.MAX_NH);
        Ranges.check(spec.commandLine(), "--runs", runs, 1, MAX_RUNS);
        Dataset d = data.dataset();
        Benchmark b = new Benchmark(runs);
        Benchmark.Result r = trainOnly ? null
                : new Benchmark.Result(b.ladder(d.xValid(), 42), b.fwdBwd(d.xTrain(), d.yTrain(), nh, 42));
        Benchmark.TrainSpeed train = b.trainSpeed(d.xTrain(), d.yTrain(), nh, 64, 42);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> tree = r == null ? new LinkedHashMap<>() : tree(r);
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("bs", train.bs());
            t.put("batches_per_s", train.batchesPerS());
            tree.put("train", t);
            out.println(Text.json(tree));
        } else {
            if (r != null) {
                print(out, r);
                out.println();
            }
            out.println(Text.f("training, mini-batch SGD at bs %d (forward, backward, update; nh %d, mse): %.0f batches/s "
                    + "on one thread", train.bs(), nh, train.batchesPerS()));
        }
        out.flush();
        return 0;
    }

    private static Map<String, Object> tree(Benchmark.Result r) {
        List<Object> ladder = new ArrayList<>();
        for (Benchmark.Rung rung : r.ladder()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("variant", rung.variant().name().toLowerCase(java.util.Locale.ROOT));
            m.put("title", rung.variant().title());
            m.put("ms", rung.timing().medianMs());
            m.put("first_call_ms", rung.timing().firstMs());
            m.put("speedup", rung.speedup());
            ladder.add(m);
        }
        Benchmark.FwdBwd f = r.fwdBwd();
        Map<String, Object> fb = new LinkedHashMap<>();
        fb.put("rows", f.rows());
        fb.put("nh", f.nh());
        fb.put("engine_ms", f.engine().medianMs());
        fb.put("engine_first_call_ms", f.engine().firstMs());
        fb.put("samediff_ms", f.sameDiff().medianMs());
        fb.put("samediff_first_call_ms", f.sameDiff().firstMs());
        fb.put("gemm_size", Benchmark.SQUARE);
        fb.put("gemm_ms", f.squareGemm().medianMs());
        fb.put("gemm_gflops", f.gemmGflops());
        fb.put("flops", f.flops());
        fb.put("engine_gflops", f.engineGflops());
        fb.put("ms_at_gemm_rate", f.msAtGemmRate());
        fb.put("engine_over_samediff", f.engineOverSameDiff());
        fb.put("fraction_of_gemm_rate", f.fractionOfGemmRate());
        fb.put("engine_all_threads_ms", f.variants().allThreads().medianMs());
        fb.put("engine_reused_arrays_ms", f.variants().reused().medianMs());
        fb.put("engine_new_memory_ms", f.variants().kept().medianMs());
        fb.put("engine_row_major_x_ms", f.variants().rowMajor().medianMs());
        fb.put("blocked_ms", f.variants().blocked().medianMs());
        fb.put("blocked_rows", f.variants().blockRows());
        fb.put("read_gbps", f.readGbps());
        fb.put("limit_ms", f.limitMs());
        fb.put("over_limit", f.overLimit());
        List<Object> products = new ArrayList<>();
        for (Benchmark.Product p : f.products()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("formula", p.formula());
            m.put("shapes", p.shapes());
            m.put("ms", p.timing().medianMs());
            m.put("gflops", p.gflops());
            products.add(m);
        }
        fb.put("products", products);
        List<Object> steps = new ArrayList<>();
        for (Benchmark.StepTime st : f.steps()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("step", st.step());
            m.put("equation", st.equation());
            m.put("ms", st.timing().medianMs());
            m.put("share", st.timing().medianMs() / f.engine().medianMs());
            steps.add(m);
        }
        fb.put("steps", steps);
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("ladder", ladder);
        o.put("fwd_bwd", fb);
        return o;
    }

    private void print(PrintWriter out, Benchmark.Result r) {
        out.println(Text.f("matmul ladder: x_valid[:5] @ w (5x784 @ 784x10), median of %d runs after warm-up", runs));
        out.println(Text.f("%-24s %12s %15s %10s", "variant", "ms", "first call ms", "speed-up"));
        for (Benchmark.Rung rung : r.ladder()) {
            out.println(Text.f("%-24s %12.4f %15.3f %9.0fx", rung.variant().title(), rung.timing().medianMs(),
                    rung.timing().firstMs(), rung.speedup()));
        }
        Benchmark.FwdBwd f = r.fwdBwd();
        out.println();
        out.println(Text.f("full batch forward+backward: x_train %dx784, nh %d, float32, all parameter gradients, x.g skipped",
                f.rows(), f.nh()));
        line(out, "engine", f.engine(), Text.f("%.1f GFLOP/s", f.engineGflops()));
        line(out, "  in new memory", f.variants().kept(), Text.f("%.2fx the engine", f.variants().kept().medianMs() / f.engine().medianMs()));
        line(out, "  x row-major (the app's)", f.variants().rowMajor(), Text.f("%.2fx the engine", f.variants().rowMajor().medianMs() / f.engine().medianMs()));
        line(out, "  ND4J default threads", f.variants().allThreads(), Text.f("%.2fx the engine", f.variants().allThreads().medianMs() / f.engine().medianMs()));
        line(out, "  reusing its arrays", f.variants().reused(), Text.f("%.2fx the engine", f.variants().reused().medianMs() / f.engine().medianMs()));
        line(out, Text.f("  in %d-row blocks", f.variants().blockRows()), f.variants().blocked(), Text.f("%.2fx the engine", f.variants().blocked().medianMs() / f.engine().medianMs()));
        line(out, "SameDiff", f.sameDiff(), "");
        line(out, Text.f("square GEMM %dx%d", Benchmark.SQUARE, Benchmark.SQUARE), f.squareGemm(),
                Text.f("%.1f GFLOP/s", f.gemmGflops()));
        out.println(Text.f("engine FLOPs %.3g: %.1f ms at the square-GEMM rate", f.flops(), f.msAtGemmRate()));
        out.println(Text.f("engine / SameDiff time = %.2f (target <= 1, aim 0.5); engine rate / GEMM rate = %.0f%% (target >= 50%%)",
                f.engineOverSameDiff(), 100 * f.fractionOfGemmRate()));
        out.println(Text.f("read bandwidth of x (%.0f MB, plain Java threads): %.1f GB/s; %.0f MB must move: %.1f ms",
                f.readBytes() / 1e6, f.readGbps(), f.movedBytes() / 1e6, f.movedBytes() / f.readGbps() / 1e6));
        out.println(Text.f("limit = max(FLOPs at GEMM rate, bytes at read bandwidth) = %.1f ms; engine = %.2fx the limit (bar <= 2)",
                f.limitMs(), f.overLimit()));
        out.println();
        out.println("each equation of the pass, timed inside the engine's runs (median):");
        for (Benchmark.StepTime st : f.steps()) {
            out.println(Text.f("  %-16s %-44s %9.2f ms %5.1f%%", st.step(), st.equation(), st.timing().medianMs(),
                    100 * st.timing().medianMs() / f.engine().medianMs()));
        }
        out.println();
        out.println("each product of the pass, as the engine makes it:");
        for (Benchmark.Product p : f.products()) {
            out.println(Text.f("  %-24s %-22s %9.2f ms %7.1f GFLOP/s", p.formula(), p.shapes(), p.timing().medianMs(), p.gflops()));
        }
    }

    private static void line(PrintWriter out, String what, Timing t, String extra) {
        out.println(Text.f("%-22s %9.1f ms (first call %.1f ms)  %s", what, t.medianMs(), t.firstMs(), extra));
    }
}
