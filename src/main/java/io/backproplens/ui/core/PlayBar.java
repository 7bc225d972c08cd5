package io.backproplens.ui.core;

import javafx.animation.AnimationTimer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.Locale;

/**
 * The one stepping control of every view: Reset / Previous / Play-Pause / Next / End, a speed
 * slider in steps per second, and a counter the owner writes, driving a {@link StepCursor}. Play
 * advances at the chosen speed and stops at the end or when stepping is blocked; pressing a step
 * button stops it (the teacher has taken over). Node ids start with the given prefix
 * ({@code mm-next}, {@code net-counter}).
 */
public final class PlayBar extends HBox {
    private final StepCursor cursor;
    private final Button play;
    private final Slider speed;
    /** The counter text, set by the owner ("multiply-adds 5 of 18"). */
    public final StringProperty counter = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper(false);
    private final AnimationTimer timer;
    /** One step forward, as Next does it; a view with predict-then-reveal puts its own here. */
    private Runnable stepForward;

    /**
     * @param minSpeed slowest play, in steps per second
     * @param maxSpeed fastest play, in steps per second
     * @param speed    the speed play starts at
     */
    public PlayBar(StepCursor cursor, String prefix, double minSpeed, double maxSpeed, double speed) {
        this.cursor = cursor;
        this.speed = new Slider(minSpeed, maxSpeed, speed);
        this.stepForward = cursor::next;
        getStyleClass().add("play-bar");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(8);
        setPadding(new Insets(6, 10, 6, 10));

        Button reset = button(prefix + "-reset", "Reset", "mdi2r-restart", "Back to the start (Home)", cursor::reset);
        Button prev = button(prefix + "-prev", "Previous", "mdi2c-chevron-left", "One step back (Left, PageUp)", cursor::previous);
        play = button(prefix + "-play", "Play", "mdi2p-play", "Play / pause (P)", null);
        play.setOnAction(e -> togglePlay());
        Button next = button(prefix + "-next", "Next", "mdi2c-chevron-right", "One step forward (Right, Space, PageDown)",
                () -> stepForward.run());
        next.setContentDisplay(ContentDisplay.RIGHT);
        Button end = button(prefix + "-end", "End", "mdi2s-skip-next", "Jump to the end (End)", cursor::end);
        end.setContentDisplay(ContentDisplay.RIGHT);

        Runnable refresh = () -> {
            reset.setDisable(!cursor.canPrevious());
            prev.setDisable(!cursor.canPrevious());
            next.setDisable(!cursor.canNext());
            end.setDisable(!cursor.canNext());
            play.setDisable(cursor.blocked.get() || cursor.count.get() == 0);
        };
        cursor.position.addListener((o, was, now) -> refresh.run());
        cursor.count.addListener((o, was, now) -> refresh.run());
        cursor.blocked.addListener((o, was, now) -> {
            if (now) pause();
            refresh.run();
        });
        refresh.run();

        Label speedLabel = new Label();
        speedLabel.getStyleClass().add("speed-label");
        speedLabel.textProperty().bind(this.speed.valueProperty().map(v -> String.format(Locale.ROOT, "%.1f steps/s", v.doubleValue())));
        speedLabel.setMinWidth(Region.USE_PREF_SIZE);
        this.speed.setId(prefix + "-speed");
        this.speed.setPrefWidth(140);
        this.speed.setMinWidth(80);
        this.speed.setFocusTraversable(false);
        this.speed.setTooltip(new Tooltip("Play speed, in steps per second"));

        Label count = new Label();
        count.setId(prefix + "-counter");
        count.getStyleClass().add("step-counter");
        count.textProperty().bind(counter);
        count.setMinWidth(0); // never widen the page; the owner keeps the text short
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        getChildren().addAll(reset, prev, play, next, end, this.speed, speedLabel, gap, count);

        timer = new AnimationTimer() {
            private long last;

            @Override
            public void start() {
                last = 0;
                super.start();
            }

            @Override
            public void handle(long now) {
                if (last == 0) last = now;
                if (now - last < 1e9 / PlayBar.this.speed.getValue()) return;
                last = now;
                if (cursor.atEnd() || cursor.blocked.get()) {
                    pause();
                    return;
                }
                stepForward.run();
                if (cursor.atEnd()) pause();
            }
        };
        sceneProperty().addListener((o, was, now) -> { if (now == null) pause(); });
    }

    /** The Play speed, in steps per second (motion between steps follows it). */
    public double stepsPerSecond() { return speed.getValue(); }

    /** What one step forward is for this view (default: the cursor's next). */
    public void setStepForward(Runnable step) { this.stepForward = step; }

    /** Extra controls at the right end of the bar. */
    public void addRight(Node... nodes) { getChildren().addAll(nodes); }

    private Button button(String id, String text, String icon, String tip, Runnable action) {
        Button b = new Button(text, new FontIcon(icon));
        b.setId(id);
        b.getStyleClass().add("step-button");
        b.setTooltip(new Tooltip(tip));
        b.setFocusTraversable(false);
        if (action != null) b.setOnAction(e -> {
            pause();
            action.run();
        });
        b.setMinWidth(Region.USE_PREF_SIZE);
        return b;
    }

    public void togglePlay() {
        if (playing.get()) {
            pause();
            return;
        }
        if (cursor.blocked.get() || cursor.count.get() == 0) return;
        if (cursor.atEnd()) cursor.reset();
        playing.set(true);
        play.setText("Pause");
        play.setGraphic(new FontIcon("mdi2p-pause"));
        timer.start();
    }

    public void pause() {
        if (!playing.get()) return;
        playing.set(false);
        timer.stop();
        play.setText("Play");
        play.setGraphic(new FontIcon("mdi2p-play"));
    }

    public boolean playing() { return playing.get(); }

    public ReadOnlyBooleanProperty playingProperty() { return playing.getReadOnlyProperty(); }
}
