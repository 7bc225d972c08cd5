package io.backproplens.ui.data;

import io.backproplens.ui.core.Controller;

import io.backproplens.engine.Tensor;
import io.backproplens.session.Dataset;
import io.backproplens.session.NotebookPrinted;
import io.backproplens.session.Session;
import io.backproplens.stats.Summary;
import io.backproplens.ui.common.ColorMap;
import io.backproplens.ui.common.DigitImage;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The notebook's "Dataset" and "Normalize it" cells: shapes, mean and std of x_train and x_valid
 * before and after {@code normalize(x, train_mean, train_std)}, and the first digits as images.
 *
 * <p>It fits the window instead of scrolling: the table and the code stay whole (the lesson is in
 * their numbers), the digits go beside them when the width allows and under them otherwise, and
 * as many digits are shown as fit (up to {@link #DIGITS}), each 5 em wide so they grow with the UI
 * scale.
 */
public final class DataView extends Pane {
    /** What the view lays out; it scrolls only where the window is too short for the table and the code. */
    private final Pane page = new Pane() {
        @Override protected double computeMinWidth(double h) { return 0; }
        @Override protected double computeMinHeight(double w) { return wholeHeight(w); }
        @Override protected double computePrefHeight(double w) { return wholeHeight(w); }
        @Override protected void layoutChildren() { layoutPage(this); }
    };
    private final javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(page);
    private static final int DIGITS = 12;
    private static final double DIGIT_EM = 5;

    private final Label title = new Label("Data and normalisation");
    private final Label source = new Label("Loading MNIST\u2026");
    private final GridPane table = new GridPane();
    private final Label formula = new Label("""
            train_mean, train_std = x_train.mean(), x_train.std()
            x_train = normalize(x_train, train_mean, train_std)
            x_valid = normalize(x_valid, train_mean, train_std)
            # x_valid uses the TRAINING statistics, never its own""");
    private final Label digitsTitle = new Label("The first training images and their labels (y_train)");
    private final List<Label> digits = new ArrayList<>();
    private final List<float[]> rows = new ArrayList<>();
    private double digitPx;

    /** What the table shows, computed in the background (a summary of 39M values takes ~0.2 s). */
    record Stats(long[] xTrainShape, long[] yTrainShape, long[] xValidShape, long[] yValidShape,
                 double rawTrainMean, double rawTrainStd, Summary train, Summary valid) {}

    public DataView(Controller controller) {
        setId("data-view");
        getStyleClass().add("data-view");
        getStylesheets().add(Objects.requireNonNull(DataView.class.getResource("/css/data.css")).toExternalForm());
        title.getStyleClass().add("big-title");
        source.getStyleClass().add("data-source");
        formula.getStyleClass().add("formula");
        digitsTitle.getStyleClass().add("section-title");
        for (Label l : List.of(title, source, formula, digitsTitle)) l.setWrapText(true);
        table.setId("data-table");
        table.setHgap(32);
        table.setVgap(6);
        page.getStyleClass().add("data-page");
        page.getChildren().addAll(title, source, table, formula, digitsTitle);
        // At 200% on a small screen the table and the code do not fit under the title: the page
        // scrolls, its text at full size, rather than cut the lower rows (the lesson is in them).
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("data-scroll");
        scroll.getProperties().put(io.backproplens.ui.audit.LayoutAudit.SCROLLS, true);
        getChildren().add(scroll);

        controller.state().session.addListener((o, was, session) -> {
            if (session != null) load(controller, session);
        });
        if (controller.state().session.get() != null) load(controller, controller.state().session.get());
    }

    private void load(Controller controller, Session session) {
        Dataset d = session.data();
        controller.background().submit("Summarising the data", () -> new Stats(d.xTrain().shape(), d.yTrain().shape(),
                d.xValid().shape(), d.yValid().shape(), d.rawTrainMean(), d.rawTrainStd(),
                Summary.of(d.xTrain()), Summary.of(d.xValid())), s -> show(d, s));
    }

    private void show(Dataset d, Stats s) {
        source.setText("Source: " + d.source() + " (" + d.trainRows() + " training, " + d.validRows() + " validation images)");
        table.getChildren().clear();
        table.getColumnConstraints().clear();
        notebookCells.clear();
        nameCells.clear();
        addRow(0, "", "shape", "mean", "std", "notebook", true);
        // normalised = (raw - m) / s, so the raw statistics follow exactly from the normalised ones.
        double m = s.rawTrainMean(), sd = s.rawTrainStd();
        addRow(1, "x_train", shape(s.xTrainShape()), f(s.train().mean() * sd + m), f(s.train().std() * sd), printed("x_train"), false);
        addRow(2, "y_train", shape(s.yTrainShape()), "", "", "", false);
        addRow(3, "x_valid", shape(s.xValidShape()), f(s.valid().mean() * sd + m), f(s.valid().std() * sd), printed("x_valid"), false);
        addRow(4, "y_valid", shape(s.yValidShape()), "", "", "", false);
        addRow(5, "x_train normalised", "", f(s.train().mean()), f(s.train().std()), printed("x_train.normalized"), false);
        addRow(6, "x_valid normalised", "", f(s.valid().mean()), f(s.valid().std()), printed("x_valid.normalized"), false);
        for (int c = 0; c < 5; c++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setHalignment(c < 2 ? HPos.LEFT : HPos.RIGHT);
            table.getColumnConstraints().add(cc);
        }
        page.getChildren().removeAll(digits);
        digits.clear();
        rows.clear();
        digitPx = 0;
        for (int i = 0; i < DIGITS && i < d.trainRows(); i++) {
            rows.add(d.xTrain().getRow(i).toFloatVector());
            Label label = new Label(Integer.toString(d.yTrain().getInt(i)));
            label.setContentDisplay(javafx.scene.control.ContentDisplay.TOP);
            label.setAlignment(Pos.CENTER);
            label.getStyleClass().add("digit-label");
            digits.add(label);
        }
        page.getChildren().addAll(digits);
        page.requestLayout();
    }

    private double em() { return source.getFont().getSize(); }

    /** Pictures 5 em wide: redrawn when the UI scale changes. */
    private void sizeDigits() {
        double px = Math.round(DIGIT_EM * em());
        if (px == digitPx) return;
        digitPx = px;
        for (int i = 0; i < digits.size(); i++) {
            DigitImage image = new DigitImage(px);
            image.show(rows.get(i), ColorMap.VIRIDIS);
            digits.get(i).setGraphic(image);
        }
    }

    @Override protected double computeMinWidth(double h) { return 0; }

    @Override protected double computeMinHeight(double w) { return 0; }

    @Override
    protected void layoutChildren() {
        scroll.resizeRelocate(0, 0, getWidth(), getHeight());
    }

    /** The height of the title, source, table and code at this page width (the digits fill what is left). */
    private double wholeHeight(double width) {
        Insets in = page.getInsets();
        double em = em();
        double W = (width > 0 ? width : page.getWidth()) - in.getLeft() - in.getRight();
        if (W <= 0) return 0;
        fitTable(W);
        double tableW = Math.min(W, table.prefWidth(-1));
        double leftW = Math.max(tableW, Math.min(W, formula.prefWidth(-1)));
        return in.getTop() + title.prefHeight(W) + em * 0.3 + source.prefHeight(W) + em * 0.8
                + table.prefHeight(tableW) + em + formula.prefHeight(Math.min(leftW, W)) + em + in.getBottom();
    }

    private void layoutPage(Pane page) {
        sizeDigits();
        Insets in = page.getInsets();
        double em = em(), gap = em;
        double x0 = in.getLeft(), W = page.getWidth() - in.getLeft() - in.getRight();
        double y = in.getTop(), bottom = page.getHeight() - in.getBottom();
        y = place(title, x0, y, W) + em * 0.3;
        y = place(source, x0, y, W) + em * 0.8;
        fitTable(W);
        // Left: the table, then the code under it.
        double tableW = Math.min(W, table.prefWidth(-1));
        double codeW = Math.min(W, formula.prefWidth(-1));
        double leftW = Math.max(tableW, codeW);
        double cell = digits.isEmpty() ? 0 : Math.max(digitPx, digits.get(0).prefWidth(-1));
        double cellH = digits.isEmpty() ? 0 : digits.get(0).prefHeight(-1);
        double top = y;
        table.resizeRelocate(x0, y, tableW, table.prefHeight(tableW));
        y += table.prefHeight(tableW) + em;
        double codeH = formula.prefHeight(Math.min(leftW, W));
        formula.resizeRelocate(x0, y, Math.min(leftW, W), codeH);
        y += codeH + em;
        // Right of them when three digits fit there, else under them.
        double dx, dy, dw;
        if (W - leftW - 2 * gap >= 3 * (cell + gap)) {
            dx = x0 + leftW + 2 * gap;
            dy = top;
            dw = W - leftW - 2 * gap;
        } else {
            dx = x0;
            dy = y;
            dw = W;
        }
        double titleH = digitsTitle.prefHeight(dw);
        int cols = cell <= 0 ? 0 : (int) Math.floor((dw + gap) / (cell + gap));
        int rowsFit = cellH <= 0 ? 0 : (int) Math.floor((bottom - dy - titleH - em * 0.5 + gap * 0.6) / (cellH + gap * 0.6));
        int n = Math.max(0, Math.min(digits.size(), cols * Math.max(0, rowsFit)));
        digitsTitle.setVisible(n > 0);
        if (n > 0) digitsTitle.resizeRelocate(dx, dy, dw, titleH);
        double gy = dy + titleH + em * 0.5;
        for (int i = 0; i < digits.size(); i++) {
            Label l = digits.get(i);
            l.setVisible(i < n);
            if (i < n) l.resizeRelocate(dx + (i % cols) * (cell + gap), gy + (i / cols) * (cellH + gap * 0.6), cell, cellH);
        }
    }

    /** Puts a wrapping label at full width; returns the y under it. */
    private static double place(Region r, double x, double y, double w) {
        double h = r.prefHeight(w);
        r.resizeRelocate(x, y, w, h);
        return y + h;
    }

    /** How many digit pictures are on screen (as many as fit), for tests. */
    int digitsShown() {
        int n = 0;
        for (Label l : digits) if (l.isVisible()) n++;
        return n;
    }

    /**
     * What the notebook printed for {@code key}'s mean and std, as it printed them
     * ({@code 2.1325e-08 / 1.}): the same MNIST, so the same four decimals as the app's.
     */
    private static String printed(String key) {
        return NotebookPrinted.get(key + ".mean").text() + " / " + NotebookPrinted.get(key + ".std").text();
    }

    /** The notebook's mean / std of each row, by row name (tests compare it with the app's). */
    public String notebookText(String rowName) {
        for (javafx.scene.Node n : table.getChildren()) {
            if (n instanceof Label l && rowName.equals(l.getText().replace('\n', ' ')) && GridPane.getColumnIndex(l) == 0) {
                int row = GridPane.getRowIndex(l);
                for (javafx.scene.Node m : table.getChildren())
                    if (GridPane.getRowIndex(m) == row && GridPane.getColumnIndex(m) == 4) return ((Label) m).getText();
            }
        }
        return null;
    }

    private final List<Label> notebookCells = new ArrayList<>();
    private final List<Label> nameCells = new ArrayList<>();

    /**
     * Fits the table to the width: the notebook's column steps aside first (at 200% on a small
     * screen it would push the table out of the window; the app's own numbers come first), then the
     * long row names wrap after their tensor's name ("x_train" over "normalised").
     */
    private void fitTable(double width) {
        if (nameCells.isEmpty()) return;
        boolean wrapped = nameCells.stream().anyMatch(l -> l.getText().indexOf('\n') >= 0);
        // The table's width with the names on one line, whatever they are now (no text flips while measuring).
        double oneLine = table.prefWidth(-1) - namesWidth(wrapped) + namesWidth(false);
        oneLine = fitNotebookColumn(width, oneLine);
        boolean wrap = oneLine > width;
        if (wrap != wrapped) for (Label l : nameCells) l.setText(wrap ? l.getText().replace(' ', '\n') : l.getText().replace('\n', ' '));
    }

    /** The names column's width with the names on one line or wrapped at their spaces. */
    private double namesWidth(boolean wrapped) {
        double w = 0;
        javafx.scene.text.Text t = new javafx.scene.text.Text();
        for (Label l : nameCells) {
            String text = wrapped ? l.getText().replace(' ', '\n') : l.getText().replace('\n', ' ');
            t.setText(text);
            t.setFont(l.getFont());
            w = Math.max(w, t.getLayoutBounds().getWidth() + l.getInsets().getLeft() + l.getInsets().getRight());
        }
        return w;
    }

    /** Shows the notebook's column when the table fits with it; returns the table's width after. */
    private double fitNotebookColumn(double width, double tableWidth) {
        if (notebookCells.isEmpty()) return tableWidth;
        boolean shown = notebookCells.get(0).isManaged();
        double column = 0;
        for (Label l : notebookCells) column = Math.max(column, l.prefWidth(-1));
        double full = tableWidth + (shown ? 0 : column + table.getHgap());
        boolean fits = full <= width;
        if (fits != shown) for (Label l : notebookCells) {
            l.setManaged(fits);
            l.setVisible(fits);
        }
        return fits ? full : full - column - table.getHgap();
    }

    /** Whether the notebook's column is on screen (it steps aside where the width is short). */
    public boolean notebookShown() { return !notebookCells.isEmpty() && notebookCells.get(0).isVisible(); }

    private void addRow(int row, String name, String shape, String mean, String std, String notebook, boolean header) {
        Label[] cells = {new Label(name), new Label(shape), new Label(mean), new Label(std), new Label(notebook)};
        for (Label c : cells) {
            c.getStyleClass().add(header ? "table-header" : "table-cell");
            c.setMinWidth(Region.USE_PREF_SIZE);
        }
        cells[4].getStyleClass().add("notebook-cell");
        notebookCells.add(cells[4]);
        if (!header && !notebook.isEmpty()) cells[4].setTooltip(new javafx.scene.control.Tooltip("What the notebook printed for "
                + name.replace(" normalised", "") + ".mean(), .std()" + (name.contains("normalised") ? " after normalize" : "")));
        cells[0].getStyleClass().add("formula");
        if (!header) nameCells.add(cells[0]);
        table.addRow(row, cells);
    }

    private static String shape(long[] shape) { return Tensor.shapeText(shape); }

    /** Four decimals, as the notebook prints {@code tensor(0.1304)}. */
    private static String f(double v) {
        String s = String.format(Locale.ROOT, "%.4f", v);
        return s.equals("-0.0000") ? "0.0000" : s;  // 2.1e-08 below zero is zero to 4 decimals
    }
}
