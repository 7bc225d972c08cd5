package io.backproplens.ui.shell;

import io.backproplens.ui.core.IconScale;
import io.backproplens.ui.core.InitNames;
import io.backproplens.ui.core.AppState;
import io.backproplens.ui.core.Controller;

import io.backproplens.engine.Init;
import io.backproplens.session.PassResult;
import io.backproplens.session.Settings;
import io.backproplens.ui.common.Fmt;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import org.controlsfx.validation.decoration.CompoundValidationDecoration;
import org.controlsfx.validation.decoration.GraphicValidationDecoration;
import org.controlsfx.validation.decoration.StyleClassValidationDecoration;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.Locale;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * The settings every view shares: init, seed, nh, ReLU shift, batch (all 50,000 as the notebook, or
 * a mini-batch) and the selected sample. A field applies on Enter or when it loses focus; a bad
 * value (nh = 0, a word where a number goes) is refused with a message naming the field, and the
 * current settings stay.
 */
public final class ControlsBar extends VBox {
    static final String ALL = "all";
    static final String MINI = "mini-batch";

    private final Controller controller;
    private final AppState state;
    /**
     * The notebook's inits, without randn * 0.01: that one matters for deep stacks (the Train view's
     * race, the depth sweep), and its longer name would widen the box and wrap this bar onto another
     * row at 1024x768, 200%. A setting that has it (a trained run's) still shows it.
     */
    private final ComboBox<Init> init = new ComboBox<>(FXCollections.observableArrayList(
            java.util.Arrays.stream(Init.values()).filter(i -> i != Init.SMALL).toList()));
    private final TextField seed = field("seed-field", 6, "Seed of the random weights: the same seed gives the same weights");
    private final TextField nh = field("nh-field", 4, "Hidden units (1 to " + Settings.MAX_NH + ")");
    // A number field, not a SegmentedButton "ReLU | ReLU - 0.5": the shift is any number (the
    // settings, scene files and the command line take e.g. 0.2), and two segments could show only two.
    // The two-way switch is the Activations view's (S), where the notebook's 0 and 0.5 are compared.
    private final TextField shift = field("shift-field", 4, "Subtracted after clamp_min(0.): the notebook tried 0.5");
    private final ComboBox<String> batchKind = new ComboBox<>(FXCollections.observableArrayList(ALL, MINI));
    private final TextField batch = field("batch-field", 6, "Rows of the training set in the pass");
    private final TextField sample = field("sample-field", 5, "The sample (row of the batch) the views draw");
    private final Label message = new Label();
    /**
     * The trained / initial switch: pressed, the Network and Activations views run on the trained
     * weights; released, on the initial ones. One toggle, not two segments: it must fit the last row
     * of this bar at 1024x768, 200%, where two segments would wrap onto a row of their own.
     */
    private final ToggleButton trainedWeights = new ToggleButton("Trained");
    private final javafx.scene.layout.StackPane weights;
    private boolean placing;
    private double measuredFont = -1, namedWidth, iconWidth;
    /** The field the message is about (its refused value), or null. */
    private TextField messageAbout;
    /** ControlsFX marks on the fields: an icon on the wrong field, its message on hover, gone when valid. */
    private final ValidationSupport validation = new ValidationSupport();
    private boolean syncing;
    /** The bar's one row: every group, or (compact) the init and the Settings button. */
    private final javafx.scene.layout.FlowPane row = new javafx.scene.layout.FlowPane(14, 4);
    private final HBox initGroup;
    /** seed, nh, ReLU shift, batch, sample: changed less often than the init, so behind Settings when compact. */
    private final java.util.List<HBox> lessUsed;
    /** Compact: the init and the Settings button, in one row that never wraps apart. */
    private final HBox compactRow = new HBox(10);
    /** Icon-only (the compact row is short of width), its tooltip names what it opens. */
    private final Button settings = new Button();
    private final VBox settingsBox = new VBox(10);
    private org.controlsfx.control.PopOver settingsPopOver;
    private boolean compact;

    public ControlsBar(Controller controller) {
        this.controller = controller;
        this.state = controller.state();
        getStyleClass().add("controls-bar");
        getStylesheets().add(Objects.requireNonNull(ControlsBar.class.getResource("/css/controls.css")).toExternalForm());

        init.setId("init-choice");
        init.setConverter(new StringConverter<>() {
            @Override public String toString(Init i) {
                return i == null ? "" : InitNames.of(i);
            }

            @Override public Init fromString(String s) { return Init.parse(s); }
        });
        init.setTooltip(new Tooltip("randn: std 1 \u2022 Xavier: randn/\u221a784 \u2022 Kaiming: randn\u00b7\u221a(2/784) \u2022 "
                + "notebook: Kaiming w1 with w2 = rand(nh,1)/\u221a784, what the notebook ran"));
        init.setFocusTraversable(true);
        init.valueProperty().addListener((o, was, now) -> {
            if (!syncing && now != null) apply("Init", s -> s.withInit(now));
        });

        batchKind.setId("batch-choice");
        batchKind.setConverter(new StringConverter<>() {
            @Override public String toString(String s) { return ALL.equals(s) ? "all " + Fmt.count(trainRows()) : s; }

            @Override public String fromString(String s) { return s; }
        });
        batchKind.valueProperty().addListener((o, was, now) -> {
            validation.revalidate();
            if (syncing || now == null) return;
            batch.setDisable(ALL.equals(now));
            if (ALL.equals(now)) apply("Batch", s -> s.withBatch(0));
            else applyBatch();
        });

        seed.setOnAction(e -> applySeed());
        nh.setOnAction(e -> applyNh());
        shift.setOnAction(e -> applyShift());
        batch.setOnAction(e -> applyBatch());
        sample.setOnAction(e -> applySample());
        onFocusLost(seed, this::applySeed);
        onFocusLost(nh, this::applyNh);
        onFocusLost(shift, this::applyShift);
        onFocusLost(batch, this::applyBatch);
        onFocusLost(sample, this::applySample);
        validation.setValidationDecorator(new CompoundValidationDecoration(
                new GraphicValidationDecoration(), new StyleClassValidationDecoration("field-invalid", "field-warning")));
        for (TextField f : fields()) {
            validation.registerValidator(f, false, (Control c, String text) -> {
                String problem = problem(f);
                return ValidationResult.fromErrorIf(c, problem, problem != null);
            });
            f.textProperty().addListener(o -> revalidated(f));
            f.setOnKeyPressed(e -> {
                if (e.getCode() == KeyCode.ESCAPE) {
                    sync();
                    clearMessage();
                }
            });
        }

        Button prevSample = iconButton("mdi2c-chevron-left", "Previous sample", "sample-prev");
        prevSample.setGraphic(IconScale.icon("mdi2c-chevron-left", state.presentation));
        prevSample.setOnAction(e -> setSample(state.sample.get() - 1));
        Button nextSample = iconButton("mdi2c-chevron-right", "Next sample", "sample-next");
        nextSample.setGraphic(IconScale.icon("mdi2c-chevron-right", state.presentation));
        nextSample.setOnAction(e -> setSample(state.sample.get() + 1));

        weights = weightsSwitch();

        // Label and control stay together; at a large UI scale the groups wrap instead of clipping.
        initGroup = group(label("Init"), init);
        lessUsed = java.util.List.of(
                group(label("seed"), seed),
                group(label("nh"), nh),
                group(label("ReLU shift"), shift),
                group(label("batch"), batchKind, batch),
                group(label("sample"), prevSample, sample, nextSample));
        row.getChildren().add(initGroup);
        row.getChildren().addAll(lessUsed);
        row.getChildren().add(weights);
        row.setAlignment(Pos.CENTER_LEFT);
        compactRow.setAlignment(Pos.CENTER_LEFT);
        settings.setGraphic(IconScale.icon("mdi2t-tune", state.presentation));
        settings.setId("settings-button");
        settings.setTooltip(new Tooltip("Settings: seed, nh, ReLU shift, batch and sample"));
        settings.setAccessibleText("Settings");
        settings.setMinWidth(Region.USE_PREF_SIZE);
        settings.setFocusTraversable(false);
        settings.setOnAction(e -> toggleSettings());
        settingsBox.setId("settings-box");
        settingsBox.getStyleClass().add("controls-bar");
        settingsBox.setPadding(new Insets(10));
        message.setId("controls-message");
        message.getStyleClass().add("controls-message");
        message.setWrapText(true);
        message.managedProperty().bind(message.visibleProperty());
        message.setVisible(false);
        getChildren().addAll(row, message);
        setPadding(new Insets(4, 10, 4, 10));
        setSpacing(4);

        state.settings.addListener(o -> sync());
        state.sample.addListener(o -> sync());
        state.pass.addListener(o -> sync());
        state.session.addListener(o -> sync());
        sync();
    }

    /**
     * Compact (a short window for its UI scale): the bar keeps the init and a Settings button in
     * one row, and the fields changed less often (seed, nh, ReLU shift, batch, sample) move into a
     * PopOver under that button. The fields are the same nodes, so their checks, marks and
     * messages are the same in both layouts.
     */
    public void setCompact(boolean on) {
        if (on == compact) return;
        compact = on;
        if (settingsPopOver != null) settingsPopOver.hide();
        if (on) {
            row.getChildren().clear();
            settingsBox.getChildren().setAll(lessUsed);
            compactRow.getChildren().setAll(initGroup, settings, weights);
            // The message goes where the window puts it (under the chrome's row, full width).
            getChildren().setAll(compactRow);
            setPadding(Insets.EMPTY);
            getStyleClass().add("controls-compact");
        } else {
            settingsBox.getChildren().clear();
            compactRow.getChildren().clear();
            row.getChildren().setAll(initGroup);
            row.getChildren().addAll(lessUsed);
            row.getChildren().add(weights);
            getChildren().setAll(row, message);
            setPadding(new Insets(4, 10, 4, 10));
            getStyleClass().remove("controls-compact");
        }
    }

    /** The message about a refused value, as a node: inside the bar, or (compact) where the window puts it. */
    Label messageLabel() { return message; }

    public boolean compact() { return compact; }

    /** Opens the Settings PopOver under its button (compact layout), or closes it. */
    void toggleSettings() {
        if (settingsPopOver == null) settingsPopOver = settingsPopOver();
        if (settingsPopOver.isShowing()) {
            settingsPopOver.hide();
            return;
        }
        // A popup is a window of its own, outside the root that carries the UI scale and the theme.
        javafx.scene.Parent root = getScene() == null ? null : getScene().getRoot();
        if (root != null) {
            settingsBox.setStyle(root.getStyle());
            settingsBox.getStyleClass().removeAll("theme-light", "theme-dark");
            for (String c : root.getStyleClass()) if (c.startsWith("theme-")) settingsBox.getStyleClass().add(c);
        }
        // It opens away from the window's nearer side edge: the compact row puts the button near the
        // right edge, where a PopOver opening rightwards would run out of the window.
        javafx.geometry.Bounds b = settings.localToScene(settings.getBoundsInLocal());
        boolean right = getScene() != null && b.getCenterX() > getScene().getWidth() / 2;
        settingsPopOver.setArrowLocation(right ? org.controlsfx.control.PopOver.ArrowLocation.TOP_RIGHT
                : org.controlsfx.control.PopOver.ArrowLocation.TOP_LEFT);
        settingsPopOver.show(settings);
    }

    /** Whether the Settings PopOver is open. */
    public boolean settingsShown() { return settingsPopOver != null && settingsPopOver.isShowing(); }

    private org.controlsfx.control.PopOver settingsPopOver() {
        org.controlsfx.control.PopOver p = new org.controlsfx.control.PopOver(settingsBox);
        p.setId("settings-popover");
        p.setTitle("Settings");
        p.setHeaderAlwaysVisible(false);
        p.setDetachable(false);
        p.setAutoHide(true);
        p.setArrowLocation(org.controlsfx.control.PopOver.ArrowLocation.TOP_LEFT);
        p.getRoot().getStylesheets().addAll(getStylesheets());
        // Enter applies the field (its own handler runs first) and Esc restores it; then the
        // PopOver closes and the window has the keys again, so the clicker steps at once.
        settingsBox.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.ESCAPE) javafx.application.Platform.runLater(p::hide);
        });
        return p;
    }

    /**
     * Trained (what the Train view trained from the same settings) or, released, the settings'
     * seeded weights. Off until a model the views can draw was trained; pressing it takes that run's
     * init, seed, nh and ReLU shift into the settings, so releasing it shows where it started.
     */
    private javafx.scene.layout.StackPane weightsSwitch() {
        trainedWeights.setId("weights-trained");
        trainedWeights.setGraphic(IconScale.icon("mdi2s-school", state.presentation));
        trainedWeights.setFocusTraversable(false);
        trainedWeights.setMinWidth(Region.USE_PREF_SIZE);
        trainedWeights.selectedProperty().addListener((o, was, now) -> {
            if (!syncing) state.showTrained.set(now);
        });
        trainedWeights.disableProperty().bind(state.trained.isNull());
        // On a wrapper, not the button: a disabled button shows no tooltip, and this one says why.
        javafx.scene.layout.StackPane box = new javafx.scene.layout.StackPane(trainedWeights);
        box.setId("weights-switch");
        box.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        Tooltip tip = new Tooltip();
        Tooltip.install(box, tip);
        state.showTrained.addListener(o -> sync());
        state.trained.addListener(o -> syncTrainedTip(tip));
        syncTrainedTip(tip);
        return box;
    }

    private void syncTrainedTip(Tooltip tip) {
        var t = state.trained.get();
        tip.setText(t == null
                ? "Trained: train a model in the Train view, then step through its pass here"
                : "Trained: the model trained in the Train view (" + t.model() + ") after " + t.what()
                + "; the Network and Activations views run the pass on it. "
                + "Release it for the initial weights.");
    }

    /** A new font size or width lays the bar out again: then the switch may need to shrink to its icon. */
    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        if (placing) return;
        placing = true;
        javafx.application.Platform.runLater(() -> {
            placing = false;
            fitWeights();
        });
    }

    /**
     * The switch with its name where that fits the bar's last row; as an icon (its tooltip names
     * it) where only that fits (1024x768, 200%); with its name on a row of its own otherwise.
     */
    private void fitWeights() {
        if (compact) {
            // The compact row is short of width by definition: the icon, its tooltip names it.
            trainedWeights.setContentDisplay(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY);
            return;
        }
        double width = row.getWidth() - row.getInsets().getLeft() - row.getInsets().getRight();
        if (width <= 0) return;
        java.util.List<javafx.scene.Node> others = new java.util.ArrayList<>(row.getChildren());
        others.remove(weights);
        // Its two widths, measured once per font size: measuring flips the button, which lays it out again.
        double font = trainedWeights.getFont().getSize();
        if (font != measuredFont) {
            javafx.scene.control.ContentDisplay shown = trainedWeights.getContentDisplay();
            trainedWeights.setContentDisplay(javafx.scene.control.ContentDisplay.LEFT);
            namedWidth = weights.prefWidth(-1);
            trainedWeights.setContentDisplay(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY);
            iconWidth = weights.prefWidth(-1);
            trainedWeights.setContentDisplay(shown);
            measuredFont = font;
        }
        int rows = rows(others, width, row.getHgap(), 0);
        boolean iconOnly = rows(others, width, row.getHgap(), namedWidth) > rows && rows(others, width, row.getHgap(), iconWidth) == rows;
        var display = iconOnly ? javafx.scene.control.ContentDisplay.GRAPHIC_ONLY : javafx.scene.control.ContentDisplay.LEFT;
        if (trainedWeights.getContentDisplay() != display) trainedWeights.setContentDisplay(display);
    }

    /** Rows a FlowPane of this width makes of the nodes, and one more of width {@code extra} if > 0. */
    private static int rows(java.util.List<javafx.scene.Node> nodes, double width, double gap, double extra) {
        int rows = 1;
        double x = -gap;
        java.util.List<Double> widths = new java.util.ArrayList<>();
        for (javafx.scene.Node n : nodes) if (n.isManaged()) widths.add(n.prefWidth(-1));
        if (extra > 0) widths.add(extra);
        for (double w : widths) {
            if (x + gap + w > width && x > 0) { rows++; x = w; }
            else x += gap + w;
        }
        return rows;
    }


    /** The message about the last refused value, or empty. */
    public String message() { return message.isVisible() ? message.getText() : ""; }

    /**
     * What is wrong with a field's text, in the words the message and the field's mark show
     * ({@code "seed: '42x' is not a whole number"}), or null when it is a value the settings take.
     * The one check behind the live marks and the refusal on Enter; the ranges are the engine's.
     */
    String problem(TextField f) {
        String text = f.getText() == null ? "" : f.getText().trim();
        try {
            if (f == seed) {
                long v = wholeLong("seed", text);
                state.settings.get().withSeed(v);
            } else if (f == nh) {
                int v = whole("nh", text);
                state.settings.get().withNh(v);
            } else if (f == shift) {
                double v;
                try {
                    v = Double.parseDouble(text);
                } catch (NumberFormatException e) {
                    return "ReLU shift: '" + text + "' is not a number";
                }
                state.settings.get().withReluShift(v);
            } else if (f == batch) {
                if (ALL.equals(batchKind.getValue())) return null;
                int v = whole("batch", text);
                if (v < 1 || v > trainRows()) return "batch: a mini-batch has 1 to " + Fmt.count(trainRows()) + " rows, got " + v;
            } else if (f == sample) {
                int v = whole("sample", text), rows = batchRows();
                if (v < 0 || v >= rows) {
                    return "sample: must be between 0 and " + (rows - 1) + " (the batch has " + Fmt.count(rows) + " rows), got " + v;
                }
            }
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /** The field's name, as its messages start. */
    private String nameOf(TextField f) {
        return f == seed ? "seed" : f == nh ? "nh" : f == shift ? "ReLU shift" : f == batch ? "batch" : "sample";
    }

    private static long wholeLong(String name, String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": '" + text + "' is not a whole number");
        }
    }

    private static int whole(String name, String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": '" + text + "' is not a whole number");
        }
    }

    /** Checks the field; a bad value is refused (message, mark), a good one applied. */
    private boolean checked(TextField f) {
        String problem = problem(f);
        if (problem == null) return true;
        boolean named = problem.toLowerCase(Locale.ROOT).startsWith(nameOf(f).toLowerCase(Locale.ROOT));
        refuseText(named ? problem : nameOf(f) + ": " + problem, f);
        return false;
    }

    private void applySeed() {
        if (!checked(seed)) return;
        long v = Long.parseLong(seed.getText().trim());
        if (v != state.settings.get().seed()) apply("seed", s -> s.withSeed(v), seed);
        else clearError(seed);
    }

    private void applyNh() {
        if (!checked(nh)) return;
        int v = Integer.parseInt(nh.getText().trim());
        if (v != state.settings.get().nh()) apply("nh", s -> s.withNh(v), nh);
        else clearError(nh);
    }

    private void applyShift() {
        if (!checked(shift)) return;
        double v = Double.parseDouble(shift.getText().trim());
        if (v != state.settings.get().reluShift()) apply("ReLU shift", s -> s.withReluShift(v), shift);
        else clearError(shift);
    }

    private void applyBatch() {
        if (ALL.equals(batchKind.getValue()) || !checked(batch)) return;
        int v = Integer.parseInt(batch.getText().trim());
        if (v != state.settings.get().batch()) apply("batch", s -> s.withBatch(v), batch);
        else clearError(batch);
    }

    private void applySample() {
        if (checked(sample)) setSample(Integer.parseInt(sample.getText().trim()));
    }

    private void setSample(int v) {
        int rows = batchRows();
        if (v < 0 || v >= rows) {
            refuseText("sample: must be between 0 and " + (rows - 1) + " (the batch has " + Fmt.count(rows) + " rows), got " + v, sample);
            return;
        }
        clearMessage();
        state.sample.set(v);
        sync();
    }

    private void apply(String field, UnaryOperator<Settings> change, TextField... fields) {
        String error = controller.update(change);
        if (error != null) {
            // The engine's messages mostly name the field already ("nh (hidden units) must be ...").
            boolean named = error.toLowerCase(Locale.ROOT).startsWith(field.toLowerCase(Locale.ROOT));
            refuseText(named ? error : field + ": " + error, fields.length > 0 ? fields[0] : null);
            return;
        }
        clearMessage();
        sync();
    }

    private void refuseText(String text, TextField f) {
        Settings s = state.settings.get();
        message.setText("\u26a0 " + text + ". Kept the current settings (" + describe(s) + ").");
        message.setVisible(true);
        messageAbout = f;
        if (f != null && !f.getStyleClass().contains("field-error")) f.getStyleClass().add("field-error");
    }

    private void clearMessage() {
        message.setVisible(false);
        message.setText("");
        messageAbout = null;
        for (TextField f : fields()) clearError(f);
    }

    /**
     * The field holds a good value again: its refusal is over, the mark and the message go at once
     * (not at the next Enter), whether or not the value is then applied.
     */
    private void revalidated(TextField f) {
        if (problem(f) != null) return;
        clearError(f);
        if (messageAbout == f) {
            message.setVisible(false);
            message.setText("");
            messageAbout = null;
        }
    }

    private TextField[] fields() { return new TextField[]{seed, nh, shift, batch, sample}; }

    private static void clearError(TextField f) { f.getStyleClass().remove("field-error"); }

    /** Shows the current settings in the fields, unless a field holds a refused value being fixed. */
    private void sync() {
        syncing = true;
        try {
            Settings s = state.settings.get();
            init.setValue(s.init());
            setIfClean(seed, Long.toString(s.seed()));
            setIfClean(nh, Integer.toString(s.nh()));
            setIfClean(shift, Fmt.num(s.reluShift()));
            batchKind.setValue(s.batch() == 0 ? ALL : MINI);
            batch.setDisable(s.batch() == 0);
            setIfClean(batch, Integer.toString(s.batch() == 0 ? 1000 : s.batch()));
            setIfClean(sample, Integer.toString(state.sample.get()));
            trainedWeights.setSelected(state.showTrained.get());
        } finally {
            syncing = false;
        }
        // A new pass can change what is valid (the sample's range follows the batch).
        validation.revalidate();
    }

    private static void setIfClean(TextField f, String text) {
        if (!f.getStyleClass().contains("field-error") && !f.getText().equals(text)) f.setText(text);
    }

    private int trainRows() {
        return state.session.get() == null ? 50_000 : state.session.get().data().trainRows();
    }

    private int batchRows() {
        PassResult p = state.pass.get();
        if (p != null) return (int) p.trace().tensorsAfter(-1).get("x").shape()[0];
        int b = state.settings.get().batch();
        return b == 0 ? trainRows() : Math.min(b, trainRows());
    }

    private static String describe(Settings s) {
        return s.init() + ", seed " + s.seed() + ", nh " + s.nh() + ", shift " + Fmt.num(s.reluShift()) + ", batch "
                + (s.batch() == 0 ? "all" : Integer.toString(s.batch()));
    }

    private void onFocusLost(TextField f, Runnable r) {
        f.focusedProperty().addListener((o, was, now) -> {
            if (!now && !syncing) r.run();
        });
    }

    private static TextField field(String id, int columns, String tip) {
        TextField f = new TextField();
        f.setId(id);
        f.setPrefColumnCount(columns);
        f.setTooltip(new Tooltip(tip));
        return f;
    }

    private static HBox group(javafx.scene.Node... nodes) {
        HBox g = new HBox(6, nodes);
        g.setAlignment(Pos.CENTER_LEFT);
        return g;
    }

    private static Label label(String text) {
        Label l = new Label(text);
        l.setMinWidth(Region.USE_PREF_SIZE);
        l.getStyleClass().add("controls-label");
        return l;
    }

    private static Button iconButton(String icon, String tip, String id) {
        Button b = new Button(null, new FontIcon(icon));
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.getStyleClass().add("button-icon");
        b.setFocusTraversable(false);
        return b;
    }
}
