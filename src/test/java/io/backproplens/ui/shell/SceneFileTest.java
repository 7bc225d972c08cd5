package io.backproplens.ui.shell;

import io.backproplens.ui.matmul.MatmulState;
import io.backproplens.engine.Init;
import io.backproplens.session.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

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
                "cell.json: matmul.b: row 2, column 2: 'x' is not a number");
        assertThatThrownBy(() -> SceneFile.read(dir.resolve("missing.json"))).hasMessage("missing.json: file not found");
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
