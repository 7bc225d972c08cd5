package io.backproplens.launch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The built jar started as a user starts it ({@code java -jar target/backprop-lens.jar}), where the
 * machine lacks what the desktop needs: each case prints one line naming what is missing and exits
 * with status 2, never a stack trace; the command line keeps working without a desktop.
 */
class LauncherIT {
    private static final Path JAR = Path.of(System.getProperty("backproplens.jar", "target/backprop-lens.jar")).toAbsolutePath();

    @TempDir
    Path dir;

    @Test
    void onAnOlderJavaTheJarSaysWhichJavaItNeeds() throws Exception {
        Optional<Path> old = Jdks.olderThan(Preflight.JAVA_NEEDED);
        assumeTrue(old.isPresent(), "no JDK older than 21 installed to start the jar with");

        Run run = jar(Jdks.java(old.get()), List.of(), env -> {});

        assertThat(run.exit()).as("%s", run).isEqualTo(2);
        assertThat(run.errLines()).as("%s", run).singleElement().asString()
                .contains("needs Java 21 or newer", "this is Java " + Jdks.feature(old.get()));
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void withoutADisplayTheAppSaysSoAndPointsAtSnapshot() throws Exception {
        for (List<String> args : List.of(List.<String>of(), List.of(dir.resolve("lesson.lens.json").toString()))) {
            Run run = jar(Jdks.java(Jdks.current()), args, LauncherIT::noDisplay);

            assertThat(run.exit()).as("%s %s", args, run).isEqualTo(2);
            assertThat(run.errLines()).as("%s %s", args, run).singleElement().asString()
                    .contains("no display", "DISPLAY", "snapshot");
        }
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void commandsRunWithoutADisplay() throws Exception {
        Run run = jar(Jdks.java(Jdks.current()), List.of("triples"), LauncherIT::noDisplay);

        assertThat(run.exit()).as("%s", run).isZero();
        // The notebook's a @ b, computed by the triple loop the command prints.
        assertThat(run.out().strip()).as("%s", run).endsWith(io.backproplens.Notebook.RESULT_TEXT);
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void withoutGtk3TheAppNamesThePackageToInstall() throws Exception {
        Optional<Path> xvfb = onPath("Xvfb");
        assumeTrue(xvfb.isPresent(), "Xvfb is not installed (apt-get install xvfb): GTK is only looked for once a display answers");
        // A file that is no library, first on the library path: GTK 3 cannot be loaded, as where it is missing.
        Path libs = Files.createDirectories(dir.resolve("broken-libs"));
        Files.writeString(libs.resolve("libgtk-3.so.0"), "not a shared library");

        Process x = new ProcessBuilder(xvfb.get().toString(), "-displayfd", "1", "-screen", "0", "640x480x24", "-nolisten", "tcp")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            String display = ":" + new BufferedReader(new InputStreamReader(x.getInputStream(), StandardCharsets.US_ASCII)).readLine().strip();
            Run run = jar(Jdks.java(Jdks.current()), List.of(), env -> {
                noDisplay(env);
                env.put("DISPLAY", display);
                env.put("LD_LIBRARY_PATH", libs.toString());
            });

            assertThat(run.exit()).as("%s", run).isEqualTo(2);
            assertThat(run.errLines()).as("%s", run).singleElement().asString()
                    .contains("GTK 3", "libgtk-3-0");
        } finally {
            x.destroy();
            x.waitFor();
        }
    }

    private Run jar(Path java, List<String> args, Consumer<Map<String, String>> env) throws Exception {
        assertThat(JAR).as("the jar mvn package builds").isRegularFile();
        List<String> command = new ArrayList<>(List.of(java.toString(), "-jar", JAR.toString()));
        command.addAll(args);
        return Run.of(command, env, dir, 120);
    }

    private static void noDisplay(Map<String, String> env) {
        env.remove("DISPLAY");
        env.remove("WAYLAND_DISPLAY");
    }

    private static Optional<Path> onPath(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path p = Path.of(d, tool);
            if (Files.isExecutable(p)) return Optional.of(p);
        }
        return Optional.empty();
    }
}
