package io.backproplens.ui.train;

import io.backproplens.session.Datasets;
import io.backproplens.train.TrainData;
import io.backproplens.ui.core.AppState;
import io.backproplens.ui.core.Background;
import io.backproplens.ui.core.Controller;
import io.backproplens.ui.core.ErrorDialogs;
import javafx.stage.Stage;


/**
 * What the Train view's tests start from: the view alone in a window, with the app's stylesheet
 * and its own state, training on the first 2,000 training and 500 validation rows of the real
 * MNIST (loaded once per test class).
 */
final class TrainViewFixture {
    private static TrainData small;

    final Stage stage;
    final AppState state;
    final TrainView view;

    private TrainViewFixture(Stage stage, AppState state, TrainView view) {
        this.stage = stage;
        this.state = state;
        this.view = view;
    }

    /** The data subset (call from {@code @BeforeAll}: the first call reads MNIST); error dialogs off. */
    static TrainData load() throws java.io.IOException {
        ErrorDialogs.setShowDialogs(false);
        if (small == null) small = TrainData.of(Datasets.bundled()).head(2000, 500);
        return small;
    }

    /**
     * A Train view in a {@code width x height} scene on {@code stage}, its root font {@code fontPx}
     * (16 px is 100%, 32 px 200%; 0 leaves the stylesheet's), fed the data subset.
     */
    static TrainViewFixture start(Stage stage, double width, double height, double fontPx) {
        AppState state = new AppState();
        TrainView view = new TrainView(new Controller(state, new Background(state)));
        if (fontPx > 0) view.setStyle("-fx-font-size: " + fontPx + "px;");
        io.backproplens.ui.TestStage.show(stage, view, width, height);
        view.useData(small);
        return new TrainViewFixture(stage, state, view);
    }
}
