package io.backproplens;

import io.backproplens.launch.Preflight;

import java.lang.reflect.InvocationTargetException;

/**
 * The jar's entry point. No arguments (or one scene file, {@code *.json}) opens the desktop app;
 * anything else is the command line.
 *
 * <p>This class and {@link Preflight} are compiled for Java 8 (see the {@code launcher} execution in
 * {@code pom.xml}), the rest of the app for 21: so {@code java -jar} on an older Java, a common
 * default, prints which Java the app needs instead of an {@code UnsupportedClassVersionError}.
 * That is also why the app is reached by name, not by a call: a Java 8 class file cannot refer to
 * Java 21 ones at compile time. Deliberately not an {@code Application} subclass either: JavaFX on
 * the class path refuses to start a main class that extends it ("runtime components are missing").
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) throws Throwable {
        String problem = Preflight.problem(args);
        if (problem != null) {
            System.err.println(problem);
            System.exit(Preflight.EXIT_ENVIRONMENT);
        }
        try {
            Class.forName("io.backproplens.launch.Launch")
                    .getMethod("main", String[].class)
                    .invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
