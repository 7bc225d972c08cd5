package io.backproplens.ui.matmul;

import javafx.animation.AnimationTimer;
import javafx.beans.property.StringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.Locale;

/**
 * Reset / Previous / Play-Pause / Next / Jump to end, a speed slider and a counter, driving a
 * {@link StepCursor}. Play advances at the chosen steps per second and stops at the end or when
 * stepping is blocked. Node ids start with the given prefix ({@code mm-next}, {@code mm-counter}).
 */
final class PlayBar extends HBox {
    private final StepCursor cursor;
    private final Button play;
    private final Slider speed = new Slider(0.5, 20, 2);
    /** The counter text, set by the owner ("multiply-adds 5 of 18"). */
    final StringProperty counter = new SimpleStringProperty("");
    private final AnimationTimer timer;
    private boolean playing;

    PlayBar(StepCursor cursor, String prefix) {
        this.cursor = cursor;
        getStyleClass().add("mm-playbar");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(8);
        setPadding(new Insets(6, 10, 6, 10));

        Button reset = button(prefix + "-reset", "Reset", "mdi2r-restart", "Back to the start (Home)", cursor::reset);
        Button prev = button(prefix + "-prev", "Previous", "mdi2c-chevron-left", "One step back (Left, PageUp)", cursor::previous);
        play = button(prefix + "-play", "Play", "mdi2p-play", "Play / pause (P)", this::togglePlay);
        Button next = button(prefix + "-next", "Next", "mdi2c-chevron-right", "One step forward (Right, Space, PageDown)", cursor::next);
        next.setContentDisplay(javafx.scene.control.ContentDisplay.RIGHT);
        Button end = button(prefix + "-end", "End", "mdi2s-skip-next", "Jump to the end", cursor::end);
        end.setContentDisplay(javafx.scene.control.ContentDisplay.RIGHT);

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
        speedLabel.getStyleClass().add("mm-speed-label");
        speedLabel.textProperty().bind(speed.valueProperty().map(v -> String.format(Locale.ROOT, "%.1f steps/s", v.doubleValue())));
        speedLabel.setMinWidth(Region.USE_PREF_SIZE);
        speed.setId(prefix + "-speed");
        speed.setPrefWidth(140);
        speed.setMinWidth(80);
        speed.setTooltip(new Tooltip("Play speed"));

        Label count = new Label();
        count.setId(prefix + "-counter");
        count.getStyleClass().add("mm-counter");
        count.textProperty().bind(counter);
        count.setMinWidth(0); // never widen the page; the owner keeps the text short
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        getChildren().addAll(reset, prev, play, next, end, speed, speedLabel, gap, count);

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
                if (now - last < 1e9 / speed.getValue()) return;
                last = now;
                if (!cursor.next() || cursor.atEnd()) pause();
            }
        };
        sceneProperty().addListener((o, was, now) -> { if (now == null) pause(); });
    }

    private static Button button(String id, String text, String icon, String tip, Runnable action) {
        Button b = new Button(text, new FontIcon(icon));
        b.setId(id);
        b.getStyleClass().add("mm-step-button");
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        b.setMinWidth(Region.USE_PREF_SIZE);
        return b;
    }

    void togglePlay() {
        if (playing) {
            pause();
            return;
        }
        if (cursor.blocked.get() || cursor.count.get() == 0) return;
        if (cursor.atEnd()) cursor.reset();
        playing = true;
        play.setText("Pause");
        play.setGraphic(new FontIcon("mdi2p-pause"));
        timer.start();
    }

    void pause() {
        if (!playing) return;
        playing = false;
        timer.stop();
        play.setText("Play");
        play.setGraphic(new FontIcon("mdi2p-play"));
    }

    boolean playing() { return playing; }
}
