package io.backproplens.ui.network;

import io.backproplens.engine.TensorRef;
import io.backproplens.stats.Summary;
import io.backproplens.ui.core.Background;
import io.backproplens.ui.core.InFlight;
import io.backproplens.ui.core.Newest;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * Computes inspections off the FX thread, newest request wins: clicking through tensors quickly
 * never queues up statistics of 39 million elements. Statistics are cached per array (the trace's
 * arrays never change), so stepping back and forth is instant.
 */
final class InspectionWorker {
    private static final Logger LOG = LoggerFactory.getLogger(InspectionWorker.class);
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "lens-inspector");
        t.setDaemon(true);
        return t;
    });
    private final Newest requests = new Newest();
    private final Map<INDArray, Summary> summaries = Collections.synchronizedMap(new IdentityHashMap<>());

    /** Computes the inspection, then hands it to {@code onDone} on the FX thread unless a newer one was asked for. */
    void inspect(TensorRef ref, InspectMode mode, int sample, Consumer<Inspection> onDone, Consumer<Throwable> onError) {
        Newest.Ticket mine = requests.begin();
        InFlight.begin();
        executor.submit(() -> {
            try {
                if (mine.stale()) return;
                long t0 = System.nanoTime();
                Summary s = summaries.computeIfAbsent(ref.array(), Summary::of);
                if (mine.stale()) return;
                TensorPictures.Picture picture = TensorPictures.picture(ref, mode, sample);
                Inspection result = new Inspection(ref, mode, sample, s, picture.raster(), picture.index());
                LOG.debug("inspected {} {} in {} ms", ref, mode, (System.nanoTime() - t0) / 1_000_000);
                Background.onFx(() -> mine.ifCurrent(() -> onDone.accept(result)));
            } catch (Throwable e) {
                LOG.error("inspecting {} failed", ref, e);
                Background.onFx(() -> mine.ifCurrent(() -> onError.accept(e)));
            } finally {
                InFlight.end();
            }
        });
    }

    /** Forgets cached statistics (a new pass brings new arrays; the old ones may be freed). */
    void clear() { summaries.clear(); }

    /** Drops any pending request (e.g. nothing to inspect any more). */
    void cancel() { requests.cancel(); }
}
