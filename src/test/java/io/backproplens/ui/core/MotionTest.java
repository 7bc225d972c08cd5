package io.backproplens.ui.core;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.KeyValue;
import javafx.animation.Timeline;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.util.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules of motion between steps, on a clock the test moves: one Next animates, a Next while an
 * animation runs ends it (its decoration removed) and lands at once, Nexts faster than an animation
 * lasts never animate, other moves never do, and the preference turns it all off.
 */
@ExtendWith(ApplicationExtension.class)
class MotionTest {
    private final SimpleBooleanProperty enabled = new SimpleBooleanProperty(true);
    private final SimpleDoubleProperty speed = new SimpleDoubleProperty(1 / 1.2);
    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    private final AtomicInteger cleaned = new AtomicInteger();
    private final SimpleDoubleProperty decoration = new SimpleDoubleProperty();

    private Motion motion() { return new Motion(enabled, speed::get, clock::get); }

    private Animation animation() {
        return new Timeline(new KeyFrame(Duration.millis(500), new KeyValue(decoration, 1)));
    }

    private void step(Motion m, boolean oneForward) {
        m.stepped(oneForward, this::animation, cleaned::incrementAndGet);
    }

    private void later(double ms) { clock.addAndGet((long) (ms * 1e6)); }

    @Test
    void durationIsMostOfAStepAtThePlaySpeedWithin300To600Ms() {
        assertThat(Motion.duration(1 / 1.2).toMillis()).isEqualTo(600);   // the network's default: 1.2 s a step
        assertThat(Motion.duration(1).toMillis()).isEqualTo(600);
        assertThat(Motion.duration(1 / 3.0).toMillis()).isEqualTo(600);   // slowest: capped
        assertThat(Motion.duration(1 / 0.6).toMillis()).isCloseTo(360, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(Motion.duration(2).toMillis()).isEqualTo(300);          // the matmul stepper's default
        assertThat(Motion.duration(2.5)).isEqualTo(Duration.ZERO);         // faster play: steps land at once
        assertThat(Motion.duration(1 / 0.3)).isEqualTo(Duration.ZERO);
    }

    @Test
    void aNextDuringAnAnimationEndsItAndLandsAtOnce() {
        fx(() -> {
            Motion m = motion();
            step(m, true);
            assertThat(m.running()).isTrue();
            assertThat(m.played()).isEqualTo(1);
            later(100);
            step(m, true);
            assertThat(m.running()).as("the second Next lands without motion").isFalse();
            assertThat(cleaned.get()).as("the first animation's decoration was removed").isEqualTo(1);
            // Still clicking fast: no motion, not every other step.
            later(200);
            step(m, true);
            assertThat(m.running()).isFalse();
            // A pause longer than an animation: motion again.
            later(700);
            step(m, true);
            assertThat(m.running()).isTrue();
            assertThat(m.played()).isEqualTo(2);
            return null;
        });
    }

    @Test
    void previousResetAndEndNeverAnimateAndEndTheRunningOne() {
        fx(() -> {
            Motion m = motion();
            step(m, true);
            step(m, false);
            assertThat(m.running()).isFalse();
            assertThat(cleaned.get()).isEqualTo(1);
            later(1000);
            step(m, false);
            assertThat(m.played()).isEqualTo(1);
            return null;
        });
    }

    @Test
    void reducedMotionRunsNothingAndTurningItOffEndsTheRunningOne() {
        fx(() -> {
            Motion m = motion();
            step(m, true);
            assertThat(m.running()).isTrue();
            enabled.set(false);
            assertThat(m.running()).isFalse();
            assertThat(cleaned.get()).isEqualTo(1);
            for (int i = 0; i < 5; i++) {
                later(1000);
                step(m, true);
                assertThat(m.running()).isFalse();
            }
            assertThat(m.played()).isEqualTo(1);
            return null;
        });
    }

    @Test
    void anAnimationThatEndsByItselfRemovesItsDecoration() throws Exception {
        Motion m = fx(() -> {
            Motion mm = motion();
            step(mm, true);
            return mm;
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> !m.running()));
        assertThat(cleaned.get()).isEqualTo(1);
        assertThat(decoration.get()).isEqualTo(1.0);
    }

    private static <T> T fx(Callable<T> c) {
        try {
            return WaitForAsyncUtils.asyncFx(c).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
