package io.backproplens.ui.shell;

import io.backproplens.ui.activations.ActivationsView;
import io.backproplens.ui.matmul.MatmulView;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Somewhere a teacher can stand in the app: a lesson scene, or a mode of a view that no scene
 * opens. The layout audit visits every one; {@code snapshot} renders the lesson scenes.
 */
record Place(String name, Consumer<MainWindow> show) {

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
        for (io.backproplens.ui.slips.SlipsView.Slip s : List.of(io.backproplens.ui.slips.SlipsView.Slip.SELF_TEST,
                io.backproplens.ui.slips.SlipsView.Slip.SHIFT)) {
            all.add(new Place("slips-" + s.name().toLowerCase().replace('_', '-'), w -> {
                w.showLesson(Lesson.SLIPS);
                w.slips().select(s);
            }));
        }
        return List.copyOf(all);
    }
}
