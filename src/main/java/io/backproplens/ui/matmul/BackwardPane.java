package io.backproplens.ui.matmul;

import io.backproplens.session.PassResult;
import io.backproplens.ui.core.AppState;
import io.backproplens.ui.core.Steppable;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.Node;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.Locale;

/**
 * "I have no idea how w.g and b.g were calculated": the backward pass's matmuls on a slice of the
 * current pass. {@code w.g = inp.t() @ out.g} and {@code inp.g = out.g @ w.t()} open in the same
 * stepper as the first lesson, so the class sees the same {@code (i,k),(k,j),(i,j)} triples;
 * {@code w.g} can also be watched as a sum over samples of outer products, and {@code b.g} as
 * column sums.
 */
public final class BackwardPane extends BorderPane implements Steppable {
    private final AppState state;
    private final Label waiting = new Label("Waiting for the first forward and backward pass\u2026");
    private final HBox gradButtons = new HBox(6);
    private final ToggleGroup gradGroup = new ToggleGroup();
    private final ToggleGroup modeGroup = new ToggleGroup();
    private final ToggleButton asMatmul = new ToggleButton("as a matmul");
    private final ToggleButton asOuter = new ToggleButton("as outer products");
    private final HBox modeBox;
    private final Label formula = new Label();
    private final Label caption = new Label();
    private final Label check = new Label();
    private final HBox headline;
    private final MatmulStepper stepper = new MatmulStepper("bw");
    private final BatchSumPane sums = new BatchSumPane();

    private PassResult pass;
    private String which = "w1.g";
    private BackwardSlice slice;
    private boolean followLatest = true;

    public BackwardPane(AppState state) {
        this.state = state;
        stepper.motionProperty().bind(state.presentation.motion);
        getStyleClass().add("mm-backward");
        waiting.getStyleClass().add("mm-waiting");
        formula.setId("bw-formula");
        formula.getStyleClass().add("mm-grid-title");
        caption.setId("bw-caption");
        caption.getStyleClass().add("mm-caption");
        caption.setWrapText(true);
        check.setId("bw-check");
        check.getStyleClass().add("mm-ok");
        check.setWrapText(true);

        Label g = new Label("Gradient:");
        g.getStyleClass().add("mm-strong");
        gradButtons.setAlignment(Pos.CENTER_LEFT);
        asMatmul.setId("bw-mode-matmul");
        asOuter.setId("bw-mode-outer");
        for (ToggleButton t : List.of(asMatmul, asOuter)) {
            t.getStyleClass().add("mm-variant");
            t.setToggleGroup(modeGroup);
            t.setMinWidth(Region.USE_PREF_SIZE);
        }
        asMatmul.setSelected(true);
        modeGroup.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                was.setSelected(true);
                return;
            }
            showSlice();
        });
        modeBox = new HBox(6, asMatmul, asOuter);
        modeBox.setAlignment(Pos.CENTER_LEFT);
        g.setMinWidth(Region.USE_PREF_SIZE);
        // The choices wrap onto a second row rather than cut "Gradient:" (a projector at 200%).
        javafx.scene.layout.FlowPane chooser = new javafx.scene.layout.FlowPane(10, 6, g, gradButtons, modeBox);
        chooser.setAlignment(Pos.CENTER_LEFT);
        this.chooser = chooser;
        hint.setId("bw-hint");
        hint.setMinWidth(Region.USE_PREF_SIZE);
        hint.setFocusTraversable(false);
        hint.setOnAction(e -> next());
        headline = new HBox(18, formula, check);
        headline.setAlignment(Pos.CENTER_LEFT);
        VBox top = new VBox(4, chooser, headline, caption);
        top.setPadding(new Insets(6, 10, 2, 10));
        setCenter(new StackPane(waiting));
        this.topBox = top;
        heightProperty().addListener(o -> fit());
        widthProperty().addListener(o -> fit());
        state.presentation.scale.addListener(o -> javafx.application.Platform.runLater(this::fit));

        stepper.positionProperty().addListener((o, was, now) -> updateCheck());
        // The stepper's height depends on its arrangement, which it chooses after a resize: measure again then.
        stepper.setOnArranged(() -> javafx.application.Platform.runLater(this::fit));
        state.pass.addListener((o, was, now) -> {
            if (followLatest || pass == null) load(now, which);
        });
        if (state.pass.get() != null) load(state.pass.get(), which);
    }

    private final VBox topBox;
    private final javafx.scene.layout.FlowPane chooser;
    private final javafx.scene.control.Button hint = new javafx.scene.control.Button("Step through it \u25b6");
    /**
     * Short of height (a projector at 200%) the choices and the slice's description would leave
     * the stepper a strip: they become a page of their own, which the clicker leaves with Next and
     * comes back to with Previous before the first step. The formula stays over the stepper.
     */
    private boolean paged, intro = true;
    /** The size at which the choices went to a page of their own. */
    private double pagedW, pagedH;

    /** Whether the choices and the description stand on a page of their own before the stepper. */
    public boolean paged() { return paged; }

    /** Paged, whether that first page is in front. */
    public boolean introShown() { return paged && intro; }

    private void fit() {
        if (slice == null || pass == null || getWidth() <= 0 || getHeight() <= 0) return;
        Node work = work();
        double w = getWidth(), h = getHeight();
        topBox.getChildren().setAll(chooser, headline, caption);
        double fullTop = topBox.prefHeight(w);
        boolean now = fullTop > 0.25 * h && work != null && work.prefHeight(w) > h - fullTop;
        // At the size it paged at, it stays paged: the room the page frees lets the stepper take a
        // shorter arrangement, which must not bring the choices back over it (and page them again).
        if (paged && !now && w == pagedW && h == pagedH) now = true;
        if (now && !paged) {
            pagedW = w;
            pagedH = h;
        }
        if (now != paged) {
            paged = now;
            intro = true;
        }
        arrange();
    }

    private void arrange() {
        if (!introShown()) chooser.getChildren().remove(hint);
        if (!paged) {
            topBox.getChildren().setAll(chooser, headline, caption);
            if (getCenter() != work()) setCenter(work());
        } else if (intro) {
            hint.setTooltip(new javafx.scene.control.Tooltip("Next (\u2192): " + (showingSums ? "the sum over samples" : "the matmul")
                    + " on this slice, step by step"));
            // In the choices' row: the page has no height to spare for a line of its own.
            if (!chooser.getChildren().contains(hint)) chooser.getChildren().add(hint);
            topBox.getChildren().setAll(chooser, headline, caption);
            if (getCenter() != null) setCenter(null);
        } else {
            topBox.getChildren().setAll(headline);
            if (getCenter() != work()) setCenter(work());
        }
    }

    /** What steps: the stepper, or the sums over samples. */
    private Node work() { return showingSums ? sums : stepper; }

    private boolean showingSums;


    /** A pass whose on-demand tensor is being computed before {@link #load} shows it; null when none. */
    private PassResult computing;

    /** The tensor {@code which} of the pass if it is still to be computed on demand, else null. */
    private static io.backproplens.engine.TensorRef onDemand(PassResult p, String which) {
        for (io.backproplens.engine.TraceStep s : p.trace().steps()) {
            for (io.backproplens.engine.TensorRef r : s.writes()) if (r.label().equals(which) && !r.ready()) return r;
        }
        return null;
    }

    /** Shows {@code which} ({@code "w1.g"}, ...) from {@code pass}; later passes replace it as the settings change. */
    public void open(PassResult pass, String which) {
        followLatest = true;
        load(pass, which);
    }

    private void load(PassResult p, String w) {
        io.backproplens.engine.TensorRef later = p == null ? null : onDemand(p, w);
        if (later != null) {
            // x.g is computed when first read (Session#run): 50-100 ms of product, not for the FX thread.
            computing = p;
            java.util.concurrent.CompletableFuture.runAsync(later::array).whenComplete((v, e) ->
                    javafx.application.Platform.runLater(() -> { if (computing == p) show(p, w); }));
            return;
        }
        show(p, w);
    }

    private void show(PassResult p, String w) {
        computing = null;
        if (p == null) {
            pass = null;
            setTop(null);
            setCenter(new StackPane(waiting));
            return;
        }
        pass = p;
        which = w;
        gradButtons.getChildren().clear();
        for (String name : BackwardSlice.available(p)) {
            ToggleButton t = new ToggleButton(name);
            t.setId("bw-grad-" + name.replace('.', '-'));
            t.getStyleClass().add("mm-variant");
            t.setToggleGroup(gradGroup);
            t.setUserData(name);
            t.setMinWidth(Region.USE_PREF_SIZE);
            gradButtons.getChildren().add(t);
        }
        slice = BackwardSlice.of(p, w);
        for (var n : gradButtons.getChildren()) {
            ToggleButton t = (ToggleButton) n;
            if (t.getUserData().equals(slice.which())) t.setSelected(true);
            t.setOnAction(e -> {
                if (!t.isSelected()) t.setSelected(true);
                else if (!t.getUserData().equals(which)) load(pass, (String) t.getUserData());
            });
        }
        setTop(topBox);
        intro = true;
        showSlice();
    }

    private void showSlice() {
        if (slice == null) return;
        boolean weight = slice.kind() == BackwardSlice.Kind.WEIGHT;
        modeBox.setVisible(weight);
        modeBox.setManaged(weight);
        formula.setText(slice.formula());
        String why = slice.kind() == BackwardSlice.Kind.BIAS ? "a sum scales the same way" : "scale one factor and the product scales the same";
        caption.setText(slice.describe() + " " + slice.note() + (slice.gradScale() != 1 ? " Gradients shown" + slice.scaleText()
                + " so the digits fit (" + why + ")." : ""));
        if (slice.kind() == BackwardSlice.Kind.BIAS || (weight && asOuter.isSelected())) {
            sums.show(slice);
            showingSums = true;
            setCenter(sums);
            check.setText("");
        } else {
            boolean w = slice.kind() == BackwardSlice.Kind.WEIGHT;
            stepper.setInput(MatmulStepper.Input.of(slice.aName(), slice.bName(), slice.resultName(), slice.a(), slice.b(),
                    w ? slice.inpCols() : null, w ? null : slice.outCols(), w ? slice.outCols() : slice.inpCols()), false);
            showingSums = false;
            setCenter(stepper);
            updateCheck();
        }
        if (pass != null && getWidth() > 0) fit();
    }

    private void updateCheck() {
        if (slice == null || showingSums || stepper.replay() == null) return;
        if (stepper.position() < stepper.stepCount() - 1) {
            check.setText("");
            return;
        }
        double[][] got = stepper.resultNow(), nd = slice.nd4jResult();
        double diff = 0, max = 0;
        for (int r = 0; r < nd.length; r++)
            for (int c = 0; c < nd[r].length; c++) {
                diff = Math.max(diff, Math.abs(got[r][c] / slice.gradScale() - nd[r][c]));
                max = Math.max(max, Math.abs(nd[r][c]));
            }
        boolean same = diff <= 1e-9 * Math.max(max, 1e-30) || diff < 1e-15;
        String real = "";
        if (slice.real() != null) {
            double d = 0;
            for (int r = 0; r < nd.length; r++)
                for (int c = 0; c < nd[r].length; c++) d = Math.max(d, Math.abs(got[r][c] / slice.gradScale() - slice.real()[r][c]));
            // The pass ran in float32: agree to float precision of the slice's largest value.
            if (d <= 1e-4 * Math.max(max, 1e-30)) real = " and the pass's own " + slice.which() + " (to float32 precision)";
        }
        check.setText((same ? "\u2714 same as ND4J's product on this slice" + real : "\u2718 differs from ND4J's product by "
                + String.format(Locale.ROOT, "%.1e", diff)));
    }

    public BackwardSlice slice() { return slice; }

    public MatmulStepper stepper() { return stepper; }

    public BatchSumPane sums() { return sums; }

    /** Shows w.g as outer products (true) or as the matmul (false). */
    public void showOuterProducts(boolean outer) {
        (outer ? asOuter : asMatmul).setSelected(true);
    }

    private Steppable front() { return slice == null ? null : (Steppable) work(); }

    private int frontPosition() { return showingSums ? sums.position() : stepper.position(); }

    @Override public void next() {
        if (introShown()) {
            intro = false;
            arrange();
        } else if (front() != null) front().next();
    }

    @Override public void previous() {
        if (paged && !intro && frontPosition() < 0) {
            intro = true;
            arrange();
        } else if (!introShown() && front() != null) front().previous();
    }

    @Override public void reset() {
        if (front() != null) front().reset();
        if (paged && !intro) {
            intro = true;
            arrange();
        }
    }

    @Override public void togglePlay() { if (!introShown() && front() != null) front().togglePlay(); }
}
