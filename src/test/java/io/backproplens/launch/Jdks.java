package io.backproplens.launch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The JDKs installed beside the one running the tests, read from each one's {@code release} file. */
final class Jdks {
    private static final Pattern JAVA_VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"(?:1\\.)?(\\d+)");

    private Jdks() {}

    /** An installed JDK older than {@code feature}, if there is one (Debian's JVM folder, or beside this JDK). */
    static Optional<Path> olderThan(int feature) throws IOException {
        for (Path home : installed()) {
            int f = feature(home);
            if (f > 0 && f < feature && Files.isExecutable(java(home))) return Optional.of(home);
        }
        return Optional.empty();
    }

    /** The feature version a JDK's release file states, 0 if it has none. */
    static int feature(Path home) throws IOException {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(release)) return 0;
        Matcher m = JAVA_VERSION.matcher(Files.readString(release));
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    static Path java(Path home) {
        return home.resolve("bin").resolve(System.getProperty("os.name").startsWith("Windows") ? "java.exe" : "java");
    }

    static Path current() {
        return Path.of(System.getProperty("java.home"));
    }

    private static List<Path> installed() throws IOException {
        List<Path> homes = new ArrayList<>();
        for (Path dir : List.of(Path.of("/usr/lib/jvm"), current().getParent())) {
            if (dir == null || !Files.isDirectory(dir)) continue;
            try (Stream<Path> s = Files.list(dir)) {
                s.sorted().forEach(homes::add);
            }
        }
        return homes;
    }
}
