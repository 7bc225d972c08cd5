package io.backproplens.ui.network;

import io.backproplens.engine.GradientCheck;
import io.backproplens.engine.Tensor;
import io.backproplens.engine.TensorRef;
import io.backproplens.session.PassResult;
import io.backproplens.ui.core.Background;
import io.backproplens.ui.common.Fmt;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.List;

/**
 * The gradient check in the app: the engine's {@code .g} against ND4J SameDiff's autodiff (every
 * entry) and against central finite differences (sampled entries), in float64, on the current
 * weights and the first rows of the current batch; a table of the max error per tensor and whether
 * it passes. The same comparison as the command line's {@code gradcheck}.
 */
public final class GradCheckPanel extends ScrollPane {
    /** Rows checked at most: SameDiff in float64 on 50,000 rows would take many seconds. */
    public static final int MAX_ROWS = 2_000;
    /** Entries per tensor compared with finite differences (each costs two forward passes). */
    public static final int SAMPLES = 12;

    private final VBox box = new VBox(8);
    private final Label status = new Label("Press \u201cCheck gradients\u201d to compare every .g with an independent autodiff.");
    private final GridPane table = new GridPane();
    private final Label summary = new Label();
    private final ReadOnlyObjectWrapper<GradientCheck.Result> result = new ReadOnlyObjectWrapper<>();
    private PassResult checked;

    public GradCheckPanel() {
        getStyleClass().add("gradcheck-panel");
        status.setId("gradcheck-status");
        status.setWrapText(true);
        table.setId("gradcheck-table");
        table.setHgap(14);
        table.setVgap(3);
        summary.setId("gradcheck-summary");
        summary.getStyleClass().add("gradcheck-summary");
        summary.setWrapText(true);
        summary.setMinHeight(Region.USE_PREF_SIZE);
        // A table of results is read by scrolling when the room is short.
        getProperties().put(io.backproplens.ui.audit.LayoutAudit.SCROLLS, true);
        box.getChildren().addAll(summary, table, status);
        box.setPadding(new Insets(8));
        setContent(box);
        setFitToWidth(true);
    }

    private static Label head(String text) {
        Label h = new Label(text);
        h.getStyleClass().add("gradcheck-head");
        h.setMinWidth(Region.USE_PREF_SIZE);
        return h;
    }

    private static Label cell(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("gradcheck-cell");
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    public ReadOnlyObjectProperty<GradientCheck.Result> resultProperty() { return result.getReadOnlyProperty(); }

    public String statusText() { return status.getText(); }

    /** The verdict line ("All 6 checks pass (loss: ...)"), or what is going on. */
    public String summaryText() { return summary.getText(); }

    /** Runs the check for this pass in the background and shows the table when done. */
    public void run(PassResult pass, Background background) {
        if (pass == null) return;
        if (pass.depth() != 1) {
            // GradientCheck's reference (SameDiff) is built for one hidden layer: say so instead of a wrong table.
            result.set(null);
            table.getChildren().clear();
            summary.setText("The gradient check covers one hidden layer; this trained model has " + pass.depth() + ".");
            status.setText("Release Trained, or train at depth 1, to check the gradients here (the command line's gradcheck --head ce checks the ce head).");
            return;
        }
        TensorRef x = pass.trace().tensorsAfter(-1).get("x");
        TensorRef y = pass.trace().tensorsAfter(-1).get("y");
        long total = x.shape()[0];
        int rows = (int) Math.min(total, MAX_ROWS);
        result.set(null);
        table.getChildren().clear();
        summary.setText("Checking\u2026");
        summary.getStyleClass().removeAll("pass", "fail");
        String where = rows == total ? "all " + Fmt.count(total) + " rows of the batch"
                : "the first " + Fmt.count(rows) + " of the batch's " + Fmt.count(total) + " rows (capped so it takes seconds, not minutes)";
        status.setText("On " + where + ", in float64: the largest relative error of each .g against SameDiff (every entry) "
                + "and central finite differences (" + SAMPLES + " entries per tensor). Point at a number for details.");
        checked = pass;
        INDArray xAll = x.array(), yAll = y.array();
        // Slicing and the float64 copies of weights and data run in the background too.
        background.submit("Gradient check on " + Fmt.count(rows) + " rows", () -> {
            INDArray xs = rows == total ? xAll : xAll.get(NDArrayIndex.interval(0, rows), NDArrayIndex.all());
            INDArray ys = rows == total ? yAll : yAll.get(NDArrayIndex.interval(0, rows));
            GradientCheck.Problem problem = new GradientCheck.Problem(pass.weights(), pass.head(), pass.settings().reluShift(), xs, ys);
            return GradientCheck.run(problem, SAMPLES, 1);
        }, r -> show(r, pass));
    }

    /** A new pass (new settings): the table no longer describes what is on screen. */
    public void passChanged(PassResult pass) {
        if (checked != null && pass != checked && result.get() != null) {
            summary.setText("The settings changed since this check: run it again for the current ones.");
            summary.getStyleClass().removeAll("pass", "fail");
        }
    }

    private void show(GradientCheck.Result r, PassResult pass) {
        if (pass != checked) return;
        table.getChildren().clear();
        // One row per tensor, the two references side by side: half the rows of one per check, and
        // few enough columns to fit the narrow side of the window at 200% without cutting a number.
        List<GradientCheck.Check> checks = r.checks();
        List<String> tensors = checks.stream().map(GradientCheck.Check::tensor).distinct().toList();
        List<String> refs = checks.stream().map(GradientCheck.Check::reference).distinct().toList();
        table.add(head("tensor"), 0, 0);
        for (int k = 0; k < refs.size(); k++) table.add(head(refs.get(k).equals(GradientCheck.SAMEDIFF) ? "vs SameDiff" : "vs finite diff."), 1 + 2 * k, 0, 2, 1);
        for (int i = 0; i < tensors.size(); i++) {
            String t = tensors.get(i);
            table.add(cell(t + ".g"), 0, i + 1);
            for (int k = 0; k < refs.size(); k++) {
                String ref = refs.get(k);
                GradientCheck.Check c = checks.stream().filter(x -> x.tensor().equals(t) && x.reference().equals(ref)).findFirst().orElse(null);
                if (c == null) continue;
                Label err = cell(Fmt.num(c.maxRel()));
                Label verdict = new Label(c.pass() ? "\u2714 pass" : "\u2718 FAIL");
                verdict.getStyleClass().addAll("gradcheck-cell", c.pass() ? "pass" : "fail");
                verdict.setMinWidth(Region.USE_PREF_SIZE);
                verdict.setId("gradcheck-" + c.tensor() + "-" + (c.reference().equals(GradientCheck.SAMEDIFF) ? "samediff" : "fd"));
                Tooltip tip = new Tooltip(c.tensor() + ".g " + Tensor.shapeText(c.shape()) + " against " + c.reference() + ": "
                        + Fmt.count(c.entries()) + " entries compared, max abs error " + Fmt.num(c.maxAbs())
                        + ", max rel error " + Fmt.num(c.maxRel()) + ", tolerance " + Fmt.num(c.tolerance()));
                err.setTooltip(tip);
                verdict.setTooltip(tip);
                table.add(err, 1 + 2 * k, i + 1);
                table.add(verdict, 2 + 2 * k, i + 1);
            }
        }
        long failed = checks.stream().filter(c -> !c.pass()).count();
        summary.setText((r.passed() ? "\u2714 All " + checks.size() + " checks pass" : "\u2718 " + failed + " of " + checks.size() + " checks fail")
                + "  (loss: engine " + Fmt.num(r.loss()) + ", SameDiff " + Fmt.num(r.referenceLoss()) + ")");
        summary.getStyleClass().removeAll("pass", "fail");
        summary.getStyleClass().add(r.passed() ? "pass" : "fail");
        result.set(r);
    }
}
