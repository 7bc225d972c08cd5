package io.backproplens.ui.network;

import static io.backproplens.ui.network.LensAppFixture.fx;

/** Small helpers shared by the network view's UI tests. */
final class NetworkViewTestSupport {
    private NetworkViewTestSupport() {}

    /** The graph's smallest zoom at the app's UI scale. */
    static double floor(LensAppFixture app) {
        return NetworkView.GRAPH_FLOOR * fx(() -> app.state.presentation.scale.get());
    }
}
