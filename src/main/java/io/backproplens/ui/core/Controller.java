package io.backproplens.ui.core;

import io.backproplens.bench.ProcessVitals;
import io.backproplens.session.Datasets;
import io.backproplens.session.PassResult;
import io.backproplens.session.Session;
import io.backproplens.session.Settings;
import io.backproplens.session.Trained;
import org.nd4j.linalg.api.buffer.DataType;

import java.util.function.UnaryOperator;

/**
 * The only class that knows both the views' state and the engine: loads the data, reruns the pass
 * whenever the settings change, and puts results into {@link AppState} on the FX thread.
 */
public final class Controller {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Controller.class);
    private final AppState state;
    private final Background background;
    private final Newest passes = new Newest();
    private final AfterFrames recomputeAfterFrames = new AfterFrames(this::recompute);

    public Controller(AppState state, Background background) {
        this.state = state;
        this.background = background;
        state.settings.addListener((obs, old, now) -> {
            // New settings start another run: the trained model is not theirs, show their initial one.
            Trained t = state.trained.get();
            if (state.showTrained.get() && (t == null || !t.startsFrom(now))) state.showTrained.set(false);
            recomputeAfterFrames.request();
        });
        state.showTrained.addListener((obs, old, on) -> {
            Trained t = state.trained.get();
            if (on && t == null) { state.showTrained.set(false); return; }
            if (on && !t.startsFrom(state.settings.get())) state.settings.set(t.applyTo(state.settings.get()));
            else recompute();
        });
        state.trained.addListener((obs, old, now) -> {
            if (!state.showTrained.get()) return;
            if (now == null) state.showTrained.set(false);
            else if (!now.startsFrom(state.settings.get())) state.settings.set(now.applyTo(state.settings.get()));
            else recompute();
        });
    }

    public AppState state() { return state; }

    public Background background() { return background; }

    /** Starts ND4J and loads the bundled MNIST in the background, then runs the first pass. */
    public void start() {
        io.backproplens.engine.NativeMemory.collectPeriodically();
        background.submit("Loading ND4J and MNIST", Controller::loadBundled, session -> {
            state.session.set(session);
            recompute();
        });
    }

    /** The bundled data; if it cannot be read, a message that says how to get it back. */
    private static Session loadBundled() throws java.io.IOException { return load(Datasets::bundled); }

    /** Where the data comes from: the bundled MNIST in the app, any source in tests. */
    interface DataSource {
        io.backproplens.session.Dataset read() throws java.io.IOException;
    }

    static Session load(DataSource source) throws java.io.IOException {
        try {
            return new Session(source.read(), DataType.FLOAT);
        } catch (java.io.IOException e) {
            throw new java.io.IOException("The bundled MNIST could not be read (" + e.getMessage() + "). It travels in "
                    + "the app's jar from data/mnist/: rebuild from a full clone with 'mvn -B package', or start the app "
                    + "with 'mvn javafx:run'.", e);
        }
    }

    /**
     * Applies a change to the settings. An invalid one (nh = 0, say) is refused with its message
     * and the current settings stay.
     *
     * @return null when applied, else the message saying what is wrong
     */
    public String update(UnaryOperator<Settings> change) {
        try {
            state.settings.set(change.apply(state.settings.get()));
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /** Reruns the pass for the current settings; stale requests are skipped, the newest wins. */
    public void recompute() {
        Session session = state.session.get();
        if (session == null) return;
        Settings wanted = state.settings.get();
        Trained trained = wanted();
        String what = "Forward and backward on " + (wanted.batch() == 0 ? "all " + session.data().trainRows()
                : Integer.toString(wanted.batch())) + " samples (" + (trained == null ? wanted.init() : "trained: " + trained.what()) + ")";
        passes.submit(background, what, ticket -> session.run(wanted, trained), this::apply);
    }

    /** The trained weights the pass should run on now, or null for the settings' initial ones. */
    private Trained wanted() {
        Trained t = state.trained.get();
        return state.showTrained.get() && t != null && t.startsFrom(state.settings.get()) ? t : null;
    }

    private void apply(PassResult result) {
        if (!result.settings().equals(state.settings.get()) || result.trained() != wanted()) return;
        int rows = (int) result.trace().get(0).reads().get(0).array().size(0);
        if (state.sample.get() >= rows) state.sample.set(0);
        if (state.pass.get() == null) LOG.info("Ready: first pass shown {}", ProcessVitals.summary());
        state.pass.set(result);
        state.step.set(Math.min(state.step.get(), result.trace().size() - 1));
    }
}
