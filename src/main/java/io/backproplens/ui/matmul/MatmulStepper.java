package io.backproplens.ui.matmul;

import io.backproplens.ui.core.PlayBar;
import io.backproplens.ui.core.StepCursor;
import io.backproplens.ui.common.Fmt;
import io.backproplens.matmul.MatmulReplay;
import io.backproplens.matmul.MatmulStep;
import io.backproplens.matmul.MatmulVariant;
import io.backproplens.ui.core.Steppable;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The matmul stepper: grids {@code a}, {@code b} and {@code result}, the chosen loop variant
 * replayed step by step with the cells it reads and writes coloured alike, a picture of what the
 * step computes, the variant's code with the executing line highlighted, and the notebook's
 * {@code (i, k) (k, j) (i, j)} log. It shows whatever {@link Input} it is given: the user's own
 * matrices (editable) or a slice of a real backward pass (read-only).
 */
public final class MatmulStepper extends BorderPane implements Steppable {

    /**
     * What to multiply. {@code a}/{@code b} are null when {@code message} says why they cannot be
     * multiplied (a cell that is not a number, inner dimensions that differ); the texts still show
     * every cell as typed, and {@code aBad}/{@code bBad} mark the bad cells.
     */
    public record Input(String aName, String bName, String rName, int ar, int ac, int br, int bc,
                        MatrixGrid.Texts aText, MatrixGrid.Texts bText, Set<Cell> aBad, Set<Cell> bBad,
                        double[][] a, double[][] b, String message) {

        /** Two valid matrices, shown by their values. */
        public static Input of(String aName, String bName, String rName, double[][] a, double[][] b) {
            return new Input(aName, bName, rName, a.length, a[0].length, b.length, b[0].length,
                    (r, c) -> Fmt.cell(a[r][c]), (r, c) -> Fmt.cell(b[r][c]), Set.of(), Set.of(), a, b, null);
        }
    }

    private final String prefix;
    private final StepCursor cursor = new StepCursor();
    private final PlayBar bar;
    private final Map<MatmulVariant, ToggleButton> variantButtons = new EnumMap<>(MatmulVariant.class);
    private final ToggleGroup variantGroup = new ToggleGroup();
    private MatmulVariant variant = MatmulVariant.TRIPLE_LOOP;

    private final Label caption = new Label();
    private final Label aTitle = Labels.gridTitle(), bTitle = Labels.gridTitle(), rTitle = Labels.gridTitle();
    private final MatrixGrid aGrid = new MatrixGrid(), bGrid = new MatrixGrid(), rGrid = new MatrixGrid();
    private final Label message = new Label();
    private final HBox gridsRow;
    private final StackPane detail = new StackPane();
    private final CodePanel code;
    private final Label logTitle = new Label();
    /** The notebook's legend over its printout: which matrix each pair indexes. */
    private final Label logHead = new Label();
    private final ListView<String> log = new ListView<>();

    /** The text under the grids before the first step, or while stepping is off. */
    private final Label intro = new Label();
    /** One presenter per loop variant: what differs between them; everything else is here. */
    private final Map<MatmulVariant, LoopPresenter> presenters = new EnumMap<>(MatmulVariant.class);

    private Input input;
    private MatmulReplay replay;
    private double[][] resultNow = new double[0][0];

    public MatmulStepper(String prefix) {
        this.prefix = prefix;
        getStyleClass().add("mm-stepper");
        code = new CodePanel(prefix + "-code");
        bar = Labels.playBar(cursor, prefix);

        // Top: the variant chooser and a caption saying what is multiplied.
        HBox variants = new HBox(6);
        variants.setAlignment(Pos.CENTER_LEFT);
        Label choose = new Label("Loop:");
        choose.getStyleClass().add("mm-strong");
        variants.getChildren().add(choose);
        for (MatmulVariant v : MatmulVariant.values()) {
            ToggleButton t = new ToggleButton(v.title());
            t.setId(prefix + "-variant-" + v.name().toLowerCase().replace('_', '-'));
            t.getStyleClass().add("mm-variant");
            t.setToggleGroup(variantGroup);
            t.setUserData(v);
            t.setMinWidth(Region.USE_PREF_SIZE);
            variantButtons.put(v, t);
            variants.getChildren().add(t);
        }
        variantButtons.get(variant).setSelected(true);
        variantGroup.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                was.setSelected(true); // one variant is always chosen
                return;
            }
            setVariant((MatmulVariant) now.getUserData());
        });
        caption.getStyleClass().add("mm-caption");
        caption.setWrapText(true);
        caption.setManaged(false);
        caption.setVisible(false);
        VBox top = new VBox(6, variants, caption);
        top.setPadding(new Insets(6, 10, 4, 10));
        setTop(top);

        // Centre: grids on top, the step's picture below.
        aGrid.setId(prefix + "-a");
        bGrid.setId(prefix + "-b");
        rGrid.setId(prefix + "-result");
        HBox grids = new HBox(10, Labels.titled(aTitle, aGrid), Labels.op("@"), Labels.titled(bTitle, bGrid), Labels.op("="), Labels.titled(rTitle, rGrid));
        gridsRow = grids;
        grids.setAlignment(Pos.CENTER);
        message.setId(prefix + "-message");
        message.getStyleClass().add("mm-message");
        message.setWrapText(true);
        message.setManaged(false);
        message.setVisible(false);

        intro.getStyleClass().add("mm-detail-text");
        intro.setWrapText(true);
        for (MatmulVariant v : MatmulVariant.values()) presenters.put(v, LoopPresenter.of(v));
        detail.getStyleClass().add("mm-detail");
        detail.setId(prefix + "-detail");

        VBox center = new VBox(10, grids, message, detail) {
            @Override
            protected void layoutChildren() {
                fit(getWidth(), getHeight());
                super.layoutChildren();
            }
        };
        VBox.setVgrow(detail, Priority.ALWAYS);
        center.setPadding(new Insets(6, 10, 6, 10));
        center.setMinSize(0, 0);
        setCenter(center);

        // Right: the code and the log.
        logTitle.getStyleClass().add("mm-strong");
        log.setId(prefix + "-log");
        log.getStyleClass().add("mm-log");
        log.setFocusTraversable(false);
        logHead.getStyleClass().add("mm-log-head");
        VBox right = new VBox(6, code, logTitle, logHead, log);
        VBox.setVgrow(log, Priority.ALWAYS);
        right.setPadding(new Insets(6, 10, 6, 4));
        right.setMinWidth(Region.USE_PREF_SIZE);
        right.setMaxWidth(Region.USE_PREF_SIZE);
        setRight(right);
        setBottom(bar);

        cursor.position.addListener((o, was, now) -> render());
        setVariantCode();
    }

    // ---- public API ------------------------------------------------------------------------

    /**
     * Shows new matrices. With {@code keepPosition} (an edited value, same shapes) the stepper
     * stays on its step so the class sees the new numbers flow through; otherwise it starts over.
     */
    public void setInput(Input in, boolean keepPosition) {
        this.input = in;
        int pos = cursor.position.get();
        replay = null;
        if (in.message() == null) {
            try {
                replay = variant.replay(in.a(), in.b());
            } catch (IllegalArgumentException e) {
                input = new Input(in.aName(), in.bName(), in.rName(), in.ar(), in.ac(), in.br(), in.bc(), in.aText(), in.bText(),
                        in.aBad(), in.bBad(), null, null, e.getMessage());
            }
        }
        cursor.blocked.set(replay == null);
        int count = replay == null ? 0 : replay.steps().size();
        if (keepPosition && replay != null && cursor.count.get() == count) {
            log.getItems().clear();
            render();
            cursor.position.set(Math.min(pos, count - 1));
        } else {
            cursor.count.set(count);
            log.getItems().clear();
            if (cursor.position.get() != -1) cursor.position.set(-1);
            else render();
        }
    }

    public void setCaption(String text) {
        caption.setText(text == null ? "" : text);
        caption.setVisible(text != null);
        caption.setManaged(text != null);
    }

    public void setVariant(MatmulVariant v) {
        if (v == variant) return;
        variant = v;
        variantButtons.get(v).setSelected(true);
        bar.pause();
        setVariantCode();
        if (input != null) setInput(input, false);
    }

    public MatmulVariant variant() { return variant; }

    public MatrixGrid aGrid() { return aGrid; }

    public MatrixGrid bGrid() { return bGrid; }

    public MatrixGrid resultGrid() { return rGrid; }

    public MatmulReplay replay() { return replay; }

    public int position() { return cursor.position.get(); }

    public javafx.beans.property.ReadOnlyIntegerProperty positionProperty() { return cursor.position; }

    public int stepCount() { return cursor.count.get(); }

    public boolean blocked() { return cursor.blocked.get(); }

    /** The message shown when stepping is blocked, else null. */
    public String message() { return message.isVisible() ? message.getText() : null; }

    public List<String> logLines() { return List.copyOf(log.getItems()); }

    /** The result grid's values as they stand after the current step. */
    public double[][] resultNow() { return resultNow; }

    public String counterText() { return bar.counter.get(); }

    String codeLine() { return code.currentLineText(); }

    String codeVars() { return code.varsText(); }

    @Override public void next() { cursor.next(); }

    @Override public void previous() { cursor.previous(); }

    @Override public void reset() { cursor.reset(); }

    @Override public void togglePlay() { bar.togglePlay(); }

    public void end() { cursor.end(); }

    public void pause() { bar.pause(); }

    // ---- drawing ---------------------------------------------------------------------------

    private void setVariantCode() {
        code.setCode(variant.code());
        logTitle.setText(presenter().logTitle());
        logHead.setText("  a      b      result");
    }

    private int zerosLine() {
        List<String> lines = variant.code();
        for (int n = 0; n < lines.size(); n++) if (lines.get(n).contains("torch.zeros")) return n;
        return 0;
    }

    private void render() {
        if (input == null) return;
        int p = cursor.position.get();
        MatmulStep st = replay != null && p >= 0 ? replay.steps().get(p) : null;
        int i = st == null ? -1 : st.i(), j = st == null ? -1 : st.j(), k = st == null ? -1 : st.k();

        aTitle.setText(input.aName() + "  (" + input.ar() + "\u00d7" + input.ac() + ")");
        bTitle.setText(input.bName() + "  (" + input.br() + "\u00d7" + input.bc() + ")");
        rTitle.setText(input.rName() + "  (" + input.ar() + "\u00d7" + input.bc() + ")");

        aGrid.setShape(input.ar(), input.ac());
        aGrid.setTexts(input.aText());
        aGrid.setRoles((r, c) -> input.aBad().contains(new Cell(r, c)) ? MatrixGrid.Role.BAD : aRole(st, r, c));
        bGrid.setShape(input.br(), input.bc());
        bGrid.setTexts(input.bText());
        bGrid.setRoles((r, c) -> input.bBad().contains(new Cell(r, c)) ? MatrixGrid.Role.BAD : bRole(st, r, c));
        rGrid.setShape(input.ar(), input.bc());

        if (replay == null) {
            resultNow = new double[0][0];
            rGrid.setTexts((r, c) -> "?");
            rGrid.setRoles((r, c) -> MatrixGrid.Role.PENDING);
            message.setText(input.message());
            message.setVisible(true);
            message.setManaged(true);
            detail.getChildren().setAll(intro);
            intro.setText("Stepping is off until this is fixed. The other cells keep their values.");
            code.show(-1, Map.of(), presenter().order());
            bar.counter.set("multiply-adds \u2013");
            log.getItems().clear();
        } else {
            message.setVisible(false);
            message.setManaged(false);
            resultNow = replay.resultAfter(p);
            double[][] res = resultNow;
            rGrid.setTexts((r, c) -> Fmt.cell(res[r][c]));
            rGrid.setRoles((r, c) -> rRole(st, p, r, c));
            if (st != null) {
                aGrid.follow(i, presenter().followsK() ? k : -1);
                bGrid.follow(presenter().followsK() ? k : -1, j);
                rGrid.follow(i, j);
            }
            renderDetail(st, p);
            Map<String, String> vars = new LinkedHashMap<>();
            if (i >= 0) vars.put("i", Integer.toString(i));
            if (j >= 0) vars.put("j", Integer.toString(j));
            if (k >= 0) vars.put("k", Integer.toString(k));
            code.show(st == null ? zerosLine() : st.codeLine(), vars, presenter().order());
            long madds = st == null ? 0 : st.maddsDone();
            bar.counter.set("step " + (p + 1) + " of " + replay.steps().size()
                    + "   \u00b7   multiply-adds " + madds + " of " + replay.totalMadds());
            syncLog(p);
        }
        aGrid.refresh();
        bGrid.refresh();
        rGrid.refresh();
        requestLayout();
    }

    /** The presenter of the variant being shown. */
    private LoopPresenter presenter() { return presenters.get(variant); }

    private MatrixGrid.Role aRole(MatmulStep st, int r, int c) {
        return st == null ? MatrixGrid.Role.PLAIN : presenter().aRole(st, r, c);
    }

    private MatrixGrid.Role bRole(MatmulStep st, int r, int c) {
        return st == null ? MatrixGrid.Role.PLAIN : presenter().bRole(st, r, c);
    }

    private MatrixGrid.Role rRole(MatmulStep st, int p, int r, int c) {
        if (st == null) return MatrixGrid.Role.PENDING;
        for (MatmulStep.Cell w : st.writes()) if (w.i() == r && w.j() == c) return MatrixGrid.Role.R;
        return presenter().done(st, r, c, replay.cols()) ? MatrixGrid.Role.PLAIN : MatrixGrid.Role.PENDING;
    }

    /** The log as the notebook prints it, one line per step up to the current one. */
    private void syncLog(int p) {
        var items = log.getItems();
        while (items.size() > p + 1) items.remove(items.size() - 1);
        if (items.size() < p + 1) {
            List<String> more = new ArrayList<>(p + 1 - items.size());
            for (int s = items.size(); s <= p; s++) more.add(logLine(replay.steps().get(s)));
            items.addAll(more);
        }
        if (p >= 0) {
            log.getSelectionModel().clearAndSelect(p);
            double cell = log.getFixedCellSize() > 0 ? log.getFixedCellSize() : 30;
            int visible = Math.max(1, (int) Math.floor((log.getHeight() - 4) / cell));
            log.scrollTo(Math.max(0, p - visible + 1));
        } else {
            log.getSelectionModel().clearSelection();
        }
    }

    private String logLine(MatmulStep s) { return s.log() != null ? s.log() : presenter().logLine(s); }

    private void renderDetail(MatmulStep st, int p) {
        if (st == null) {
            intro.setText(Labels.plain(input.rName()) + " = torch.zeros(" + replay.rows() + ", " + replay.cols() + ")   \u2014 press Next (\u2192) for the first step");
            detail.getChildren().setAll(intro);
            return;
        }
        detail.getChildren().setAll(presenter().detail(st, p, input, replay));
    }

    // ---- sizing ----------------------------------------------------------------------------

    /** Picks cell sizes (and, if need be, window sizes) so the grids and the picture fit the space. */
    private void fit(double w, double h) {
        if (input == null || w <= 0 || h <= 0) return;
        int chars = 1;
        for (int r = 0; r < Math.min(input.ar(), 40); r++)
            for (int c = 0; c < Math.min(input.ac(), 40); c++) chars = Math.max(chars, input.aText().at(r, c).length());
        for (int r = 0; r < Math.min(input.br(), 40); r++)
            for (int c = 0; c < Math.min(input.bc(), 40); c++) chars = Math.max(chars, input.bText().at(r, c).length());
        if (replay != null) {
            double[][] fin = replay.result();
            for (double[] row : fin) for (double v : row) chars = Math.max(chars, Fmt.cell(v).length());
        }
        chars = Math.min(chars, 10);
        double wf = Math.max(1, 0.25 * chars + 0.3);
        boolean pictureGrids = replay != null && presenter().hasPictureGrids();
        double gridsH = (h - (message.isVisible() ? 60 : 0)) * (pictureGrids ? 0.5 : 0.66) - 40;
        // The grids row: three grids, two operators, four gaps, the centre's padding.
        double ops = 0;
        for (Node n : gridsRow.getChildren()) if (n instanceof Label l) ops += l.prefWidth(-1);
        double gridsW = w - ops - gridsRow.getSpacing() * 4 - 24;

        int[][] dims = {{input.ar(), input.ac()}, {input.br(), input.bc()}, {input.ar(), input.bc()}};
        MatrixGrid[] gs = {aGrid, bGrid, rGrid};
        double s = 110;
        int visR = 12, visC = 12;
        for (; ; ) {
            double needW = 0, needH = 0;
            for (int[] d : dims) {
                int digits = Integer.toString(Math.max(0, d[0] - 1)).length();
                boolean bars = d[0] > Math.min(d[0], visR);
                needW += Math.max(s * 0.42, digits * s * 0.28 + 8) + 2 + Math.min(d[1], visC) * s * wf + (bars ? 14 : 0);
                needH = Math.max(needH, s * 0.45 + Math.min(d[0], visR) * s + 16);
            }
            if (needW <= gridsW && needH <= gridsH) break;
            if (s > 28) { s -= 2; continue; }
            // At the smallest readable size: show fewer cells (a window that follows the step).
            boolean shrunk = false;
            if (needW > gridsW && visC > 1) { visC--; shrunk = true; }
            if (needH > gridsH && visR > 1) { visR--; shrunk = true; }
            if (!shrunk) break;
        }
        for (MatrixGrid g : gs) {
            g.setMaxVisible(visR, visC);
            g.setCellSize(s * wf, s);
        }
        if (pictureGrids) presenter().fitPicture(input, s, wf, w, h);
    }
}
