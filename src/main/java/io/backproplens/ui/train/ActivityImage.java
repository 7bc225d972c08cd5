package io.backproplens.ui.train;

import io.backproplens.ui.common.ColorMap;
import io.backproplens.ui.common.Fmt;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * fast.ai's "colorful dimension" plot of one model: for each ReLU layer a strip where x is the
 * batch, y the activation's value (its floor at the bottom, 10 above it at the top) and the colour
 * the count of values in that bin (log scale, viridis), with the share of units that were zero for
 * the whole latest batch. New batches are written into the picture as new columns, never the whole
 * picture again, so a frame costs the columns it adds.
 */
final class ActivityImage extends ChartCanvas {
    /** At most this many columns: a longer run puts several batches into one column (the latest wins). */
    static final int MAX_COLUMNS = 2048;

    private WritableImage image;
    private int columns, layers, written;
    private long plannedBatches;
    private Activity.View view;
    private String title = "";

    ActivityImage() { super("train-activity"); }

    /**
     * Adds the batches of {@code v} not yet in the picture.
     *
     * @param planned batches of the whole run (its epochs): the picture's x range
     */
    void show(Activity.View v, long planned, String title) {
        this.title = title;
        boolean rebuild = image == null || v.layers() != layers || planned != plannedBatches || v.n() < written;
        if (rebuild) {
            layers = v.layers();
            plannedBatches = Math.max(1, planned);
            columns = (int) Math.min(MAX_COLUMNS, plannedBatches);
            image = new WritableImage(columns, layers * Activity.BINS);
            written = 0;
        }
        PixelWriter pw = image.getPixelWriter();
        for (int i = written; i < Math.min(v.n(), plannedBatches); i++) {
            int c = (int) (i * columns / plannedBatches);
            for (int l = 0; l < layers; l++) {
                for (int b = 0; b < Activity.BINS; b++) {
                    float t = v.bin(i, l, b);
                    int y = l * Activity.BINS + (Activity.BINS - 1 - b);
                    pw.setArgb(c, y, t == 0 ? 0xff000000 | 0x1a0a2a : ColorMap.VIRIDIS.argb(t));
                }
            }
        }
        if (v != view || rebuild) invalidate();
        written = v.n();
        view = v;
    }

    int batchesShown() { return written; }

    @Override
    protected void draw(GraphicsContext g, double w, double h) {
        if (image == null) return;
        Font f = tickFont();
        g.setFont(f);
        double fs = f.getSize();
        // Each strip: the layer's name and dead share on a line above it, then the picture.
        double labelH = fs * 1.35, gap = fs * 0.3;
        // A line of text above each strip when the strips stay at least 0.6 lines tall, else one line for all.
        double strip = (h - layers * (labelH + gap)) / layers;
        boolean labelEach = strip >= fs * 0.6;
        if (!labelEach) strip = Math.max(1, (h - fs * 1.4) / layers);
        double pad = fs * 0.2;
        g.setImageSmoothing(false);
        double y = 0;
        if (!labelEach) {
            g.setFill(ink());
            text(g, (title.isEmpty() ? "" : title + ": ") + "relu1 (top) to " + layers + ", dead " + deadText(layers - 1), pad, 0, TextAlignment.LEFT, VPos.TOP);
            y = fs * 1.4;
        }
        for (int l = 0; l < layers; l++) {
            if (labelEach) {
                g.setFill(ink());
                String name = layers == 1 ? "relu" : "relu" + (l + 1);
                text(g, (l == 0 ? title + "  " : "") + name + ": " + deadText(l) + " of units dead", pad, y, TextAlignment.LEFT, VPos.TOP);
                y += labelH;
            }
            double x0 = 0, width = w;
            // Columns not trained yet are transparent: the strip's x axis is the whole run, as the loss chart's.
            g.drawImage(image, 0, l * Activity.BINS, columns, Activity.BINS, x0, y, width, strip);
            g.setStroke(grid());
            g.strokeRect(x0 + 0.5, y + 0.5, width - 1, strip - 1);
            y += strip + (labelEach ? gap : 0);
        }
    }

    private String deadText(int layer) {
        if (view == null || view.n() == 0) return "\u2013";
        return Fmt.percent(view.dead(view.n() - 1, layer));
    }
}
