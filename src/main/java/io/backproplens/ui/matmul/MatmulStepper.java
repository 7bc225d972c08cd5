package io.backproplens.ui.matmul;

import io.backproplens.ui.core.PlayBar;
import io.backproplens.ui.core.StepCursor;
import io.backproplens.ui.common.Fmt;
import io.backproplens.matmul.MatmulReplay;
import io.backproplens.matmul.MatmulStep;
import io.backproplens.matmul.MatmulVariant;
import io.backproplens.ui.core.Steppable;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.layout.FlowPane;
import org.controlsfx.control.PopOver;
import org.kordamp.ikonli.javafx.FontIcon;
import javafx.scene.control.ListView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The matmul stepper: grids {@code a}, {@code b} and {@code result}, the chosen loop variant
 * replayed step by step with the cells it reads and writes coloured alike, a picture of what the
 * step computes, the variant's code with the executing line highlighted, and the notebook's
 * {@code (i, k) (k, j) (i, j)} log. It shows whatever {@link Input} it is given: the user's own
 * matrices (editable) or a slice of a real backward pass (read-only).
 */
public final class MatmulStepper extends BorderPane implements Steppable {

    /**
     * What to multiply. {@code a}/{@code b} are null when {@code message} says why they cannot be
     * multiplied (a cell that is not a number, inner dimensions that differ); the texts still show
     * every cell as typed, and {@code aBad}/{@code bBad} mark the bad cells.
     */
    public record Input(String aName, String bName, String rName, int ar, int ac, int br, int bc,
                        MatrixGrid.Texts aText, MatrixGrid.Texts bText, Set<Cell> aBad, Set<Cell> bBad,
                        double[][] a, double[][] b, String message, int[] rowIds, int[] innerIds, int[] colIds) {

        /** Two valid matrices, shown by their values. */
        public static Input of(String aName, String bName, String rName, double[][] a, double[][] b) {
            return of(aName, bName, rName, a, b, null, null, null);
        }

        /**
         * Two valid matrices cut from bigger tensors: {@code rowIds} are the tensor's own indices of
         * a's rows (and the result's), {@code innerIds} of a's columns (b's rows), {@code colIds} of
         * b's columns; null counts from 0. Grids and formulas then name the real elements.
         */
        public static Input of(String aName, String bName, String rName, double[][] a, double[][] b,
                               int[] rowIds, int[] innerIds, int[] colIds) {
            return new Input(aName, bName, rName, a.length, a[0].length, b.length, b[0].length,
                    (r, c) -> Fmt.cell(a[r][c]), (r, c) -> Fmt.cell(b[r][c]), Set.of(), Set.of(), a, b, null,
                    rowIds, innerIds, colIds);
        }

        /** The tensor's own index of row {@code i} of a (and of the result). */
        public int row(int i) { return rowIds == null || i < 0 ? i : rowIds[i]; }

        /** The tensor's own index of column {@code k} of a (row k of b). */
        public int inner(int k) { return innerIds == null || k < 0 ? k : innerIds[k]; }

        /** The tensor's own index of column {@code j} of b (and of the result). */
        public int col(int j) { return colIds == null || j < 0 ? j : colIds[j]; }

        boolean sliced() { return rowIds != null || innerIds != null || colIds != null; }
    }

    private final String prefix;
    private final StepCursor cursor = new StepCursor();
    private final PlayBar bar;
    private final Map<MatmulVariant, ToggleButton> variantButtons = new EnumMap<>(MatmulVariant.class);
    private final ToggleGroup variantGroup = new ToggleGroup();
    private MatmulVariant variant = MatmulVariant.TRIPLE_LOOP;

    private final Label caption = new Label();
    private final Label aTitle = Labels.gridTitle(), bTitle = Labels.gridTitle(), rTitle = Labels.gridTitle();
    /** Tight: each grid's shape beside its name at the index labels' size, so the title is no wider than the grid. */
    private final Label aShape = shapeLabel(), bShape = shapeLabel(), rShape = shapeLabel();
    private final MatrixGrid aGrid = new MatrixGrid(), bGrid = new MatrixGrid(), rGrid = new MatrixGrid();
    private final Label message = new Label();
    private final HBox messageBox = new HBox();
    private final javafx.scene.layout.FlowPane gridsRow = new javafx.scene.layout.FlowPane(10, 8);
    private final StackPane detail = new StackPane();
    private final VBox top;
    /** The code panel and the log, as one column. */
    private final VBox side = new VBox(6);
    private final Label counter = new Label();
    /** The loop chooser, the play bar, and (compact) the code and editor buttons: one row of controls. */
    private final HBox controlsRow = new HBox(8);
    private final VBox controls = new VBox();
    private final FlowPane variants = new FlowPane(6, 6);
    private final Label chooseLabel = new Label("Loop:");
    /** Compact: the loop chooser as one button in the controls row, in place of a row of four. */
    private final MenuButton loopMenu = new MenuButton();
    private final ToggleGroup loopMenuGroup = new ToggleGroup();
    /** Compact: the code, in a PopOver, in place of the column beside the grids. */
    private final Button codeButton = new Button("Code", new FontIcon("mdi2c-code-braces"));
    private final CodePanel codeCopy;
    private final VBox codePopContent = new VBox();
    private final PopOver codePop = new PopOver();
    /** When short of height: the editor (the footer) in a PopOver, opened by this button. */
    private final Button editButton = new Button("Edit a, b", new FontIcon("mdi2p-pencil"));
    private final PopOver footerPop = new PopOver();
    private final VBox footerPopContent = new VBox();
    /** Compact: the counter over the grids' picture (beside the grids, or over them), not in the loop row. */
    private final VBox counterBox = new VBox(4);
    /** The triple's two parts (the loop variables, the printout of the step): one line, or two in a narrow column. */
    private String tripleVars = "", tripleLog = "";
    private boolean tripleTwoLines;
    /**
     * Compact: the index triple on one line, the loop variables and the notebook's printout of the step
     * ({@code i = 0  j = 1  k = 1 · (0, 1) (1, 1) (0, 1)}), where the code column stood.
     */
    private final Label triple = new Label();
    /** Tight, with the picture across the foot: its note beside the grids, under the triple, where there is room. */
    private final Label sideNote = new Label();
    private boolean compact, footerShown = true;
    /**
     * Tight (compact, when even the compact page would page): the counter stands in the controls
     * row, the code and editor buttons show their icons only, the cells are as wide as their
     * numbers (see {@link MatrixGrid#tightCellWidthFor}), the index triple stands in a column beside the grids and
     * the picture of the step beside them too or across the foot of the page.
     */
    private boolean tight;
    /** Tight: the triple's lines are packed to this width (its units never break); else -1. */
    private double tripleWrapW = -1;
    private Runnable onArranged;
    private final BlockPage page = new BlockPage();
    /** An extra block under the play bar (the matrix editor), or null. */
    private Node footer;
    /** How the blocks stand now (see {@link #choose}). */
    private Arrangement arrangement = Arrangement.STACKED;
    /** The UI scale's floor cell height when the arrangement was last chosen (a new scale chooses again). */
    private double chosenFloor, chosenW, chosenH;
    /** The width of the multiply-add's picture when it stands in a column of its own (compact beside), else -1. */
    private double detailW = -1;
    private boolean choosing;
    private final CodePanel code;
    private final Label logTitle = new Label();
    /** The log's title as a switch, when the side is folded: open the printout (the code lines fold away) or the code. */
    private final ToggleButton logOpen = new ToggleButton();
    /** The notebook's legend over its printout: which matrix each pair indexes. */
    private final Label logHead = new Label();
    private final ListView<String> log = new ListView<>();

    /** The text under the grids before the first step, or while stepping is off. */
    private final Label intro = new Label();
    /** One presenter per loop variant: what differs between them; everything else is here. */
    private final Map<MatmulVariant, LoopPresenter> presenters = new EnumMap<>(MatmulVariant.class);

    private Input input;
    private MatmulReplay replay;
    private double[][] resultNow = new double[0][0];
    private final javafx.beans.property.BooleanProperty motionOn = new javafx.beans.property.SimpleBooleanProperty(false);
    private final javafx.scene.layout.Pane motionLayer = new javafx.scene.layout.Pane();
    private final io.backproplens.ui.core.Motion motion;

    public MatmulStepper(String prefix) {
        this.prefix = prefix;
        getStyleClass().add("mm-stepper");
        code = new CodePanel(prefix + "-code");
        codeCopy = new CodePanel(prefix + "-code-copy");
        codePopContent.getChildren().setAll(codeCopy);
        bar = Labels.playBar(cursor, prefix);
        motion = new io.backproplens.ui.core.Motion(motionOn, bar::stepsPerSecond);

        // Top: the variant chooser (wraps rather than cut a button) and a caption saying what is multiplied.
        variants.setAlignment(Pos.CENTER_LEFT);
        Label choose = chooseLabel;
        choose.getStyleClass().add("mm-strong");
        variants.getChildren().add(choose);
        loopMenu.setId(prefix + "-loop-menu");
        loopMenu.getStyleClass().add("mm-variant");
        loopMenu.setTooltip(new javafx.scene.control.Tooltip("The loop: triple loop, innermost loop removed, broadcast or BLAS"));
        loopMenu.setFocusTraversable(false);
        loopMenu.setMinWidth(Region.USE_PREF_SIZE);
        for (MatmulVariant v : MatmulVariant.values()) {
            ToggleButton t = new ToggleButton(v.title());
            t.setId(prefix + "-variant-" + v.name().toLowerCase().replace('_', '-'));
            t.getStyleClass().add("mm-variant");
            t.setToggleGroup(variantGroup);
            t.setUserData(v);
            t.setMinWidth(Region.USE_PREF_SIZE);
            variantButtons.put(v, t);
            variants.getChildren().add(t);
            javafx.scene.control.RadioMenuItem item = new javafx.scene.control.RadioMenuItem(v.title());
            item.setId(prefix + "-loop-" + v.name().toLowerCase().replace('_', '-'));
            item.setToggleGroup(loopMenuGroup);
            item.setUserData(v);
            item.setOnAction(e -> setVariant(v));
            loopMenu.getItems().add(item);
        }
        variantButtons.get(variant).setSelected(true);
        variantGroup.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                was.setSelected(true); // one variant is always chosen
                return;
            }
            setVariant((MatmulVariant) now.getUserData());
        });
        caption.getStyleClass().add("mm-caption");
        caption.setWrapText(true);
        caption.setManaged(false);
        caption.setVisible(false);
        variants.getChildren().add(counter);
        top = new VBox(6, variants, caption);
        top.setPadding(new Insets(6, 10, 4, 10));

        // The grids: a @ b = result, wrapping under each other when the window is narrow.
        aGrid.setId(prefix + "-a");
        bGrid.setId(prefix + "-b");
        rGrid.setId(prefix + "-result");
        gridsRow.getChildren().setAll(Labels.titled(aTitle, aGrid), Labels.op("@"), Labels.titled(bTitle, bGrid), Labels.op("="),
                Labels.titled(rTitle, rGrid));
        gridsRow.setAlignment(Pos.CENTER);
        gridsRow.setPadding(new Insets(0, 10, 0, 10));
        message.setId(prefix + "-message");
        message.getStyleClass().add("mm-message");
        message.setWrapText(true);
        message.setManaged(false);
        message.setVisible(false);
        messageBox.getChildren().setAll(message);
        messageBox.setPadding(new Insets(0, 10, 0, 10));
        // Managed only: the page shows and hides its blocks itself (a bound visible could not be set).
        messageBox.managedProperty().bind(message.managedProperty());

        intro.getStyleClass().add("mm-detail-text");
        intro.setWrapText(true);
        for (MatmulVariant v : MatmulVariant.values()) presenters.put(v, LoopPresenter.of(v));
        detail.getStyleClass().add("mm-detail");
        detail.setId(prefix + "-detail");
        detail.setMinHeight(Region.USE_PREF_SIZE);

        // The code and the log: beside the grids when there is room, under them when not.
        logTitle.getStyleClass().add("mm-strong");
        logTitle.setWrapText(true);
        log.setId(prefix + "-log");
        log.getStyleClass().add("mm-log");
        log.setFocusTraversable(false);
        log.getProperties().put(io.backproplens.ui.audit.LayoutAudit.SCROLLS, true);
        logHead.getStyleClass().add("mm-log-head");
        code.setMinWidth(0);
        logOpen.setId(prefix + "-log-open");
        logOpen.getStyleClass().add("mm-log-open");
        logOpen.textProperty().bind(logTitle.textProperty());
        logOpen.setGraphic(new org.kordamp.ikonli.javafx.FontIcon("mdi2c-chevron-right"));
        logOpen.setTooltip(new javafx.scene.control.Tooltip("Show the printout in place of the code (click again for the code)"));
        logOpen.setFocusTraversable(false);
        logOpen.setWrapText(true);
        logOpen.setMaxWidth(Double.MAX_VALUE);
        logOpen.selectedProperty().addListener((o, was, now) -> {
            ((org.kordamp.ikonli.javafx.FontIcon) logOpen.getGraphic()).setIconLiteral(now ? "mdi2c-chevron-down" : "mdi2c-chevron-right");
            applyFold();
        });
        side.getChildren().setAll(code, logTitle, logOpen, logHead, log);
        side.setPadding(new Insets(0, 10, 0, 10));
        side.getStyleClass().add("mm-side");
        VBox.setVgrow(log, Priority.ALWAYS);
        applyFold();

        // The play bar's own counter is a single line that cannot wrap: ours wraps under the bar.
        Node barCounter = bar.lookup("#" + prefix + "-counter");
        if (barCounter != null) {
            barCounter.setId(prefix + "-bar-counter");
            barCounter.setVisible(false);
            barCounter.setManaged(false);
        }
        counter.setId(prefix + "-counter");
        counter.getStyleClass().add("step-counter");
        counter.setWrapText(true);
        counter.setPadding(new Insets(0, 0, 0, 18));
        counter.setMinWidth(Region.USE_PREF_SIZE);
        bar.counter.addListener((o, was, now) -> setCounterText());
        setCounterText();
        Labels.fitPlayBar(bar);

        // Every block is a child of the page for good; only where the page puts them changes.
        page.add(top, BlockPage.Column.FULL);
        page.add(gridsRow, BlockPage.Column.LEFT);
        page.add(messageBox, BlockPage.Column.LEFT);
        page.add(detail, BlockPage.Column.LEFT);
        page.add(side, BlockPage.Column.SIDE);
        page.setGrow(detail);
        page.setSizer(this::fit);
        page.widthProperty().addListener((o, was, now) -> choose());
        page.heightProperty().addListener((o, was, now) -> choose());
        // A new UI scale can reach this page while another section is in front: its size is then the
        // same when it comes back, but its fonts are not (1280x720 150% to 200% in presenter mode).
        chooseLabel.fontProperty().addListener((o, was, now) -> javafx.application.Platform.runLater(this::choose));
        setCenter(page);
        counterBox.getStyleClass().add("mm-counter-box");
        triple.setId(prefix + "-triple");
        triple.getStyleClass().add("mm-triple");
        triple.setWrapText(true);
        triple.setPadding(new Insets(0, 10, 0, 10));
        counterBox.setPadding(new Insets(0, 10, 0, 10));
        sideNote.getStyleClass().add("mm-note");
        sideNote.setWrapText(true);
        sideNote.setPadding(new Insets(0, 10, 0, 10));
        counterBox.getChildren().setAll(triple);
        show(counterBox, false);
        page.add(counterBox, BlockPage.Column.LEFT);
        // Blocks keep their order: the grids first (on a short page they are what the first page
        // must show), then the counter with the triple, and the picture of the step.
        page.moveBefore(counterBox, detail);
        codeButton.setId(prefix + "-code-button");
        codeButton.setTooltip(new javafx.scene.control.Tooltip("The loop's code, the line being run highlighted"));
        codeButton.setFocusTraversable(false);
        codeButton.setMinWidth(Region.USE_PREF_SIZE);
        codeButton.setOnAction(e -> toggle(codePop, codeButton, codePopContent));
        editButton.setId(prefix + "-edit");
        editButton.setTooltip(new javafx.scene.control.Tooltip("The matrices' shapes, random integers, the notebook's a and b"));
        editButton.setFocusTraversable(false);
        editButton.setMinWidth(Region.USE_PREF_SIZE);
        editButton.setOnAction(e -> showFooterPop());
        for (PopOver pop : List.of(codePop, footerPop)) {
            pop.setDetachable(false);
            pop.setAutoHide(true);
            // A click on the play bar closes the PopOver and steps, in one click.
            pop.setConsumeAutoHidingEvents(false);
            pop.setAnimated(false);
            pop.setHeaderAlwaysVisible(false);
            pop.setArrowLocation(PopOver.ArrowLocation.BOTTOM_CENTER);
        }
        footerPop.setOnHidden(e -> {
            // The editor goes back under the play bar, where it stands when there is room.
            if (footer != null && footer.getParent() == footerPopContent) {
                footerPopContent.getChildren().clear();
                controls.getChildren().add(footer);
                show(footer, footerShown);
            }
        });
        bar.setMinWidth(0);
        HBox.setHgrow(bar, Priority.ALWAYS);
        controlsRow.setAlignment(Pos.CENTER_LEFT);
        controlsRow.getChildren().setAll(loopMenu, bar, codeButton, editButton);
        HBox.setMargin(loopMenu, new Insets(0, 0, 0, 10));
        HBox.setMargin(editButton, new Insets(0, 10, 0, 0));
        show(loopMenu, false);
        show(codeButton, false);
        show(editButton, false);
        controls.getChildren().setAll(controlsRow);
        setBottom(controls);

        cursor.position.addListener((o, was, now) -> {
            render();
            moved(was.intValue(), now.intValue());
        });
        motionLayer.setManaged(false);
        motionLayer.setMouseTransparent(true);
        motionLayer.setId(prefix + "-motion");
        getChildren().add(motionLayer);
        setVariantCode();
    }

    /** Motion between steps, when the owner binds it to the user's preference (off until then). */
    public javafx.beans.property.BooleanProperty motionProperty() { return motionOn; }

    /** The motion of this stepper's steps. */
    public io.backproplens.ui.core.Motion motion() { return motion; }

    /** What flies between steps; empty once the animation has ended. */
    public javafx.scene.layout.Pane motionLayer() { return motionLayer; }

    /** After a move drawn in full: one Next forward flies the multiply-add into its cell. */
    private void moved(int was, int now) {
        MatmulReplay r = replay;
        motion.stepped(now == was + 1 && r != null, () -> {
            motionLayer.toFront();
            // Where the cells are drawn after this step's arrangement, not before it.
            applyCss();
            layout();
            double[][] before = r.resultAfter(was);
            List<MatrixGrid.Drawn> operands = new ArrayList<>(aGrid.cells(MatrixGrid.Role.A));
            operands.addAll(bGrid.cells(MatrixGrid.Role.B));
            return MultiplyAddMotion.of(motionLayer, operands, rGrid.cells(MatrixGrid.Role.R),
                    (i, j) -> Fmt.cell(before[i][j]), motion.duration());
        }, motionLayer.getChildren()::clear);
    }

    // ---- public API ------------------------------------------------------------------------

    /**
     * Shows new matrices. With {@code keepPosition} (an edited value, same shapes) the stepper
     * stays on its step so the class sees the new numbers flow through; otherwise it starts over.
     */
    public void setInput(Input in, boolean keepPosition) {
        this.input = in;
        int pos = cursor.position.get();
        replay = null;
        if (in.message() == null) {
            try {
                replay = variant.replay(in.a(), in.b());
            } catch (IllegalArgumentException e) {
                input = new Input(in.aName(), in.bName(), in.rName(), in.ar(), in.ac(), in.br(), in.bc(), in.aText(), in.bText(),
                        in.aBad(), in.bBad(), null, null, e.getMessage(), in.rowIds(), in.innerIds(), in.colIds());
            }
        }
        cursor.blocked.set(replay == null);
        int count = replay == null ? 0 : replay.steps().size();
        if (keepPosition && replay != null && cursor.count.get() == count) {
            log.getItems().clear();
            render();
            cursor.position.set(Math.min(pos, count - 1));
        } else {
            cursor.count.set(count);
            log.getItems().clear();
            if (cursor.position.get() != -1) cursor.position.set(-1);
            else render();
        }
    }

    public void setCaption(String text) {
        caption.setText(text == null ? "" : text);
        caption.setVisible(text != null);
        caption.setManaged(text != null);
        show(top, !compact || text != null);
    }

    public void setVariant(MatmulVariant v) {
        if (v == variant) return;
        variant = v;
        variantButtons.get(v).setSelected(true);
        syncLoopMenu();
        bar.pause();
        setVariantCode();
        if (input != null) setInput(input, false);
    }

    public MatmulVariant variant() { return variant; }

    private void syncLoopMenu() {
        loopMenu.setText(variant.title());
        for (javafx.scene.control.MenuItem m : loopMenu.getItems()) {
            if (m.getUserData() == variant) ((javafx.scene.control.RadioMenuItem) m).setSelected(true);
        }
    }

    public MatrixGrid aGrid() { return aGrid; }

    public MatrixGrid bGrid() { return bGrid; }

    public MatrixGrid resultGrid() { return rGrid; }

    public MatmulReplay replay() { return replay; }

    public int position() { return cursor.position.get(); }

    public javafx.beans.property.ReadOnlyIntegerProperty positionProperty() { return cursor.position; }

    public int stepCount() { return cursor.count.get(); }

    public boolean blocked() { return cursor.blocked.get(); }

    /** The message shown when stepping is blocked, else null. */
    public String message() { return message.isVisible() ? message.getText() : null; }

    public List<String> logLines() { return List.copyOf(log.getItems()); }

    /** The result grid's values as they stand after the current step. */
    public double[][] resultNow() { return resultNow; }

    public String counterText() { return bar.counter.get(); }

    /** Adds a block under the play bar (the editor of the user's matrices). */
    public void setFooter(Node node) {
        footer = node;
        // The play bar and the editor stay on screen whatever the page shows: they are the controls.
        controls.getChildren().setAll(controlsRow);
        if (footer != null) controls.getChildren().add(footer);
    }

    /** Called after the stepper takes another arrangement (its height may then differ). */
    void setOnArranged(Runnable r) { onArranged = r; }

    /** Whether the page is compact: the code in a PopOver, the loop chooser in the controls row. */
    boolean compact() { return compact; }

    /** Whether the footer (the editor) stands under the play bar, else behind the edit button. */
    boolean footerShown() { return footerShown; }

    private void showFooterPop() {
        if (footerPop.isShowing()) {
            footerPop.hide();
            return;
        }
        if (footer == null) return;
        controls.getChildren().remove(footer);
        show(footer, true);
        footerPopContent.getChildren().setAll(footer);
        toggle(footerPop, editButton, footerPopContent);
    }

    /** Opens (or closes) a PopOver over {@code owner}, styled as the view (a popup has a scene of its own). */
    private void toggle(PopOver pop, Node owner, javafx.scene.layout.Pane content) {
        if (pop.isShowing()) {
            pop.hide();
            return;
        }
        if (content.getStylesheets().isEmpty()) {
            content.getStylesheets().add(java.util.Objects.requireNonNull(MatmulStepper.class.getResource("/css/matmul.css")).toExternalForm());
            content.getStyleClass().add("mm-view");
        }
        content.getStyleClass().removeIf(c -> c.startsWith("theme-"));
        if (getScene() != null) getScene().getRoot().getStyleClass().stream().filter(c -> c.startsWith("theme-")).forEach(content.getStyleClass()::add);
        content.setStyle(String.format(java.util.Locale.ROOT, "-fx-font-size: %.1fpx;", em()));
        content.setPadding(new Insets(em() * 0.5));
        pop.setContentNode(content);
        pop.show(owner);
    }

    /** The root font size (1 em) in px: the UI scale's. */
    private double em() {
        double px = chooseLabel.getFont().getSize();
        return px > 0 ? px : 16;
    }

    /** How the page stands, from the most room to the least. */
    enum Arrangement {
        /** The code and the log in a column beside the grids and the picture. */
        BESIDE,
        /** The same, the log folded to its title (opening it folds the code's lines instead). */
        BESIDE_FOLDED,
        /**
         * The code behind a button and the loop chooser in the controls row: the grids with the
         * counter, the index triple and the multiply-add beside them (or under them, paging when short).
         */
        COMPACT,
        /** One column, grids first; pages when short of height. */
        STACKED
    }

    Arrangement arrangement() { return arrangement; }

    /** Whether the side is folded: the log (or the code's lines) shows only on demand. */
    private void applyFold() {
        boolean folded = arrangement == Arrangement.BESIDE_FOLDED, open = logOpen.isSelected();
        show(logTitle, !folded);
        show(logOpen, folded);
        show(logHead, !folded || open);
        show(log, !folded || open);
        code.setLinesShown(!folded || !open);
        // Folded with the code shown, its loop lines carry the variables: the line over them goes.
        code.setVarsShown(!folded || open);
    }

    private static void show(Node n, boolean shown) {
        n.setVisible(shown);
        n.setManaged(shown);
    }

    /**
     * Chooses the arrangement from the page's size (called when the page is resized or the content
     * changes, never while the page lays out): beside with everything open when it all fits at the
     * smallest legible cells, else beside with the log folded, else stacked. When the content changes
     * at the same size (a step with a longer note), a roomier arrangement has to fit with 8 px to
     * spare to be taken up, and the current one is kept as long as it fits at all, so stepping at a
     * size at the edge does not flip the layout between two.
     */
    private void choose() {
        double w = page.getWidth(), h = page.getHeight();
        if (input == null || w <= 0 || h <= 0 || choosing) return;
        choosing = true;
        // The measuring below tries each arrangement on: what stood before is read first.
        boolean wasTight = tight, wasPictures = picturesOnly;
        try {
            // Measured with the roomy controls first: the loop row on the page, the code beside.
            setCompact(false, false);
            // New code lines or cells have no skin until CSS reaches them: measure them styled.
            applyCss();
            int chars = chars();
            double floor = aGrid.minCellH(), gap = page.gap(), em = em();
            chosenFloor = floor;
            // The page's height with the editor under the play bar, and with it folded behind its button.
            double footerH = footer == null || footer.getParent() != controls ? 0 : footer.prefHeight(getWidth()) + controls.getSpacing();
            double hShown = footerShown ? h : h - footerH, hFolded = footerShown ? h + footerH : h;
            // Unfolding the editor needs an em to spare: a size at the edge does not flip it.
            double hUnfold = footerShown ? hShown : hShown - em;
            double sideW = Math.min(code.fullWidth() + 24, w * 0.42);
            double areaW = w - sideW - gap * 2;
            setCells(floor, chars);
            gridsRow.setPrefWrapLength(areaW - 20);
            boolean pictureGrids = replay != null && presenter().hasPictureGrids();
            if (pictureGrids) presenter().fitPicture(input, floor, chars, areaW, h);
            // The grids in one row at the smallest legible cells.
            double gridsW = gridsWidth(dims(), floor, chars, 12) + opsWidth() + gridsRow.getHgap() * 4 + 20;
            boolean widthOk = gridsW <= areaW;
            double topH = top.prefHeight(w) + gap;
            double detailPad = detail.snappedLeftInset() + detail.snappedRightInset();
            presenter().fitWidth(areaW - detailPad);
            double left = gridsRow.prefHeight(areaW) + gap + detail.prefHeight(areaW)
                    + (messageBox.isManaged() ? messageBox.prefHeight(areaW) + gap : 0);
            double[] sideH = sideHeights(sideW);
            Arrangement next = null;
            boolean showFooter = true, compactBeside = false;
            double rightW = 0;
            TightPlan tightPlan = null;
            for (boolean withFooter : footer == null ? new boolean[]{true} : new boolean[]{true, false}) {
                double hh = withFooter ? hUnfold : hFolded;
                if (widthOk && fits(topH + Math.max(left, sideH[0]), hh, Arrangement.BESIDE)) next = Arrangement.BESIDE;
                // Folded, the printout goes: the index triple stands on a line under the grids instead.
                else if (widthOk && fits(topH + Math.max(left + triple.prefHeight(areaW) + gap, sideH[1]), hh, Arrangement.BESIDE_FOLDED))
                    next = Arrangement.BESIDE_FOLDED;
                if (next != null) {
                    showFooter = withFooter;
                    break;
                }
            }
            if (next == null) {
                // Compact: the code goes behind a button and the loop chooser into the controls row;
                // the counter, the index triple and the multiply-add stand beside the grids (or under them).
                setCompact(true, false);
                applyCss();
                double topC = top.isManaged() ? top.prefHeight(w) + gap : 0;
                double msg = messageBox.isManaged() ? messageBox.prefHeight(w) + gap : 0;
                if (pictureGrids) presenter().fitPicture(input, floor, chars, w, h);
                presenter().fitWidth(w);
                double rightNeed = Math.max(counter.prefWidth(-1), Math.max(triple.prefWidth(-1), detail.prefWidth(-1))) + 24;
                rightW = Math.min(rightNeed, w - gridsW - gap * 2);
                // Measured as it would stand beside: the triple on two lines, the picture sized to the column.
                setCompact(true, true);
                applyCss();
                if (pictureGrids) presenter().fitPicture(input, floor, chars, rightW, h);
                presenter().fitWidth(rightW - detailPad);
                // Beside only where the picture of the step fits the column whole (its pieces never break).
                boolean canBeside = rightW >= 10 * em && detail.prefWidth(-1) <= rightW + 0.5;
                double besideNeed = topC + Math.max(gridsRow.prefHeight(w - rightW - gap * 2) + msg,
                        counterBox.prefHeight(rightW) + detail.prefHeight(rightW) + gap);
                setCompact(true, false);
                applyCss();
                if (pictureGrids) presenter().fitPicture(input, floor, chars, w, h);
                presenter().fitWidth(w - detailPad);
                gridsRow.setPrefWrapLength(w - 20);
                double gridsStacked = gridsRow.prefHeight(w);
                double stackNeed = topC + counterBox.prefHeight(w) + gridsRow.prefHeight(w) + msg + detail.prefHeight(w) + gap * 2;
                next = Arrangement.COMPACT;
                // Beside cannot page (what does not fit would be cut): it is taken with half an em to spare.
                if (canBeside && fits(besideNeed + em / 2, hUnfold, next)) compactBeside = true;
                else if (fits(stackNeed, hUnfold, next)) compactBeside = false;
                else if (canBeside && fits(besideNeed + em / 2, hFolded, next)) { compactBeside = true; showFooter = false; }
                else if (fits(stackNeed, hFolded, next)) { compactBeside = false; showFooter = false; }
                else if ((tightPlan = planTight(w, hFolded, topC, msg, pictureGrids, chars, detailPad, gap, em)) != null) {
                    compactBeside = true;
                    showFooter = false;
                }
                else { compactBeside = false; showFooter = false; }
                // Grids taller than the whole page: the first page shows the loop row and the grids page
                // whole (a first block cut at the page's edge would be worse than a page turn).
                if (!compactBeside && topC + gridsStacked > hFolded) {
                    next = Arrangement.STACKED;
                    showFooter = false;
                }
                if (footer == null) showFooter = true;
            }
            chosenW = w;
            chosenH = h;
            boolean changed = next != arrangement || (next == Arrangement.COMPACT && compactBeside != page.beside())
                    || (tightPlan != null) != wasTight || (tightPlan != null && tightPlan.pictureOnly()) != wasPictures;
            if (next != arrangement) {
                arrangement = next;
                applyFold();
            }
            if (changed && onArranged != null) onArranged.run();
            if (tightPlan != null) {
                rightW = tightPlan.columnW();
                applyTight(tightPlan);
            } else setCompact(next == Arrangement.COMPACT, compactBeside);
            if (next == Arrangement.BESIDE_FOLDED) {
                show(counterBox, true);
                show(triple, true);
                tripleTwoLines = true;
                setTriple(tripleVars, tripleLog);
            }
            setFooterShown(showFooter);
            boolean beside = next != Arrangement.STACKED && (next != Arrangement.COMPACT || compactBeside);
            double columnW = next == Arrangement.COMPACT ? rightW : sideW;
            detailW = next == Arrangement.COMPACT && compactBeside ? rightW : -1;
            if (tightPlan != null && tightPlan.detailInFoot()) detailW = w;
            side.setPrefWidth(beside && next != Arrangement.COMPACT ? sideW : Region.USE_COMPUTED_SIZE);
            side.setMaxWidth(beside && next != Arrangement.COMPACT ? sideW : Double.MAX_VALUE);
            page.setBeside(beside, columnW);
            presenter().fitWidth((tightPlan != null && tightPlan.detailInFoot() ? w
                    : next == Arrangement.COMPACT && compactBeside ? rightW : beside ? areaW : w) - detailPad);
            page.requestLayout();
        } finally {
            choosing = false;
        }
    }

    /**
     * Compact or roomy controls: compact, the loop chooser is one menu button in the controls row,
     * the code is behind a button (in a PopOver), and the counter and the index triple stand on the
     * page, {@code beside} the grids with the multiply-add, or stacked under them.
     */
    private void setCompact(boolean on, boolean beside) { setCompact(on, beside, false, false); }

    private void setCompact(boolean on, boolean beside, boolean tightOn, boolean detailInFoot) {
        compact = on;
        tight = on && tightOn;
        if (!tight) {
            tripleWrapW = -1;
            picturesOnly = false;
        }
        show(gridsRow, !picturesOnly);
        for (javafx.scene.control.ButtonBase b : List.of(codeButton, editButton))
            b.setContentDisplay(tight ? javafx.scene.control.ContentDisplay.GRAPHIC_ONLY : javafx.scene.control.ContentDisplay.LEFT);
        setLoopMenuIconOnly(false);
        setTitles();
        // Tight, the grids stand close (the column beside them needs the width); else with room between.
        gridsRow.setHgap(tight ? 4 : 10);
        gridsRow.setPadding(new Insets(0, tight ? 0 : 10, 0, 10));
        for (LoopPresenter p : presenters.values()) p.setTight(tight);
        show(variants, !on);
        show(top, !on || caption.isManaged());
        show(loopMenu, on);
        show(codeButton, on);
        if (!on && codePop.isShowing()) codePop.hide();
        Node counterHome = tight ? controlsRow : on ? counterBox : variants;
        if (counter.getParent() != counterHome) {
            ((javafx.scene.layout.Pane) counter.getParent()).getChildren().remove(counter);
            if (tight) {
                counterBox.getChildren().setAll(triple, sideNote);
                controlsRow.getChildren().add(controlsRow.getChildren().indexOf(bar) + 1, counter);
            } else if (on) counterBox.getChildren().setAll(counter, triple);
            else {
                variants.getChildren().add(counter);
                counterBox.getChildren().setAll(triple);
            }
        }
        counter.setPadding(on ? Insets.EMPTY : new Insets(0, 0, 0, 18));
        counterTwoLines = false;
        setCounterText();
        tripleTwoLines = on && beside;
        setTriple(tripleVars, tripleLog);
        // In a column of its own the counter wraps; in the loop row it moves to a line of its own whole.
        counter.setMinWidth(on && !tight ? 0 : Region.USE_PREF_SIZE);
        show(counterBox, on);
        show(triple, on);
        show(side, !on);
        for (Node n : List.of(counterBox, detail)) page.setColumn(n, on && beside ? BlockPage.Column.SIDE : BlockPage.Column.LEFT);
        if (tight && detailInFoot) page.setColumn(detail, BlockPage.Column.BOTTOM);
        setNoteBeside(tight && detailInFoot && presenter().note() != null);
    }

    private boolean noteBeside;
    private final javafx.scene.control.Tooltip noteTip = new javafx.scene.control.Tooltip();

    /** The picture's note under the triple (beside the grids) or in the picture. */
    private void setNoteBeside(boolean beside) {
        noteBeside = beside;
        // With the picture in place of the grids and no height for its note, the note is its tooltip.
        boolean folded = picturesOnly && !beside && presenter().note() != null;
        for (LoopPresenter p : presenters.values()) p.setNoteShown(!beside && !folded);
        if (folded) {
            noteTip.setText(presenter().note());
            javafx.scene.control.Tooltip.install(detail, noteTip);
        } else javafx.scene.control.Tooltip.uninstall(detail, noteTip);
        show(sideNote, beside);
        sideNote.setText(beside && presenter().note() != null ? presenter().note() : "");
    }

    /** Tight, when the controls row is too narrow for the loop's name: the loop menu shows an icon (its tooltip names it). */
    private void setLoopMenuIconOnly(boolean iconOnly) {
        if (iconOnly && loopMenu.getGraphic() == null) loopMenu.setGraphic(new FontIcon("mdi2r-repeat"));
        loopMenu.setContentDisplay(iconOnly ? javafx.scene.control.ContentDisplay.GRAPHIC_ONLY : javafx.scene.control.ContentDisplay.TEXT_ONLY);
    }

    /** Tight, when the controls row is too narrow for the counter on one line: its two counts on two lines. */
    private boolean counterTwoLines;

    private void setCounterText() {
        String text = bar.counter.get();
        counter.setText(counterTwoLines ? text.replace("   \u00b7   ", "\n") : text);
        // On two lines the controls row must grow to hold both (a short row would cut the counter to "...").
        counter.setMinHeight(counterTwoLines ? Region.USE_PREF_SIZE : Region.USE_COMPUTED_SIZE);
    }

    /** How the tight page stands: the side column's width, the picture there or across the foot, the controls row's fallbacks. */
    private record TightPlan(double columnW, boolean detailInFoot, boolean loopIconOnly, boolean counterTwoLines, boolean tripleInFoot,
                             boolean pictureOnly, boolean noteBeside) {}

    /** Tight: the picture of the step stands in place of the plain grids (see {@link #pictureOnly}). */
    private boolean picturesOnly;

    /**
     * The controls row's width with the play bar at its narrowest (icons only, no speed slider:
     * {@link Labels#fitPlayBar} drops those by itself when the row is short).
     */
    private double controlsNeed() {
        List<Node> dropped = new ArrayList<>();
        Map<javafx.scene.control.Button, javafx.scene.control.ContentDisplay> shown = new java.util.HashMap<>();
        for (Node c : bar.getChildren()) {
            if ((c instanceof javafx.scene.control.Slider || c.getStyleClass().contains("speed-label")) && c.isManaged()) {
                dropped.add(c);
                c.setManaged(false);
            } else if (c instanceof javafx.scene.control.Button b && b.getStyleClass().contains("step-button")) {
                shown.put(b, b.getContentDisplay());
                b.setContentDisplay(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY);
            }
        }
        applyCss();
        double need = controlsRow.prefWidth(-1);
        for (Node c : dropped) c.setManaged(true);
        shown.forEach(javafx.scene.control.Button::setContentDisplay);
        return need;
    }

    /** The width the triple's text has in a column {@code w} wide (its own padding and the box's off). */
    private double tripleWidthIn(double w) {
        Insets t = triple.getPadding(), b = counterBox.getPadding();
        return w - t.getLeft() - t.getRight() - b.getLeft() - b.getRight() - 2;
    }

    private void applyTight(TightPlan p) {
        picturesOnly = p.pictureOnly();
        setCompact(true, true, true, p.detailInFoot());
        if (p.tripleInFoot()) page.setColumn(counterBox, BlockPage.Column.BOTTOM);
        if (p.detailInFoot() && presenter().note() != null) setNoteBeside(p.noteBeside());
        setLoopMenuIconOnly(p.loopIconOnly());
        counterTwoLines = p.counterTwoLines();
        setCounterText();
        tripleWrapW = tripleWidthIn(p.tripleInFoot() ? page.getWidth() : p.columnW());
        setTriple(tripleVars, tripleLog);
    }

    /**
     * The tight page, if it fits {@code h} (the footer folded): the counter in the controls row
     * (on one line, else the loop menu as an icon, else the counter on two lines), the grids with
     * cells as wide as their numbers on the left, the index triple in a column beside them, and the
     * picture of the step under the triple when it fits that column, else across the foot. Null
     * when even this does not fit: the page then pages.
     */
    private TightPlan planTight(double w, double h, double topC, double msg, boolean pictureGrids, int chars,
                                double detailPad, double gap, double em) {
        setCompact(true, true, true, false);
        applyCss();
        double controlsNow = controlsRow.getHeight() > 0 ? controlsRow.getHeight() : controlsRow.prefHeight(-1);
        boolean loopIcon = false, two = false;
        if (controlsNeed() > w) {
            loopIcon = true;
            setLoopMenuIconOnly(true);
            applyCss();
        }
        if (controlsNeed() > w && bar.counter.get().contains("\u00b7")) {
            two = true;
            counterTwoLines = true;
            setCounterText();
            applyCss();
        }
        // The controls row taller than now (a counter on two lines) leaves the page less height.
        double hh = h + controlsNow - controlsRow.prefHeight(w);
        double cell = aGrid.minCellH();
        setCells(cell, chars);
        applyCss();
        double rowW = gridsRow.getPadding().getLeft() + gridsRow.getPadding().getRight();
        int n = 0;
        for (Node c : gridsRow.getChildren()) {
            if (!c.isManaged()) continue;
            rowW += c.prefWidth(-1) + (n++ > 0 ? gridsRow.getHgap() : 0);
        }
        double colW = w - rowW - gap * 2 - 4;
        tripleWrapW = tripleWidthIn(colW);
        setTriple(tripleVars, tripleLog);
        applyCss();
        // The column must hold the widest unit of the triple ("(0, 1)", "i = 0") and a few em.
        if (colW < 6 * em) return pictureGrids ? pictureOnly(w, hh, topC, chars, detailPad, gap, loopIcon, two) : null;
        double gridsH = msg + gridsRow.getPadding().getTop() + gridsRow.getPadding().getBottom();
        double tallest = 0;
        for (Node c : gridsRow.getChildren()) if (c.isManaged()) tallest = Math.max(tallest, c.prefHeight(-1));
        gridsH += tallest;
        double tripleH = counterBox.prefHeight(colW);
        boolean tripleSide = triple.prefWidth(-1) <= colW + 0.5;
        if (pictureGrids) presenter().fitPicture(input, cell, chars, colW, hh);
        presenter().fitWidth(colW - detailPad);
        boolean sideOk = tripleSide && detail.prefWidth(-1) <= colW + 0.5
                && topC + Math.max(gridsH, tripleH + gap + detail.prefHeight(colW)) + em / 2 <= hh;
        if (sideOk) return new TightPlan(colW, false, loopIcon, two, false, false, false);
        if (pictureGrids) presenter().fitPicture(input, cell, chars, w, hh);
        presenter().fitWidth(w - detailPad);
        boolean noteSide = presenter().note() != null;
        if (noteSide) {
            setNoteBeside(true);
            applyCss();
            tripleH = counterBox.prefHeight(colW);
        }
        double footNeed = topC + Math.max(gridsH, tripleH) + gap + detail.prefHeight(w);
        if (tripleSide && detail.prefWidth(-1) <= w + 0.5 && footNeed <= hh) return new TightPlan(colW, true, loopIcon, two, false, false, true);
        setNoteBeside(false);
        // The picture beside the grids and the triple across the foot (on one line, when it fits).
        if (pictureGrids) presenter().fitPicture(input, cell, chars, colW, hh);
        presenter().fitWidth(colW - detailPad);
        tripleWrapW = tripleWidthIn(w);
        setTriple(tripleVars, tripleLog);
        applyCss();
        double swapNeed = topC + Math.max(gridsH, detail.prefHeight(colW)) + gap + counterBox.prefHeight(w);
        if (detail.prefWidth(-1) <= colW + 0.5 && swapNeed <= hh) return new TightPlan(colW, false, loopIcon, two, true, false, false);
        return pictureGrids ? pictureOnly(w, hh, topC, chars, detailPad, gap, loopIcon, two) : null;
    }

    /**
     * The last tight page, for a step whose picture has grids of its own (broadcasting): the
     * picture in place of the plain grids (it shows a's row i as the column, b whole, the product
     * and result's row i), the index triple over it, and the picture's note beside the triple when
     * there is height for it (else in the picture's tooltip: the lesson caption says it too).
     */
    private TightPlan pictureOnly(double w, double hh, double topC, int chars, double detailPad, double gap,
                                  boolean loopIcon, boolean two) {
        double colW = w - gap * 2;
        picturesOnly = true;
        show(gridsRow, false);
        try {
            presenter().fitPicture(input, aGrid.minCellH(), chars, w, hh);
            presenter().fitWidth(w - detailPad);
            tripleWrapW = tripleWidthIn(colW);
            setTriple(tripleVars, tripleLog);
            for (boolean note : new boolean[]{true, false}) {
                setNoteBeside(note);
                applyCss();
                double need = topC + counterBox.prefHeight(colW) + gap + detail.prefHeight(w);
                if (detail.prefWidth(-1) <= w + 0.5 && need <= hh) return new TightPlan(colW, true, loopIcon, two, false, true, note);
            }
            return null;
        } finally {
            picturesOnly = false;
            show(gridsRow, true);
            setNoteBeside(false);
        }
    }

    private void setTriple(String vars, String printed) {
        tripleVars = vars;
        tripleLog = printed;
        if (tripleWrapW > 0) {
            triple.setText(packed(vars, printed, tripleWrapW));
            return;
        }
        triple.setText(printed.isEmpty() ? vars : vars + (tripleTwoLines ? "\n" : "   \u00b7   ") + printed);
    }

    /**
     * The triple in lines no wider than {@code w}: the loop variables, then the printout, each
     * broken only between its units ({@code i = 0}, {@code (0, 1)}), never inside one.
     */
    private String packed(String vars, String printed, double w) {
        javafx.scene.text.Text probe = new javafx.scene.text.Text();
        probe.setFont(triple.getFont());
        String one = printed.isEmpty() ? vars : vars + "   \u00b7   " + printed;
        probe.setText(one);
        if (probe.getLayoutBounds().getWidth() <= w) return one;
        StringBuilder out = new StringBuilder();
        for (String part : printed.isEmpty() ? List.of(vars) : List.of(vars, printed)) {
            String[] units = part.equals(vars) ? part.trim().split("\\s{2,}") : part.trim().split("(?<=\\))\\s+(?=\\()");
            String sep = part.equals(vars) ? "  " : " ";
            StringBuilder line = new StringBuilder();
            for (String u : units) {
                String next = line.isEmpty() ? u : line + sep + u;
                probe.setText(next);
                if (!line.isEmpty() && probe.getLayoutBounds().getWidth() > w) {
                    out.append(line).append('\n');
                    line = new StringBuilder(u);
                } else line = new StringBuilder(next);
            }
            out.append(line).append('\n');
        }
        return out.toString().strip();
    }

    private static Label shapeLabel() {
        Label l = new Label();
        l.getStyleClass().add("mm-grid-shape");
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    /** The grids' titles: {@code a  (3x3)}, or (tight) the name with the shape beside it, smaller. */
    private void setTitles() {
        if (input == null) return;
        title(aTitle, aShape, input.aName(), input.ar(), input.ac());
        title(bTitle, bShape, input.bName(), input.br(), input.bc());
        title(rTitle, rShape, input.rName(), input.ar(), input.bc());
    }

    private void title(Label t, Label shape, String name, int r, int c) {
        String dims = "(" + r + "\u00d7" + c + ")";
        shape.setText(dims);
        t.setText(tight ? name : name + "  " + dims);
        t.setGraphic(tight ? shape : null);
        t.setContentDisplay(javafx.scene.control.ContentDisplay.RIGHT);
        t.setGraphicTextGap(tight ? 6 : 4);
    }

    /** The editor under the play bar, or folded behind the edit button (a PopOver). */
    private void setFooterShown(boolean shown) {
        footerShown = shown || footer == null;
        if (footer != null && footer.getParent() == controls) show(footer, footerShown);
        show(editButton, !footerShown);
        if (footerShown && footerPop.isShowing()) footerPop.hide();
    }

    /** The side column's height {@code w} wide: with the log open, and folded. */
    private double[] sideHeights(double w) {
        double inner = w - 20, spacing = side.getSpacing();
        double codeFull = code.fullHeight(inner), logBody = logHead.prefHeight(inner) + spacing + log.minHeight(inner);
        double open = codeFull + spacing * 2 + logTitle.prefHeight(inner) + logBody;
        double folded = Math.max(code.linesHeight(inner) + spacing + logOpen.prefHeight(inner),
                code.varsHeight(inner) + spacing * 2 + logOpen.prefHeight(inner) + logBody);
        return new double[]{open, folded};
    }

    private boolean fits(double need, double h, Arrangement a) {
        // Only a change of content at the same size needs the margin: a resize decides afresh.
        boolean sameSize = h == chosenH && page.getWidth() == chosenW;
        return need <= h - (a == arrangement || !sameSize ? 0 : 8);
    }

    String codeLine() { return code.currentLineText(); }

    String codeVars() { return code.varsText(); }

    @Override public void next() { cursor.next(); }

    @Override public void previous() { cursor.previous(); }

    @Override public void reset() { cursor.reset(); }

    @Override public void togglePlay() { bar.togglePlay(); }

    public void end() { cursor.end(); }

    public void pause() { bar.pause(); }

    // ---- drawing ---------------------------------------------------------------------------

    private void setVariantCode() {
        code.setCode(variant.code());
        codeCopy.setCode(variant.code());
        syncLoopMenu();
        logTitle.setText(presenter().logTitle());
        logHead.setText("  a      b      result");
    }

    private int zerosLine() {
        List<String> lines = variant.code();
        for (int n = 0; n < lines.size(); n++) if (lines.get(n).contains("torch.zeros")) return n;
        return 0;
    }

    private void render() {
        if (input == null) return;
        int p = cursor.position.get();
        MatmulStep st = replay != null && p >= 0 ? replay.steps().get(p) : null;
        int i = st == null ? -1 : st.i(), j = st == null ? -1 : st.j(), k = st == null ? -1 : st.k();

        setTitles();

        aGrid.setShape(input.ar(), input.ac());
        aGrid.setTexts(input.aText());
        aGrid.setRoles((r, c) -> input.aBad().contains(new Cell(r, c)) ? MatrixGrid.Role.BAD : aRole(st, r, c));
        bGrid.setShape(input.br(), input.bc());
        bGrid.setTexts(input.bText());
        bGrid.setRoles((r, c) -> input.bBad().contains(new Cell(r, c)) ? MatrixGrid.Role.BAD : bRole(st, r, c));
        rGrid.setShape(input.ar(), input.bc());
        aGrid.setHeadIndex(input.rowIds(), input.innerIds());
        bGrid.setHeadIndex(input.innerIds(), input.colIds());
        rGrid.setHeadIndex(input.rowIds(), input.colIds());

        if (replay == null) {
            resultNow = new double[0][0];
            rGrid.setTexts((r, c) -> "?");
            rGrid.setRoles((r, c) -> MatrixGrid.Role.PENDING);
            message.setText(input.message());
            message.setVisible(true);
            message.setManaged(true);
            detail.getChildren().setAll(intro);
            intro.setText("Stepping is off until this is fixed. The other cells keep their values.");
            code.show(-1, Map.of(), presenter().order());
            codeCopy.show(-1, Map.of(), presenter().order());
            setTriple(code.varsText(), "");
            bar.counter.set("multiply-adds \u2013");
            log.getItems().clear();
        } else {
            message.setVisible(false);
            message.setManaged(false);
            resultNow = replay.resultAfter(p);
            double[][] res = resultNow;
            rGrid.setTexts((r, c) -> Fmt.cell(res[r][c]));
            rGrid.setRoles((r, c) -> rRole(st, p, r, c));
            followStep();
            renderDetail(st, p);
            Map<String, String> vars = new LinkedHashMap<>();
            if (i >= 0) vars.put("i", Integer.toString(i));
            if (j >= 0) vars.put("j", Integer.toString(j));
            if (k >= 0) vars.put("k", Integer.toString(k));
            code.show(st == null ? zerosLine() : st.codeLine(), vars, presenter().order());
            codeCopy.show(st == null ? zerosLine() : st.codeLine(), vars, presenter().order());
            // The index triple as the notebook prints it, after the loop variables.
            setTriple(code.varsText(), st == null ? "" : logLine(st));
            long madds = st == null ? 0 : st.maddsDone();
            // A step that is one multiply-add (the triple loop) needs one count, not the same twice.
            bar.counter.set(replay.steps().size() == replay.totalMadds() ? "multiply-adds " + madds + " of " + replay.totalMadds()
                    : "step " + (p + 1) + " of " + replay.steps().size() + "   \u00b7   multiply-adds " + madds + " of " + replay.totalMadds());
            syncLog(p);
        }
        aGrid.refresh();
        bGrid.refresh();
        rGrid.refresh();
        // New content may need another arrangement (a longer message, a bigger matrix).
        if (getScene() != null) choose();
        requestLayout();
    }

    /** The presenter of the variant being shown. */
    private LoopPresenter presenter() { return presenters.get(variant); }

    private MatrixGrid.Role aRole(MatmulStep st, int r, int c) {
        return st == null ? MatrixGrid.Role.PLAIN : presenter().aRole(st, r, c);
    }

    private MatrixGrid.Role bRole(MatmulStep st, int r, int c) {
        return st == null ? MatrixGrid.Role.PLAIN : presenter().bRole(st, r, c);
    }

    private MatrixGrid.Role rRole(MatmulStep st, int p, int r, int c) {
        if (st == null) return MatrixGrid.Role.PENDING;
        for (MatmulStep.Cell w : st.writes()) if (w.i() == r && w.j() == c) return MatrixGrid.Role.R;
        return presenter().done(st, r, c, replay.cols()) ? MatrixGrid.Role.PLAIN : MatrixGrid.Role.PENDING;
    }

    /** The log as the notebook prints it, one line per step up to the current one. */
    private void syncLog(int p) {
        var items = log.getItems();
        while (items.size() > p + 1) items.remove(items.size() - 1);
        if (items.size() < p + 1) {
            List<String> more = new ArrayList<>(p + 1 - items.size());
            for (int s = items.size(); s <= p; s++) more.add(logLine(replay.steps().get(s)));
            items.addAll(more);
        }
        if (p >= 0) {
            log.getSelectionModel().clearAndSelect(p);
            scrollLog(p);
            // The log's height may change with this step's layout (a new arrangement): again after it.
            javafx.application.Platform.runLater(() -> { if (cursor.position.get() == p) scrollLog(p); });
        } else {
            log.getSelectionModel().clearSelection();
        }
    }

    /** Scrolls the log so that line {@code p} is the last one in sight. */
    private void scrollLog(int p) {
        double cell = log.getFixedCellSize() > 0 ? log.getFixedCellSize() : 30;
        int visible = Math.max(1, (int) Math.floor((log.getHeight() - 4) / cell));
        log.scrollTo(Math.max(0, p - visible + 1));
    }

    /** The notebook's printout when the replay has one; a slice of a tensor prints the tensor's own indices. */
    private String logLine(MatmulStep s) { return s.log() != null && !input.sliced() ? s.log() : presenter().logLine(s, input); }

    private void renderDetail(MatmulStep st, int p) {
        if (st == null) {
            intro.setText(Labels.plain(input.rName()) + " = torch.zeros(" + replay.rows() + ", " + replay.cols() + ")   \u2014 press Next (\u2192) for the first step");
            detail.getChildren().setAll(intro);
            return;
        }
        detail.getChildren().setAll(presenter().detail(st, p, input, replay));
        if (noteBeside) sideNote.setText(presenter().note() == null ? "" : presenter().note());
        else if (picturesOnly && presenter().note() != null) noteTip.setText(presenter().note());
    }

    // ---- sizing ----------------------------------------------------------------------------

    /**
     * Sizes the cells for the arrangement {@link #choose} picked (this runs while the page lays
     * out, so it changes sizes only, never which nodes stand where): the largest cells (from the
     * floor up to twice it) with which the page still fits the height. A matrix too big for the
     * width shows a window of it that follows the step. Text never shrinks below the floor: a page
     * too short for everything pages instead (see {@link BlockPage}).
     */
    private void fit(double w, double h) {
        if (input == null || w <= 0 || h <= 0) return;
        int chars = chars();
        double floor = aGrid.minCellH();
        // A new UI scale changes every measure: choose again, after this layout.
        if (aGrid.minCellH() != chosenFloor) javafx.application.Platform.runLater(this::choose);
        // The plain grids stand aside while the picture takes their place: they keep their windows.
        double areaW = picturesOnly ? w : page.leftWidth(w);
        gridsRow.setPrefWrapLength(areaW - 20);
        int[][] dims = dims();
        double ops = opsWidth();
        // The widest the grids can be: one row when they fit, else each grid alone on a row.
        int visC = 12, visR = 12;
        while (visC > 1 && gridsWidth(new int[][]{{1, input.ac()}, {1, input.bc()}}, floor, chars, visC) / 2 + 40 > areaW) visC--;
        for (MatrixGrid g : new MatrixGrid[]{aGrid, bGrid, rGrid}) g.setMaxVisible(visR, visC);
        boolean pictureGrids = replay != null && presenter().hasPictureGrids();
        double best = floor;
        for (double s = floor * 2; s > floor; s -= Math.max(2, floor * 0.1)) {
            if (gridsWidth(dims, s, chars, visC) + ops + 60 > areaW) continue;
            setCells(s, chars);
            if (pictureGrids) presenter().fitPicture(input, s, chars, detailW > 0 ? detailW : areaW, h);
            if (page.prefHeight(w) <= h) { best = s; break; }
        }
        setCells(best, chars);
        if (pictureGrids) presenter().fitPicture(input, best, chars, detailW > 0 ? detailW : areaW, h);
    }

    /** Moves the grids' windows onto the cells the current step reads and writes. */
    private void followStep() {
        int p = cursor.position.get();
        MatmulStep st = replay != null && p >= 0 ? replay.steps().get(p) : null;
        if (st == null) return;
        aGrid.follow(st.i(), presenter().followsK() ? st.k() : -1);
        bGrid.follow(presenter().followsK() ? st.k() : -1, st.j());
        rGrid.follow(st.i(), st.j());
    }

    /** The longest number any grid shows, in characters (at most 10). */
    private int chars() {
        int chars = 1;
        for (int r = 0; r < Math.min(input.ar(), 40); r++)
            for (int c = 0; c < Math.min(input.ac(), 40); c++) chars = Math.max(chars, input.aText().at(r, c).length());
        for (int r = 0; r < Math.min(input.br(), 40); r++)
            for (int c = 0; c < Math.min(input.bc(), 40); c++) chars = Math.max(chars, input.bText().at(r, c).length());
        if (replay != null) {
            double[][] fin = replay.result();
            for (double[] row : fin) for (double v : row) chars = Math.max(chars, Fmt.cell(v).length());
        }
        return Math.min(chars, 10);
    }

    private int[][] dims() {
        return new int[][]{{input.ar(), input.ac()}, {input.br(), input.bc()}, {input.ar(), input.bc()}};
    }

    /** The width of the {@code @} and {@code =} between the grids. */
    private double opsWidth() {
        double ops = 0;
        for (Node n : gridsRow.getChildren()) if (n instanceof Label l) ops += l.prefWidth(-1);
        return ops;
    }

    private void setCells(double s, int chars) {
        if (tight) {
            setTightCells(s);
            return;
        }
        for (MatrixGrid g : new MatrixGrid[]{aGrid, bGrid, rGrid}) g.setCellSize(g.cellWidthFor(s, chars), s);
    }

    /** Tight: every grid's cells {@code s} high and as wide as its own longest number (a fixed em grid, not stretched). */
    private void setTightCells(double s) {
        int ca = 1, cb = 1, cr = 1;
        for (int r = 0; r < Math.min(input.ar(), 40); r++)
            for (int c = 0; c < Math.min(input.ac(), 40); c++) ca = Math.max(ca, input.aText().at(r, c).length());
        for (int r = 0; r < Math.min(input.br(), 40); r++)
            for (int c = 0; c < Math.min(input.bc(), 40); c++) cb = Math.max(cb, input.bText().at(r, c).length());
        if (replay != null) for (double[] row : replay.result()) for (double v : row) cr = Math.max(cr, Fmt.cell(v).length());
        aGrid.setCellSize(aGrid.tightCellWidthFor(s, Math.min(ca, 10)), s);
        bGrid.setCellSize(bGrid.tightCellWidthFor(s, Math.min(cb, 10)), s);
        rGrid.setCellSize(rGrid.tightCellWidthFor(s, Math.min(cr, 10)), s);
    }

    /** The width of the three grids side by side, cells {@code s} high, at most {@code visC} columns. */
    private double gridsWidth(int[][] dims, double s, int chars, int visC) {
        double cw = aGrid.cellWidthFor(s, chars), head = aGrid.headPx() * 2.5 + 10;
        double w = 0;
        for (int[] d : dims) w += head + Math.min(d[1], visC) * cw + 16;
        return w;
    }
}
