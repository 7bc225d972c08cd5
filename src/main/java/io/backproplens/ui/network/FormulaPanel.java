package io.backproplens.ui.network;

import io.backproplens.engine.TraceStep;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.List;

/**
 * The current step in words and formulas: its title, one sentence of what it does, and each
 * formula in the notebook's code ({@code inp.g = out.g @ w.t()}), then with this model's names and,
 * aligned under every tensor, its shape ({@code l2.g = out.g @ w2.t()} over
 * {@code 50000x50  50000x1  1x50}).
 */
public final class FormulaPanel extends VBox {
    private final javafx.scene.layout.FlowPane box = new javafx.scene.layout.FlowPane();
    private final Label title = new Label();
    private final Label narration = new Label();
    /**
     * What the sentence would say beside the step, under the formulas: the notebook's loss and why it
     * differs, and at the end of a phase its wall time here and in the notebook. In the sentence they
     * made it eight lines at 1280x720 and 200%, where the title, the sentence and the tab headers
     * have the column's height beside the graph.
     */
    private final Label aside = new Label();
    private final VBox body = new VBox(4, box, aside);
    private final ScrollPane scroll = new ScrollPane(body);
    private final List<String> boundShown = new ArrayList<>();
    private final ShapePopOver why = new ShapePopOver();
    private java.util.function.DoubleSupplier fontPx = () -> 16;
    /** The pass's measured forward and backward wall times, said at the end of each phase (0: not measured). */
    private long forwardNanos, backwardNanos;

    public FormulaPanel() {
        getStyleClass().add("formula-panel");
        title.setId("step-title");
        title.getStyleClass().add("step-title");
        title.setWrapText(true);
        narration.setId("step-narration");
        narration.getStyleClass().add("step-narration");
        narration.setWrapText(true);
        aside.setId("step-aside");
        aside.getStyleClass().add("step-aside");
        aside.setWrapText(true);
        aside.setPadding(new Insets(0, 12, 8, 12));
        aside.managedProperty().bind(aside.textProperty().isNotEmpty());
        aside.visibleProperty().bind(aside.managedProperty());
        // Wrapped to the panel's width, not to the widest formula's (the formulas scroll sideways).
        aside.maxWidthProperty().bind(scroll.viewportBoundsProperty().map(b -> Math.max(100, b.getWidth())));
        aside.prefWidthProperty().bind(aside.maxWidthProperty());
        // Title and sentence wrap to the panel's width; the formulas scroll (never cut short).
        box.setPadding(new Insets(0, 12, 8, 12));
        // Formulas side by side when the width allows: at steps with three formulas all of them show.
        box.hgapProperty().bind(title.fontProperty().map(f -> f.getSize() * 1.5));
        box.setVgap(4);
        box.prefWrapLengthProperty().bind(widthProperty().subtract(24));
        scroll.getProperties().put(io.backproplens.ui.audit.LayoutAudit.SCROLLS, true);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("formula-scroll");
        VBox.setVgrow(scroll, javafx.scene.layout.Priority.ALWAYS);
        VBox head = new VBox(2, title, narration);
        head.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        scroll.setMinHeight(0);
        head.setPadding(new Insets(8, 12, 4, 12));
        getChildren().addAll(head, scroll);
    }

    /** The UI's root font size, for the shape explanation (a popup has its own scene). */
    void setFontPx(java.util.function.DoubleSupplier px) { fontPx = px; }

    /** The wall times of the pass on screen, for the sentence at the end of forward and of backward. */
    void setPassTimes(long forwardNanos, long backwardNanos) {
        this.forwardNanos = forwardNanos;
        this.backwardNanos = backwardNanos;
    }

    /** The shape explanation opened from a backward formula (tests read it). */
    ShapePopOver why() { return why; }

    /** Scrolls formula {@code k} into view (the panel scrolls where the formulas are taller than it). */
    void scrollTo(int k) {
        if (k < 0 || k >= box.getChildren().size()) return;
        layout();
        double y = box.getChildren().get(k).getBoundsInParent().getMinY();
        double room = box.getHeight() - scroll.getViewportBounds().getHeight();
        scroll.setVvalue(room <= 0 ? 0 : Math.max(0, Math.min(1, y / room)));
        scroll.layout();
    }

    /** The bound formulas on screen ({@code l2.g = out.g @ w2.t()}), for tests and the clipboard. */
    public List<String> formulas() { return List.copyOf(boundShown); }

    public String title() { return title.getText(); }

    /** What the step says: the sentence under the title, then (under the formulas) the notebook's numbers and the phase's time. */
    public String narration() { return aside.getText().isEmpty() ? narration.getText() : narration.getText() + " " + aside.getText(); }

    /** The height this panel needs at {@code width} to show everything without scrolling. */
    double heightFor(double width) {
        return headHeight(width) + box.prefHeight(width) + (aside.isManaged() ? aside.prefHeight(width) + 4 : 0) + 4;
    }

    /** The height of the title and the sentence at {@code width} (they never scroll). */
    double headHeight(double width) {
        double inner = width - 24;
        return title.prefHeight(inner) + narration.prefHeight(inner) + 14;
    }

    public void show(TraceCursor cursor, int step) { show(cursor, step, false); }

    /** Whether the pass runs on trained weights: then the title before the first step says so. */
    private boolean trained;

    void setTrained(boolean on) { trained = on; }

    /** As {@link #show(TraceCursor, int)}; {@code hidden}: predict mode, before the reveal. */
    public void show(TraceCursor cursor, int step, boolean hidden) {
        box.getChildren().clear();
        boundShown.clear();
        why.hide();
        if (cursor == null) {
            title.setText("Loading MNIST\u2026");
            narration.setText("");
            aside.setText("");
            return;
        }
        String t = cursor.title(step);
        title.setText(trained && step < 0 ? t.replace("initial weights", "trained weights") : t);
        TraceStep s = cursor.step(step);
        narration.setText(s == null
                ? "Press Next (\u2192 or Space) to run " + cursor.step(0).module() + ". Click any tensor to inspect it."
                : hidden ? "Predict: what will " + String.join(", ", cursor.writes(step)) + " be, and what shape? Next reveals it."
                : narrate(s, cursor.step(cursor.indexOf(s.module(), TraceStep.Phase.FORWARD)), step == cursor.size() - 1));
        aside.setText(s == null || hidden ? "" : (notebookLoss(s) + timeAtEndOfPhase(cursor, step)).trim());
        int k = 0;
        for (TraceCursor.Formula f : hidden ? cursor.formulas(step, cursor.offered(step - 1)) : cursor.formulas(step)) {
            Label notebook = new Label("# notebook:  " + f.notebook());
            notebook.getStyleClass().addAll("formula-notebook");
            notebook.setId("formula-" + k + "-notebook");
            Label bound = new Label(f.boundAligned());
            bound.getStyleClass().addAll("formula", "formula-bound",
                    s.phase() == TraceStep.Phase.FORWARD ? "formula-forward" : "formula-backward");
            bound.setId("formula-" + k + "-bound");
            Label shapes = new Label(f.shapesAligned());
            shapes.getStyleClass().addAll("formula", "formula-shapes");
            shapes.setId("formula-" + k + "-shapes");
            // Never cut a formula short ("..."): the panel scrolls sideways instead.
            for (Label l : new Label[]{notebook, bound, shapes}) l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            javafx.scene.Node head = notebook;
            if (s.phase() == TraceStep.Phase.BACKWARD && !hidden) {
                // Why the result has this shape: one screen, opened from the formula itself. The button
                // leads the line, so it shows where a long formula runs past the panel's right edge.
                TraceStep.Line line = s.lines().get(k);
                io.backproplens.engine.Trace trace = cursor.trace();
                org.kordamp.ikonli.javafx.FontIcon help = new org.kordamp.ikonli.javafx.FontIcon("mdi2h-help-circle-outline");
                // As large as the text at any UI scale (inline: the theme's stylesheet wins over a set size).
                // FontIcon keeps its own font in the same style: add to it, do not replace it.
                String own = help.getStyle() == null ? "" : help.getStyle().trim();
                help.setStyle(own + (own.isEmpty() || own.endsWith(";") ? "" : ";") + "-fx-icon-size: " + Math.round(fontPx.getAsDouble()) + "px;");
                javafx.scene.control.Button open = new javafx.scene.control.Button(null, help);
                open.setId("formula-" + k + "-why");
                open.getStyleClass().add("formula-why");
                open.setTooltip(new javafx.scene.control.Tooltip("Why these shapes?"));
                open.setFocusTraversable(false);
                open.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
                Runnable show = () -> why.show(bound, io.backproplens.explain.ShapeStory.of(trace, line), fontPx.getAsDouble());
                open.setOnAction(e -> show.run());
                bound.setOnMouseClicked(e -> show.run());
                bound.setCursor(javafx.scene.Cursor.HAND);
                javafx.scene.layout.HBox row = new javafx.scene.layout.HBox(6, open, notebook);
                row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
                head = row;
            }
            VBox one = new VBox(0, head, bound, shapes);
            one.getStyleClass().add("formula-block");
            box.getChildren().add(one);
            boundShown.add(f.bound());
            k++;
        }
    }

    /** One sentence for the class about what the step does. */
    static String narrate(TraceStep s, boolean last) { return narrate(s, null, last); }

    /**
     * One sentence for the class about what the step does, with the names of its module's forward
     * step {@code fwdStep} (null: the notebook's): any layer of a trained stack, and the ce head.
     */
    static String narrate(TraceStep s, TraceStep fwdStep, boolean last) {
        boolean fwd = s.phase() == TraceStep.Phase.FORWARD;
        TraceStep f = fwdStep != null ? fwdStep : fwd ? s : null;
        String m = s.module();
        String inp = f == null ? "" : firstInput(f), out = f == null || f.writes().isEmpty() ? "" : f.writes().get(0).label();
        String k = m.replaceAll("\\D", "");
        String text;
        if (m.startsWith("lin") && f != null) {
            long cols = f.writes().get(0).shape().length == 2 ? f.writes().get(0).shape()[1] : 1;
            if (fwd) {
                text = inp.equals("x") ? "Every sample's 784 pixels times w" + k + ", plus b" + k + ": nh numbers per sample."
                        : !out.equals("out") ? "The previous layer's activations times w" + k + ", plus b" + k + ": nh numbers per sample."
                        : cols == 1 ? "The hidden activations times w" + k + ", plus b" + k + ": one prediction per sample."
                        : "The hidden activations times w" + k + ", plus b" + k + ": " + cols + " scores per sample, one per digit.";
            } else {
                text = inp.equals("x") ? out + ".g gives the gradients of the first layer: w" + k + ".g, b" + k + ".g and the input's x.g."
                        : out + ".g flows back through Lin" + k + ": to its input (via w" + k + "), to w" + k + " (via " + inp + ") and to b" + k + " (summed over the batch).";
            }
        } else if (m.startsWith("relu")) {
            text = fwd ? "ReLU: every negative number becomes 0."
                    : "The gradient passes the ReLU only where its input " + (f == null ? "l1" : inp) + " was positive.";
        } else if (m.equals("log_softmax")) {
            text = fwd ? "log_softmax: each sample's scores become log-probabilities (minus the log of the sum of their exps)."
                    : out + ".g flows back through log_softmax: " + inp + ".g = " + out + ".g - softmax x (the row sum of " + out + ".g).";
        } else if (m.equals("nll")) {
            // Short: at 1024x768 the step's sentence has two lines of room.
            text = fwd ? "The loss: minus the mean log-probability of each sample's label. "
                    + "loss = " + io.backproplens.ui.common.Fmt.stat(s.writes().get(0).array().getDouble(0)) + "."
                    : "Backward starts at the loss: only each sample's label entry gets a gradient, -1/n (" + inp + ".g).";
        } else if (m.equals("mse")) {
            text = fwd ? "The loss: the mean over the batch of (prediction - label)\u00b2. loss = "
                    + io.backproplens.ui.common.Fmt.stat(s.writes().get(0).array().getDouble(0)) + "."
                    : "Backward starts at the loss: how it changes with each prediction (out.g).";
        } else {
            text = "";
        }
        return last ? text + " Every .g is now computed." : text;
    }

    /** A forward step's input: the first tensor it reads that is not a parameter or the target. */
    private static String firstInput(TraceStep f) {
        for (io.backproplens.engine.TensorRef r : f.reads()) {
            String l = r.label();
            if (!l.matches("[wb]\\d+") && !l.equals("y")) return l;
        }
        return "";
    }

    /**
     * At the last step of forward and of backward, how long that phase took here and in the
     * notebook, both from their one source (the pass's measurement, {@code printed.properties}):
     * " Forward took 118 ms (Java, this machine); notebook: 29.1 ms (Python, another machine)."
     */
    private String timeAtEndOfPhase(TraceCursor cursor, int step) {
        TraceStep s = cursor.step(step), next = cursor.step(step + 1);
        boolean fwd = s.phase() == TraceStep.Phase.FORWARD;
        if (fwd ? next != null && next.phase() == TraceStep.Phase.FORWARD : next != null) return "";
        long nanos = fwd ? forwardNanos : backwardNanos;
        return nanos <= 0 ? "" : " " + timeBeside(fwd, nanos, s.batch());
    }

    /** One phase's time here beside the notebook's (which timed all 50,000 rows). */
    static String timeBeside(boolean forward, long nanos, long batch) {
        io.backproplens.session.NotebookPrinted.Number nb = io.backproplens.session.NotebookPrinted.get(forward ? "forward.wall_ms" : "backward.wall_ms");
        boolean whole = batch == io.backproplens.session.Settings.MAX_BATCH;
        return (forward ? "Forward" : "Backward") + " took " + io.backproplens.ui.common.Fmt.time(nanos / 1e9) + " (Java, this machine"
                + (whole ? "" : ", " + io.backproplens.ui.common.Fmt.count(batch) + " rows") + "); " + nb.beside() + " ms (Python, another machine"
                + (whole ? "" : ", all 50,000 rows") + ").";
    }

    /**
     * At the MSE loss on the notebook's whole training set, the notebook's loss with why the two
     * differ: its weights were unseeded, and it ran w2 = rand(nh,1)/sqrt(784) (the init
     * "notebook"); else "".
     */
    static String notebookLoss(TraceStep s) {
        if (!s.module().equals("mse") || s.phase() != TraceStep.Phase.FORWARD
                || s.batch() != io.backproplens.session.Settings.MAX_BATCH) return "";
        return io.backproplens.session.NotebookPrinted.get("loss").beside() + " (unseeded weights, w2 = rand(nh,1)/sqrt(784): init notebook).";
    }
}
