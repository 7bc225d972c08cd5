package io.backproplens.ui;

import io.backproplens.ui.activations.ActivationsLens;
import javafx.scene.layout.BorderPane;

/**
 * The Activations tab: histograms per layer and per gradient, Xavier versus Kaiming side by side,
 * and the depth sweep. The view itself lives in {@link ActivationsLens}; Next and Previous (the
 * presenter's clicker) walk randn, Xavier, Kaiming.
 */
public final class ActivationsView extends BorderPane implements Steppable {
    private final ActivationsLens lens;

    public ActivationsView(Controller controller) {
        lens = new ActivationsLens(controller);
        setCenter(lens);
    }

    public ActivationsLens lens() { return lens; }

    @Override public void next() { lens.nextInit(+1); }

    @Override public void previous() { lens.nextInit(-1); }
}
