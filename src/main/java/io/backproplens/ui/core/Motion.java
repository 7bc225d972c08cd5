package io.backproplens.ui.core;

import javafx.animation.Animation;
import javafx.beans.value.ObservableBooleanValue;
import javafx.util.Duration;

import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Motion between the steps of one view: at most one animation runs, it only ever decorates a
 * state the view has already drawn in full (so ending it early changes nothing but the overlay),
 * and it never holds the clicker up. A new step while one runs ends it at once and lands on the
 * new step without motion; so does stepping faster than an animation lasts, a step that is not
 * one Next forward (Previous, Reset, End), and the user's "reduced motion" preference
 * ({@link Presentation#motion}, off in snapshots so pictures are deterministic).
 */
public final class Motion {
    /** The shortest and longest animation of one step. */
    public static final double MIN_MS = 300, MAX_MS = 600;
    /** The part of a step's time (at the Play speed) that moves; the rest the class reads the result. */
    private static final double SHARE = 0.6;

    private final ObservableBooleanValue enabled;
    private final DoubleSupplier stepsPerSecond;
    private final LongSupplier nanos;
    private Animation running;
    private Runnable cleanup;
    private long lastStep = Long.MIN_VALUE;
    private int played;

    /**
     * @param enabled        the user's preference (true: motion between steps)
     * @param stepsPerSecond the view's Play speed; an animation takes 60% of a step's time
     */
    public Motion(ObservableBooleanValue enabled, DoubleSupplier stepsPerSecond) {
        this(enabled, stepsPerSecond, System::nanoTime);
    }

    Motion(ObservableBooleanValue enabled, DoubleSupplier stepsPerSecond, LongSupplier nanos) {
        this.enabled = enabled;
        this.stepsPerSecond = stepsPerSecond;
        this.nanos = nanos;
        // Turning motion off ends what runs now, not only the next step's.
        enabled.addListener((o, was, now) -> { if (!now) finish(); });
    }

    /**
     * How long one step's animation takes at {@code stepsPerSecond}: 60% of a step's time, from
     * {@link #MIN_MS} to {@link #MAX_MS}; zero (no motion) when that is shorter than
     * {@link #MIN_MS}, since a faster animation is a flicker, not a movement.
     */
    public static Duration duration(double stepsPerSecond) {
        double share = SHARE * 1000 / Math.max(1e-6, stepsPerSecond);
        return share < MIN_MS ? Duration.ZERO : Duration.millis(Math.min(MAX_MS, share));
    }

    /**
     * Called by the view after it has drawn a new step in full. Ends any running animation; then,
     * if {@code oneForward} and motion is wanted, plays the animation {@code make} builds
     * (null: nothing to animate). {@code cleanup}
     * takes the animation's decoration away again, whether it ends by itself or is cut short.
     */
    public void stepped(boolean oneForward, Supplier<Animation> make, Runnable cleanup) {
        boolean cut = finish();
        if (!oneForward || !enabled.get()) return;
        long now = nanos.getAsLong();
        Duration d = duration(stepsPerSecond.getAsDouble());
        // Nexts faster than an animation lasts: the clicker wins, every step lands at once
        // (not only the one that cut an animation short, or motion would stutter on and off).
        boolean fast = cut || lastStep != Long.MIN_VALUE && (now - lastStep) / 1e6 < d.toMillis();
        lastStep = now;
        if (fast || d.equals(Duration.ZERO)) return;
        Animation a = make.get();
        if (a == null) {
            cleanup.run();  // whatever the builder placed before finding nothing to move
            return;
        }
        running = a;
        this.cleanup = cleanup;
        a.setOnFinished(e -> finish());
        played++;
        a.play();
    }

    /** The length the next animation gets (the view builds its key frames to it). */
    public Duration duration() { return duration(stepsPerSecond.getAsDouble()); }

    /** Ends the running animation now, its decoration removed; true if one was running. */
    public boolean finish() {
        if (running == null) return false;
        Animation a = running;
        Runnable c = cleanup;
        running = null;
        cleanup = null;
        a.setOnFinished(null);
        a.stop();
        if (c != null) c.run();
        return true;
    }

    /** Whether an animation is running now. */
    public boolean running() { return running != null; }

    /** How many animations this view has started (for tests: "with motion off none ran"). */
    public int played() { return played; }
}
