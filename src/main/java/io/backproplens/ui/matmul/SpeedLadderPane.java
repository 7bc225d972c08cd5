package io.backproplens.ui.matmul;

import io.backproplens.ui.common.Fmt;
import io.backproplens.matmul.MatmulVariant;
import io.backproplens.matmul.SpeedLadder;
import io.backproplens.session.Session;
import io.backproplens.ui.core.Background;
import io.backproplens.ui.core.Controller;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;
import org.kordamp.ikonli.javafx.FontIcon;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The notebook's speed ladder, measured here: {@code x_valid[:5] @ w} with {@code w} a
 * {@code torch.randn(784,10)}-like matrix, by each rung of {@link MatmulVariant}, timed in the
 * background after a warm-up. A log-scale bar chart shows each time and its speed-up over the
 * triple loop, with the notebook's own Python times beside them.
 */
public final class SpeedLadderPane extends BorderPane implements io.backproplens.ui.core.Steppable {
    private static final Map<MatmulVariant, String> NAMES = Map.of(
            MatmulVariant.TRIPLE_LOOP, "triple loop",
            MatmulVariant.INNER_REMOVED, "innermost removed (elementwise)",
            MatmulVariant.BROADCAST, "broadcast",
            MatmulVariant.BLAS, "BLAS: a @ b (torch matmul)");
    private static final Map<MatmulVariant, Color> COLORS = Map.of(
            MatmulVariant.TRIPLE_LOOP, Color.web("#dc2626"),
            MatmulVariant.INNER_REMOVED, Color.web("#ea580c"),
            MatmulVariant.BROADCAST, Color.web("#9333ea"),
            MatmulVariant.BLAS, Color.web("#1d4ed8"));

    private final Controller controller;
    private final Map<MatmulVariant, SpeedLadder.Rung> measured = new EnumMap<>(MatmulVariant.class);
    private final Pane chart = new Pane();
    private final Label status = new Label();
    private final Label explain = new Label();
    private final Button run = new Button("Run the ladder again", new FontIcon("mdi2t-timer-outline"));
    private boolean running, wanted;
    private final VBox top;
    private final Label caption;
    private final HBox controls;
    /**
     * Paged and too short for the caption with the Run button and the status under it (1280x720 at
     * 200%): the caption is a page of its own, the button and the status the next one.
     */
    private boolean splitTop;
    private final VBox captionPage = new VBox(), controlsPage = new VBox();
    /**
     * Short of height (a projector at 200%) the caption, the four rungs and the explanation cannot
     * stand together: the pane becomes pages the clicker walks through, the caption and the Run
     * button first, then the rungs (as many to a page as fit, each with its name on a line of its
     * own), then the explanation.
     */
    private boolean paged;
    private int page, perPage = MatmulVariant.values().length;
    /** The height the chart needs for all four rungs side by side with their names. */
    private double chartNeed;
    private final Button prevPage = new Button("\u25c0 Back"), nextPage = new Button("Next \u25b6");
    private final Label pageLabel = new Label();
    private final HBox pager = new HBox(10, prevPage, pageLabel, nextPage);

    public SpeedLadderPane(Controller controller) {
        this.controller = controller;
        getStyleClass().add("mm-ladder");
        caption = new Label("The notebook's ladder on x_valid[:5] @ w (784\u00d710): each rung hands one loop to a bigger array "
                + "operation. Timed here in Java with ND4J (median of many runs after a warm-up), beside the notebook's "
                + "Python times. Bars are on a log scale: each grid line is 10\u00d7 faster.");
        caption.getStyleClass().add("mm-caption");
        caption.setWrapText(true);
        status.setId("ladder-status");
        status.getStyleClass().add("mm-strong");
        status.setWrapText(true);
        run.setId("ladder-run");
        run.setOnAction(e -> start());
        // The button keeps its words; the status wraps beside it (or under it, the pane being narrow).
        run.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        controls = new HBox(14, run, status);
        HBox.setHgrow(status, javafx.scene.layout.Priority.ALWAYS);
        status.setMinWidth(0);
        controls.setAlignment(Pos.CENTER_LEFT);
        top = new VBox(8, caption, controls);
        top.setPadding(new Insets(8, 12, 8, 12));
        captionPage.setPadding(new Insets(8, 12, 8, 12));
        controlsPage.setPadding(new Insets(8, 12, 8, 12));
        setTop(top);
        chart.setId("ladder-chart");
        chart.setPadding(new Insets(10));
        chart.widthProperty().addListener((o, was, now) -> draw());
        chart.heightProperty().addListener((o, was, now) -> draw());
        setCenter(chart);
        explain.setId("ladder-explain");
        explain.getStyleClass().add("mm-caption");
        explain.setWrapText(true);
        explain.setPadding(new Insets(4, 12, 10, 12));
        setBottom(explain);
        // Short of height, the explanation goes beside the chart rather than under the window's edge.
        heightProperty().addListener(o -> placeExplanation());
        widthProperty().addListener(o -> placeExplanation());
        explain.textProperty().addListener(o -> placeExplanation());
        prevPage.setId("ladder-prev");
        nextPage.setId("ladder-next");
        pageLabel.setId("ladder-page");
        pageLabel.getStyleClass().add("mm-strong");
        prevPage.setTooltip(new javafx.scene.control.Tooltip("Previous page (Left)"));
        nextPage.setTooltip(new javafx.scene.control.Tooltip("Next page (Right)"));
        for (Button b : new Button[]{prevPage, nextPage}) {
            b.setFocusTraversable(false);
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        prevPage.setOnAction(e -> previous());
        nextPage.setOnAction(e -> next());
        pager.setAlignment(Pos.CENTER_LEFT);
        pager.setPadding(new Insets(4, 12, 6, 12));
        controller.state().presentation.scale.addListener(o -> draw());
        controller.state().session.addListener((o, was, now) -> { if (now != null && wanted && measured.isEmpty()) start(); });
        status.setText("Timing starts when this panel is first shown.");
        draw();
    }

    /**
     * The explanation under the chart, or beside it (a third of the width) when the pane is too
     * short for the caption, the chart's rows and the explanation one above the other.
     */
    private void placeExplanation() {
        double w = getWidth(), h = getHeight();
        if (w <= 0 || h <= 0) return;
        double f = controller.state().presentation.fontPx();
        boolean pagedNow = h < topHeight(w) + chartNeed + 1;
        if (pagedNow != paged) {
            paged = pagedNow;
            page = 0;
            draw();
        }
        if (paged) {
            // The pager's row and the top block's own height at this width; split only when they cannot share the pane.
            boolean split = h < topHeight(w) + pager.prefHeight(w) + 1;
            if (split != splitTop) splitTop(split);
            showPage();
            return;
        }
        if (splitTop) splitTop(false);
        if (getTop() != top) {
            setTop(top);
            setCenter(chart);
            setBottom(null);
            setRight(null);
        }
        double need = getTop().prefHeight(w) + chart.getMinHeight() + explain.prefHeight(w);
        boolean beside = w > 40 * f && h < need;
        if (beside && getRight() != explain) {
            setBottom(null);
            explain.setPrefWidth(w / 3);
            explain.setMaxWidth(w / 3);
            setRight(explain);
        } else if (!beside && getBottom() != explain) {
            setRight(null);
            explain.setPrefWidth(Region.USE_COMPUTED_SIZE);
            explain.setMaxWidth(Double.MAX_VALUE);
            setBottom(explain);
        } else if (beside) {
            explain.setPrefWidth(w / 3);
            explain.setMaxWidth(w / 3);
        }
    }

    /** The top block's height {@code w} wide with the caption and the controls in it, wherever they stand now. */
    private double topHeight(double w) {
        double in = w - 24;
        return 16 + caption.prefHeight(in) + top.getSpacing() + controls.prefHeight(in);
    }

    /** The pages when paged: the caption, the rung pages, and the explanation once it has words. */
    private int pageCount() {
        int n = MatmulVariant.values().length;
        return lead() + (n + perPage - 1) / perPage + (explain.getText().isEmpty() ? 0 : 1);
    }

    /** The pages before the rungs: the caption with the Run button, or the two apart. */
    private int lead() { return splitTop ? 2 : 1; }

    /** Puts the caption and the controls in the top block, or (split) each on a page of its own. */
    private void splitTop(boolean split) {
        splitTop = split;
        if (split) {
            if (caption.getParent() != captionPage) captionPage.getChildren().setAll(caption);
            if (controls.getParent() != controlsPage) controlsPage.getChildren().setAll(controls);
        } else if (caption.getParent() != top) {
            captionPage.getChildren().clear();
            controlsPage.getChildren().clear();
            top.getChildren().setAll(caption, controls);
        }
    }

    private void showPage() {
        page = Math.max(0, Math.min(page, pageCount() - 1));
        int rungPages = pageCount() - lead() - (explain.getText().isEmpty() ? 0 : 1);
        Node front;
        String what;
        if (page == 0) {
            front = splitTop ? captionPage : top;
            what = "the ladder";
        } else if (splitTop && page == 1) {
            front = controlsPage;
            what = "timing";
        } else if (page < lead() + rungPages) {
            front = chart;
            int from = (page - lead()) * perPage, to = Math.min(MatmulVariant.values().length, from + perPage);
            what = to - from == 1 ? "rung " + (from + 1) + " of 4" : "rungs " + (from + 1) + "\u2013" + to + " of 4";
        } else {
            explain.setPrefWidth(Region.USE_COMPUTED_SIZE);
            explain.setMaxWidth(Double.MAX_VALUE);
            front = explain;
            what = "what it means";
        }
        setTop(null);
        setRight(null);
        if (getCenter() != front) setCenter(front);
        if (getBottom() != pager) setBottom(pager);
        pageLabel.setText("page " + (page + 1) + " of " + pageCount() + ": " + what);
        prevPage.setDisable(page == 0);
        nextPage.setDisable(page == pageCount() - 1);
        if (front == chart) draw();
    }

    /** Whether the pane shows its parts as pages (see {@link #paged}). */
    public boolean paged() { return paged; }

    /** The page in front when paged, from 0 (the caption), and how many there are. */
    public int page() { return page; }

    public int pages() { return pageCount(); }

    /** The rungs drawn on the chart now (all four unless paged). */
    public List<MatmulVariant> rungsShown() {
        List<MatmulVariant> all = List.of(MatmulVariant.values());
        if (!paged) return all;
        int from = Math.max(0, page - lead()) * perPage;
        return all.subList(Math.min(from, all.size()), Math.min(all.size(), from + perPage));
    }

    /** Paged, the next page; otherwise nothing (the ladder has no steps). */
    @Override public void next() {
        if (!paged || page >= pageCount() - 1) return;
        page++;
        showPage();
    }

    @Override public void previous() {
        if (!paged || page <= 0) return;
        page--;
        showPage();
    }

    @Override public void reset() {
        if (!paged) return;
        page = 0;
        showPage();
    }

    @Override public void end() {
        if (!paged) return;
        page = pageCount() - 1;
        showPage();
    }

    /**
     * No minimum of its own: asked for the chart's full height, a short window would lay the pane
     * out taller than itself and the rungs would fall under its edge; short, it pages instead.
     */
    @Override protected double computeMinHeight(double width) { return 0; }

    /** Called when the panel comes to the front: the first time, the ladder runs. */
    public void shown() {
        wanted = true;
        if (measured.isEmpty() && !running) start();
    }

    /** Runs the ladder in the background (ND4J is slow to start and the triple loop is slow by design). */
    public void start() {
        Session session = controller.state().session.get();
        if (session == null) {
            status.setText("Waiting for MNIST to load\u2026");
            return;
        }
        if (running) return;
        running = true;
        run.setDisable(true);
        measured.clear();
        explain.setText("");
        draw();
        status.setText("Timing\u2026 the triple loop takes a while, which is the point.");
        INDArray a = session.data().xValid().get(NDArrayIndex.interval(0, 5), NDArrayIndex.all()).castTo(DataType.FLOAT).dup('c');
        Random rng = new Random(0);
        double[] wv = new double[784 * 10];
        for (int i = 0; i < wv.length; i++) wv[i] = rng.nextGaussian();
        INDArray w = Nd4j.create(wv, new long[]{784, 10}, 'c').castTo(DataType.FLOAT);
        controller.background().submit("Timing the matmul ladder", () -> SpeedLadder.run(a, w, 0.3,
                rung -> Background.onFx(() -> {
                    measured.put(rung.variant(), rung);
                    draw();
                })), rungs -> {
            running = false;
            run.setDisable(false);
            rungs.forEach(r -> measured.put(r.variant(), r));
            double worst = rungs.stream().mapToDouble(SpeedLadder.Rung::maxDiffFromBlas).max().orElse(0);
            SpeedLadder.Rung loop = measured.get(MatmulVariant.TRIPLE_LOOP), blas = measured.get(MatmulVariant.BLAS);
            status.setText(String.format(java.util.Locale.ROOT,
                    "Done. All four give the same product (largest difference from BLAS %.1e, float32 rounding).", worst));
            explain.setText("Java's triple loop took " + Fmt.time(loop.seconds()) + " where Python's took 835 ms: a compiled loop is cheap. "
                    + "Every ND4J call costs microseconds of overhead, so BLAS is "
                    + versus(loop.seconds(), blas.seconds()) + " than the loop here, against 45,879\u00d7 faster in the notebook. "
                    + "Times vary from run to run: this machine's cores are shared.");
            draw();
        });
    }

    /** The measured rungs so far (for tests and the report). */
    public Map<MatmulVariant, SpeedLadder.Rung> measured() { return Map.copyOf(measured); }

    public boolean running() { return running; }

    /**
     * How a rung taking {@code seconds} compares with the triple loop's {@code baseSeconds}, always
     * as a factor of 1 or more: {@code "2.4× faster"}, or {@code "2.4× slower"} for a rung
     * that lost (a "0.42× faster" makes the class do the division).
     */
    static String versus(double baseSeconds, double seconds) {
        double f = baseSeconds / seconds;
        return f >= 1 ? Fmt.factor(f) + " faster" : Fmt.factor(1 / f) + " slower";
    }

    /** 10^e seconds as an axis label: 1 µs, 10 µs, 100 µs, 1 ms, ... */
    private static String decade(int e) {
        String[] units = {"ns", "\u00b5s", "ms", "s"};
        int u = Math.floorDiv(e + 9, 3);
        if (u < 0 || u > 3) return "1e" + e + " s";
        int zeros = Math.floorMod(e + 9, 3);
        return "1" + "0".repeat(zeros) + " " + units[u];
    }

    /**
     * The chart in units of the root font size (the UI scale): rows high enough for a rung's
     * wrapped name, its bar and time, and the notebook's bar and time, without overlap; the
     * chart asks for that height (its minimum), so the pane's parent finds it the room.
     */
    private void draw() {
        chart.getChildren().clear();
        double f = controller.state().presentation.fontPx();
        int n = MatmulVariant.values().length;
        double w = chart.getWidth(), h = chart.getHeight();
        double nameW = Math.min(21 * f, Math.max(8 * f, w * 0.26)), right = 16 * f;
        int nameLines = 1;
        for (String name : NAMES.values()) nameLines = Math.max(nameLines, (int) Math.ceil(name.length() * 0.62 * 1.125 * f / (nameW - 12)));
        double barH = 1.25 * f;
        double rowMin = Math.max(0.3 * f + barH + 0.35 * f + 0.8 * f + 0.6 * f, 0.3 * f + nameLines * 1.4 * 1.125 * f + 0.2 * f);
        double axisH = 2.2 * f;
        // Paged, a rung is its name on a line, its bar with the time after it, and the notebook's bar with its time under it.
        double pagedRow = 1.4 * 1.125 * f + 0.2 * f + barH + 0.35 * f + 0.8 * f + 0.2 * f + 1.4 * 0.9375 * f + 0.5 * f;
        if (Math.abs(chartNeed - (n * rowMin + axisH + 20)) > 0.5) {
            chartNeed = n * rowMin + axisH + 20;
            javafx.application.Platform.runLater(this::placeExplanation);
        }
        // Unpaged the chart asks for its rows' height, so the pane's parent finds it the room; paged it takes the page.
        chart.setMinHeight(paged ? 0 : chartNeed);
        if (paged) {
            int fit = (int) Math.max(1, Math.floor((getHeight() - pager.prefHeight(-1) - axisH - 20) / pagedRow));
            if (fit != perPage) {
                perPage = Math.min(n, fit);
                javafx.application.Platform.runLater(this::showPage);
            }
        } else {
            perPage = n;
        }
        if (w <= 0 || h <= 0) return;
        // Paged, the bars start at the left edge and leave room on the right for the widest time.
        if (paged) nameW = -18;
        if (paged) right = 22 * 0.62 * 1.125 * f + 22;
        double x0 = nameW + 30, x1 = w - right;
        if (x1 - x0 < 100) x1 = x0 + 100;
        double lo = -6, hi = 0; // 1 µs .. 1 s
        for (SpeedLadder.Rung r : measured.values()) {
            lo = Math.min(lo, Math.floor(Math.log10(r.seconds())));
            hi = Math.max(hi, Math.ceil(Math.log10(r.seconds())));
        }
        double loF = lo, span = hi - lo, xa = x0, xb = x1;
        java.util.function.DoubleUnaryOperator xOf = s -> xa + (Math.log10(s) - loF) / span * (xb - xa);

        List<MatmulVariant> shown = rungsShown();
        if (paged) {
            rowMin = pagedRow;
            n = shown.size();
        }
        double rowH = Math.max(rowMin, Math.min(8 * f, (h - axisH - 20) / n)), top = 10;
        // Decade grid lines with their times; a label only where it does not run into the last one.
        double lastRight = Double.NEGATIVE_INFINITY;
        for (double e = lo; e <= hi; e++) {
            double x = xOf.applyAsDouble(Math.pow(10, e));
            Line l = new Line(x, top, x, top + n * rowH);
            l.setStroke(Color.web("#d1d5db"));
            l.getStrokeDashArray().addAll(4.0, 4.0);
            chart.getChildren().add(l);
            String label = decade((int) e);
            double tw = label.length() * 0.62 * 0.9375 * f;
            if (x - tw / 2 < lastRight + 0.5 * f) continue;
            lastRight = x + tw / 2;
            Text t = new Text(label);
            t.getStyleClass().add("mm-ladder-axis");
            t.setX(Math.max(2, x - tw / 2));
            t.setY(top + n * rowH + 1.4 * f);
            chart.getChildren().add(t);
        }
        SpeedLadder.Rung base = measured.get(MatmulVariant.TRIPLE_LOOP);
        double pyBase = SpeedLadder.notebookSeconds(MatmulVariant.TRIPLE_LOOP);
        int row = 0;
        for (MatmulVariant v : shown) {
            double y = top + row * rowH;
            Label name = new Label(NAMES.get(v));
            name.getStyleClass().add("mm-ladder-name");
            name.setWrapText(true);
            name.setPrefWidth(paged ? w - 24 : nameW);
            name.relocate(12, y + (paged ? 0 : 0.3 * f));
            chart.getChildren().add(name);

            SpeedLadder.Rung r = measured.get(v);
            double by = y + (paged ? 1.4 * 1.125 * f + 0.2 * f : 0.3 * f);
            if (r != null) {
                double bx = xOf.applyAsDouble(r.seconds());
                Rectangle bar = new Rectangle(x0, by, Math.max(3, bx - x0), barH);
                bar.setFill(COLORS.get(v));
                bar.setId("ladder-bar-" + v.name().toLowerCase());
                Label t = new Label(Fmt.time(r.seconds()) + "   " + (base == null ? "" : versus(base.seconds(), r.seconds())));
                if (v == MatmulVariant.TRIPLE_LOOP) t.setText(Fmt.time(r.seconds()) + "   (1\u00d7)");
                t.setId("ladder-time-" + v.name().toLowerCase());
                t.getStyleClass().add("mm-ladder-time");
                t.getStyleClass().add("mm-rung-" + v.name().toLowerCase());
                t.relocate(Math.max(bx, x0) + 10, by + barH / 2 - 0.7 * 1.125 * f);
                chart.getChildren().addAll(bar, t);
            } else {
                Label t = new Label(running ? "timing\u2026" : "");
                t.getStyleClass().add("mm-ladder-py");
                t.relocate(x0 + 8, by);
                chart.getChildren().add(t);
            }
            double py = SpeedLadder.notebookSeconds(v);
            double px = xOf.applyAsDouble(py);
            double pyH = 0.8 * f, py0 = by + barH + 0.35 * f;
            Rectangle pyBar = new Rectangle(x0, py0, Math.max(3, px - x0), pyH);
            pyBar.setFill(Color.web("#9ca3af"));
            Label pt = new Label("notebook (Python): " + Fmt.time(py) + (v == MatmulVariant.TRIPLE_LOOP ? "" : "   " + versus(pyBase, py)));
            pt.getStyleClass().add("mm-ladder-py");
            if (paged) pt.relocate(x0, py0 + pyH + 0.2 * f);
            else pt.relocate(px + 10, py0 + pyH / 2 - 0.7 * 0.9375 * f);
            chart.getChildren().addAll(pyBar, pt);
            row++;
        }
    }
}
