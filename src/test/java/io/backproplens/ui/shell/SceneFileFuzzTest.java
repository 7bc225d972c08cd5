package io.backproplens.ui.shell;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Any bytes saved as a scene file are read as a valid scene or refused with one IOException whose
 * one-line message names the file and speaks the user's words: never another exception, never a
 * class name or a Jackson feature. The saved corpus ({@code SceneFileFuzzTestInputs/}) replays in
 * every test run; {@code JAZZER_FUZZ=1} fuzzes.
 */
class SceneFileFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void sceneOrAOneLineMessage(byte[] input) throws IOException {
        Path f = Files.createTempFile("fuzz", ".lens.json");
        try {
            Files.write(f, input);
            try {
                SceneFile s = SceneFile.read(f);
                assertThat(s.settings()).isNotNull();  // valid means every value is in range
            } catch (IOException e) {
                assertThat(e.getMessage()).startsWith(f.getFileName().toString()).doesNotContain("\n")
                        .doesNotContain("com.fasterxml", "Feature", "SceneFile", "java.", "Cannot invoke");
            }
        } finally {
            Files.deleteIfExists(f);
        }
    }
}
