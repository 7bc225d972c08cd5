package io.backproplens.ui.core;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's key list is the app's key table, row for row, so the two cannot drift apart. */
class KeysReadmeTest {
    @Test
    void readmeKeyTableIsTheAppsKeyTable() throws IOException {
        List<String> readme = keysSection(Files.readAllLines(Path.of("README.md")));
        List<String> table = Arrays.stream(Keys.values()).map(k -> "| " + k.keys() + " | " + k.does() + " |").toList();
        assertThat(readme).containsExactlyElementsOf(table);
    }

    @Test
    void noKeyIsBoundTwice() {
        List<String> seen = new ArrayList<>();
        for (Keys k : Keys.values()) {
            for (Keys.Chord c : k.chords()) {
                for (String press : c.text() != null ? List.of(c.text())
                        : c.codes().stream().map(code -> (c.shortcut() ? "Shortcut+" : "") + code).toList()) {
                    assertThat(seen).as("%s in %s", press, k).doesNotContain(press);
                    seen.add(press);
                }
            }
        }
    }

    /** The table rows under "## Keys", without the header and the separator. */
    private static List<String> keysSection(List<String> lines) {
        int start = lines.indexOf("## Keys");
        assertThat(start).as("README has a '## Keys' section").isNotNegative();
        List<String> rows = new ArrayList<>();
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.startsWith("## ")) break;
            if (line.startsWith("|") && !line.startsWith("| key |") && !line.startsWith("|---")) rows.add(line.strip());
        }
        return rows;
    }
}
