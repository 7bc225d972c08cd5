package io.backproplens.bench;

import io.backproplens.engine.BlockedPass;
import io.backproplens.engine.CpuThreads;
import io.backproplens.engine.Gemm;
import io.backproplens.engine.Init;
import io.backproplens.engine.LargeArrays;
import io.backproplens.engine.Model;
import io.backproplens.engine.SameDiffModel;
import io.backproplens.engine.Tensor;
import io.backproplens.engine.Trace;
import io.backproplens.engine.TraceStep;
import io.backproplens.engine.Weights;
import io.backproplens.matmul.MatmulVariant;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The measurements behind {@code bench}: the notebook's matmul ladder on a small product, and one
 * full-batch forward and backward pass of the engine against SameDiff and against the square-GEMM
 * rate of this machine, measured in the same run (the machine is shared, so absolute times move;
 * ratios within one run are what mean something). No printing here.
 */
public final class Benchmark {
    /** Square GEMM size for the machine's practical peak: big enough that BLAS runs at full speed. */
    public static final int SQUARE = 2048;

    public record Rung(MatmulVariant variant, Timing timing, double speedup) {}

    /** One matrix product of the pass, timed exactly as the engine makes it. */
    public record Product(String formula, String shapes, double flops, Timing timing) {
        public double gflops() { return flops / timing.medianMs() / 1e6; }
    }

    /** One equation of the engine's pass as it ran inside the pass, from the trace's own timings. */
    public record StepTime(String step, String equation, Timing timing) {}

    /**
     * @param flops      the engine pass's floating-point operations: its five matrix products (x.g is
     *                   skipped), which are all but ~0.1% of the work; the element-wise steps are not counted
     * @param readBytes  bytes the read-bandwidth probe reads per run (x_train once)
     * @param movedBytes bytes the pass cannot avoid moving: x read once, and each rows x nh array the
     *                   trace keeps ({@code l1, l2, l2.g, l1.g}) written once
     * @param steps      every equation of the pass, in trace order, timed inside the engine's runs; the
     *                   last entry is the time of each run outside the equations (module calls, records)
     */
    public record FwdBwd(long rows, int nh, Timing engine, Timing sameDiff, Timing squareGemm,
                         double flops, List<Product> products, Timing read, long readBytes, long movedBytes,
                         List<StepTime> steps, Variants variants) {
        public double gemmGflops() { return 2.0 * SQUARE * SQUARE * SQUARE / squareGemm.medianMs() / 1e6; }

        /** Memory read bandwidth measured on x_train in this run, GB/s. */
        public double readGbps() { return readBytes / read.medianMs() / 1e6; }

        /** The pass's roofline: its FLOPs at the square-GEMM rate or its bytes at the read bandwidth, whichever is slower. */
        public double limitMs() { return Math.max(msAtGemmRate(), movedBytes / readGbps() / 1e6); }

        /** The engine's time as a multiple of {@link #limitMs}. */
        public double overLimit() { return engine.medianMs() / limitMs(); }


        public double engineGflops() { return flops / engine.medianMs() / 1e6; }

        /** How long the engine's FLOP count would take at the square-GEMM rate. */
        public double msAtGemmRate() { return flops / gemmGflops() / 1e6; }

        public double engineOverSameDiff() { return engine.medianMs() / sameDiff.medianMs(); }

        public double fractionOfGemmRate() { return engineGflops() / gemmGflops(); }
    }

    /**
     * The same pass run other ways, in the same rounds: with ND4J's default threads everywhere
     * (what the engine did before it chose its threads), writing into its previous call's arrays
     * (a model called in a loop), over row blocks ({@link BlockedPass}), and {@code kept}: with
     * new memory for every large array, none from the pool (a pass that follows the last one
     * before the collector or a release gave its memory back), its arrays left to the collector.
     */
    /** {@code rowMajor}: the same pass on x as loaded (row-major), the layout the app's session keeps (one copy of x_train). */
    public record Variants(Timing allThreads, Timing reused, Timing blocked, int blockRows, Timing kept, Timing rowMajor) {}

    /**
     * Closes the arrays a pass wrote (its outputs and gradients, not x, y or the weights), as the
     * app's {@code Session.release} does for a pass no one holds, and as the collector does for a
     * pass the app let go of: the engine's large arrays then go back to its pool of mappings
     * ({@code LargeArrays}) and the next pass writes into memory that is already the process's.
     * Runs inside the timed pass (it costs microseconds).
     */
    static void release(Trace t) { t.closeWritten(); }

    /** Rows per block for the blocked pass. */
    public static final int BLOCK_ROWS = 4096;

    public record Result(List<Rung> ladder, FwdBwd fwdBwd) {}

    private final int runs;

    public Benchmark(int runs) {
        if (runs < 1) throw new IllegalArgumentException("--runs must be at least 1, got " + runs);
        this.runs = runs;
    }

    /** The ladder on {@code xValid[:5] @ w(784x10)}, as 01_matmul times it. */
    public List<Rung> ladder(INDArray xValid, long seed) {
        INDArray a = xValid.get(NDArrayIndex.interval(0, 5), NDArrayIndex.all()).dup('c');
        Nd4j.getRandom().setSeed(seed);
        INDArray w = Nd4j.randn(a.dataType(), a.size(1), 10);
        List<Timing> times = new ArrayList<>();
        for (MatmulVariant v : MatmulVariant.values()) {
            // The triple loop is slow enough that a couple of warm-up calls are plenty for the JIT.
            int warm = v == MatmulVariant.TRIPLE_LOOP ? 2 : 20;
            times.add(Timing.of(warm, runs, () -> v.compute(a, w)));
        }
        double base = times.get(0).medianMs();
        List<Rung> ladder = new ArrayList<>();
        for (int i = 0; i < times.size(); i++) {
            ladder.add(new Rung(MatmulVariant.values()[i], times.get(i), base / times.get(i).medianMs()));
        }
        return ladder;
    }

    /** The notebook's model on {@code x}: forward and backward of every parameter gradient, no x.g. */
    private static Model pass(Weights w, INDArray x, INDArray y) {
        Model m = Model.notebook(w, 0).inputGrad(false);
        m.call(new Tensor("x", x), new Tensor("y", y));
        m.backward();
        return m;
    }

    /**
     * Forward and backward of all parameter gradients (no x.g) on the whole training set, float32.
     * The engine, SameDiff and the square GEMM take turns within each round, so a neighbour's load
     * on the shared machine slows all three alike and the ratios stay meaningful.
     */
    public FwdBwd fwdBwd(INDArray xTrain, INDArray yTrain, int nh, long seed) {
        INDArray x = Model.prepareInput(xTrain, DataType.FLOAT);
        INDArray xRows = xTrain.dataType() == DataType.FLOAT && xTrain.ordering() == 'c' ? xTrain : xTrain.castTo(DataType.FLOAT).dup('c');
        INDArray y = yTrain.castTo(DataType.FLOAT);
        Weights w = Weights.init(Init.KAIMING, nh, seed, DataType.FLOAT);
        SameDiffModel sd = new SameDiffModel(w, 0, DataType.FLOAT, false);
        SquareGemm gemm = new SquareGemm();
        List<double[]> lineMs = new ArrayList<>();
        List<String[]> lineNames = new ArrayList<>();
        Runnable engine = () -> {
            long t0 = System.nanoTime();
            CpuThreads.forNextPass();
            Model m = pass(w, x, y);
            lineMs.add(lineTimes(m.trace(), (System.nanoTime() - t0) / 1e6));
            if (lineNames.isEmpty()) lineNames.addAll(lineNames(m.trace()));
            release(m.trace());
        };
        Runnable kept = () -> LargeArrays.freshDuring(() -> {
            CpuThreads.forNextPass();
            pass(w, x, y);
        });
        Runnable allThreads = () -> {
            CpuThreads.allCores();
            release(pass(w, x, y).trace());
        };
        Model reusing = Model.notebook(w, 0).inputGrad(false).reuseArrays(true);
        Runnable reused = () -> {
            CpuThreads.forNextPass();
            reusing.call(new Tensor("x", x), new Tensor("y", y));
            reusing.backward();
        };
        Runnable blocked = () -> {
            CpuThreads.forNextPass();
            Model m = Model.notebook(w, 0).inputGrad(false);
            new BlockedPass(m, BLOCK_ROWS).run(new Tensor("x", x), new Tensor("y", y));
            release(m.trace());
        };
        Runnable rowMajor = () -> {
            CpuThreads.forNextPass();
            release(pass(w, xRows, y).trace());
        };
        Runnable sameDiff = () -> {
            CpuThreads.allCores();
            Map<String, INDArray> g = sd.gradients(x, y);
            if (g.size() != SameDiffModel.PARAMS.size()) throw new IllegalStateException("SameDiff returned " + g.keySet());
        };
        List<Timing> t;
        Timing read;
        Variants variants;
        try (ReadBandwidth bw = new ReadBandwidth(x)) {
            List<Timing> all = Timing.interleaved(2, runs, List.of(gemm, engine, sameDiff, bw, allThreads, reused, blocked, kept, rowMajor));
            t = all.subList(0, 3);
            read = all.get(3);
            variants = new Variants(all.get(4), all.get(5), all.get(6), BLOCK_ROWS, all.get(7), all.get(8));
        }
        CpuThreads.allCores();
        CpuThreads.forNextPass();
        List<Product> products = products(x, w);
        double flops = products.stream().mapToDouble(Product::flops).sum();
        long rows = x.size(0), bytes = x.length() * x.data().getElementSize();
        long moved = bytes + 4L * rows * nh * x.data().getElementSize();
        return new FwdBwd(rows, nh, t.get(1), t.get(2), t.get(0), flops, products, read, bytes, moved,
                steps(lineNames, lineMs.subList(lineMs.size() - runs, lineMs.size())), variants);
    }

    /** Each equation's time in one run (ms, in trace order), then the rest of the run outside them. */
    private static double[] lineTimes(Trace t, double runMs) {
        List<TraceStep.Line> lines = t.steps().stream().flatMap(s -> s.lines().stream()).toList();
        double[] ms = new double[lines.size() + 1];
        double inside = 0;
        for (int i = 0; i < lines.size(); i++) inside += ms[i] = lines.get(i).nanos() / 1e6;
        ms[lines.size()] = runMs - inside;
        return ms;
    }

    /** {step title, bound equation} for each line of the trace, and a last entry for the time outside them. */
    private static List<String[]> lineNames(Trace t) {
        List<String[]> names = new ArrayList<>();
        for (TraceStep s : t.steps()) for (TraceStep.Line l : s.lines()) names.add(new String[]{s.title(), l.bound()});
        names.add(new String[]{"", "(outside the equations)"});
        return names;
    }

    /** Each equation's median over the timed runs, from the times the engine recorded in its traces. */
    private static List<StepTime> steps(List<String[]> names, List<double[]> runs) {
        List<StepTime> steps = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            double[] ms = new double[runs.size()];
            for (int r = 0; r < runs.size(); r++) ms[r] = runs.get(r)[i];
            steps.add(new StepTime(names.get(i)[0], names.get(i)[1], Timing.of(ms)));
        }
        return steps;
    }

    /**
     * Mini-batch training speed of the notebook's network (mse head, depth 1, nh hidden units): each
     * batch is the trainer's forward, backward and update through the engine's modules, in the data's
     * order, float32, on the one thread the trainer pins (see {@link CpuThreads#single()}).
     */
    public record TrainSpeed(int bs, int batchesPerRun, double batchesPerS) {}

    /** {@link TrainSpeed} at batch size {@code bs}: the median of runs of 100 batches. */
    public TrainSpeed trainSpeed(INDArray xTrain, INDArray yTrain, int nh, int bs, long seed) {
        int perRun = 100;
        io.backproplens.train.TrainData data = new io.backproplens.train.TrainData(xTrain, yTrain,
                xTrain.get(NDArrayIndex.interval(0, 1), NDArrayIndex.all()), yTrain.get(NDArrayIndex.interval(0, 1)));
        io.backproplens.train.TrainConfig c = io.backproplens.train.TrainConfig.defaults(io.backproplens.engine.Head.MSE)
                .withNh(nh).withBs(bs).withSeed(seed);
        io.backproplens.train.Trainer trainer = new io.backproplens.train.Trainer(c, data);
        // Batches stay inside the first epoch, so no validation pass is timed.
        Runnable batches = () -> {
            if (trainer.snapshot().step() + perRun >= trainer.batchesPerEpoch()) trainer.reset();
            for (int i = 0; i < perRun; i++) trainer.step();
        };
        // Five runs (500 batches) of warm-up: the JIT compiles the trainer's loop over its first few
        // hundred batches, and with one run of warm-up the median still held cold runs (1,100-2,000
        // batches/s where `train` runs its second epoch at 2,000-2,200). The peers time whole epochs
        // after a first one (bench/peers/train_speed.py).
        List<Timing> t = Timing.interleaved(5, Math.max(runs, 5), List.of(batches));
        return new TrainSpeed(bs, perRun, perRun * 1000 / t.get(0).medianMs());
    }

    /** The machine's practical peak: a square float GEMM into an f-order result. */
    static final class SquareGemm implements Runnable {
        private final INDArray a, b, c;

        SquareGemm() {
            Nd4j.getRandom().setSeed(1);
            a = Nd4j.randn(DataType.FLOAT, SQUARE, SQUARE);
            b = Nd4j.randn(DataType.FLOAT, SQUARE, SQUARE);
            c = Nd4j.createUninitialized(DataType.FLOAT, new long[]{SQUARE, SQUARE}, 'f');
        }

        /** On every core: the machine's rate, whatever the engine chose for its own pass. */
        @Override
        public void run() {
            CpuThreads.allCores();
            Nd4j.gemm(a, b, c, false, false, 1.0, 0.0);
        }
    }

    /** Each product of the engine's pass, with arrays of the pass's shapes and layouts, timed in turns. */
    private List<Product> products(INDArray x, Weights w) {
        long n = x.size(0), m = x.size(1), nh = w.hidden();
        INDArray w1 = w.w1().value(), w2 = w.w2().value();
        INDArray l1 = Gemm.mmul(x, false, w1, false);
        INDArray outG = Gemm.mmul(l1, false, w2, false);
        record Spec(String formula, String shapes, double flops, Runnable work) {}
        List<Spec> specs = List.of(
                new Spec("l1 = x @ w1", n + "x" + m + " @ " + m + "x" + nh, 2.0 * n * m * nh,
                        () -> Gemm.mmul(x, false, w1, false)),
                new Spec("out = l2 @ w2", n + "x" + nh + " @ " + nh + "x1", 2.0 * n * nh,
                        () -> Gemm.mmul(l1, false, w2, false)),
                new Spec("w2.g = l2.t() @ out.g", nh + "x" + n + " @ " + n + "x1", 2.0 * n * nh,
                        () -> Gemm.mmul(l1, true, outG, false)),
                new Spec("l2.g = out.g @ w2.t()", n + "x1 @ 1x" + nh, 2.0 * n * nh,
                        () -> Gemm.mmul(outG, false, w2, true)),
                new Spec("w1.g = x.t() @ l1.g", m + "x" + n + " @ " + n + "x" + nh, 2.0 * n * m * nh,
                        () -> Gemm.mmul(x, true, l1, false)));
        List<Timing> t = Timing.interleaved(2, runs, specs.stream().map(Spec::work).toList());
        List<Product> p = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            Spec sp = specs.get(i);
            p.add(new Product(sp.formula(), sp.shapes(), sp.flops(), t.get(i)));
        }
        return p;
    }
}
