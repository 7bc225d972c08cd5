package io.backproplens.ui.slips;

import io.backproplens.explain.NotebookSlips;
import io.backproplens.explain.ShapeStory;
import io.backproplens.session.PassResult;
import io.backproplens.ui.audit.LayoutAudit;
import io.backproplens.ui.common.Fmt;
import io.backproplens.ui.core.Controller;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The "Notebook's slips" scene: three places where the seed notebook's code does not do what its
 * author meant, each shown with the current pass's tensors (computed by {@link NotebookSlips} in
 * the background): the misplaced {@code .sum(0)} of {@code lin_grad}'s first version, the
 * {@code test_near} that compares a tensor with its own clone, and the refactor's {@code Relu - 0.5}.
 */
public final class SlipsView extends BorderPane {
    /** The three slips, in the notebook's order. */
    public enum Slip {
        LIN_GRAD("lin_grad's .sum(0)"), SELF_TEST("test_near"), SHIFT("Relu - 0.5");

        final String title;

        Slip(String title) { this.title = title; }
    }

    private final Controller controller;
    private final Map<Slip, ToggleButton> buttons = new EnumMap<>(Slip.class);
    private final ScrollPane body = new ScrollPane();
    private final Label waiting = new Label("Waiting for the first forward and backward pass\u2026");
    private Slip current = Slip.LIN_GRAD;
    private NotebookSlips slips;
    private PassResult computedFor;
    private final List<String> lines = new ArrayList<>();
    /** The shapes and numbers on screen by id, for tests ({@code wrong-shape} -> {@code (50000, 784, 50)}). */
    private final Map<String, String> cells = new java.util.LinkedHashMap<>();

    public SlipsView(Controller controller) {
        this.controller = controller;
        setId("slips-view");
        getStyleClass().add("slips-view");
        getStylesheets().add(Objects.requireNonNull(SlipsView.class.getResource("/css/slips.css")).toExternalForm());
        ToggleGroup group = new ToggleGroup();
        FlowPane bar = new FlowPane(6, 6);
        bar.getStyleClass().add("slips-bar");
        Label lead = new Label("Slips:");
        lead.getStyleClass().add("slips-lead");
        lead.setMinWidth(Region.USE_PREF_SIZE);
        bar.getChildren().add(lead);
        int n = 1;
        for (Slip s : Slip.values()) {
            ToggleButton b = new ToggleButton(n++ + "  " + s.title);
            b.setId("slip-" + s.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            b.getStyleClass().add("slip-button");
            b.setToggleGroup(group);
            b.setUserData(s);
            b.setFocusTraversable(false);
            // The titles are code: lin_grad's underscore is a letter, not a mnemonic.
            b.setMnemonicParsing(false);
            b.setMinWidth(Region.USE_PREF_SIZE);
            buttons.put(s, b);
            bar.getChildren().add(b);
        }
        buttons.get(current).setSelected(true);
        group.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                was.setSelected(true);
                return;
            }
            current = (Slip) now.getUserData();
            render();
        });
        setTop(bar);
        body.setFitToWidth(true);
        body.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        // At 200% a slip is taller than the window: it scrolls, its text never shrinks.
        body.getProperties().put(LayoutAudit.SCROLLS, true);
        body.getStyleClass().add("slips-scroll");
        waiting.getStyleClass().add("slips-waiting");
        waiting.setWrapText(true);
        setCenter(body);
        body.setContent(waiting);
        controller.state().pass.addListener((o, was, now) -> compute());
        widthProperty().addListener((o, was, now) -> { if (Math.abs(now.doubleValue() - was.doubleValue()) >= 1) widthChanged(); });
        sceneProperty().addListener((o, was, now) -> compute());
        compute();
    }

    /** Brings a slip to the front. */
    public void select(Slip s) { buttons.get(s).setSelected(true); }

    public Slip slip() { return current; }

    /** The computed slips on screen (null while they are computed). */
    public NotebookSlips slips() { return slips; }

    /** The texts on screen, top to bottom. */
    public List<String> lines() { return List.copyOf(lines); }

    /** A shape or number on screen by its id ({@code wrong-shape}), or null. */
    public String cell(String id) { return cells.get(id); }

    private void compute() {
        PassResult pass = controller.state().pass.get();
        // Only while on screen: the autodiff comparison and the batched product take a moment.
        if (pass == null || getScene() == null || pass == computedFor) return;
        // The slips are the notebook's, on its network: a trained deeper or ce model keeps the last ones.
        if (!pass.isNotebook()) return;
        computedFor = pass;
        slips = null;
        waiting.setText("Computing the slips on this pass's tensors\u2026");
        body.setContent(waiting);
        controller.background().submit("The notebook's slips on this pass",
                () -> NotebookSlips.of(pass.trace(), pass.weights(), pass.settings().reluShift()), s -> {
                    if (pass != controller.state().pass.get()) return;
                    slips = s;
                    render();
                });
    }

    private void render() {
        lines.clear();
        cells.clear();
        if (slips == null) return;
        VBox page = switch (current) {
            case LIN_GRAD -> linGrad(slips.linGrad());
            case SELF_TEST -> selfTest(slips.selfTest());
            case SHIFT -> shift(slips.shift());
        };
        page.getStyleClass().add("slip-page");
        page.setPadding(new Insets(8, 14, 12, 14));
        // The table in three columns where it fits, else each name above its numbers.
        body.setContent(page);
        if (!narrow && getWidth() > 0 && getScene() != null) {
            page.applyCss();
            double need = page.getChildren().stream().filter(n -> n instanceof GridPane).mapToDouble(n -> n.prefWidth(-1)).max().orElse(0) + 28;
            if (need > getWidth()) {
                narrow = true;
                render();
                return;
            }
        }
        body.setContent(page);
        body.setVvalue(0);
    }

    /** A new width decides afresh between the wide and the narrow tables. */
    private void widthChanged() {
        narrow = false;
        render();
    }

    // ---- 1: the misplaced .sum(0) ---------------------------------------------------------

    private VBox linGrad(NotebookSlips.LinGrad a) {
        String b = Fmt.count(a.inpShape()[0]);
        String at = "[" + a.k() + "," + a.j() + "]";
        return new Page("lin_grad's first version sums out.g over the batch before the product")
                .wrong("# notebook:  w.g = (inp.unsqueeze(-1)*out.g.unsqueeze(1).sum(0))")
                .code("# meant:     w.g = (inp.unsqueeze(-1)*out.g.unsqueeze(1)).sum(0)")
                .code("# refactor:  w.g = inp.t() @ out.g")
                .table("expression (lin1: inp = x, out.g = l1.g)", "shape", "value at " + at)
                .row("inp.unsqueeze(-1)", shape(a.inpShape()[0], a.inpShape()[1], 1), "", "inp-u")
                .row("out.g.unsqueeze(1).sum(0)", shape(1, a.outGShape()[1]), Fmt.num(a.columnSum()) + "  (at j = " + a.j() + ")", "colsum")
                .row("the notebook's w.g", ShapeStory.shape(a.wrongShape()), perSample(a), "wrong")
                .row("meant, first " + a.samples() + " samples", ShapeStory.shape(a.rightShape()), Fmt.num(a.batched()), "batched")
                .row("inp[:" + a.samples() + "].t() @ out.g[:" + a.samples() + "]", ShapeStory.shape(a.rightShape()), Fmt.num(a.matmul()), "matmul")
                .row("the engine's w1.g, all " + b + " samples", ShapeStory.shape(a.rightShape()), Fmt.num(a.engine()), "engine")
                .note("The notebook's line is " + ShapeStory.shape(a.wrongShape()) + ", not w1's " + ShapeStory.shape(a.rightShape())
                        + ": (B, 784, 1) * (1, " + a.outGShape()[1] + ") broadcasts to (B, 784, " + a.outGShape()[1] + "). Each entry is "
                        + "x[i,k] * l1.g[:,j].sum(), e.g. " + Fmt.num(a.inpAtK()[0]) + " * " + Fmt.num(a.columnSum()) + " = "
                        + Fmt.num(a.wrong()[0]) + ": the batch was summed first, so no sample's input meets its own gradient.")
                .note("For all " + b + " samples it would take " + gb(a.wrongBytes()) + "; the app computes it with ND4J for the first "
                        + a.samples() + ", " + ShapeStory.shape(a.sliceShape()) + ". Moving the parenthesis gives the product per sample, "
                        + "summed over them: the same numbers as inp.t() @ out.g (largest difference on this slice "
                        + Fmt.num(a.maxBatchedVsMatmul()) + "). The element shown is w1.g's largest.")
                .quote("The notebook printed (all 50,000 rows): inp (unsqueezed) shape: torch.Size([50000, 784, 1]) out.g shape: "
                        + "torch.Size([50000, 50])")
                .box;
    }

    /** The notebook's w.g at [i,k,j] for each sample of the slice, one a line. */
    private static String perSample(NotebookSlips.LinGrad a) {
        StringBuilder wrong = new StringBuilder();
        for (int i = 0; i < a.samples(); i++) wrong.append(i == 0 ? "" : "\n").append("[").append(i).append(",").append(a.k())
                .append(",").append(a.j()).append("] ").append(Fmt.num(a.wrong()[i]));
        return wrong.toString();
    }

    // ---- 2: a test that cannot fail -------------------------------------------------------

    private VBox selfTest(NotebookSlips.SelfTest s) {
        return new Page("test_near(w2g, w2.g) compares w2.g with its own clone: it cannot fail")
                .code("w2g = w2.g.clone()")
                .wrong("test_near(w2g, w2.g)          # always passes")
                .code("test_near(w22.grad, w2g)      # meant: autograd's gradient")
                .table("comparison", "largest difference", "verdict")
                .row("w2g vs w2.g (the notebook's test)", Fmt.num(s.cloneDiff()), verdict(s.clonePasses()), "clone")
                .row("the same, w2.g doubled (a wrong lin_grad)", Fmt.num(s.doubledCloneDiff()), verdict(s.doubledClonePasses()), "clone-doubled")
                .row("w2.g vs autodiff (SameDiff)", Fmt.num(s.autodiffRel()) + " relative", verdict(s.autodiffPasses()), "autodiff")
                .row("doubled w2.g vs autodiff", Fmt.num(s.doubledAutodiffRel()) + " relative", verdict(s.doubledAutodiffPasses()), "autodiff-doubled")
                .note("A clone equals its original whatever the gradient is: even a doubled (wrong) w2.g passes. The notebook made "
                        + "w22 = w2.clone().requires_grad_(True) for PyTorch's autograd but never ran the loss backward through it, "
                        + "so the comparison it meant was never made.")
                .note("Here it is made: the engine's w2.g against SameDiff's autodiff on the first " + Fmt.count(s.rows())
                        + " rows, in float64, tolerance " + Fmt.num(s.tolerance()) + ". It passes, and a doubled w2.g fails it. "
                        + "Scene 8, Gradient check, makes this comparison for every .g, and against finite differences.")
                .box;
    }

    // ---- 3: the shift ---------------------------------------------------------------------

    private VBox shift(NotebookSlips.Shift c) {
        return new Page("The refactor's Relu subtracts 0.5: the model is no longer the one tested")
                .code("def relu(x): return x.clamp_min(0.)                 # the functions")
                .wrong("def forward(self, inp): return inp.clamp_min(0.)-0.5  # the refactor")
                .table("this pass's tensors", "relu(l1)", "relu(l1) - 0.5")
                .meanAndStd("l2 = relu", "l2", c.relu(), c.shiftedRelu(), "relu")
                .meanAndStd("out = l2 @ w2 + b2", "out", c.out(), c.shiftedOut(), "out")
                .row("loss (mse)", Fmt.stat(c.loss()), Fmt.stat(c.shiftedLoss()), "loss")
                .note("Every hidden activation moves by -0.5, so lin2's output moves by -0.5 * w2.sum() = -0.5 * " + Fmt.num(c.sumW2())
                        + " = " + Fmt.num(-0.5 * c.sumW2()) + " for every sample; a shift by a constant leaves the std as it was. "
                        + "The next layer's statistics (and the loss) are another model's.")
                .note("The backward is unchanged: (inp>0).float() * out.g, since a constant has slope 0. fast.ai's own notebook "
                        + "subtracts 0.5 on purpose, to bring the mean nearer 0; the slip is that the refactored Model is another "
                        + "function than the relu the gradients were checked with. The controls' ReLU shift runs the whole pass with it.")
                .box;
    }

    // ---- builders ---------------------------------------------------------------------------

    /**
     * One slip's page, top to bottom in the order it is built (so {@link #lines} reads as the page
     * does): its title, the code (the slip marked), the table of this pass's numbers, the notes.
     */
    private final class Page {
        final VBox box = new VBox(6);
        private GridPane table;
        private int rows;

        Page(String title) { box.getChildren().add(title(title)); }

        Page code(String text) { return add(SlipsView.this.code(text, "slip-code")); }

        /** The line of code that slips. */
        Page wrong(String text) { return add(SlipsView.this.code(text, "slip-code-wrong")); }

        /** Starts a table under {@code heads}; the {@link #row}s that follow fill it. */
        Page table(String... heads) {
            table = SlipsView.this.table(heads);
            rows = 0;
            return add(table);
        }

        /** The table's next row: what it is, two numbers (or a shape and a number), and its id for tests. */
        Page row(String what, String a, String b, String id) {
            SlipsView.this.row(table, ++rows, what, a, b, id);
            return this;
        }

        /** Two rows, the mean and the std of a tensor without and with the shift ({@code relu-mean}, {@code relu-std}). */
        Page meanAndStd(String first, String name, NotebookSlips.Stats plain, NotebookSlips.Stats shifted, String id) {
            return row(first + ": mean", Fmt.stat(plain.mean()), Fmt.stat(shifted.mean()), id + "-mean")
                    .row(name + ": std", Fmt.stat(plain.std()), Fmt.stat(shifted.std()), id + "-std");
        }

        Page note(String text) { return add(label(text, "slip-note")); }

        Page quote(String text) { return add(label(text, "slip-quote")); }

        private Page add(javafx.scene.Node n) {
            box.getChildren().add(n);
            return this;
        }
    }

    private Label title(String text) { return label(text, "slip-title"); }

    private Label code(String text, String style) {
        // Wraps only where the window is too narrow for the line (200% on a small screen).
        Label l = label(text, style);
        l.setMinWidth(0);
        return l;
    }

    private Label label(String text, String style) {
        Label l = new Label(text);
        l.getStyleClass().add(style);
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        lines.add(text);
        return l;
    }

    /** Tables in two columns, each row's name on a line of its own above its numbers (a narrow window). */
    private boolean narrow;

    private GridPane table(String... heads) {
        GridPane t = new GridPane();
        t.getStyleClass().add("slip-table");
        t.setHgap(24);
        t.setVgap(4);
        for (int c = narrow ? 1 : 0; c < heads.length; c++) {
            Label h = label(heads[c], "slip-head");
            h.setWrapText(false);
            h.setMinWidth(Region.USE_PREF_SIZE);
            t.add(h, narrow ? c - 1 : c, 0);
        }
        return t;
    }

    private void row(GridPane t, int r, String what, String shapeOrA, String value, String id) {
        Label a = label(what, "slip-cell-name"), b = label(shapeOrA, "slip-cell"), c = label(value, "slip-cell");
        for (Label l : new Label[]{b, c}) {
            l.setWrapText(false);
            l.setMinWidth(Region.USE_PREF_SIZE);
        }
        a.setMaxWidth(Region.USE_PREF_SIZE);
        b.setId("slip-" + id + "-shape");
        c.setId("slip-" + id + "-value");
        cells.put(id + "-shape", shapeOrA);
        cells.put(id + "-value", value);
        GridPane.setValignment(a, javafx.geometry.VPos.TOP);
        GridPane.setValignment(b, javafx.geometry.VPos.TOP);
        if (narrow) {
            a.setMaxWidth(Double.MAX_VALUE);
            a.setMinWidth(0);
            t.add(a, 0, 2 * r - 1, 2, 1);
            GridPane.setMargin(b, new Insets(0, 0, 0, 16));
            t.add(b, 0, 2 * r);
            t.add(c, 1, 2 * r);
        } else {
            t.addRow(r, a, b, c);
        }
    }

    private static String verdict(boolean pass) { return pass ? "\u2714 passes" : "\u2718 fails"; }

    private static String shape(long... s) { return ShapeStory.shape(s); }

    private static String gb(long bytes) { return String.format(Locale.ROOT, "%.2f GB", bytes / 1e9); }
}
