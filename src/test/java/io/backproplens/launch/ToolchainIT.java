package io.backproplens.launch;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The README's commands on a machine whose default java is older than 21 and where JAVA_HOME is
 * unset: Maven, running on that old JDK, must find an installed JDK 21+ itself. A nested Maven runs
 * the toolchain step (validate) of this pom.xml, offline, with JAVA_HOME unset and the old JDK
 * first on the PATH: the cheap part of a clean-clone build that decides which JDK compiles and tests.
 */
class ToolchainIT {
    private static final Pattern SELECTED = Pattern.compile("Selected JDK toolchain: JDK\\[(.+)]");

    @TempDir
    Path dir;

    private Path oldJdk;
    private Path mvn;

    @BeforeEach
    void setUp() throws Exception {
        Optional<Path> old = Jdks.olderThan(Preflight.JAVA_NEEDED);
        assumeTrue(old.isPresent(), "no JDK older than 21 installed to run Maven on");
        oldJdk = old.get();
        mvn = Path.of(System.getProperty("maven.home", ""), "bin", "mvn");
        assumeTrue(Files.isExecutable(mvn), "no mvn script under maven.home");
        Files.copy(Path.of(System.getProperty("backproplens.pom", "pom.xml")), dir.resolve("pom.xml"));
    }

    @Test
    void mavenOnAnOldJdkSelectsAnInstalledJdk21OrNewer() throws Exception {
        Run version = maven(List.of("-v"));
        assertThat(version.out()).as("Maven itself runs on the old JDK; %s", version)
                .contains("Java version: " + Jdks.feature(oldJdk));

        Run run = maven(List.of("validate"));

        assertThat(run.exit()).as("%s", run).isZero();
        Matcher m = SELECTED.matcher(run.out());
        assertThat(m.find()).as("a JDK toolchain was selected; %s", run).isTrue();
        Path selected = Path.of(m.group(1));
        assertThat(Jdks.feature(selected)).as("the selected JDK %s", selected).isGreaterThanOrEqualTo(Preflight.JAVA_NEEDED);
    }

    @Test
    void withoutASuitableJdkTheBuildStopsNamingTheVersionToInstall() throws Exception {
        // No JDK 99 exists anywhere: the same path a machine without any JDK 21+ takes.
        Run run = maven(List.of("-Dtoolchain.jdk.version=[99,)", "validate"));

        assertThat(run.exit()).as("%s", run).isNotZero();
        assertThat(run.out()).as("%s", run).contains("BUILD FAILURE").contains("version=[99,)");
    }

    private Run maven(List<String> args) throws Exception {
        List<String> command = new ArrayList<>(List.of(mvn.toString(), "-o", "-B", "-ntp"));
        String repo = System.getProperty("maven.repo.local");
        if (repo != null && !repo.isBlank()) command.add("-Dmaven.repo.local=" + repo);
        command.addAll(args);
        return Run.of(command, this::oldJdkFirst, dir, 120);
    }

    private void oldJdkFirst(Map<String, String> env) {
        env.remove("JAVA_HOME");
        env.put("PATH", oldJdk.resolve("bin") + File.pathSeparator + env.getOrDefault("PATH", ""));
    }
}
