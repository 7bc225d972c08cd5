package io.backproplens.ui.train;

import io.backproplens.engine.Head;
import io.backproplens.engine.Init;
import io.backproplens.train.TrainConfig;
import io.backproplens.ui.core.InitNames;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.util.StringConverter;
import org.controlsfx.validation.Severity;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import org.controlsfx.validation.Validator;

import java.util.Locale;
import java.util.function.Function;

/**
 * The training settings: head, depth, epochs, batch size, learning rate, init, seed and data order.
 * A field that does not parse, or a value the trainer refuses, is marked (ControlsFX validation)
 * and named in the message line; the run on screen stays until every field is valid again. A
 * valid change publishes a new {@link TrainConfig} (the view starts a new run from it).
 */
final class TrainControls extends FlowPane {
    private final ComboBox<Head> head = new ComboBox<>(FXCollections.observableArrayList(Head.values()));
    private final ComboBox<Init> init = new ComboBox<>(FXCollections.observableArrayList(Init.values()));
    private final TextField depth = field("train-depth", "1", 3, "Hidden Lin+ReLU layers, 1 to " + TrainConfig.MAX_DEPTH);
    private final TextField epochs = field("train-epochs", "1", 3, "Epochs: passes over the training set");
    private final TextField bs = field("train-bs", Integer.toString(TrainConfig.DEFAULT_BS), 4, "Batch size: rows per mini-batch");
    private final TextField lr = field("train-lr", "", 4, "Learning rate: w -= lr * w.g");
    private final TextField seed = field("train-seed", "42", 4, "Seed of the weights (and of the shuffled order)");
    private final CheckBox shuffle = new CheckBox("shuffle");
    private final ValidationSupport validation = new ValidationSupport();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    /** The valid settings now. */
    final ObjectProperty<TrainConfig> config = new SimpleObjectProperty<>();
    private boolean applying;

    TrainControls(TrainConfig initial) {
        getStyleClass().add("train-controls");
        setHgap(10);
        setVgap(4);
        setAlignment(Pos.CENTER_LEFT);
        head.setId("train-head");
        init.setId("train-init");
        shuffle.setId("train-shuffle");
        head.setConverter(converter(Head::id, Head::parse));
        init.setConverter(converter(InitNames::of, Init::parse));
        head.setTooltip(new Tooltip("mse: one output regressed on the label (the seed notebook); ce: 10 outputs, log_softmax + nll"));
        shuffle.setTooltip(new Tooltip("Off: the data's order, as 03_minibatch_training; on: a new seeded order each epoch"));
        shuffle.setFocusTraversable(false);
        set(initial);

        validation.setErrorDecorationEnabled(true);
        validation.registerValidator(depth, false, check("depth", s -> {
            int d = Integer.parseInt(s.trim());
            return d >= 1 && d <= TrainConfig.MAX_DEPTH ? null : "depth must be between 1 and " + TrainConfig.MAX_DEPTH + ", got " + d;
        }));
        validation.registerValidator(epochs, false, check("epochs", s -> Integer.parseInt(s.trim()) >= 1 ? null : "epochs must be at least 1"));
        validation.registerValidator(bs, false, check("bs", s -> Integer.parseInt(s.trim()) >= 1 ? null : "bs (batch size) must be at least 1"));
        validation.registerValidator(lr, false, check("lr", s -> {
            double v = Double.parseDouble(s.trim());
            return v > 0 && Double.isFinite(v) ? null : "lr must be a positive finite number";
        }));
        validation.registerValidator(seed, false, check("seed", s -> { Long.parseLong(s.trim()); return null; }));

        for (TextField f : new TextField[]{depth, epochs, bs, lr, seed}) {
            f.setOnAction(e -> apply());
            f.focusedProperty().addListener((o, was, now) -> { if (!now) apply(); });
        }
        head.valueProperty().addListener((o, was, now) -> {
            // The default learning rate follows the head unless the teacher chose another.
            if (!applying && was != null && now != null && lr.getText().trim().equals(num(TrainConfig.defaultLr(was)))) {
                lr.setText(num(TrainConfig.defaultLr(now)));
            }
            apply();
        });
        init.valueProperty().addListener(o -> apply());
        shuffle.selectedProperty().addListener(o -> apply());

        Label message = new Label();
        message.setId("train-problem");
        message.getStyleClass().add("train-problem");
        message.textProperty().bind(problem);
        message.managedProperty().bind(problem.isNotEmpty());
        message.visibleProperty().bind(problem.isNotEmpty());
        message.setWrapText(true);
        getChildren().addAll(group("head", head), group("depth", depth), group("epochs", epochs), group("bs", bs),
                group("lr", lr), group("init", init), group("seed", seed), shuffle, message);
        config.set(initial);
    }

    /** Shows {@code c} in the fields (and publishes it). */
    void set(TrainConfig c) {
        applying = true;
        head.setValue(c.head());
        init.setValue(c.init());
        depth.setText(Integer.toString(c.depth()));
        epochs.setText(Integer.toString(c.epochs()));
        bs.setText(Integer.toString(c.bs()));
        lr.setText(num(c.lr()));
        seed.setText(Long.toString(c.seed()));
        shuffle.setSelected(c.shuffle());
        applying = false;
        problem.set("");
        config.set(c);
    }

    /** What is wrong with the fields, naming the field; empty when all are valid. */
    ReadOnlyStringProperty problemProperty() { return problem.getReadOnlyProperty(); }

    /** Reads every field; publishes the config if all are valid, else names the first bad one. */
    void apply() {
        if (applying) return;
        try {
            TrainConfig base = config.get();
            TrainConfig c = base.withHead(head.getValue()).withInit(init.getValue())
                    .withDepth(parseInt("depth", depth)).withEpochs(parseInt("epochs", epochs)).withBs(parseInt("bs", bs))
                    .withLr(parseDouble("lr", lr)).withSeed(parseLong("seed", seed)).withShuffle(shuffle.isSelected());
            problem.set("");
            if (!c.equals(base)) config.set(c);
        } catch (IllegalArgumentException e) {
            problem.set(e.getMessage() + " (the run on screen stays)");
        }
    }

    private static int parseInt(String name, TextField f) {
        try {
            return Integer.parseInt(f.getText().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, got '" + f.getText() + "'");
        }
    }

    private static long parseLong(String name, TextField f) {
        try {
            return Long.parseLong(f.getText().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, got '" + f.getText() + "'");
        }
    }

    private static double parseDouble(String name, TextField f) {
        try {
            return Double.parseDouble(f.getText().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number, got '" + f.getText() + "'");
        }
    }

    /** A validator that names the field: {@code rule} returns null when fine, else the message. */
    private static Validator<String> check(String name, Function<String, String> rule) {
        return (control, value) -> {
            String msg;
            try {
                msg = value == null || value.isBlank() ? name + " is empty" : rule.apply(value);
            } catch (NumberFormatException e) {
                msg = name + " must be a number, got '" + value + "'";
            }
            return ValidationResult.fromMessageIf(control, msg, Severity.ERROR, msg != null);
        };
    }

    private static String num(double v) {
        String s = String.format(Locale.ROOT, "%.6g", v);
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }

    private static TextField field(String id, String text, int columns, String tip) {
        TextField f = new TextField(text);
        f.setId(id);
        f.setPrefColumnCount(columns);
        f.setTooltip(new Tooltip(tip));
        return f;
    }

    private static Node group(String name, Node control) {
        Label l = new Label(name);
        l.getStyleClass().add("train-field-label");
        l.setLabelFor(control);
        HBox box = new HBox(4, l, control);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private static <T> StringConverter<T> converter(Function<T, String> show, Function<String, T> parse) {
        return new StringConverter<>() {
            @Override public String toString(T t) { return t == null ? "" : show.apply(t); }

            @Override public T fromString(String s) { return parse.apply(s); }
        };
    }
}
