package io.backproplens.ui.core;

import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

import java.util.List;

import static javafx.scene.input.KeyCode.*;

/**
 * Every key the app answers to, one row each as the help overlay and the README list them. The
 * window's key handling, the menus' accelerators, the help overlay and the README's table all read
 * this one table (a test holds the README to it), so a key cannot do one thing and be listed as
 * another.
 */
public enum Keys {
    NEXT("Right, Space, PageDown", "Next step (a presenter's clicker works)", key(RIGHT), key(SPACE), key(PAGE_DOWN)),
    PREVIOUS("Left, PageUp", "Previous step", key(LEFT), key(PAGE_UP)),
    PLAY("P", "Play / pause", key(P)),
    RESET("Home", "Reset to the first step", key(HOME)),
    JUMP_TO_END("End", "Jump to the last step", key(END)),
    /** Chords in the order of {@link #INITS}. */
    INIT("R / X / K", "Init: randn / Xavier / Kaiming", key(R), key(X), key(K)),
    /** Chords in the order histograms, gradients, compare, depth sweep. */
    ACTIVATIONS_MODE("A / G / C / D", "Activations view: histograms / gradients / compare / depth sweep", key(A), key(G), key(C), key(D)),
    /** Chords: the ReLU shift, then a new seed. */
    ACTIVATIONS_SHIFT_SEED("S / N", "Activations view: ReLU or ReLU - 0.5 / a new seed", key(S), key(N)),
    /** Chord {@code i} opens scene {@code i + 1}; top row and keypad alike. */
    SCENE("Ctrl+1 .. Ctrl+9", "Lesson scenes", shortcut(DIGIT1, NUMPAD1), shortcut(DIGIT2, NUMPAD2), shortcut(DIGIT3, NUMPAD3),
            shortcut(DIGIT4, NUMPAD4), shortcut(DIGIT5, NUMPAD5), shortcut(DIGIT6, NUMPAD6), shortcut(DIGIT7, NUMPAD7),
            shortcut(DIGIT8, NUMPAD8), shortcut(DIGIT9, NUMPAD9)),
    /** Chords: up, down, 100%. */
    SCALE("Ctrl+Plus / Ctrl+Minus / Ctrl+0", "UI scale up / down / 100%", shortcut(PLUS, EQUALS, ADD), shortcut(MINUS, SUBTRACT),
            shortcut(DIGIT0, NUMPAD0)),
    FULL_SCREEN("F11", "Full screen", key(F11)),
    PRESENTER("F5", "Presenter mode: the view fills the screen, the caption large; Esc leaves it", key(F5)),
    /** Chords: save, then open; the File menu's accelerators. */
    SCENE_FILE("Ctrl+S / Ctrl+O", "Save / open a scene file", shortcut(S), shortcut(O)),
    EXPORT("Ctrl+E", "Export the view in front as PNG", shortcut(E)),
    QUIT("Ctrl+Q", "Quit", shortcut(Q)),
    HELP("?  or  F1", "This help (Esc closes it)", typed("?"), key(F1));

    /** The inits {@link #INIT}'s chords choose, in their order; the engine's names are in InitNames. */
    public static final List<io.backproplens.engine.Init> INITS = List.of(
            io.backproplens.engine.Init.RANDN, io.backproplens.engine.Init.XAVIER, io.backproplens.engine.Init.KAIMING);

    /**
     * One way to press a row's key: any of {@code codes} (or, for a character such as {@code ?},
     * the typed text), with or without the platform's shortcut modifier (Ctrl, or Cmd on a Mac).
     */
    public record Chord(List<KeyCode> codes, String text, boolean shortcut) {
        public boolean matches(KeyEvent e) {
            if (text != null) return text.equals(e.getText());
            if (shortcut != e.isShortcutDown()) return false;
            if (!shortcut && e.isAltDown()) return false;
            return codes.contains(e.getCode());
        }

        /** As a menu shows it: {@code Ctrl+1}, {@code F1}. */
        public String display() {
            return text != null ? text : (shortcut ? "Ctrl+" : "") + codes.get(0).getName();
        }

        /** As a menu accelerator ({@code Shortcut+O}); only for chords the window does not handle itself. */
        public KeyCombination accelerator() {
            return KeyCombination.keyCombination((shortcut ? "Shortcut+" : "") + codes.get(0).getName());
        }
    }

    private final String keys;
    private final String does;
    private final List<Chord> chords;

    Keys(String keys, String does, Chord... chords) {
        this.keys = keys;
        this.does = does;
        this.chords = List.of(chords);
    }

    /** The keys as people read them: {@code Right, Space, PageDown}. */
    public String keys() { return keys; }

    /** What they do, one line. */
    public String does() { return does; }

    public List<Chord> chords() { return chords; }

    public Chord chord(int i) { return chords.get(i); }

    /** Which of this row's chords the event is, or -1. */
    public int match(KeyEvent e) {
        for (int i = 0; i < chords.size(); i++) if (chords.get(i).matches(e)) return i;
        return -1;
    }

    private static Chord key(KeyCode... codes) { return new Chord(List.of(codes), null, false); }

    private static Chord shortcut(KeyCode... codes) { return new Chord(List.of(codes), null, true); }

    private static Chord typed(String text) { return new Chord(List.of(), text, false); }
}
