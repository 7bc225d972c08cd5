package io.backproplens.cli;

import io.backproplens.ui.shell.Lesson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code snapshot} end to end, in its own JVM as a user runs it (it starts and stops the JavaFX
 * toolkit, which a test JVM shared with TestFX must not do).
 */
class SnapshotCommandTest {

    @Test
    void writesANonBlankPngOfTheAskedSizeForEveryScene(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("snapshot.log");
        Process p = new ProcessBuilder(javaBin(), "-Xmx3g", "-cp", System.getProperty("java.class.path"),
                "io.backproplens.Main", "snapshot", "--out", dir.resolve("png").toString(), "--width", "800", "--height", "600")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(p.waitFor(240, TimeUnit.SECONDS)).as("snapshot finished").isTrue();
        assertThat(p.exitValue()).as("exit status; output:%n%s", Files.readString(log)).isZero();

        List<Path> files;
        try (Stream<Path> s = Files.list(dir.resolve("png"))) {
            files = s.sorted().toList();
        }
        // One picture per lesson scene, named as the lesson bar numbers them; the first and last
        // are spelled out so a renamed or dropped scene is noticed here too.
        assertThat(files).extracting(f -> f.getFileName().toString()).containsExactlyElementsOf(
                Arrays.stream(Lesson.values()).map(l -> l.fileName() + ".png").toList());
        assertThat(files).hasSizeGreaterThanOrEqualTo(9);
        assertThat(files.get(0).getFileName()).hasToString("01-matmul.png");
        assertThat(files.get(files.size() - 1).getFileName().toString()).endsWith("-module.png");
        for (Path f : files) {
            BufferedImage img = ImageIO.read(f.toFile());
            assertThat(img.getWidth()).as(f + " width").isEqualTo(800);
            assertThat(img.getHeight()).as(f + " height").isEqualTo(600);
            assertThat(distinctColours(img)).as(f + " is not blank").isGreaterThan(20);
        }
    }

    @Test
    void opensASavedSceneHeadlessAndRefusesABadOneInOneLine(@TempDir Path dir) throws Exception {
        Path scene = dir.resolve("backward.lens.json");
        io.backproplens.ui.shell.SceneFile.of("backward", io.backproplens.session.Settings.defaults().withBatch(1000), 5, 2, null).write(scene);
        Process p = new ProcessBuilder(javaBin(), "-Xmx3g", "-cp", System.getProperty("java.class.path"),
                "io.backproplens.Main", "snapshot", "--open", scene.toString(), "--out", dir.resolve("png").toString(),
                "--width", "1024", "--height", "768").redirectErrorStream(true).redirectOutput(dir.resolve("log").toFile()).start();
        assertThat(p.waitFor(240, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(dir.resolve("log"))).isZero();
        BufferedImage img = ImageIO.read(dir.resolve("png/backward.png").toFile());
        assertThat(img.getWidth()).isEqualTo(1024);
        assertThat(distinctColours(img)).isGreaterThan(20);

        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "null");
        CliRunner.Run r = CliRunner.run("snapshot", "--open", bad.toString(), "--out", dir.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip().lines().toList()).hasSize(1);
        assertThat(r.err()).contains("bad.json: holds no scene (the file says null)");
    }

    /** How many different colours a sample of the image has: a blank or single-colour image has 1. */
    private static long distinctColours(BufferedImage img) {
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 3)
            for (int x = 0; x < img.getWidth(); x += 3) colours.add(img.getRGB(x, y));
        return colours.size();
    }

    private static String javaBin() {
        return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    }
}
