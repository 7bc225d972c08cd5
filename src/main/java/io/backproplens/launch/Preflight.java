package io.backproplens.launch;

import java.util.Locale;
import java.util.Map;

/**
 * What the launcher checks before any JavaFX or Java 21 class is loaded: the Java version and, for
 * the desktop app, a display. Each problem is one line for the terminal, never a stack trace.
 *
 * <p>Compiled for Java 8 with {@code Main} (see {@code pom.xml}), so it must stay plain Java 8.
 */
public final class Preflight {
    /** Exit status when the machine, not the input, is what is missing (as for bad input: 2). */
    public static final int EXIT_ENVIRONMENT = 2;
    /** The oldest Java the app's classes run on (they are compiled with {@code --release 21}). */
    public static final int JAVA_NEEDED = 21;

    private Preflight() {}

    /** Whether these arguments open the desktop app (none, or one scene file) rather than a command. */
    public static boolean isDesktop(String[] args) {
        return args.length == 0 || (args.length == 1 && args[0].endsWith(".json"));
    }

    /** The one-line reason the app cannot start here, or null if it can. */
    public static String problem(String[] args) {
        String javaProblem = javaProblem(System.getProperty("java.specification.version"), System.getProperty("java.home"));
        if (javaProblem != null) return javaProblem;
        if (!isDesktop(args)) return null;
        return displayProblem(System.getProperty("os.name"), System.getenv(), System.getProperty("glass.platform"));
    }

    /** {@code specVersion} is "1.8" for Java 8, "17" for 17: the feature number is the last part before 9, the first after. */
    static String javaProblem(String specVersion, String javaHome) {
        int feature = feature(specVersion);
        if (feature >= JAVA_NEEDED) return null;
        return "Backprop Lens needs Java " + JAVA_NEEDED + " or newer, but this is Java " + specVersion + " (" + javaHome
                + "): install a JDK " + JAVA_NEEDED + "+ (e.g. Temurin 21 or openjdk-21-jdk) and run the jar with its java"
                + " (/path/to/jdk-" + JAVA_NEEDED + "/bin/java -jar backprop-lens.jar).";
    }

    static int feature(String specVersion) {
        String v = specVersion.startsWith("1.") ? specVersion.substring(2) : specVersion;
        int end = 0;
        while (end < v.length() && Character.isDigit(v.charAt(end))) end++;
        return end == 0 ? 0 : Integer.parseInt(v.substring(0, end));
    }

    /**
     * On Linux and the BSDs the desktop needs an X11 or Wayland session; without one JavaFX dies
     * with "Unable to open DISPLAY" and a stack trace. A glass platform chosen on the command line
     * (Monocle, headless) needs no display. macOS and Windows always have their desktop.
     */
    static String displayProblem(String osName, Map<String, String> env, String glassPlatform) {
        String os = osName == null ? "" : osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("mac") || os.startsWith("windows")) return null;
        if (glassPlatform != null && !glassPlatform.isEmpty()) return null;
        if (isSet(env.get("DISPLAY")) || isSet(env.get("WAYLAND_DISPLAY"))) return null;
        return "Backprop Lens: no display to open the window on (DISPLAY and WAYLAND_DISPLAY are unset): start it from a"
                + " desktop session, or render the scenes headless with 'java -jar backprop-lens.jar snapshot --out DIR'.";
    }

    private static boolean isSet(String s) {
        return s != null && !s.trim().isEmpty();
    }
}
