package io.backproplens.ui.core;

import io.backproplens.engine.Init;

/** The one table of inits as a teacher says them, for every menu, button and caption. */
public final class InitNames {
    private InitNames() {}

    /** randn, randn × 0.01, Xavier, Kaiming, notebook. */
    public static String of(Init i) {
        return switch (i) {
            case RANDN -> "randn";
            case SMALL -> "randn \u00d7 0.01";
            case XAVIER -> "Xavier";
            case KAIMING -> "Kaiming";
            case NOTEBOOK -> "notebook";
        };
    }
}
