package io.backproplens.ui.shell;

import io.backproplens.ui.matmul.MatmulState;
import io.backproplens.engine.Init;
import io.backproplens.session.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SceneFileTest {

    @Test
    void savedAndReadBackIsTheSameScene(@TempDir Path dir) throws IOException {
        SceneFile saved = SceneFile.of("backward", new Settings(Init.XAVIER, 7, 32, -0.5, 1000), 5, 3,
                new MatmulState("1,2;3,4", "5;6", "BROADCAST", 1));
        Path f = dir.resolve("lesson.json");
        saved.write(f);
        SceneFile read = SceneFile.read(f);
        assertThat(read).isEqualTo(saved);
        assertThat(read.settings()).isEqualTo(new Settings(Init.XAVIER, 7, 32, -0.5, 1000));
    }

    @Test
    void corruptFilesAreRefusedWithAMessageNamingTheFile(@TempDir Path dir) throws IOException {
        assertRefused(dir, "broken.json", "{\"version\": 1, \"scene\": ", "broken.json: not a valid scene file");
        assertRefused(dir, "empty.json", "", "empty.json: file is empty");
        assertRefused(dir, "nh.json", valid().replace("\"nh\" : 50", "\"nh\" : 0"), "nh.json: nh (hidden units) must be between 1");
        assertRefused(dir, "init.json", valid().replace("\"kaiming\"", "\"lecun\""), "init.json: unknown init 'lecun'");
        assertRefused(dir, "shapes.json", valid().replace("\"2,5;6,7;1,8\"", "\"2,5;6,7\""),
                "shapes.json: a is 3x3 and b is 2x2: a's 3 columns must equal b's rows");
        assertRefused(dir, "cell.json", valid().replace("\"2,5;6,7;1,8\"", "\"2,5;6,x;1,8\""),
                "cell.json: matmul.b: row 1, column 1: 'x' is not a number");
        assertThatThrownBy(() -> SceneFile.read(dir.resolve("missing.json"))).hasMessage("missing.json: file not found");
    }

    @Test
    void hostileFilesAreRefusedBeforeTheyAreRead(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("pipe.json");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        if (mk.waitFor() == 0) {
            // Opening a FIFO for reading blocks until a writer comes: the check must not open it.
            assertThatThrownBy(() -> SceneFile.read(fifo)).hasMessage("pipe.json: is not a regular file (a pipe or a device?), not a scene file");
        }
        assertThatThrownBy(() -> SceneFile.read(Path.of("/dev/zero"))).hasMessageStartingWith("zero: is not a regular file");
        assertThatThrownBy(() -> SceneFile.read(dir)).hasMessageEndingWith(": is a folder, not a scene file");
        Path huge = dir.resolve("huge.json");
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(100L << 20);  // sparse: 100 MB on paper, nothing on disk
        }
        assertThatThrownBy(() -> SceneFile.read(huge)).hasMessage("huge.json: 102400 KB is far too large for a scene file (at most 1024 KB)");
    }

    @Test
    void messagesSpeakTheUsersLanguageNotJacksons(@TempDir Path dir) throws IOException {
        assertRefused(dir, "null.json", "null", "null.json: holds no scene (the file says null)");
        assertRefused(dir, "array.json", "[1, 2]", "array.json: not a valid scene file (line 1): expected a JSON object");
        assertRefused(dir, "seed.json", valid().replace("\"seed\" : 42", "\"seed\" : null"),
                "seed.json: not a valid scene file (line 5): field 'seed' is missing, null or of the wrong kind");
        assertRefused(dir, "extra.json", valid().replace("\"seed\" : 42", "\"seed\" : 42, \"colour\" : 1"),
                "extra.json: not a valid scene file: unknown field 'colour'");
        for (String name : List.of("null.json", "array.json", "seed.json", "extra.json")) {
            try {
                SceneFile.read(dir.resolve(name));
            } catch (IOException e) {
                assertThat(e.getMessage()).doesNotContain("Feature", "SceneFile", "$", "Cannot", "java.", "com.fasterxml");
            }
        }
    }

    @Test
    void aByteOrderMarkIsAccepted(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("bom.json");
        Files.writeString(f, "\uFEFF" + valid());
        assertThat(SceneFile.read(f).scene()).isEqualTo("network");
    }

    @Test
    void everyValueIsCheckedAgainstWhatTheAppCanShowNothingIsCut(@TempDir Path dir) throws IOException {
        assertRefused(dir, "step.json", valid().replace("\"step\" : 2", "\"step\" : 99"), "step.json: step must be from -1 to 7, got 99");
        assertRefused(dir, "sample.json", valid().replace("\"sample\" : 0", "\"sample\" : 50000"),
                "sample.json: sample must be from 0 to 49999, got 50000");
        assertRefused(dir, "shift.json", valid().replace("\"reluShift\" : 0.0", "\"reluShift\" : 1e308"),
                "shift.json: ReLU shift must be a number from -10 to 10");
        assertRefused(dir, "batch.json", valid().replace("\"batch\" : 0", "\"batch\" : 70000"),
                "batch.json: batch must be 0 (the whole training set) or 1 to 50000, got 70000");
        assertRefused(dir, "mstep.json", valid().replace("\"step\" : -1", "\"step\" : 1000000000"),
                "mstep.json: matmul.step must be from -1 to 17, got 1000000000");
        String big = String.join(";", java.util.Collections.nCopies(41, String.join(",", java.util.Collections.nCopies(41, "1"))));
        assertRefused(dir, "big.json", valid().replace("\"1,2,1;0,1,0;2,3,4\"", "\"" + big + "\"").replace("\"2,5;6,7;1,8\"", "\"" + big + "\""),
                "big.json: matmul matrices may be at most 40x40, got a 41x41 and b 41x41");
    }

    @Test
    void savingOverASceneKeepsThePreviousOneAsBak(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("lesson.json");
        SceneFile.of("network", Settings.defaults(), 2, 0, null).write(f);
        SceneFile.of("data", Settings.defaults(), 2, 0, null).write(f);
        assertThat(SceneFile.read(f).scene()).isEqualTo("data");
        assertThat(SceneFile.read(dir.resolve("lesson.json.bak")).scene()).isEqualTo("network");
    }

    private static String valid() throws IOException {
        Path tmp = Files.createTempFile("scene", ".json");
        SceneFile.of("network", Settings.defaults(), 2, 0,
                new MatmulState("1,2,1;0,1,0;2,3,4", "2,5;6,7;1,8", "TRIPLE_LOOP", -1)).write(tmp);
        String s = Files.readString(tmp);
        Files.delete(tmp);
        return s;
    }

    private static void assertRefused(Path dir, String name, String content, String message) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, content);
        assertThatThrownBy(() -> SceneFile.read(f)).isInstanceOf(IOException.class).hasMessageStartingWith(message);
    }
}
