package io.backproplens.ui.network;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Reset, Previous, Play/Pause, Next and the play speed, with where the cursor is. Play advances one
 * step per tick and stops at the end of the pass.
 */
public final class PlaybackBar extends HBox {
    private final Button reset = button("mdi2s-skip-previous", "Reset", "Back to before the first step (Home)", "btn-reset");
    private final Button previous = button("mdi2c-chevron-left", "Previous", "Previous step (Left arrow, Page Up)", "btn-prev");
    private final Button play = button("mdi2p-play", "Play", "Play or pause (P)", "btn-play");
    private final Button next = button("mdi2c-chevron-right", "Next", "Next step (Right arrow, Space, Page Down)", "btn-next");
    private final Slider speed = new Slider(0.3, 3, 1.2);
    private final Label position = new Label();
    private final BooleanProperty playing = new SimpleBooleanProperty(false);
    private final Timeline timeline = new Timeline();
    private final Runnable onNext;
    private final java.util.function.BooleanSupplier atEnd;

    public PlaybackBar(Runnable onReset, Runnable onPrevious, Runnable onNext, java.util.function.BooleanSupplier atEnd) {
        super(6);
        this.onNext = onNext;
        this.atEnd = atEnd;
        getStyleClass().add("playback-bar");
        setAlignment(Pos.CENTER_LEFT);
        reset.setOnAction(e -> { stop(); onReset.run(); });
        previous.setOnAction(e -> { stop(); onPrevious.run(); });
        next.setOnAction(e -> { stop(); onNext.run(); });
        play.setOnAction(e -> toggle());
        speed.setId("speed-slider");
        speed.setPrefWidth(140);
        speed.setTooltip(new Tooltip("Seconds per step when playing"));
        speed.setFocusTraversable(false);
        Label speedLabel = new Label();
        speedLabel.getStyleClass().add("speed-label");
        speedLabel.textProperty().bind(speed.valueProperty().asString(java.util.Locale.ROOT, "%.1f s/step"));
        position.setId("step-position");
        position.getStyleClass().add("step-position");
        timeline.setCycleCount(Timeline.INDEFINITE);
        speed.valueProperty().addListener((o, was, now) -> { if (playing.get()) restartTimeline(); });
        playing.addListener((o, was, now) -> {
            FontIcon icon = new FontIcon(now ? "mdi2p-pause" : "mdi2p-play");
            play.setGraphic(icon);
            play.setText(now ? "Pause" : "Play");
        });
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        getChildren().addAll(reset, previous, play, next, new FontIcon("mdi2s-speedometer"), speed, speedLabel, position, grow);
    }

    /** Extra controls at the right end of the bar. */
    public void addRight(javafx.scene.Node... nodes) { getChildren().addAll(nodes); }

    public BooleanProperty playingProperty() { return playing; }

    public void toggle() {
        if (playing.get()) {
            stop();
            return;
        }
        if (atEnd.getAsBoolean()) reset.fire();
        playing.set(true);
        restartTimeline();
    }

    public void stop() {
        timeline.stop();
        playing.set(false);
    }

    /** Shows where the cursor is: {@code 3 / 8}. */
    public void show(int step, int size) {
        position.setText(size == 0 ? "" : "step " + (step + 1) + " / " + size);
        previous.setDisable(step < 0);
        reset.setDisable(step < 0);
        next.setDisable(size == 0 || step >= size - 1);
        play.setDisable(size == 0);
    }

    private void restartTimeline() {
        timeline.stop();
        timeline.getKeyFrames().setAll(new KeyFrame(Duration.seconds(speed.getValue()), e -> {
            if (atEnd.getAsBoolean()) stop();
            else onNext.run();
            if (atEnd.getAsBoolean()) stop();
        }));
        timeline.play();
    }

    private static Button button(String icon, String text, String tip, String id) {
        Button b = new Button(text, new FontIcon(icon));
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.setFocusTraversable(false);
        return b;
    }
}
