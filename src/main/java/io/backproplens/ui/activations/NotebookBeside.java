package io.backproplens.ui.activations;

import io.backproplens.engine.Init;
import io.backproplens.session.NotebookPrinted;
import io.backproplens.session.Settings;

import java.util.Optional;

/**
 * The notebook's printed statistics for a layer of x_valid (cells In [45] to In [47]), to show
 * beside the app's: {@code notebook: mean 0.5117   std 0.7864}, with why the digits differ (its
 * weights were unseeded). Only where the notebook's run is this one: its nh (50), no ReLU shift.
 */
final class NotebookBeside {
    /** The notebook's hidden size. */
    static final int NH = 50;

    private NotebookBeside() {}

    /** Why the digits differ, for the line's tooltip. */
    static String why(Init init, String key) {
        String id = init == Init.NOTEBOOK ? Init.KAIMING.id() : init.id();
        String layer = key.equals("lin1") ? "lin" : key;
        return NotebookPrinted.find(id + "." + layer + ".mean").map(n -> "The notebook's " + n.cell() + ": "
                + n.kind().note() + ".").orElse(null);
    }

    /** The line for {@code key} (lin1, relu) under {@code init}, or null when the notebook printed none for it. */
    static String text(Init init, String key, Settings s) {
        if (s.nh() != NH || s.reluShift() != 0) return null;
        String layer = switch (key) {
            case "lin1" -> "lin";
            case "relu" -> "relu";
            default -> null;
        };
        if (layer == null) return null;
        // The notebook's own init drew w1 as Kaiming's (In [47]); only w2 differs.
        String id = init == Init.NOTEBOOK ? Init.KAIMING.id() : init.id();
        Optional<NotebookPrinted.Number> mean = NotebookPrinted.find(id + "." + layer + ".mean");
        Optional<NotebookPrinted.Number> std = NotebookPrinted.find(id + "." + layer + ".std");
        if (mean.isEmpty() || std.isEmpty()) return null;
        return "notebook: mean " + mean.get().text() + "  std " + std.get().text() + " (unseeded)";
    }
}
