package io.backproplens.train;

import io.backproplens.engine.CpuThreads;
import io.backproplens.engine.Model;
import io.backproplens.engine.Params;
import io.backproplens.engine.Tensor;
import io.backproplens.engine.Trace;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;

/**
 * 03_minibatch_training's loop with the engine's own modules: for each mini-batch, the model's
 * forward, backward and update ({@code w -= lr * w.g}), all recorded in the batch's trace. The
 * validation set runs at each epoch's end (and every {@code evalEvery} batches). Nothing here depends
 * on time or threads, so the same config gives bit-identical weights and curves.
 *
 * <p>Threads: the mutating methods hold one lock, so a Step from the UI and a running Play never
 * interleave; {@link #snapshot()} never blocks.
 *
 * <p>Speed: the model writes into arrays it allocated once per batch size ({@link Model#reuseArrays}),
 * since at bs 64 a fresh 784x50 array costs as much as the product that fills it. A batch's trace
 * therefore stays as it is during the next batch and is then written over, and listeners, which run
 * on the training thread inside the batch, must copy what they keep. A snapshot is only made when
 * asked for: the arrays it holds are handed over by the model ({@link Model#keepArrays()}) and never
 * written again, without a copy per batch.
 */
public final class Trainer {
    /** One mini-batch done: {@code step} counts from 1 over the whole run, {@code index} from 0 in its epoch. */
    public record Batch(long step, int epoch, int index, int rows, double loss, Trace trace) {}

    /** The validation set's loss and accuracy (as the head defines it) after {@code step} batches. */
    public record Evaluation(long step, double epoch, double loss, double accuracy) {}

    /**
     * A completed epoch (1-based): the mean of its batches' losses weighted by their rows, the
     * validation loss and accuracy at its end, and the time spent in it.
     */
    public record Epoch(int epoch, double trainLoss, double validLoss, double validAccuracy, double millis) {}

    /**
     * Called on the training thread; every method has an empty default. A batch's trace (and its
     * arrays) is valid until the batch after it ends: copy what you keep longer.
     */
    public interface Listener {
        default void batch(Batch b) {}
        default void evaluated(Evaluation e) {}
        default void epochEnded(Epoch e) {}
    }

    /** Decorrelates the data order's random stream from the weights', which also start from the seed. */
    private static final long SHUFFLE_SALT = 0x5DEECE66DL;

    private final TrainConfig config;
    private final TrainData data;
    private final Params initial;
    private final Tensor xValid, yValid;
    private final int batchesPerEpoch;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    /** The batches' views of x_train and y_train in the data's order, by array (by identity) and first row. */
    private record ViewKey(INDArray array, int start) {
        @Override public boolean equals(Object o) { return o instanceof ViewKey k && k.array == array && k.start == start; }
        @Override public int hashCode() { return System.identityHashCode(array) * 31 + start; }
    }
    private final java.util.Map<ViewKey, INDArray> views = new java.util.HashMap<>();

    private Params params;
    private Model model;
    private Random shuffleRng;
    private int[] order;
    private volatile long step;
    private int epoch, batchInEpoch;
    private double epochLossSum, epochNanos;
    private final Series trainLoss = new Series();
    private List<Evaluation> evaluations;
    private List<Epoch> epochs;
    private Trace lastTrace;
    private volatile TrainSnapshot snapshot;
    /** A reader found the snapshot behind: publish after the current batch. */
    private volatile boolean wanted;
    private final ReentrantLock lock = new ReentrantLock();

    public Trainer(TrainConfig config, TrainData data) {
        this.config = config;
        this.data = data;
        this.initial = Params.init(config.init(), config.depth(), config.nh(), config.head().outputs(), config.seed(), DataType.FLOAT);
        this.xValid = new Tensor("x_valid", data.xValid());
        this.yValid = new Tensor("y_valid", data.yValid());
        this.batchesPerEpoch = (data.trainRows() + config.bs() - 1) / config.bs();
        reset();
    }

    public TrainConfig config() { return config; }

    public int batchesPerEpoch() { return batchesPerEpoch; }

    /** The weights before any training (a copy: train it, the trainer's stays as it was). */
    public Params initialParams() { return initial.copy(); }

    public void addListener(Listener l) { listeners.add(l); }

    public void removeListener(Listener l) { listeners.remove(l); }

    /**
     * The state after the latest batch, or, while a batch is running, after an earlier one (the
     * trainer publishes a new one when its current batch ends). Never waits for the trainer: call it
     * from the UI every frame.
     */
    public TrainSnapshot snapshot() {
        TrainSnapshot s = snapshot;
        if (s.step() == step) return s;
        wanted = true;
        if (!lock.tryLock()) return s;
        try {
            if (snapshot.step() != step) publish();
            return snapshot;
        } finally {
            lock.unlock();
        }
    }

    /** Back to the initial weights, step 0 and the first epoch's data order. */
    public void reset() {
        lock.lock();
        try {
            resetLocked();
        } finally {
            lock.unlock();
        }
    }

    private void resetLocked() {
        params = initial.copy();
        model = Model.stack(params, config.head(), config.reluShift()).reuseArrays(true);
        shuffleRng = new Random(config.seed() ^ SHUFFLE_SALT);
        step = 0;
        epoch = 0;
        startEpoch();
        trainLoss.clear();
        evaluations = List.of();
        epochs = List.of();
        lastTrace = null;
        publish();
    }

    /** Whether the configured epochs are done; {@link #step()} still trains on if called. */
    public boolean finished() { return locked(() -> epoch >= config.epochs()); }

    /** One mini-batch: forward, backward, update; then the validation set if one is due. */
    public Batch step() {
        return locked(() -> {
            try (var one = CpuThreads.single()) {
                return stepOnOneThread();
            }
        });
    }

    private <T> T locked(java.util.function.Supplier<T> work) {
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    private Batch stepOnOneThread() {
        long t0 = System.nanoTime();
        int start = batchInEpoch * config.bs(), rows = Math.min(config.bs(), data.trainRows() - start);
        Tensor xb = new Tensor("xb", rows(data.xTrain(), start, rows));
        Tensor yb = new Tensor("yb", rows(data.yTrain(), start, rows));
        double loss = model.call(xb, yb).value().getDouble(0);
        model.backward();
        model.update(config.lr());
        lastTrace = model.trace();
        step++;
        batchInEpoch++;
        trainLoss.add(loss);
        epochLossSum += loss * rows;
        Batch b = new Batch(step, epoch, batchInEpoch - 1, rows, loss, lastTrace);
        listeners.forEach(l -> l.batch(b));
        boolean epochEnds = batchInEpoch == batchesPerEpoch;
        Evaluation e = epochEnds || (config.evalEvery() > 0 && step % config.evalEvery() == 0) ? evaluateNow() : null;
        epochNanos += System.nanoTime() - t0;
        if (epochEnds) {
            Epoch done = new Epoch(epoch + 1, epochLossSum / data.trainRows(), e.loss(), e.accuracy(), epochNanos / 1e6);
            epochs = append(epochs, done);
            epoch++;
            startEpoch();
            listeners.forEach(l -> l.epochEnded(done));
        }
        if (wanted || e != null) publish();
        return b;
    }

    /** Mini-batches until the current epoch ends. */
    public Epoch epoch() {
        return locked(() -> {
            int current = epoch;
            while (epoch == current) step();
            return epochs.get(epochs.size() - 1);
        });
    }

    /** The configured epochs from where training is now. */
    public List<Epoch> run() {
        return locked(() -> {
            List<Epoch> done = new ArrayList<>();
            while (!finished()) done.add(epoch());
            return done;
        });
    }

    /** The validation set's loss and accuracy with the weights now (recorded like the scheduled ones). */
    public Evaluation evaluate() {
        return locked(() -> {
            Evaluation e;
            try (var one = CpuThreads.single()) {
                e = evaluateNow();
            }
            publish();
            return e;
        });
    }

    private Evaluation evaluateNow() {
        // A second model on the same tensors: the training model's trace stays the last batch's.
        Model m = Model.stack(params, config.head(), config.reluShift());
        double loss = m.call(xValid, yValid).value().getDouble(0);
        INDArray out = m.layers().get(m.layers().size() - 1).out().value();
        Evaluation e = new Evaluation(step, epoch + batchInEpoch / (double) batchesPerEpoch, loss,
                config.head().accuracy(out, yValid.value()));
        evaluations = append(evaluations, e);
        listeners.forEach(l -> l.evaluated(e));
        return e;
    }

    private void startEpoch() {
        batchInEpoch = 0;
        epochLossSum = 0;
        epochNanos = 0;
        order = config.shuffle() ? permutation(data.trainRows(), shuffleRng) : null;
    }

    /**
     * Rows {@code start..start+n} of the epoch's order: a view in the data's order (made once per
     * batch: each view costs a native allocation, ~8 us at bs 64), gathered rows when shuffled.
     */
    private INDArray rows(INDArray a, int start, int n) {
        if (order == null) {
            return views.computeIfAbsent(new ViewKey(a, start), k -> a.rank() == 1 ? a.get(NDArrayIndex.interval(start, start + n))
                    : a.get(NDArrayIndex.interval(start, start + n), NDArrayIndex.all()));
        }
        int[] idx = java.util.Arrays.copyOfRange(order, start, start + n);
        return a.rank() == 1 ? Nd4j.pullRows(a.reshape(a.length(), 1), 1, idx).reshape(n) : Nd4j.pullRows(a, 1, idx);
    }

    /** Fisher-Yates from a seeded {@link Random}: the same seed gives the same orders on every JDK. */
    static int[] permutation(int n, Random rng) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) p[i] = i;
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1), t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    /** A new snapshot of the state now; the arrays it holds are the snapshot's from here on. Under the lock. */
    private void publish() {
        wanted = false;
        model.keepArrays();
        Params now = new Params(params.tensors().stream().map(t -> new Tensor(t.name(), t.value())).toList());
        snapshot = new TrainSnapshot(config, step, epoch, batchInEpoch, batchesPerEpoch, trainLoss.view(),
                evaluations, epochs, now, lastTrace);
    }

    private static <T> List<T> append(List<T> list, T item) {
        List<T> l = new ArrayList<>(list);
        l.add(item);
        return List.copyOf(l);
    }
}
