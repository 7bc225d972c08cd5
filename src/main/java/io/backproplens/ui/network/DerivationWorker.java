package io.backproplens.ui.network;

import io.backproplens.engine.Trace;
import io.backproplens.explain.Derivation;
import io.backproplens.explain.Derivations;
import io.backproplens.explain.ElementProduct;
import io.backproplens.ui.core.Background;
import io.backproplens.ui.core.InFlight;
import io.backproplens.ui.core.Newest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * Derives one element off the FX thread, newest request wins: w1.g reads a 50,000-row column of
 * x (tens of ms under load), and holding an arrow key asks for one derivation per cell passed.
 */
final class DerivationWorker {
    private static final Logger LOG = LoggerFactory.getLogger(DerivationWorker.class);
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "lens-derivation");
        t.setDaemon(true);
        return t;
    });
    private final Newest requests = new Newest();

    /** Derives {@code label[index]} (and the product that computes it, if any) and hands them to {@code onDone} on the FX thread unless a newer one was asked for. */
    void derive(Trace trace, String label, long[] index, java.util.function.BiConsumer<Derivation, ElementProduct> onDone,
                Consumer<Throwable> onError) {
        Newest.Ticket mine = requests.begin();
        InFlight.begin();
        executor.submit(() -> {
            try {
                if (mine.stale()) return;
                Derivation d = Derivations.of(trace, label, index);
                // The product "Step it" opens: read here too, a column of x is 50,000 values.
                ElementProduct p = ElementProduct.of(trace, label, index).orElse(null);
                Background.onFx(() -> mine.ifCurrent(() -> onDone.accept(d, p)));
            } catch (Throwable e) {
                LOG.error("deriving {} failed", label, e);
                Background.onFx(() -> mine.ifCurrent(() -> onError.accept(e)));
            } finally {
                InFlight.end();
            }
        });
    }

    /** Drops any pending request (the panel closed, the tensor changed). */
    void cancel() { requests.cancel(); }
}
