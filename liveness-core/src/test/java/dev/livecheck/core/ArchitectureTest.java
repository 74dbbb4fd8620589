package dev.livecheck.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Layering rules of {@code liveness-core}, checked on the compiled production classes. */
class ArchitectureTest {

    private static JavaClasses core;

    @BeforeAll
    static void importClasses() {
        core = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("dev.livecheck.core");
    }

    @Test
    void coreDoesNotDependOnSpring() {
        noClasses().that().resideInAPackage("dev.livecheck.core..")
                .should().dependOnClassesThat().resideInAPackage("org.springframework..")
                .because("liveness-core is plain Java; Spring lives in portal-web")
                .check(core);
    }

    @Test
    void perceptionDoesNotKnowAboutDecisions() {
        noClasses().that().resideInAPackage("dev.livecheck.core.vision..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.livecheck.core.engine..", "dev.livecheck.core.checks..",
                        "dev.livecheck.core.attempt..", "dev.livecheck.core.cli..")
                .because("vision measures frames; the engine, checks and attempts decide")
                .check(core);
    }

    @Test
    void theRulesSeeTheProductionClasses() {
        org.assertj.core.api.Assertions.assertThat(core.containPackage("dev.livecheck.core.vision")).isTrue();
        org.assertj.core.api.Assertions.assertThat(core.contain("dev.livecheck.core.vision.FrameAnalyzer")).isTrue();
    }
}
