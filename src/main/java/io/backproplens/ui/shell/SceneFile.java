package io.backproplens.ui.shell;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.backproplens.engine.Init;
import io.backproplens.files.AtomicWrite;
import io.backproplens.matmul.MatmulVariant;
import io.backproplens.matmul.Matrices;
import io.backproplens.session.Settings;
import io.backproplens.ui.matmul.MatmulState;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A lesson saved to disk: which scene is in front, the settings, the step and sample, and the
 * matmul stepper's matrices. A teacher prepares it at home and opens it in class. A scene file is
 * untrusted input: reading refuses anything that is not a small regular file, and checks every
 * value against what the app can show before anything is applied, so a bad file changes nothing.
 */
public record SceneFile(int version, String scene, String init, long seed, int nh, double reluShift,
                        int batch, int step, int sample, MatmulState matmul) {

    public static final int VERSION = 1;
    /** A scene with two 40x40 matrices is about 20 KB: anything near a megabyte is not a scene. */
    public static final long MAX_BYTES = 1 << 20;
    /** The network's trace: forward lin1, relu, lin2, mse, then their backward; -1 is before the pass. */
    public static final int MAX_STEP = 7;

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES);

    public Settings settings() { return new Settings(Init.parse(init), seed, nh, reluShift, batch); }

    public static SceneFile of(String scene, Settings s, int step, int sample, MatmulState matmul) {
        return new SceneFile(VERSION, scene, s.init().id(), s.seed(), s.nh(), s.reluShift(), s.batch(), step, sample, matmul);
    }

    /** Writes the file whole or not at all; the previous version stays beside it as {@code .bak}. */
    public void write(Path file) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(this);
        AtomicWrite.write(file, bytes, AtomicWrite.Backup.KEEP_PREVIOUS);
    }

    /**
     * Reads and checks a scene file.
     *
     * @throws IOException with one line naming the file and what is wrong, in the user's words
     */
    public static SceneFile read(Path file) throws IOException {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        String text = text(file, name);
        SceneFile f;
        try {
            f = JSON.readValue(text, SceneFile.class);
        } catch (JsonProcessingException e) {
            throw new IOException(name + ": not a valid scene file" + where(e) + ": " + reason(e));
        }
        if (f == null) throw new IOException(name + ": holds no scene (the file says null)");
        try {
            f.check();
        } catch (IllegalArgumentException e) {
            throw new IOException(name + ": " + e.getMessage());
        }
        return f;
    }

    /** The file's text, refusing folders, pipes, devices and oversized files before opening them. */
    private static String text(Path file, String name) throws IOException {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new IOException(name + ": file not found");
        }
        if (a.isDirectory()) throw new IOException(name + ": is a folder, not a scene file");
        // A FIFO would block the read for good, /dev/zero would never end: only regular files.
        if (!a.isRegularFile()) throw new IOException(name + ": is not a regular file (a pipe or a device?), not a scene file");
        if (a.size() > MAX_BYTES) {
            throw new IOException(name + ": " + a.size() / 1024 + " KB is far too large for a scene file (at most " + MAX_BYTES / 1024 + " KB)");
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes((int) MAX_BYTES + 1);  // the size may have grown since it was checked
        }
        if (bytes.length > MAX_BYTES) throw new IOException(name + ": too large for a scene file (at most " + MAX_BYTES / 1024 + " KB)");
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IOException(name + ": not a text file");
        }
        if (text.startsWith("\uFEFF")) text = text.substring(1);  // a byte-order mark, as some editors write
        if (text.isBlank()) throw new IOException(name + ": file is empty");
        return text;
    }

    private static String where(JsonProcessingException e) {
        // An unknown field is found only when the whole object has been read: its line would mislead.
        if (e instanceof UnrecognizedPropertyException) return "";
        return e.getLocation() == null || e.getLocation().getLineNr() < 1 ? "" : " (line " + e.getLocation().getLineNr() + ")";
    }

    /** What Jackson found wrong, said without its class names and feature flags. */
    private static String reason(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException u) return "unknown field '" + u.getPropertyName() + "'";
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            String field = m.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining("."));
            if (e instanceof InvalidFormatException f) return "field '" + field + "' cannot be '" + f.getValue() + "'";
            if (e instanceof MismatchedInputException) return "field '" + field + "' is missing, null or of the wrong kind";
            return "field '" + field + "' is not valid";
        }
        if (e instanceof MismatchedInputException) return "expected a JSON object with the scene's fields";
        if (e instanceof JsonParseException) return "the JSON is broken (a missing quote, comma or brace?)";
        return "the JSON does not describe a scene";
    }

    private void check() {
        if (version != VERSION) throw new IllegalArgumentException("unsupported version " + version + " (expected " + VERSION + ")");
        if (scene == null || scene.isBlank()) throw new IllegalArgumentException("no scene named");
        if (init == null) throw new IllegalArgumentException("no init named");
        Settings s = settings();  // validates init, nh, batch, shift with their own messages
        range("step", step, -1, MAX_STEP);
        range("sample", sample, 0, (s.batch() == 0 ? Settings.MAX_BATCH : s.batch()) - 1);
        if (matmul != null) checkMatmul();
    }

    private void checkMatmul() {
        double[][] a = Matrices.parse("matmul.a", matmul.a());
        double[][] b = Matrices.parse("matmul.b", matmul.b());
        int side = Matrices.MAX_EDITOR_SIDE;
        if (a.length > side || a[0].length > side || b.length > side || b[0].length > side) {
            throw new IllegalArgumentException("matmul matrices may be at most " + side + "x" + side + ", got a "
                    + a.length + "x" + a[0].length + " and b " + b.length + "x" + b[0].length);
        }
        Matrices.checkInner(a, b);
        MatmulVariant v;
        try {
            v = MatmulVariant.valueOf(matmul.variant().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("unknown matmul variant '" + matmul.variant() + "'");
        }
        range("matmul.step", matmul.step(), -1, v.replay(a, b).steps().size() - 1);
    }

    private static void range(String field, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(field + " must be from " + min + " to " + max + ", got " + value);
        }
    }
}
