package io.backproplens.ui.shell;

import io.backproplens.engine.Init;
import io.backproplens.session.Settings;
import io.backproplens.ui.core.Presentation;

import java.util.function.Function;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * Settings that persist between runs (java.util.prefs: the user's own store, no file to manage).
 * Each stored value is checked on its own: one that no longer validates falls back to its default
 * and the others are kept. A store that cannot be written is used for nothing, with one notice.
 */
public final class UserPrefs {
    /** Held so the level set below is not lost with a weakly referenced logger. */
    private static final Logger PREFS_LOG = Logger.getLogger("java.util.prefs");

    private final Preferences node;
    private final String problem;

    public UserPrefs(Preferences node) { this(node, null); }

    private UserPrefs(Preferences node, String problem) {
        this.node = node;
        this.problem = problem;
    }

    /**
     * The user's store; with {@code -Dbackproplens.prefs=false} (the tests) nothing is read or kept,
     * so one run's choices never leak into the next.
     */
    public static UserPrefs forUser() {
        if (!Boolean.parseBoolean(System.getProperty("backproplens.prefs", "true"))) return new UserPrefs(null);
        try {
            Preferences node = Preferences.userRoot().node("io/backproplens");
            node.flush();  // fails now, once, if the store cannot be written
            return new UserPrefs(node);
        } catch (BackingStoreException | SecurityException | IllegalStateException e) {
            // Otherwise java.util.prefs would warn on stderr every 30 seconds for the whole session.
            PREFS_LOG.setLevel(Level.OFF);
            return new UserPrefs(null, "Settings will not be remembered: the preferences folder cannot be written ("
                    + e.getMessage() + ")");
        }
    }

    /** Why settings are not remembered this run, or null when they are. */
    public String problem() { return problem; }

    public Settings loadSettings() {
        Settings d = Settings.defaults();
        if (node == null) return d;
        Init init = value("init", d.init(), Init::parse, v -> true);
        long seed = value("seed", d.seed(), Long::parseLong, v -> true);
        int nh = value("nh", d.nh(), Integer::parseInt, v -> v >= 1 && v <= Settings.MAX_NH);
        double shift = value("reluShift", d.reluShift(), Double::parseDouble, v -> Math.abs(v) <= Settings.MAX_RELU_SHIFT);
        int batch = value("batch", d.batch(), Integer::parseInt, v -> v >= 0 && v <= Settings.MAX_BATCH);
        return new Settings(init, seed, nh, shift, batch);
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
        p.scale.set(value("scale", 1.0, Double::parseDouble, v -> v >= Presentation.MIN_SCALE && v <= Presentation.MAX_SCALE));
        p.theme.set(value("theme", Presentation.Theme.LIGHT, Presentation.Theme::valueOf, v -> true));
        p.motion.set(value("motion", true, UserPrefs::parseBoolean, v -> true));
    }

    public void savePresentation(Presentation p) {
        if (node == null) return;
        node.putDouble("scale", p.scale.get());
        node.put("theme", p.theme.get().name());
        node.putBoolean("motion", p.motion.get());
    }

    /** "true" or "false" only: Boolean.parseBoolean would read any typo as false. */
    private static Boolean parseBoolean(String s) {
        if (s.equals("true") || s.equals("false")) return Boolean.valueOf(s);
        throw new IllegalArgumentException("not a boolean: " + s);
    }

    /** A stored value, or the default when it is missing, unreadable or out of range. */
    private <T> T value(String key, T fallback, Function<String, T> parse, Predicate<T> valid) {
        String stored = node.get(key, null);
        if (stored == null) return fallback;
        try {
            T v = parse.apply(stored.trim());
            return valid.test(v) ? v : fallback;
        } catch (RuntimeException e) {
            return fallback;
        }
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
