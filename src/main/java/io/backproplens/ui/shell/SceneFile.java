package io.backproplens.ui.shell;

import io.backproplens.ui.matmul.MatmulState;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.backproplens.engine.Init;
import io.backproplens.matmul.Matrices;
import io.backproplens.matmul.MatmulVariant;
import io.backproplens.session.Settings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A lesson saved to disk: which scene is in front, the settings, the step and sample, and the
 * matmul stepper's matrices. A teacher prepares it at home and opens it in class. Reading checks
 * everything before anything is applied, so a bad file changes nothing.
 */
public record SceneFile(int version, String scene, String init, long seed, int nh, double reluShift,
                        int batch, int step, int sample, MatmulState matmul) {

    public static final int VERSION = 1;


    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    public Settings settings() { return new Settings(Init.parse(init), seed, nh, reluShift, batch); }

    public static SceneFile of(String scene, Settings s, int step, int sample, MatmulState matmul) {
        return new SceneFile(VERSION, scene, s.init().id(), s.seed(), s.nh(), s.reluShift(), s.batch(), step, sample, matmul);
    }

    public void write(Path file) throws IOException {
        Files.writeString(file, JSON.writeValueAsString(this));
    }

    /**
     * Reads and checks a scene file.
     *
     * @throws IOException with one line naming the file and what is wrong
     */
    public static SceneFile read(Path file) throws IOException {
        String name = file.getFileName().toString();
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new IOException(name + ": file not found");
        } catch (java.nio.charset.MalformedInputException e) {
            throw new IOException(name + ": not a text file");
        }
        if (text.isBlank()) throw new IOException(name + ": file is empty");
        SceneFile f;
        try {
            f = JSON.readValue(text, SceneFile.class);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
            throw new IOException(name + ": not a valid scene file" + where + " (" + e.getOriginalMessage() + ")");
        }
        try {
            f.check();
        } catch (IllegalArgumentException e) {
            throw new IOException(name + ": " + e.getMessage());
        }
        return f;
    }

    private void check() {
        if (version != VERSION) throw new IllegalArgumentException("unsupported version " + version + " (expected " + VERSION + ")");
        if (scene == null || scene.isBlank()) throw new IllegalArgumentException("no scene named");
        if (init == null) throw new IllegalArgumentException("no init named");
        settings();  // validates init, nh, batch, shift with their own messages
        if (step < -1) throw new IllegalArgumentException("step must be -1 or more, got " + step);
        if (sample < 0) throw new IllegalArgumentException("sample must be 0 or more, got " + sample);
        if (matmul != null) {
            double[][] a = Matrices.parse("matmul.a", matmul.a());
            double[][] b = Matrices.parse("matmul.b", matmul.b());
            Matrices.checkInner(a, b);
            try {
                MatmulVariant.valueOf(matmul.variant().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new IllegalArgumentException("unknown matmul variant '" + matmul.variant() + "'");
            }
        }
    }
}
