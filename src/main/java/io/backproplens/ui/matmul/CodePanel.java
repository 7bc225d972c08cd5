package io.backproplens.ui.matmul;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The code of the step being shown, in the notebook's style, with the line being executed
 * highlighted and each loop line showing its variable's current value ({@code i = 1}), so the
 * code and the picture move in lockstep. A line above the code repeats all the loop variables.
 */
final class CodePanel extends VBox {
    private static final Pattern LOOP = Pattern.compile("^\\s*for (\\w+) in ");

    private final Label vars = new Label();
    private final VBox lines = new VBox();
    private final List<HBox> rows = new ArrayList<>();
    private final List<Label> notes = new ArrayList<>();
    private final List<String> loopVar = new ArrayList<>();
    private int current = -1;

    CodePanel(String id) {
        setId(id);
        getStyleClass().add("mm-code-panel");
        vars.setId(id + "-vars");
        vars.getStyleClass().add("mm-code-vars");
        vars.setWrapText(true);
        lines.getStyleClass().add("mm-code-lines");
        getChildren().addAll(vars, lines);
    }

    void setCode(List<String> code) {
        lines.getChildren().clear();
        rows.clear();
        notes.clear();
        loopVar.clear();
        current = -1;
        for (String text : code) {
            Label line = new Label(text);
            line.getStyleClass().add("mm-code-line");
            // A long line wraps on a narrow or scaled window rather than being cut.
            line.setWrapText(true);
            line.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            Label note = new Label();
            note.getStyleClass().add("mm-code-note");
            note.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            HBox row = new HBox(14, line, note);
            HBox.setHgrow(line, javafx.scene.layout.Priority.SOMETIMES);
            row.setAlignment(Pos.CENTER_LEFT);
            row.getStyleClass().add("mm-code-row");
            rows.add(row);
            notes.add(note);
            Matcher m = LOOP.matcher(text);
            loopVar.add(m.find() ? m.group(1) : null);
            lines.getChildren().add(row);
        }
    }

    /**
     * Highlights {@code line} (-1: none) and shows the loop variables' values; a variable missing
     * from {@code values} shows as a dash.
     */
    void show(int line, Map<String, String> values, List<String> order) {
        if (current >= 0 && current < rows.size()) rows.get(current).getStyleClass().remove("mm-code-current");
        current = line;
        if (line >= 0 && line < rows.size()) rows.get(line).getStyleClass().add("mm-code-current");
        for (int n = 0; n < notes.size(); n++) {
            String v = loopVar.get(n);
            String value = v == null ? null : values.get(v);
            notes.get(n).setText(value == null ? "" : "\u2190 " + v + " = " + value);
        }
        StringBuilder s = new StringBuilder();
        for (String v : order) {
            if (!s.isEmpty()) s.append("    ");
            s.append(v).append(" = ").append(values.getOrDefault(v, "\u2013"));
        }
        vars.setText(s.toString());
    }

    /** Shows or folds the code's lines (the loop variables' line stays). */
    void setLinesShown(boolean shown) {
        lines.setVisible(shown);
        lines.setManaged(shown);
    }

    /**
     * Shows or folds the line of loop variables over the code. Folded, each loop line still shows
     * its own variable ({@code ← i = 0}): the line over the code repeats them for the back row, and
     * is the first thing to go when the height runs short.
     */
    void setVarsShown(boolean shown) {
        vars.setVisible(shown);
        vars.setManaged(shown);
    }

    /** The height of the panel {@code w} wide with its lines shown and the variables' line folded. */
    double linesHeight(double w) {
        return snappedTopInset() + snappedBottomInset() + lines.prefHeight(w - snappedLeftInset() - snappedRightInset());
    }

    /** The width the panel wants with its lines shown, whether they are or not. */
    double fullWidth() {
        return snappedLeftInset() + snappedRightInset() + Math.max(vars.prefWidth(-1), lines.prefWidth(-1));
    }

    /** The height of the panel {@code w} wide with its lines shown, whether they are or not. */
    double fullHeight(double w) {
        double in = w - snappedLeftInset() - snappedRightInset();
        return snappedTopInset() + snappedBottomInset() + vars.prefHeight(in) + getSpacing() + lines.prefHeight(in);
    }

    /** The height of the panel {@code w} wide with its lines folded. */
    double varsHeight(double w) {
        return snappedTopInset() + snappedBottomInset() + vars.prefHeight(w - snappedLeftInset() - snappedRightInset());
    }

    String currentLineText() {
        return current >= 0 && current < rows.size() ? ((Label) rows.get(current).getChildren().get(0)).getText() : null;
    }

    String varsText() { return vars.getText(); }
}
