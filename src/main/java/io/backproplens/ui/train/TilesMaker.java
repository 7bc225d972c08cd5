package io.backproplens.ui.train;

import io.backproplens.train.TrainSnapshot;
import io.backproplens.ui.common.ColorMap;
import io.backproplens.ui.common.Fmt;
import io.backproplens.ui.common.Raster;
import io.backproplens.ui.common.UnitTiles;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The pictures of w1's tiles for the Train view, made on a thread of their own. Turning 784 x nh
 * weights into coloured tiles took the FX thread 1-2 ms a picture once compiled, but 5-15 ms in
 * the first second of Play, before the JIT had compiled the loop: alone it pushed those frames
 * over the 16 ms budget. The FX thread only hands the finished picture to the view.
 * <p>
 * One picture at a time: a request while one is being made is refused, and the view asks again
 * at a later frame with the newest weights (a snapshot's arrays are never written again, so the
 * other thread reads them safely).
 */
final class TilesMaker {
    /** A finished picture, of the weights of {@code snapshot}. */
    record Tiles(TrainSnapshot snapshot, Raster raster, long generation) {}

    private static final ExecutorService THREAD = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "train-tiles");
        t.setDaemon(true);
        return t;
    });

    private final AtomicBoolean busy = new AtomicBoolean();
    private final AtomicReference<Tiles> done = new AtomicReference<>();
    /** Bumped by {@link #forget}: pictures of weights from before it are dropped when they arrive. */
    private volatile long generation;

    /** Starts a picture of {@code s}'s w1; false when one is still being made (ask again later). */
    boolean request(TrainSnapshot s) {
        if (!busy.compareAndSet(false, true)) return false;
        long gen = generation;
        try {
            THREAD.execute(() -> {
                try {
                    done.set(new Tiles(s, of(s), gen));
                } finally {
                    busy.set(false);
                }
            });
        } catch (RuntimeException e) {
            busy.set(false);
            throw e;
        }
        return true;
    }

    /** The newest finished picture not taken yet, or null; pictures made before {@link #forget} are dropped. */
    Tiles take() {
        Tiles t = done.getAndSet(null);
        return t == null || t.generation() != generation ? null : t;
    }

    /** The run changed (a reset, new settings): whatever is being made is of weights no longer shown. */
    void forget() {
        generation++;
        done.set(null);
    }

    /** The picture itself: w1 as nh tiles of 28x28, captioned with the batch it is after. */
    static Raster of(TrainSnapshot s) {
        Raster t = UnitTiles.of(s.params().w(1).value(), "w1", ColorMap.DIVERGING);
        int nh = s.params().hidden();
        return new Raster(t.width(), t.height(), t.values(), t.argb(), t.map(), t.lo(), t.hi(), true, t.cells(),
                nh + " units, " + UnitTiles.columns(nh) + " per row, after batch " + Fmt.count(s.step()));
    }
}
