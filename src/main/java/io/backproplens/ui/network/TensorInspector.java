package io.backproplens.ui.network;

import io.backproplens.engine.TensorRef;
import io.backproplens.engine.Trace;
import io.backproplens.explain.Derivation;
import io.backproplens.stats.Summary;
import io.backproplens.ui.core.ErrorDialogs;
import io.backproplens.ui.common.Fmt;
import io.backproplens.ui.common.HeatmapView;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tensor inspector: the list of every tensor that exists at the current step (values and
 * {@code .g}), and for the selected one a heatmap, its shape, mean, std, min and max; hovering a
 * cell tells its index and value. Statistics and pictures are computed in the background.
 */
public final class TensorInspector extends BorderPane {
    private final InspectionWorker worker = new InspectionWorker();
    private final ObservableList<String> items = FXCollections.observableArrayList();
    private final ListView<String> list = new ListView<>(items);
    private final ReadOnlyStringWrapper selected = new ReadOnlyStringWrapper();
    private final ReadOnlyObjectWrapper<Inspection> shown = new ReadOnlyObjectWrapper<>();
    private final Label title = new Label("No tensor");
    private final Label kind = new Label();
    private final Label status = new Label();
    private final HeatmapView heatmap = new HeatmapView();
    private final Label scalarValue = new Label();
    private final VBox heatInfo;
    private final ToggleGroup modeGroup = new ToggleGroup();
    private final Map<InspectMode, ToggleButton> modeButtons = new EnumMap<>(InspectMode.class);
    private final Map<String, Label> stats = new LinkedHashMap<>();
    private Map<String, TensorRef> offered = Map.of();
    private Set<String> reads = Set.of();
    private Set<String> writes = Set.of();
    private int sample;
    /** The mode chosen per tensor label; otherwise the first available. */
    private final Map<String, InspectMode> chosenMode = new java.util.HashMap<>();
    private boolean updatingList;
    private Runnable onSelectionChanged = () -> {};
    /** Marks the chosen heatmap cell of a .g; opening it derives the element. */
    private final CellPicker picker = new CellPicker(heatmap);
    private final DerivationPanel derivation = new DerivationPanel();
    private final DerivationWorker deriver = new DerivationWorker();
    /** The pass whose .g elements are derived (the trace the offered tensors come from). */
    private Trace trace;
    /** The inspection whose picture the picker's cells index. */
    private Inspection picked;
    private final javafx.scene.control.Button save = new javafx.scene.control.Button("Save\u2026");
    private java.util.function.Consumer<TensorRef> onSave = t -> {};
    private java.util.function.Consumer<io.backproplens.explain.ElementProduct> onStepIt = p -> {};

    public TensorInspector() {
        getStyleClass().add("tensor-inspector");
        list.setId("tensor-list");
        list.setCellFactory(v -> new TensorCell());
        list.getStyleClass().add("tensor-list");
        list.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (!updatingList && now != null) select(now);
        });
        setLeft(list);
        BorderPane.setMargin(list, new Insets(0, 8, 0, 0));

        title.setId("inspector-title");
        title.getStyleClass().add("inspector-title");
        kind.getStyleClass().add("inspector-kind");
        kind.setId("inspector-kind");
        status.setId("inspector-status");
        status.getStyleClass().add("inspector-status");
        HBox modes = new HBox(4);
        modes.setAlignment(Pos.CENTER_LEFT);
        for (InspectMode m : InspectMode.values()) {
            ToggleButton b = new ToggleButton(m.text());
            b.setId("mode-" + m.name().toLowerCase());
            b.setToggleGroup(modeGroup);
            b.setUserData(m);
            b.setFocusTraversable(false);
            b.getStyleClass().add("mode-button");
            modeButtons.put(m, b);
            modes.getChildren().add(b);
        }
        modeGroup.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                // A toggle group lets the user deselect; keep one mode selected.
                if (was != null) was.setSelected(true);
                return;
            }
            String label = selected.get();
            if (label != null && !updatingList) {
                chosenMode.put(label, (InspectMode) now.getUserData());
                inspect();
            }
        });
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        kind.setMinWidth(0);
        title.setMinWidth(Region.USE_PREF_SIZE);
        modes.setMinWidth(Region.USE_PREF_SIZE);
        HBox.setHgrow(kind, Priority.SOMETIMES);
        save.setId("btn-save-tensor");
        save.setMinWidth(Region.USE_PREF_SIZE);
        save.setFocusTraversable(false);
        save.setTooltip(new javafx.scene.control.Tooltip("Save this tensor as NumPy .npy or .csv"));
        save.setOnAction(e -> {
            TensorRef t = selected.get() == null ? null : offered.get(selected.get());
            if (t != null) onSave.accept(t);
        });
        save.disableProperty().bind(selected.isNull());
        // Wraps instead of cutting: at a narrow width or a large UI scale the buttons go under the title.
        save.setText(null);
        save.setGraphic(new org.kordamp.ikonli.javafx.FontIcon("mdi2c-content-save-outline"));
        javafx.scene.layout.FlowPane header = new javafx.scene.layout.FlowPane(10, 4, title, kind, modes, save);
        header.setAlignment(Pos.CENTER_LEFT);
        kind.setWrapText(true);
        kind.setMinWidth(0);

        GridPane statGrid = new GridPane();
        statGrid.setHgap(6);
        statGrid.setVgap(2);
        statGrid.getStyleClass().add("stat-grid");
        int r = 0;
        for (String s : List.of("shape", "count", "mean", "std", "min", "max")) {
            Label name = new Label(s);
            name.getStyleClass().add("stat-name");
            Label value = new Label("");
            value.setId("stat-" + s);
            value.getStyleClass().add("stat-value");
            stats.put(s, value);
            // Two pairs per row (shape/count, mean/std, min/max): three pairs put min and max
            // outside a 1280x720 window beside the heatmap.
            name.setMinWidth(Region.USE_PREF_SIZE);
            value.setMinWidth(Region.USE_PREF_SIZE);
            statGrid.add(name, (r % 2) * 2, r / 2);
            statGrid.add(value, (r % 2) * 2 + 1, r / 2);
            r++;
        }
        Label nonFinite = new Label();
        nonFinite.setId("stat-nonfinite");
        nonFinite.getStyleClass().add("stat-warning");
        nonFinite.setWrapText(true);
        stats.put("nonfinite", nonFinite);
        status.setWrapText(true);
        // Empty lines take no room: at 1280x720 the legend must stay in view.
        for (Label l : new Label[]{status, nonFinite}) l.managedProperty().bind(l.textProperty().isNotEmpty());
        // Legend, caption and hover beside the picture: at 1280x720 every pixel of height counts.
        heatInfo = heatmap.takeInfo();
        // As wide as the statistics: the caption and the hover line wrap under them instead of
        // widening the column past the window (at 1280x720 a sampled tensor's caption is 470 px).
        heatInfo.setMinWidth(0);
        // Their lines wrap whole: the caption says how the picture was sampled, so it is never cut.
        for (javafx.scene.Node n : heatInfo.getChildren()) if (n instanceof Label l) l.setMinHeight(Region.USE_PREF_SIZE);
        heatInfo.prefWidthProperty().bind(statGrid.widthProperty());
        VBox statColumn = new VBox(4, statGrid, nonFinite, status, heatInfo);
        statColumn.getStyleClass().add("stat-column");
        statColumn.setMinWidth(Region.USE_PREF_SIZE);
        statGrid.setMinWidth(Region.USE_PREF_SIZE);

        heatmap.setId("inspector-heatmap");
        scalarValue.setId("inspector-scalar");
        scalarValue.getStyleClass().add("inspector-scalar");
        scalarValue.setVisible(false);
        scalarValue.setMinWidth(Region.USE_PREF_SIZE);
        javafx.scene.layout.StackPane picture = new javafx.scene.layout.StackPane(heatmap, picker, scalarValue);
        picker.onExplain(this::explain);
        picker.onRelease(this::closeDerivation);
        picker.followWhile(derivation::open);
        picker.keepFocusOn(n -> {
            for (javafx.scene.Node p = n; p != null; p = p.getParent()) if (p == derivation) return true;
            return false;
        });
        derivation.onClose(this::closeDerivation);
        derivation.onStepIt(p -> onStepIt.accept(p));
        HBox.setHgrow(picture, Priority.ALWAYS);
        VBox.setVgrow(picture, Priority.ALWAYS);
        this.picture = picture;
        this.statColumn = statColumn;
        this.statGrid = statGrid;
        row.getChildren().setAll(picture, statColumn);
        VBox.setVgrow(row, Priority.ALWAYS);
        VBox.setVgrow(column, Priority.ALWAYS);
        body = new VBox(6, header, row);
        body.setMinWidth(0);
        bodyScroll = io.backproplens.ui.common.VerticalScroll.of(body, "inspector-scroll");
        bodyScroll.setContent(null);   // it holds the body only in the arrangements that stack
        setCenter(body);
        setPadding(new Insets(6));
        // Sized by the tab, never by its own parts: the width it is given chooses the arrangement.
        setMinWidth(0);
    }

    @Override
    protected void layoutChildren() {
        // Decided at layout, when the fonts of a new UI scale have reached every part it measures.
        arrange();
        super.layoutChildren();
    }

    /** How the list, the picture and the statistics share the width (a projector at 150-200% has little). */
    enum Arrangement {
        /** The list on the left, the picture and the statistics side by side (a desk at 100%). */
        WIDE,
        /** The list on the left, the statistics under the picture. */
        STACKED,
        /** The list across the top, a few rows tall, the statistics under the picture. */
        TOP
    }

    private final javafx.scene.layout.StackPane picture;
    private final VBox statColumn;
    private final GridPane statGrid;
    private final HBox row = new HBox(10);
    private final VBox column = new VBox(6);
    private final VBox body;
    /** Where the statistics go under the picture, the side may be too short for both: they scroll. */
    private final javafx.scene.control.ScrollPane bodyScroll;
    private Arrangement arrangement = Arrangement.WIDE;

    public Arrangement arrangement() { return arrangement; }

    private void arrange() {
        double w = getWidth() - getInsets().getLeft() - getInsets().getRight();
        if (w <= 0) return;
        double em = kind.getFont().getSize();
        // The list's width on the left (its CSS: 13.5 em of the root size, and its 8 px margin).
        double listW = LIST_EM * em + 8;
        double stats = statGrid.prefWidth(-1);
        // Beside the picture the statistics' column needs its whole height (in a short window it
        // would stand past the bottom); under it, the pane scrolls.
        double h = getHeight() - getInsets().getTop() - getInsets().getBottom();
        javafx.scene.Node header = body.getChildren().get(0);
        // At the column's own width, where the caption and the hover line wrap; with an em to spare.
        boolean tallEnough = header.prefHeight(w) + body.getSpacing() + statColumn.prefHeight(stats) + em <= h;
        Arrangement want = tallEnough && w >= listW + PICTURE_MIN_EM * em + 10 + stats ? Arrangement.WIDE
                : w >= listW + Math.max(stats, PICTURE_MIN_EM * em) ? Arrangement.STACKED : Arrangement.TOP;
        // Over the statistics the picture takes a fixed height, so their first rows are in view too
        // (the pane scrolls to the rest).
        double tall = want == Arrangement.WIDE ? Region.USE_COMPUTED_SIZE : STACKED_PICTURE_EM * em;
        picture.setMinHeight(tall);
        picture.setMaxHeight(want == Arrangement.WIDE ? Double.MAX_VALUE : tall);
        if (want == arrangement) return;
        arrangement = want;
        if (want == Arrangement.WIDE) {
            column.getChildren().clear();
            row.getChildren().setAll(picture, statColumn);
            body.getChildren().set(1, row);
            bodyScroll.setContent(null);
            setCenter(body);
        } else {
            row.getChildren().clear();
            column.getChildren().setAll(picture, statColumn);
            body.getChildren().set(1, column);
            setCenter(null);
            bodyScroll.setContent(body);
            setCenter(bodyScroll);
        }
        boolean top = want == Arrangement.TOP;
        list.getStyleClass().remove("tensor-list-row");
        if (top) list.getStyleClass().add("tensor-list-row");
        // Out of both places first: a BorderPane keeps a node set as left while it is still the top.
        setTop(null);
        setLeft(null);
        if (top) setTop(list);
        else setLeft(list);
        BorderPane.setMargin(list, top ? new Insets(0, 0, 6, 0) : new Insets(0, 8, 0, 0));
    }

    /** The picture's height over the statistics, in em. */
    private static final double STACKED_PICTURE_EM = 5;

    /** The list's width on the left, as network.css sets it, in em. */
    private static final double LIST_EM = 13.5;

    /** The narrowest the heatmap gets beside the statistics before they go under it, in em. */
    private static final double PICTURE_MIN_EM = 12;

    /** The label of the selected tensor ({@code w1.g}). */
    public ReadOnlyStringProperty selectedProperty() { return selected.getReadOnlyProperty(); }

    public String selected() { return selected.get(); }

    /** What the Save button does with the selected tensor (the view owns files and background work). */
    public void setOnSave(java.util.function.Consumer<TensorRef> action) { this.onSave = action; }

    /** What "Step it" in the derivation panel does with the element's product (the view routes it). */
    public void setOnStepIt(java.util.function.Consumer<io.backproplens.explain.ElementProduct> action) { this.onStepIt = action; }

    /** The inspection on screen (null while none has finished); tests wait on it. */
    public ReadOnlyObjectProperty<Inspection> shownProperty() { return shown.getReadOnlyProperty(); }

    /**
     * The tensors offered in the list, in order. (The list holds labels, never the tensors: a
     * record holding an INDArray compares element by element, 39 million of them for x.)
     */
    public List<TensorRef> offeredTensors() { return items.stream().map(offered::get).toList(); }

    public ListView<String> list() { return list; }

    public HeatmapView heatmap() { return heatmap; }

    /** The text shown for a statistic: shape, mean, std, min, max, count. */
    public String statText(String name) { return stats.get(name).getText(); }

    void onSelectionChanged(Runnable r) { this.onSelectionChanged = r; }

    /**
     * The panel that derives a clicked element of a {@code .g}; the view places it (it lies over the
     * view's side, larger than the inspector's band).
     */
    DerivationPanel derivationPanel() { return derivation; }

    /** The heatmap cell chooser (tests drive it as the keyboard does). */
    CellPicker picker() { return picker; }

    /** The pass whose gradients a click derives; a new pass closes an open derivation. */
    void explainWith(Trace trace) {
        if (trace != this.trace) closeDerivation();
        this.trace = trace;
    }

    /** Derives {@code label[index]} of the tensor shown, in the background, into the panel. */
    private void explain(long[] index) {
        Inspection in = shown.get();
        if (in == null || trace == null || !in.ref().grad()) return;
        String element = in.label() + java.util.Arrays.toString(index).replace(" ", "");
        derivation.computing(element);
        deriver.derive(trace, in.label(), index, derivation::show, e -> derivation.failed(element, e.getMessage()));
    }

    private void closeDerivation() {
        deriver.cancel();
        derivation.close();
    }

    /**
     * The tensors that exist at the current step and what the step reads and writes. The selection
     * stays if the tensor still exists (it is redrawn if its array changed: a new pass or step).
     */
    public void setContext(Map<String, TensorRef> offered, Set<String> reads, Set<String> writes, int sample) {
        setContext(offered, reads, writes, sample, null);
    }

    /** As {@link #setContext(Map, Set, Set, int)}, selecting {@code prefer} if it exists. */
    public void setContext(Map<String, TensorRef> offered, Set<String> reads, Set<String> writes, int sample,
                           String prefer) {
        this.offered = offered;
        this.reads = reads;
        this.writes = writes;
        this.sample = sample;
        updatingList = true;
        try {
            if (!items.equals(new java.util.ArrayList<>(offered.keySet()))) items.setAll(offered.keySet());
        } finally {
            updatingList = false;
        }
        list.refresh();
        if (offered.isEmpty()) {
            worker.cancel();
            selected.set(null);
            shown.set(null);
            heatmap.setRaster(null);
            title.setText("No tensor");
            return;
        }
        String label = prefer != null && offered.containsKey(prefer) ? prefer : selected.get();
        if (label == null || !offered.containsKey(label)) label = offered.keySet().iterator().next();
        select(label);
    }

    /** Shows the tensor with this label, if it exists at the current step. */
    public void select(String label) {
        TensorRef ref = offered.get(label);
        if (ref == null) return;
        boolean changed = !label.equals(selected.get());
        selected.set(label);
        updatingList = true;
        try {
            int at = items.indexOf(label);
            list.getSelectionModel().select(at);
            list.scrollTo(at);
            List<InspectMode> modes = InspectMode.available(ref);
            for (Map.Entry<InspectMode, ToggleButton> e : modeButtons.entrySet()) {
                e.getValue().setVisible(modes.contains(e.getKey()));
                e.getValue().setManaged(modes.contains(e.getKey()));
            }
            modeButtons.get(modeFor(ref)).setSelected(true);
        } finally {
            updatingList = false;
        }
        inspect();
        if (changed) onSelectionChanged.run();
    }

    /** Forgets cached statistics (call when a new pass replaces the arrays). */
    public void clearCache() { worker.clear(); }

    private InspectMode modeFor(TensorRef ref) {
        List<InspectMode> modes = InspectMode.available(ref);
        InspectMode m = chosenMode.get(ref.label());
        return m != null && modes.contains(m) ? m : modes.get(0);
    }

    private void inspect() {
        String label = selected.get();
        TensorRef ref = label == null ? null : offered.get(label);
        if (ref == null) return;
        InspectMode mode = modeFor(ref);
        int s = mode == InspectMode.SAMPLE ? sample : 0;
        Inspection now = shown.get();
        if (now != null && now.ref().sameArray(ref) && now.label().equals(label) && now.mode() == mode
                && now.sample() == s) {
            // Already computed: show it again (the header may show a tensor selected since, e.g. one
            // a hidden step writes) and drop any request still running for that other tensor.
            worker.cancel();
            showInspection(now);
            return;
        }
        title.setText(label);
        kind.setText(describe(ref, offered.containsKey("sm_pred")));
        // Nothing of the previous tensor stays on screen while this one is computed.
        for (Map.Entry<String, Label> e : stats.entrySet()) e.getValue().setText(e.getKey().equals("shape") ? ref.shapeText() : "");
        scalarValue.setText("");
        heatmap.setRaster(null);
        status.setText("computing\u2026");
        worker.inspect(ref, mode, s, this::showInspection, e -> {
            status.setText("");
            ErrorDialogs.show("Inspecting " + label, e);
        });
    }

    private void showInspection(Inspection in) {
        shown.set(in);
        if (in != picked) {
            // A new picture: its cells are other elements (or another tensor's); an open derivation
            // stays only while it explains the tensor still shown.
            picked = in;
            picker.setPicture(in.ref().grad() && in.summary().count() > 1 ? in.index() : null);
            Derivation d = derivation.shown();
            if (derivation.open() && (d == null || !d.element().startsWith(in.label() + "["))) closeDerivation();
        }
        Summary s = in.summary();
        title.setText(in.label());
        stats.get("shape").setText(in.shapeText());
        stats.get("mean").setText(Fmt.num(s.mean()));
        // A single value has no spread: torch prints nan, a class is better served by a dash.
        stats.get("std").setText(s.finiteCount() < 2 ? "\u2014" : Fmt.num(s.std()));
        stats.get("min").setText(Fmt.num(s.min()));
        stats.get("max").setText(Fmt.num(s.max()));
        stats.get("count").setText(Fmt.count(s.count()));
        stats.get("nonfinite").setText(s.nanCount() + s.infCount() == 0 ? ""
                : s.nanCount() + " NaN, " + s.infCount() + " inf (left out of the statistics)");
        status.setText("");
        // A scalar (the loss) is a number, not a 1x1 picture with a colour bar.
        boolean scalar = s.count() == 1;
        scalarValue.setText(scalar ? Fmt.num(s.mean()) : "");
        scalarValue.setVisible(scalar);
        heatmap.setVisible(!scalar);
        heatInfo.setVisible(!scalar);
        heatInfo.setManaged(!scalar);
        heatmap.setRaster(scalar ? null : in.raster());
    }

    private static String describe(TensorRef ref, boolean ce) {
        String name = ref.tensorName();
        if (ref.grad()) return "gradient of the loss w.r.t. " + name;
        // A trained stack numbers its tensors on: l(2k-1) is Lin k's output, l(2k) ReLU k's.
        if (name.matches("w\\d+")) return "weights";
        if (name.matches("b\\d+")) return "bias";
        if (name.matches("l\\d+")) {
            int n = Integer.parseInt(name.substring(1));
            return n == 2 ? "ReLU output (activations)" : n % 2 == 1 ? "Lin" + (n + 1) / 2 + " output" : "ReLU" + n / 2 + " output (activations)";
        }
        return switch (name) {
            case "x" -> "input batch (normalised pixels)";
            case "y" -> "target labels";
            case "out" -> ref.array().rank() == 2 && ref.array().size(1) > 1 ? "scores, one per digit (before log_softmax)" : "prediction";
            case "sm_pred" -> "log-probabilities of the ten digits";
            case "loss" -> ce ? "NLL loss" : "MSE loss";
            default -> "";
        };
    }

    /** A list row: the label and shape, marked when the current step reads or writes it. */
    private final class TensorCell extends ListCell<String> {
        @Override
        protected void updateItem(String label, boolean empty) {
            super.updateItem(label, empty);
            getStyleClass().removeAll("cell-read", "cell-write");
            TensorRef ref = label == null ? null : offered.get(label);
            if (empty || ref == null) {
                setText(null);
                return;
            }
            setText(ref.label() + "  " + ref.shapeText());
            if (writes.contains(ref.label())) getStyleClass().add("cell-write");
            else if (reads.contains(ref.label())) getStyleClass().add("cell-read");
        }
    }
}
