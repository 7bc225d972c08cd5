package io.backproplens.cli;

import io.backproplens.ui.shell.SceneFile;
import io.backproplens.ui.shell.Snapshots;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** Renders every scene of the lesson path to PNG, headless: slides, README pictures, CI. */
@Command(name = "snapshot", mixinStandardHelpOptions = true,
        description = "Render every scene of the lesson path (matmul, broadcasting, data, init, forward, loss, "
                + "backward, gradient check, the notebook's slips, train, Module refactor) to PNG files, without a display.")
final class SnapshotCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", description = "folder for the PNG files (created if missing); required unless --audit")
    Path out;

    @Option(names = "--audit", description = "instead of pictures, check the layout of every scene and view at this size and scale: "
            + "cut labels, text outside the window or its pane, overlapping text, hidden rows, text contrast under 4.5:1 (WCAG AA), text under "
            + (int) Snapshots.FONT_FLOOR_PX + " px x scale. Prints one line per problem and 'N problems'; exit status 1 when N > 0.")
    boolean audit;

    @Option(names = "--toggles", paramLabel = "N", description = "instead of pictures, press R, X, K in turn N times in the "
            + "Activations view (all 50,000 rows) and print the time from each key press to the new histograms on screen, "
            + "then their median (p50) and 99th percentile")
    Integer toggles;

    @Option(names = "--settled", description = "with --toggles: press each key once the pass of the one before has "
            + "finished (a class looks at each picture), instead of right after its histograms are drawn")
    boolean settled;

    @Option(names = "--train-frames", paramLabel = "N", description = "instead of pictures, press Play in the Train view "
            + "(ce, depth 1, bs 64, the lesson's settings) and measure the FX thread's time in each of N frames drawn while "
            + "training runs: the view's drawing, the whole pulse to the end of layout, and the FX thread's CPU time per "
            + "frame; prints their p50, p99 and max (the bar: 16 ms)")
    Integer trainFrames;

    @Option(names = "--race", description = "with --train-frames: measure the init race at depth 8 (randn, randn x 0.01, Kaiming) instead")
    boolean race;

    @Option(names = "--only", paramLabel = "TEXT", description = "only the places whose name contains TEXT "
            + "(the lesson scenes 01-matmul .. 11-module, activations-*, matmul-*, slips-*, train-race, network-start, network-inspector); "
            + "without --audit, pictures of those places named PLACE-WxH@S[p].png")
    String only = "";

    @Option(names = "--open", paramLabel = "FILE", description = "render this saved scene file (as the app opens it) instead of the lesson path; "
            + "a bad file gets the app's one-line message and exit status 2")
    Path open;

    @Option(names = "--trained", paramLabel = "HEAD:DEPTH[:BATCHES]", description = "train a model in the Train view first "
            + "(e.g. ce:2, ce:8:30; 20 batches when left out), press Trained, and picture (--out) or audit (--audit) the Network view "
            + "at the start, the loss and the end of its pass, and the Activations view, at each setup")
    String trained;

    @Mixin
    PictureOptions picture = new PictureOptions(1920, 1080);

    @Option(names = "--presenter", description = "presenter mode (F5): the view fills the window and the lesson caption is shown large under it")
    boolean presenter;

    @Option(names = "--setup", paramLabel = "WxH[@S][p]", description = "repeatable: audit (or, with --out, render) these setups in one run instead of "
            + "--width/--height/--scale/--presenter, e.g. --setup 1024x768@2 --setup 1280x720@1.5p (p: presenter mode)")
    List<String> setups = new java.util.ArrayList<>();

    @Option(names = "--matrix", description = "with --audit: every classroom setup in one run, 1024x768, 1280x720 and 1920x1080 at 100%%, "
            + "150%% and 200%%, presenter mode off and on (18 setups)")
    boolean matrix;

    @Override
    public Integer call() throws Exception {
        picture.check(spec.commandLine());
        if (trained != null) return trained();
        if (audit) return audit();
        if (toggles != null) return toggles();
        if (trainFrames != null) return trainFrames();
        if (race) throw new CommandLine.ParameterException(spec.commandLine(), "--race goes with --train-frames");
        if (matrix) throw new CommandLine.ParameterException(spec.commandLine(), "--matrix goes with --audit");
        if (out == null) throw new CommandLine.ParameterException(spec.commandLine(), "--out DIR is required (or --audit)");
        OutputFolder.check(spec.commandLine(), out);
        if (open != null) return open();
        if (!setups.isEmpty() || !only.isEmpty()) {
            // Pictures of any places (not only the lesson scenes) at several setups in one run.
            List<Snapshots.Setup> all = parsedSetups();
            if (all.isEmpty()) all.add(setup());
            for (Path f : Snapshots.renderPlaces(out, all, picture.theme, only)) spec.commandLine().getOut().println(f);
            spec.commandLine().getOut().flush();
            return 0;
        }
        List<Path> files = Snapshots.renderLessons(out, setup(), picture.theme, presenter ? "-presenter" : "");
        for (Path f : files) spec.commandLine().getOut().println(f);
        spec.commandLine().getOut().flush();
        return 0;
    }

    private Snapshots.Setup setup() { return new Snapshots.Setup(picture.width, picture.height, picture.scale, presenter); }

    private int open() throws Exception {
        try {
            SceneFile.read(open);  // checked before the toolkit starts: a bad file costs no time
        } catch (IOException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        Path file = Snapshots.renderScene(open, out, setup(), picture.theme);
        spec.commandLine().getOut().println(file);
        spec.commandLine().getOut().flush();
        return 0;
    }

    private int toggles() throws Exception {
        Ranges.check(spec.commandLine(), "--toggles", toggles, 1, 1000);
        List<Double> ms = Snapshots.measureToggles(toggles, settled, new Snapshots.Setup(picture.width, picture.height, picture.scale), picture.theme);
        PrintWriter o = spec.commandLine().getOut();
        for (int i = 0; i < ms.size(); i++) o.println(Text.f("toggle %3d: %7.1f ms", i + 1, ms.get(i)));
        List<Double> sorted = ms.stream().sorted().toList();
        o.println(Text.f("p50 %.1f ms, p99 %.1f ms over %d toggles%s", percentile(sorted, 50), percentile(sorted, 99), ms.size(),
                settled ? ", each pressed once the app was idle" : ", each pressed as soon as the one before was drawn"));
        o.flush();
        return 0;
    }

    private List<Snapshots.Setup> parsedSetups() {
        List<Snapshots.Setup> all = new java.util.ArrayList<>();
        for (String s : setups) {
            try {
                all.add(Snapshots.Setup.parse(s));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--setup: " + e.getMessage());
            }
        }
        return all;
    }

    private int trainFrames() throws Exception {
        Ranges.check(spec.commandLine(), "--train-frames", trainFrames, 1, 100_000);
        Snapshots.Setup setup = setup();
        Snapshots.TrainFrames f = Snapshots.measureTrainFrames(trainFrames, setup, picture.theme, race);
        PrintWriter o = spec.commandLine().getOut();
        o.println(Text.f("Train view at %s, %s: %d frames while training, %.1f frames/s, %d batches (%.0f batches/s)",
                setup, f.config(), f.drawMs().length, f.drawMs().length / f.seconds(), f.batches(), f.batches() / f.seconds()));
        o.println("FX thread per frame, ms            p50      p99      max");
        row(o, "draw (the view's AnimationTimer)", f.drawMs());
        if (f.drawCpuMs().length > 0) row(o, "  of it on the CPU", f.drawCpuMs());
        if (f.drawLockedMs().length > 0) row(o, "  of it blocked on a lock", f.drawLockedMs());
        row(o, "pulse (draw + CSS + layout)", f.pulseMs());
        if (f.cpuMs().length > 0) row(o, "FX thread CPU, frame to frame", f.cpuMs());
        double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        int cores = Runtime.getRuntime().availableProcessors();
        o.println(Text.f("load average %.1f on %d cores: wall times include waiting for a core; the CPU rows do not", load, cores));
        int[] slow = java.util.stream.IntStream.range(0, f.drawMs().length).boxed()
                .sorted((a, b) -> Double.compare(f.pulseMs()[b], f.pulseMs()[a])).limit(5).mapToInt(Integer::intValue).toArray();
        StringBuilder s = new StringBuilder("slowest pulses:");
        for (int i : slow) {
            s.append(Text.f(" #%d %.1f ms (draw %.1f", i + 1, f.pulseMs()[i], f.drawMs()[i]));
            if (f.cpuMs().length > 0) s.append(Text.f(", draw CPU %.1f, frame CPU %.1f", f.drawCpuMs()[i], f.cpuMs()[i]));
            s.append(");");
        }
        o.println(s);
        if (f.cpuMs().length > 0) {
            // The first frames run code the JIT has not compiled yet: they are the ones to watch.
            StringBuilder first = new StringBuilder("first frames, FX thread CPU (draw/frame), ms:");
            for (int i = 0; i < Math.min(30, f.cpuMs().length); i++) first.append(Text.f(" %.1f/%.1f", f.drawCpuMs()[i], f.cpuMs()[i]));
            o.println(first);
        }
        o.flush();
        return 0;
    }

    private static void row(PrintWriter o, String name, double[] ms) {
        List<Double> sorted = java.util.Arrays.stream(ms).sorted().boxed().toList();
        o.println(Text.f("%-33s %8.2f %8.2f %8.2f", name, percentile(sorted, 50), percentile(sorted, 99), sorted.get(sorted.size() - 1)));
    }

    /** Nearest-rank percentile of sorted values. */
    private static double percentile(List<Double> sorted, int p) {
        return sorted.get(Math.max(0, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private int trained() throws Exception {
        String[] parts = trained.split(":");
        io.backproplens.engine.Head head;
        int depth, batches;
        try {
            if (parts.length < 2 || parts.length > 3) throw new IllegalArgumentException("expected HEAD:DEPTH[:BATCHES], e.g. ce:2");
            head = io.backproplens.engine.Head.parse(parts[0]);
            depth = Integer.parseInt(parts[1]);
            batches = parts.length == 3 ? Integer.parseInt(parts[2]) : 20;
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--trained '" + trained + "': " + e.getMessage());
        }
        Ranges.check(spec.commandLine(), "--trained depth", depth, 1, io.backproplens.engine.Params.MAX_DEPTH);
        Ranges.check(spec.commandLine(), "--trained batches", batches, 1, 100_000);
        if (!audit && out == null) throw new CommandLine.ParameterException(spec.commandLine(), "--trained needs --out DIR or --audit");
        if (out != null && !audit) OutputFolder.check(spec.commandLine(), out);
        List<Snapshots.Setup> all = parsedSetups();
        if (all.isEmpty()) all.add(setup());
        List<String> lines = Snapshots.visitTrained(audit ? null : out, all, picture.theme, head, depth, batches);
        PrintWriter o = spec.commandLine().getOut();
        lines.forEach(o::println);
        if (audit) o.println(lines.size() + (lines.size() == 1 ? " problem" : " problems"));
        o.flush();
        return audit && !lines.isEmpty() ? 1 : 0;
    }

    private int audit() throws Exception {
        List<Snapshots.Setup> all = new java.util.ArrayList<>();
        if (matrix) all.addAll(Snapshots.Setup.matrix());
        all.addAll(parsedSetups());
        if (all.isEmpty()) all.add(setup());
        List<String> problems = Snapshots.audit(all, picture.theme, only);
        PrintWriter o = spec.commandLine().getOut();
        problems.forEach(o::println);
        o.println(problems.size() + (problems.size() == 1 ? " problem" : " problems"));
        o.flush();
        return problems.isEmpty() ? 0 : 1;
    }
}
