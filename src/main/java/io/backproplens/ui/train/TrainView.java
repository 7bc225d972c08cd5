package io.backproplens.ui.train;

import io.backproplens.engine.Head;
import io.backproplens.engine.Init;
import io.backproplens.session.Session;
import io.backproplens.session.Settings;
import io.backproplens.session.Trained;
import io.backproplens.train.TrainConfig;
import io.backproplens.train.TrainData;
import io.backproplens.train.TrainSnapshot;
import io.backproplens.train.Trainer;
import io.backproplens.ui.common.ColorMap;
import io.backproplens.ui.common.Fmt;
import io.backproplens.ui.common.HeatmapView;
import io.backproplens.ui.common.InitColors;
import io.backproplens.ui.common.VerticalScroll;
import io.backproplens.ui.core.Background;
import io.backproplens.ui.core.Controller;
import io.backproplens.ui.core.ErrorDialogs;
import io.backproplens.ui.core.InitNames;
import io.backproplens.ui.core.Steppable;
import javafx.animation.AnimationTimer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.controlsfx.control.PopOver;
import org.controlsfx.control.SegmentedButton;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The Train view: 03_minibatch_training live. Play trains in the background on the view's own
 * thread ({@link TrainLoop}); every frame an {@link AnimationTimer} reads each trainer's latest
 * snapshot (which never waits for the trainer) and draws only what changed: the loss per batch
 * (faint) with its smoothed line, the validation loss and accuracy, the gradient norm of every
 * layer, w1 as the hidden units' 28x28 tiles, and every ReLU's activations over time. The init race
 * trains one model per chosen init on the same batches and overlays their losses.
 */
public final class TrainView extends BorderPane implements Steppable {
    public enum Mode { LIVE, RACE }

    /** Valid loss and accuracy this many times per epoch (and at its end). */
    static final int EVALS_PER_EPOCH = 8;
    /** The inits the race starts with; the others are a click away. */
    static final List<Init> RACE_DEFAULT = List.of(Init.RANDN, Init.SMALL, Init.KAIMING);
    /** w1's tiles are redrawn at most this often: 784 x nh values per picture. */
    private static final long TILES_EVERY_NANOS = 100_000_000L;
    private static final Color LOSS = Color.web("#2166ac"), VALID = Color.web("#e66101"), ACCURACY = Color.web("#1b7837");

    private final Controller controller;
    private final TrainLoop loop;
    private final TrainControls controls;
    private final ToggleButton liveButton = new ToggleButton("Live"), raceButton = new ToggleButton("Init race");
    private final Map<Init, CheckBox> raceInits = new LinkedHashMap<>();
    private final Button play, step, reset;
    private final Label counter = new Label(), frameInfo = new Label();
    private final Label lossTitle = title("Loss per batch (faint) and smoothed; validation loss and accuracy");
    private final Label gradTitle = title("Gradient norm of each weight, per batch");
    private final Label tilesTitle = title("w1: each hidden unit's 784 weights as 28x28");
    private final Label activityTitle = title("Activations over time: x batch, y value (0 to 10), colour count");
    private final CurveChart lossChart = new CurveChart("train-loss-chart");
    private final CurveChart gradChart = new CurveChart("train-grad-chart");
    private final HeatmapView tiles = new HeatmapView();
    private final VBox tilesBox = new VBox(2);
    private final FlowPane legend = new FlowPane(14, 2);
    private final GridPane grid = new GridPane();
    /** Buttons and the counter, so the bar wraps between them, never through one. */
    private final FlowPane bar = new FlowPane(8, 4);
    /**
     * The loss chart's legend keys, which carry the latest values (train, valid, accuracy), as the
     * race's legend carries each init's: the numbers stand by their curves, and no line of their own
     * takes the chart's height.
     */
    private final List<Label> keys = new ArrayList<>();
    private final VBox raceImages = new VBox(6);
    /** The charts the view can show; which are on screen depends on the room ({@link Fit}). */
    enum Chart { LOSS, GRAD, TILES, ACTIVITY }
    private final Map<Chart, ToggleButton> choices = new LinkedHashMap<>();
    /** One chart at a time (or the second chart beside the loss) when there is no room for all. */
    private final SegmentedButton chooser = new SegmentedButton();
    private Chart chosen = Chart.LOSS;
    private final Button settingsButton;
    /** The settings (and the race's inits) when folded: the content of the Settings PopOver. */
    private final VBox settingsBox = new VBox(6);
    private final VBox page = new VBox(4);
    private final FlowPane inits = new FlowPane(8, 4);
    private PopOver settingsPopOver;
    private Fit fit = Fit.initial();
    private final BooleanProperty playing = new SimpleBooleanProperty(false);
    private final ReadOnlyObjectWrapper<Mode> mode = new ReadOnlyObjectWrapper<>(Mode.LIVE);
    private final ReadOnlyObjectWrapper<TrainSnapshot> shown = new ReadOnlyObjectWrapper<>();
    private final AnimationTimer timer;
    private final FrameMeter meter = new FrameMeter();

    private TrainData data;
    private Object dataSource;
    private List<Run> runs = List.of();
    private final Map<Run, Smoothed> smoothed = new IdentityHashMap<>();
    private final Map<Run, ActivityImage> images = new IdentityHashMap<>();
    private final Map<Run, TrainSnapshot> drawn = new IdentityHashMap<>();
    private final Map<Run, Label> raceLegend = new IdentityHashMap<>();
    private CompletableFuture<List<Run>> built = new CompletableFuture<>();
    private long lastTilesNanos;
    private Object tilesOf;
    private final TilesMaker tilesMaker = new TilesMaker();
    private double worstFrameMs;
    /** Labels' texts are set at most this often while training runs. */
    private static final long TEXTS_EVERY_NANOS = 200_000_000L;
    private long lastTextsNanos;
    private boolean textsDue, textsPending;
    /** The snapshot last offered as the trained model, and when. */
    private TrainSnapshot offered;
    private long offeredNanos;
    /** The race's init whose model the user picked to offer as Trained (a click on its legend name), or null: the best. */
    private Init racePick;
    /** The race's run offered as Trained now, or null. */
    private final ReadOnlyObjectWrapper<Init> raceOffered = new ReadOnlyObjectWrapper<>();
    private static final long OFFER_EVERY_NANOS = 500_000_000L;

    public TrainView(Controller controller) {
        this.controller = controller;
        ChartWarmUp.startOnce();
        getStyleClass().add("train-view");
        getStylesheets().add(Objects.requireNonNull(TrainView.class.getResource("/css/train.css")).toExternalForm());
        loop = new TrainLoop(() -> Background.onFx(() -> playing.set(false)),
                t -> Background.onFx(() -> ErrorDialogs.show("Training failed", t)));

        play = button("train-play", "Play", "mdi2p-play", "Train continuously in the background (P)", this::togglePlay);
        step = button("train-step", "Step", "mdi2s-step-forward", "One mini-batch: forward, backward, update (Right, Space)", this::next);
        reset = button("train-reset", "Reset", "mdi2r-restart", "Back to the initial weights and the first batch (Home)", this::reset);
        playing.addListener((o, was, now) -> {
            play.setText(now ? "Pause" : "Play");
            play.setGraphic(icon(now ? "mdi2p-pause" : "mdi2p-play"));
        });

        TrainConfig initial = TrainConfig.defaults(Head.CE);
        controls = new TrainControls(initial);
        controls.setId("train-controls");
        controls.config.addListener((o, was, now) -> rebuild());

        ToggleGroup modes = new ToggleGroup();
        liveButton.setId("train-mode-live");
        raceButton.setId("train-mode-race");
        for (ToggleButton b : List.of(liveButton, raceButton)) {
            b.setToggleGroup(modes);
            b.setFocusTraversable(false);
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        liveButton.setSelected(true);
        modes.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) { was.setSelected(true); return; }
            setMode(now == raceButton ? Mode.RACE : Mode.LIVE);
        });
        inits.setId("train-race-inits");
        inits.setAlignment(Pos.CENTER_LEFT);
        Label initsLabel = new Label("race:");
        initsLabel.getStyleClass().add("train-field-label");
        inits.getChildren().add(initsLabel);
        for (Init i : Init.values()) {
            CheckBox c = new CheckBox(InitNames.of(i));
            c.setId("train-race-" + i.id());
            // The race: randn explodes and randn * 0.01 vanishes at depth 8, Kaiming trains.
            c.setSelected(RACE_DEFAULT.contains(i));
            c.setFocusTraversable(false);
            c.setStyle("-fx-text-fill: " + InitColors.css(InitColors.of(i)) + ";");
            c.selectedProperty().addListener((o, was, now) -> { if (mode.get() == Mode.RACE) rebuild(); });
            raceInits.put(i, c);
            inits.getChildren().add(c);
        }
        inits.visibleProperty().bind(mode.isEqualTo(Mode.RACE));
        inits.managedProperty().bind(inits.visibleProperty());

        counter.setId("train-counter");
        counter.getStyleClass().add("train-counter");
        counter.setMinWidth(Region.USE_PREF_SIZE);
        frameInfo.setId("train-frame");
        frameInfo.getStyleClass().add("train-frame");
        settingsButton = button("train-settings", "Settings", "mdi2c-cog", "Head, depth, epochs, batch size, lr, init, seed, order", this::toggleSettings);
        settingsButton.setVisible(false);
        settingsButton.setManaged(false);
        bar.getChildren().addAll(play, step, reset, liveButton, raceButton, settingsButton, counter);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("train-bar");
        bar.setPadding(new Insets(4, 8, 4, 8));
        setTop(bar);

        lossChart.follow(lossTitle);
        gradChart.follow(gradTitle);
        tiles.setId("train-tiles");
        // The legend, caption and hover line wrap under the tiles: the panel is narrow at 200%.
        VBox.setVgrow(tiles, Priority.ALWAYS);
        // Only the colour legend: the batch is in the title, and pointing at a cell is not for the back row.
        VBox info = tiles.takeInfo();
        info.getChildren().removeIf(n -> "heatmap-hover".equals(n.getId()) || "heatmap-caption".equals(n.getId()));
        tilesBox.getChildren().addAll(tiles, info);
        legend.setId("train-legend");
        legend.setAlignment(Pos.CENTER_LEFT);
        grid.setHgap(10);
        grid.setVgap(6);
        grid.getStyleClass().add("train-grid");
        VBox.setVgrow(grid, Priority.ALWAYS);
        chooser.setId("train-chooser");
        chooser.getStyleClass().add("train-chooser");
        for (Chart c : Chart.values()) {
            ToggleButton b = new ToggleButton(switch (c) {
                case LOSS -> "Loss";
                case GRAD -> "Gradients";
                case TILES -> "w1";
                case ACTIVITY -> "Activations";
            });
            b.setId("train-show-" + c.name().toLowerCase(java.util.Locale.ROOT));
            Tooltip tip = new Tooltip();
            tip.textProperty().bind(switch (c) {
                case LOSS -> lossTitle.textProperty();
                case GRAD -> gradTitle.textProperty();
                case TILES -> tilesTitle.textProperty();
                case ACTIVITY -> activityTitle.textProperty();
            });
            b.setTooltip(tip);
            b.setFocusTraversable(false);
            b.setMinWidth(Region.USE_PREF_SIZE);
            b.setOnAction(e -> {
                // A click on the chart shown keeps it shown: the chooser always names one chart.
                if (!b.isSelected()) b.setSelected(true);
                if (chosen != c) { chosen = c; arrange(); }
            });
            choices.put(c, b);
        }
        chooser.setVisible(false);
        chooser.setManaged(false);
        raceImages.getStyleClass().add("train-race-images");
        settingsBox.getStyleClass().add("train-settings-box");
        settingsBox.setPadding(new Insets(8));
        // The page is the settings (unless folded into the PopOver), the chooser and the charts; it
        // scrolls only when even one chart at its minimum height (train.css) does not fit.
        page.getChildren().setAll(controls, inits, chooser, grid);
        // As wide as the viewport, whatever its children's minimum widths: the settings wrap instead.
        page.setMinWidth(0);
        grid.setMinWidth(0);
        page.setPadding(new Insets(0, 8, 4, 8));
        ScrollPane scroll = VerticalScroll.of(page, "train-scroll");
        setCenter(scroll);
        HBox bottom = new HBox(frameInfo);
        // Only while training runs: an empty line would take the charts' height.
        bottom.managedProperty().bind(frameInfo.textProperty().isNotEmpty());
        bottom.visibleProperty().bind(bottom.managedProperty());
        bottom.setPadding(new Insets(0, 8, 2, 8));
        setBottom(bottom);
        layoutFor(Mode.LIVE);

        timer = new AnimationTimer() {
            @Override
            public void handle(long now) { frame(now); }
        };
        Runnable laidOut = meter::laidOut;
        sceneProperty().addListener((o, was, now) -> {
            if (was != null) was.removePostLayoutPulseListener(laidOut);
            if (now == null) { timer.stop(); loop.pause(); } else {
                now.addPostLayoutPulseListener(laidOut);
                timer.start();
            }
        });
        controller.state().session.addListener((o, was, now) -> useSession(now));
        useSession(controller.state().session.get());
    }

    // ------------------------------------------------------------------ commands

    /** Step: one mini-batch (stops Play). */
    @Override
    public void next() {
        if (runs.isEmpty()) return;
        loop.step();
    }

    /** Training cannot step back; Reset goes to the start. */
    @Override
    public void previous() {}

    @Override
    public void reset() {
        if (runs.isEmpty()) return;
        loop.reset();
    }

    @Override
    public void togglePlay() {
        if (runs.isEmpty()) return;
        if (loop.playing()) {
            loop.pause();
            return;
        }
        if (runs.stream().allMatch(r -> r.trainer().snapshot().finished())) loop.reset();
        playing.set(true);
        loop.play();
    }

    public void pause() { loop.pause(); }

    /** Whether Play is on (false once the loop has really stopped). */
    public BooleanProperty playingProperty() { return playing; }

    public Mode mode() { return mode.get(); }

    public ReadOnlyObjectProperty<Mode> modeProperty() { return mode.getReadOnlyProperty(); }

    public void setMode(Mode m) {
        if (m == mode.get()) return;
        mode.set(m);
        (m == Mode.RACE ? raceButton : liveButton).setSelected(true);
        layoutFor(m);
        rebuild();
    }

    /** The settings of the run(s) on screen. */
    public TrainConfig config() { return controls.config.get(); }

    /** New settings (the fields show them); starts a new run. */
    public void setConfig(TrainConfig c) { controls.set(c); }

    /** The inits the race trains (at least one). */
    public void setRaceInits(List<Init> inits) {
        for (var e : raceInits.entrySet()) e.getValue().setSelected(inits.contains(e.getKey()));
    }

    /**
     * Trains the current runs up to {@code epochs} in the background, shown as background work in
     * the status bar (a lesson scene opens on a trained model, and snapshots wait for it). The app's
     * background queue only waits here; the batches run on the training thread.
     */
    public void trainAhead(double epochs) {
        CompletableFuture<List<Run>> done = built.thenCompose(r -> loop.trainTo(epochs));
        controller.background().submit("Training " + Fmt.num(epochs) + " epoch(s)", () -> done.get(10, TimeUnit.MINUTES), r -> { });
    }

    /** The training data: the session's MNIST, or a subset (tests). */
    void useData(TrainData d) {
        dataSource = d;
        data = d;
        rebuild();
    }

    /** The latest snapshot drawn of the first run (the live run). */
    ReadOnlyObjectProperty<TrainSnapshot> shownProperty() { return shown.getReadOnlyProperty(); }

    /**
     * Starts measuring the FX thread's time per frame afresh: from now on, every frame drawn while
     * training runs is counted (see {@link FrameMeter}).
     */
    public void clearFrameTimes() { meter.clear(); }

    /**
     * Per-frame FX-thread milliseconds since {@link #clearFrameTimes()}, of frames drawn while
     * training ran: {@code {draw, draw CPU, pulse, CPU, draw blocked or waiting}}, each one value per
     * frame (the CPU and lock times empty where the JVM does not measure them).
     */
    public double[][] frameTimes() {
        FrameMeter.Stats s = meter.stats();
        return new double[][]{s.drawMs(), s.drawCpuMs(), s.pulseMs(), s.cpuMs(), s.drawLockedMs()};
    }

    /** Whether the trainers of the settings shown are built and on screen (Play would train them). */
    public boolean ready() { return !runs.isEmpty() && built.isDone() && runs == loop.runs(); }

    /** Mini-batches the first run has trained since its start. */
    public long batches() { return runs.isEmpty() ? 0 : runs.get(0).trainer().snapshot().step(); }

    /** The runs on screen. */
    List<Run> runs() { return runs; }

    /** The trainers on screen. */
    List<Trainer> trainers() { return runs.stream().map(Run::trainer).toList(); }

    /** Completes when the training thread has done every command sent so far. */
    CompletableFuture<?> idle() { return loop.idle(); }

    /** Curves on the loss chart that are models' smoothed losses (one per init in the race). */
    int raceCurves() { return mode.get() == Mode.RACE ? (int) lossChart.lineCount() / 2 : 0; }

    private void useSession(Session s) {
        if (s == null || s == dataSource) return;
        dataSource = s;
        // TrainData.of copies x_train to row-major float when it is not already: on the training thread.
        io.backproplens.ui.core.InFlight.begin();
        CompletableFuture.supplyAsync(() -> TrainData.of(s.data()), r -> new Thread(r, "lens-train-data").start())
                .thenAccept(d -> Background.onFx(() -> { if (dataSource == s) { data = d; rebuild(); } }))
                .whenComplete((v, e) -> io.backproplens.ui.core.InFlight.end());
    }

    /** New trainers for the settings, mode and race inits now. */
    private void rebuild() {
        if (data == null) return;
        TrainConfig base = controls.config.get();
        int bpe = (data.trainRows() + base.bs() - 1) / base.bs();
        TrainConfig c = base.withEvalEvery(Math.max(1, bpe / EVALS_PER_EPOCH));
        List<TrainConfig> configs = new ArrayList<>();
        if (mode.get() == Mode.LIVE) configs.add(c);
        else raceInits.forEach((init, box) -> { if (box.isSelected()) configs.add(c.withInit(init)); });
        CompletableFuture<List<Run>> b = loop.build(configs, data);
        CompletableFuture<List<Run>> previous = built;
        built = b;
        io.backproplens.ui.core.InFlight.begin();
        b.thenAccept(r -> Background.onFx(() -> { if (built == b) show(r); }))
                .whenComplete((v, e) -> io.backproplens.ui.core.InFlight.end());
        b.thenAccept(previous::complete);
    }

    private void show(List<Run> r) {
        runs = r;
        smoothed.clear();
        images.clear();
        drawn.clear();
        raceLegend.clear();
        tilesOf = null;
        tilesMaker.forget();
        raceImages.getChildren().clear();
        legend.getChildren().clear();
        keys.clear();
        for (Run run : r) {
            smoothed.put(run, new Smoothed());
            ActivityImage img = new ActivityImage();
            img.follow(activityTitle);
            images.put(run, img);
            if (mode.get() == Mode.RACE) {
                Label name = new Label(InitNames.of(run.init()));
                name.setId("race-legend-" + run.init().id());
                name.setMinWidth(Region.USE_PREF_SIZE);
                raceLegend.put(run, name);
                name.getStyleClass().add("race-legend");
                // A click on an init's name offers its model as Trained (the best one is offered until then).
                name.setCursor(javafx.scene.Cursor.HAND);
                name.setTooltip(new Tooltip("Click: offer the " + InitNames.of(run.init())
                        + " model as Trained, for the Network and Activations views"));
                name.setOnMouseClicked(e -> pickRace(run.init()));
                name.setStyle("-fx-text-fill: " + InitColors.css(InitColors.of(run.init())) + ";");
                legend.getChildren().add(name);
                VBox.setVgrow(img, Priority.ALWAYS);
                raceImages.getChildren().add(img);
            }
        }
        if (mode.get() == Mode.LIVE) {
            keys.addAll(List.of(key("train loss", LOSS), key("valid loss", VALID), key("valid " + shortAccuracy(r), ACCURACY)));
            for (int i = 0; i < keys.size(); i++) keys.get(i).setId("train-readout-" + i);
            legend.getChildren().addAll(keys);
            layoutFor(Mode.LIVE);
        }
        playing.set(false);
        worstFrameMs = 0;
        raceOffered.set(null);
    }

    // ------------------------------------------------------------------ frames

    private void frame(long now) {
        meter.begin(playing.get() && loop.playing());
        // While Play runs, the numbers in labels change a few times a second, not every frame: a
        // label's new text lays the window out again, which costs the FX thread more than the charts.
        textsDue = !playing.get() || now - lastTextsNanos >= TEXTS_EVERY_NANOS;
        try {
            drawFrame(now);
        } finally {
            double ms = meter.drawn();
            if (playing.get()) {
                worstFrameMs = Math.max(worstFrameMs, ms);
                if (textsDue) {
                    frameInfo.setText(String.format(java.util.Locale.ROOT, "FX work per frame while training: latest %.1f ms, worst %.1f ms (budget 16 ms)", ms, worstFrameMs));
                }
            }
            if (textsDue) lastTextsNanos = now;
        }
    }

    private void drawFrame(long now) {
        if (runs.isEmpty()) {
            counter.setText(data == null ? "Loading MNIST\u2026" : "Preparing the trainer\u2026");
            return;
        }
        // Texts held back by the last frames get their turn even when no new batch came.
        boolean changed = textsDue && textsPending;
        if (textsDue) textsPending = false;
        for (Run r : runs) {
            TrainSnapshot s = r.trainer().snapshot();
            if (s == drawn.get(r)) continue;
            drawn.put(r, s);
            smoothed.get(r).extend(s.trainLoss());
            images.get(r).show(r.activity().view(), (long) s.config().epochs() * s.batchesPerEpoch(),
                    mode.get() == Mode.RACE ? InitNames.of(r.init()) : "");
            changed = true;
        }
        if (mode.get() == Mode.LIVE) updateTiles(drawn.get(runs.get(0)), now);
        if (changed) {
            TrainSnapshot first = drawn.get(runs.get(0));
            shown.set(first);
            if (mode.get() == Mode.LIVE) drawLive(runs.get(0), first, now);
            else drawRace();
            if (textsDue) showCounter(first);
            else textsPending = true;
        }
        lossChart.drawIfDirty();
        gradChart.drawIfDirty();
        for (ActivityImage i : images.values()) i.drawIfDirty();
        if (!playing.get()) {
            if (mode.get() == Mode.LIVE) offerTrained(drawn.get(runs.get(0)), now, "");
            else offerRace(now);
        }
    }

    /**
     * The race offers one of its models as Trained once it stops: the one the user picked in the
     * legend, else the one with the lowest smoothed train loss now (the curve the class sees lowest,
     * the model that learned most on the same batches). Its name in the legend is underlined, and
     * the Trained switch's tooltip says which it is and why.
     */
    private void offerRace(long now) {
        Run best = null;
        double bestLoss = Double.POSITIVE_INFINITY;
        Run picked = null;
        for (Run r : runs) {
            if (r.init() == racePick) picked = r;
            Smoothed sm = smoothed.get(r);
            double l = sm == null || sm.size() == 0 ? Double.NaN : sm.get(sm.size() - 1);
            if (Double.isFinite(l) && l < bestLoss) { bestLoss = l; best = r; }
        }
        Run chosen = picked != null ? picked : best;
        if (chosen == null) return;
        String why = "of the init race (" + String.join(", ", runs.stream().map(r -> InitNames.of(r.init())).toList()) + "), the "
                + InitNames.of(chosen.init()) + " model: " + (picked != null ? "picked in the race's legend"
                : "the lowest smoothed train loss now (" + Fmt.stat(bestLoss) + "); click an init's name in the legend to offer another");
        TrainSnapshot s = drawn.get(chosen);
        if (s != offered) raceOffered.set(s == null || s.step() == 0 ? null : chosen.init());
        offerTrained(s, now, why);
        for (var e : raceLegend.entrySet()) {
            boolean on = e.getKey().init() == raceOffered.get();
            if (on != e.getValue().getStyleClass().contains("race-offered")) {
                if (on) e.getValue().getStyleClass().add("race-offered");
                else e.getValue().getStyleClass().remove("race-offered");
            }
        }
    }

    /** Offers the race's model of this init as Trained (a click on its name in the legend). */
    void pickRace(Init init) {
        racePick = init;
        offered = null;      // offered again at the next frame, not after the offer's pause
        offeredNanos = 0;
    }

    /** The init of the race's model offered as Trained now, or null (live mode, or nothing trained yet). */
    ReadOnlyObjectProperty<Init> raceOfferedProperty() { return raceOffered.getReadOnlyProperty(); }

    /**
     * Hands the live run's weights to the other views (the "Trained" switch) once training stops:
     * not while Play runs, where a new full-batch pass per frame would take the trainer's cores,
     * and at most every {@link #OFFER_EVERY_NANOS} while a lesson trains ahead. A model they cannot
     * draw (ce, or deeper than the notebook's) and a run not yet trained offer nothing.
     */
    private void offerTrained(TrainSnapshot s, long now, String why) {
        if (s == null || s == offered || (offered != null && now - offeredNanos < OFFER_EVERY_NANOS)) return;
        offered = s;
        offeredNanos = now;
        controller.state().trained.set(trainedOf(s, controller.state().settings.get(), why));
    }

    /** The snapshot's weights as the views' {@link Trained}, or null when they cannot show them. */
    static Trained trainedOf(TrainSnapshot s, Settings current) { return trainedOf(s, current, ""); }

    /** As {@link #trainedOf(TrainSnapshot, Settings)}, for one of several runs: {@code why} says which one, and why (see {@link Trained#chosen}). */
    static Trained trainedOf(TrainSnapshot s, Settings current, String why) {
        TrainConfig c = s.config();
        if (s.step() == 0) return null;
        try {
            Settings from = new Settings(c.init(), c.seed(), c.nh(), c.reluShift(), current.batch());
            return new Trained(s.params(), c.head(), from, s.step(), Fmt.count(s.step()) + " batches of " + c.bs()
                    + ", lr " + Fmt.plain(c.lr()) + ", epoch " + String.format(java.util.Locale.ROOT, "%.2f", s.epochProgress()), why);
        } catch (IllegalArgumentException e) {
            return null;  // settings the other views do not take (a ReLU shift beyond theirs)
        }
    }

    /**
     * w1's tiles: the picture made off the FX thread (see {@link TilesMaker}) is shown when it is
     * ready, and a new one is asked for when the weights changed, at most every
     * {@link #TILES_EVERY_NANOS} while Play runs.
     */
    private void updateTiles(TrainSnapshot s, long now) {
        TilesMaker.Tiles t = tilesMaker.take();
        if (t != null) {
            tilesTitle.setText("w1 after batch " + Fmt.count(t.snapshot().step()) + ": each hidden unit's 784 weights as 28x28");
            tiles.setRaster(t.raster());
        }
        if (s != null && s.params() != tilesOf && (tilesOf == null || now - lastTilesNanos >= TILES_EVERY_NANOS || !playing.get())
                && tilesMaker.request(s)) {
            tilesOf = s.params();
            lastTilesNanos = now;
        }
    }

    private void drawLive(Run r, TrainSnapshot s, long now) {
        List<Trainer.Evaluation> ev = s.evaluations();
        double[] x = new double[ev.size()], loss = new double[ev.size()], acc = new double[ev.size()];
        for (int i = 0; i < ev.size(); i++) {
            x[i] = ev.get(i).epoch();
            loss[i] = ev.get(i).loss();
            acc[i] = ev.get(i).accuracy();
        }
        double xMax = Math.max(s.config().epochs(), s.epochProgress());
        lossChart.show(List.of(new CurveChart.Line(LOSS, Smoothed.of(s.trainLoss()), true, 1.5),
                        new CurveChart.Line(LOSS.darker(), smoothed.get(r), false, lineWidth())),
                List.of(new CurveChart.Points(VALID, x, loss, false), new CurveChart.Points(ACCURACY, x, acc, true)),
                s.batchesPerEpoch(), xMax, "accuracy", "Press Play or Step to train");
        Activity.View v = r.activity().view();
        List<CurveChart.Line> norms = new ArrayList<>();
        for (int k = 0; k < v.lins(); k++) {
            final int lin = k;
            Color c = ColorMap.VIRIDIS.color(v.lins() == 1 ? 0 : 0.85 * k / (v.lins() - 1), 0, 1);
            norms.add(new CurveChart.Line(c, new CurveChart.Values() {
                @Override public int size() { return v.n(); }

                @Override public double get(int i) { return v.gradNorm(i, lin); }
            }, false, lineWidth() * 0.8));
        }
        gradChart.show(norms, List.of(), s.batchesPerEpoch(), xMax, null, "No gradients yet");
        if (textsDue) showKeys(r, s);
        gradTitle.setText("Gradient norm per batch: " + gradNames(v.lins()));
    }

    /**
     * The loss chart's readouts. Compact (in a short window with one chart at a time) they drop
     * the key squares and spell accuracy "acc.", so the three stay on one row: the colour is the key.
     */
    private boolean compactKeys;

    private void showKeys(Run r, TrainSnapshot s) {
        if (keys.size() != 3 || s == null) return;
        String mark = compactKeys ? "" : "\u25A0 ", acc = compactKeys ? shortAccuracy(runs).replace("accuracy", "acc.") : shortAccuracy(runs);
        List<Trainer.Evaluation> ev = s.evaluations();
        Smoothed sm = smoothed.get(r);
        keys.get(0).setText(mark + (sm.size() == 0 ? "train loss" : "train " + Fmt.stat(sm.get(sm.size() - 1))));
        Trainer.Evaluation e = ev.isEmpty() ? null : ev.get(ev.size() - 1);
        keys.get(1).setText(mark + (e == null ? "valid loss" : "valid " + Fmt.stat(e.loss())));
        keys.get(2).setText(mark + (e == null ? "valid " + acc : acc + " " + Fmt.percent(e.accuracy())));
    }

    private void drawRace() {
        List<CurveChart.Line> lines = new ArrayList<>();
        int bpe = 1;
        double xMax = 0;
        for (Run r : runs) {
            TrainSnapshot s = drawn.get(r);
            Color c = InitColors.of(r.init());
            lines.add(new CurveChart.Line(c, Smoothed.of(s.trainLoss()), true, 1.5));
            lines.add(new CurveChart.Line(c, smoothed.get(r), false, lineWidth()));
            bpe = s.batchesPerEpoch();
            xMax = Math.max(xMax, Math.max(s.config().epochs(), s.epochProgress()));
            Smoothed sm = smoothed.get(r);
            Label name = raceLegend.get(r);
            if (name != null && textsDue) name.setText(raceEntry(r.init(), sm));
        }
        // Smoothed lines first would hide under the bands: draw every band, then every line.
        List<CurveChart.Line> ordered = new ArrayList<>();
        for (CurveChart.Line l : lines) if (l.band()) ordered.add(l);
        for (CurveChart.Line l : lines) if (!l.band()) ordered.add(l);
        lossChart.show(ordered, List.of(), bpe, xMax, null, "Press Play: the same batches for every init");
    }

    /**
     * An init's entry in the race's legend: its name and smoothed train loss, with a colon between
     * (the names have spaces of their own: "randn × 0.01"); a loss that overflowed says so in words.
     */
    static String raceEntry(Init init, Smoothed sm) {
        if (sm.size() == 0) return InitNames.of(init);
        double l = sm.get(sm.size() - 1);
        return InitNames.of(init) + ": " + (Double.isFinite(l) ? Fmt.stat(l) : "diverged");
    }

    private String counterText(TrainSnapshot s) {
        return "batch " + Fmt.count(s.step()) + "   epoch " + String.format(java.util.Locale.ROOT, "%.2f", s.epochProgress())
                + " of " + s.config().epochs();
    }

    /** The counter drops its epoch (the loss chart's x axis shows it; the tooltip keeps it) rather than take a row of its own. */
    private boolean shortCounter;
    private TrainSnapshot counted;

    private void showCounter(TrainSnapshot s) {
        counted = s;
        String full = counterText(s);
        counter.setText(shortCounter ? "batch " + Fmt.count(s.step()) : full);
        if (counter.getTooltip() == null) counter.setTooltip(new Tooltip());
        counter.getTooltip().setText(full);
    }

    /**
     * Whether the whole counter fits beside the bar's buttons (else it would wrap to a row of its
     * own, which at 1024x768 and 200% pushed the loss chart below the window).
     */
    private boolean counterFits() {
        double room = bar.getWidth() - bar.getInsets().getLeft() - bar.getInsets().getRight();
        for (Node n : bar.getChildren()) if (n != counter && n.isManaged()) room -= n.prefWidth(-1) + bar.getHgap();
        javafx.scene.text.Text t = new javafx.scene.text.Text(counted == null ? "batch 0,000   epoch 0.00 of 1" : counterText(counted) + "0");
        t.setFont(counter.getFont());
        double need = t.getLayoutBounds().getWidth() + counter.getInsets().getLeft() + counter.getInsets().getRight();
        return need <= room;
    }

    private static String gradNames(int lins) {
        StringBuilder b = new StringBuilder();
        for (int k = 1; k <= lins; k++) b.append(k == 1 ? "" : ", ").append("w").append(k).append(".g");
        return b.append(" (dark to light)").toString();
    }

    private static String shortAccuracy(List<Run> r) {
        return !r.isEmpty() && r.get(0).trainer().config().head() == Head.MSE ? "rounded accuracy" : "accuracy";
    }

    private double lineWidth() { return Math.max(2, lossTitle.getFont().getSize() * 0.15); }

    // ------------------------------------------------------------------ layout

    private void layoutFor(Mode m) {
        lossTitle.setText(m == Mode.LIVE ? "Loss per batch (faint) and smoothed; validation loss and accuracy"
                : "Loss per batch of each init: the same data, batches and seed");
        arrange();
    }

    /**
     * How the view uses its room, from its size in ems (so the UI scale counts): the settings inline
     * or folded behind a Settings button, the charts as a 2x2 grid, as the loss beside one chosen
     * chart, or one chosen chart, and the bar's buttons with or without their names. Each switch
     * has a gap of an em or two between folding and unfolding, so a size on the edge does not flip.
     */
    record Fit(boolean folded, boolean wide, boolean tall) {
        static Fit initial() { return new Fit(false, true, true); }

        Fit next(double wEm, double hEm) {
            return new Fit(folded ? hEm < 40 : hEm < 38, wide ? wEm >= 54 : wEm >= 57, tall ? hEm >= 26 : hEm >= 28);
        }
    }

    /**
     * Fits before laying out: here the size and the fonts (UI scale) are final for this pulse, and
     * no CSS pass is walking the children (a font listener that moved nodes broke that walk).
     */
    @Override
    protected void layoutChildren() {
        refit();
        super.layoutChildren();
    }

    private void refit() {
        double em = lossTitle.getFont().getSize();
        if (getWidth() <= 0 || getHeight() <= 0 || em <= 0) return;
        sizeIcons((int) Math.round(em));
        boolean shorter = bar.getWidth() > 0 && !counterFits();
        if (shorter != shortCounter) {
            shortCounter = shorter;
            if (counted != null) showCounter(counted);
        }
        Fit f = fit.next(getWidth() / em, getHeight() / em);
        if (f.equals(fit)) return;
        boolean refold = f.folded() != fit.folded();
        fit = f;
        if (refold) fold(f.folded());
        ContentDisplay d = f.wide() ? ContentDisplay.LEFT : ContentDisplay.GRAPHIC_ONLY;
        for (Button b : List.of(play, step, reset, settingsButton)) b.setContentDisplay(d);
        arrange();
    }

    /** Folded: the settings and the race's inits leave the page for the Settings PopOver. */
    private void fold(boolean on) {
        if (settingsPopOver != null) settingsPopOver.hide();
        settingsButton.setVisible(on);
        settingsButton.setManaged(on);
        if (on) {
            page.getChildren().removeAll(controls, inits);
            settingsBox.getChildren().setAll(controls, inits);
        } else {
            settingsBox.getChildren().clear();
            page.getChildren().addAll(0, List.of(controls, inits));
        }
    }

    /** Whether the settings are folded behind the Settings button. */
    boolean settingsFolded() { return fit.folded(); }

    /** The charts on screen now, in reading order. */
    List<Chart> chartsShown() {
        List<Chart> all = charts();
        if (fit.wide() && (fit.tall() || all.size() == 2)) return all;
        Chart c = chartChosen();
        return fit.wide() ? List.of(Chart.LOSS, c) : List.of(c);
    }

    /** Shows {@code c}, through the chooser when it is not on screen. */
    void showChart(Chart c) {
        chosen = c;
        arrange();
    }

    private List<Chart> charts() { return mode.get() == Mode.LIVE ? List.of(Chart.values()) : List.of(Chart.LOSS, Chart.ACTIVITY); }

    /** The chart the chooser names: beside the loss (wide) it is never the loss itself. */
    private Chart chartChosen() {
        List<Chart> all = charts();
        Chart c = all.contains(chosen) ? chosen : Chart.LOSS;
        return fit.wide() && c == Chart.LOSS ? all.get(1) : c;
    }

    /** Opens the Settings PopOver under its button, or closes it. */
    private void toggleSettings() {
        if (settingsPopOver == null) {
            settingsPopOver = new PopOver(settingsBox);
            settingsPopOver.setId("train-settings-popover");
            settingsPopOver.setTitle("Training settings");
            settingsPopOver.setHeaderAlwaysVisible(false);
            settingsPopOver.setDetachable(false);
            settingsPopOver.setAutoHide(true);
            settingsPopOver.setArrowLocation(PopOver.ArrowLocation.TOP_LEFT);
            // Enter applies a field (its own handler runs first), Esc restores it; then the PopOver
            // closes and the window has the keys again, so the clicker steps at once.
            settingsBox.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
                if (e.getCode() == javafx.scene.input.KeyCode.ENTER || e.getCode() == javafx.scene.input.KeyCode.ESCAPE) {
                    javafx.application.Platform.runLater(settingsPopOver::hide);
                }
            });
        }
        if (settingsPopOver.isShowing()) {
            settingsPopOver.hide();
            return;
        }
        // A popup is a window of its own, outside the root that carries the UI scale and the theme.
        if (getScene() != null) {
            javafx.scene.Parent root = getScene().getRoot();
            settingsBox.setStyle(root.getStyle());
            settingsBox.getStyleClass().removeIf(c -> c.startsWith("theme-"));
            for (String c : root.getStyleClass()) if (c.startsWith("theme-")) settingsBox.getStyleClass().add(c);
            settingsPopOver.getRoot().getStylesheets().setAll(getScene().getStylesheets());
            settingsPopOver.getRoot().getStylesheets().addAll(getStylesheets());
        }
        settingsPopOver.show(settingsButton);
    }

    /** Whether the Settings PopOver is open. */
    boolean settingsShown() { return settingsPopOver != null && settingsPopOver.isShowing(); }

    /** Lays the charts out as {@link #chartsShown()} says, with the chooser for those not all shown. */
    private void arrange() {
        List<Chart> all = charts(), shown = chartsShown();
        List<Chart> offered = shown.size() == all.size() ? List.of()
                : shown.size() == 2 ? all.subList(1, all.size()) : all;
        chooser.getButtons().setAll(offered.stream().map(choices::get).toList());
        for (Chart c : offered) choices.get(c).setSelected(shown.contains(c));
        chooser.setVisible(!offered.isEmpty());
        chooser.setManaged(!offered.isEmpty());
        grid.getChildren().clear();
        // One chart at a time in a short window: the chooser's button names it and its tooltip
        // holds the title, so the chart gets the title's lines (at 1024x768 and 200% the loss chart
        // started below the window).
        boolean titles = fit.tall() || shown.size() > 1;
        for (Label t : List.of(lossTitle, gradTitle, tilesTitle, activityTitle)) {
            t.setVisible(titles);
            t.setManaged(titles);
        }
        if (compactKeys == titles) {
            compactKeys = !titles;
            if (!runs.isEmpty()) showKeys(runs.get(0), drawn.get(runs.get(0)));
        }
        boolean live = mode.get() == Mode.LIVE;
        if (shown.size() == 4) {
            grid.getColumnConstraints().setAll(column(58), column(42));
            grid.getRowConstraints().setAll(row(55), row(45));
            grid.add(panel(Chart.LOSS), 0, 0);
            grid.add(panel(Chart.GRAD), 0, 1);
            grid.add(panel(Chart.TILES), 1, 0);
            grid.add(panel(Chart.ACTIVITY), 1, 1);
        } else if (shown.size() == 2) {
            grid.getColumnConstraints().setAll(column(live ? 58 : 60), column(live ? 42 : 40));
            grid.getRowConstraints().setAll(row(100));
            grid.add(panel(shown.get(0)), 0, 0);
            grid.add(panel(shown.get(1)), 1, 0);
        } else {
            grid.getColumnConstraints().setAll(column(100));
            grid.getRowConstraints().setAll(row(100));
            grid.add(panel(shown.get(0)), 0, 0);
        }
    }

    private VBox panel(Chart c) {
        boolean live = mode.get() == Mode.LIVE;
        return switch (c) {
            case LOSS -> panel(lossTitle, legend, lossChart);
            case GRAD -> panel(gradTitle, null, gradChart);
            case TILES -> panel(tilesTitle, null, tilesBox);
            case ACTIVITY -> panel(activityTitle, null, !live ? raceImages : runs.isEmpty() ? new Region() : images.get(runs.get(0)));
        };
    }

    private static VBox panel(Label title, Node legend, Node content) {
        VBox box = new VBox(2, title);
        if (legend != null) box.getChildren().add(legend);
        box.getChildren().add(content);
        VBox.setVgrow(content, Priority.ALWAYS);
        box.getStyleClass().add("train-panel");
        // Narrow as the column, but never shorter than the chart's minimum (train.css): the page scrolls instead.
        box.setMinWidth(0);
        if (content instanceof Region r) r.setMinWidth(0);
        return box;
    }

    private static ColumnConstraints column(double percent) {
        ColumnConstraints c = new ColumnConstraints();
        c.setPercentWidth(percent);
        c.setHgrow(Priority.ALWAYS);
        return c;
    }

    private static RowConstraints row(double percent) {
        RowConstraints r = new RowConstraints();
        r.setPercentHeight(percent);
        r.setVgrow(Priority.ALWAYS);
        return r;
    }

    private static Label title(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("train-title");
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }

    private static Label key(String text, Color c) {
        Label l = new Label("\u25A0 " + text);
        l.setTooltip(new Tooltip(text));
        l.getStyleClass().add("train-key");
        l.setStyle("-fx-text-fill: " + InitColors.css(c) + ";");
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    /** The bar's icons' size in px, set with the fit: the size of the text (1 em), so it follows the UI scale. */
    private int iconPx;

    /**
     * An inline size (the theme sets 18 px for every icon; an em size in a stylesheet would be
     * relative to the icon's own font, which its size sets, so it would grow each pass).
     */
    private void sizeIcons(int px) {
        if (px == iconPx) return;
        iconPx = px;
        for (Button b : List.of(play, step, reset, settingsButton)) if (b.getGraphic() != null) b.getGraphic().setStyle("-fx-icon-size: " + px + "px;");
    }

    private FontIcon icon(String literal) {
        FontIcon i = new FontIcon(literal);
        if (iconPx > 0) i.setStyle("-fx-icon-size: " + iconPx + "px;");
        return i;
    }

    private Button button(String id, String text, String icon, String tip, Runnable action) {
        Button b = new Button(text, icon(icon));
        b.setId(id);
        b.getStyleClass().add("step-button");
        b.setTooltip(new Tooltip(tip));
        b.setFocusTraversable(false);
        b.setMinWidth(Region.USE_PREF_SIZE);
        b.setOnAction(e -> action.run());
        return b;
    }
}
