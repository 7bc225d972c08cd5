package io.backproplens.ui.matmul;

import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import org.controlsfx.validation.decoration.GraphicValidationDecoration;

import java.util.Locale;
import java.util.Objects;

/**
 * A matrix drawn as cells with their values and the row and column indices around them. Every
 * cell is drawn up to {@link #MAX_VISIBLE} rows and columns; a larger matrix shows a window of
 * that size (with scroll bars) that {@link #follow} moves to the active cell, so the number of
 * nodes never grows with the matrix. Cells take a {@link Role} that colours them; an editable
 * grid uses text fields and reports each edit with the cell's matrix indices, and marks a cell
 * whose {@link Problems} says it is wrong with a ControlsFX decoration carrying the message.
 */
public final class MatrixGrid extends Region {
    public static final int MAX_VISIBLE = 12;

    /** What a cell is doing in the current step; each role has a CSS class in matmul.css. */
    public enum Role {
        PLAIN("mm-plain"), PENDING("mm-pending"),
        A("mm-a"), B("mm-b"), R("mm-r"),
        A_CTX("mm-a-ctx"), B_CTX("mm-b-ctx"), R_CTX("mm-r-ctx"),
        FADED("mm-faded"), BAD("mm-bad");

        final String css;

        Role(String css) { this.css = css; }
    }

    @FunctionalInterface public interface Texts { String at(int r, int c); }

    @FunctionalInterface public interface Roles { Role at(int r, int c); }

    @FunctionalInterface public interface Edits { void edited(int r, int c, String text); }

    /** What is wrong with cell (r, c), as the message to show; null when it is fine. */
    @FunctionalInterface public interface Problems { String at(int r, int c); }

    private int rows, cols;
    private int maxRows = MAX_VISIBLE, maxCols = MAX_VISIBLE;
    private int r0, c0;
    private Texts texts = (r, c) -> "";
    private Roles roles = (r, c) -> Role.PLAIN;
    private Edits edits;
    private Problems problems = (r, c) -> null;
    /**
     * The marks on the text fields: one ValidationSupport per pool of fields (it cannot forget a
     * field, so a new pool gets a new one), each field's validator asking {@link #problems} about
     * the cell the field shows now.
     */
    private ValidationSupport validation;
    /** The problem each pooled field was last validated with: revalidate only what changed. */
    private String[][] poolProblems = new String[0][0];
    private boolean heads = true;
    private double cellW = 48, cellH = 48;

    private Control[][] pool = new Control[0][0];
    private Role[][] poolRoles = new Role[0][0];
    private Label[] rowHeads = new Label[0], colHeads = new Label[0];
    private final ScrollBar vbar = new ScrollBar();
    private final ScrollBar hbar = new ScrollBar();
    private boolean updating;
    /** Never shown: its CSS font is the index labels' size, which every other size here follows. */
    private final Label probe = head();
    /** The tensor's own index of each drawn row and column (a slice of x shows pixel 350, not 0). */
    private int[] rowIndex, colIndex;

    /** Index labels, captions: 14 px at 100% (the CSS says 0.875em). Numbers: 20 px at 100%. */
    static final double NUMBER_PER_HEAD = 20.0 / 14.0;

    public MatrixGrid() {
        getStyleClass().add("mm-grid");
        probe.setText("0");
        probe.setVisible(false);
        probe.setManaged(false);
        vbar.setOrientation(Orientation.VERTICAL);
        hbar.setOrientation(Orientation.HORIZONTAL);
        vbar.getStyleClass().add("mm-grid-bar");
        hbar.getStyleClass().add("mm-grid-bar");
        vbar.valueProperty().addListener((o, was, now) -> {
            if (updating) return;
            r0 = clamp((int) Math.round(now.doubleValue()), 0, Math.max(0, rows - visRows()));
            refresh();
        });
        hbar.valueProperty().addListener((o, was, now) -> {
            if (updating) return;
            c0 = clamp((int) Math.round(now.doubleValue()), 0, Math.max(0, cols - visCols()));
            refresh();
        });
        getChildren().addAll(vbar, hbar, probe);
    }

    /** The index labels' font size in px, as CSS makes it (it follows the UI scale). */
    double headPx() {
        return probe.getFont().getSize();
    }

    /** The smallest font a matrix number may have: the legibility floor for main content. */
    double numberFloorPx() { return headPx() * NUMBER_PER_HEAD; }

    /** The smallest cell height that holds a number at the floor. */
    double minCellH() { return Math.ceil(numberFloorPx() * (edits != null ? EDIT_CELL_PER_NUMBER : CELL_PER_NUMBER)); }

    /**
     * A tight cell's width: its {@code chars} digits with a margin; a label no narrower than three
     * quarters of its height, a text field (whose text node is as wide as its line) square.
     */
    double tightCellWidthFor(double h, int chars) {
        return Math.max(edits != null ? h : h * 0.75, chars * 0.62 * numberPx(h) + 12);
    }

    /**
     * A cell's height per px of its number: a label cell holds its number at 1.6 times its size; a
     * text field needs 1.75 (its text area has line spacing and sits inside a 3 px active border).
     */
    static final double CELL_PER_NUMBER = 1.6, EDIT_CELL_PER_NUMBER = 1.75;

    /** The cell width that holds {@code chars} characters of a monospaced number in a cell {@code h} high. */
    double cellWidthFor(double h, int chars) {
        return Math.max(h, chars * 0.62 * numberPx(h) + 12);
    }

    private double numberPx(double h) { return Math.max(numberFloorPx(), Math.min(h / 1.75, 64)); }

    /** Labels the rows and columns with the tensor's own indices (null: 0, 1, 2, ...); shown at the next {@link #refresh}. */
    public void setHeadIndex(int[] rows, int[] cols) {
        this.rowIndex = rows;
        this.colIndex = cols;
        requestLayout();
    }

    // ---- configuration ---------------------------------------------------------------------

    public void setShape(int rows, int cols) {
        this.rows = Math.max(0, rows);
        this.cols = Math.max(0, cols);
        rebuildIfNeeded();
    }

    public int rows() { return rows; }

    public int cols() { return cols; }

    public void setTexts(Texts texts) { this.texts = texts; }

    public void setRoles(Roles roles) { this.roles = roles; }

    /** Which editable cells are wrong and why; shown at the next {@link #refresh}. */
    public void setProblems(Problems problems) { this.problems = problems == null ? (r, c) -> null : problems; }

    /** Text fields instead of labels; {@code edits} hears every change (null: read-only again). */
    public void setEditable(Edits edits) {
        boolean was = this.edits != null;
        this.edits = edits;
        if (was != (edits != null)) {
            pool = new Control[0][0];
            if (rebuildIfNeeded()) refresh();
        }
    }

    public boolean editable() { return edits != null; }

    public void setHeads(boolean heads) {
        this.heads = heads;
        requestLayout();
    }

    /** At most this many rows and columns drawn at once (never more than {@link #MAX_VISIBLE}). */
    public void setMaxVisible(int maxRows, int maxCols) {
        int r = clamp(maxRows, 1, MAX_VISIBLE), c = clamp(maxCols, 1, MAX_VISIBLE);
        if (r == this.maxRows && c == this.maxCols) return;
        this.maxRows = r;
        this.maxCols = c;
        if (rebuildIfNeeded()) refresh();
    }

    public void setCellSize(double w, double h) {
        if (Math.abs(w - cellW) < 0.5 && Math.abs(h - cellH) < 0.5) return;
        cellW = w;
        cellH = h;
        applyFont();
        requestLayout();
    }

    public int visRows() { return Math.min(rows, maxRows); }

    public int visCols() { return Math.min(cols, maxCols); }

    public boolean windowed() { return rows > visRows() || cols > visCols(); }

    public int firstRow() { return r0; }

    public int firstCol() { return c0; }

    /** Moves the window so that cell (r, c) is drawn; -1 leaves that direction alone. */
    public void follow(int r, int c) {
        if (r >= 0) {
            if (r < r0) r0 = r;
            else if (r >= r0 + visRows()) r0 = r - visRows() + 1;
        }
        if (c >= 0) {
            if (c < c0) c0 = c;
            else if (c >= c0 + visCols()) c0 = c - visCols() + 1;
        }
        r0 = clamp(r0, 0, Math.max(0, rows - visRows()));
        c0 = clamp(c0, 0, Math.max(0, cols - visCols()));
    }

    /** The node drawing cell (r, c), or null when the window does not show it. */
    public Control cellNode(int r, int c) {
        int vr = r - r0, vc = c - c0;
        if (vr < 0 || vc < 0 || vr >= visRows() || vc >= visCols()) return null;
        return pool[vr][vc];
    }

    /** A drawn cell: its row and column in the matrix, and its node. */
    public record Drawn(int r, int c, Control node) {}

    /** The drawn cells whose role is {@code role} (as of the last {@link #refresh}), in row order. */
    public java.util.List<Drawn> cells(Role role) {
        java.util.List<Drawn> out = new java.util.ArrayList<>();
        for (int vr = 0; vr < poolRoles.length; vr++)
            for (int vc = 0; vc < poolRoles[vr].length; vc++)
                if (poolRoles[vr][vc] == role) out.add(new Drawn(r0 + vr, c0 + vc, pool[vr][vc]));
        return out;
    }

    /** The text drawn in cell (r, c), or null when it is outside the window. */
    public String cellText(int r, int c) {
        Control n = cellNode(r, c);
        if (n == null) return null;
        return n instanceof TextField t ? t.getText() : ((Label) n).getText();
    }

    // ---- drawing ---------------------------------------------------------------------------

    /** Makes the pool of cell nodes match the window; true when it made new (still empty) nodes. */
    private boolean rebuildIfNeeded() {
        int vr = visRows(), vc = visCols();
        r0 = clamp(r0, 0, Math.max(0, rows - vr));
        c0 = clamp(c0, 0, Math.max(0, cols - vc));
        if (pool.length == vr && (vr == 0 || pool[0].length == vc) && rowHeads.length == vr && colHeads.length == vc) {
            return false;
        }
        getChildren().retainAll(vbar, hbar, probe);
        pool = new Control[vr][vc];
        poolRoles = new Role[vr][vc];
        poolProblems = new String[vr][vc];
        validation = null;
        if (edits != null) {
            validation = new ValidationSupport();
            validation.setValidationDecorator(new GraphicValidationDecoration());
        }
        for (int r = 0; r < vr; r++)
            for (int c = 0; c < vc; c++) {
                pool[r][c] = edits != null ? field(r, c) : label();
                getChildren().add(pool[r][c]);
            }
        rowHeads = new Label[vr];
        colHeads = new Label[vc];
        for (int r = 0; r < vr; r++) getChildren().add(rowHeads[r] = head());
        for (int c = 0; c < vc; c++) getChildren().add(colHeads[c] = head());
        applyFont();
        requestLayout();
        return true;
    }

    private static Label head() {
        Label l = new Label();
        l.getStyleClass().add("mm-head");
        l.setAlignment(Pos.CENTER);
        return l;
    }

    private static Label label() {
        Label l = new Label();
        l.getStyleClass().addAll("mm-cell", Role.PLAIN.css);
        l.setAlignment(Pos.CENTER);
        l.setMinSize(0, 0);
        return l;
    }

    private TextField field(int vr, int vc) {
        TextField t = new TextField();
        t.getStyleClass().addAll("mm-cell", "mm-edit", Role.PLAIN.css);
        t.setAlignment(Pos.CENTER);
        t.setMinSize(0, 0);
        t.textProperty().addListener((o, was, now) -> {
            if (!updating && edits != null) edits.edited(r0 + vr, c0 + vc, now);
        });
        // Select the whole value on entering a cell, so typing replaces it.
        t.focusedProperty().addListener((o, was, now) -> {
            if (now) javafx.application.Platform.runLater(t::selectAll);
        });
        // ValidationSupport runs this later than the edit: by then the owner has re-read the cell.
        validation.registerValidator(t, false, (Control c, String text) -> {
            String problem = problems.at(r0 + vr, c0 + vc);
            return ValidationResult.fromErrorIf(c, problem, problem != null);
        });
        return t;
    }

    private void applyFont() {
        double size = numberPx(cellH);
        String style = String.format(Locale.ROOT, "-fx-font-size: %.1fpx;", size);
        for (Control[] row : pool) for (Control n : row) n.setStyle(style);
        String head = String.format(Locale.ROOT, "-fx-font-size: %.1fpx;", Math.max(headPx(), size * 0.7));
        for (Label l : rowHeads) l.setStyle(head);
        for (Label l : colHeads) l.setStyle(head);
        // The page sizes cells while it lays out, after this pulse's CSS pass: style them now, or
        // they would be drawn unstyled (the default 13 px font, no borders) until the next pulse.
        if (getScene() != null) applyCss();
    }

    private double headFontPx() { return Math.max(headPx(), numberPx(cellH) * 0.7); }

    /** Redraws texts, roles, indices and scroll bars from the current functions. */
    public void refresh() {
        rebuildIfNeeded();
        updating = true;
        try {
            for (int vr = 0; vr < pool.length; vr++)
                for (int vc = 0; vc < pool[vr].length; vc++) {
                    int r = r0 + vr, c = c0 + vc;
                    Control n = pool[vr][vc];
                    String text = texts.at(r, c);
                    if (n instanceof TextField t) {
                        if (!text.equals(t.getText())) t.setText(text);
                        String problem = problems.at(r, c);
                        if (!Objects.equals(problem, poolProblems[vr][vc])) {
                            poolProblems[vr][vc] = problem;
                            // On the whole cell too, not only on the decoration's small icon.
                            t.setTooltip(problem == null ? null : new Tooltip(problem));
                            validation.revalidate(t);
                        }
                    } else {
                        ((Label) n).setText(text);
                    }
                    Role role = roles.at(r, c);
                    if (role == null) role = Role.PLAIN;
                    if (poolRoles[vr][vc] != role) {
                        if (poolRoles[vr][vc] != null) n.getStyleClass().remove(poolRoles[vr][vc].css);
                        else for (Role x : Role.values()) n.getStyleClass().remove(x.css);
                        n.getStyleClass().add(role.css);
                        poolRoles[vr][vc] = role;
                    }
                }
            for (int vr = 0; vr < rowHeads.length; vr++) rowHeads[vr].setText(Integer.toString(index(rowIndex, r0 + vr)));
            for (int vc = 0; vc < colHeads.length; vc++) colHeads[vc].setText(Integer.toString(index(colIndex, c0 + vc)));
            boolean v = rows > visRows(), h = cols > visCols();
            vbar.setVisible(v);
            hbar.setVisible(h);
            if (v) {
                vbar.setMin(0);
                vbar.setMax(rows - visRows());
                vbar.setVisibleAmount(Math.max(1, (rows - visRows()) * visRows() / (double) rows));
                vbar.setValue(r0);
            }
            if (h) {
                hbar.setMin(0);
                hbar.setMax(cols - visCols());
                hbar.setVisibleAmount(Math.max(1, (cols - visCols()) * visCols() / (double) cols));
                hbar.setValue(c0);
            }
        } finally {
            updating = false;
        }
        requestLayout();
    }

    private static int index(int[] map, int i) { return map != null && i < map.length ? map[i] : i; }

    private double headW() {
        if (!heads) return 0;
        int digits = 1;
        for (int r = 0; r < rows; r++) digits = Math.max(digits, Integer.toString(index(rowIndex, r)).length());
        return digits * 0.62 * headFontPx() + 10;
    }

    private double headH() { return heads ? Math.ceil(headFontPx() * 1.4) : 0; }

    private static final double BAR = 12;

    @Override
    protected double computePrefWidth(double height) {
        return headW() + visCols() * cellW + (rows > visRows() ? BAR + 2 : 0) + 2;
    }

    @Override
    protected double computePrefHeight(double width) {
        return headH() + visRows() * cellH + (cols > visCols() ? BAR + 2 : 0) + 2;
    }

    @Override
    protected double computeMinWidth(double height) { return computePrefWidth(height); }

    @Override
    protected double computeMinHeight(double width) { return computePrefHeight(width); }

    @Override
    protected double computeMaxWidth(double height) { return computePrefWidth(height); }

    @Override
    protected double computeMaxHeight(double width) { return computePrefHeight(width); }

    @Override
    protected void layoutChildren() {
        double hw = headW(), hh = headH();
        for (Label l : rowHeads) l.setVisible(heads);
        for (Label l : colHeads) l.setVisible(heads);
        for (int vc = 0; vc < colHeads.length; vc++) colHeads[vc].resizeRelocate(hw + vc * cellW, 0, cellW, hh);
        for (int vr = 0; vr < rowHeads.length; vr++) rowHeads[vr].resizeRelocate(0, hh + vr * cellH, hw - 2, cellH);
        double gap = cellH >= 30 ? 2 : 1;
        for (int vr = 0; vr < pool.length; vr++)
            for (int vc = 0; vc < pool[vr].length; vc++)
                pool[vr][vc].resizeRelocate(hw + vc * cellW + gap / 2, hh + vr * cellH + gap / 2, cellW - gap, cellH - gap);
        vbar.resizeRelocate(hw + visCols() * cellW + 2, hh, BAR, visRows() * cellH);
        hbar.resizeRelocate(hw, hh + visRows() * cellH + 2, visCols() * cellW, BAR);
    }

    private static int clamp(int v, int lo, int hi) { return Math.max(lo, Math.min(hi, v)); }
}
