package io.backproplens.ui.shell;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Text;

/**
 * The desk's lesson caption: the whole sentence, wrapped, where the window has room; in a window
 * short for its UI scale (the compact chrome, under {@link #WRAP_ROOM} CSS px of height) one line,
 * cut at a clause ("Forward: x @ w1 + b1, ReLU, @ w2 + b2…"), never mid-word, with the whole
 * sentence in its tooltip (and under the view in presenter mode). At 1280x720 and 200% two lines
 * of caption took 88 of the 720 px, where the view had 190.
 */
final class OneLineCaption {
    /** Below this many CSS px of window height per unit of UI scale the caption keeps to one line. */
    static final double WRAP_ROOM = 600;
    private final Label label;
    private final StringProperty text = new SimpleStringProperty("");
    private final Tooltip tip = new Tooltip();
    private boolean oneLine;

    OneLineCaption(Label label) {
        this.label = label;
        tip.textProperty().bind(text);
        tip.setWrapText(true);
        tip.setMaxWidth(600);
        label.setMaxWidth(Double.MAX_VALUE);
        text.addListener(o -> fit());
        label.widthProperty().addListener(o -> fit());
        label.fontProperty().addListener(o -> fit());
    }

    /** The whole caption (what presenter mode shows, and tests read). */
    StringProperty text() { return text; }

    /** One line (a short window) or the whole sentence wrapped. */
    void setOneLine(boolean on) {
        if (on == oneLine) return;
        oneLine = on;
        fit();
    }

    private void fit() {
        String full = text.get() == null ? "" : text.get();
        label.setWrapText(!oneLine);
        double room = label.getWidth() - label.getInsets().getLeft() - label.getInsets().getRight() - 2;
        if (!oneLine || room <= 0 || width(full) <= room) {
            label.setText(full);
            label.setTooltip(null);
            return;
        }
        label.setText(clause(full, room));
        label.setTooltip(tip);
    }

    /**
     * The longest start of {@code full} that ends at a clause (before ": ", ", ", "; ", " (" or ". ") and
     * fits {@code room}, with "…"; where that is under half the line, the words that fit.
     */
    private String clause(String full, double room) {
        String best = null;
        for (int i = 1; i < full.length() - 1; i++) {
            char c = full.charAt(i), next = full.charAt(i + 1);
            boolean end = (c == ':' || c == ',' || c == ';' || c == '.') && next == ' ' || c == ' ' && next == '(';
            if (!end) continue;
            String s = full.substring(0, i) + "\u2026";
            if (width(s) <= room) best = s;
            else break;
        }
        // A clause that leaves most of the line empty ("Gradient check…"): the words that fit say more.
        if (best != null && width(best) > room / 2) return best;
        int cut = full.length();
        String s = full;
        while (cut > 0 && width(s) > room) {
            cut = full.lastIndexOf(' ', cut - 1);
            s = cut <= 0 ? "\u2026" : full.substring(0, cut) + "\u2026";
        }
        return s;
    }

    private double width(String s) {
        Text t = new Text(s);
        t.setFont(label.getFont());
        return t.getLayoutBounds().getWidth();
    }
}
