package io.backproplens.ui.matmul;

import io.backproplens.explain.ElementProduct;
import io.backproplens.session.PassResult;
import io.backproplens.ui.common.Fmt;
import io.backproplens.ui.core.Background;
import io.backproplens.ui.core.Newest;
import io.backproplens.ui.core.Steppable;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * "Step it" from a derivation: the stepper of the first lesson on exactly the row and the column
 * of the real matrices whose product is one gradient element ({@code w1.g[3,7] = x.t()[3,:] @
 * l1.g[:,7]}), so the triple loop the class watched computes this gradient. At the end the result
 * is held against the element the engine computed. A new pass (other settings, the trained
 * switch) reads the same element afresh, or closes the stepper saying why the new pass has none:
 * the stepper never shows numbers of a pass no longer on screen.
 */
public final class ElementPane extends BorderPane implements Steppable {
    private final Label waiting = new Label("Open a gradient element here from the Network view: click an element of a .g in the "
            + "tensor inspector, then \u201cStep it\u201d in its derivation.");
    private final Label formula = new Label();
    private final Label caption = new Label();
    private final Label check = new Label();
    private final MatmulStepper stepper = new MatmulStepper("el");
    private final VBox top;
    private final Background background;
    /** The newest pass wins: a pass that lands while the last one is read replaces it. */
    private final Newest follow = new Newest();
    private ElementProduct product;

    /** What a new pass makes of the element on screen: the same element afresh, or why there is none. */
    private record Followed(ElementProduct product, String gone) {}

    /**
     * @param pass       the pass on screen; the element follows each new one
     * @param background where the new pass's row and column are read (a column of x is 50,000 values)
     */
    public ElementPane(ObservableValue<PassResult> pass, Background background) {
        this.background = background;
        getStyleClass().add("mm-element");
        waiting.getStyleClass().add("mm-waiting");
        waiting.setWrapText(true);
        waiting.setPadding(new Insets(12));
        formula.setId("el-formula");
        formula.getStyleClass().add("mm-grid-title");
        formula.setWrapText(true);
        caption.setId("el-caption");
        caption.getStyleClass().add("mm-caption");
        caption.setWrapText(true);
        check.setId("el-check");
        check.getStyleClass().add("mm-ok");
        check.setWrapText(true);
        check.managedProperty().bind(check.textProperty().isNotEmpty());
        top = new VBox(4, formula, caption, check);
        top.setPadding(new Insets(6, 10, 2, 10));
        stepper.positionProperty().addListener((o, was, now) -> updateCheck());
        setCenter(new StackPane(waiting));
        pass.addListener((o, was, now) -> { if (now != null) follow(now); });
    }

    /** Shows {@code p} in the stepper, before its first step. */
    public void open(ElementProduct p) {
        follow.cancel();
        show(p, false, "");
    }

    private void show(ElementProduct p, boolean keepPosition, String why) {
        product = p;
        formula.setText(p.formula());
        caption.setText(why + Fmt.count(p.inner()) + " multiply-adds, one per term of the derivation: Next steps them one by one, "
                + "End runs to the end of the cell. The loop \u201cinner loop removed\u201d does the whole row at once.");
        stepper.setInput(MatmulStepper.Input.of(p.aName(), p.bName(), p.rName(), p.a(), p.b(),
                new int[]{p.row()}, null, new int[]{p.col()}), keepPosition);
        setTop(top);
        setCenter(stepper);
        updateCheck();
    }

    /** The same element of a new pass, read in the background; or the stepper closes, saying why. */
    private void follow(PassResult pass) {
        ElementProduct old = product;
        if (old == null) return;
        follow.submit(background, "Reading " + old.element() + " of the new pass", ticket -> {
            try {
                return new Followed(old.in(pass.trace()), null);
            } catch (IllegalArgumentException e) {
                return new Followed(null, e.getMessage());
            }
        }, f -> {
            if (product != old) return;   // another "Step it" came first
            if (f.product() != null) {
                show(f.product(), true, "The settings changed: these are " + old.element() + "'s numbers in the new pass. ");
            } else {
                stepper.pause();
                product = null;
                setTop(null);
                waiting.setText("The settings changed and the new pass has no " + old.element() + " (" + f.gone() + "), so its stepper "
                        + "closed. Open another element with \u201cStep it\u201d in a derivation of the Network view.");
                setCenter(new StackPane(waiting));
            }
        });
    }

    /** The sentence shown where the stepper was, when there is no element to step. */
    public String waitingText() { return getCenter() == stepper ? null : waiting.getText(); }

    /** The product on screen, or null before any "Step it". */
    public ElementProduct product() { return product; }

    public MatmulStepper stepper() { return stepper; }

    /** The sentence over the stepper: how many multiply-adds, and whether the settings changed under it. */
    public String caption() { return caption.getText(); }

    /** The check line under the formula (empty until the cell is complete). */
    public String checkText() { return check.getText(); }

    private void updateCheck() {
        if (product == null || stepper.replay() == null) return;
        if (stepper.position() < stepper.stepCount() - 1) {
            check.setText("");
            return;
        }
        double got = stepper.resultNow()[0][0];
        // The engine summed in its own dtype (float32 by default), in BLAS's order: agree to that
        // precision of the terms' size, not digit for digit.
        double size = 0;
        for (int t = 0; t < product.inner(); t++) size += Math.abs(product.a()[0][t] * product.b()[t][0]);
        boolean same = Math.abs(got - product.engine()) <= 1e-5 * size + 1e-30;
        check.setText((same ? "\u2714 result = " : "\u2718 result = ") + Fmt.num(got) + (same ? ", the engine's " : ", but the engine's ")
                + product.element() + " is " + Fmt.num(product.engine()) + " (summed here in float64, one term at a time)");
    }

    @Override public void next() { stepper.next(); }

    @Override public void previous() { stepper.previous(); }

    @Override public void reset() { stepper.reset(); }

    @Override public void end() { stepper.end(); }

    @Override public void togglePlay() { stepper.togglePlay(); }
}
