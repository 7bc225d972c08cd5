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
        scroll.widthProperty().addListener(o -> rewrap());
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
            shownFormulas = List.of();
            shownStep = null;
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
        shownFormulas = hidden ? cursor.formulas(step, cursor.offered(step - 1)) : cursor.formulas(step);
        shownStep = s;
        shownTrace = cursor.trace();
        shownHidden = hidden;
        columns = columns(scroll.getWidth());
        fillFormulas();
    }

    /** What {@link #fillFormulas} draws: the step's formulas, the step, its trace, and whether its values are hidden. */
    private List<TraceCursor.Formula> shownFormulas = List.of();
    private TraceStep shownStep;
    private io.backproplens.engine.Trace shownTrace;
    private boolean shownHidden;
    /** The characters of a bound formula's line that fit the panel's width ({@link #columns}). */
    private int columns = Integer.MAX_VALUE;

    /**
     * How many characters of a formula's line fit beside the panel's padding and a vertical scroll
     * bar (always counted, so a scroll bar coming or going never rewraps the formulas), at the bound
     * formula's font (1.4 em, monospaced, bold; the shapes under it are smaller).
     */
    private int columns(double width) {
        if (!(width > 0)) return Integer.MAX_VALUE;
        double em = fontPx.getAsDouble();
        javafx.scene.text.Text probe = new javafx.scene.text.Text("0000000000");
        probe.setFont(javafx.scene.text.Font.font("Monospaced", javafx.scene.text.FontWeight.BOLD, 1.4 * em));
        double ch = probe.getLayoutBounds().getWidth() / 10;
        return Math.max(12, (int) Math.floor((width - 24 - em - 4) / ch));
    }

    /** Rewraps the formulas when the panel's width holds a different number of characters. */
    private void rewrap() {
        int c = columns(scroll.getWidth());
        if (c == columns) return;
        columns = c;
        if (shownStep != null) fillFormulas();
    }

    /** The formulas of the step on screen, each line wrapped to {@link #columns} (never scrolled sideways). */
    private void fillFormulas() {
        box.getChildren().clear();
        boundShown.clear();
        TraceStep s = shownStep;
        boolean hidden = shownHidden;
        int k = 0;
        for (TraceCursor.Formula f : shownFormulas) {
            Label notebook = new Label("# notebook:  " + f.notebook());
            notebook.getStyleClass().addAll("formula-notebook");
            notebook.setId("formula-" + k + "-notebook");
            // The notebook's line wraps at its words; the bound formula and its shapes wrap together, at
            // columns where both have a space, so every shape stays under its tensor.
            String nb = "# notebook:  " + f.notebook();
            boolean explained = s.phase() == TraceStep.Phase.BACKWARD && !hidden;
            // The notebook's line at 1 em regular (1.4 em bold is the bound line's), less the "?" button.
            int nbColumns = columns == Integer.MAX_VALUE ? columns : (int) Math.floor(columns * 1.4 - (explained ? 2.2 : 0) / 0.6);
            List<String> nbLines = new ArrayList<>();
            for (String[] piece : wrap(nb, "", nbColumns, "#   ")) nbLines.add(piece[0]);
            notebook.setText(String.join("\n", nbLines));
            notebook.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            List<String[]> parts = wrap(f.boundAligned(), f.shapesAligned(), columns, "  ");
            VBox lines = new VBox(0);
            Label bound = null;
            for (int p = 0; p < parts.size(); p++) {
                Label b = new Label(parts.get(p)[0]);
                b.getStyleClass().addAll("formula", "formula-bound",
                        s.phase() == TraceStep.Phase.FORWARD ? "formula-forward" : "formula-backward");
                b.setId("formula-" + k + "-bound" + (p == 0 ? "" : "-" + p));
                Label shapes = new Label(parts.get(p)[1]);
                shapes.getStyleClass().addAll("formula", "formula-shapes");
                shapes.setId("formula-" + k + "-shapes" + (p == 0 ? "" : "-" + p));
                // Never cut a formula short ("..."): a line is as wide as its text.
                for (Label l : new Label[]{b, shapes}) l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
                lines.getChildren().addAll(b, shapes);
                if (bound == null) bound = b;
            }
            javafx.scene.Node head = notebook;
            if (explained) {
                // Why the result has this shape: one screen, opened from the formula itself. The button
                // leads the line.
                TraceStep.Line line = s.lines().get(k);
                io.backproplens.engine.Trace trace = shownTrace;
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
                Label anchor = bound;
                Runnable show = () -> why.show(anchor, io.backproplens.explain.ShapeStory.of(trace, line), fontPx.getAsDouble());
                open.setOnAction(e -> show.run());
                for (javafx.scene.Node n : lines.getChildren()) {
                    n.setOnMouseClicked(e -> show.run());
                    n.setCursor(javafx.scene.Cursor.HAND);
                }
                javafx.scene.layout.HBox row = new javafx.scene.layout.HBox(6, open, notebook);
                row.setAlignment(javafx.geometry.Pos.TOP_LEFT);
                head = row;
            }
            VBox one = new VBox(0, head, lines);
            one.getStyleClass().add("formula-block");
            box.getChildren().add(one);
            boundShown.add(f.bound());
            k++;
        }
    }

    /**
     * A formula's line and the shapes aligned under it, cut into pieces of at most {@code columns}
     * characters, the pieces after the first indented by {@code indent}; see {@link #cut}. A piece
     * runs longer only where it has no place to cut.
     */
    static List<String[]> wrap(String top, String bottom, int columns, String indent) {
        int len = Math.max(top.length(), bottom.length());
        String t = top + " ".repeat(len - top.length()), b = bottom + " ".repeat(len - bottom.length());
        List<String[]> parts = new ArrayList<>();
        int start = 0;
        String in = "";
        while (len - start > columns - in.length()) {
            int c = cut(t, b, start, columns - in.length());
            if (c < 0) break;
            parts.add(new String[]{(in + t.substring(start, c)).stripTrailing(), (in + b.substring(start, c)).stripTrailing()});
            start = c;
            while (start < len && t.charAt(start) == ' ' && b.charAt(start) == ' ') start++;
            in = indent;
        }
        if (start < len || parts.isEmpty()) parts.add(new String[]{(in + t.substring(start)).stripTrailing(), (in + b.substring(start)).stripTrailing()});
        return parts;
    }

    /**
     * Where to end a piece that starts at {@code start} and may hold {@code room} characters: never
     * inside a shape of the lower line; by preference at a space of both lines, else after an
     * operator ({@code 2*(out.squeeze()-} | {@code y)}), else before a method's dot, else anywhere;
     * where nothing fits the room, at the first space after it; -1: nowhere.
     */
    private static int cut(String t, String b, int start, int room) {
        int len = t.length(), hi = Math.min(start + room, len - 1);
        for (int c = hi; c > start; c--) if (t.charAt(c) == ' ' && b.charAt(c) == ' ') return c;
        for (int c = hi; c > start + 1; c--) if (free(b, c) && "-+*/,(=".indexOf(t.charAt(c - 1)) >= 0) return c;
        for (int c = hi; c > start + 1; c--) if (free(b, c) && t.charAt(c) == '.') return c;
        for (int c = hi; c > start + 1; c--) if (free(b, c)) return c;
        for (int c = hi + 1; c < len; c++) if (t.charAt(c) == ' ' && b.charAt(c) == ' ') return c;
        return -1;
    }

    /** Whether the lower line has no shape across column {@code c} (blank on both sides of the cut). */
    private static boolean free(String b, int c) { return b.charAt(c - 1) == ' ' && b.charAt(c) == ' '; }

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
