package io.backproplens.ui.shell;

import io.backproplens.ui.core.Presentation;

import io.backproplens.engine.Init;
import io.backproplens.session.Settings;

import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * Settings that persist between runs (java.util.prefs: the user's own store, no file to manage).
 * A stored value that no longer validates is ignored in favour of the default.
 */
public final class UserPrefs {
    private final Preferences node;

    public UserPrefs(Preferences node) { this.node = node; }

    /**
     * The user's store; with {@code -Dbackproplens.prefs=false} (the tests) nothing is read or kept,
     * so one run's choices never leak into the next.
     */
    public static UserPrefs forUser() {
        if (!Boolean.parseBoolean(System.getProperty("backproplens.prefs", "true"))) return new UserPrefs(null);
        return new UserPrefs(Preferences.userRoot().node("io/backproplens"));
    }

    public Settings loadSettings() {
        Settings d = Settings.defaults();
        if (node == null) return d;
        try {
            return new Settings(Init.parse(node.get("init", d.init().id())), node.getLong("seed", d.seed()),
                    node.getInt("nh", d.nh()), node.getDouble("reluShift", d.reluShift()), node.getInt("batch", d.batch()));
        } catch (IllegalArgumentException e) {
            return d;
        }
    }

    public void saveSettings(Settings s) {
        if (node == null) return;
        node.put("init", s.init().id());
        node.putLong("seed", s.seed());
        node.putInt("nh", s.nh());
        node.putDouble("reluShift", s.reluShift());
        node.putInt("batch", s.batch());
    }

    public void loadPresentation(Presentation p) {
        if (node == null) return;
        p.scale.set(Math.max(Presentation.MIN_SCALE, Math.min(Presentation.MAX_SCALE, node.getDouble("scale", 1.0))));
        try {
            p.theme.set(Presentation.Theme.valueOf(node.get("theme", Presentation.Theme.LIGHT.name())));
        } catch (IllegalArgumentException e) {
            p.theme.set(Presentation.Theme.LIGHT);
        }
    }

    public void savePresentation(Presentation p) {
        if (node == null) return;
        node.putDouble("scale", p.scale.get());
        node.put("theme", p.theme.get().name());
    }

    /** Forgets everything stored: the next start uses the defaults. */
    public void clear() {
        if (node == null) return;
        try {
            node.clear();
        } catch (BackingStoreException e) {
            throw new IllegalStateException("could not reset the stored settings: " + e.getMessage(), e);
        }
    }
}
