package io.backproplens.ui.shell;

import io.backproplens.ui.audit.ContrastAudit;
import io.backproplens.ui.audit.LayoutAudit;
import io.backproplens.ui.core.Exports;
import io.backproplens.files.Animation;
import io.backproplens.ui.core.Presentation;
import io.backproplens.ui.core.Steppable;
import javafx.scene.image.WritableImage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What {@code snapshot} does, without a display: every lesson scene rendered to PNG (for slides,
 * the README and CI), or the layout audit of every place in the app at the sizes and scales of a
 * classroom. The real window and the real views, nothing mocked.
 */
public final class Snapshots {
    /** The smallest text the back row can read at 100%, in pixels; it grows with the UI scale. */
    public static final double FONT_FLOOR_PX = 14;
    /** Window sizes a snapshot may ask for: from a small laptop screen to 8K. */
    public static final int MIN_WIDTH = 640, MAX_WIDTH = 7680, MIN_HEIGHT = 360, MAX_HEIGHT = 4320;

    /** One window size, UI scale and mode (presenter or not) to audit. */
    public record Setup(int width, int height, double scale, boolean presenter) {
        public Setup(int width, int height, double scale) { this(width, height, scale, false); }

        /** The classroom matrix: 1024x768, 1280x720, 1920x1080 at 100%, 150%, 200%, presenter mode off and on. */
        public static List<Setup> matrix() {
            List<Setup> all = new ArrayList<>();
            for (boolean presenter : new boolean[]{false, true}) {
                for (int[] size : new int[][]{{1024, 768}, {1280, 720}, {1920, 1080}}) {
                    for (double scale : new double[]{1.0, 1.5, 2.0}) all.add(new Setup(size[0], size[1], scale, presenter));
                }
            }
            return List.copyOf(all);
        }

        /**
         * {@code 1280x720@1.5}, with {@code p} at the end for presenter mode ({@code 1280x720@1.5p});
         * the scale may be left out ({@code 1024x768} is 100%).
         */
        public static Setup parse(String text) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,5})x(\\d{1,5})(?:@(\\d+(?:\\.\\d+)?))?(p?)")
                    .matcher(text.trim().toLowerCase(Locale.ROOT));
            if (!m.matches()) throw new IllegalArgumentException("'" + text + "' is not a setup like 1280x720@1.5 or 1280x720@1.5p");
            Setup s = new Setup(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    m.group(3) == null ? 1.0 : Double.parseDouble(m.group(3)), !m.group(4).isEmpty());
            HeadlessApp.checkSize(s.width, s.height);
            HeadlessApp.checkScale(s.scale);
            return s;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%dx%d at %.0f%%%s", width, height, scale * 100, presenter ? " presenter" : "");
        }
    }

    private Snapshots() {}

    /** Writes {@code NN-scene.png} for every lesson scene into {@code outDir}. */
    public static List<Path> renderLessons(Path outDir, int width, int height, Presentation.Theme theme, double scale)
            throws Exception {
        return renderLessons(outDir, new Setup(width, height, scale, false), theme, "");
    }

    /**
     * Writes {@code NN-scene.png} for every lesson scene into {@code outDir} at the setup (in
     * presenter mode when it says so), each name followed by {@code suffix}.
     */
    public static List<Path> renderLessons(Path outDir, Setup setup, Presentation.Theme theme, String suffix)
            throws Exception {
        int width = setup.width(), height = setup.height();
        HeadlessApp.checkScale(setup.scale());
        HeadlessApp.checkSize(width, height);
        Files.createDirectories(outDir);
        try (HeadlessApp app = HeadlessApp.start(width, height, width, height, theme, setup.scale())) {
            app.configure(width, height, setup.scale(), setup.presenter());
            List<Path> written = new ArrayList<>();
            for (Place p : Place.lessons()) {
                app.show(p);
                WritableImage image = app.snapshot();
                Path file = outDir.resolve(p.name() + suffix + ".png");
                Exports.writePng(image, file);
                written.add(file);
            }
            app.failIfErrorShown("rendering");
            return written;
        }
    }

    /**
     * Pictures of the places whose name contains {@code only} at each setup, named
     * {@code PLACE-WxH@S[p].png} ({@code matmul-real-1024x768@2p.png}): every place the audit
     * visits can be looked at, not only the lesson scenes.
     */
    public static List<Path> renderPlaces(Path outDir, List<Setup> setups, Presentation.Theme theme, String only) throws Exception {
        Files.createDirectories(outDir);
        List<Path> written = new ArrayList<>();
        visitPlaces(setups, theme, only, "render", (app, s, p) -> {
            Path file = outDir.resolve(String.format(Locale.ROOT, "%s-%dx%d@%s%s.png", p.name(), s.width(), s.height(),
                    new java.math.BigDecimal(Double.toString(s.scale())).stripTrailingZeros().toPlainString(), s.presenter() ? "p" : ""));
            Exports.writePng(p.popup() ? app.snapshotWithPopOvers() : app.snapshot(), file);
            written.add(file);
        });
        return written;
    }

    /** What {@link #visitPlaces} does at one place of one setup, the place shown and laid out. */
    private interface PlaceVisit {
        void at(HeadlessApp app, Setup setup, Place place) throws Exception;
    }

    /**
     * Every place whose name contains {@code only}, at every setup, in one headless window on a
     * screen as large as the largest setup; fails if an error dialog was shown meanwhile.
     */
    private static void visitPlaces(List<Setup> setups, Presentation.Theme theme, String only, String verb, PlaceVisit visit)
            throws Exception {
        if (setups.isEmpty()) throw new IllegalArgumentException("nothing to " + verb);
        for (Setup s : setups) { HeadlessApp.checkSize(s.width(), s.height()); HeadlessApp.checkScale(s.scale()); }
        int screenW = setups.stream().mapToInt(Setup::width).max().orElseThrow();
        int screenH = setups.stream().mapToInt(Setup::height).max().orElseThrow();
        Setup first = setups.get(0);
        try (HeadlessApp app = HeadlessApp.start(first.width(), first.height(), screenW, screenH, theme, first.scale())) {
            for (Setup s : setups) {
                app.configure(s.width(), s.height(), s.scale(), s.presenter());
                for (Place p : Place.all()) {
                    if (!p.name().contains(only)) continue;
                    app.show(p);
                    visit.at(app, s, p);
                }
            }
            app.failIfErrorShown(verb + "ing");
        }
    }

    /**
     * Renders a saved scene file as the app would open it, to {@code outDir/NAME.png}. The file is
     * checked first, so a bad one fails with the app's own one-line message before anything starts.
     *
     * @throws java.io.IOException with that message when the file is refused
     */
    public static Path renderScene(Path sceneFile, Path outDir, int width, int height, Presentation.Theme theme, double scale)
            throws Exception {
        return renderScene(sceneFile, outDir, new Setup(width, height, scale, false), theme);
    }

    /** As above, at a setup (presenter mode or not). */
    public static Path renderScene(Path sceneFile, Path outDir, Setup setup, Presentation.Theme theme) throws Exception {
        int width = setup.width(), height = setup.height();
        double scale = setup.scale();
        HeadlessApp.checkScale(scale);
        HeadlessApp.checkSize(width, height);
        SceneFile.read(sceneFile);
        Files.createDirectories(outDir);
        try (HeadlessApp app = HeadlessApp.start(width, height, width, height, theme, scale)) {
            app.configure(width, height, scale, setup.presenter());
            String refused = HeadlessApp.onFx(() -> app.window.openScene(sceneFile)).get(300, java.util.concurrent.TimeUnit.SECONDS);
            if (refused != null) throw new java.io.IOException(refused);
            app.settle();
            String name = sceneFile.getFileName().toString().replaceFirst("(\\.lens)?\\.json$", "");
            Path file = outDir.resolve(name + ".png");
            Exports.writePng(app.snapshot(), file);
            app.failIfErrorShown("rendering " + sceneFile.getFileName());
            return file;
        }
    }

    /**
     * The init toggle as a teacher presses it: in the Activations view on all 50,000 rows, R, X and
     * K in turn, each timed from the key press to the first frame laid out with the new init's
     * histograms. The times in ms, in order. Settled: each key is pressed once the background is idle
     * again (the pass the toggle before started has landed), as in class; else at once.
     */
    public static List<Double> measureToggles(int n, boolean settled, Setup setup, Presentation.Theme theme) throws Exception {
        if (n < 1 || n > 1000) throw new IllegalArgumentException("toggles must be from 1 to 1000, got " + n);
        List<Double> ms = new ArrayList<>();
        try (HeadlessApp app = HeadlessApp.start(setup.width(), setup.height(), setup.width(), setup.height(), theme, setup.scale())) {
            app.configure(setup.width(), setup.height(), setup.scale(), setup.presenter());
            app.show(Place.all().stream().filter(p -> p.name().equals("activations-activations")).findFirst().orElseThrow());
            javafx.scene.input.KeyCode[] keys = {javafx.scene.input.KeyCode.X, javafx.scene.input.KeyCode.K, javafx.scene.input.KeyCode.R};
            io.backproplens.engine.Init[] inits = {io.backproplens.engine.Init.XAVIER, io.backproplens.engine.Init.KAIMING, io.backproplens.engine.Init.RANDN};
            // Start from a settled view: its first histograms are drawn once the axes shared by the three
            // inits are built (three full passes), as a class sees it a few seconds after start.
            while (HeadlessApp.onFx(() -> app.window.activations().drawnProperty().get() == null)) Thread.sleep(1);
            for (int i = 0; i < n; i++) {
                javafx.scene.input.KeyCode key = keys[i % 3];
                io.backproplens.engine.Init want = inits[i % 3];
                if (settled) while (HeadlessApp.onFx(() -> app.window.state().busy.get())) Thread.sleep(1);
                long t0 = System.nanoTime();
                HeadlessApp.onFx(() -> {
                    javafx.scene.Scene scene = app.window.getScene();
                    javafx.event.Event.fireEvent(scene.getFocusOwner() != null ? scene.getFocusOwner() : app.window,
                            new javafx.scene.input.KeyEvent(javafx.scene.input.KeyEvent.KEY_PRESSED, "", "", key, false, false, false, false));
                    return null;
                });
                while (!HeadlessApp.onFx(() -> {
                    var shown = app.window.activations().drawnProperty().get();
                    return shown != null && shown.init() == want;
                })) {
                    Thread.sleep(1);
                }
                app.pulses(1);
                ms.add((System.nanoTime() - t0) / 1e6);
            }
            app.failIfErrorShown("toggling the init");
        }
        return ms;
    }

    /**
     * What {@link #measureTrainFrames} measured: per-frame FX-thread milliseconds (see the Train
     * view's frame meter) and how much was trained meanwhile.
     */
    public record TrainFrames(double[] drawMs, double[] drawCpuMs, double[] drawLockedMs, double[] pulseMs, double[] cpuMs,
                              long batches, double seconds, String config) {}

    /**
     * Play in the Train view, as a teacher presses it, for {@code n} frames drawn while the trainer
     * runs: the FX thread's time per frame (the view's own drawing, the pulse through CSS and
     * layout, and its CPU time from frame to frame). The live view with the lesson's settings
     * (ce, depth 1, bs 64), or the init race at depth 8.
     */
    public static TrainFrames measureTrainFrames(int n, Setup setup, Presentation.Theme theme, boolean race) throws Exception {
        if (n < 1 || n > 100_000) throw new IllegalArgumentException("frames must be from 1 to 100000, got " + n);
        try (HeadlessApp app = HeadlessApp.start(setup.width(), setup.height(), setup.width(), setup.height(), theme, setup.scale())) {
            app.configure(setup.width(), setup.height(), setup.scale(), setup.presenter());
            io.backproplens.train.TrainConfig config = io.backproplens.train.TrainConfig.defaults(io.backproplens.engine.Head.CE)
                    .withEpochs(1000);
            if (race) config = config.withDepth(8).withLr(0.1);
            io.backproplens.train.TrainConfig c = config;
            HeadlessApp.onFx(() -> {
                app.window.selectTab("train");
                var v = app.window.train();
                v.setMode(race ? io.backproplens.ui.train.TrainView.Mode.RACE : io.backproplens.ui.train.TrainView.Mode.LIVE);
                v.setConfig(c);
                return null;
            });
            long deadline = System.nanoTime() + 300_000_000_000L;
            while (!HeadlessApp.onFx(() -> app.window.train().ready())) {
                if (System.nanoTime() > deadline) throw new IllegalStateException("the trainers were not built in 300 s");
                Thread.sleep(20);
            }
            app.settle();
            long[] before = new long[1];
            HeadlessApp.onFx(() -> {
                var v = app.window.train();
                before[0] = v.batches();
                v.clearFrameTimes();
                v.togglePlay();
                return null;
            });
            long t0 = System.nanoTime();
            while (HeadlessApp.onFx(() -> app.window.train().frameTimes()[0].length) < n) {
                if (!HeadlessApp.onFx(() -> app.window.train().playingProperty().get())) throw new IllegalStateException("Play stopped before " + n + " frames");
                if (System.nanoTime() > deadline) throw new IllegalStateException("fewer than " + n + " frames in 300 s");
                Thread.sleep(20);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            TrainFrames result = HeadlessApp.onFx(() -> {
                var v = app.window.train();
                v.pause();
                double[][] t = v.frameTimes();
                return new TrainFrames(t[0], t[1], t[4], t[2], t[3], v.batches() - before[0], seconds,
                        (race ? "init race, " : "") + "head " + c.head() + ", depth " + c.depth() + ", nh " + c.nh() + ", bs " + c.bs());
            });
            app.failIfErrorShown("training");
            return result;
        }
    }

    /**
     * The Trained switch after a training run, without a display: the Train view trains a model of
     * {@code head} and {@code depth} (the lesson's other settings, nh 50, bs 64) for {@code batches}
     * mini-batches, Trained is pressed, and the Network view is visited at the start of the pass,
     * at the loss's forward step and at the end of the backward pass, then the Activations view.
     * At each setup each visit either writes {@code trained-HEAD-dDEPTH-WHAT-WxH@S.png} into
     * {@code outDir} (when not null) or adds the layout audit's problems to the list returned.
     */
    public static List<String> visitTrained(Path outDir, List<Setup> setups, Presentation.Theme theme,
                                            io.backproplens.engine.Head head, int depth, int batches) throws Exception {
        if (batches < 1 || batches > 100_000) throw new IllegalArgumentException("batches must be from 1 to 100000, got " + batches);
        if (outDir != null) Files.createDirectories(outDir);
        int screenW = setups.stream().mapToInt(Setup::width).max().orElseThrow();
        int screenH = setups.stream().mapToInt(Setup::height).max().orElseThrow();
        Setup first = setups.get(0);
        List<String> lines = new ArrayList<>();
        try (HeadlessApp app = HeadlessApp.start(first.width(), first.height(), screenW, screenH, theme, first.scale())) {
            io.backproplens.train.TrainConfig config = io.backproplens.train.TrainConfig.defaults(head).withDepth(depth);
            HeadlessApp.onFx(() -> {
                app.window.selectTab("train");
                app.window.train().setConfig(config);
                return null;
            });
            app.driver.waitUntil(() -> app.window.train().ready(), "the trainer");
            for (int i = 0; i < batches; i++) {
                long want = i + 1;
                HeadlessApp.onFx(() -> { app.window.train().next(); return null; });
                app.driver.waitUntil(() -> app.window.train().batches() >= want, "batch " + want);
            }
            app.driver.waitUntil(() -> app.state.trained.get() != null && app.state.trained.get().batches() == batches, "the trained model offered");
            HeadlessApp.onFx(() -> { app.state.showTrained.set(true); return null; });
            app.driver.waitUntil(() -> app.state.pass.get() != null && app.state.pass.get().isTrained() && !app.state.busy.get(), "the trained pass");
            String prefix = "trained-" + head + "-d" + depth + "-";
            for (Setup s : setups) {
                app.configure(s.width(), s.height(), s.scale(), s.presenter());
                String[] whats = {"network-start", "network-loss", "network-end", "activations"};
                for (String what : whats) {
                    // The lesson scenes the notebook's graph is audited in (05-forward, 06-loss,
                    // 07-backward), so the two counts compare; Trained pressed again if a scene reset it.
                    HeadlessApp.onFx(() -> {
                        switch (what) {
                            case "network-start" -> app.window.showLesson(Lesson.FORWARD);
                            case "network-loss" -> app.window.showLesson(Lesson.LOSS);
                            case "network-end" -> app.window.showLesson(Lesson.BACKWARD);
                            default -> app.window.selectTab("activations");
                        }
                        if (!app.state.showTrained.get()) app.state.showTrained.set(true);
                        return null;
                    });
                    app.driver.waitUntil(() -> app.state.pass.get() != null && app.state.pass.get().isTrained() && !app.state.busy.get(), "the trained pass");
                    HeadlessApp.onFx(() -> {
                        var trace = app.state.pass.get().trace();
                        switch (what) {
                            case "network-start" -> app.window.stepTo(-1);
                            case "network-loss" -> {
                                int loss = 0;
                                for (int k = 0; k < trace.size(); k++) {
                                    if (trace.get(k).writes().stream().anyMatch(w -> w.label().equals("loss"))) loss = k;
                                }
                                app.window.stepTo(loss);
                            }
                            case "network-end" -> app.window.stepTo(trace.size() - 1);
                            default -> { }
                        }
                        return null;
                    });
                    app.settle();
                    if (outDir != null) {
                        Path file = outDir.resolve(String.format(Locale.ROOT, "%s%s-%dx%d@%s.png", prefix, what, s.width(), s.height(),
                                new java.math.BigDecimal(Double.toString(s.scale())).stripTrailingZeros().toPlainString()));
                        Exports.writePng(app.snapshot(), file);
                        lines.add(file.toString());
                    } else {
                        for (Object problem : HeadlessApp.onFx(() -> {
                            List<Object> found = new ArrayList<>(LayoutAudit.of(app.window.getScene(), FONT_FLOOR_PX * s.scale()));
                            found.addAll(ContrastAudit.of(app.window.getScene(), ContrastAudit.AA));
                            return found;
                        })) {
                            lines.add(s + " " + prefix + what + ": " + problem);
                        }
                    }
                }
            }
            app.failIfErrorShown("showing the trained model");
        }
        return lines;
    }

    /** Refuses a scene name that is not a lesson scene, in the words {@code record} prints. */
    public static void checkScene(String scene) {
        try {
            Lesson.parse(scene);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown scene '" + scene + "': expected one of "
                    + java.util.Arrays.stream(Lesson.values()).map(l -> l.name().toLowerCase(Locale.ROOT)).collect(java.util.stream.Collectors.joining(", ")));
        }
    }

    /** The most frames {@code record} takes. */
    public static final int MAX_FRAMES = StepFrames.MAX_FRAMES;

    /**
     * A lesson scene's steps as an animation: the scene is shown and its steps become frames
     * ({@link StepFrames}, as File > Export animation does it). Written by {@link Animation}.
     */
    public static List<Path> record(String scene, Path out, int width, int height, int fps, int from, int to,
                                    Presentation.Theme theme, double scale) throws Exception {
        checkScene(scene);
        Animation.formatOf(out);
        HeadlessApp.checkScale(scale);
        HeadlessApp.checkSize(width, height);
        Lesson lesson = Lesson.parse(scene);
        List<java.awt.image.BufferedImage> frames;
        try (HeadlessApp app = HeadlessApp.start(width, height, width, height, theme, scale)) {
            app.show(Place.of(lesson));
            frames = StepFrames.collect(app.driver, from, to, StepFrames.Progress.NONE);
            app.failIfErrorShown("recording " + scene);
        }
        if (frames.isEmpty()) throw new IllegalArgumentException("scene " + scene + " has no step " + from + " to record");
        return Animation.write(frames, fps, out);
    }

    /**
     * The layout audit of every place at every setup: one line per problem, each naming the setup
     * and the place ({@code 1280x720 at 100% 05-forward: truncated: Button#next: 'Next' is cut}).
     */
    /** The names of every place the audit visits, in order. */
    public static List<String> placeNames() { return Place.all().stream().map(Place::name).toList(); }

    public static List<String> audit(List<Setup> setups, Presentation.Theme theme) throws Exception {
        return audit(setups, theme, "");
    }

    /** The same for the places whose name contains {@code only} ({@code matmul}, {@code 05-forward}, ...). */
    public static List<String> audit(List<Setup> setups, Presentation.Theme theme, String only) throws Exception {
        List<String> lines = new ArrayList<>();
        visitPlaces(setups, theme, only, "audit", (app, s, p) -> {
            for (Object problem : HeadlessApp.onFx(() -> {
                double floor = FONT_FLOOR_PX * s.scale();
                javafx.scene.Scene main = app.window.getScene();
                List<Object> found = new ArrayList<>();
                if (!p.popup()) {
                    found.addAll(LayoutAudit.of(main, floor));
                    found.addAll(ContrastAudit.of(main, ContrastAudit.AA));
                }
                // A PopOver is a window of its own: audited in its own scene, its text to stay
                // inside the main window it stands over.
                for (org.controlsfx.control.PopOver pop : HeadlessApp.popOvers()) {
                    javafx.scene.Scene scene = pop.getScene();
                    double dx = main.getWindow().getX() + main.getX() - pop.getX() - scene.getX();
                    double dy = main.getWindow().getY() + main.getY() - pop.getY() - scene.getY();
                    found.addAll(LayoutAudit.of(scene, floor, new javafx.geometry.BoundingBox(dx, dy, main.getWidth(), main.getHeight())));
                    found.addAll(ContrastAudit.of(scene, ContrastAudit.AA));
                }
                return found;
            })) {
                lines.add(s + " " + p.name() + ": " + problem);
            }
        });
        return lines;
    }
}
