package io.backproplens.ui.core;

import io.backproplens.files.AtomicWrite;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import javax.imageio.ImageIO;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Saving what is on screen: a view as PNG at a chosen size, a tensor as .npy or .csv. */
public final class Exports {
    private Exports() {}

    /**
     * Renders a region at exactly {@code width x height} pixels and writes a PNG. The region is laid
     * out at that size for the snapshot and then given back its own size. Call on the FX thread.
     */
    public static void png(Region view, int width, int height, Path file) throws IOException {
        if (width < 100 || height < 100 || width > 8192 || height > 8192) {
            throw new IllegalArgumentException("image size must be between 100 and 8192 pixels a side, got " + width + "x" + height);
        }
        WritableImage image = render(view, width, height);
        writePng(image, file);
    }

    /**
     * Writes an image as PNG whole or not at all: ImageIO writing into the file itself would truncate
     * the previous picture first and leave a cut-off one on a full disk.
     */
    public static void writePng(WritableImage image, Path file) throws IOException {
        java.awt.image.BufferedImage picture = SwingFXUtils.fromFXImage(image, null);
        AtomicWrite.write(file, out -> {
            if (!ImageIO.write(picture, "png", out)) throw new IOException("no PNG writer in this Java");
        });
    }

    /**
     * A snapshot of the region laid out at the given size, as the window would show it at that
     * size: the region moves for the moment into an offscreen scene of exactly {@code width x height}
     * with the window's stylesheets, theme class and root font size (the UI scale), is laid out and
     * drawn there, and goes back where it was. Resizing it in place would leave it inside its own
     * parent's smaller bounds, drawn unscaled in a corner.
     */
    public static WritableImage render(Region view, int width, int height) {
        Scene home = view.getScene();
        if (home == null || !(view.getParent() instanceof Pane parent)) return renderInPlace(view, width, height);
        int index = parent.getChildren().indexOf(view);
        StackPane host = new StackPane();
        host.getStyleClass().addAll(inheritedClasses(view));
        host.setStyle(inheritedStyle(view));
        for (Parent p = view.getParent(); p != null; p = p.getParent()) host.getStylesheets().addAll(0, p.getStylesheets());
        Scene offscreen = new Scene(host, width, height);
        offscreen.getStylesheets().setAll(home.getStylesheets());
        offscreen.setFill(home.getFill());
        host.getChildren().add(view);  // leaves its parent for now
        try {
            host.applyCss();
            host.layout();
            layoutAll(view);
            return offscreen.snapshot(new WritableImage(width, height));
        } finally {
            host.getChildren().remove(view);
            parent.getChildren().add(Math.min(index, parent.getChildren().size()), view);
        }
    }

    /** The theme and mode classes ({@code theme-dark}, {@code presenter}) the window's ancestors carry. */
    private static List<String> inheritedClasses(Node view) {
        List<String> classes = new ArrayList<>();
        for (Parent p = view.getParent(); p != null; p = p.getParent()) {
            for (String c : p.getStyleClass()) {
                if ((c.startsWith("theme-") || c.equals("presenter")) && !classes.contains(c)) classes.add(c);
            }
        }
        return classes;
    }

    /** The ancestors' inline styles (the root font size of the UI scale), outermost first so the nearest wins. */
    private static String inheritedStyle(Node view) {
        StringBuilder style = new StringBuilder();
        for (Parent p = view.getParent(); p != null; p = p.getParent()) {
            if (p.getStyle() != null && !p.getStyle().isBlank()) style.insert(0, p.getStyle().strip() + " ");
        }
        return style.toString().strip();
    }

    /** For a region in no scene or no pane: laid out at the size where it is, then given back its size. */
    private static WritableImage renderInPlace(Region view, int width, int height) {
        double oldW = view.getWidth(), oldH = view.getHeight();
        view.resize(width, height);
        view.layout();
        layoutAll(view);
        SnapshotParameters params = new SnapshotParameters();
        WritableImage image = view.snapshot(params, new WritableImage(width, height));
        if (oldW > 0 && oldH > 0) {
            view.resize(oldW, oldH);
            view.layout();
        }
        return image;
    }

    private static void layoutAll(Node n) {
        if (n instanceof Parent p) {
            p.applyCss();
            p.layout();
            p.getChildrenUnmodifiable().forEach(Exports::layoutAll);
        }
    }

    /** Writes a tensor as NumPy {@code .npy} (ND4J's writer) so anyone can load it with numpy.load. */
    public static void npy(INDArray tensor, Path file) throws IOException {
        INDArray c = tensor.dup('c');
        AtomicWrite.write(file, out -> Nd4j.writeAsNumpy(c, out));
    }

    /** Writes a tensor of rank 0 to 2 as CSV, one row per line. */
    public static void csv(INDArray tensor, Path file) throws IOException {
        INDArray m = tensor.rank() == 2 ? tensor : tensor.reshape(1, tensor.length());
        long rows = m.size(0), cols = m.size(1);
        // One bulk copy out of native memory: element-wise getDouble would cross JNI 39M times.
        double[] d = m.castTo(DataType.DOUBLE).dup('c').data().asDouble();
        AtomicWrite.write(file, out -> {
            BufferedWriter w = new BufferedWriter(new java.io.OutputStreamWriter(out, java.nio.charset.StandardCharsets.UTF_8));
            for (long i = 0; i < rows; i++) {
                StringBuilder line = new StringBuilder();
                for (long j = 0; j < cols; j++) {
                    if (j > 0) line.append(',');
                    line.append(d[(int) (i * cols + j)]);
                }
                w.write(line.toString());
                w.newLine();
            }
            w.flush();
        });
    }
}
