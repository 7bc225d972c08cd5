package io.backproplens.ui.matmul;

import io.backproplens.session.PassResult;
import io.backproplens.session.Session;
import io.backproplens.ui.core.AppState;
import io.backproplens.ui.core.Background;
import io.backproplens.ui.core.Controller;
import io.backproplens.ui.core.ErrorDialogs;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import java.util.Objects;

/**
 * The Matmul view in a window of its own, set up as the app sets up its window: the app state
 * holding a session and a pass, the theme's user-agent stylesheet and the root font size from
 * {@link io.backproplens.ui.core.Presentation}, the app's own stylesheet on the scene, and a stage
 * exactly the size asked for. Every test class shares one stage, so nothing a class before left
 * behind (a bigger stage, another stylesheet) may decide what this one measures.
 */
final class MatmulViewFixture {
    final AppState state = new AppState();
    final MatmulView view;
    final StackPane root;
    final Scene scene;

    private MatmulViewFixture(Stage stage, Session session, PassResult pass, double scale, double width, double height) {
        ErrorDialogs.setShowDialogs(false);
        state.session.set(session);
        state.pass.set(pass);
        view = new MatmulView(new Controller(state, new Background(state)));
        // As in the window: the view gets the room there is, whatever its parts would like.
        view.setMinSize(0, 0);
        root = new StackPane(view);
        state.presentation.scale.set(scale);
        state.presentation.theme.set(io.backproplens.ui.core.Presentation.Theme.LIGHT);
        // As in snapshots: a step lands at once, so an audit never catches an operand in flight
        // (on a busy machine the multiply-add motion was still running when the page was audited).
        state.presentation.motion.set(false);
        // Sets the theme's user-agent stylesheet (AtlantaFX) and the root font size, as the app does.
        state.presentation.applyTo(root);
        scene = new Scene(root, width, height);
        scene.getStylesheets().add(Objects.requireNonNull(MatmulViewFixture.class.getResource("/css/lens.css")).toExternalForm());
        if (stage.isFullScreen()) stage.setFullScreen(false);
        if (stage.isMaximized()) stage.setMaximized(false);
        stage.setScene(scene);
        // A stage another class sized keeps that size unless told: the window is the scene's size.
        stage.setWidth(width);
        stage.setHeight(height);
        stage.show();
    }

    private static Session session;

    /** One session on the bundled MNIST for every test class of the view (loading it is the slow part). */
    static synchronized Session session() throws Exception {
        if (session == null) session = new Session(io.backproplens.session.Datasets.bundled(), org.nd4j.linalg.api.buffer.DataType.FLOAT);
        return session;
    }

    /** Shows the view {@code width x height} at UI scale {@code scale}, with {@code pass} as the current pass. */
    static MatmulViewFixture show(Stage stage, Session session, PassResult pass, double scale, double width, double height) {
        return new MatmulViewFixture(stage, session, pass, scale, width, height);
    }
}
