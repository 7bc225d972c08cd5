package io.backproplens.ui.network;

import io.backproplens.explain.Derivation;
import io.backproplens.explain.ElementProduct;
import io.backproplens.ui.audit.LayoutAudit;
import io.backproplens.ui.common.Fmt;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes out why one element of a {@code .g} has its value, with this pass's numbers: the scalar
 * chain rule, the first terms with their values and the sum so far, how many terms follow, the
 * total and the element as the engine computed it. It lies over the view's right side while open;
 * the heatmap it explains stays clickable beside it.
 */
final class DerivationPanel extends VBox {
    private final Label title = new Label();
    private final Label rule = new Label();
    private final VBox terms = new VBox(2);
    private final Label more = new Label();
    private final Label total = new Label();
    private final Label engine = new Label();
    private final Label note = new Label();
    private final Label status = new Label();
    private Derivation shown;
    private ElementProduct product;
    private Runnable onClose = () -> {};
    private java.util.function.Consumer<ElementProduct> onStepIt = p -> {};
    /** Opens the matmul stepper on the row and column whose product is this element. */
    private final Button stepIt = new Button("Step it", new FontIcon("mdi2s-step-forward"));

    DerivationPanel() {
        getStyleClass().add("derivation-panel");
        setId("derivation-panel");
        title.setId("derivation-title");
        title.getStyleClass().add("derivation-title");
        title.setMinWidth(0);
        Button close = new Button(null, new FontIcon("mdi2c-close"));
        close.setId("derivation-close");
        close.setTooltip(new Tooltip("Close (Esc)"));
        close.setFocusTraversable(false);
        close.setMinWidth(Region.USE_PREF_SIZE);
        close.setOnAction(e -> onClose.run());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        stepIt.setId("derivation-step-it");
        stepIt.setFocusTraversable(false);
        stepIt.setMinWidth(Region.USE_PREF_SIZE);
        stepIt.setOnAction(e -> { if (product != null) onStepIt.accept(product); });
        stepIt.managedProperty().bind(stepIt.visibleProperty());
        stepIt.setVisible(false);
        HBox head = new HBox(8, title, grow, stepIt, close);
        head.setAlignment(Pos.CENTER_LEFT);

        rule.setId("derivation-rule");
        rule.getStyleClass().addAll("derivation-rule", "derivation-number");
        more.setId("derivation-more");
        total.setId("derivation-total");
        total.getStyleClass().add("derivation-number");
        engine.setId("derivation-engine");
        engine.getStyleClass().addAll("derivation-number", "derivation-engine");
        note.setId("derivation-note");
        note.getStyleClass().add("derivation-note");
        status.setId("derivation-status");
        status.getStyleClass().add("derivation-status");
        Label hint = new Label("Click a cell, or move with the arrow keys and press Enter; Esc gives the arrows back to stepping.");
        hint.getStyleClass().add("derivation-hint");
        for (Label l : new Label[]{rule, more, total, engine, note, status, hint}) {
            l.setWrapText(true);
            l.setMinHeight(Region.USE_PREF_SIZE);
        }
        // Empty lines take no room.
        for (Label l : new Label[]{more, status}) l.managedProperty().bind(l.textProperty().isNotEmpty());
        // The rule on top and the total with the element at the bottom stay in view; the terms and the
        // note between them scroll where the window is short (1280x720 at 150%).
        VBox body = new VBox(6, terms, more, note, status, hint);
        body.getStyleClass().add("derivation-body");
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        // At 200% on a small screen a derivation is taller than the window: its lines scroll, never shrink.
        scroll.getProperties().put(LayoutAudit.SCROLLS, true);
        scroll.getStyleClass().add("derivation-scroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        VBox foot = new VBox(2, total, engine);
        foot.getStyleClass().add("derivation-foot");
        getChildren().addAll(head, rule, scroll, foot);
        setVisible(false);
        setManaged(false);
    }

    void onClose(Runnable r) { onClose = r; }

    void onStepIt(java.util.function.Consumer<ElementProduct> c) { onStepIt = c; }

    /** The product "Step it" opens (null for an elementwise gradient or while none is shown). */
    ElementProduct product() { return product; }

    boolean open() { return isVisible(); }

    /** The derivation on screen (null while one is computed or none is open); tests read it. */
    Derivation shown() { return shown; }

    /** Opens the panel for {@code element} while its derivation is computed. */
    void computing(String element) {
        shown = null;
        title.setText(element);
        clear();
        status.setText("adding up " + element + "\u2026");
        setOpen(true);
    }

    void show(Derivation d, ElementProduct p) {
        shown = d;
        product = p;
        stepIt.setVisible(p != null);
        if (p != null) stepIt.setTooltip(new Tooltip("Open the matmul stepper on " + p.formula()
                + ": the triple loop computes this element, " + Fmt.count(p.inner()) + " multiply-adds"));
        title.setText(d.element() + " = " + Fmt.num(d.engine()));
        clear();
        rule.setText(d.rule());
        for (int t = 0; t < d.terms().size(); t++) {
            Derivation.Term term = d.terms().get(t);
            // A single term is the whole rule: its value is the total, said below.
            // Two lines by design (the factors, then the product and the sum so far): one line of
            // ~75 characters would wrap at an arbitrary place on a projector.
            String line = d.count() == 1 ? term.text()
                    : term.text() + "\n  = " + Fmt.num(term.value()) + ",  sum so far " + Fmt.num(term.partialSum());
            Label l = new Label(line);
            l.setId("derivation-term-" + t);
            l.getStyleClass().addAll("derivation-term", "derivation-number");
            l.setWrapText(true);
            l.setMinHeight(Region.USE_PREF_SIZE);
            terms.getChildren().add(l);
        }
        long rest = d.count() - d.terms().size();
        more.setText(rest > 0 ? "\u2026 and " + Fmt.count(rest) + " more term" + (rest == 1 ? "" : "s") : "");
        total.setText(d.count() == 1 ? "total = " + Fmt.num(d.total())
                : "sum of all " + Fmt.count(d.count()) + " terms = " + Fmt.num(d.total()));
        double diff = Math.abs(d.total() - d.engine());
        engine.setText("= " + d.element() + ", the element shown: " + Fmt.num(d.engine())
                + (diff == 0 ? "" : "  (rounding: " + Fmt.num(diff) + ")"));
        note.setText(d.note());
        setOpen(true);
    }

    void failed(String element, String message) {
        shown = null;
        title.setText(element);
        clear();
        status.setText("Could not derive " + element + ": " + message);
        setOpen(true);
    }

    void close() {
        shown = null;
        setOpen(false);
    }

    /** The texts on screen, top to bottom (for tests and the audit's eye). */
    List<String> lines() {
        List<String> out = new ArrayList<>(List.of(title.getText(), rule.getText()));
        terms.getChildren().forEach(n -> out.add(((Label) n).getText()));
        out.addAll(List.of(more.getText(), total.getText(), engine.getText(), note.getText()));
        return out;
    }

    String totalText() { return total.getText(); }

    String engineText() { return engine.getText(); }

    String ruleText() { return rule.getText(); }

    private void clear() {
        if (shown == null) {
            product = null;
            stepIt.setVisible(false);
        }
        rule.setText("");
        terms.getChildren().clear();
        more.setText("");
        total.setText("");
        engine.setText("");
        note.setText("");
        status.setText("");
    }

    private void setOpen(boolean open) {
        setVisible(open);
        setManaged(open);
    }
}
