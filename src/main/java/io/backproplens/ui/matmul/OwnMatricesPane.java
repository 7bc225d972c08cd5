package io.backproplens.ui.matmul;

import io.backproplens.matmul.Matrices;
import io.backproplens.ui.core.Steppable;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import org.controlsfx.validation.decoration.GraphicValidationDecoration;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The stepper on the user's own matrices: the notebook's {@code a} and {@code b} to start with,
 * every cell editable in place, rows and columns settable, random integers on demand. A cell
 * that is not a number is marked and named, and stepping stops until it is fixed; shapes that
 * cannot be multiplied are explained in words. No edit ever loses the other cells.
 */
public final class OwnMatricesPane extends BorderPane implements Steppable {
    private final MatmulStepper stepper = new MatmulStepper("mm");
    private final EditableMatrix a = new EditableMatrix("a", Matrices.NOTEBOOK_A);
    private final EditableMatrix b = new EditableMatrix("b", Matrices.NOTEBOOK_B);
    private final Spinner<Integer> aRows = spinner("mm-a-rows", a.rows()), aCols = spinner("mm-a-cols", a.cols());
    private final Spinner<Integer> bRows = spinner("mm-b-rows", b.rows()), bCols = spinner("mm-b-cols", b.cols());
    private final Random rng = new Random();
    private boolean syncing;
    /** Why a and b cannot be multiplied as shaped (null: they can): marked on a's cols and b's rows. */
    private String mismatch;
    /** The marks on those two spinners (on their text, which ControlsFX knows how to watch). */
    private final ValidationSupport shapes = new ValidationSupport();

    public OwnMatricesPane() {
        getStyleClass().add("mm-own");
        setCenter(stepper);

        Button random = new Button("Random integers", new FontIcon("mdi2d-dice-5"));
        random.setId("mm-random");
        random.setTooltip(new Tooltip("Fill a and b with random integers from 0 to 9"));
        random.setOnAction(e -> {
            a.randomize(rng, 0, 9);
            b.randomize(rng, 0, 9);
            update(false);
        });
        Button notebook = new Button("Notebook's a and b", new FontIcon("mdi2n-notebook-outline"));
        notebook.setId("mm-notebook");
        notebook.setOnAction(e -> {
            a.fill(Matrices.NOTEBOOK_A);
            b.fill(Matrices.NOTEBOOK_B);
            syncSpinners();
            update(false);
        });
        for (Button x : List.of(random, notebook)) x.setMinWidth(Region.USE_PREF_SIZE);
        // Each group keeps together; the groups wrap onto a second line before anything is cut.
        FlowPane editor = new FlowPane(18, 6,
                group(label("a:"), label("rows"), aRows, label("cols"), aCols),
                group(label("b:"), label("rows"), bRows, label("cols"), bCols), group(random, notebook));
        editor.setAlignment(Pos.CENTER_LEFT);
        editor.setPadding(new Insets(4, 10, 6, 10));
        editor.getStyleClass().add("mm-editor");
        stepper.setFooter(editor);

        aRows.valueProperty().addListener((o, was, now) -> resize());
        aCols.valueProperty().addListener((o, was, now) -> resize());
        bRows.valueProperty().addListener((o, was, now) -> resize());
        bCols.valueProperty().addListener((o, was, now) -> resize());
        shapes.setValidationDecorator(new GraphicValidationDecoration());
        for (Spinner<Integer> s : List.of(aCols, bRows)) {
            shapes.registerValidator(s.getEditor(), false,
                    (javafx.scene.control.Control c, String text) -> ValidationResult.fromErrorIf(c, mismatch, mismatch != null));
        }
        stepper.aGrid().setEditable((r, c, text) -> edited(a, r, c, text));
        stepper.bGrid().setEditable((r, c, text) -> edited(b, r, c, text));
        update(false);
    }

    public MatmulStepper stepper() { return stepper; }

    /** Matrix a or b as typed, {@code "1,2,1;0,1,0;2,3,4"} (for scene files). */
    public String matrixText(String which) { return ("a".equals(which) ? a : b).text(); }

    /** Loads both matrices (a scene file's, already checked) and starts over. */
    public void load(double[][] av, double[][] bv) {
        a.fill(av);
        b.fill(bv);
        syncSpinners();
        update(false);
    }

    private void edited(EditableMatrix m, int r, int c, String text) {
        if (r >= m.rows() || c >= m.cols()) return;
        m.set(r, c, text);
        update(true);
    }

    private void resize() {
        if (syncing) return;
        a.resize(aRows.getValue(), aCols.getValue());
        b.resize(bRows.getValue(), bCols.getValue());
        update(false);
    }

    private void syncSpinners() {
        syncing = true;
        aRows.getValueFactory().setValue(a.rows());
        aCols.getValueFactory().setValue(a.cols());
        bRows.getValueFactory().setValue(b.rows());
        bCols.getValueFactory().setValue(b.cols());
        syncing = false;
    }

    /** Re-reads both matrices and hands them to the stepper, or the reason they cannot be multiplied. */
    private void update(boolean keepPosition) {
        List<EditableMatrix.Bad> badA = a.bad(), badB = b.bad();
        Map<Cell, String> aBad = new HashMap<>(), bBad = new HashMap<>();
        badA.forEach(x -> aBad.put(new Cell(x.r(), x.c()), x.message()));
        badB.forEach(x -> bBad.put(new Cell(x.r(), x.c()), x.message()));
        stepper.aGrid().setProblems((r, c) -> aBad.get(new Cell(r, c)));
        stepper.bGrid().setProblems((r, c) -> bBad.get(new Cell(r, c)));
        String message = null;
        // Marked on the spinners even while a cell is wrong too: two things to fix, each where it is.
        mismatch = a.cols() != b.rows() ? Matrices.innerMismatch(a.rows(), a.cols(), b.rows(), b.cols()) : null;
        double[][] av = null, bv = null;
        int nBad = badA.size() + badB.size();
        if (nBad > 0) {
            message = (badA.isEmpty() ? badB : badA).get(0).message();
            if (nBad > 1) message += " (and " + (nBad - 1) + " more cell" + (nBad > 2 ? "s" : "") + " marked in red)";
        } else if (a.cols() != b.rows()) {
            message = mismatch;
        } else {
            av = a.values();
            bv = b.values();
        }
        stepper.setInput(new MatmulStepper.Input("a", "b", "result", a.rows(), a.cols(), b.rows(), b.cols(),
                a::text, b::text, aBad.keySet(), bBad.keySet(), av, bv, message, null, null, null), keepPosition);
        shapes.revalidate();
    }

    private static Spinner<Integer> spinner(String id, int value) {
        Spinner<Integer> s = new Spinner<>(1, EditableMatrix.MAX, value);
        s.setId(id);
        s.getStyleClass().add(Spinner.STYLE_CLASS_SPLIT_ARROWS_HORIZONTAL);
        // Clicking the arrows must not take the keyboard: Right/Space keep stepping.
        s.setFocusTraversable(false);
        s.getEditor().setFocusTraversable(false);
        return s;
    }

    private static Label label(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("mm-strong");
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static HBox group(javafx.scene.Node... nodes) {
        HBox g = new HBox(8, nodes);
        g.setAlignment(Pos.CENTER_LEFT);
        g.setMinWidth(Region.USE_PREF_SIZE);
        return g;
    }

    @Override public void next() { stepper.next(); }

    @Override public void previous() { stepper.previous(); }

    @Override public void reset() { stepper.reset(); }

    @Override public void togglePlay() { stepper.togglePlay(); }
}
