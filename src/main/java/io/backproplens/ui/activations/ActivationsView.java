package io.backproplens.ui.activations;

import io.backproplens.ui.core.InitNames;
import io.backproplens.ui.core.Keys;
import io.backproplens.ui.common.Fmt;
import io.backproplens.engine.Init;
import io.backproplens.session.PassResult;
import io.backproplens.session.Session;
import io.backproplens.session.Settings;
import io.backproplens.stats.DepthSweep;
import io.backproplens.ui.core.AppState;
import io.backproplens.ui.core.Controller;
import io.backproplens.ui.core.Newest;
import io.backproplens.ui.core.Steppable;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.event.EventHandler;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The Activations tab: histograms of every layer output on x_valid and of every gradient, two inits
 * side by side, and the depth sweep. Init, ReLU shift and seed go through {@link Controller#update}
 * so every view follows; the heavy work (histograms, comparisons, the sweep) runs in the app's
 * background and only the newest request is shown.
 *
 * <p>Keys while this tab is in front: R, X, K (randn, Xavier, Kaiming), S (ReLU / ReLU - 0.5),
 * N (new seed), A, G, C, D (activations, gradients, compare, depth sweep). Next and Previous (the
 * presenter's clicker) walk randn, Xavier, Kaiming.
 */
public final class ActivationsView extends BorderPane implements Steppable {
    /** In the order of {@link Keys#ACTIVATIONS_MODE}'s keys. */
    public enum Mode { ACTIVATIONS, GRADIENTS, COMPARE, DEPTH }

    /** The inits a click or key switches between, in the order Next walks them. */
    static final List<Init> CYCLE = List.of(Init.RANDN, Init.XAVIER, Init.KAIMING);
    public static final double SHIFT = 0.5;

    private final Controller controller;
    private final AppState state;
    private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(Mode.ACTIVATIONS);
    private final ReadOnlyObjectWrapper<PassResult> forwardShown = new ReadOnlyObjectWrapper<>();
    /** The settings whose histograms are drawn (ahead of {@link #forwardShown} after an init switch). */
    private final ReadOnlyObjectWrapper<Settings> drawn = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ActivationData.Comparison> compareShown = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<DepthSweep.Result> depthShown = new ReadOnlyObjectWrapper<>();

    private final ToggleGroup modeGroup = new ToggleGroup();
    private final ToggleGroup initGroup = new ToggleGroup();
    private final ToggleGroup reluGroup = new ToggleGroup();
    private final TextField seedField = new TextField();
    private final Label message = new Label();
    private final Label forwardCaption = new Label("Loading MNIST and running the first pass\u2026");
    private final Label gradientCaption = new Label("Waiting for the first backward pass\u2026");
    private final PanelGrid forward = new PanelGrid("forward-grid", ActivationData.FORWARD);
    private final PanelGrid gradients = new PanelGrid("gradient-grid", ActivationData.GRADIENTS);
    /** While Trained shows a stack other than the notebook's: its layers, one panel each, in place of the three. */
    private final StackPane forwardHolder = new StackPane(forward);
    /** The same for Gradients: the trained stack's gradients, one panel each, in place of the notebook's five. */
    private final StackPane gradientsHolder = new StackPane(gradients);
    private PanelGrid stackGrid, stackGradients;
    private final ComparePane compare = new ComparePane();
    private final DepthPane depth = new DepthPane();
    private final StackPane center = new StackPane();
    private final Node activationsPage, gradientsPage;

    private final Newest forwardRequests = new Newest();
    private final Newest compareRequests = new Newest();
    private final Newest depthRequests = new Newest();
    private Object compareKey, depthKey;
    private final EventHandler<KeyEvent> keys = this::onKey;
    private boolean syncing;

    public ActivationsView(Controller controller) {
        this.controller = controller;
        this.state = controller.state();
        getStyleClass().add("activations-view");
        getStylesheets().add(Objects.requireNonNull(ActivationsView.class.getResource("/css/activations.css")).toExternalForm());

        forwardCaption.getStyleClass().add("mode-caption");
        gradientCaption.getStyleClass().add("mode-caption");
        for (Label l : List.of(forwardCaption, gradientCaption)) {
            l.setWrapText(true);
            l.setMinHeight(Region.USE_PREF_SIZE);   // wrap to a second line rather than cut the text
        }
        Label howTo = new Label("l1.g is exactly 0 wherever the ReLU clamped its input (l1 \u2264 0): the orange "
                + "spike is the ReLU's share of zeros on the training batch.\n\n"
                + "w1.g = x.t() @ l1.g adds up over every training image, so it is far larger than l1.g itself.\n\n"
                + "Switch R / X / K: the gradients scale with the weights they flow through.");
        howTo.setWrapText(true);
        howTo.getStyleClass().add("gradient-notes");
        gradients.setExtra(howTo);
        activationsPage = page(forwardCaption, forwardHolder);
        gradientsPage = page(gradientCaption, gradientsHolder);
        center.getChildren().addAll(activationsPage, gradientsPage, compare, depth);
        // A VBox, not the BorderPane's top: it gives the wrapping toolbar the height of its rows.
        Node bar = toolbar();
        VBox column = new VBox(4, bar, center);
        VBox.setVgrow(center, Priority.ALWAYS);
        center.setMinHeight(0);
        setCenter(column);

        mode.addListener((o, a, b) -> showMode());
        showMode();
        state.pass.addListener((o, a, p) -> refreshForward());
        state.settings.addListener((o, a, s) -> onSettings());
        state.showTrained.addListener(o -> markStale());
        state.session.addListener((o, a, s) -> refreshVisible());
        compare.initA.valueProperty().addListener((o, a, b) -> refreshCompare());
        compare.initB.valueProperty().addListener((o, a, b) -> refreshCompare());
        compare.seeds.valueProperty().addListener((o, a, b) -> refreshCompare());
        depth.depth.valueProperty().addListener((o, a, b) -> refreshDepth());
        depth.width.valueProperty().addListener((o, a, b) -> refreshDepth());
        sceneProperty().addListener((o, old, now) -> {
            if (old != null) old.removeEventFilter(KeyEvent.KEY_PRESSED, keys);
            if (now != null) now.addEventFilter(KeyEvent.KEY_PRESSED, keys);
        });
        syncControls(state.settings.get());
        if (state.pass.get() != null) refreshForward();
    }

    /** A caption over the panels; the caption steps aside when the panels need its room. */
    private static Node page(Label caption, Region content) {
        VBox v = new VBox(6, caption, content) {
            @Override
            protected void layoutChildren() {
                double em = caption.getFont().getSize();
                boolean room = getHeight() >= caption.prefHeight(getWidth()) + em * (PanelGrid.CHART_MIN_EM + 6);
                if (caption.isManaged() != room) {
                    caption.setManaged(room);
                    caption.setVisible(room);
                }
                super.layoutChildren();
            }
        };
        v.setMinHeight(0);
        VBox.setVgrow(content, Priority.ALWAYS);
        return v;
    }

    // ------------------------------------------------------------------ toolbar

    private Node toolbar() {
        HBox modes = pills(modeGroup,
                modeButton("Activations", "A", Mode.ACTIVATIONS),
                modeButton("Gradients", "G", Mode.GRADIENTS),
                modeButton("Compare", "C", Mode.COMPARE),
                modeButton("Depth sweep", "D", Mode.DEPTH));
        modeGroup.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) was.setSelected(true);
            else mode.set((Mode) now.getUserData());
        });
        mode.addListener((o, a, m) -> modeGroup.getToggles().forEach(t -> t.setSelected(t.getUserData() == m)));

        HBox inits = pills(initGroup,
                initButton(InitNames.of(Init.RANDN), "R", Init.RANDN),
                initButton(InitNames.of(Init.XAVIER), "X", Init.XAVIER),
                initButton(InitNames.of(Init.KAIMING), "K", Init.KAIMING));
        initGroup.selectedToggleProperty().addListener((o, was, now) -> {
            if (syncing) return;
            if (now == null) { syncControls(state.settings.get()); return; }
            setInit((Init) now.getUserData());
        });

        ToggleButton plain = new ToggleButton("ReLU");
        plain.setId("relu-plain");
        plain.setUserData(0.0);
        ToggleButton shifted = new ToggleButton("ReLU \u2212 0.5");
        shifted.setId("relu-shift");
        shifted.setUserData(SHIFT);
        HBox relus = pills(reluGroup, plain, shifted);
        reluGroup.selectedToggleProperty().addListener((o, was, now) -> {
            if (syncing) return;
            if (now == null) { syncControls(state.settings.get()); return; }
            double v = (Double) now.getUserData();
            apply(s -> s.withReluShift(v));
        });

        seedField.setId("activations-seed-field");
        seedField.setPrefColumnCount(6);
        seedField.setOnAction(e -> commitSeed());
        seedField.focusedProperty().addListener((o, was, now) -> { if (!now) commitSeed(); });
        Button newSeed = new Button("New seed (N)");
        newSeed.setId("new-seed");
        newSeed.setOnAction(e -> newSeed());
        message.setId("activations-message");
        message.getStyleClass().add("error-text");

        HBox initGroupBox = group("Init", inits, keyHint("R X K"));
        // Compare and the depth sweep pick their own inits: the global one would only take a row there.
        initGroupBox.managedProperty().bind(initGroupBox.visibleProperty());
        initGroupBox.visibleProperty().bind(mode.isNotEqualTo(Mode.COMPARE).and(mode.isNotEqualTo(Mode.DEPTH)));
        FlowPane bar = new FlowPane(22, 6,
                modes,
                initGroupBox,
                group(null, relus, keyHint("S")),
                group("Seed", seedField, newSeed),
                message) {
            // The window's width, not the widest group's: the mode names fit themselves to it.
            @Override protected double computeMinWidth(double h) { return 0; }

            @Override
            protected void layoutChildren() {
                fitModeNames(modes, getWidth() - getInsets().getLeft() - getInsets().getRight());
                super.layoutChildren();
            }
        };
        bar.getStyleClass().add("activations-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    /**
     * The mode buttons keep their key in their name ("Compare (C)") where the row is wide enough,
     * else drop it to the tooltip ("Compare"), so the four stay in one row instead of leaving the window.
     */
    private static void fitModeNames(HBox modes, double width) {
        if (width <= 0) return;
        boolean full = true;
        for (Node n : modes.getChildren()) full &= ((ToggleButton) n).getText().endsWith(")");
        double now = modes.prefWidth(-1);
        if (full && now > width) {
            for (Node n : modes.getChildren()) {
                ToggleButton b = (ToggleButton) n;
                b.setText(b.getText().replaceFirst(" \\(.\\)$", ""));
            }
        } else if (!full) {
            // Back to the long names when they fit again (judged from the short width plus the keys' room).
            double extra = 0;
            for (Node n : modes.getChildren()) {
                ToggleButton b = (ToggleButton) n;
                extra += b.getFont().getSize() * 3;
            }
            if (now + extra < width) {
                for (Node n : modes.getChildren()) {
                    ToggleButton b = (ToggleButton) n;
                    b.setText(b.getText() + " (" + b.getProperties().get(MODE_KEY) + ")");
                }
            }
        }
    }

    private static final String MODE_KEY = "activations.modeKey";

    private ToggleButton modeButton(String text, String key, Mode m) {
        ToggleButton b = new ToggleButton(text + " (" + key + ")");
        b.getProperties().put(MODE_KEY, key);
        b.setTooltip(new javafx.scene.control.Tooltip(text + ": key " + key));
        b.setId("mode-" + m.name().toLowerCase());
        b.setUserData(m);
        b.setSelected(m == mode.get());
        return b;
    }

    private ToggleButton initButton(String text, String key, Init init) {
        ToggleButton b = new ToggleButton(text);
        b.setId("init-" + init.id());
        b.setUserData(init);
        b.getStyleClass().addAll("init-toggle", init.id());
        return b;
    }

    private static HBox pills(ToggleGroup g, ToggleButton... buttons) {
        HBox box = new HBox();
        for (int i = 0; i < buttons.length; i++) {
            buttons[i].setToggleGroup(g);
            buttons[i].getStyleClass().add(buttons.length == 1 ? "" : i == 0 ? "left-pill" : i == buttons.length - 1 ? "right-pill" : "center-pill");
            box.getChildren().add(buttons[i]);
        }
        return box;
    }

    private static Label keyHint(String keys) {
        Label l = new Label(keys);
        l.getStyleClass().add("key-hint");
        return l;
    }

    private static HBox group(String label, Node... nodes) {
        HBox b = new HBox(8);
        b.setAlignment(Pos.CENTER_LEFT);
        if (label != null) {
            Label l = new Label(label);
            l.getStyleClass().add("group-label");
            b.getChildren().add(l);
        }
        b.getChildren().addAll(nodes);
        return b;
    }

    // ------------------------------------------------------------------ actions

    /** Switches the init for every view (R, X, K, or a click). */
    public void setInit(Init init) { apply(s -> s.withInit(init)); }

    /** ReLU and ReLU - 0.5 (S). */
    public void toggleShift() { apply(s -> s.withReluShift(s.reluShift() == 0 ? SHIFT : 0.0)); }

    /** A fresh seed, to show the numbers are no fluke (N). */
    public void newSeed() {
        long seed = ThreadLocalRandom.current().nextLong(1, 100_000);
        apply(s -> s.withSeed(seed));
    }

    /** Next (the presenter's clicker): randn, then Xavier, then Kaiming. */
    public void nextInit(int direction) {
        int i = CYCLE.indexOf(state.settings.get().init());
        int next = i < 0 ? 0 : Math.floorMod(i + direction, CYCLE.size());
        setInit(CYCLE.get(next));
    }

    @Override public void next() { nextInit(+1); }

    @Override public void previous() { nextInit(-1); }

    private void apply(java.util.function.UnaryOperator<Settings> change) {
        String error = controller.update(change);
        message.setText(error == null ? "" : error);
        if (error != null) syncControls(state.settings.get());
    }

    private void commitSeed() {
        String t = seedField.getText().trim();
        try {
            long v = Long.parseLong(t);
            if (v != state.settings.get().seed()) apply(s -> s.withSeed(v));
            else message.setText("");
        } catch (NumberFormatException e) {
            message.setText("The seed must be a whole number, not \u201c" + t + "\u201d.");
            seedField.setText(Long.toString(state.settings.get().seed()));
        }
    }

    public Mode mode() { return mode.get(); }

    public void setMode(Mode m) { mode.set(m); }

    private void onKey(KeyEvent e) {
        if (!isShowing() || e.isControlDown() || e.isAltDown() || e.isMetaDown() || e.isShortcutDown()) return;
        if (e.getTarget() instanceof TextInputControl) return;
        int i;
        if ((i = Keys.INIT.match(e)) >= 0) setInit(Keys.INITS.get(i));
        else if ((i = Keys.ACTIVATIONS_MODE.match(e)) >= 0) setMode(Mode.values()[i]);
        else if ((i = Keys.ACTIVATIONS_SHIFT_SEED.match(e)) >= 0) {
            if (i == 0) toggleShift();
            else newSeed();
        } else return;
        e.consume();
    }

    /** In a window and not in a hidden tab. */
    private boolean isShowing() {
        Scene s = getScene();
        if (s == null || s.getWindow() == null || !s.getWindow().isShowing()) return false;
        for (Node n = this; n != null; n = n.getParent()) if (!n.isVisible()) return false;
        return true;
    }

    // ------------------------------------------------------------------ state

    private void onSettings() {
        Settings s = state.settings.get();
        syncControls(s);
        showKnownInit(s);
        markStale();
        refreshVisible();
    }

    /**
     * An init switch on the axes already built: the set holds the new init's histograms, made from a
     * pass of exactly these settings on all 50,000 rows ({@link InitSet#compute}), so they are drawn
     * at once instead of after the new full-batch pass and its re-binning (p50 412 ms, p99 592 ms
     * before, docs/performance.md). The pass re-bins them when it lands, on the same bins.
     */
    private void showKnownInit(Settings s) {
        Histograms h = latest;
        // The set holds passes of the initial weights: nothing to show at once for a trained model.
        if (h == null || h.init() == s.init() || !h.set().covers(s) || !h.set().layers().containsKey(s.init())
                || h.pass().isTrained() || state.showTrained.get()) return;
        show(new Histograms(h.pass(), h.set(), s));
    }

    private void syncControls(Settings s) {
        syncing = true;
        try {
            initGroup.getToggles().forEach(t -> t.setSelected(t.getUserData() == s.init()));
            // Another shift (set elsewhere) selects neither button.
            reluGroup.getToggles().forEach(t -> t.setSelected((Double) t.getUserData() == s.reluShift()));
            if (!seedField.isFocused()) seedField.setText(Long.toString(s.seed()));
        } finally {
            syncing = false;
        }
    }

    private void showMode() {
        Mode m = mode.get();
        activationsPage.setVisible(m == Mode.ACTIVATIONS);
        gradientsPage.setVisible(m == Mode.GRADIENTS);
        compare.setVisible(m == Mode.COMPARE);
        depth.setVisible(m == Mode.DEPTH);
        paintVisible();
        refreshVisible();
    }

    private void refreshVisible() {
        switch (mode.get()) {
            case COMPARE -> refreshCompare();
            case DEPTH -> refreshDepth();
            default -> { }
        }
    }

    private void markStale() {
        Settings shown = drawn.get();
        PassResult pass = forwardShown.get();
        boolean stale = shown != null && (!shown.equals(state.settings.get())
                || (pass != null && pass.isTrained() != state.showTrained.get()));
        forward.setStale(stale);
        gradients.setStale(stale);
        if (stackGrid != null) stackGrid.setStale(stale);
        if (stackGradients != null) stackGradients.setStale(stale);
    }

    /**
     * A new pass arrived: histogram its x_valid outputs and its gradients in the background, on
     * the axes shared by randn, Xavier and Kaiming (built once per seed, shift, width and batch:
     * two more passes; an init switch then only re-bins the new pass).
     */
    private void refreshForward() {
        PassResult p = state.pass.get();
        Session session = state.session.get();
        if (p == null || session == null) return;
        if (p.isTrained() && !p.isNotebook()) {
            refreshStack(p);
            return;
        }
        showStackGrid(false);
        InitSet known = axes;
        forwardRequests.submit(controller.background(), "Histograms of " + p.settings().init() + " activations and gradients",
                ticket -> {
                    InitSet set = known != null && known.covers(p.settings()) ? known.withPass(p)
                            : InitSet.compute(session, p, ticket::stale);
                    return set == null ? null : new Histograms(p, set, p.settings());
                }, this::showForward);
    }

    /** A trained stack's layers on x_valid and its gradients, one panel each (grids that page when they do not all fit). */
    private record StackData(List<LayerData> layers, List<LayerData> gradients) {}

    private void refreshStack(PassResult p) {
        forwardRequests.submit(controller.background(), "Histograms of the trained model's layers and gradients",
                ticket -> new StackData(ActivationData.stack(p), ActivationData.stackGradients(p)), data -> {
            if (state.pass.get() != p) return;
            List<LayerData> layers = data.layers();
            List<String> keys = layers.stream().map(LayerData::key).toList();
            if (stackGrid == null || !stackGrid.keys().equals(keys)) {
                stackGrid = new PanelGrid("stack-grid", keys);
                forwardHolder.getChildren().setAll(forward, stackGrid);
            }
            List<String> gradKeys = data.gradients().stream().map(LayerData::key).toList();
            if (stackGradients == null || !stackGradients.keys().equals(gradKeys)) {
                stackGradients = new PanelGrid("stack-gradient-grid", gradKeys);
                gradientsHolder.getChildren().setAll(gradients, stackGradients);
            }
            stackGrid.show(layers, Palette.of(p.settings().init()));
            stackGradients.show(data.gradients(), Palette.of(p.settings().init()));
            showStackGrid(true);
            Settings s = p.settings();
            long batch = p.trace().get(0).reads().get(0).array().size(0);
            gradientCaption.setText("Gradients of the " + lossName(p) + " after one backward pass on " + Fmt.count(batch)
                    + " training images with " + weightsText(p) + ".  Read them left to right as the backward pass wrote them: "
                    + "from the loss back through every layer to w1.g.");
            forwardCaption.setText("x_valid (" + Fmt.count(p.validLin1().size(0)) + " images) \u2192 Lin(784, " + s.nh() + ") \u2192 ReLU"
                    + (p.depth() > 1 ? " \u2192 " + (p.depth() - 1) + " \u00d7 (Lin(" + s.nh() + ", " + s.nh() + ") \u2192 ReLU)" : "")
                    + " \u2192 Lin(" + s.nh() + ", " + p.params().outputs() + ")   with   " + weightsText(p));
            forwardShown.set(p);
            drawn.set(s);
            markStale();
        });
    }

    private void showStackGrid(boolean on) {
        forward.setVisible(!on);
        gradients.setVisible(!on);
        if (stackGrid != null) stackGrid.setVisible(on);
        if (stackGradients != null) stackGradients.setVisible(on);
    }

    /** The loss the pass's head computes, as the gradients' caption names it. */
    private static String lossName(PassResult p) {
        return p.head() == io.backproplens.engine.Head.MSE ? "MSE loss" : "cross-entropy loss (log-softmax and NLL)";
    }

    /**
     * What the panels draw: the set's histograms for {@code settings}' init; {@code pass} is the
     * newest pass behind them (of those settings, or of the init before while its own pass runs).
     */
    private record Histograms(PassResult pass, InitSet set, Settings settings) {
        Init init() { return settings.init(); }
    }

    /** The newest shared axes (read by the background when it builds the next histograms). */
    private volatile InitSet axes;
    /** The newest histograms, and which of them each grid shows (a hidden grid is painted when shown). */
    private Histograms latest, paintedForward, paintedGradients;
    /** The init shown before the current one on the same axes: drawn as an outline. */
    private Init previousInit;

    private void paintVisible() {
        if (latest == null) return;
        Init now = latest.init();
        if (mode.get() == Mode.ACTIVATIONS && paintedForward != latest) {
            forward.show(latest.set(), now, previousInit);
            paintedForward = latest;
        }
        if (mode.get() == Mode.GRADIENTS && paintedGradients != latest) {
            gradients.show(latest.set(), now, previousInit);
            paintedGradients = latest;
        }
    }

    private void showForward(Histograms h) {
        // An init switch drew its own histograms already: a pass of the init before it, landing late, must not draw over them.
        Settings now = state.settings.get();
        if (!h.settings().equals(now) && now.equals(drawn.get())) return;
        show(h);
        forwardShown.set(h.pass());
        markStale();
    }

    private void show(Histograms h) {
        Settings s = h.settings();
        if (latest != null && latest.set().covers(s)) {
            if (latest.init() != h.init()) previousInit = latest.init();
        } else {
            previousInit = null;
        }
        latest = h;
        axes = h.set();
        paintVisible();
        int rows = (int) h.pass().validLin1().size(0);
        forwardCaption.setText("x_valid (" + Fmt.count(rows) + " images) \u2192 Lin(784, " + s.nh() + ") \u2192 ReLU"
                + (s.reluShift() == 0 ? "" : " \u2212 " + Fmt.plain(s.reluShift())) + " \u2192 Lin(" + s.nh()
                + ", 1)   with   " + weightsText(h.pass())
                + (previousInit == null ? "" : ";  dashed: " + InitNames.of(previousInit) + ", before"));
        long batch = h.pass().trace().get(0).reads().get(0).array().size(0);
        gradientCaption.setText("Gradients of the MSE loss after one backward pass on " + Fmt.count(batch)
                + " training images (" + (h.pass().isTrained() ? "trained from " : "") + InitNames.of(s.init()) + ", seed " + s.seed() + ").  Read them right to left: "
                + "out.g first, then back through lin2, the ReLU and lin1.");
        drawn.set(s);
    }

    /** Which weights the pass ran on: the init's, or the trained ones and where they started. */
    private static String weightsText(PassResult p) {
        Settings s = p.settings();
        return p.isTrained() ? "the trained weights (" + p.trained().what() + ") from " + InitNames.of(s.init()) + ",  seed " + s.seed()
                : s.init().description() + ",  seed " + s.seed();
    }

    /** The init drawn as an outline (the one shown before), or null. */
    public Init previousInit() { return previousInit; }

    private void refreshCompare() {
        Session session = state.session.get();
        if (session == null || mode.get() != Mode.COMPARE) return;
        Settings base = state.settings.get();
        Init a = compare.initA.getValue(), b = compare.initB.getValue();
        int seeds = compare.seeds.getValue();
        // The comparison does not depend on the global init, only on what it shares with it.
        Object key = List.of(base.seed(), base.nh(), base.reluShift(), a, b, seeds);
        if (key.equals(compareKey) && compareShown.get() != null) return;
        compareKey = key;
        compare.setStale(compareShown.get() != null);
        compareRequests.submit(controller.background(), "Comparing " + InitNames.of(a) + " with " + InitNames.of(b),
                ticket -> ActivationData.compare(session, base, a, b, seeds), c -> {
            compare.show(c);
            compare.setStale(false);
            compareShown.set(c);
        });
    }

    private void refreshDepth() {
        Session session = state.session.get();
        if (session == null || mode.get() != Mode.DEPTH) return;
        Settings base = state.settings.get();
        int layers = depth.depth.getValue(), width = depth.width.getValue();
        Object key = List.of(layers, width, base.seed(), base.reluShift());
        if (key.equals(depthKey) && depthShown.get() != null) return;
        depthKey = key;
        depth.setStale(depthShown.get() != null);
        depthRequests.submit(controller.background(), "Depth sweep: " + layers + " layers, " + width + " wide", ticket -> {
            // Schemes one at a time, each shown as soon as it is done; a newer request stops this one.
            List<DepthSweep.Series> done = new java.util.ArrayList<>();
            DepthSweep.Result last = null;
            for (DepthSweep.Scheme scheme : DepthSweep.Scheme.values()) {
                if (ticket.stale()) return null;
                DepthSweep.Result one = DepthSweep.run(session.xValid(), layers, width, base.seed(), base.reluShift(),
                        List.of(scheme), ticket::stale);
                done.add(one.get(scheme));
                last = new DepthSweep.Result(layers, width, base.seed(), base.reluShift(), List.copyOf(done),
                        (last == null ? 0 : last.nanos()) + one.nanos());
                DepthSweep.Result partial = last;
                if (done.size() < DepthSweep.Scheme.values().length) {
                    io.backproplens.ui.core.Background.onFx(() -> ticket.ifCurrent(() -> depth.show(partial)));
                }
            }
            return last;
        }, r -> {
            depth.show(r);
            depth.setStale(false);
            depthShown.set(r);
        });
    }

    // ------------------------------------------------------------------ for tests and the window

    /** The pass whose histograms are on screen. */
    public ReadOnlyObjectProperty<PassResult> forwardShownProperty() { return forwardShown.getReadOnlyProperty(); }

    /** The settings whose activation and gradient histograms are on screen. */
    public ReadOnlyObjectProperty<Settings> drawnProperty() { return drawn.getReadOnlyProperty(); }

    public ReadOnlyObjectProperty<ActivationData.Comparison> compareShownProperty() { return compareShown.getReadOnlyProperty(); }

    public ReadOnlyObjectProperty<DepthSweep.Result> depthShownProperty() { return depthShown.getReadOnlyProperty(); }

    public HistogramPanel forwardPanel(String key) { return forward.panel(key); }

    /** A trained stack's panel of a layer ({@code relu2}), or null while none is shown. */
    public HistogramPanel trainedPanel(String key) { return stackGrid == null || !stackGrid.isVisible() ? null : stackGrid.panel(key); }

    public HistogramPanel gradientPanel(String key) { return gradients.panel(key); }

    /** A trained stack's panel of a gradient ({@code w2.g}, {@code l3.g}), or null while none is shown. */
    public HistogramPanel trainedGradientPanel(String key) {
        return stackGradients == null || !stackGradients.isVisible() ? null : stackGradients.panel(key);
    }

    /** The gradients of the trained stack on screen, in their panels' order (empty while none is shown). */
    public List<String> trainedGradientKeys() {
        return stackGradients == null || !stackGradients.isVisible() ? List.of() : stackGradients.keys();
    }

    /** Turns the grid's pager to the page that holds this panel (all are on one when they fit). */
    public void reveal(String key) {
        forward.reveal(key);
        gradients.reveal(key);
        if (stackGrid != null) stackGrid.reveal(key);
        if (stackGradients != null) stackGradients.reveal(key);
    }

    public DepthChart depthChart() { return depth.chart(); }

    public Label depthNote(DepthSweep.Scheme s) { return depth.note(s); }

    /** For a key-less caller (tests): the compare controls. */
    public void setCompare(Init a, Init b, int seeds) {
        compare.initA.setValue(a);
        compare.initB.setValue(b);
        compare.seeds.getValueFactory().setValue(seeds);
    }

    public void setDepth(int layers, int width) {
        depth.depth.getValueFactory().setValue(layers);
        depth.width.getValueFactory().setValue(width);
    }

    public HistogramPanel comparePanel(boolean a) { return a ? compare.panelA() : compare.panelB(); }
}
