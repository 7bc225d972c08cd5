package io.backproplens.ui.matmul;

import io.backproplens.ui.core.PlayBar;
import io.backproplens.ui.core.StepCursor;
import io.backproplens.ui.common.Fmt;
import io.backproplens.session.PassResult;
import io.backproplens.session.Session;
import io.backproplens.ui.core.AppState;
import io.backproplens.ui.core.Presentation;
import io.backproplens.ui.core.Steppable;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The real first layer as a matmul: {@code a = x_valid[:5]} (each row a 28x28 digit) times
 * {@code b = w1} (each column a 28x28 weight image). Laid out like a matmul on paper: the digits
 * down the left, the weight images along the top, the result where their row and column cross.
 * Step {@code (i, j)} shows digit i over weight column j, their elementwise product as a picture,
 * and its sum landing in {@code result[i,j]}: a dot product you can see.
 */
public final class RealLayerPane extends BorderPane implements Steppable {
    static final int ROWS = 5;

    private final AppState state;
    private final StepCursor cursor = new StepCursor();
    private final PlayBar bar = Labels.playBar(cursor, "rl");
    private final Label waiting = new Label("Loading MNIST and running the first pass\u2026 the real layer appears when it is ready.");
    private final BorderPane content = new BorderPane();
    private final GridPane paper = new GridPane();
    private final VBox detail = new VBox(8);

    private final ImageView bigDigit = new ImageView(), bigWeight = new ImageView(), bigOverlay = new ImageView(), bigProduct = new ImageView();
    private final Label digitTitle = pictureTitle(), weightTitle = pictureTitle(), overlayTitle = pictureTitle(), productTitle = pictureTitle();
    private final Label sumLine = new Label(), checkLine = new Label(), madds = new Label();
    private final Label caption = new Label(), counter = new Label();
    private final GridPane pics = new GridPane();
    private final HBox middle = new HBox(12), pagedPaper = new HBox(12);
    private final VBox topBox = new VBox(2);
    private final VBox words = new VBox(8);
    private final HBox legendBox;
    /**
     * Short of height (a projector at 200%) the paper and the four pictures cannot stand one above
     * or beside the other: they become two pages, and the clicker walks each step through both,
     * first the pictures (digit i times weights j, summed), then the paper (the sum in result[i,j]).
     */
    private boolean paged;
    /** Which page is in front when paged. */
    public enum Page { PICTURES, PAPER }
    private Page page = Page.PAPER;

    private double[][] x;       // 5 x 784
    private double[][] w;       // 784 x nh
    private double[][] result;  // 5 x nh, in double
    private double[][] blas;    // the same by ND4J, for the check
    private int[] labels;
    private int nh;
    private PassResult shownPass;
    private final Map<Integer, Image> weightThumbs = new HashMap<>();
    private final Image[] digitThumbs = new Image[ROWS];
    private int thumbScale = 2, bigScale = 5, c0, visCols = 8, r0, visRows = ROWS;
    /** The four pictures of the step: two by two, or in one row when the pane is short of height. */
    private final VBox[] pictures = new VBox[4];
    private boolean oneRow;
    /** The cells' font size (the root font size at this UI scale), and the size last rendered. */
    private double cellFontPx = Presentation.BASE_FONT_PX, shownFontPx;
    private final javafx.scene.shape.Rectangle legendBar = new javafx.scene.shape.Rectangle(140, 16);

    public RealLayerPane(AppState state) {
        this.state = state;
        getStyleClass().add("mm-real");
        waiting.getStyleClass().add("mm-waiting");
        waiting.setWrapText(true);
        caption.setText("a = x_valid[:5]: each row of a is a digit (784 pixels).   b = w1: each column of b is a weight image "
                + "(784 weights).   result[i,j] = (a[i,:] * b[:,j]).sum(), before b1 is added.");
        caption.getStyleClass().add("mm-caption");
        caption.setWrapText(true);
        caption.setPadding(new Insets(6, 10, 4, 10));
        // The play bar's counter is one line that cannot wrap: this one stands under the caption.
        javafx.scene.Node barCounter = bar.lookup("#rl-counter");
        if (barCounter != null) {
            barCounter.setId("rl-bar-counter");
            barCounter.setVisible(false);
            barCounter.setManaged(false);
        }
        counter.setId("rl-counter");
        counter.getStyleClass().add("step-counter");
        counter.setWrapText(true);
        counter.setPadding(new Insets(0, 10, 0, 10));
        counter.textProperty().bind(bar.counter);
        topBox.getChildren().setAll(caption, counter);
        content.setTop(topBox);
        paper.setId("rl-paper");
        paper.setHgap(6);
        paper.setVgap(6);
        paper.setPadding(new Insets(8));
        detail.setId("rl-detail");
        detail.setAlignment(Pos.TOP_CENTER);
        detail.setPadding(new Insets(8, 12, 8, 12));
        detail.getStyleClass().add("mm-detail");
        sumLine.getStyleClass().add("mm-big-number");
        sumLine.setId("rl-sum");
        sumLine.setWrapText(true);
        checkLine.getStyleClass().add("mm-ok");
        checkLine.setWrapText(true);
        pics.setHgap(16);
        pics.setVgap(6);
        pictures[0] = framed(digitTitle, bigDigit, "mm-picture-frame-a");
        pictures[1] = framed(weightTitle, bigWeight, "mm-picture-frame-b");
        pictures[2] = framed(overlayTitle, bigOverlay, null);
        pictures[3] = framed(productTitle, bigProduct, null);
        for (int q = 0; q < 4; q++) pics.add(pictures[q], q % 2, q / 2);
        madds.getStyleClass().add("mm-note");
        madds.setWrapText(true);
        // Wrapped lines take the detail's width (set from the pictures in resize), not their one-line width.
        for (Label l : new Label[]{sumLine, checkLine, madds}) l.setMaxWidth(Double.MAX_VALUE);
        // Never squeezed to "..." by a short pane: the fit check sees their whole height and pages instead.
        for (Label l : new Label[]{sumLine, checkLine, madds}) l.setMinHeight(Region.USE_PREF_SIZE);
        legendBox = legend();
        words.setAlignment(Pos.TOP_LEFT);
        words.setPadding(new Insets(8, 12, 8, 12));
        detail.getChildren().addAll(pics, legendBox, sumLine, checkLine, madds);
        middle.getChildren().addAll(paper, detail);
        HBox.setHgrow(paper, Priority.ALWAYS);
        content.setCenter(middle);
        content.setBottom(bar);
        setCenter(new StackPane(waiting));

        Labels.fitPlayBar(bar);
        cursor.position.addListener((o, was, now) -> render());
        state.pass.addListener((o, was, now) -> load());
        state.session.addListener((o, was, now) -> load());
        heightProperty().addListener((o, was, now) -> resize());
        // After the new root font size has reached the labels: measured before, they would report the old sizes.
        state.presentation.scale.addListener((o, was, now) -> javafx.application.Platform.runLater(this::resize));
        widthProperty().addListener((o, was, now) -> resize());
        load();
    }

    /** The colour key of the weight and product images (the app's blue-white-red map). */
    private HBox legend() {
        javafx.scene.shape.Rectangle bar = legendBar;
        bar.setFill(io.backproplens.ui.common.ColorMap.DIVERGING.gradient());
        bar.setStroke(javafx.scene.paint.Color.gray(0.5));
        Label neg = new Label("\u2212");
        Label pos = new Label("+");
        Label note = new Label("white = 0");
        for (Label l : new Label[]{neg, pos, note}) {
            l.getStyleClass().add("mm-note");
            l.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox box = new HBox(6, neg, bar, pos, note);
        box.setId("rl-legend");
        box.setAlignment(Pos.CENTER);
        return box;
    }

    private static Label pictureTitle() {
        Label l = new Label();
        l.getStyleClass().add("mm-picture-title");
        // Wrap under the picture rather than cut a title to "one over the...".
        l.setWrapText(true);
        l.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        return l;
    }

    private static VBox framed(Label title, ImageView view, String frame) {
        StackPane f = new StackPane(view);
        f.getStyleClass().add(frame == null ? "mm-picture-frame" : frame);
        f.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        VBox box = new VBox(4, title, f);
        box.setAlignment(Pos.TOP_CENTER);
        return box;
    }

    /** Reads x_valid[:5] and the current pass's w1, once both exist. */
    private void load() {
        PassResult pass = state.pass.get();
        Session session = state.session.get();
        if (pass == null || session == null) {
            setCenter(new StackPane(waiting));
            cursor.blocked.set(true);
            return;
        }
        if (pass == shownPass) return;
        shownPass = pass;
        INDArray xv = session.data().xValid().get(NDArrayIndex.interval(0, ROWS), NDArrayIndex.all()).castTo(DataType.DOUBLE);
        INDArray w1 = pass.params().w(1).value().castTo(DataType.DOUBLE);
        x = xv.toDoubleMatrix();
        w = w1.toDoubleMatrix();
        blas = xv.mmul(w1).toDoubleMatrix();
        INDArray y = session.data().yValid();
        labels = new int[ROWS];
        for (int i = 0; i < ROWS; i++) labels[i] = (int) Math.round(y.getDouble(i));
        int oldNh = nh;
        nh = w[0].length;
        result = new double[ROWS][nh];
        for (int i = 0; i < ROWS; i++)
            for (int j = 0; j < nh; j++) {
                double s = 0;
                for (int p = 0; p < x[i].length; p++) s += x[i][p] * w[p][j];
                result[i][j] = s;
            }
        weightThumbs.clear();
        java.util.Arrays.fill(digitThumbs, null);
        cursor.blocked.set(false);
        setCenter(content);
        resize();
        if (oldNh == nh) {
            render();
        } else {
            c0 = 0;
            cursor.restart(ROWS * nh);
            render();
        }
    }

    /**
     * Sizes follow the UI scale (the cells' numbers are drawn at the root font size, so a
     * thumbnail column is wide enough for "-0.45" at that size), and the room in CSS pixels
     * (height / scale) decides the arrangement: short of height, the four pictures in one row
     * and three digits at a time (the rows follow i, as the columns follow j). When even that
     * leaves fewer than two digit rows, or the pictures and their sums do not fit under the
     * caption, the pane pages ({@link Page}).
     */
    private void resize() {
        if (x == null) return;
        double s = state.presentation.scale.get();
        double room = getHeight() / s;
        cellFontPx = Math.ceil(Presentation.BASE_FONT_PX * s);
        int t = Math.max(2, (int) Math.ceil(3.6 * cellFontPx / 28));
        if (room >= 900) t++;
        boolean compact = getHeight() > 0 && room < 620;
        int across = compact ? 4 : 2;
        // The pictures: by the room, and never more than 45% of the width (the paper needs the rest).
        int big = (int) Math.round((room >= 900 ? 7 : compact ? 4 : 5) * s);
        if (getWidth() > 0) big = Math.min(big, (int) Math.floor((0.45 * getWidth() - 16 * (across - 1) - 40) / (28.0 * across)));
        big = Math.max(2, big);
        double boxW = boxWidth(big);
        double detailW = across * boxW + (across - 1) * 16 + 24 + 16;
        // As many digit rows as the height holds under the weight images (a row is a thumbnail high).
        double u = 28 * t + 8 + 6;
        double top = caption.prefHeight(getWidth()) + counter.prefHeight(getWidth()) + 2;
        double middleH = getHeight() - top - bar.prefHeight(getWidth()) - 16 - 2 * cellFontPx;
        int fit = (int) Math.floor(middleH / u) - 1;
        int rows = getHeight() > 0 ? Math.max(1, Math.min(compact ? 3 : ROWS, fit)) : ROWS;
        // Each column: the thumbnail, its frame (4 px a side) and the grid gap.
        int cols = (int) Math.floor((getWidth() - detailW - (28 * t + 8) - 12 - 16 - 30) / (28 * t + 8 + 6));
        apply(false, compact, t, big, boxW, detailW, rows, cols);
        if (getHeight() <= 0) return;
        // The minimum too: a pane laid out at its minimum where that exceeds the room would spill over its neighbours.
        boolean tooShort = fit < 2 || Math.max(content.prefHeight(getWidth()), content.minHeight(getWidth())) > getHeight() + 1;
        if (!tooShort) return;

        // Paged: each page has the counter over it and the play bar under it, and the whole width.
        double counterH = counter.prefHeight(getWidth()), barH = bar.prefHeight(getWidth());
        double avail = getHeight() - counterH - barH - 8;
        // The pictures page: four pictures in a row under their titles (two lines), the colour key under them.
        int pt = Math.max(2, (int) Math.ceil(3.4 * cellFontPx / 28));
        double titles = 2 * 1.35 * cellFontPx, legendH = Math.max(16 * s, 0.9375 * 1.35 * cellFontPx);
        int pbig = (int) Math.floor((avail - 16 - titles - 4 - 8 - 8 - legendH - 12) / 28);
        pbig = Math.min(pbig, (int) Math.floor((getWidth() - 3 * 16 - 24 - 16) / (28.0 * 4)));
        pbig = Math.max(2, Math.min(pbig, (int) Math.round(8 * s)));
        double pboxW = boxWidth(pbig);
        // The paper page: the weights, the current digit's rows, and beside them the sum and its check.
        double pu = 28 * pt + 8 + 6;
        int prow = Math.max(1, Math.min(ROWS, (int) Math.floor((avail - 16 - 2 * 1.35 * 0.9375 * cellFontPx) / pu) - 1));
        double wordsW = Math.max(0.38 * getWidth(), 15 * cellFontPx);
        // The sum and its check wrap in their column: wider (the paper keeps two columns) until they fit the page.
        double widest = getWidth() - 12 - (28 * pt + 8) - 16 - 24 - 2 * pu;
        while (wordsW < widest && wordsHeight(wordsW) > avail) wordsW = Math.min(widest, wordsW + 2 * cellFontPx);
        int pcols = (int) Math.floor((getWidth() - wordsW - 12 - (28 * pt + 8) - 16 - 24) / pu);
        words.setPrefWidth(wordsW);
        apply(true, true, pt, pbig, pboxW, 4 * pboxW + 3 * 16 + 24 + 16, prow, pcols);
    }

    /**
     * No minimum of its own: asked for the paper's and the pictures' full height, a short window
     * (presenter mode, with the caption under the view) would lay the pane out taller than the
     * room and the play bar would fall under its edge; short, it pages instead.
     */
    @Override protected double computeMinHeight(double width) { return 0; }

    private boolean recheckQueued;

    /**
     * A last check with the sizes as laid out (fonts and skins current): unpaged content that has
     * grown past the pane since it was measured (a change of UI scale, presenter mode's caption)
     * gets measured again, and pages.
     */
    @Override protected void layoutChildren() {
        super.layoutChildren();
        if (paged || x == null || recheckQueued || getCenter() != content || getHeight() <= 0) return;
        if (Math.max(content.prefHeight(getWidth()), content.minHeight(getWidth())) > getHeight() + 1) {
            recheckQueued = true;
            javafx.application.Platform.runLater(() -> {
                recheckQueued = false;
                resize();
            });
        }
    }

    /**
     * The height of the paper page's words {@code w} wide with the longest texts a step shows
     * (the last cell's index, a negative sum), in the labels' own fonts.
     */
    private double wordsHeight(double w) {
        double h = words.getPadding().getTop() + words.getPadding().getBottom() + 2 * words.getSpacing();
        String[] longest = {".sum() = -0.0000\n\u2192 result[" + (ROWS - 1) + "," + (nh - 1) + "]",
                "\u2714 ND4J's x_valid[:5] @ w1 gives -0.0000",
                String.format(Locale.ROOT, "784 multiply-adds a step: %,d of %,d done", (long) ROWS * nh * 784, (long) ROWS * nh * 784)};
        Label[] labels = {sumLine, checkLine, madds};
        for (int n = 0; n < 3; n++) {
            javafx.scene.text.Text t = new javafx.scene.text.Text(longest[n]);
            t.setFont(labels[n].getFont());
            t.setWrappingWidth(w - 24 - 4);
            // A line's leading and the label's own insets, which a bare Text does not have.
            h += t.getLayoutBounds().getHeight() + labels[n].getFont().getSize() * 0.3 + labels[n].snappedTopInset() + labels[n].snappedBottomInset();
        }
        return h;
    }

    /** A picture's column: the picture, or its title's longest word ("weights j") if wider. */
    private double boxWidth(int big) { return Math.max(28 * big, 6 * cellFontPx); }

    private void apply(boolean paged, boolean oneRowPictures, int t, int big, double boxW, double detailW, int rows, int cols) {
        boolean arrangementChanged = paged != this.paged;
        this.paged = paged;
        if (oneRowPictures != oneRow) {
            oneRow = oneRowPictures;
            for (int q = 0; q < 4; q++) GridPane.setConstraints(pictures[q], oneRow ? q : q % 2, oneRow ? 0 : q / 2);
        }
        for (Label l : new Label[]{digitTitle, weightTitle, overlayTitle, productTitle}) {
            l.setPrefWidth(boxW);
            l.setMinHeight(Region.USE_PREF_SIZE);
        }
        double s = state.presentation.scale.get();
        legendBar.setWidth(140 * s);
        legendBar.setHeight(16 * s);
        if (!paged) {
            for (Label l : new Label[]{sumLine, checkLine, madds}) l.setPrefWidth(detailW - 24);
            detail.setPrefWidth(detailW);
            detail.setMinWidth(detailW);
            detail.setMaxWidth(detailW);
        } else {
            detail.setPrefWidth(Region.USE_COMPUTED_SIZE);
            detail.setMinWidth(Region.USE_COMPUTED_SIZE);
            detail.setMaxWidth(Double.MAX_VALUE);
        }
        cols = Math.max(2, Math.min(12, Math.min(cols, nh)));
        if (arrangementChanged || t != thumbScale || big != bigScale || cols != visCols || rows != visRows || cellFontPx != shownFontPx) {
            visRows = rows;
            if (t != thumbScale) {
                weightThumbs.clear();
                java.util.Arrays.fill(digitThumbs, null);
            }
            thumbScale = t;
            bigScale = big;
            visCols = cols;
            shownFontPx = cellFontPx;
            render();
        }
    }

    /** Puts the blocks where the arrangement and the page (and, paged, the step) want them. */
    private void arrange() {
        int p = cursor.position.get();
        if (!paged) {
            topBox.getChildren().setAll(caption, counter);
            detail.getChildren().setAll(pics, legendBox, sumLine, checkLine, madds);
            middle.getChildren().setAll(paper, detail);
            if (content.getCenter() != middle) content.setCenter(middle);
        } else if (p < 0) {
            // Before the first step: what the pane is about, and the zeros the result starts from.
            for (Label l : new Label[]{sumLine, checkLine, madds}) l.setPrefWidth(getWidth() - 24 - 4);
            topBox.getChildren().setAll(caption, counter);
            // No check line yet: there is nothing to check, and its empty line would crowd the zeros.
            words.getChildren().setAll(sumLine, madds);
            if (content.getCenter() != words) content.setCenter(words);
        } else if (page == Page.PICTURES) {
            topBox.getChildren().setAll(counter);
            detail.getChildren().setAll(pics, legendBox);
            if (content.getCenter() != detail) content.setCenter(detail);
        } else {
            topBox.getChildren().setAll(counter);
            words.getChildren().setAll(sumLine, checkLine, madds);
            for (Label l : new Label[]{sumLine, checkLine, madds}) l.setPrefWidth(words.getPrefWidth() - 24 - 4);
            pagedPaper.getChildren().setAll(paper, words);
            if (content.getCenter() != pagedPaper) content.setCenter(pagedPaper);
        }
    }

    /** Whether the pane shows its paper and pictures as pages the clicker walks through. */
    public boolean paged() { return paged; }

    /** The page in front when {@link #paged()} (before the first step, the caption and the zeros). */
    public Page page() { return page; }

    public int position() { return cursor.position.get(); }

    public int stepCount() { return cursor.count.get(); }

    /** The sum shown for the current step (result[i,j]), or NaN before the first step. */
    public double currentSum() {
        int p = cursor.position.get();
        return p < 0 || result == null ? Double.NaN : result[p / nh][p % nh];
    }

    /** ND4J's {@code x_valid[:5] @ w1} at the current step's cell, for comparison. */
    public double currentBlas() {
        int p = cursor.position.get();
        return p < 0 || blas == null ? Double.NaN : blas[p / nh][p % nh];
    }

    private void render() {
        if (x == null) return;
        int p = cursor.position.get();
        arrange();
        int i = p < 0 ? -1 : p / nh, j = p < 0 ? -1 : p % nh;
        visCols = Math.min(visCols, nh);
        if (j >= 0) {
            if (j < c0) c0 = j;
            else if (j >= c0 + visCols) c0 = j - visCols + 1;
        }
        c0 = Math.max(0, Math.min(c0, nh - visCols));
        if (i >= 0) {
            if (i < r0) r0 = i;
            else if (i >= r0 + visRows) r0 = i - visRows + 1;
        }
        r0 = Math.max(0, Math.min(r0, ROWS - visRows));

        double u = 28 * thumbScale;
        paper.getChildren().clear();
        Label corner = new Label("a @ b");
        corner.getStyleClass().add("mm-grid-title");
        paper.add(corner, 0, 0);
        GridPane.setHalignment(corner, HPos.CENTER);
        for (int vc = 0; vc < visCols; vc++) {
            int col = c0 + vc;
            Image img = weightThumbs.computeIfAbsent(col, c -> PixelPictures.signed(column(c), thumbScale));
            paper.add(thumb(img, "w1[:," + col + "]", col == j ? "mm-picture-frame-b" : null), vc + 1, 0);
        }
        for (int r = r0; r < r0 + visRows; r++) {
            if (digitThumbs[r] == null) digitThumbs[r] = PixelPictures.digit(x[r], thumbScale);
            paper.add(thumb(digitThumbs[r], "x_valid[" + r + "]", r == i ? "mm-picture-frame-a" : null), 0, r - r0 + 1);
            for (int vc = 0; vc < visCols; vc++) {
                int col = c0 + vc;
                int order = r * nh + col;
                Label cell = new Label(order <= p ? Fmt.cell(round3(result[r][col])) : "0");
                cell.getStyleClass().addAll("mm-cell", order == p ? "mm-r" : order < p ? "mm-plain" : "mm-pending");
                cell.setAlignment(Pos.CENTER);
                double ch = Math.max(u * 0.62, cellFontPx * 1.7);
                cell.setMinSize(u, ch);
                cell.setPrefSize(u, ch);
                cell.setMaxSize(u, ch);
                cell.setStyle(String.format(Locale.ROOT, "-fx-font-size: %.0fpx;", cellFontPx));
                if (order == p) cell.setId("rl-current");
                paper.add(cell, vc + 1, r - r0 + 1);
                GridPane.setValignment(cell, javafx.geometry.VPos.CENTER);
            }
        }
        String window = (visRows < ROWS ? "rows " + r0 + "\u2013" + (r0 + visRows - 1) + " of " + ROWS + ", " : "")
                + (nh > visCols ? "columns " + c0 + "\u2013" + (c0 + visCols - 1) + " of " + nh : "");
        Label more = new Label(window.isEmpty() ? "" : window + " (the window follows i and j)");
        more.getStyleClass().add("mm-note");
        more.setWrapText(true);
        more.setMinHeight(Region.USE_PREF_SIZE);
        paper.add(more, 0, visRows + 1, Math.max(1, visCols) + 1, 1);

        if (p < 0) {
            digitTitle.setText("digit i");
            weightTitle.setText("weights j");
            overlayTitle.setText("overlaid");
            productTitle.setText("product");
            WritableImageBlank.clear(bigDigit, bigWeight, bigOverlay, bigProduct, bigScale);
            sumLine.setText("result = torch.zeros(5, " + nh + ")\npress Next (\u2192)");
            checkLine.setText("");
        } else {
            double[] wj = column(j);
            double[] prod = new double[x[i].length];
            for (int q = 0; q < prod.length; q++) prod[q] = x[i][q] * wj[q];
            digitTitle.setText("x_valid[" + i + "] (a " + labels[i] + ")");
            weightTitle.setText("w1[:," + j + "]");
            overlayTitle.setText("overlaid");
            productTitle.setText("product");
            bigDigit.setImage(PixelPictures.digit(x[i], bigScale));
            bigWeight.setImage(PixelPictures.signed(wj, bigScale));
            bigOverlay.setImage(PixelPictures.overlay(x[i], wj, bigScale));
            bigProduct.setImage(PixelPictures.signed(prod, bigScale));
            sumLine.setText(".sum() = " + String.format(Locale.ROOT, "%.4f", result[i][j]) + "\n\u2192 result[" + i + "," + j + "]");
            checkLine.setText(String.format(Locale.ROOT, "\u2714 ND4J's x_valid[:5] @ w1 gives %.4f", blas[i][j]));
        }
        bar.counter.set("step " + (p + 1) + " of " + (ROWS * nh) + "   \u00b7   i = " + (i < 0 ? "\u2013" : i)
                + ", j = " + (j < 0 ? "\u2013" : j));
        madds.setText(String.format(Locale.ROOT, "784 multiply-adds a step: %,d of %,d done", (long) (p + 1) * x[0].length,
                (long) ROWS * nh * x[0].length));
        // Paged, the zeros on one line: the page is short, and the play bar under it says how to go on.
        if (paged && p < 0) sumLine.setText("result = torch.zeros(5, " + nh + ")");
    }

    /** Empty white squares of the picture size, so the layout does not jump before the first step. */
    private static final class WritableImageBlank {
        static void clear(ImageView a, ImageView b, ImageView c, ImageView d, int scale) {
            Image blank = PixelPictures.digit(new double[784], scale);
            for (ImageView v : new ImageView[]{a, b, c, d}) v.setImage(blank);
        }
    }

    private static double round3(double v) { return Math.round(v * 100) / 100.0; }

    private double[] column(int j) {
        double[] c = new double[w.length];
        for (int p = 0; p < w.length; p++) c[p] = w[p][j];
        return c;
    }

    private static Node thumb(Image img, String title, String frame) {
        ImageView v = new ImageView(img);
        StackPane f = new StackPane(v);
        f.getStyleClass().add(frame == null ? "mm-picture-frame" : frame);
        f.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        javafx.scene.control.Tooltip.install(f, new javafx.scene.control.Tooltip(title));
        return f;
    }

    /**
     * One click. Paged, a step is two clicks: its pictures (digit i times weights j, summed), then
     * the paper with the sum in result[i,j]; then the next step's pictures.
     */
    @Override public void next() {
        if (!paged) { cursor.next(); return; }
        int p = cursor.position.get();
        if (p >= 0 && page == Page.PICTURES) {
            showPage(Page.PAPER);
        } else if (p < cursor.count.get() - 1) {
            page = Page.PICTURES;
            cursor.next();
            render();
        }
    }

    /** One click back: the paper goes back to the same step's pictures, the pictures to the step before's paper. */
    @Override public void previous() {
        if (!paged) { cursor.previous(); return; }
        int p = cursor.position.get();
        if (p < 0) return;
        if (page == Page.PAPER) {
            showPage(Page.PICTURES);
        } else {
            page = Page.PAPER;
            cursor.previous();
            render();
        }
    }

    private void showPage(Page pg) {
        page = pg;
        render();
    }

    @Override public void reset() { page = Page.PAPER; cursor.reset(); }

    @Override public void togglePlay() { bar.togglePlay(); }

    public void end() { page = Page.PAPER; cursor.end(); render(); }
}
