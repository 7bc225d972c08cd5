package io.backproplens.ui.network;

import io.backproplens.ui.core.IconScale;
import io.backproplens.ui.core.PlayBar;
import io.backproplens.ui.core.StepCursor;
import io.backproplens.ui.core.AppState;
import io.backproplens.ui.core.Controller;
import io.backproplens.ui.core.Exports;
import io.backproplens.ui.core.Steppable;

import io.backproplens.engine.TensorRef;
import io.backproplens.session.PassResult;
import io.backproplens.ui.network.FormulaPanel;
import io.backproplens.ui.network.GradCheckPanel;
import io.backproplens.ui.network.NetworkGraph;
import io.backproplens.ui.network.TensorInspector;
import io.backproplens.ui.network.TraceCursor;
import io.backproplens.ui.network.ZoomPane;
import javafx.scene.control.Button;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.Iterator;
import java.util.Objects;

/**
 * The network view: the model as a graph, a cursor that walks the pass's trace forward and
 * backward, the formulas of the current step with their shapes, the tensor inspector and the
 * gradient check. Everything it shows comes from the trace at the cursor, so Previous shows
 * exactly the earlier state, without recomputing.
 */
public final class NetworkView extends BorderPane implements Steppable {
    private final Controller controller;
    private final AppState state;
    private final NetworkGraph graph;
    private final ZoomPane zoom;
    private final FormulaPanel formulas = new FormulaPanel();
    private final TensorInspector inspector = new TensorInspector();
    private final GradCheckPanel gradCheck = new GradCheckPanel();
    private final TabPane side = new TabPane();
    /** Bound to the shared step ({@link AppState#step}); its count is the pass's trace length. */
    private final StepCursor steps = new StepCursor();
    private final PlayBar playback;
    /** The graph's smallest zoom per unit of UI scale (its smallest text is 18 px: 14.4 px on screen). */
    static final double GRAPH_FLOOR = 0.8;
    private final NetworkLayout layout;
    private TraceCursor cursor;
    /** A lesson's moment asked for before the first pass arrived; taken up when it does. */
    private Moment pending;
    private boolean refreshing;

    public NetworkView(Controller controller) {
        this.controller = controller;
        this.state = controller.state();
        getStyleClass().add("network-view");
        getStylesheets().add(Objects.requireNonNull(NetworkView.class.getResource("/css/network.css")).toExternalForm());

        graph = new NetworkGraph(label -> {
            inspector.select(label);
            showTensorInspector();
        });
        graph.setId("network-graph");
        zoom = new ZoomPane(graph, NetworkGraph.WIDTH, NetworkGraph.HEIGHT);
        zoom.setId("graph-zoom");
        // A trained stack is wider than the notebook's graph (and a deep one unfolded wider still).
        // The notebook's network drawn top to bottom (beside the tabs) is taller than wide.
        javafx.beans.InvalidationListener size = o -> zoom.setContentSize(graph.contentWidthProperty().get(), graph.contentHeightProperty().get());
        graph.contentWidthProperty().addListener(size);
        graph.contentHeightProperty().addListener(size);
        graph.onRefold(this::refreshGraph);
        // What the pane shows at the floor scale: a trained stack wider than that folds to fit (after
        // this layout pass: the fold redraws the graph).
        Runnable budget = () -> javafx.application.Platform.runLater(() ->
                graph.setWidthBudget((zoom.getWidth() - 8) / (GRAPH_FLOOR * state.presentation.scale.get())));
        zoom.widthProperty().addListener(o -> budget.run());
        state.presentation.scale.addListener(o -> budget.run());

        steps.position.bindBidirectional(state.step);
        // 0.3 to 3 seconds a step: slow enough to say what each step computes.
        playback = new PlayBar(steps, "net", 1 / 3.0, 1 / 0.3, 1 / 1.2);
        playback.setStepForward(() -> state.next(this));
        playback.setId("playback-bar");
        // Next moves what the step computes along the graph, at a pace that follows the Play speed.
        graph.setMotion(new io.backproplens.ui.core.Motion(state.presentation.motion, playback::stepsPerSecond));
        Button check = new Button("Check gradients", new FontIcon("mdi2c-check-decagram"));
        check.setId("btn-gradcheck");
        check.setTooltip(new Tooltip("Compare every .g with SameDiff's autodiff and finite differences"));
        check.setFocusTraversable(false);
        check.disableProperty().bind(state.pass.isNull());
        check.setOnAction(e -> showGradientCheck(true));
        playback.addRight(zoom.controls(), check);
        // "step 8 / 8" is short and must show whole: the buttons give way instead (fitPlayBar).
        for (javafx.scene.Node n : playback.getChildren()) {
            if ("net-counter".equals(n.getId())) ((javafx.scene.control.Label) n).setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        check.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        // Icons as large as the bar's text at every UI scale (icon-only at 200% they were 12 px).
        IconScale.follow(playback.getChildren(), state.presentation);
        // The view's width, not the bar's: a bar that does not give way is laid out at its own
        // preferred width, wider than the window (1115 px at 1024x768, 100%), and would never see
        // that it is short of room; it also widened the whole view, graph and all.
        widthProperty().addListener(o -> fitPlayBar());
        sceneProperty().addListener((o, was, now) -> {
            if (now != null) now.widthProperty().addListener(w -> fitPlayBar());
            fitPlayBar();
        });
        state.presentation.scale.addListener(o -> fitPlayBar());

        Tab inspectTab = new Tab("Tensor inspector", inspector);
        inspectTab.setId("tab-inspector");
        Tab checkTab = new Tab("Gradient check", gradCheck);
        checkTab.setId("tab-gradcheck");
        side.getTabs().addAll(inspectTab, checkTab);
        side.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        side.setId("network-side");

        // The graph never draws below the legibility floor: 25 px chips stay >= 20 px x UI scale.
        zoom.setFloor(() -> GRAPH_FLOOR * state.presentation.scale.get());
        layout = new NetworkLayout(zoom, formulas, side, () -> state.presentation.fontPx());
        // Beside the tabs the graph is a narrow column: the notebook's network is drawn top to bottom there.
        layout.planWith(graph::flatWidth, graph::verticalWidth, graph::setVertical);
        state.presentation.scale.addListener(o -> layout.requestLayout());
        setTop(playback);
        // The derivation of a clicked .g element lies over the view's right side: the inspector's
        // band is a few lines high at 1280x720, a derivation is about ten.
        DerivationPanel derivation = inspector.derivationPanel();
        javafx.scene.layout.StackPane.setAlignment(derivation, javafx.geometry.Pos.TOP_RIGHT);
        javafx.scene.layout.StackPane center = new javafx.scene.layout.StackPane(layout, derivation);
        center.setMinSize(0, 0);
        setCenter(center);

        inspector.setOnSave(this::saveTensor);
        formulas.setFontPx(state.presentation::fontPx);
        // Through the shared state: the shell opens the matmul view (views do not know each other).
        inspector.setOnStepIt(p -> {
            state.stepIt.set(null);
            state.stepIt.set(p);
        });
        inspector.selectedProperty().addListener(o -> {
            if (!refreshing) refreshGraph();
        });
        state.pass.addListener((o, was, now) -> {
            cursor = now == null ? null : new TraceCursor(now.trace());
            steps.count.set(cursor == null ? 0 : cursor.size());
            if (now != null && pending != null) {
                state.step.set(pending.in(now.trace().steps()));
                pending = null;
            }
            if (now != null) formulas.setPassTimes(now.forwardNanos(), now.backwardNanos());
            inspector.clearCache();
            inspector.explainWith(now == null ? null : now.trace());
            gradCheck.passChanged(now);
            refresh();
        });
        // Follow what the step computes: the inspector shows the first tensor it writes.
        state.step.addListener((o, was, now) -> refresh(firstWrite()));
        state.sample.addListener(o -> refresh());
        // Predict-then-reveal (the window's predict mode): the reveal redraws the same step.
        state.hidden.addListener(o -> refresh(firstWrite()));
        refresh();
    }

    @Override
    public void next() {
        if (cursor == null) return;
        state.step.set(Math.min(state.step.get() + 1, cursor.size() - 1));
    }

    @Override
    public void previous() {
        if (cursor == null) return;
        state.step.set(Math.max(state.step.get() - 1, -1));
    }

    @Override
    public void reset() {
        playback.pause();
        state.step.set(-1);
    }

    @Override
    public void end() {
        playback.pause();
        if (cursor != null) state.step.set(cursor.size() - 1);
    }

    @Override
    public void togglePlay() { playback.togglePlay(); }

    @Override
    public boolean hidesNewValues() { return true; }

    /**
     * Where the bar is short of width (a narrow window, a large UI scale, a side-by-side scene),
     * its buttons show only their icons (the tooltips say what they do), then the speed slider
     * goes: nothing is cut to "...".
     */
    private void fitPlayBar() {
        // Never more than the window's width either: in presenter mode the view itself was held
        // wider than a 1024 px window by this bar, so its own width did not show the shortage.
        double em = state.presentation.fontPx(), w = getScene() == null ? getWidth() : Math.min(getWidth(), getScene().getWidth());
        if (w <= 0) return;
        boolean iconsOnly = w < 66 * em, noSpeed = w < 44 * em, noZoom = w < 34 * em;
        for (javafx.scene.Node n : playback.getChildren()) {
            if (n instanceof Button b && b.getGraphic() != null) {
                b.setContentDisplay(iconsOnly ? javafx.scene.control.ContentDisplay.GRAPHIC_ONLY
                        : "net-next".equals(b.getId()) || "net-end".equals(b.getId())
                        ? javafx.scene.control.ContentDisplay.RIGHT : javafx.scene.control.ContentDisplay.LEFT);
            }
            boolean speed = "net-speed".equals(n.getId()) || n.getStyleClass().contains("speed-label");
            if (speed) {
                n.setVisible(!noSpeed);
                n.setManaged(!noSpeed);
            }
        }
        zoom.controls().setVisible(!noZoom);
        zoom.controls().setManaged(!noZoom);
    }

    /** Moves the step cursor to a moment of the pass (now, or when the first pass arrives). */
    public void show(Moment moment) {
        PassResult p = state.pass.get();
        if (p == null) {
            pending = moment;
        } else {
            pending = null;
            state.step.set(moment.in(p.trace().steps()));
        }
    }

    /** Brings the tensor inspector to the front (lesson scenes other than the gradient check). */
    /**
     * The front for a lesson scene other than the gradient check: the inspector beside the step's
     * formulas, or (where the formulas are a tab of their own, in a small window) the formulas.
     */
    public void showInspector() {
        if (layout.compact()) showStep();
        else showTensorInspector();
    }

    /** Brings the tensor inspector to the front, whatever the layout. */
    public void showTensorInspector() { side.getSelectionModel().select(tab("tab-inspector")); }

    /** Brings the step's formulas to the front (they are a tab of their own in a small window). */
    public void showStep() {
        Tab step = tab("tab-step");
        if (step != null) side.getSelectionModel().select(step);
    }

    private Tab tab(String id) {
        for (Tab t : side.getTabs()) if (id.equals(t.getId())) return t;
        return null;
    }

    /** Brings the gradient check to the front and runs it on the current pass (for the lesson scene). */
    public void showGradientCheck(boolean run) {
        side.getSelectionModel().select(tab("tab-gradcheck"));
        if (run && state.pass.get() != null) gradCheck.run(state.pass.get(), controller.background());
    }

    /** Saves a tensor as .npy or .csv, chosen by the file name's ending; written in the background. */
    private void saveTensor(TensorRef t) {
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        chooser.setTitle("Save " + t.label());
        chooser.getExtensionFilters().addAll(
                new javafx.stage.FileChooser.ExtensionFilter("NumPy array (*.npy)", "*.npy"),
                new javafx.stage.FileChooser.ExtensionFilter("CSV (*.csv)", "*.csv"));
        chooser.setInitialFileName(t.label() + ".npy");
        java.io.File f = chooser.showSaveDialog(getScene().getWindow());
        if (f == null) return;
        java.nio.file.Path path = f.toPath();
        boolean csv = path.toString().toLowerCase(java.util.Locale.ROOT).endsWith(".csv");
        controller.background().submit("Saving " + t.label() + " to " + path.getFileName(), () -> {
            if (csv) io.backproplens.ui.core.Exports.csv(t.array(), path);
            else io.backproplens.ui.core.Exports.npy(t.array(), path);
            return path;
        }, p -> {
            String said = "Saved " + t.label() + " (" + t.shapeText() + ") to " + p;
            state.status.set(said);
            state.notices.post("Tensor saved", said);
        });
    }

    /** The first tensor the current step writes (what the inspector follows), or null. */
    private String firstWrite() {
        int step = state.step.get();
        if (cursor == null || step < 0) return null;
        Iterator<String> written = cursor.writes(step).iterator();
        return written.hasNext() ? written.next() : null;
    }

    /** Whether the step's new values are hidden: predict mode, before the reveal. */
    private boolean hidden() { return state.hidden.get() && state.step.get() >= 0; }


    private void refresh() { refresh(null); }

    private void refresh(String follow) {
        int step = state.step.get();
        int sample = state.sample.get();
        PassResult pass = state.pass.get();
        formulas.setTrained(pass != null && pass.isTrained());
        formulas.show(cursor, step, hidden());
        playback.counter.set(cursor == null || cursor.size() == 0 ? "" : "step " + (step + 1) + " / " + cursor.size()
                + (pass != null && pass.isTrained() ? ", trained" : ""));
        if (cursor == null) {
            graph.show(null, -1, 0, null);
            return;
        }
        refreshing = true;
        try {
            // Hidden (predict mode): offer what existed before the step, and follow nothing new yet.
            int shown = hidden() ? step - 1 : step;
            inspector.setContext(cursor.offered(shown), cursor.reads(step), cursor.writes(step), sample, follow);
        } finally {
            refreshing = false;
        }
        refreshGraph();
    }

    private void refreshGraph() {
        graph.show(cursor, state.step.get(), state.sample.get(), inspector.selected(), hidden());
        // Where the graph is larger than its pane, keep the active step's box (and its tensors) in view.
        zoom.focus(graph.focusOf(cursor == null ? null : cursor.module(state.step.get())));
        javafx.application.Platform.runLater(zoom::requestLayout);
    }

    public NetworkGraph graph() { return graph; }

    public TensorInspector inspector() { return inspector; }

    public FormulaPanel formulas() { return formulas; }

    public GradCheckPanel gradCheck() { return gradCheck; }

    public PlayBar playback() { return playback; }

    public ZoomPane zoom() { return zoom; }

    /** The pass on screen, or null while loading. */
    public PassResult pass() { return state.pass.get(); }
}
