import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The app image's class cache, written at build time (pom.xml, dist profile, execution app-cache):
 * an installed image is read-only, so a start cannot write one itself. The image's own launcher
 * runs one headless snapshot of the start view, and the JVM keeps what that run loaded:
 * <ul>
 * <li>on a JDK 25+ runtime, an AOT cache (JEP 483 and 514: classes loaded and linked ahead of time),
 *     which the cfg then names with -XX:AOTCache; the JVM refuses to write one while the cfg names
 *     another archive, so the cfg's SharedArchiveFile line is dropped for that run;</li>
 * <li>on JDK 21-24, a dynamic AppCDS archive on top of the runtime's default one, at the path the
 *     cfg's SharedArchiveFile line already names (AutoCreateSharedArchive, for this run only).</li>
 * </ul>
 * It runs on the selected toolchain's java, the JDK jpackage took the runtime from, so its own
 * version is the runtime's. Measured in docs/performance.md ("Start of the app image").
 *
 * <p>Usage: {@code java AppImageCache.java DIST LAUNCHER APPDIR WORK} (paths under DIST as jpackage
 * lays the image out on this OS; WORK a scratch folder for the run's home and pictures).
 */
public final class AppImageCache {
    private static final String ARCHIVE = "java-options=-XX:SharedArchiveFile=$APPDIR/backprop-lens.jsa";
    private static final String AOT = "java-options=-XX:AOTCache=$APPDIR/backprop-lens.aot";

    public static void main(String[] args) throws Exception {
        if (args.length != 4) throw new IllegalArgumentException("usage: AppImageCache DIST LAUNCHER APPDIR WORK");
        Path dist = Path.of(args[0]), launcher = dist.resolve(args[1]), appDir = dist.resolve(args[2]), work = Path.of(args[3]);
        Path cfg = appDir.resolve("backprop-lens.cfg");
        List<String> lines = new ArrayList<>(Files.readAllLines(cfg));
        int at = lines.indexOf(ARCHIVE);
        if (at < 0) throw new IllegalStateException(cfg + " has no line " + ARCHIVE + " (src/packaging/jpackage/app.args)");
        boolean aot = Runtime.version().feature() >= 25;
        Path cache = appDir.resolve(aot ? "backprop-lens.aot" : "backprop-lens.jsa");
        Files.deleteIfExists(cache);
        if (aot) {
            lines.remove(at);
            Files.write(cfg, lines);
        }
        train(launcher, work, (aot ? "-XX:AOTCacheOutput=" + cache : "-XX:+AutoCreateSharedArchive"));
        if (!Files.isRegularFile(cache)) throw new IllegalStateException("the run wrote no " + cache);
        if (aot) {
            lines.add(at, AOT);
            lines.add(at + 1, "java-options=-Xlog:aot=off");
            Files.write(cfg, lines);
        }
        System.out.printf("AppImageCache: %s, %.0f MB, for Java %d%n", cache, Files.size(cache) / 1e6, Runtime.version().feature());
    }

    private static void train(Path launcher, Path work, String option) throws IOException, InterruptedException {
        Files.createDirectories(work);
        ProcessBuilder pb = new ProcessBuilder(launcher.toString(), "snapshot", "--out", work.resolve("shots").toString(),
                "--only", "network-start", "--setup", "1280x720@1").inheritIO();
        // The run's own home: the builder's settings are neither read nor written.
        pb.environment().put("JAVA_TOOL_OPTIONS", option + " -Duser.home=" + work.resolve("home"));
        int exit = pb.start().waitFor();
        if (exit != 0) throw new IllegalStateException(launcher + " snapshot exited with status " + exit);
    }
}
