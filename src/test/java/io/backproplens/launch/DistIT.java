package io.backproplens.launch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The README's {@code mvn -Pdist package} as a user runs it, in a copy of the project: the app image it
 * makes must start on a runtime the app can run on (the PATH's jpackage once made a Java 17 image here,
 * which could not start at all), and that start must map the app's classes from the image's AppCDS
 * class cache (issue 13's start). Then the image, moved elsewhere as an installer moves it, still maps it.
 */
class DistIT {
    /** Top-level entries the dist build does not read (src/test is skipped too). */
    private static final Set<String> SKIPPED = Set.of("target", ".git", ".ci", "docs", "bench", "scripts");

    @TempDir
    Path dir;

    @Test
    void theAppImageStartsOnItsOwnRuntimeAndMapsTheAppsClassesFromItsCache() throws Exception {
        assumeTrue(System.getProperty("os.name").startsWith("Linux"), "the image's layout checked here is Linux's");
        Path mvn = Path.of(System.getProperty("maven.home", ""), "bin", "mvn");
        assumeTrue(Files.isExecutable(mvn), "no mvn script under maven.home");
        Path project = Path.of(System.getProperty("backproplens.pom", "pom.xml")).toAbsolutePath().getParent();
        Path copy = dir.resolve("project");
        copyProject(project, copy);

        List<String> command = new ArrayList<>(List.of(mvn.toString(), "-B", "-ntp", "-q", "-Pdist", "package",
                "-Dmaven.test.skip=true", "-Dinstaller.skip=true"));
        String repo = System.getProperty("maven.repo.local");
        if (repo != null && !repo.isBlank()) command.add("-Dmaven.repo.local=" + repo);
        Run build = Run.of(command, env -> {}, copy, 900);
        assertThat(build.exit()).as("mvn -Pdist package; %s", build).isZero();

        Path image = copy.resolve("target/dist/backprop-lens");
        assertThat(runtimeFeature(image)).as("the image's Java runtime").isGreaterThanOrEqualTo(Preflight.JAVA_NEEDED);
        // The cache src/build/AppImageCache.java writes: an AOT cache on a JDK 25+ runtime, else an AppCDS archive.
        String cache = runtimeFeature(image) >= 25 ? "lib/app/backprop-lens.aot" : "lib/app/backprop-lens.jsa";
        assertThat(image.resolve(cache)).as("the image's class cache").isRegularFile();

        assertStartsFromTheArchive(image, "where it was built");
        Path moved = Files.move(image, dir.resolve("opt-backprop-lens"));
        assertStartsFromTheArchive(moved, "moved, as an installer moves it");
    }

    /** A headless snapshot audit through the image's own launcher, with the JVM's class-loading log on. */
    private void assertStartsFromTheArchive(Path image, String where) throws Exception {
        Path log = dir.resolve("class-load-" + where.hashCode() + ".txt");
        Run run = Run.of(List.of(image.resolve("bin/backprop-lens").toString(), "snapshot", "--audit",
                        "--only", "network-start", "--setup", "1280x720@1"),
                env -> {
                    env.put("JAVA_TOOL_OPTIONS", "-Xlog:class+load=info:file=" + log + " -Duser.home=" + dir.resolve("home"));
                }, dir, 300);
        assertThat(run.exit()).as("the image's launcher, %s; %s", where, run).isZero();
        assertThat(run.out()).as("%s", where).contains("0 problems").doesNotContain("[cds").doesNotContain("[aot").doesNotContain("[warning]");
        String loaded = Files.readString(log);
        assertThat(loaded).as("the app's entry class comes from the archive, %s", where)
                .contains("io.backproplens.Main source: shared objects file");
        long fromArchive = loaded.lines().filter(l -> l.contains("source: shared objects file")).count();
        long fromJars = loaded.lines().filter(l -> l.contains("source: file:") || l.contains("source: jar:")).count();
        assertThat(fromArchive).as("classes mapped from the archives vs %d read from jars, %s", fromJars, where)
                .isGreaterThan(10 * fromJars);
    }

    private static int runtimeFeature(Path image) throws IOException {
        Matcher m = Pattern.compile("JAVA_VERSION=\"(\\d+)").matcher(Files.readString(image.resolve("lib/runtime/release")));
        assertThat(m.find()).as("the runtime's release file names its version").isTrue();
        return Integer.parseInt(m.group(1));
    }

    private static void copyProject(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path rel = from.relativize(p);
                if (rel.getNameCount() > 0 && skipped(rel)) continue;
                Path target = to.resolve(rel.toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        }
    }

    private static boolean skipped(Path rel) {
        if (SKIPPED.contains(rel.getName(0).toString())) return true;
        return rel.getNameCount() >= 2 && rel.getName(0).toString().equals("src") && rel.getName(1).toString().equals("test");
    }
}
