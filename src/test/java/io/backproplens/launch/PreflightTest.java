package io.backproplens.launch;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The launcher's checks on the values an old JVM or a bare machine reports (LauncherIT runs the real jar). */
class PreflightTest {

    @Test
    void readsTheFeatureVersionOfOldAndNewJavaSpecifications() {
        assertThat(Preflight.feature("1.8")).isEqualTo(8);   // Java 8 still says 1.8
        assertThat(Preflight.feature("17")).isEqualTo(17);
        assertThat(Preflight.feature("21")).isEqualTo(21);
        assertThat(Preflight.feature("25")).isEqualTo(25);
    }

    @Test
    void java8And17AreRefusedInOneLineNaming21() {
        for (String v : new String[] {"1.8", "17", "20"}) {
            String line = Preflight.javaProblem(v, "/opt/jdk");
            assertThat(line).as(v).contains("needs Java 21 or newer", "this is Java " + v, "/opt/jdk").doesNotContain("\n");
        }
        assertThat(Preflight.javaProblem("21", "/opt/jdk")).isNull();
        assertThat(Preflight.javaProblem("25", "/opt/jdk")).isNull();
    }

    @Test
    void aDisplayIsNeededOnlyOnX11AndWaylandDesktopsAndNotForAChosenHeadlessPlatform() {
        assertThat(Preflight.displayProblem("Linux", Map.of(), null)).contains("DISPLAY", "snapshot");
        assertThat(Preflight.displayProblem("Linux", Map.of("DISPLAY", " "), null)).isNotNull();
        assertThat(Preflight.displayProblem("Linux", Map.of("DISPLAY", ":0"), null)).isNull();
        assertThat(Preflight.displayProblem("Linux", Map.of("WAYLAND_DISPLAY", "wayland-0"), null)).isNull();
        assertThat(Preflight.displayProblem("FreeBSD", Map.of(), null)).isNotNull();
        assertThat(Preflight.displayProblem("Linux", Map.of(), "Monocle")).isNull();
        assertThat(Preflight.displayProblem("Mac OS X", Map.of(), null)).isNull();
        assertThat(Preflight.displayProblem("Windows 11", Map.of(), null)).isNull();
    }

    @Test
    void noArgumentsOrOneSceneFileOpenTheDesktopAnythingElseIsACommand() {
        assertThat(Preflight.isDesktop(new String[0])).isTrue();
        assertThat(Preflight.isDesktop(new String[] {"lesson.lens.json"})).isTrue();
        assertThat(Preflight.isDesktop(new String[] {"lesson.json"})).isTrue();
        assertThat(Preflight.isDesktop(new String[] {"report"})).isFalse();
        assertThat(Preflight.isDesktop(new String[] {"report", "--json"})).isFalse();
        assertThat(Preflight.isDesktop(new String[] {"snapshot", "--out", "x.json"})).isFalse();
    }
}
