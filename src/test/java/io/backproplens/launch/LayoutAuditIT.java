package io.backproplens.launch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The layout audit of issue 10, as a teacher would run it: {@code snapshot --audit} of the built
 * jar, every place at 1024x768, 1280x720 and 1920x1080, at 100%, 150% and 200%, presenter mode
 * off and on, in one JVM ({@code --matrix}); then the same matrix in the dark theme, whose colours
 * the contrast rule judges afresh. The places include the PopOvers (Settings of the compact chrome,
 * the shapes of a backward formula), audited in their own windows. The full report is written to
 * {@code target/layout-audit.txt}.
 *
 * <p>Not every view meets the audit yet (issue 10 is open). What remains is pinned, per theme,
 * setup and place, in {@code layout-audit-baseline.txt} beside this test's resources: the test fails
 * when any count rises above its pin (a regression: a label newly cut, text newly pushed out), with
 * a little slack because charts and timings drawn asynchronously can move a line or two, and it
 * says which pins can come down. A place with no pin may have two problems at most. A place over
 * its pin in the matrix is audited again alone (a JVM of its own, twice at most) before it fails
 * the test: some layouts still depend on timing (a wall time in a sentence moves a line break),
 * and those places are listed at the top of the report with both counts.
 */
class LayoutAuditIT {
    private static final Path JAR = Path.of(System.getProperty("backproplens.jar", "target/backprop-lens.jar")).toAbsolutePath();
    /** Generous: the whole matrix takes minutes on 2 busy cores; a hang must still end the build. */
    private static final int TIMEOUT_SECONDS = 45 * 60;

    @TempDir
    Path dir;

    @Test
    void everyPlaceFitsAndReadsAtEveryClassroomSetup() throws Exception {
        assertThat(JAR).as("the jar mvn package builds").isRegularFile();
        List<String> problems = new ArrayList<>();
        StringBuilder report = new StringBuilder();
        problems.addAll(audit(report, "LIGHT", List.of("--matrix")));
        problems.addAll(audit(report, "DARK", List.of("--matrix")));

        Map<String, Integer> perPlace = new TreeMap<>();
        for (String line : problems) perPlace.merge(place(line), 1, Integer::sum);
        StringBuilder summary = new StringBuilder(problems.size() + " problems\n");
        perPlace.forEach((place, n) -> summary.append(String.format("%5d  %s%n", n, place)));
        Path target = JAR.getParent();

        Map<String, Integer> counts = new TreeMap<>();
        for (String line : problems) counts.merge(key(line), 1, Integer::sum);
        Files.writeString(target.resolve("layout-audit-counts.txt"), counts.entrySet().stream()
                .map(e -> e.getKey() + "\t" + e.getValue()).collect(java.util.stream.Collectors.joining("\n", "", "\n")));
        Map<String, Integer> pins = baseline();
        List<String> worse = new ArrayList<>(), better = new ArrayList<>(), flips = new ArrayList<>();
        for (var e : counts.entrySet()) {
            int pin = pins.getOrDefault(e.getKey(), 0);
            if (e.getValue() <= pin + slack(pin)) continue;
            // Over its pin in the matrix: audited again on its own, twice at most. A regression is
            // over in every run; a place whose layout depends on timing (issue 10) is not, and the
            // report names it, with both counts, so it is seen rather than pinned high.
            int least = e.getValue();
            for (int run = 0; run < 2 && least > pin + slack(pin); run++) least = Math.min(least, auditAlone(report, e.getKey()));
            if (least > pin + slack(pin)) worse.add(e.getKey() + ": " + least + " problems, pinned at " + pin);
            else flips.add(e.getKey() + ": " + e.getValue() + " in the matrix, " + least + " alone (pin " + pin + ")");
        }
        String flipped = flips.isEmpty() ? "" : "these places counted over their pins in the matrix but not alone (a layout that depends on timing):\n  "
                + String.join("\n  ", flips) + "\n\n";
        if (!flipped.isEmpty()) System.out.println("layout audit: " + flipped);
        Files.writeString(target.resolve("layout-audit.txt"), flipped + summary + "\n" + report);
        for (var e : pins.entrySet()) {
            int now = counts.getOrDefault(e.getKey(), 0);
            if (now < e.getValue()) better.add(e.getKey() + ": " + now + " (pin " + e.getValue() + ")");
        }
        if (!better.isEmpty()) System.out.println("layout audit: these pins can come down:\n  " + String.join("\n  ", better));
        assertThat(worse).as("layout audit regressions (full report in %s, counts in %s)\n%s", target.resolve("layout-audit.txt"),
                target.resolve("layout-audit-counts.txt"), summary).isEmpty();
    }

    /**
     * Two problems, or a tenth of the pin: what asynchronous drawing can move between two runs. A
     * clean place gets the two as well: three runs of one build each found a different clean place
     * with two problems (a chart drawn a pulse late).
     */
    private static int slack(int pin) { return Math.max(2, pin / 10); }

    /** {@code LIGHT 1280x720 at 150% presenter 05-forward: truncated: ...} -> {@code LIGHT 1280x720 at 150% presenter 05-forward}. */
    private static String key(String line) { return line.substring(0, line.indexOf(": ")); }

    private static Map<String, Integer> baseline() throws java.io.IOException {
        Map<String, Integer> pins = new TreeMap<>();
        try (var in = LayoutAuditIT.class.getResourceAsStream("layout-audit-baseline.txt")) {
            if (in == null) return pins;
            for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] f = line.split("\t");
                pins.put(f[0], Integer.parseInt(f[1].trim()));
            }
        }
        return pins;
    }

    /** One run of the audit; its problem lines. */
    private List<String> audit(StringBuilder report, String theme, List<String> setups) throws Exception {
        List<String> command = new ArrayList<>(List.of(Jdks.java(Jdks.current()).toString(), "-jar", JAR.toString(),
                "snapshot", "--audit", "--theme", theme));
        command.addAll(setups);
        long start = System.nanoTime();
        Run run = Run.of(command, env -> {}, dir, TIMEOUT_SECONDS);
        double seconds = (System.nanoTime() - start) / 1e9;
        List<String> lines = run.out().lines().filter(l -> !l.isBlank()).toList();
        assertThat(run.exit()).as("%s", run).isIn(0, 1);
        assertThat(lines).as("%s", run).isNotEmpty();
        String last = lines.get(lines.size() - 1);
        assertThat(last).as("the last line counts the problems: %s", run).matches("\\d+ problems?");
        List<String> problems = lines.subList(0, lines.size() - 1);
        assertThat(problems).hasSize(Integer.parseInt(last.split(" ")[0]));
        assertThat(run.exit()).as("exit status 1 exactly when there are problems").isEqualTo(problems.isEmpty() ? 0 : 1);
        report.append(String.format("%s %s: %s in %.0f s%n", theme, String.join(" ", setups), last, seconds));
        problems.forEach(p -> report.append(theme).append(' ').append(p).append('\n'));
        return problems.stream().map(p -> theme + " " + p).toList();
    }

    /**
     * {@code LIGHT 1920x1080 at 150% presenter 08-gradcheck}: that one place at that one setup, in a
     * JVM of its own; its count.
     */
    private int auditAlone(StringBuilder report, String key) throws Exception {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\w+) (\\d+x\\d+) at (\\d+)%( presenter)? (\\S+)").matcher(key);
        assertThat(m.matches()).as("a pin key: %s", key).isTrue();
        String setup = m.group(2) + "@" + Integer.parseInt(m.group(3)) / 100.0 + (m.group(4) == null ? "" : "p");
        String place = m.group(5);
        StringBuilder again = new StringBuilder();
        List<String> problems = audit(again, m.group(1), List.of("--setup", setup, "--only", place));
        report.append("again, alone: ").append(again);
        return (int) problems.stream().filter(p -> key(p).equals(key)).count();
    }

    /** {@code LIGHT 1280x720 at 150% presenter 05-forward: truncated: ...} -> {@code 05-forward}. */
    private static String place(String line) {
        String head = line.substring(0, line.indexOf(": "));
        return head.substring(head.lastIndexOf(' ') + 1);
    }
}
