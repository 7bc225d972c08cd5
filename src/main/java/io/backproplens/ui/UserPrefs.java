package io.backproplens.ui;

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

    public static UserPrefs forUser() {
        return new UserPrefs(Preferences.userRoot().node("io/backproplens"));
    }

    public Settings loadSettings() {
        Settings d = Settings.defaults();
        try {
            return new Settings(Init.parse(node.get("init", d.init().id())), node.getLong("seed", d.seed()),
                    node.getInt("nh", d.nh()), node.getDouble("reluShift", d.reluShift()), node.getInt("batch", d.batch()));
        } catch (IllegalArgumentException e) {
            return d;
        }
    }

    public void saveSettings(Settings s) {
        node.put("init", s.init().id());
        node.putLong("seed", s.seed());
        node.putInt("nh", s.nh());
        node.putDouble("reluShift", s.reluShift());
        node.putInt("batch", s.batch());
    }

    public void loadPresentation(Presentation p) {
        p.scale.set(Math.max(Presentation.MIN_SCALE, Math.min(Presentation.MAX_SCALE, node.getDouble("scale", 1.0))));
        try {
            p.theme.set(Presentation.Theme.valueOf(node.get("theme", Presentation.Theme.LIGHT.name())));
        } catch (IllegalArgumentException e) {
            p.theme.set(Presentation.Theme.LIGHT);
        }
    }

    public void savePresentation(Presentation p) {
        node.putDouble("scale", p.scale.get());
        node.put("theme", p.theme.get().name());
    }

    /** Forgets everything stored: the next start uses the defaults. */
    public void clear() {
        try {
            node.clear();
        } catch (BackingStoreException e) {
            throw new IllegalStateException("could not reset the stored settings: " + e.getMessage(), e);
        }
    }
}
