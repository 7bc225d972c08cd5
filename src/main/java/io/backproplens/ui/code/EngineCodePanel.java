package io.backproplens.ui.code;

import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The engine's own {@code Module}, {@code Lin}, {@code Relu}, {@code Mse} and {@code Model} source,
 * read from the class path (the build copies it there), so what students read is what runs.
 */
public final class EngineCodePanel extends TabPane {
    static final List<String> FILES = List.of("Module", "Lin", "Relu", "Mse", "Model");

    public EngineCodePanel() {
        setId("code-panel");
        setTabClosingPolicy(TabClosingPolicy.UNAVAILABLE);
        for (String name : FILES) {
            TextArea text = new TextArea(source(name));
            text.setEditable(false);
            text.getStyleClass().add("code-text");
            getTabs().add(new Tab(name, text));
        }
    }

    static String source(String name) {
        try (InputStream in = EngineCodePanel.class.getResourceAsStream("/engine-source/" + name + ".java")) {
            if (in == null) return "// " + name + ".java is not in this build";
            String s = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            // Skip the package and import lines: the class is the lesson.
            int start = s.indexOf("/**");
            return start > 0 ? s.substring(start) : s;
        } catch (IOException e) {
            return "// could not read " + name + ".java: " + e.getMessage();
        }
    }
}
