package io.backproplens.ui.shell;

import io.backproplens.engine.Init;
import io.backproplens.session.Settings;
import io.backproplens.ui.core.Presentation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.prefs.Preferences;

import static org.assertj.core.api.Assertions.assertThat;

/** A stored preference that no longer validates costs that one setting, never all of them. */
class UserPrefsTest {
    private Preferences node;

    @BeforeEach
    void node() { node = Preferences.userRoot().node("io/backproplens-test/" + System.nanoTime()); }

    @AfterEach
    void remove() throws Exception { node.removeNode(); }

    @Test
    void oneBadValueResetsThatSettingAlone() {
        UserPrefs prefs = new UserPrefs(node);
        prefs.saveSettings(new Settings(Init.XAVIER, 7, 32, 0.5, 1000));
        node.put("nh", "100000");       // beyond the limit
        node.put("seed", "forty-two");  // not a number

        Settings s = prefs.loadSettings();
        assertThat(s).isEqualTo(new Settings(Init.XAVIER, Settings.defaults().seed(), Settings.defaults().nh(), 0.5, 1000));
    }

    @Test
    void aNaNOrAbsurdScaleIsRefused() {
        UserPrefs prefs = new UserPrefs(node);
        for (String bad : new String[]{"NaN", "Infinity", "0.01", "99", "big"}) {
            node.put("scale", bad);
            node.put("theme", "DARK");
            Presentation p = new Presentation();
            p.scale.set(1.7);
            prefs.loadPresentation(p);
            assertThat(p.scale.get()).as(bad).isEqualTo(1.0);
            assertThat(p.theme.get()).as("the theme is kept when the scale is bad").isEqualTo(Presentation.Theme.DARK);
        }
        node.put("scale", "1.5");
        Presentation p = new Presentation();
        prefs.loadPresentation(p);
        assertThat(p.scale.get()).isEqualTo(1.5);
    }

    @Test
    void reducedMotionIsRememberedAndAnUnreadableValueMeansMotion() {
        UserPrefs prefs = new UserPrefs(node);
        Presentation saved = new Presentation();
        saved.motion.set(false);
        prefs.savePresentation(saved);
        Presentation p = new Presentation();
        prefs.loadPresentation(p);
        assertThat(p.motion.get()).as("reduced motion kept").isFalse();

        // "ture" would be false to Boolean.parseBoolean: a typo must not switch motion off.
        for (String bad : new String[]{"ture", "yes", "", "FALSE!"}) {
            node.put("motion", bad);
            Presentation q = new Presentation();
            q.motion.set(false);
            prefs.loadPresentation(q);
            assertThat(q.motion.get()).as(bad).isTrue();
        }
    }
}
