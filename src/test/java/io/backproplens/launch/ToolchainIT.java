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

    private static final String JDK_CHECK = "src/build/jdk-installed.bsh";

    private Path oldJdk;
    private Path mvn;
    private Path home;

    @BeforeEach
    void setUp() throws Exception {
        Optional<Path> old = Jdks.olderThan(Preflight.JAVA_NEEDED);
        assumeTrue(old.isPresent(), "no JDK older than 21 installed to run Maven on");
        oldJdk = old.get();
        mvn = Path.of(System.getProperty("maven.home", ""), "bin", "mvn");
        assumeTrue(Files.isExecutable(mvn), "no mvn script under maven.home");
        Path pom = Path.of(System.getProperty("backproplens.pom", "pom.xml"));
        Files.copy(pom, dir.resolve("pom.xml"));
        Files.createDirectories(dir.resolve(JDK_CHECK).getParent());
        Files.copy(pom.resolveSibling(JDK_CHECK), dir.resolve(JDK_CHECK));
        // Maven's user.home: an empty one, so no ~/.m2/toolchains.xml (nor a discovery cache) of this
        // machine's user takes part; the local repository is passed explicitly.
        home = Files.createDirectories(dir.resolve("home"));
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
    void withoutASuitableJdkTheBuildStopsInOneLineNamingTheJdkToInstall() throws Exception {
        // No JDK 99 exists anywhere: the path a machine without any JDK 21+ takes (the discovery of
        // /usr/lib/jvm and the like cannot be switched off, so the range is one nothing satisfies).
        Run run = maven(List.of("-Djdk.needed=99", "validate"));

        assertThat(run.exit()).as("%s", run).isNotZero();
        List<String> ours = run.out().lines().filter(l -> l.contains("JDK 99")).toList();
        assertThat(ours).as("one line names the JDK to install; %s", run).containsExactly(
                "[ERROR] No JDK 99 or newer is installed: install one (Eclipse Temurin 99 from https://adoptium.net,"
                        + " or on Debian/Ubuntu: sudo apt-get install openjdk-99-jdk) and run the command again;"
                        + " it need not be the default java.");
        assertThat(run.out()).as("the toolchain step, whose text sends users to toolchains.xml, is not reached; %s", run)
                .doesNotContain("select-jdk-toolchain").doesNotContain("Cannot find matching toolchain");
    }

    @Test
    void aJdkDeclaredInTheUsersToolchainsXmlPassesTheCheck() throws Exception {
        // A JDK that only ~/.m2/toolchains.xml knows of (discovery finds no JDK 99): the check must
        // let the toolchain step select it, as that step would without the check.
        Path jdk = Jdks.current();
        Files.createDirectories(home.resolve(".m2"));
        Files.writeString(home.resolve(".m2/toolchains.xml"), """
                <toolchains>
                  <toolchain>
                    <type>jdk</type>
                    <provides><version>99</version></provides>
                    <configuration><jdkHome>%s</jdkHome></configuration>
                  </toolchain>
                </toolchains>
                """.formatted(jdk));

        Run run = maven(List.of("-Djdk.needed=99", "validate"));

        assertThat(run.exit()).as("%s", run).isZero();
        Matcher m = SELECTED.matcher(run.out());
        assertThat(m.find()).as("a JDK toolchain was selected; %s", run).isTrue();
        assertThat(Path.of(m.group(1)).toRealPath()).isEqualTo(jdk.toRealPath());
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
        env.put("MAVEN_OPTS", "-Duser.home=" + home);
        env.put("PATH", oldJdk.resolve("bin") + File.pathSeparator + env.getOrDefault("PATH", ""));
    }
}
