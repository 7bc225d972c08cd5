package io.backproplens.ui.shell;

import io.backproplens.ui.activations.ActivationsView;
import io.backproplens.ui.matmul.MatmulView;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Somewhere a teacher can stand in the app: a lesson scene, a mode of a view that no scene
 * opens, or a PopOver opened over one. The layout audit visits every one; {@code snapshot}
 * renders the lesson scenes.
 *
 * @param show  brings the window there
 * @param open  then, once that has come to rest, opens a PopOver (null for none): a PopOver is
 *              placed by where its owner was laid out, so it opens only after the layout
 * @param popup the place is the PopOver: the audit checks its window, the window under it being
 *              another place of its own
 */
record Place(String name, Consumer<MainWindow> show, Consumer<MainWindow> open, boolean popup) {

    Place(String name, Consumer<MainWindow> show) { this(name, show, null, false); }

    /** A PopOver opened by firing the button with this id, once {@code show} has laid it out. */
    static Place popOver(String name, Consumer<MainWindow> show, String buttonId) {
        return new Place(name, show, w -> {
            if (w.lookup("#" + buttonId) instanceof javafx.scene.control.ButtonBase b && shown(b)) b.fire();
        }, true);
    }

    /** Whether the node and every parent are visible (not in a tab behind another, not folded away). */
    private static boolean shown(javafx.scene.Node n) {
        if (n.getScene() == null) return false;
        for (javafx.scene.Node p = n; p != null; p = p.getParent()) if (!p.isVisible()) return false;
        return true;
    }

    static Place of(Lesson lesson) { return new Place(lesson.fileName(), w -> w.showLesson(lesson)); }

    static List<Place> lessons() { return java.util.Arrays.stream(Lesson.values()).map(Place::of).toList(); }

    /** The lesson scenes, then the views' other modes. */
    static List<Place> all() {
        List<Place> all = new ArrayList<>(lessons());
        for (ActivationsView.Mode m : List.of(ActivationsView.Mode.ACTIVATIONS, ActivationsView.Mode.GRADIENTS, ActivationsView.Mode.DEPTH)) {
            all.add(new Place("activations-" + m.name().toLowerCase(), w -> {
                w.showLesson(Lesson.INIT);
                w.activations().setMode(m);
            }));
        }
        for (MatmulView.Section s : List.of(MatmulView.Section.REAL, MatmulView.Section.BACKWARD, MatmulView.Section.LADDER)) {
            all.add(new Place("matmul-" + s.name().toLowerCase(), w -> {
                w.showLesson(Lesson.MATMUL);
                w.matmul().select(s);
            }));
        }
        all.add(new Place("train-race", w -> {
            w.showLesson(Lesson.TRAIN);
            w.train().setMode(io.backproplens.ui.train.TrainView.Mode.RACE);
            w.train().setConfig(io.backproplens.train.TrainConfig.defaults(io.backproplens.engine.Head.CE).withDepth(8).withLr(0.1));
            w.train().trainAhead(0.3);
        }));
        all.add(new Place("network-start", w -> {
            w.showLesson(Lesson.FORWARD);
            w.stepTo(-1);
        }));
        all.add(new Place("network-inspector", w -> {
            w.showLesson(Lesson.FORWARD);
            w.network().showTensorInspector();
        }));
        for (io.backproplens.ui.slips.SlipsView.Slip s : List.of(io.backproplens.ui.slips.SlipsView.Slip.SELF_TEST,
                io.backproplens.ui.slips.SlipsView.Slip.SHIFT)) {
            all.add(new Place("slips-" + s.name().toLowerCase().replace('_', '-'), w -> {
                w.showLesson(Lesson.SLIPS);
                w.slips().select(s);
            }));
        }
        // The PopOvers: Settings of the compact chrome (only where the chrome folds; elsewhere the
        // fields stand in the bar and there is nothing to open), and the shapes of a backward formula.
        all.add(popOver("settings-popover", w -> w.showLesson(Lesson.FORWARD), "settings-button"));
        all.add(popOver("shapes-popover", w -> {
            w.showLesson(Lesson.BACKWARD);
            w.network().showStep();
        }, "formula-0-why"));
        return List.copyOf(all);
    }
}
