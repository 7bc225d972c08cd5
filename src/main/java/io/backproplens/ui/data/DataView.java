package io.backproplens.ui.data;

import io.backproplens.ui.core.Controller;

import io.backproplens.engine.Tensor;
import io.backproplens.session.Dataset;
import io.backproplens.session.Session;
import io.backproplens.stats.Summary;
import io.backproplens.ui.common.ColorMap;
import io.backproplens.ui.common.DigitImage;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

import java.util.Locale;

/**
 * The notebook's "Dataset" and "Normalize it" cells: shapes, mean and std of x_train and x_valid
 * before and after {@code normalize(x, train_mean, train_std)}, and the first digits as images.
 */
public final class DataView extends ScrollPane {
    private static final int DIGITS = 12;

    private final GridPane table = new GridPane();
    private final FlowPane digits = new FlowPane(12, 12);
    private final Label source = new Label("Loading MNIST\u2026");

    /** What the table shows, computed in the background (a summary of 39M values takes ~0.2 s). */
    record Stats(long[] xTrainShape, long[] yTrainShape, long[] xValidShape, long[] yValidShape,
                 double rawTrainMean, double rawTrainStd, Summary train, Summary valid) {}

    public DataView(Controller controller) {
        setId("data-view");
        setFitToWidth(true);
        Label title = new Label("Data and normalisation");
        title.getStyleClass().add("big-title");
        Label formula = new Label("""
                train_mean, train_std = x_train.mean(), x_train.std()
                x_train = normalize(x_train, train_mean, train_std)
                x_valid = normalize(x_valid, train_mean, train_std)   # the TRAINING statistics, never its own""");
        formula.getStyleClass().add("formula");
        table.setHgap(32);
        table.setVgap(6);
        table.setId("data-table");
        Label digitsTitle = new Label("The first training images and their labels (y_train)");
        digitsTitle.getStyleClass().add("section-title");
        VBox box = new VBox(18, title, source, table, formula, digitsTitle, digits);
        box.setPadding(new Insets(24));
        setContent(box);

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
        addRow(0, "", "shape", "mean", "std", true);
        // normalised = (raw - m) / s, so the raw statistics follow exactly from the normalised ones.
        double m = s.rawTrainMean(), sd = s.rawTrainStd();
        addRow(1, "x_train", shape(s.xTrainShape()), f(s.train().mean() * sd + m), f(s.train().std() * sd), false);
        addRow(2, "y_train", shape(s.yTrainShape()), "", "", false);
        addRow(3, "x_valid", shape(s.xValidShape()), f(s.valid().mean() * sd + m), f(s.valid().std() * sd), false);
        addRow(4, "y_valid", shape(s.yValidShape()), "", "", false);
        addRow(5, "x_train normalised", "", f(s.train().mean()), f(s.train().std()), false);
        addRow(6, "x_valid normalised", "", f(s.valid().mean()), f(s.valid().std()), false);
        digits.getChildren().clear();
        for (int i = 0; i < DIGITS && i < d.trainRows(); i++) {
            DigitImage image = new DigitImage(84);
            image.show(d.xTrain().getRow(i).toFloatVector(), ColorMap.VIRIDIS);
            Label label = new Label(Integer.toString(d.yTrain().getInt(i)), image);
            label.setContentDisplay(javafx.scene.control.ContentDisplay.TOP);
            label.setAlignment(Pos.CENTER);
            label.getStyleClass().add("digit-label");
            digits.getChildren().add(label);
        }
    }

    private void addRow(int row, String name, String shape, String mean, String std, boolean header) {
        Label[] cells = {new Label(name), new Label(shape), new Label(mean), new Label(std)};
        for (Label c : cells) c.getStyleClass().add(header ? "table-header" : "table-cell");
        cells[0].getStyleClass().add("formula");
        table.addRow(row, cells);
    }

    private static String shape(long[] shape) { return Tensor.shapeText(shape); }

    /** Four decimals, as the notebook prints {@code tensor(0.1304)}. */
    private static String f(double v) {
        String s = String.format(Locale.ROOT, "%.4f", v);
        return s.equals("-0.0000") ? "0.0000" : s;  // 2.1e-08 below zero is zero to 4 decimals
    }
}
