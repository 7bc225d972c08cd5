package io.backproplens.ui.matmul;

import io.backproplens.ui.core.Controller;
import io.backproplens.ui.core.Steppable;

import io.backproplens.matmul.MatmulVariant;
import io.backproplens.matmul.Matrices;
import io.backproplens.session.PassResult;
import io.backproplens.ui.matmul.MatmulStepper;
import io.backproplens.ui.matmul.BackwardPane;
import io.backproplens.ui.matmul.OwnMatricesPane;
import io.backproplens.ui.matmul.RealLayerPane;
import io.backproplens.ui.matmul.SpeedLadderPane;
import javafx.scene.Node;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The first lesson of the notebook made visible: a matrix multiplication walking through its
 * index triples {@code (i,k),(k,j),(i,j)}, for each rung of the loop ladder. Four sections: the
 * stepper on your own matrices, the real first layer ({@code x_valid[:5] @ w1} as pictures), the
 * backward pass's matmuls on a slice of the current pass, and the speed ladder.
 */
public final class MatmulView extends BorderPane implements Steppable {
    /** The sections, in the order of their buttons. */
    public enum Section {
        OWN("Your matrices", "Yours"), REAL("Real layer: x @ w1", "x @ w1"), BACKWARD("Backward: w.g, inp.g, b.g", "Backward"),
        LADDER("Speed ladder", "Ladder"), ELEMENT("One gradient element", "Element");

        final String title;
        /** The name on the button when the full titles would take a second row (a projector at 200%). */
        final String shortTitle;

        Section(String title, String shortTitle) { this.title = title; this.shortTitle = shortTitle; }
    }

    private final OwnMatricesPane own;
    private final RealLayerPane real;
    private final BackwardPane backward;
    private final SpeedLadderPane ladder;
    private final ElementPane element;
    private final Map<Section, ToggleButton> buttons = new LinkedHashMap<>();
    private final Map<Section, Node> panes = new LinkedHashMap<>();
    private Section current;

    public MatmulView(Controller controller) {
        getStyleClass().add("mm-view");
        getStylesheets().add(Objects.requireNonNull(MatmulView.class.getResource("/css/matmul.css")).toExternalForm());
        own = new OwnMatricesPane();
        own.stepper().motionProperty().bind(controller.state().presentation.motion);
        real = new RealLayerPane(controller.state());
        backward = new BackwardPane(controller.state());
        ladder = new SpeedLadderPane(controller);
        element = new ElementPane(controller.state().pass, controller.background());
        panes.put(Section.OWN, own);
        panes.put(Section.REAL, real);
        panes.put(Section.BACKWARD, backward);
        panes.put(Section.LADDER, ladder);
        panes.put(Section.ELEMENT, element);
        // The play bars' and buttons' icons at the root font size, as the text beside them (16 px
        // stayed 16 px beside 32 px text at 200%).
        io.backproplens.ui.core.IconScale.follow(panes.values(), controller.state().presentation);

        ToggleGroup group = new ToggleGroup();
        // The section buttons wrap onto a second line rather than be cut on a narrow or scaled window.
        javafx.scene.layout.FlowPane bar = new javafx.scene.layout.FlowPane(6, 6);
        bar.getStyleClass().add("mm-sections");
        for (Section s : Section.values()) {
            ToggleButton b = new ToggleButton(s.title);
            b.setId("mm-section-" + s.name().toLowerCase());
            b.getStyleClass().add("mm-section");
            b.setToggleGroup(group);
            b.setUserData(s);
            b.setMinWidth(Region.USE_PREF_SIZE);
            b.setTooltip(new javafx.scene.control.Tooltip(s.title));
            buttons.put(s, b);
            bar.getChildren().add(b);
        }
        // Its button shows once a derivation has sent an element here ("Step it"): empty, it is no lesson.
        ToggleButton elementButton = buttons.get(Section.ELEMENT);
        elementButton.managedProperty().bind(elementButton.visibleProperty());
        elementButton.setVisible(false);
        group.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                was.setSelected(true);
                return;
            }
            show((Section) now.getUserData());
        });
        setTop(bar);
        // A second row of section buttons costs a projector at 200% a tenth of its height: short names then.
        bar.widthProperty().addListener(o -> fitSectionTitles(bar));
        controller.state().presentation.scale.addListener(o -> javafx.application.Platform.runLater(() -> fitSectionTitles(bar)));
        elementButton.visibleProperty().addListener(o -> fitSectionTitles(bar));
        // A new UI scale reaches the buttons' fonts through CSS: fit again when it has.
        buttons.get(Section.OWN).fontProperty().addListener(o -> fitSectionTitles(bar));
        select(Section.OWN);
    }

    /** Full titles when they fit in one row of the bar, else the short ones (each with its full title as tooltip). */
    private void fitSectionTitles(javafx.scene.layout.FlowPane bar) {
        double w = bar.getWidth();
        if (w <= 0) return;
        // Measured at the fonts of the scale now in force: a scale change reaches the buttons' CSS
        // only at the next pulse, and measured before it, the old (smaller) titles "fit".
        bar.applyCss();
        double need = bar.getInsets().getLeft() + bar.getInsets().getRight();
        boolean firstButton = true;
        for (Map.Entry<Section, ToggleButton> e : buttons.entrySet()) {
            ToggleButton b = e.getValue();
            if (!b.isVisible()) continue;
            String was = b.getText();
            b.setText(e.getKey().title);
            need += b.prefWidth(-1) + (firstButton ? 0 : bar.getHgap());
            b.setText(was);
            firstButton = false;
        }
        boolean full = need <= w;
        for (Map.Entry<Section, ToggleButton> e : buttons.entrySet())
            e.getValue().setText(full ? e.getKey().title : e.getKey().shortTitle);
    }

    /** Brings a section to the front. */
    public void select(Section s) {
        buttons.get(s).setSelected(true);
        show(s);
    }

    private void show(Section s) {
        if (s == current) return;
        if (current != null && panes.get(current) instanceof Steppable old) pauseIfPlaying(old);
        current = s;
        setCenter(panes.get(s));
        if (s == Section.LADDER) ladder.shown();
    }

    private static void pauseIfPlaying(Steppable pane) {
        if (pane instanceof OwnMatricesPane o) o.stepper().pause();
        if (pane instanceof ElementPane e) e.stepper().pause();
    }

    public Section section() { return current; }

    public OwnMatricesPane own() { return own; }

    public RealLayerPane real() { return real; }

    public BackwardPane backward() { return backward; }

    public SpeedLadderPane ladder() { return ladder; }

    /**
     * Opens one of the backward pass's matmuls in the stepper, on a slice of {@code pass} small
     * enough to watch: {@code which} is the gradient it computes ({@code "w1.g"}, {@code "w2.g"},
     * {@code "l2.g"}, {@code "x.g"}, {@code "b1.g"}, {@code "b2.g"}; {@code "l1.g"}, which ReLU
     * computes elementwise, opens the matmul that feeds it). For the network view's
     * "open this backward matmul in the stepper".
     */
    public void openBackward(PassResult pass, String which) {
        select(Section.BACKWARD);
        backward.open(pass, which);
    }

    public ElementPane element() { return element; }

    /**
     * "Step it" from a derivation: the stepper on the row and column whose product is that gradient
     * element, before its first step.
     */
    public void stepElement(io.backproplens.explain.ElementProduct p) {
        buttons.get(Section.ELEMENT).setVisible(true);
        element.open(p);
        select(Section.ELEMENT);
    }

    /**
     * Shows the stepper on the user's matrices with a variant ({@code TRIPLE_LOOP}, ...) standing at
     * a step (-1 is before the first): lesson scenes open mid-way, so a slide shows the work.
     */
    public void showVariant(MatmulVariant variant, int step) {
        select(Section.OWN);
        own.stepper().setVariant(variant);
        own.stepper().reset();
        for (int i = 0; i <= step && i < own.stepper().stepCount(); i++) own.stepper().next();
    }

    /** The stepper's matrices, variant and step, for a scene file. */
    public MatmulState matmulState() {
        MatmulStepper st = own.stepper();
        return new MatmulState(own.matrixText("a"), own.matrixText("b"), st.variant().name(), st.position());
    }

    /** Restores a scene file's stepper state (checked when the scene file is read). */
    public void restore(MatmulState state) {
        select(Section.OWN);
        own.load(Matrices.parse("a", state.a()), Matrices.parse("b", state.b()));
        showVariant(MatmulVariant.valueOf(state.variant().toUpperCase(java.util.Locale.ROOT)), state.step());
    }

    private Steppable front() { return getCenter() instanceof Steppable s ? s : null; }

    @Override public void next() { if (front() != null) front().next(); }

    @Override public void previous() { if (front() != null) front().previous(); }

    @Override public void reset() { if (front() != null) front().reset(); }

    @Override public void end() {
        if (getCenter() == own) own.stepper().end();
        else if (getCenter() == element) element.end();
    }

    @Override public void togglePlay() { if (front() != null) front().togglePlay(); }
}
