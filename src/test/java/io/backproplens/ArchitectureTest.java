package io.backproplens;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package structure, checked on the compiled classes: whoever adds a view or a module finds out
 * here, not in review, when it would tie two packages together.
 */
class ArchitectureTest {
    /** Each view in its own package; only the shell puts them together. */
    static final List<String> VIEWS = List.of("network", "matmul", "activations", "data", "code", "train", "slips");

    private static JavaClasses app;

    static List<String> views() { return VIEWS; }

    @BeforeAll
    static void importApp() {
        app = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.backproplens");
    }

    @Test
    void noPackageDependsOnItselfThroughOthers() {
        slices().matching("io.backproplens.(**)").should().beFreeOfCycles().check(app);
    }

    @Test
    void javaFxOnlyInTheUi() {
        noClasses().that().resideOutsideOfPackage("io.backproplens.ui..")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .check(app);
    }

    @Test
    void engineUsesNothingElseOfTheApp() {
        noClasses().that().resideInAPackage("io.backproplens.engine..")
                .should().dependOnClassesThat(resideInAPackage("io.backproplens..")
                        .and(not(resideInAPackage("io.backproplens.engine.."))))
                .check(app);
    }

    @ParameterizedTest
    @MethodSource("views")
    void aViewUsesNeitherAnotherViewNorTheShell(String view) {
        List<String> forbidden = new ArrayList<>(VIEWS.stream().filter(v -> !v.equals(view))
                .map(v -> "io.backproplens.ui." + v + "..").toList());
        forbidden.add("io.backproplens.ui.shell..");
        noClasses().that().resideInAPackage("io.backproplens.ui." + view + "..")
                .should().dependOnClassesThat().resideInAnyPackage(forbidden.toArray(String[]::new))
                .check(app);
    }

    @ParameterizedTest
    @ValueSource(strings = {"core", "common", "audit"})
    void sharedUiPackagesUseNoViewAndNoShell(String shared) {
        List<String> forbidden = new ArrayList<>(VIEWS.stream().map(v -> "io.backproplens.ui." + v + "..").toList());
        forbidden.add("io.backproplens.ui.shell..");
        noClasses().that().resideInAPackage("io.backproplens.ui." + shared + "..")
                .should().dependOnClassesThat().resideInAnyPackage(forbidden.toArray(String[]::new))
                .check(app);
    }

    @Test
    void everyViewPackageIsListed() {
        // A new view package must join VIEWS (and the rules above), or it would escape them.
        String[] uiPackages = app.stream().map(JavaClass::getPackageName)
                .filter(p -> p.startsWith("io.backproplens.ui."))
                .map(p -> p.substring("io.backproplens.ui.".length()).split("\\.")[0])
                .distinct().sorted().toArray(String[]::new);
        List<String> known = new ArrayList<>(VIEWS);
        known.addAll(List.of("core", "common", "audit", "shell"));
        assertThat(Arrays.asList(uiPackages)).containsExactlyInAnyOrderElementsOf(known);
    }
}
