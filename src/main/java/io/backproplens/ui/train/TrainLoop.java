package io.backproplens.ui.train;

import io.backproplens.train.TrainConfig;
import io.backproplens.train.TrainData;
import io.backproplens.train.Trainer;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The one training thread of the Train view and the trainers it drives. Every command (build,
 * step, play, reset) is a task on that thread, in order, so a Step never interleaves with Play and
 * a Reset waits for the batch in flight. Trainers of a race are stepped in turn, batch by batch:
 * they see the same batches at the same time. The FX thread never waits here: it reads
 * {@link #runs()} and each trainer's snapshot.
 */
final class TrainLoop {
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "lens-train");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean playing = new AtomicBoolean();
    private final Consumer<Throwable> onFailure;
    private final Runnable onStopped;
    private volatile List<Run> runs = List.of();

    /**
     * @param onStopped called on the training thread when Play stops (paused, finished or failed)
     * @param onFailure called on the training thread with what a batch threw
     */
    TrainLoop(Runnable onStopped, Consumer<Throwable> onFailure) {
        this.onStopped = onStopped;
        this.onFailure = onFailure;
    }

    /** The trainers now (empty until the first {@link #build}). */
    List<Run> runs() { return runs; }

    boolean playing() { return playing.get(); }

    /** New trainers for these configs on this data, replacing the old ones (Play stops first). */
    CompletableFuture<List<Run>> build(List<TrainConfig> configs, TrainData data) {
        playing.set(false);
        return submit(() -> runs = configs.stream().map(c -> Run.of(new Trainer(c, data))).toList());
    }

    /** One mini-batch for every trainer that has epochs left. */
    CompletableFuture<List<Run>> step() {
        playing.set(false);
        return submit(() -> { stepAll(); return runs; });
    }

    /** Back to the initial weights and the first batch, every trainer. */
    CompletableFuture<List<Run>> reset() {
        playing.set(false);
        return submit(() -> {
            for (Run r : runs) {
                r.trainer().reset();
                r.activity().clear();
            }
            return runs;
        });
    }

    /** Batches until {@code epochs} (1.5: one and a half) are done, or the configured ones: to show a trained scene. */
    CompletableFuture<List<Run>> trainTo(double epochs) {
        playing.set(false);
        return submit(() -> {
            while (!runs.isEmpty() && runs.get(0).trainer().snapshot().epochProgress() < epochs - 1e-9 && stepAll()) { }
            return runs;
        });
    }

    /** Trains in the background until {@link #pause} or the configured epochs are done. */
    void play() {
        if (!playing.compareAndSet(false, true)) return;
        thread.submit(() -> {
            try {
                while (playing.get() && stepAll()) { }
            } catch (Throwable t) {
                onFailure.accept(t);
            } finally {
                playing.set(false);
                onStopped.run();
            }
        });
    }

    /** Stops Play after the batch in flight. */
    void pause() { playing.set(false); }

    /** Completes when every command sent so far has run. */
    CompletableFuture<List<Run>> idle() { return submit(() -> runs); }

    /** @return whether any trainer took a batch */
    private boolean stepAll() {
        boolean any = false;
        for (Run r : runs) {
            if (r.trainer().finished()) continue;
            r.trainer().step();
            any = true;
        }
        return any;
    }

    private CompletableFuture<List<Run>> submit(java.util.concurrent.Callable<List<Run>> work) {
        CompletableFuture<List<Run>> done = new CompletableFuture<>();
        thread.submit(() -> {
            try {
                done.complete(work.call());
            } catch (Throwable t) {
                onFailure.accept(t);
                done.completeExceptionally(t);
            }
        });
        return done;
    }
}
